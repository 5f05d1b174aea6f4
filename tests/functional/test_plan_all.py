"""--plan all on every one-plan command that lists goals (goals, quotas, progress, export, notes,
sources): every plan, each row naming its plan, in every format and in hrplan.api; a global
--plan with compare; the --plan help says each command's own default."""

import csv
import io
import json

import jsonschema
import pytest

from hrplan.contract import jsonschema as json_schema

PLANS = ["nhrap-2009-2010", "nhrap-2012-2015", "nhrap-2016-2020", "nhrap-2021-2025"]
# command -> (the list of its answer, the count of it)
LISTS = {"goals": ("goals", "goal_count"), "quotas": ("goals", "goal_count"),
         "progress": ("key_figures", "quantified_count"), "notes": ("notes", "note_count"),
         "sources": ("sources", "source_count")}


def _valid(name, answer):
    jsonschema.Draft202012Validator(json_schema.schema(name)).validate(answer)


@pytest.mark.parametrize("name", sorted(LISTS))
def test_json_covers_every_plan_each_row_with_its_plan(run, name):
    items, count = LISTS[name]
    r = run(name, "--plan", "all", "--json")
    assert r.exit_code == 0, r.stderr
    a = r.json()
    _valid(name, a)
    assert a["plans"] == PLANS and "plan" not in a
    one = [run(name, "--plan", p, "--json").json() for p in PLANS]
    assert a[items] and [row["plan_id"] for row in a[items]] == [p for p, o in zip(PLANS, one) for _ in o[items]]
    assert a[count] == len(a[items]) == sum(o[count] for o in one)
    ids = "goal_id" if name == "progress" else "id"
    if name in ("goals", "quotas", "progress", "sources"):
        assert [row[ids] for row in a[items]] == [row[ids] for o in one for row in o[items]]
    assert len({row["plan_id"] for row in a[items]}) >= 3


def test_sources_across_plans_keep_each_plans_count_of_citations(run):
    a = run("sources", "--plan", "all", "--json").json()
    one = run("sources", "--plan", PLANS[1], "--json").json()
    mine = {s["id"]: s["cited_by"] for s in a["sources"] if s["plan_id"] == PLANS[1]}
    assert mine == one["cited_by"]


@pytest.mark.parametrize("name", sorted(LISTS))
def test_plain_text_puts_the_plan_first(run, name):
    r = run(name, "--plan", "all", "--format", "plain")
    assert r.exit_code == 0, r.stderr
    rows = [line for line in r.stdout.splitlines() if line and not line.startswith("#") and "\t" in line]
    if name == "progress":  # a table per plan and section, titled with the plan
        titles = [line for line in r.stdout.splitlines() if line.startswith("# nhrap-")]
        assert set(PLANS) >= {t.split()[1] for t in titles} >= set(PLANS[:3])
        return
    assert rows and all(line.split("\t", 1)[0] in PLANS for line in rows)
    assert {line.split("\t", 1)[0] for line in rows} >= set(PLANS[:3])


@pytest.mark.parametrize("name", ["goals", "quotas", "progress", "notes", "sources"])
def test_csv_and_ndjson_name_the_plan_of_each_row(run, name):
    items, _ = LISTS[name]
    a = run(name, "--plan", "all", "--json").json()
    lines = run(name, "--plan", "all", "--format", "ndjson").stdout.splitlines()
    assert [json.loads(line)["plan_id"] for line in lines] == [row["plan_id"] for row in a[items]]
    rows = list(csv.DictReader(io.StringIO(run(name, "--plan", "all", "--format", "csv").stdout)))
    assert [row["plan_id"] for row in rows] == [row["plan_id"] for row in a[items]]


def test_the_table_has_a_plan_column(run):
    r = run("quotas", "--plan", "all", "--format", "table", env={"COLUMNS": "120"})
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0].startswith("Quantified targets of " + ", ".join(PLANS))
    assert lines[2].split()[:2] == ["plan", "id"]


