"""Where problems are: the line of each key path in a TOML text (hrplan.planfile.locate), problems placed at
the line of their own key or value and named by the id of their goal or source, and validate
reporting every problem of a file in one run."""

import glob
import os
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings

from hrplan.planfile.load import check_file
from hrplan.planfile.files import parse, read_text
from hrplan.planfile.locate import key_lines, split_path
from tests.conftest import MINIMAL, ROOT


def paths(value, path=()):
    """Every key path of a parsed document."""
    if path:
        yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from paths(item, path + (i,))


def assert_every_path_placed(text):
    """Every key path tomli reads is placed, on a line that holds its key."""
    doc = parse(text, "x")
    lines, source = key_lines(text), text.split("\n")
    for path in paths(doc):
        assert path in lines, path
        if isinstance(path[-1], str) and path[-1].isidentifier():
            assert path[-1] in source[lines[path] - 1], (path, lines[path])


TRICKY = textwrap.dedent('''\
    # a comment with [brackets], "quotes", {braces} and key = value
    format = 1
    "quoted key" = "a value with [brackets] = and # not a comment"
    'literal key' = 'C:\\path\\'
    dotted.key.path = 1.5
    when = 1979-05-27 07:32:00.999
    floats = [1.5, -2e-3, +inf, nan]
    nested = [[1, 2], [3, [4, 5]]]
    multi = """
    line one [not a table]
    line "two" = 3
    """
    after_multi = 'x'
    quotes = """ends in quotes"\"""\"
    literal_multi = \'\'\'
    it's [here]
    \'\'\'
    inline = { a = 1, b = { c = "}" }, d = [1, 2] }
    tables = [
      { id = "a", title = "A" },  # a comment after an element
      # a comment between elements
      { id = "b",
        title = "B" },
    ]

    [plan]
    id = "p"

    [plan.stated_size]
    value = 1

    [[goals]]
    id = "G1"

    [goals.target]
    metric = "m"

    [[goals.results]]
    year = 2012

    [[goals.results]]
    year = 2013

    [[goals]]
    id = "G2"

    [[goals.results]]
    year = 2014
    ''')


def test_every_path_of_a_tricky_text_is_placed_at_its_line():
    assert_every_path_placed(TRICKY)
    assert key_lines(TRICKY.replace("\n", "\r\n")) == key_lines(TRICKY)  # Windows line ends
    lines = key_lines(TRICKY)
    source = TRICKY.split("\n")
    at = {name: source.index(next(s for s in source if s.startswith(name))) + 1
          for name in ("after_multi", "literal_multi", "inline", "[[goals]]", "[goals.target]")}
    assert lines[("after_multi",)] == at["after_multi"]  # a multi-line string's lines are counted
    assert lines[("inline", "b", "c")] == at["inline"]
    assert lines[("tables", 1)] == source.index('  { id = "b",') + 1
    assert lines[("tables", 1, "title")] == source.index('    title = "B" },') + 1
    assert lines[("goals", 0)] == at["[[goals]]"]
    assert lines[("goals", 0, "target", "metric")] == at["[goals.target]"] + 1
    assert lines[("goals", 1, "results", 0, "year")] == len(source) - 1
    assert lines[("goals", 0, "results", 1)] == source.index("year = 2013")
    assert lines[("quoted key",)] == 3 and lines[("dotted", "key", "path")] == 5


@pytest.mark.parametrize("file", sorted(glob.glob(os.path.join(ROOT, "data", "*.toml"))), ids=os.path.basename)
def test_every_path_of_the_bundled_files_is_placed(file):
    assert_every_path_placed(read_text(file))


def test_split_path():
    assert split_path("goals[12].results[0].source") == ("goals", 12, "results", 0, "source")
    assert split_path("plan.stated_size.sources[1]") == ("plan", "stated_size", "sources", 1)
    assert split_path("") == ()


# ---------------------------------------------------------------- problems at their own line


def problems_at(plan_file, text):
    _, problems = check_file(plan_file(text))
    return [(p.line, p.path, p.message) for p in problems]


def line_of(text, fragment, after=None):
    lines = text.split("\n")
    start = lines.index(after) if after else 0
    return next(n for n, line in enumerate(lines[start:], start + 1) if fragment in line)


def test_a_problem_is_at_the_line_of_its_key_and_names_the_goal_by_id(plan_file):
    text = MINIMAL.replace('text = "Keep unemployment', 'txet = "Keep unemployment')
    found = problems_at(plan_file, text)
    assert (line_of(text, "txet ="), "goals[G2].txet", "unknown key (did you mean text?)") in found
    assert (line_of(text, 'id = "G2"') - 1, "goals[G2].text", "is required but missing") in found  # its table


