"""Checking a parsed document: it reports problems and changes nothing; then normalise."""

import copy

import pytest

from hrplan import load
from hrplan.build import normalise
from hrplan.validate import validate
from tests.conftest import MINIMAL

# Goals whose canonical form differs from the parsed one: a chapter to fill in from the
# section, notes written as plain strings.
STRING_NOTES = MINIMAL.replace('reported_status = "met"\n', 'reported_status = "met"\nnotes = ["A plain note."]\n', 1)


@pytest.mark.parametrize("text", [MINIMAL, STRING_NOTES], ids=["minimal", "string-notes"])
def test_checking_leaves_the_parsed_document_unchanged(text):
    doc = load.parse(text, "x")
    before = copy.deepcopy(doc)
    assert validate(doc, "x") == []
    assert doc == before


def test_normalise_fills_in_chapters_writes_notes_as_tables_and_indexes_the_goals():
    canonical = normalise(load.parse(STRING_NOTES, "x"))
    g2 = canonical["goals"][1]
    assert g2["chapter"] == "I"
    assert g2["notes"] == [{"text": "A plain note.", "kind": "note", "sources": []}]
    assert canonical["index"] == [["G1", "G2", "G3"], ["I", "I", "II"], ["I.1", "I.2", None], [["jobs"], (), ()]]


def test_checking_the_bundled_data_leaves_it_unchanged():
    file = load.plan_files(load.bundled_data_dir())[0]
    doc = load.parse(load.read_text(file), file)
    before = copy.deepcopy(doc)
    assert validate(doc, file) == []
    assert doc == before


def test_checking_a_document_with_problems_leaves_it_unchanged():
    doc = load.parse(STRING_NOTES.replace('section = "I.2"', 'section = "I.9"'), "x")
    before = copy.deepcopy(doc)
    assert [p.path for p in validate(doc, "x")] == ["goals[1].section"]
    assert doc == before