def test_an_area_and_the_filters_apply_in_every_plan(run):
    a = run("goals", "I.1", "--plan", "all", "--status", "surpassed", "--json").json()
    _valid("goals", a)
    assert a["area_id"] == "I.1" and a["goals"]
    assert all(g["section"] == "I.1" and g["status"] == "surpassed" for g in a["goals"])
    assert len({g["plan_id"] for g in a["goals"]}) >= 3
    worst = run("goals", "--plan", "all", "--status", "not_met", "--fields", "plan_id,id", "--format", "plain")
    assert worst.stdout == "".join(f"{g['plan_id']}\t{g['id']}\n" for g in
                                   run("goals", "--plan", "all", "--status", "not_met", "--json").json()["goals"])
    r = run("goals", "no-such-area", "--plan", "all")
    assert r.exit_code == 2 and "unknown area 'no-such-area'" in r.stderr


def test_notes_and_progress_of_an_area_across_plans(run):
    notes = run("notes", "health", "--plan", "all", "--kind", "data_quality", "--json").json()
    _valid("notes", notes)
    assert notes["notes"] and all(n["kind"] == "data_quality" for n in notes["notes"])
    bars = run("progress", "I.1", "--plan", "all", "--json").json()
    _valid("progress", bars)
    assert bars["area_id"] == "I.1" and all(k["section"] == "I.1" for k in bars["key_figures"])


def test_export_covers_every_plan_in_every_form(run):
    a = run("export", "--plan", "all", "--format", "json").json()
    _valid("export", a)
    assert a["plans"] == PLANS and [e["plan"]["id"] for e in a["exports"]] == PLANS
    assert a["goal_count"] == sum(len(e["goals"]) for e in a["exports"])
    one = [run("export", "--plan", p, "--format", "csv").stdout.splitlines() for p in PLANS]
    every = run("export", "--plan", "all", "--format", "csv").stdout.splitlines()
    assert every == one[0][:1] + [row for rows in one for row in rows[1:]]  # one header, every plan's rows
    lines = run("export", "--plan", "all", "--format", "ndjson", "--status", "surpassed").stdout.splitlines()
    assert len({json.loads(line)["plan_id"] for line in lines}) == 4
    limited = run("export", "--plan", "all", "--format", "ndjson", "--limit", "1").stdout.splitlines()
    assert [json.loads(line)["plan_id"] for line in limited] == PLANS  # --limit: within each plan


def test_the_api_takes_all_for_every_plan():
    import hrplan.api as hr

    every = hr.goals("I.1", plan="all", status="surpassed")
    assert every == hr.goals("I.1", status="surpassed")
    assert hr.results("I.1", plan="all") == hr.results("I.1")
    assert hr.indicators(plan="all") == hr.indicators()
    assert hr.trend("life-expectancy", plan="all") == hr.trend("life-expectancy")
    assert [g["plan_id"] for g in every] == sorted(g["plan_id"] for g in every) and len({g["plan_id"] for g in every}) >= 3


def test_a_global_plan_all_reaches_the_command(run):
    assert run("--plan", "all", "quotas", "--json").json()["plans"] == PLANS


@pytest.mark.parametrize("args", [("plans",), ("indicators",), ("trend", "life-expectancy"), ("search", "66.63")])
def test_the_commands_over_every_plan_take_all_too(run, args):
    assert run(*args, "--plan", "all", "--json").stdout == run(*args, "--json").stdout


def test_one_source_with_all_is_a_usage_error(run):
    r = run("sources", "assess-en-chinadaily-summary", "--plan", "all")
    assert r.exit_code == 2 and "a source ID is opened in one plan" in r.stderr


@pytest.mark.parametrize("name", ["summary", "stats", "areas", "tags", "show"])
def test_a_one_plan_command_refuses_all_with_a_usage_error(run, name):
    args = {"stats": ["livelihood"], "show": ["I.1.a"]}.get(name, [])
    r = run(name, *args, "--plan", "all")
    assert r.exit_code == 2 and f"--plan all: {name} answers for one plan" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_global_plan_does_not_break_compare(run):
    own = run("compare", PLANS[1], PLANS[2], "--json")
    assert own.exit_code == 0
    for plan in (PLANS[1], PLANS[0], "all"):
        r = run("--plan", plan, "compare", PLANS[1], PLANS[2], "--json")
        assert r.exit_code == 0, r.stderr
        assert r.stdout == own.stdout  # the command's own arguments win


