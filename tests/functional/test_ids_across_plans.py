"""An id held by several plans (issue 21) and one way to name things (issue 23): the answer names
its plan and the other plans that hold the id; `sources ID` opens what `show` opens; errors name
the plans they searched; completion offers the ids `show` takes."""

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, subprocess_env

PLANS = ["nhrap-2009-2010", "nhrap-2012-2015", "nhrap-2016-2020", "nhrap-2021-2025"]


@pytest.fixture(scope="module")
def plans():
    from hrplan.planfile.load import load_plans

    return sorted(load_plans(None), key=lambda p: p.start)


def test_show_an_id_of_several_plans_names_the_plan_and_the_others(run, plans):
    holders = [p.id for p in plans if "I.1.a" in p.goals]
    assert holders == ["nhrap-2009-2010", "nhrap-2012-2015", "nhrap-2016-2020"]
    d = run("show", "I.1.a", "--json").json()
    assert d["plan"]["id"] == "nhrap-2016-2020"  # the latest plan that holds it
    assert d["also_in"] == ["nhrap-2009-2010", "nhrap-2012-2015"]
    lines = run("show", "I.1.a", "--format", "plain").stdout.splitlines()
    assert lines[0] == "# Goal I.1.a of nhrap-2016-2020"
    assert lines[1].startswith("also in\tnhrap-2009-2010, nhrap-2012-2015 (--plan PLAN, or PLAN:I.1.a, opens it there")
    for args in (["I.1.a", "--plan", "nhrap-2012-2015"], ["nhrap-2012-2015:I.1.a"]):
        d = run("show", *args, "--json").json()
        assert d["plan"]["id"] == "nhrap-2012-2015" and d["also_in"] == ["nhrap-2009-2010", "nhrap-2016-2020"]


def test_an_id_of_one_plan_has_no_also_in(run):
    d = run("show", "III.5.d", "--plan", "nhrap-2012-2015", "--json").json()
    held = [p for p in PLANS if p != "nhrap-2012-2015"
            and run("show", "III.5.d", "--plan", p, "--json").exit_code == 0]
    assert d["also_in"] == held
    assert run("show", "nhrap-2012-2015", "--json").json()["also_in"] == []


def test_every_source_that_show_opens_sources_opens_too(run, plans):
    for plan in plans:
        for sid in list(plan.sources)[:6]:
            shown = run("show", sid, "--plan", plan.id, "--json").json()
            own = run("sources", sid, "--plan", plan.id, "--json").json()
            assert own == shown, (plan.id, sid)
    # without --plan, the latest plan that holds it, as show does
    assert run("sources", "assess-en-cctv-12", "--json").json() == run("show", "assess-en-cctv-12", "--json").json()
    assert run("sources", "assess-en-cctv-12", "--json").json()["plan"]["id"] == "nhrap-2012-2015"


def test_sources_refuses_an_id_that_is_no_source(run):
    r = run("sources", "I.1.a")
    assert r.exit_code == 2 and r.stderr.startswith("hrplan: unknown source 'I.1.a' in nhrap-2009-2010, ")


@pytest.mark.parametrize("args,message", [
    (["goals", "--tag", "women"], "hrplan: unknown tag 'women' in nhrap-2021-2025; did you mean"),
    (["goals", "--tag", "wemen", "--plan", "nhrap-2012-2015"], "hrplan: unknown tag 'wemen' in nhrap-2012-2015;"),
    (["stats", "livelyhood"], "hrplan: unknown area 'livelyhood' in nhrap-2016-2020; did you mean livelihood?"),
    (["show", "Q.9.z"], "hrplan: unknown goal, claim, source or plan 'Q.9.z' in " + ", ".join(PLANS)),
    (["show", "Q.9.z", "--plan", "nhrap-2012-2015"],
     "hrplan: unknown goal, claim, source or plan 'Q.9.z' in nhrap-2012-2015"),
    (["sources", "nope", "--plan", "nhrap-2016-2020"], "hrplan: unknown source 'nope' in nhrap-2016-2020"),
])
def test_errors_name_the_plans_they_searched(run, args, message):
    r = run(*args)
    assert r.exit_code == 2 and r.stdout == "" and len(r.stderr.splitlines()) == 1
    assert r.stderr.startswith(message), r.stderr


def test_an_unknown_plan_still_says_it_came_from_plan(run):
    for cmd in (["show", "I.1.a"], ["sources", "plan-en-gov"]):
        r = run(*cmd, "--plan", "nope")
        assert r.exit_code == 2 and r.stderr.startswith("hrplan: unknown plan 'nope' (from --plan)")


def _complete(tmp_path, words):
    env = subprocess_env(_HRPLAN_COMPLETE="bash_complete", COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - 1),
                         XDG_CACHE_HOME=str(tmp_path))
    r = subprocess.run([sys.executable, "-m", "hrplan"], capture_output=True, env=env, cwd=ROOT, timeout=60)
    assert r.returncode == 0
    return [line.split(",", 1)[1] for line in r.stdout.decode().splitlines()]


def test_completion_offers_the_goal_ids_of_every_plan_for_show(tmp_path, plans):
    every = list(dict.fromkeys(g for p in plans for g in p.goals if g.startswith("I.1.")))
    assert _complete(tmp_path, "hrplan show I.1.") == every
    assert "I.1.d-skilled" in every  # not a goal of the latest plan: show still opens it
    only = [g for g in plans[1].goals if g.startswith("I.1.")]
    assert _complete(tmp_path, "hrplan show --plan nhrap-2012-2015 I.1.") == only


def test_completion_offers_source_ids_for_sources(tmp_path, plans):
    every = list(dict.fromkeys(s for p in plans for s in p.sources if s.startswith("assess-en-cctv")))
    assert every and _complete(tmp_path, "hrplan sources assess-en-cctv") == every
