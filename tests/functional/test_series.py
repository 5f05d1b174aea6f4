"""The whole series: four bundled plans, the indicator registry, and the commands that compare
them (plans, indicators, trend, compare); a fifth plan file added without a code change."""

import os
import shutil
import textwrap

import pytest

from hrplan.planfile.files import bundled_data_dir
from hrplan.planfile.load import load_plans
from tests.conftest import ROOT

PLANS = ["nhrap-2009-2010", "nhrap-2012-2015", "nhrap-2016-2020", "nhrap-2021-2025"]


@pytest.fixture(scope="module")
def plans():
    return {p.id: p for p in load_plans(bundled_data_dir(), use_cache=False)}


def test_four_plans_are_bundled_and_validate_without_warnings(run, plans):
    assert sorted(plans) == PLANS
    d = run("validate", "--json").json()
    assert d["ok"] and d["file_count"] == 4 and d["warning_count"] == 0, d["problems"][:3]


def sheet_targets():
    with open(os.path.join(ROOT, "tests", "functional", "sheet_targets.tsv"), encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip() and not line.startswith("#")]


def test_every_target_of_the_sheets_maps_to_a_goal(plans):
    missing, wrong = [], []
    for plan_id, number, goal_id, indicator, holds in sheet_targets():
        goal = plans[plan_id].goals.get(goal_id)
        if goal is None:
            missing.append(f"{plan_id} {number} -> {goal_id}")
            continue
        if (indicator != "-") != (goal.indicator is not None) or (indicator != "-" and goal.indicator != indicator):
            wrong.append(f"{plan_id} {goal_id}: indicator {goal.indicator!r}, list says {indicator!r}")
        if holds == "qualitative" and goal.target is not None:
            wrong.append(f"{plan_id} {goal_id}: the sheet calls it qualitative but it has a target")
        if holds == "result" and not goal.results:
            wrong.append(f"{plan_id} {goal_id}: the list says it holds a result")
        if holds == "no-result" and any(r.value is not None and r.use for r in goal.results):
            wrong.append(f"{plan_id} {goal_id}: the sheet found no result, but the data uses one")
    assert missing == [], "targets of the sheets with no goal: " + ", ".join(missing)
    assert wrong == []
    numbers = {(p, n) for p, n, *_ in sheet_targets()}
    for prefix, count in (("T09-", 31), ("T16-", 33), ("T21-", 8)):
        assert len({n for _, n in numbers if n.startswith(prefix)}) == count, prefix


def test_every_indicator_of_the_registry_is_used_and_most_link_plans(plans, run):
    d = run("indicators", "--json").json()
    assert d["plans"] == PLANS
    linked = {i["id"]: i["plans"] for i in d["indicators"]}
    unused = [i["id"] for i in d["indicators"] if not (i["plans"] or i["result_plans"])]
    assert unused == []
    for ind in ("urban-jobs", "life-expectancy", "infant-mortality", "maternal-mortality", "hr-education-bases",
                "medical-insurance-coverage", "work-safety-deaths-gdp"):
        assert len(linked[ind]) >= 2, ind


def test_plans_lists_four_plans_with_their_targets_and_results(run):
    d = run("plans", "--json").json()
    assert [e["plan"]["id"] for e in d["series"]] == PLANS
    for e in d["series"]:
        assert e["quantified_count"] > 0 and e["with_results_count"] > 0, e["plan"]["id"]
    by_id = {e["plan"]["id"]: e for e in d["series"]}
    assert by_id["nhrap-2016-2020"]["stated_size"]["value"] == 168
    assert "against the plan's 168 objectives and tasks" in by_id["nhrap-2016-2020"]["coverage_note"]
    assert [c["share"] for c in by_id["nhrap-2009-2010"]["claims"] if c["share"] is not None] == [35, 50]
    assert by_id["nhrap-2021-2025"]["plan"]["assessment"] is None


