"""The checker: every rule has a failing example, every problem is reported at once, the
generated fast acceptance agrees with the full check, and checking changes nothing."""

import copy
import datetime
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrplan.planfile import files, load, rules as schema, validate
from hrplan.planfile.load import check_file
from hrplan.planfile.validate import validate as check
from tests.conftest import MINIMAL


def problems_of(plan_file, text):
    doc, problems = check_file(plan_file(text))
    return [(p.path, p.message, p.severity) for p in problems]


RULES = [
    # (name, replace-from, replace-to, expected path, expected words in message)
    ("missing required key", 'title = "Test plan"\n', "", "plan.title", "required"),
    ("unknown key", 'tags = ["jobs"]', 'tagz = ["jobs"]', "goals[G1].tagz", "did you mean tags"),
    ("wrong type", "value = 9\n", 'value = "nine"\n', "goals[G1].target.value", "must be a number"),
    ("array where a table is expected", "[goals.target]\nmetric = \"New jobs\"", "[[goals.target]]\nmetric = \"New jobs\"", "goals[G1].target", "must be a table"),
    ("bad enum", 'op = ">="', 'op = "=>"', "goals[G1].target.op", "must be one of"),
    ("duplicate id", 'id = "G2"', 'id = "G1"', "goals[1].id", "duplicate id 'G1'"),
    ("dangling section", 'section = "I.2"', 'section = "I.9"', "goals[G2].section", "unknown section 'I.9'"),
    ("dangling source", 'source = "stat"', 'source = "stats"', "goals[G2].results[0].source", "did you mean stat"),
    ("dangling chapter", 'chapter = "I"\ntitle = "Work"', 'chapter = "IX"\ntitle = "Work"', "sections[I.1].chapter", "unknown chapter"),
    ("dangling theme section", 'sections = ["I.1", "I.2"]', 'sections = ["I.1", "I.7"]', "themes[livelihood].sections[1]", "unknown section or chapter"),
    ("dangling claim area", 'area = "livelihood"', 'area = "livelyhood"', "claims[C1].area", "unknown area"),
    ("nan", "value = 12\n", "value = nan\n", "goals[G1].results[0].value", "finite"),
    ("infinity", "value = 12\n", "value = inf\n", "goals[G1].results[0].value", "finite"),
    ("implausible year", "year = 2014\n", "year = 1066\n", "goals[G3].results[0].year", "a year (1949-2100)"),
    ("target year outside the period", "year = 2015\n\n[[goals.results]]\nyear = 2015\nvalue = 12", "year = 2031\n\n[[goals.results]]\nyear = 2015\nvalue = 12", "goals[G1].target.year", "outside the plan's period"),
    ("bad period", "period = [2012, 2015]", "period = [2015, 2012]", "plan.period", "pair of years"),
    ("bad url", 'url = "https://example.org/plan"', 'url = "example.org/plan"', "sources[plan].url", "http(s) address"),
    ("result without unit", 'value = 12\nunit = "million"\n', "value = 12\n", "goals[G1].results[0].unit", "needs a unit"),
    ("result without year", "year = 2014\ntext", "text", "goals[G3].results[0]", "needs a year or a period"),
    ("result without value or text", 'year = 2014\ntext = "The law was revised."\n', "year = 2014\n", "goals[G3].results[0]", "needs a value or a text"),
    ("goal without section", 'chapter = "II"\ntext = "Revise a law."', 'text = "Revise a law."', "goals[G3]", "needs a section"),
    ("claim share out of range", "share = 50", "share = 150", "claims[C1].share", "0 to 100"),
    ("claim share without counts", 'counts = ["surpassed"]\n', "", "claims[C1].counts", "needs the statuses"),
    ("unknown status in counts", 'counts = ["surpassed"]', 'counts = ["exceeded"]', "claims[C1].counts", "unknown status"),
    ("mean target without period", "value = 9\nyear = 2015\n", 'value = 9\nyear = 2015\naggregate = "mean"\n', "goals[G1].target.aggregate", "needs a period"),
    ("the word of every plan as a plan id", 'id = "test-plan"', 'id = "all"', "plan.id", "--plan all means every plan"),
    ("self predecessor", 'period = [2012, 2015]\n', 'period = [2012, 2015]\npredecessor = "test-plan"\n', "plan.predecessor", "own predecessor"),
    ("bad date", 'period = [2012, 2015]\n', 'period = [2012, 2015]\npublished = "June 2012"\n', "plan.published", "a date"),
    ("id with a final newline", 'id = "G2"', 'id = "G2\\n"', "goals[1].id", "holds \\n at character 3: this value is one line"),
    ("url with a final newline", 'url = "https://example.org/plan"', 'url = "https://example.org/plan\\n"', "sources[plan].url", "holds \\n at character 25"),
    ("date with a final newline", 'period = [2012, 2015]\n', 'period = [2012, 2015]\npublished = "2012-06-11\\n"\n', "plan.published", "holds \\n at character 11"),
    ("top-level key after a table", "format = 1\n", "", "", ""),
]


