"""Every command, in plain (piped) and JSON form, through the real entry point."""

import json

import pytest

GOAL_KEYS = {"id", "plan_id", "chapter", "section", "text", "tags", "target", "results", "status",
             "reported_status", "sources", "notes", "progress", "agreement"}
TARGET_KEYS = {"metric", "unit", "op", "value", "year", "baseline", "binding", "aggregate"}
RESULT_KEYS = {"year", "value", "unit", "qualifier", "source", "note"}


def test_summary_plain(run, plan_file):
    r = run("summary", "--data", plan_file())
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "# Test plan (测试计划)"
    assert ("goals\t3 (3 commitments, 0 findings: reported results that match no commitment; "
            "2 with a quantified target, 3 with reported results)") in lines
    assert "I\tChapter one\t2\t2\t2\tmixed\tsurpassed 1, not_met 1" in lines
    assert "I.1\tWork\tpartial\t" in lines
    assert any(l.startswith("C1\tMore than half") and "hrplan: 1 of 2 quantified goals surpassed, 50%" in l
               and l.split("\t")[3] == "differs" for l in lines)


def test_summary_json(run, plan_file):
    d = run("summary", "--data", plan_file(), "--json").json()
    assert d["plan"]["id"] == "test-plan"
    assert d["status_counts"]["surpassed"] == 1 and d["status_counts"]["not_met"] == 1
    assert d["status_counts"]["not_quantified"] == 1 and d["status_counts"]["on_track"] == 0
    assert [c["id"] for c in d["chapters"]] == ["I", "II"]
    [claim] = d["claims"]
    assert claim["data"] == {"quantified_count": 2, "counted_count": 1, "share": 50.0, "unknown_count": 0, "known_count": 2,
                             "agreement": "differs", "share_known": 50.0, "agreement_known": "differs",
                             "caveats": ["the plan text of 1 section(s) in this area was not read whole, so the data may not hold every target the claim counted"]}
    assert d["differing"] == [{"goal_id": "G2", "status": "not_met", "reported_status": "met"}]
    assert d["chapters"][1]["status_counts"]["not_quantified"] == 1 and d["chapters"][1]["status_counts"]["met"] == 0


def test_areas(run, plan_file):
    r = run("areas", "--data", plan_file())
    assert "I.1\tI\tWork (工作权利)\tjobs\t1\t1\tpartial" in r.stdout.splitlines()
    d = run("areas", "--data", plan_file(), "--json").json()
    assert [t["id"] for t in d["themes"]] == ["livelihood"] and d["themes"][0]["goal_count"] == 2


def test_goals_plain_is_tab_separated_rows_and_header_on_request(run, plan_file):
    r = run("goals", "--data", plan_file())
    lines = r.stdout.splitlines()
    assert lines[0] == "G1\tCreate nine million jobs a year.\t>= 9 million by 2015\tsurpassed\tsurpassed"
    assert lines[2] == "G3\tRevise a law.\t\tnot_quantified\t"
    assert "\x1b[" not in r.stdout
    assert run("goals", "--data", plan_file(), "--header").stdout.splitlines()[:2] == [
        "id\tcommitment\ttarget\tstatus\treported", lines[0]]


@pytest.mark.parametrize("args,ids", [
    (["--status", "not_met"], ["G2"]),
    (["--status", "surpassed", "--status", "not_met"], ["G1", "G2"]),
    (["--tag", "jobs"], ["G1"]),
    (["--quantified"], ["G1", "G2"]),
    (["--reported", "none"], ["G3"]),
    (["--origin", "other_official"], ["G2"]),
    (["II"], ["G3"]),
    (["jobs"], ["G1"]),
    (["livelihood", "--status", "surpassed"], ["G1"]),
])
def test_goals_filters(run, plan_file, args, ids):
    d = run("goals", *args, "--data", plan_file(), "--json").json()
    assert [g["id"] for g in d["goals"]] == ids and d["goal_count"] == len(ids)


