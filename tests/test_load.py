"""The loader and validator: a valid file loads; every rule has a failing example."""

import datetime
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrplan import load, schema, validate
from hrplan.errors import PlanFileError
from hrplan.load import check_file, load_plans
from tests.conftest import MINIMAL


def problems_of(plan_file, text):
    doc, problems = check_file(plan_file(text))
    return [(p.path, p.message, p.severity) for p in problems]


def test_minimal_plan_loads(plan_file):
    [plan] = load_plans(plan_file())
    assert plan.id == "test-plan"
    assert list(plan.goals) == ["G1", "G2", "G3"]
    assert plan.goals["G1"].chapter == "I"
    assert plan.goals["G3"].section is None and plan.goals["G3"].chapter == "II"
    assert plan.goals["G1"].target.value == 9
    assert plan.goals["G1"].notes[0].kind == "data_quality"
    assert list(plan.goals.index) == [("G1", "I", "I.1", ["jobs"]), ("G2", "I", "I.2", ()), ("G3", "II", None, ())]


def test_bundled_data_validates_without_warnings():
    from hrplan.load import bundled_data_dir, plan_files

    for file in plan_files(bundled_data_dir()):
        doc, problems = check_file(file)
        assert doc is not None
        assert [str(p) for p in problems] == []


RULES = [
    # (name, replace-from, replace-to, expected path, expected words in message)
    ("missing required key", 'title = "Test plan"\n', "", "plan.title", "required"),
    ("unknown key", 'tags = ["jobs"]', 'tagz = ["jobs"]', "goals[0].tagz", "did you mean tags"),
    ("wrong type", "value = 9\n", 'value = "nine"\n', "goals[0].target.value", "must be a number"),
    ("array where a table is expected", "[goals.target]\nmetric = \"New jobs\"", "[[goals.target]]\nmetric = \"New jobs\"", "goals[0].target", "must be a table"),
    ("bad enum", 'op = ">="', 'op = "=>"', "goals[0].target.op", "must be one of"),
    ("duplicate id", 'id = "G2"', 'id = "G1"', "goals[1].id", "duplicate id 'G1'"),
    ("dangling section", 'section = "I.2"', 'section = "I.9"', "goals[1].section", "unknown section 'I.9'"),
    ("dangling source", 'source = "stat"', 'source = "stats"', "goals[1].results[0].source", "did you mean stat"),
    ("dangling chapter", 'chapter = "I"\ntitle = "Work"', 'chapter = "IX"\ntitle = "Work"', "sections[0].chapter", "unknown chapter"),
    ("dangling theme section", 'sections = ["I.1", "I.2"]', 'sections = ["I.1", "I.7"]', "themes[0].sections[1]", "unknown section or chapter"),
    ("dangling claim area", 'area = "livelihood"', 'area = "livelyhood"', "claims[0].area", "unknown area"),
    ("nan", "value = 12\n", "value = nan\n", "goals[0].results[0].value", "finite"),
    ("infinity", "value = 12\n", "value = inf\n", "goals[0].results[0].value", "finite"),
    ("implausible year", "year = 2014\n", "year = 1066\n", "goals[2].results[0].year", "a year (1949-2100)"),
    ("target year outside the period", "year = 2015\n\n[[goals.results]]\nyear = 2015\nvalue = 12", "year = 2031\n\n[[goals.results]]\nyear = 2015\nvalue = 12", "goals[0].target.year", "outside the plan's period"),
    ("bad period", "period = [2012, 2015]", "period = [2015, 2012]", "plan.period", "pair of years"),
    ("bad url", 'url = "https://example.org/plan"', 'url = "example.org/plan"', "sources[0].url", "http(s) address"),
    ("result without unit", 'value = 12\nunit = "million"\n', "value = 12\n", "goals[0].results[0].unit", "needs a unit"),
    ("result without year", "year = 2014\ntext", "text", "goals[2].results[0]", "needs a year or a period"),
    ("result without value or text", 'year = 2014\ntext = "The law was revised."\n', "year = 2014\n", "goals[2].results[0]", "needs a value or a text"),
    ("goal without section", 'chapter = "II"\ntext = "Revise a law."', 'text = "Revise a law."', "goals[2]", "needs a section"),
    ("claim share out of range", "share = 50", "share = 150", "claims[0].share", "0 to 100"),
    ("claim share without counts", 'counts = ["surpassed"]\n', "", "claims[0].counts", "needs the statuses"),
    ("unknown status in counts", 'counts = ["surpassed"]', 'counts = ["exceeded"]', "claims[0].counts", "unknown status"),
    ("mean target without period", "value = 9\nyear = 2015\n", 'value = 9\nyear = 2015\naggregate = "mean"\n', "goals[0].target.aggregate", "needs a period"),
    ("self predecessor", 'period = [2012, 2015]\n', 'period = [2012, 2015]\npredecessor = "test-plan"\n', "plan.predecessor", "own predecessor"),
    ("bad date", 'period = [2012, 2015]\n', 'period = [2012, 2015]\npublished = "June 2012"\n', "plan.published", "a date"),
    ("id with a final newline", 'id = "G2"', 'id = "G2\\n"', "goals[1].id", "must be an id"),
    ("url with a final newline", 'url = "https://example.org/plan"', 'url = "https://example.org/plan\\n"', "sources[0].url", "http(s) address"),
    ("date with a final newline", 'period = [2012, 2015]\n', 'period = [2012, 2015]\npublished = "2012-06-11\\n"\n', "plan.published", "a date"),
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
    assert found == [("goals[0].results[0].unit", "unit 'thousand' differs from the target's 'million'", "warning")]


def test_every_problem_is_reported_at_once(plan_file):
    text = MINIMAL.replace('source = "stat"', 'source = "nope"').replace('section = "I.2"', 'section = "I.9"')
    paths = [p for p, _, _ in problems_of(plan_file, text)]
    assert "goals[1].results[0].source" in paths and "goals[1].section" in paths


def test_problem_carries_file_key_path_and_line(plan_file):
    path = plan_file(MINIMAL.replace('section = "I.2"', 'section = "I.9"'))
    with pytest.raises(PlanFileError) as err:
        load_plans(path)
    [problem] = err.value.problems
    line = MINIMAL.splitlines().index("[[goals]]", MINIMAL.splitlines().index('id = "G1"')) + 1
    assert str(problem) == f"{path}:{line}: goals[1].section: unknown section 'I.9'"


@pytest.mark.parametrize("text,words", [
    ("[plan\nid = 1", "TOML syntax error"),
    ('a = "unclosed', "TOML syntax error"),
    ("a = 1\na = 2", "TOML syntax error"),
    ("x = [1,", "TOML syntax error"),
    ("= 3", "TOML syntax error"),
])
def test_toml_syntax_errors_give_line_and_column(plan_file, text, words):
    doc, [problem] = check_file(plan_file(text))
    assert doc is None and words in problem.message
    assert problem.line is not None and problem.column is not None


def test_missing_file_and_empty_directory(tmp_path):
    with pytest.raises(PlanFileError, match="no such file or directory"):
        load_plans(str(tmp_path / "missing.toml"))
    with pytest.raises(PlanFileError, match=r"no plan files \(\*\.toml\)"):
        load_plans(str(tmp_path))


@pytest.mark.parametrize("content,words", [
    (b"", "file is empty"),
    (b"\x00\x01\x02binary", "binary file"),
    ("plan = 'é'".encode("latin-1"), "not UTF-8"),
])
def test_unreadable_contents(tmp_path, content, words):
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    with pytest.raises(PlanFileError, match=words):
        load_plans(str(path))


def test_valid_toml_that_is_not_a_plan(plan_file):
    found = problems_of(plan_file, "title = 'a cookbook'\n")
    assert ("plan", "is required but missing", "error") in found
    assert ("title", "unknown key", "error") in found


def test_duplicate_plan_ids_across_files(tmp_path):
    (tmp_path / "a.toml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "b.toml").write_text(MINIMAL, encoding="utf-8")
    with pytest.raises(PlanFileError, match="duplicate plan id 'test-plan'"):
        load_plans(str(tmp_path))


# ---------------------------------------------------------------- fast acceptance

JUNK = ["", " ", "x", "I.1", "bad id!", "-x", "http://example.org/a", "ftp://x", "2012-13", "1999-01", "met",
        "more_than", ">=", "note", 0, 1, 2012, 1800, -5, True, False, 1.5, math.nan, math.inf, [], ["a"], ["", "x"],
        ["I.1", "bad id!"], [2012, 2015], [2015, 2012], [1], {}, {"a": 1}, {"text": "t"},
        datetime.date(2012, 1, 1), datetime.datetime(2012, 1, 1, 1, 1)]


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
    fitting = {"str": ["text", " padded "], "id": ["I.1", "s1"], "url": ["https://example.org/x"],
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
    doc = load.parse(load.read_text(load.plan_files(load.bundled_data_dir())[0]), "x")
    assert all(validate._fast_ok(schema.GOAL)(g) for g in doc["goals"])
    assert all(validate._fast_ok(schema.SOURCE)(s) for s in doc["sources"])


# ---------------------------------------------------------------- the data path

def test_data_path_is_explicit_then_hrplan_data_then_bundled(plan_file, monkeypatch):
    from hrplan.load import bundled_data_dir, data_path

    assert data_path(None) == bundled_data_dir()
    monkeypatch.setenv("HRPLAN_DATA", plan_file())
    assert data_path(None) == plan_file()
    assert data_path("elsewhere.toml") == "elsewhere.toml"  # an explicit path wins, checked later
    monkeypatch.setenv("HRPLAN_DATA", "")
    assert data_path(None) == bundled_data_dir()


def test_a_missing_hrplan_data_path_is_named_as_coming_from_hrplan_data(tmp_path, monkeypatch):
    # Through load_plans. (The CLI still reads HRPLAN_DATA itself, through Click's envvar, and
    # passes it on as an explicit path, until it calls data_path.)
    missing = str(tmp_path / "missing")
    monkeypatch.setenv("HRPLAN_DATA", missing)
    with pytest.raises(PlanFileError) as err:
        load_plans()
    assert str(err.value) == f"{missing}: no such file or directory (from HRPLAN_DATA)"
    with pytest.raises(PlanFileError) as err:  # a missing --data path says nothing of HRPLAN_DATA
        load_plans(missing)
    assert str(err.value) == f"{missing}: no such file or directory"