@pytest.mark.parametrize("name,old,new,path,words", RULES, ids=[r[0] for r in RULES])
def test_each_rule_has_a_failing_example(plan_file, name, old, new, path, words):
    assert old in MINIMAL, f"fixture text for {name!r} not found"
    found = problems_of(plan_file, MINIMAL.replace(old, new, 1))
    if name == "top-level key after a table":  # format is optional: still valid
        assert found == []
        return
    assert any(p == path and words in m for p, m, _ in found), found


def test_unit_mismatch_is_a_warning_not_an_error(plan_file):
    found = problems_of(plan_file, MINIMAL.replace('value = 12\nunit = "million"', 'value = 12\nunit = "thousand"'))
    assert found == [("goals[G1].results[0].unit", "unit 'thousand' differs from the target's 'million'", "warning")]


def test_every_problem_is_reported_at_once(plan_file):
    text = MINIMAL.replace('source = "stat"', 'source = "nope"').replace('section = "I.2"', 'section = "I.9"')
    paths = [p for p, _, _ in problems_of(plan_file, text)]
    assert "goals[G2].results[0].source" in paths and "goals[G2].section" in paths


def test_valid_toml_that_is_not_a_plan(plan_file):
    found = problems_of(plan_file, "title = 'a cookbook'\n")
    assert ("plan", "is required but missing", "error") in found
    assert ("title", "unknown key", "error") in found


# ---------------------------------------------------------------- fast acceptance

JUNK = ["", " ", "x", "I.1", "bad id!", "-x", "http://example.org/a", "ftp://x", "2012-13", "1999-01", "met",
        "more_than", ">=", "note", 0, 1, 2012, 1800, -5, True, False, 1.5, math.nan, math.inf, [], ["a"], ["", "x"],
        ["I.1", "bad id!"], [2012, 2015], [2015, 2012], [1], {}, {"a": 1}, {"text": "t"},
        datetime.date(2012, 1, 1), datetime.datetime(2012, 1, 1, 1, 1),
        # what a string may not hold: control characters, bidirectional overrides; lines and tabs
        "a\x1b[31m", "\x1b]0;title\x07", "nel\x85", "del\x7f", "\u202eevil", "iso\u2066", "two\nlines", "tab\tbed",
        "https://example.org/\x1b", "I.1\n", ["a\x1b"], ["ok", "two\nlines"], ["note\x9b", {"text": "t\u202e"}]]


def _value(spec, draw, depth):
    """A value for ``spec``: often a fitting one, sometimes junk."""
    if draw(st.integers(0, 4)) == 0 or depth > 3:
        return draw(st.sampled_from(JUNK))
    if isinstance(spec, dict):
        return _table(spec, draw, depth + 1)
    if isinstance(spec, list):
        return [_table(spec[0], draw, depth + 1) for _ in range(draw(st.integers(0, 2)))]
    if isinstance(spec, tuple):
        return draw(st.sampled_from(spec))
    fitting = {"str": ["text", " padded "], "text": ["text", "two\nlines\tand a tab"], "id": ["I.1", "s1"],
               "url": ["https://example.org/x"],
               "num": [1, 2.5, -3], "int": [1], "year": [2012, 1949, 2100], "period": [[2012, 2015]],
               "bool": [True], "date": ["2012-06-11", datetime.date(2012, 6, 11)], "strlist": [["a", "b"]],
               "idlist": [["s1", "I.2"]], "statuslist": [["met"]], "notes": [["a note", {"text": "t"}]]}[spec]
    return draw(st.sampled_from(fitting))


