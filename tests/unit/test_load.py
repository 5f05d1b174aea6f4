"""The loader: finding, reading and parsing plan files, loading them (through the cache or not),
the checks between files, and the data path."""

import pytest

from hrplan.errors import PlanFileError
from hrplan.planfile.load import check_file, load_plans
from tests.conftest import MINIMAL


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
    from hrplan.planfile.files import bundled_data_dir
    from hrplan.planfile.load import plan_files

    for file in plan_files(bundled_data_dir()):
        doc, problems = check_file(file)
        assert doc is not None
        assert [str(p) for p in problems] == []


def test_problem_carries_file_key_path_and_line(plan_file):
    path = plan_file(MINIMAL.replace('section = "I.2"', 'section = "I.9"'))
    with pytest.raises(PlanFileError) as err:
        load_plans(path)
    [problem] = err.value.problems
    line = MINIMAL.splitlines().index('section = "I.2"') + 1  # the line of the faulty value
    assert str(problem) == f"{path}:{line}: goals[G2].section: unknown section 'I.9'"


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


def test_duplicate_plan_ids_across_files(tmp_path):
    (tmp_path / "a.toml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "b.toml").write_text(MINIMAL, encoding="utf-8")
    with pytest.raises(PlanFileError, match="duplicate plan id 'test-plan'"):
        load_plans(str(tmp_path))


# ---------------------------------------------------------------- the data path

def test_data_path_is_explicit_then_hrplan_data_then_bundled(plan_file, monkeypatch):
    from hrplan.planfile.files import bundled_data_dir, data_path

    assert data_path(None) == bundled_data_dir()
    monkeypatch.setenv("HRPLAN_DATA", plan_file())
    assert data_path(None) == plan_file()
    assert data_path("elsewhere.toml") == "elsewhere.toml"  # an explicit path wins, checked later
    monkeypatch.setenv("HRPLAN_DATA", "")
    assert data_path(None) == bundled_data_dir()


def test_a_missing_hrplan_data_path_is_named_as_coming_from_hrplan_data(tmp_path, monkeypatch):
    missing = str(tmp_path / "missing")
    monkeypatch.setenv("HRPLAN_DATA", missing)
    with pytest.raises(PlanFileError) as err:
        load_plans()
    assert str(err.value) == f"HRPLAN_DATA={missing}: no such file or directory"
    with pytest.raises(PlanFileError) as err:  # a missing --data path says nothing of HRPLAN_DATA
        load_plans(missing)
    assert str(err.value) == f"--data {missing}: no such file or directory"


@pytest.mark.parametrize("origin", ["--data", "HRPLAN_DATA"])
def test_an_error_about_the_data_path_names_where_it_came_from(tmp_path, monkeypatch, origin):
    """The path itself (missing, a folder without plans, an empty or binary file, a directory
    that cannot be listed); not the problems inside a plan file, which name their file and line."""
    from hrplan.planfile.load import load_plan

    def load(path, one=False):
        if origin == "HRPLAN_DATA":
            monkeypatch.setenv("HRPLAN_DATA", path)
            path = None
        with pytest.raises(PlanFileError) as err:
            load_plan(path) if one else load_plans(path)
        return str(err.value)

    shown = (lambda p: f"--data {p}") if origin == "--data" else (lambda p: f"HRPLAN_DATA={p}")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert load(str(empty)) == f"{shown(empty)}: no plan files (*.toml) in this directory"
    assert load(str(empty), one=True) == f"{shown(empty)}: no plan files (*.toml) in this directory"
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\x00\x01")
    assert load(str(binary)) == f"{shown(binary)}: is a binary file, not a TOML plan file"
    bad = tmp_path / "bad.toml"
    bad.write_text(MINIMAL.replace('section = "I.2"', 'section = "I.9"'), encoding="utf-8")
    assert load(str(bad)).startswith(f"{bad}:")  # a problem inside the file: its file and line
    with pytest.raises(PlanFileError) as err:  # a library caller may say the path is its own
        load_plans(str(binary), origin=None)
    assert str(err.value) == f"{binary}: is a binary file, not a TOML plan file"


def test_an_unknown_plan_names_the_option_it_came_from(plan_file):
    from hrplan.errors import NotFound
    from hrplan.planfile.load import load_plan

    with pytest.raises(NotFound) as err:
        load_plan(plan_file(), "test-plam")
    assert str(err.value) == "unknown plan 'test-plam' (from --plan); did you mean test-plan?"