def test_goal_json_contract(run, plan_file):
    d = run("goals", "--data", plan_file(), "--json").json()
    for g in d["goals"]:
        assert GOAL_KEYS <= set(g)
        assert g["target"] is None or TARGET_KEYS <= set(g["target"])
        for r in g["results"]:
            assert RESULT_KEYS <= set(r)
    g1 = d["goals"][0]
    assert g1["target"]["op"] == ">=" and g1["results"][0]["value"] == 12 and g1["results"][0]["source"] == "rep"
    assert g1["status"] == "surpassed" and g1["agreement"] == "agrees" and g1["progress"] == pytest.approx(12 / 9)
    assert [s["url"] for s in g1["sources"]] == ["https://example.org/plan", "https://example.org/report", "https://example.org/stats"]


def test_quotas(run, plan_file):
    lines = run("quotas", "--data", plan_file(), "--header").stdout.splitlines()
    assert lines[0] == "id\tmetric\ttarget\tbaseline\tlatest result\tstatus\treported"
    assert lines[2] == "G2\tUnemployment\t< 5% by 2015 (a limit)\t\t6% (2015)\tnot_met\tmet"
    assert len(lines) == 3


def test_show(run, plan_file):
    r = run("show", "G1", "--data", plan_file())
    out = r.stdout
    assert "status (computed)\tsurpassed" in out
    assert "why\tresult 12 million against target >= 9: better than the target" in out
    assert "2015\t12 million\tassessment\tyes\trep\t\t" in out
    assert "plan\tThe plan\tIssuer\t\tplan_text\thttps://example.org/plan" in out
    assert "data_quality\tA copy garbles the figure.\tstat" in out
    d = run("show", "g1", "--data", plan_file(), "--json").json()
    assert d["goal"]["id"] == "G1" and d["working"]["method"] == "final" and d["working"]["value"] == 12
    assert d["working"]["results_used"] == [{"start_year": None, "year": 2015}]


def test_stats_plain_and_json(run, plan_file):
    r = run("stats", "livelihood", "--data", plan_file())
    lines = r.stdout.splitlines()
    assert lines[0] == "# test-plan, theme livelihood: Livelihood"
    assert "computed status, quantified\tsurpassed 1, not_met 1" in lines
    assert "G2\tcomputed: not_met\treported: met" not in lines
    assert "G2\tnot_met\tmet" in lines
    d = run("stats", "livelihood", "--data", plan_file(), "--json").json()
    assert d["area"] == {"id": "livelihood", "kind": "theme", "title": "Livelihood", "title_zh": None,
                         "definition": "Sections I.1 and I.2.", "coverage": None}
    assert d["status_counts"]["surpassed"] == 1 and [c["id"] for c in d["claims"]] == ["C1"]
    assert [g["id"] for g in d["goals"]] == ["G1", "G2"]


@pytest.mark.parametrize("text,ids", [("JOBS", ["G1"]), ("工作", ["G1"]), ("garbles", ["G1"]), ("zzz", [])])
def test_search(run, plan_file, text, ids):
    r = run("search", text, "--data", plan_file(), "--json")
    assert r.exit_code == 0
    assert [g["id"] for g in r.json()["goals"]] == ids


def test_search_no_match_is_empty_not_error(run, plan_file):
    r = run("search", "nothing-like-this", "--data", plan_file())
    assert r.exit_code == 0 and r.stdout == ""


def test_sources(run, plan_file):
    lines = run("sources", "--data", plan_file()).stdout.splitlines()
    assert lines[2] == "stat\tStatistics\tBureau\t\tofficial_statistics, mirror\tother\t\t2\thttps://example.org/stats"


def test_notes(run, plan_file):
    d = run("notes", "--kind", "data_quality", "--data", plan_file(), "--json").json()
    assert d["notes"] == [{"kind": "data_quality", "text": "A copy garbles the figure.", "source_ids": ["stat"],
                           "urls": ["https://example.org/stats"], "goal_id": "G1", "claim_id": None}]
    goals = run("goals", "--data", plan_file(), "--json").json()["goals"]
    assert goals[0]["notes"] == d["notes"]  # one note object everywhere