def test_trend_of_life_expectancy_shows_three_plans_with_sources(run):
    d = run("trend", "life-expectancy", "--json").json()
    assert d["indicator"]["plans"] == PLANS[:3]
    assert [(t["plan_id"], t["op"], t["value"], t["change"]) for t in d["targets"]] == [
        ("nhrap-2009-2010", ">=", 73, None), ("nhrap-2012-2015", ">=", 74.5, None),
        ("nhrap-2016-2020", ">=", 1, "absolute")]
    assert d["targets"][2]["base_year"] == 2015 and d["targets"][2]["baseline"] == {"value": 76.34, "year": 2015}
    assert all(r["source"] and r["plan_id"] in PLANS for r in d["results"])
    years = [r["year"] for r in d["results"]]
    assert years == sorted(years) and 2010 in years and 2020 in years
    lines = run("trend", "life-expectancy", "--format", "plain").stdout.splitlines()
    targets = lines[lines.index("# Targets") + 2:lines.index("# Targets") + 5]
    assert [line.split("\t")[:3] for line in targets] == [
        ["nhrap-2009-2010", "I.4.a", ">= 73 years by 2010"], ["nhrap-2012-2015", "I.4.c", ">= 74.5 years by 2015"],
        ["nhrap-2016-2020", "I.5.a", ">= +1 year from 2015 by 2020"]]


def test_trend_of_urban_jobs_shows_three_plans(run):
    lines = run("trend", "urban-jobs", "--format", "plain").stdout.splitlines()
    i = lines.index("# Targets")
    assert lines[i + 2:i + 5] == [
        "nhrap-2009-2010\tI.1.a\t>= 18 million jobs in total over 2009-2010\t\tsurpassed\tsurpassed",
        "nhrap-2012-2015\tI.1.a\t>= 9 million jobs on average over 2012-2015\t\tsurpassed\tsurpassed",
        "nhrap-2016-2020\tI.1.a\t>= 50 million jobs in total over 2016-2020\t\tsurpassed\tsurpassed"]
    results = lines[lines.index("# Results, by year") + 2:]
    assert results[0].split("\t")[:3] == ["2009-2010", "22.7 million jobs", "nhrap-2009-2010"]
    assert any(r.startswith("2016-2020\tnearly 66 million jobs\tnhrap-2016-2020") for r in results)


def test_trend_unknown_indicator_suggests(run):
    r = run("trend", "life-expectency")
    assert r.exit_code == 2 and r.stderr == "hrplan: unknown indicator 'life-expectency'; did you mean life-expectancy?\n"


def test_compare_shows_what_carried_over_and_how(run):
    d = run("compare", "nhrap-2016-2020", "nhrap-2012-2015", "--json").json()
    assert (d["older"]["id"], d["newer"]["id"]) == ("nhrap-2012-2015", "nhrap-2016-2020")
    both = {r["indicator"]["id"]: r for r in d["in_both"]}
    jobs = both["urban-jobs"]
    # 9 million a year on average, against 50 million over five years: 10 million a year
    assert (jobs["target_change"], jobs["ambition"]) == ("raised", "more")
    assert "a total over 5 years, per year" in jobs["compared_as"]
    life = both["life-expectancy"]
    # 74.5 years by 2015, against one more year than 76.34 in 2015: 77.34
    assert (life["target_change"], life["ambition"]) == ("raised", "more")
    # neither plan's sections for these were read whole: no target found, not dropped nor new
    assert d["dropped"] == d["new"] == []
    unemployment = {r["indicator"]["id"]: r for r in d["not_found_in_newer"]}["urban-unemployment"]
    assert unemployment["absent_in"]["absence_text"] == "no target found: the section was read in part"
    assert [s["section"] for s in unemployment["absent_in"]["sections"]] == ["I.1"]
    assert "infant-mortality" in {r["indicator"]["id"] for r in d["not_found_in_older"]}
    assert [c["id"] for c in d["newer_claims"]][:1] == ["O.1"]
    lines = run("compare", "nhrap-2012-2015", "nhrap-2016-2020", "--format", "plain").stdout.splitlines()
    assert lines[0] == "# nhrap-2012-2015 and nhrap-2016-2020: indicators targeted in both"
    assert ("urban-jobs\t>= 9 million jobs on average over 2012-2015 (surpassed)\t"
            ">= 50 million jobs in total over 2016-2020 (surpassed)\traised\tmore") in lines