def _table(spec, draw, depth=0):
    known, required = validate._compiled(spec)
    table = {}
    for name, spec in known.items():
        if name in required and draw(st.integers(0, 9)) or draw(st.booleans()):
            table[name] = _value(spec, draw, depth)
    if draw(st.integers(0, 9)) == 0:
        table["unknown_key"] = 1
    return table


SCHEMAS = {"goal": schema.GOAL, "result": schema.RESULT, "target": schema.TARGET, "source": schema.SOURCE,
           "claim": schema.CLAIM, "section": schema.SECTION, "theme": schema.THEME, "plan": schema.PLAN}


@settings(max_examples=400, deadline=None)
@given(name=st.sampled_from(sorted(SCHEMAS)), data=st.data())
def test_fast_acceptance_never_accepts_what_the_full_check_rejects(name, data):
    spec = SCHEMAS[name]
    table = _table(spec, data.draw)
    problems = []
    validate._check_table(table, spec, "", problems)
    if validate._fast_ok(spec)(table):
        assert problems == [], (table, problems)


@settings(max_examples=400, deadline=None)
@given(name=st.sampled_from(sorted(SCHEMAS)), data=st.data())
def test_fast_acceptance_accepts_what_the_full_check_accepts(name, data):
    """Both read each value's test from schema.TYPES, so they agree both ways."""
    spec = SCHEMAS[name]
    table = _table(spec, data.draw)
    problems = []
    validate._check_table(table, spec, "", problems)
    if not problems:
        assert validate._fast_ok(spec)(table), table


def test_fast_acceptance_accepts_the_bundled_goals():
    """Otherwise every goal would take the slow path: correct, but no faster."""
    doc = files.parse(files.read_text(load.plan_files(files.bundled_data_dir())[0]), "x")
    assert all(validate._fast_ok(schema.GOAL)(g) for g in doc["goals"])
    assert all(validate._fast_ok(schema.SOURCE)(s) for s in doc["sources"])


# ---------------------------------------------------------------- checking changes nothing

# Goals whose canonical form differs from the parsed one: a chapter to fill in from the
# section, notes written as plain strings.
STRING_NOTES = MINIMAL.replace('reported_status = "met"\n', 'reported_status = "met"\nnotes = ["A plain note."]\n', 1)


@pytest.mark.parametrize("text", [MINIMAL, STRING_NOTES], ids=["minimal", "string-notes"])
def test_checking_leaves_the_parsed_document_unchanged(text):
    doc = files.parse(text, "x")
    before = copy.deepcopy(doc)
    assert check(doc, "x") == []
    assert doc == before


def test_checking_the_bundled_data_leaves_it_unchanged():
    file = load.plan_files(files.bundled_data_dir())[0]
    doc = files.parse(files.read_text(file), file)
    before = copy.deepcopy(doc)
    assert check(doc, file) == []
    assert doc == before


def test_checking_a_document_with_problems_leaves_it_unchanged():
    doc = files.parse(STRING_NOTES.replace('section = "I.2"', 'section = "I.9"'), "x")
    before = copy.deepcopy(doc)
    assert [p.path for p in check(doc, "x")] == ["goals[1].section"]  # named by id when placed (hrplan.planfile.locate)
    assert doc == before


# ---------------------------------------------------------------- characters a string may not hold

FIELDS = [
    # (what, replace-from, with a string holding {}, path, a free text)
    ("goal text", 'text = "Create nine million jobs a year."', 'text = "Create{}jobs."', "goals[G1].text", True),
    ("source title", 'title = "The plan"', 'title = "The{}plan"', "sources[plan].title", False),
    ("source url", 'url = "https://example.org/plan"', 'url = "https://example.org/{}plan"', "sources[plan].url", False),
    ("plan title", 'title = "Test plan"', 'title = "Test{}plan"', "plan.title", False),
    ("section title", 'title = "Work"', 'title = "W{}ork"', "sections[I.1].title", False),
    ("alias", 'aliases = ["jobs"]', 'aliases = ["jo{}bs"]', "sections[I.1].aliases[0]", False),
    ("tag", 'tags = ["jobs"]', 'tags = ["jo{}bs"]', "goals[G1].tags[0]", False),
    ("unit", 'unit = "million"\nop', 'unit = "mil{}lion"\nop', "goals[G1].target.unit", False),
    ("note table", 'text = "A copy garbles the figure."', 'text = "A copy{}garbles."', "goals[G1].notes[0].text", True),
    ("claim text", 'text = "More than half', 'text = "More{}than half', "claims[C1].text", True),
    ("theme definition", 'definition = "Sections I.1 and I.2."', 'definition = "Sections{}I.1."', "themes[livelihood].definition", True),
    ("result text", 'text = "The law was revised."', 'text = "The law{}was revised."', "goals[G3].results[0].text", True),
    ("id", 'id = "G2"', 'id = "G{}2"', "goals[1].id", False),
]
CONTROLS = [("\\u001b", "\\x1b"), ("\\u0007", "\\x07"), ("\\u0000", "\\x00"), ("\\r", "\\r"), ("\\e", "\\x1b"),
            ("\\u007f", "\\x7f"), ("\\u0085", "\\x85"), ("\\u009b", "\\x9b"), ("\u0085", "\\x85"),
            ("\\u202e", "\\u202e"), ("\u202a", "\\u202a"), ("\\u2066", "\\u2066"), ("\u2069", "\\u2069")]