def test_progress_view(run, plan_file):
    lines = run("progress", "--data", plan_file()).stdout.splitlines()
    assert lines[:3] == ["# test-plan I.1 Work", "id\tmetric\tprogress\ttarget\tlatest result\tstatus\treported",
                         "G1\tNew jobs\t133%\t>= 9 million by 2015\t12 million (2015)\tsurpassed\tsurpassed"]
    assert "# test-plan I.2 Living standards" in lines
    assert lines[-1].startswith("2 quantified targets in plan test-plan. Progress: share of the way")
    d = run("progress", "--data", plan_file(), "--json").json()
    assert [(g["goal_id"], g["section"], g["status"], g["progress"]) for g in d["key_figures"]] == [
        ("G1", "I.1", "surpassed", pytest.approx(12 / 9)), ("G2", "I.2", "not_met", None)]


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv"])
def test_export(run, plan_file, fmt):
    r = run("export", "--format", fmt, "--data", plan_file())
    assert r.exit_code == 0
    if fmt == "json":
        d = json.loads(r.stdout)
        assert set(d) == {"plan", "sources", "chapters", "sections", "themes", "coverage_by_section", "goals", "claims",
                          "notes"}
        assert len(d["goals"]) == 3
    elif fmt == "ndjson":
        lines = r.stdout.splitlines()
        assert [json.loads(l)["id"] for l in lines] == ["G1", "G2", "G3"]
    else:
        import csv, io

        rows = list(csv.DictReader(io.StringIO(r.stdout)))
        assert [(x["id"], x["result_value"], x["result_source"]) for x in rows] == [
            ("G1", "12", "rep"), ("G2", "6", "stat"), ("G3", "", "rep")]
        assert rows[0]["target_value"] == "9" and rows[0]["tags"] == "jobs" and rows[0]["result_used"] == "true"


def test_validate_ok_and_bad(run, plan_file):
    r = run("validate", plan_file())
    assert r.exit_code == 0 and r.stdout == "1 file(s) checked: no problems\n"
    bad = plan_file(open(plan_file()).read().replace('source = "stat"', 'source = "nope"'), name="bad.toml")
    r = run("validate", bad)
    assert r.exit_code == 1
    assert "goals[G2].results[0].source: unknown source 'nope'" in r.stdout
    d = run("validate", bad, "--json")
    assert d.exit_code == 1 and d.json()["error_count"] == 1


def test_other_commands_refuse_an_invalid_file(run, plan_file):
    bad = plan_file(open(plan_file()).read().replace('section = "I.2"', 'section = "I.9"'), name="bad.toml")
    r = run("summary", "--data", bad)
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr.startswith("hrplan: ") and "goals[G2].section: unknown section 'I.9'" in r.stderr


def test_data_from_environment(run, plan_file):
    r = run("summary", "--json", env={"HRPLAN_DATA": plan_file()})
    assert r.json()["plan"]["id"] == "test-plan"


def test_plan_option(run, plan_file):
    assert run("summary", "--plan", "test-plan", "--data", plan_file(), "--json").json()["plan"]["id"] == "test-plan"
    r = run("summary", "--plan", "test-plam", "--data", plan_file())
    assert r.exit_code == 2 and r.stderr == "hrplan: unknown plan 'test-plam' (from --plan); did you mean test-plan?\n"