def test_compare_with_an_area_and_errors(run):
    d = run("compare", "nhrap-2012-2015", "nhrap-2016-2020", "health", "--json").json()
    assert d["area_id"] == "health" and "urban-jobs" not in {r["indicator"]["id"] for r in d["in_both"]}
    r = run("compare", "nhrap-2012-2015", "nhrap-2012-2015")
    assert r.exit_code == 2 and r.stderr == "hrplan: compare needs two different plans, not nhrap-2012-2015 twice\n"
    lines = run("compare", "nhrap-2009-2010", "nhrap-2016-2020", "I.5", "--format", "plain").stdout
    assert "The area I.5 is not the same in both plans: nhrap-2009-2010, section I.5: Right to education" in lines
    r = run("compare", "nhrap-2012-2015", "nhrap-2016-2002")
    assert r.exit_code == 2 and "did you mean nhrap-2016-2020" in r.stderr


def test_the_default_plan_is_the_latest_and_every_answer_names_its_plan(run):
    assert run("summary", "--json").json()["plan"]["id"] == "nhrap-2021-2025"
    assert run("quotas", "--json").json()["plan"]["id"] == "nhrap-2021-2025"
    # a scorecard of results: the latest plan with an assessment
    assert run("stats", "livelihood", "--format", "plain").stdout.startswith(
        "# nhrap-2016-2020, theme livelihood: People's livelihood\n")
    assert run("progress", "--json").json()["plan"]["id"] == "nhrap-2016-2020"
    for args in (["stats", "livelihood"], ["quotas"], ["goals", "health"]):
        assert run(*args, "--plan", "nhrap-2016-2020", "--json").json()["plan"]["id"] == "nhrap-2016-2020"


def test_themes_exist_in_each_plan_that_has_their_sections(run):
    for plan in PLANS:
        d = run("stats", "livelihood", "--plan", plan, "--json").json()
        assert d["area"]["id"] == "livelihood" and d["goal_count"] > 0, plan


FIFTH = textwrap.dedent('''\
    format = 1
    sources = [
      { id = "plan", title = "A plan after 2025, made up for this test", publisher = "Tests", kind = "plan_text", document = "plan" },
    ]

    [plan]
    id = "test-2026-2030"
    title = "A fifth plan (test data)"
    period = [2026, 2030]
    predecessor = "nhrap-2021-2025"

    [[chapters]]
    id = "I"
    title = "Economic, social and cultural rights"

    [[sections]]
    id = "I.1"
    chapter = "I"
    title = "Health"
    aliases = ["health"]

    [[goals]]
    id = "I.1.a"
    section = "I.1"
    text = "A test target on life expectancy."
    indicator = "life-expectancy"
    plan_sources = ["plan"]
    target = { metric = "Average life expectancy", unit = "years", op = ">=", value = 80, year = 2030 }
''')


def test_a_fifth_plan_file_needs_no_code_change(run, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), data)
    (data / "test-2026-2030.toml").write_text(FIFTH, encoding="utf-8")
    assert run("validate", "--data", str(data)).exit_code == 0
    assert [e["plan"]["id"] for e in run("plans", "--data", str(data), "--json").json()["series"]] == [
        *PLANS, "test-2026-2030"]
    assert run("summary", "--data", str(data), "--json").json()["plan"]["id"] == "test-2026-2030"
    trend = run("trend", "life-expectancy", "--data", str(data), "--json").json()
    assert trend["indicator"]["plans"][-1] == "test-2026-2030" and trend["targets"][-1]["value"] == 80
    d = run("compare", "nhrap-2021-2025", "test-2026-2030", "--data", str(data), "--json").json()
    row = {r["indicator"]["id"]: r for r in d["not_found_in_older"]}["life-expectancy"]
    assert (row["absent_in"]["plan_id"], row["absent_in"]["read"]) == ("nhrap-2021-2025", "part")


def test_an_unknown_indicator_is_reported_by_validate(run, tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(FIFTH.replace('"life-expectancy"', '"life-expectansy"'), encoding="utf-8")
    r = run("validate", str(path))
    assert r.exit_code == 1 and "unknown indicator 'life-expectansy' (did you mean life-expectancy?)" in r.stdout
