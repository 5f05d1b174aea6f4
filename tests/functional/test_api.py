"""hrplan.api, the Python surface for notebooks: the same records and answers as the JSON output,
typed as the contract's TypedDicts."""

import doctest
import os
import re

import pytest

import hrplan.api as hr
from hrplan.errors import NotFound
from tests.conftest import ROOT

PLAN = "nhrap-2012-2015"


@pytest.fixture(autouse=True)
def bundled():
    """Each test starts from the bundled data, loaded afresh."""
    hr._loaded = None
    yield
    hr._loaded = None


def test_plans_in_period_order_as_plan_records(run):
    plans = hr.plans()
    assert [p["id"] for p in plans] == ["nhrap-2009-2010", PLAN, "nhrap-2016-2020", "nhrap-2021-2025"]
    assert plans[1] == run("summary", "--plan", PLAN, "--json").json()["plan"]


def test_goals_of_an_area_are_the_json_goal_records(run):
    assert hr.goals("health", plan=PLAN) == run("goals", "health", "--plan", PLAN, "--json").json()["goals"]
    found = hr.goals("I.1", plan=PLAN, status=["surpassed", "met"], quantified=True)
    cli = run("goals", "I.1", "--plan", PLAN, "--status", "surpassed", "--status", "met", "--quantified",
              "--json").json()["goals"]
    assert found == cli and found


def test_goals_without_a_plan_cover_every_plan():
    found = hr.goals(status="surpassed")
    assert {g["status"] for g in found} == {"surpassed"}
    assert len({g["plan_id"] for g in found}) == 4
    assert len(hr.goals()) == sum(len(hr.goals(plan=p["id"])) for p in hr.plans())
    # an area that is a name in some plans only: the goals of those
    assert {g["plan_id"] for g in hr.goals("health")} <= {p["id"] for p in hr.plans()}


def test_a_goal_with_its_status():
    g = hr.goal("I.1.a", plan=PLAN)
    assert (g["plan_id"], g["status"], g["target"]["value"]) == (PLAN, "surpassed", 9)
    assert hr.goal(f"{PLAN}:I.1.a") == g
    assert hr.goal("I.1.a")["plan_id"] == "nhrap-2016-2020"  # the latest plan that has the id


def test_errors_name_what_is_wrong():
    with pytest.raises(NotFound, match="did you mean health"):
        hr.goals("helth")
    with pytest.raises(NotFound, match="unknown plan"):
        hr.goals(plan="nhrap-2012")
    with pytest.raises(NotFound, match="did you mean employment"):
        hr.goals(tag="employmnt")
    with pytest.raises(NotFound, match="a claim of"):
        hr.goal("O.5", plan=None)
    with pytest.raises(ValueError, match="status='done'"):
        hr.goals(status="done")
    with pytest.raises(TypeError, match="no filter 'statuz'"):
        hr.goals(statuz="met")


def test_load_reads_other_plan_files(plan_file):
    mine = hr.load(plan_file())
    assert [p["id"] for p in hr.plans()] == ["test-plan"] == [p["id"] for p in mine.plans()]
    assert [g["id"] for g in hr.goals("livelihood", tag="JOBS")] == ["G1"]
    assert repr(mine) == "<hrplan Plans: test-plan>"


def test_the_answers_of_the_series_are_the_commands_json(run):
    assert hr.indicators() == run("indicators", "--json").json()
    assert hr.indicators("health", plan=PLAN) == run("indicators", "health", "--plan", PLAN, "--json").json()
    assert hr.trend("urban-jobs") == run("trend", "urban-jobs", "--json").json()
    assert hr.trend("life-expectancy", plan=PLAN) == run("trend", "life-expectancy", "--plan", PLAN, "--json").json()
    found = hr.compare(PLAN, "nhrap-2016-2020", "health")
    assert found == run("compare", PLAN, "nhrap-2016-2020", "health", "--json").json() and found["in_both"]


def test_sources_are_the_commands_json(run):
    assert hr.sources() == run("sources", "--json").json()  # the latest plan, as the command
    assert hr.sources(PLAN) == run("sources", "--plan", PLAN, "--json").json()
    one = hr.source("assess-en-chinadaily-summary", plan=PLAN)
    assert one == run("sources", "assess-en-chinadaily-summary", "--plan", PLAN, "--json").json()
    assert one["citation_count"] > 0