@pytest.mark.parametrize("args,message", [
    (["stats", "livelyhood"], "hrplan: unknown area 'livelyhood' in test-plan; did you mean livelihood?\n"),
    (["show", "G9"], "hrplan: unknown goal, claim, source or plan 'G9' in test-plan; did you mean G1 or G2 or G3?\n"),
    (["show"], "hrplan: error: Missing argument 'ID'. (see 'hrplan show --help')\n"),
    (["stat", "x"], "hrplan: error: no such command 'stat'; did you mean stats or tags? (see 'hrplan --help')\n"),
    (["goals", "--jsn"], "hrplan: error: No such option '--jsn'. (Did you mean one of: '--json', '--svg'?) "
                         "(see 'hrplan goals --help')\n"),
    (["goals", "--status", "great"], None),
])
def test_usage_errors_exit_2_with_one_line(run, plan_file, args, message):
    r = run(*args, "--data", plan_file()) if args[0] != "stat" else run(*args)
    assert r.exit_code == 2 and r.stdout == ""
    assert len(r.stderr.splitlines()) == 1
    if message:
        assert r.stderr == message
    else:
        assert "'great' is not one of" in r.stderr


def test_every_command_has_help_and_its_section_in_the_commands_page(run):
    """docs/commands.md has a section for every command, headed `hrplan NAME`, with the command's
    real output pinned under it (a run marker, which the drift test refreshes)."""
    import os
    import re

    from hrplan.cli.main import cli
    from tests.conftest import ROOT

    page = open(os.path.join(ROOT, "docs", "commands.md"), encoding="utf-8").read()
    sections = {m.group(1): m.group(2) for m in re.finditer(r"^## `hrplan ([a-z]+)[^\n]*\n(.*?)(?=^## |\Z)", page,
                                                              re.M | re.S)}
    names = cli.list_commands(None)
    assert len(names) == 20
    assert sorted(sections) == sorted(names)
    for name in names:
        cmd = cli.get_command(None, name)
        assert cmd.help, name
        assert f"<!-- run: hrplan {name}" in sections[name], f"docs/commands.md shows no output of hrplan {name}"
        r = run(name, "--help")
        assert r.exit_code == 0 and "Usage: hrplan " + name in r.stdout


def test_version(run):
    from hrplan import __version__

    assert run("--version").stdout == f"hrplan, version {__version__}\n"


def test_methodology(run):
    r = run("methodology")
    assert r.exit_code == 0 and "on_track" in r.stdout
    d = run("methodology", "--json").json()
    assert d["thresholds"]["on_track"] == 0.95
    assert [s["name"] for s in d["statuses"]][:3] == ["surpassed", "met", "not_met"]


def test_data_and_plan_before_the_command(run, plan_file):
    path = plan_file()
    assert run("--data", path, "summary", "--json").json()["plan"]["id"] == "test-plan"
    assert run("--data", path, "--plan", "test-plan", "export").json()["plan"]["id"] == "test-plan"
    assert run("--data", path, "validate").stdout == "1 file(s) checked: no problems\n"
    assert run("validate", "--data", path).stdout == "1 file(s) checked: no problems\n"
    r = run("--data", path, "--plan", "nope", "stats", "livelihood")
    assert r.exit_code == 2 and r.stderr == "hrplan: unknown plan 'nope' (from --plan); did you mean test-plan?\n"


def test_no_command_prints_the_help(run):
    r = run()
    assert r.exit_code == 0 and r.stdout.startswith("Usage: hrplan [OPTIONS] COMMAND [ARGS]...")


@pytest.mark.parametrize("args", [["goals", "--json", "--format", "table"], ["export", "--json", "--format", "csv"]])
def test_json_with_another_format_is_a_usage_error(run, plan_file, args):
    r = run(*args, "--data", plan_file())
    assert r.exit_code == 2 and r.stdout == ""
    assert "ask for two forms" in r.stderr and len(r.stderr.splitlines()) == 1


