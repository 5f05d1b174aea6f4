"""A plan whose period has ended says so where it is shown by default (issue 21), computed from
today's date, never written in the data."""

import datetime
import io

import pytest

from hrplan.answers.records import period_state


@pytest.fixture(scope="module")
def bundled():
    from hrplan.planfile.load import load_plans

    return {p.id: p for p in load_plans(None)}


@pytest.mark.parametrize("plan_id,today,state", [
    ("nhrap-2021-2025", datetime.date(2026, 1, 1), "period ended 2025; no assessment on record"),
    ("nhrap-2021-2025", datetime.date(2025, 12, 31), "period runs to 2025"),
    ("nhrap-2021-2025", datetime.date(2020, 6, 1), "period starts in 2021"),
    ("nhrap-2016-2020", datetime.date(2026, 1, 1), "period ended 2020; assessed in assess-bi-humanrights"),
    ("nhrap-2016-2020", datetime.date(2019, 1, 1), "period runs to 2020"),
])
def test_period_state_from_the_date(bundled, plan_id, today, state):
    assert period_state(bundled[plan_id], today) == state


def test_no_plan_file_writes_it(bundled):
    for plan in bundled.values():
        text = open(plan.file, encoding="utf-8").read()
        assert "period ended" not in text and "period_state" not in text


def test_summary_by_default_says_the_period_ended(run):
    from hrplan.planfile.load import load_plan

    today = datetime.date.today()
    expected = period_state(load_plan(None, None), today)
    d = run("summary", "--json").json()
    assert d["plan"]["id"] == "nhrap-2021-2025" and d["period_state"] == expected
    if today.year > 2025:
        assert d["period_state"] == "period ended 2025; no assessment on record"
    lines = run("summary", "--format", "plain").stdout.splitlines()
    assert f"period\t2021-2025 ({expected.removeprefix('period ')})" in lines


def test_summary_of_a_test_plan(run, plan_file):
    d = run("summary", "--data", plan_file(), "--json").json()
    assert d["period_state"] == period_state(type("P", (), {"start": d["plan"]["period"][0], "end": d["plan"]["period"][1],
                                                            "assessment": d["plan"]["assessment"]})())


class _Env:
    isatty = True

    def __init__(self):
        self.said = []

    def notice(self, message):
        self.said.append(message)


def test_a_default_plan_without_results_is_announced_at_a_terminal(bundled):
    from hrplan.cli.options import Opts, default_notice

    env = _Env()
    default_notice(Opts(env=env), bundled["nhrap-2021-2025"])
    if datetime.date.today().year > 2025:
        assert env.said == ["nhrap-2021-2025, the latest plan, shown by default: period ended 2025; no assessment on "
                            "record (--plan chooses another)"]
    env = _Env()
    default_notice(Opts(env=env), bundled["nhrap-2016-2020"])  # assessed: nothing to say
    assert env.said == []


def test_no_notice_in_a_pipe_or_with_plan(run):
    for args in (["goals"], ["summary"], ["goals", "--plan", "nhrap-2021-2025"]):
        r = run(*args)
        assert r.exit_code == 0 and r.stderr == ""