@pytest.mark.parametrize("what,old,new,path,free", FIELDS, ids=[f[0] for f in FIELDS])
@pytest.mark.parametrize("written,shown", CONTROLS, ids=[c[1] for c in CONTROLS])
def test_control_characters_and_overrides_are_refused_in_every_string(plan_file, what, old, new, path, free,
                                                                     written, shown):
    assert old in MINIMAL
    found = problems_of(plan_file, MINIMAL.replace(old, new.format(written), 1))
    at = new.index("{}") - new.index('"')  # where the character is, counted from 1
    assert [(p, m.split(":")[0]) for p, m, _ in found] == [(path, f"holds {shown} at character {at}")]


@pytest.mark.parametrize("what,old,new,path,free", FIELDS, ids=[f[0] for f in FIELDS])
@pytest.mark.parametrize("written", ["\\n", "\\t", "\t"], ids=["newline", "tab", "raw-tab"])
def test_newlines_and_tabs_only_in_free_texts(plan_file, what, old, new, path, free, written):
    found = problems_of(plan_file, MINIMAL.replace(old, new.format(written), 1))
    if free:
        assert found == []
    else:
        assert len(found) == 1 and found[0][0] == path
        assert "this value is one line" in found[0][1] or path.endswith(".id")


def test_a_multiline_string_is_a_free_text_only(plan_file):
    text = MINIMAL.replace('text = "Revise a law."', 'text = """Revise\na law."""').replace(
        'title = "Chapter two"', 'title = """Chapter\ntwo"""')
    assert problems_of(plan_file, text) == [
        ("chapters[II].title", "holds \\n at character 8: this value is one line, without control characters "
                              "(newline and tab included) or bidirectional overrides", "error")]


def test_every_character_of_a_string_is_listed(plan_file):
    found = problems_of(plan_file, MINIMAL.replace('title = "Test plan"', 'title = "\\e[31mred\\e[0m \\u202e"'))
    assert found == [("plan.title", "holds \\x1b at character 1, \\x1b at character 9, \\u202e at character 14: this "
                                    "value is one line, without control characters (newline and tab included) or "
                                    "bidirectional overrides", "error")]


def test_a_plan_with_a_control_character_is_not_loaded(plan_file):
    from hrplan.errors import PlanFileError
    from hrplan.planfile.load import load_plans

    path = plan_file(MINIMAL.replace('text = "Revise a law."', 'text = "Revise \\u001b]0;owned\\u0007 a law."'))
    with pytest.raises(PlanFileError, match=r"goals\[.*\]\.text: holds \\x1b at character 8, \\x07 at character 17"):
        load_plans(path, use_cache=False)


def test_the_indicator_registry_refuses_them_too(tmp_path):
    from hrplan.planfile.registry import check_registry

    path = tmp_path / "indicators.toml"
    path.write_text('[[indicators]]\nid = "x"\ntitle = "X\\u202e"\nunit = "%"\ndirection = "higher"\n'
                    'definition = "Two\\nlines,\\ta tab: fine; \\u001b is not."\n', encoding="utf-8")
    tables, problems = check_registry(str(path))
    assert tables is None
    assert [(p.path, p.message.split(":")[0]) for p in problems] == [
        ("indicators[x].title", "holds \\u202e at character 2"), ("indicators[x].definition", "holds \\x1b at character 25")]