def test_every_command_takes_the_shared_options_the_same_way():
    """--json everywhere; --plan and --data wherever a plan is read; the same help for each (but for
    the default --plan names, which is each command's own: tests/functional/test_plan_all.py)."""
    from hrplan.cli.main import cli

    helps = {}
    for name in cli.list_commands(None):
        params = {p.name: p for p in cli.get_command(None, name).params}
        if name in ("schema", "help"):
            continue
        assert "as_json" in params, name
        series = ("validate", "plans", "indicators", "trend", "compare")  # every plan, or the files named
        wanted = () if name == "methodology" else ("data",) if name in series else ("plan_id", "data")
        for opt in ("as_json", *wanted):
            helps.setdefault(opt, set()).add(params[opt].help.split(" (default: ")[0].replace(", or all (every plan)", ""))
            assert params[opt].envvar is None, (name, opt)  # HRPLAN_DATA is read in one place
    assert all(len(h) == 1 for h in helps.values()), helps


def test_hrplan_data_that_does_not_exist_is_named(run):
    r = run("summary", env={"HRPLAN_DATA": "/no/such/plans"})
    assert r.exit_code == 1 and "/no/such/plans" in r.stderr


@pytest.mark.parametrize("args,first", [
    (["show", "C1"], "# Claim C1 of test-plan"),
    (["show", "stat"], "# Source stat of test-plan"),
    (["show", "test-plan"], "# Plan test-plan: Test plan (测试计划)"),
    (["show", "test-plan:g1"], "# Goal G1 of test-plan"),
    (["sources", "rep"], "# Source rep of test-plan"),
])
def test_show_opens_any_id(run, plan_file, args, first):
    r = run(*args, "--data", plan_file())
    assert r.exit_code == 0 and r.stdout.splitlines()[0] == first


def test_an_id_given_to_the_wrong_command_points_to_the_right_one(run, plan_file):
    r = run("goals", "G1", "--data", plan_file())
    assert r.exit_code == 2
    assert r.stderr == "hrplan: G1 is a goal of test-plan, not an area: hrplan show G1 --plan test-plan\n"
    d = run("sources", "rep", "--data", plan_file(), "--json").json()
    assert [(c["goal_id"], c["claim_id"], c["role"]) for c in d["citations"]] == [
        ("G1", None, "result"), ("G3", None, "result"), (None, "C1", "claim")]


def test_tags_are_case_insensitive_listed_and_checked(run, plan_file):
    d = run("tags", "--data", plan_file(), "--json").json()
    assert d["tag_counts"] == [{"tag": "jobs", "goal_count": 1}]
    assert [g["id"] for g in run("goals", "--tag", "JOBS", "--data", plan_file(), "--json").json()["goals"]] == ["G1"]
    r = run("goals", "--tag", "job", "--data", plan_file())
    assert r.exit_code == 2 and r.stderr == "hrplan: unknown tag 'job' in test-plan; did you mean jobs?\n"


def test_sort_limit_fields_and_list_formats(run, plan_file):
    d = run("goals", "--sort", "status", "--limit", "2", "--fields", "id,status", "--data", plan_file(), "--json").json()
    assert d["goals"] == [{"id": "G1", "status": "surpassed"}, {"id": "G2", "status": "not_met"}]
    assert run("goals", "--fields", "id,status", "--data", plan_file()).stdout.splitlines() == [
        "G1\tsurpassed", "G2\tnot_met", "G3\tnot_quantified"]
    lines = run("quotas", "--format", "csv", "--data", plan_file()).stdout.splitlines()
    assert lines[0].startswith("id,plan_id,chapter,section,kind,text,tags,target_metric,") and len(lines) == 3
    nd = run("goals", "--format", "ndjson", "--kind", "commitment", "--data", plan_file()).stdout.splitlines()
    assert [json.loads(line)["id"] for line in nd] == ["G1", "G2", "G3"]
    r = run("goals", "--fields", "id,nope", "--data", plan_file())
    assert r.exit_code == 2 and "unknown field 'nope'; the fields are id, plan_id" in r.stderr


def test_command_help_keeps_no_docstring_indent(run):
    from hrplan.cli.registry import COMMANDS

    for name in COMMANDS:
        text = run(name, "--help").stdout.split("Examples:")[0]
        assert all(not line.startswith("      ") for line in text.splitlines()[1:]), name
