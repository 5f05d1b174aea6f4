"""Data folders: a folder may hold other files, TOML ones included; a file without a [plan]
table is skipped with a notice (validate lists it), a folder without a plan is an error, and
which file is a plan is kept in the cache."""

import pytest

from hrplan.planfile import load
from hrplan.errors import PlanFileError
from hrplan.planfile.files import is_plan_text
from hrplan.planfile.load import load_plan, load_plans, plan_files
from tests.conftest import MINIMAL

PYPROJECT = '[project]\nname = "mine"\n\n[tool.hrplan]\nplan = "nhrap"\n'


@pytest.fixture
def folder(tmp_path):
    """A folder with a plan, a pyproject.toml, a TOML note and a file that is not TOML."""
    d = tmp_path / "plans"
    d.mkdir()
    (d / "plan.toml").write_text(MINIMAL, encoding="utf-8")
    (d / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (d / "notes.toml").write_text('title = "my notes on [plan]"\n[notes]\ntext = "the [plan] table"\n', encoding="utf-8")
    (d / "README.md").write_text("# [plan]\n", encoding="utf-8")
    return d


@pytest.fixture
def notices():
    return []


@pytest.mark.parametrize("text,is_plan", [
    (MINIMAL, True),
    ("[plan]\nid = 'x'", True),
    ("  [ plan ]   # the plan\n", True),
    ('["plan"]\n', True),
    ("format = 1\r\n[plan]\r\nid = 'x'\r\n", True),
    (PYPROJECT, False),
    ('x = "[plan]"\n', False),
    ("[plan.stated_size]\nvalue = 1\n", False),
    ("[[plan]]\n", False),
    ("[planning]\n", False),
    ("", False),
])
def test_a_plan_is_a_file_with_a_plan_table_header(text, is_plan):
    assert is_plan_text(text.encode("utf-8")) is is_plan


def test_other_files_are_skipped_with_a_notice(folder, notices):
    [plan] = load_plans(str(folder), notice=notices.append)
    assert plan.id == "test-plan"
    assert notices == [f"skipped {folder / 'notes.toml'}: not a plan file (no [plan] table)",
                       f"skipped {folder / 'pyproject.toml'}: not a plan file (no [plan] table)"]
    skipped = []
    assert plan_files(str(folder), skipped) == [str(folder / "plan.toml")]
    assert skipped == [str(folder / "notes.toml"), str(folder / "pyproject.toml")]


@pytest.mark.parametrize("use_cache", [True, False])
def test_one_plan_from_a_folder_says_what_it_skipped(folder, notices, use_cache):
    for _ in range(2):  # the second time from the cache, when it is used
        notices.clear()
        assert load_plan(str(folder), use_cache=use_cache, notice=notices.append).id == "test-plan"
        assert len(notices) == 2 and all(n.startswith("skipped ") for n in notices)


def test_a_folder_without_a_plan_is_an_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    with pytest.raises(PlanFileError) as err:
        load_plans(str(tmp_path))
    assert str(err.value) == f"--data {tmp_path}: no plan files in this directory: 1 TOML file(s) without a [plan] table, skipped"


def test_the_cache_knows_which_file_is_a_plan(folder, monkeypatch):
    load_plans(str(folder))

    def refuse(file):
        raise AssertionError(f"read {file} to find out whether it is a plan")

    monkeypatch.setattr(load, "_is_plan_file", refuse)
    assert [p.id for p in load_plans(str(folder))] == ["test-plan"]
    assert load_plan(str(folder)).id == "test-plan"
    monkeypatch.undo()
    # a file that changes is read again: the pyproject.toml gains a [plan] table, and is refused
    (folder / "pyproject.toml").write_text(PYPROJECT + "\n[plan]\nid = 'other'\n", encoding="utf-8")
    with pytest.raises(PlanFileError, match=r"pyproject.toml:7: plan.title: is required but missing"):
        load_plans(str(folder))


def test_validate_lists_the_skipped_files(folder):
    from hrplan.planfile.check import validate

    answer = validate([str(folder)])
    assert answer["ok"] and answer["file_count"] == 1
    assert answer["skipped"] == [str(folder / "notes.toml"), str(folder / "pyproject.toml")]


def test_a_command_on_a_folder_prints_one_line_per_skipped_file(run, folder):
    r = run("summary", "--json", "--data", str(folder))
    assert r.exit_code == 0 and r.json()["plan"]["id"] == "test-plan"
    assert r.stderr.splitlines() == [f"hrplan: skipped {folder / 'notes.toml'}: not a plan file (no [plan] table)",
                                     f"hrplan: skipped {folder / 'pyproject.toml'}: not a plan file (no [plan] table)"]
    r = run("validate", "--json", "--data", str(folder))
    assert r.exit_code == 0 and len(r.json()["skipped"]) == 2


def test_the_registry_and_the_glossary_are_known_by_name(folder, notices):
    (folder / "indicators.toml").write_text('[[indicators]]\nid = "x"\n', encoding="utf-8")
    (folder / "glossary.toml").write_text("[[terms]]\n", encoding="utf-8")
    load_plans(str(folder), notice=notices.append)
    assert not any("indicators.toml" in n or "glossary.toml" in n for n in notices)


def test_validate_names_where_a_wrong_path_came_from(tmp_path, monkeypatch):
    from hrplan.planfile.check import validate

    missing = str(tmp_path / "missing")
    [problem] = validate([], data=missing)["problems"]
    assert problem["text"] == f"--data {missing}: no such file or directory" and problem["file"] == missing
    [problem] = validate([missing])["problems"]  # a path given as an argument is the user's own
    assert problem["text"] == f"{missing}: no such file or directory"
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    monkeypatch.setenv("HRPLAN_DATA", str(tmp_path))
    [problem] = validate([])["problems"]
    assert problem["text"].startswith(f"HRPLAN_DATA={tmp_path}: no plan files in this directory")


def test_validate_reports_a_shared_registry_once(folder):
    from hrplan.planfile.check import validate

    (folder / "indicators.toml").write_text('[[indicators]]\nid = "x"\n', encoding="utf-8")
    answer = validate([str(folder / "plan.toml"), str(folder)])
    texts = [p["text"] for p in answer["problems"]]
    assert len(texts) == len(set(texts)) and any("indicators.toml" in t for t in texts)
    assert answer["file_count"] == 1 and not any("duplicate plan id" in t for t in texts)  # one file, once
