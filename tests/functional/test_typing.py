"""hrplan.api is typed: every function and method says, in annotations that resolve, which
TypedDict of the contract it returns; the package ships ``py.typed``; and mypy, run on a script
as a user would write it, knows each key of each answer and refuses a key that is not there."""

import inspect
import os
import subprocess
import sys
import typing

import pytest

import hrplan.api as hr
from hrplan.contract.columns import is_record
from tests.conftest import ROOT

PUBLIC = ("plans", "goals", "goal", "results", "sources", "source", "indicators", "trend", "compare")


def _returned(fn):
    """The TypedDict a function returns: itself, or the one of a list."""
    tp = typing.get_type_hints(fn)["return"]
    if typing.get_origin(tp) is list:
        (tp,) = typing.get_args(tp)
    return tp


@pytest.mark.parametrize("name", PUBLIC)
def test_each_function_returns_a_typed_dict_of_the_contract(name):
    for fn in (getattr(hr, name), getattr(hr.Plans, name)):
        tp = _returned(fn)
        assert is_record(tp) and tp.__module__.startswith("hrplan.contract."), (fn, tp)
        hints = typing.get_type_hints(fn)
        assert set(hints) == set(inspect.signature(fn).parameters) - {"self"} | {"return"}  # every argument typed


def test_the_annotations_are_the_contracts_records():
    from hrplan.contract.records import GoalRecord, GoalResult, PlanRecord, ResultRecord
    from hrplan.contract.series import TrendAnswer

    assert typing.get_type_hints(hr.goals)["return"] == list[GoalRecord]
    assert typing.get_type_hints(hr.plans)["return"] == list[PlanRecord]
    assert typing.get_type_hints(hr.trend)["return"] is TrendAnswer
    assert list(typing.get_type_hints(GoalResult)) == [*typing.get_type_hints(ResultRecord), "plan_id", "goal_id"]
    assert set(hr.results("I.1", plan="nhrap-2012-2015")[0]) == set(typing.get_type_hints(GoalResult))


def test_the_package_is_marked_typed():
    assert os.path.isfile(os.path.join(ROOT, "hrplan", "py.typed"))
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as fh:
        assert 'artifacts = ["hrplan/py.typed"]' in fh.read()  # shipped in the wheel (CI installs it)


def test_the_contracts_vocabularies_are_the_domains():
    """The Literals of the contract, spelled out for type checkers, hold the values of the tuples
    of hrplan.core, in their order; the status counts have a key per status."""
    from hrplan.contract.records import VOCABULARIES, ReportedStatusCounts, StatusCounts
    from hrplan.core import statuses

    for literal, values in VOCABULARIES.items():
        assert typing.get_args(literal) == values
    assert tuple(typing.get_type_hints(StatusCounts)) == statuses.STATUSES
    assert tuple(typing.get_type_hints(ReportedStatusCounts)) == (*statuses.REPORTED_STATUSES, statuses.REPORTED_NONE)


USER_SCRIPT = '''\
import hrplan.api as hr

g = hr.goal("I.1.a", plan="nhrap-2012-2015")
reveal_type(g["status"])
reveal_type(g["target"])
reveal_type(hr.plans()[0]["period"])
reveal_type(hr.results("I.1")[0]["goal_id"])
reveal_type(hr.trend("urban-jobs")["results"][0]["value"])
reveal_type(hr.compare("nhrap-2012-2015", "nhrap-2016-2020")["in_both"][0]["ambition"])
reveal_type(hr.sources()["cited_by"])
reveal_type(hr.indicators()["indicators"][0]["direction"])
reveal_type(hr.STATUSES)
ok: hr.Status = "met"
if g["target"] is not None:
    reveal_type(g["target"]["op"])
g["state"]
bad: hr.Status = "done"
hr.goals("health", status=3)
'''

def _union(*values) -> str:
    """A Literal as mypy reveals it: a union of one Literal per value."""
    return " | ".join(f"Literal[{v!r}]" for v in values)


# line -> the start of what mypy says there ("builtins." left out, as newer versions of mypy do)
EXPECTED = {
    4: f'note: Revealed type is "{_union(*hr.STATUSES)}"',
    5: "note: Revealed type is \"TypedDict(hrplan.contract.records.TargetRecord, {'metric': str, 'unit': str, "
       f"'op': {_union('>=', '>', '<=', '<', '==')}, 'value': float",
    6: 'note: Revealed type is "list[int]"',
    7: 'note: Revealed type is "str"',
    8: 'note: Revealed type is "float"',
    9: f'note: Revealed type is "{_union("more", "less", "same")} | None"',
    10: 'note: Revealed type is "dict[str, int]"',
    11: f'note: Revealed type is "{_union("higher", "lower")}"',
    12: f'note: Revealed type is "tuple[{_union(*hr.STATUSES)}, ...]"',
    15: f'note: Revealed type is "{_union(">=", ">", "<=", "<", "==")}"',
    16: 'error: TypedDict "GoalRecord" has no key "state"',
    17: "error: Incompatible types in assignment (expression has type \"Literal['done']\"",
    18: 'error: Argument "status" to "goals" has incompatible type "int"',
}


def test_mypy_knows_every_key_of_the_answers(tmp_path):
    """mypy (a test dependency) on a user's script, outside the repository so that hrplan is read
    as an installed, typed package: the keys and their types come from the contract, and a wrong
    key, status or filter is an error."""
    pytest.importorskip("mypy", reason="mypy is in the test extra: pip install -e '.[test]'")
    script = tmp_path / "uses_hrplan.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), "--no-error-summary",
                        "--hide-error-context", "--no-pretty", "--show-absolute-path", str(script)],
                       cwd=tmp_path, capture_output=True, text=True, timeout=300)
    said = {}
    for line in r.stdout.splitlines():
        path, line_no, rest = line.split(":", 2)
        assert path == str(script), line  # nothing said about hrplan's own modules
        said.setdefault(int(line_no), []).append(rest.strip().replace("builtins.", ""))
    assert set(said) == set(EXPECTED), r.stdout
    for line_no, start in EXPECTED.items():
        assert any(s.startswith(start) for s in said[line_no]), (line_no, said[line_no])