DEFAULTS = {
    "summary": "the latest plan", "areas": "the latest plan", "tags": "the latest plan",
    "goals": "the latest plan", "quotas": "the latest plan", "notes": "the latest plan", "sources": "the latest plan",
    "stats": "the latest plan that has an assessment", "progress": "the latest plan that has an assessment",
    "show": "the latest plan that has the ID",
    "plans": "every plan", "indicators": "every plan", "trend": "every plan", "search": "every plan",
    "export": "the latest plan; sqlite and datapackage: every plan",
}
TAKE_ALL = {"goals", "quotas", "progress", "notes", "sources", "export"}


@pytest.mark.parametrize("name", sorted(DEFAULTS))
def test_the_plan_help_says_the_commands_real_default(name):
    from hrplan.cli.main import cli

    option = next(p for p in cli.get_command(None, name).params if p.name == "plan_id")
    assert option.help.endswith(f"(default: {DEFAULTS[name]}).")
    assert ("or all (every plan)" in option.help) == (name in TAKE_ALL)


def test_the_default_the_help_names_is_the_plan_answered_for(run):
    latest = run("goals", "--json").json()["plan"]["id"]
    assert latest == PLANS[-1]
    assessed = run("stats", "all", "--json").json()["plan"]["id"]
    assert assessed == run("progress", "--json").json()["plan"]["id"] == PLANS[2]
    assert run("search", "66.63", "--json").json()["plans"] == PLANS


@pytest.mark.parametrize("name", ["goals", "quotas", "export"])
def test_the_schema_holds_under_fields_across_plans(run, name):
    a = run(name, "--plan", "all", "--fields", "plan_id,id,status", "--limit", "2", "--json").json()
    _valid(name, a)
    jsonschema.Draft202012Validator(json_schema.schema(name, ["plan_id", "id", "status"])).validate(a)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(json_schema.schema(name, ["id"])).validate(a)


@pytest.mark.parametrize("width", ["40", "80", "120"])
@pytest.mark.parametrize("name", ["goals", "quotas", "notes", "sources"])
def test_every_row_shows_its_plan_at_every_width(run, name, width):
    """The plan is one of the columns that give a row across plans its meaning: never left out."""
    import re

    args = {"goals": ["goals", "I"], "quotas": ["quotas", "I"], "notes": ["notes", "I.1"]}.get(name, [name])
    n = run(*args, "--plan", "all", "--json").json()[LISTS[name][1]]
    out = run(*args, "--plan", "all", "--format", "table", env={"COLUMNS": width}).stdout
    shown = re.findall(r"^(?:plan +)?(nhrap-\d{4}-\d{4})(?:  |$)", out, re.M)
    assert len(shown) == n, out[:400]


@pytest.mark.parametrize("name", ["goals", "quotas", "progress"])
def test_across_plans_each_plans_coverage_is_its_one_plan_answers(run, name):
    a = run(name, "I.1", "--plan", "all", "--json").json()
    assert list(a["coverage_by_plan"]) == PLANS
    for p in PLANS:
        assert a["coverage_by_plan"][p] == run(name, "I.1", "--plan", p, "--json").json()["coverage_by_section"]
    text = " ".join(run(name, "I.1", "--plan", "all", "--format", "table").stdout.split())
    assert "Plan text read, nhrap-2021-2025: Not read: I.1 (no text reached)." in text


def test_an_area_no_plan_knows_is_suggested_as_the_data_writes_it(run):
    r = run("notes", "III.9", "--plan", "all")
    assert r.exit_code == 2
    assert "did you mean III.1" in r.stderr and "iii.1" not in r.stderr
    r = run("compare", "nhrap-2012-2015", "nhrap-2016-2020", "I.9")
    assert "did you mean I.1" in r.stderr and "i.1" not in r.stderr