def test_results_are_the_goals_results_each_naming_its_plan_and_goal(run):
    cli = run("goals", "I.1", "--plan", PLAN, "--json").json()["goals"]
    rows = hr.results("I.1", plan=PLAN)
    assert rows == [{"plan_id": PLAN, "goal_id": g["id"], **r} for g in cli for r in g["results"]] and rows
    assert list(rows[0])[:2] == ["plan_id", "goal_id"]
    across = hr.results(status="surpassed", quantified=True)
    assert {r["plan_id"] for r in across} == {g["plan_id"] for g in hr.goals(status="surpassed", quantified=True)
                                              if g["results"]}


def test_the_statuses_in_the_methods_order(run):
    """``STATUSES`` is the order of the method's table (``hrplan methodology``), as the Literal
    ``Status`` of the contract spells it; the reported statuses likewise."""
    import typing

    names = [s["name"] for s in run("methodology", "--json").json()["statuses"]]
    assert list(hr.STATUSES) == names == list(typing.get_args(hr.Status))
    assert names[:2] == ["surpassed", "met"] and names[-1] == "not_quantified"
    reported = [s["name"] for s in run("methodology", "--json").json()["reported_statuses"]]
    assert [*hr.REPORTED_STATUSES, hr.REPORTED_NONE] == reported
    assert typing.get_args(hr.ReportedStatus) == hr.REPORTED_STATUSES


def test_errors_of_the_series_and_sources():
    from hrplan.errors import UsageError

    with pytest.raises(NotFound, match="did you mean urban-jobs"):
        hr.trend("urban-job")
    with pytest.raises(UsageError, match="two different plans"):
        hr.compare(PLAN, PLAN)
    with pytest.raises(NotFound, match="unknown plan"):
        hr.compare(PLAN, "nhrap-2099")
    with pytest.raises(NotFound, match="source"):
        hr.source("no-such-source", plan=PLAN)


def test_a_loaded_set_of_plans_answers_for_itself(plan_file):
    mine = hr.load(plan_file())
    assert mine.sources()["plan"]["id"] == "test-plan" == hr.sources()["plan"]["id"]
    assert mine.indicators()["plans"] == ["test-plan"]  # the bundled registry, these plans' goals
    assert [r["goal_id"] for r in mine.results()] == [g["id"] for g in mine.goals() for _ in g["results"]] != []


def _examples():
    page = open(os.path.join(ROOT, "docs", "python.md"), encoding="utf-8").read()
    return re.findall(r"<!-- python-example -->\n```(pycon|python)\n(.*?)```", page, re.S)


def test_the_python_page_has_its_examples_the_last_with_pandas():
    kinds = [kind for kind, _ in _examples()]
    assert kinds == ["pycon"] * 4 + ["python"] and "import pandas" in _examples()[-1][1]


def test_the_python_pages_examples_run_and_print_what_they_show():
    """The pycon examples in order, sharing their names as in one session; the pandas one where
    pandas is installed (it is not a dependency)."""
    names = {}
    for n, (kind, code) in enumerate(_examples(), 1):
        if kind == "pycon":
            test = doctest.DocTestParser().get_doctest(code, names, f"docs/python.md example {n}", "docs/python.md", 0)
            runner = doctest.DocTestRunner()
            runner.run(test, clear_globs=False)
            assert runner.summarize(verbose=False).failed == 0, f"docs/python.md example {n}"
            names = test.globs  # a DocTest works on a copy of the names it is given
        else:
            try:
                import pandas  # noqa: F401
            except ImportError:
                continue
            exec(compile(code, "docs/python.md", "exec"), {})


def test_the_readmes_python_example_runs_and_prints_what_it_shows():
    page = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    examples = re.findall(r"<!-- python-example -->\n```pycon\n(.*?)```", page, re.S)
    assert examples
    for n, code in enumerate(examples, 1):
        test = doctest.DocTestParser().get_doctest(code, {}, f"README example {n}", "README.md", 0)
        runner = doctest.DocTestRunner()
        runner.run(test)
        assert runner.summarize(verbose=False).failed == 0, f"README example {n}"