def test_structural_and_reference_problems_come_together(plan_file):
    """One run names every problem of a file, each at its own line: a typo in a key, a value of
    the wrong type, a dangling source and a dangling section."""
    text = (MINIMAL.replace('tags = ["jobs"]', 'tagz = ["jobs"]')
            .replace("value = 9\n", 'value = "nine"\n')
            .replace('source = "stat"', 'source = "stats"')
            .replace('section = "I.2"', 'section = "I.9"'))
    assert problems_at(plan_file, text) == [
        (line_of(text, "tagz"), "goals[G1].tagz", "unknown key (did you mean tags?)"),
        (line_of(text, 'value = "nine"'), "goals[G1].target.value", "must be a number, not 'nine'"),
        (line_of(text, 'section = "I.9"'), "goals[G2].section", "unknown section 'I.9'"),
        (line_of(text, 'source = "stats"'), "goals[G2].results[0].source", "unknown source 'stats' (did you mean stat?)"),
    ]


def test_references_are_checked_in_a_table_with_structural_problems(plan_file):
    """A goal with an unknown key still has its section and sources checked; the checks that ask
    whether a key is there are left to the structural check (no 'needs a value or a text' for a
    result whose text is of the wrong type)."""
    text = MINIMAL.replace('plan_sources = ["plan"]', 'plan_sources = ["plam"]\ncolour = "red"').replace(
        'text = "The law was revised."', "text = 12")
    found = problems_at(plan_file, text)
    assert [(path, message) for _, path, message in found] == [
        ("goals[G1].colour", "unknown key"),
        ("goals[G3].results[0].text", "must be a string, not 12"),
        ("goals[G1].plan_sources[0]", "unknown source 'plam' (did you mean plan?)"),
    ]


def test_a_duplicate_or_invalid_id_keeps_the_index(plan_file):
    text = MINIMAL.replace('id = "G2"', 'id = "G1"').replace('id = "G3"', 'id = "bad id!"')
    found = problems_at(plan_file, text)
    assert (line_of(text, 'id = "G1"', after='reported_status = "surpassed"'), "goals[1].id",
            "duplicate id 'G1' (first at goals[0])") in found
    assert any(path == "goals[2].id" for _, path, _ in found)


def test_inline_tables_and_arrays_place_each_element(plan_file):
    text = MINIMAL.replace('mirror = true }', 'mirror = "yes" }')
    [(line, path, message)] = problems_at(plan_file, text)
    assert (line, path) == (line_of(text, 'mirror = "yes"'), "sources[stat].mirror")


def test_the_format_version_is_reported_with_the_rest(plan_file):
    text = MINIMAL.replace("format = 1", "format = 2").replace('tags = ["jobs"]', 'tagz = ["jobs"]')
    found = problems_at(plan_file, text)
    assert found[0] == (1, "format", "this hrplan reads format 1, not 2")
    assert any(path == "goals[G1].tagz" for _, path, _ in found)


def test_unknown_indicators_come_with_the_rest(tmp_path):
    from hrplan.planfile.check import validate

    (tmp_path / "plan.toml").write_text(MINIMAL.replace('tags = ["jobs"]', 'tagz = ["jobs"]\nindicator = "urban-jobz"'),
                                        encoding="utf-8")
    problems = validate([str(tmp_path)])["problems"]
    assert [p["path"] for p in problems] == ["goals[G1].tagz", "goals[G1].indicator"]
    assert problems[1]["message"] == "unknown indicator 'urban-jobz' (did you mean urban-jobs?)"
    assert problems[1]["line"] == problems[0]["line"] + 1


def test_checks_between_files_see_a_plan_with_problems(tmp_path):
    from hrplan.planfile.check import validate

    (tmp_path / "a.toml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "b.toml").write_text(MINIMAL.replace('tags = ["jobs"]', 'tagz = ["jobs"]'), encoding="utf-8")
    messages = [p["message"] for p in validate([str(tmp_path)])["problems"]]
    assert "unknown key (did you mean tags?)" in messages
    assert any(m.startswith("duplicate plan id 'test-plan'") for m in messages)


def test_a_valid_file_is_never_scanned(plan_file, monkeypatch):
    import hrplan.planfile.locate

    def refuse(*args):
        raise AssertionError("placed problems of a valid file")

    monkeypatch.setattr(hrplan.planfile.locate, "key_lines", refuse)
    assert check_file(plan_file())[1] == []


# ---------------------------------------------------------------- fuzzing the reader

from tests.conftest import mutated_plan  # noqa: E402


@pytest.mark.slow
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(raw=mutated_plan())
def test_every_path_of_any_parsed_text_is_placed(raw):
    """Whatever text tomli accepts, every key path it reads is placed on a line holding its key."""
    try:
        text = raw.decode("utf-8")
        parse(text, "x")
    except Exception:  # noqa: BLE001 - texts tomli refuses are not placed
        return
    assert_every_path_placed(text)
