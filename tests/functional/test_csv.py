"""CSV that spreadsheets and pandas can rely on, read back with the csv module (and pandas when it
is installed): every header is the contract's columns (hrplan.contract.rows), the same for every
filter and plan; every answer that is a table has CSV and NDJSON; `plans` is portable; --bom."""

import csv
import io
import json

import pytest

from hrplan.contract.rows import ROWS, csv_columns
from hrplan.core.statuses import STATUSES

PLAN = "nhrap-2012-2015"
PLANS = ("nhrap-2009-2010", "nhrap-2012-2015", "nhrap-2016-2020", "nhrap-2021-2025")

# command line -> the table its CSV writes
COMMANDS = {
    ("goals", "--plan", PLAN): "goals", ("quotas", "--plan", PLAN): "goals", ("tags", "--plan", PLAN): "tag_counts",
    ("sources", "--plan", PLAN): "sources", ("sources", "assess-en-chinadaily-summary", "--plan", PLAN): "citations",
    ("notes", "--plan", PLAN): "notes", ("search", "66.63"): "matches", ("indicators",): "indicators",
    ("plans",): "series", ("trend", "life-expectancy"): "trend", ("compare", PLAN, "nhrap-2016-2020"): "compare",
    ("stats", "livelihood", "--plan", PLAN): "stats", ("progress", "--plan", PLAN): "progress",
    ("summary", "--plan", PLAN): "summary", ("areas", "--plan", PLAN): "areas",
}


def read(text):
    rows = list(csv.reader(io.StringIO(text)))
    assert rows, "no header"
    assert all(len(r) == len(rows[0]) for r in rows), "a row of another width than the header"
    return rows[0], rows[1:]


def header(table):
    return [c.name for c in csv_columns(table)]


def test_every_table_has_a_command():
    assert set(COMMANDS.values()) == set(ROWS)


@pytest.mark.parametrize("args", list(COMMANDS), ids=" ".join)
def test_the_header_is_the_contracts_columns(run, args):
    r = run(*args, "--format", "csv")
    assert r.exit_code == 0, r.stderr
    head, rows = read(r.stdout)
    assert head == header(COMMANDS[args]) and rows
    parents = {c.path[0] for c in csv_columns(COMMANDS[args]) if len(c.path) > 1}
    assert not parents & set(head)  # no empty parent beside its flattened parts (target, latest...)


@pytest.mark.parametrize("args", list(COMMANDS), ids=" ".join)
def test_ndjson_is_the_rows_of_the_csv(run, args):
    """Each NDJSON line is one row of the CSV, whose cells are its values (plans: the JSON records)."""
    lines = [json.loads(line) for line in run(*args, "--format", "ndjson").stdout.splitlines()]
    head, rows = read(run(*args, "--format", "csv").stdout)
    assert len(lines) == len(rows) and lines
    if COMMANDS[args] == "series":
        assert [x["plan"]["id"] for x in lines] == [r[0] for r in rows]
        return
    for line, row in zip(lines, rows):
        cells = dict(zip(head, row))
        for c in csv_columns(COMMANDS[args]):
            value = c.value(line)
            expected = "" if value is None else ";".join(value) if isinstance(value, list) else (
                str(value).lower() if isinstance(value, bool) else str(value))
            assert cells[c.name] == expected, c.name


@pytest.mark.parametrize("name", ["goals", "quotas"])
def test_the_header_is_the_same_for_every_filter_and_plan(run, name):
    expected = header("goals")
    cases = [["--plan", p] for p in PLANS] + [["--plan", PLAN, "--status", s] for s in STATUSES]
    cases += [["--plan", PLAN, "health"], ["--plan", PLAN, "--tag", "women"], ["--plan", PLAN, "--kind", "finding"]]
    for case in cases:
        r = run(name, *case, "--format", "csv")
        assert r.exit_code == 0, r.stderr
        assert read(r.stdout)[0] == expected, case
    assert "target" not in expected and "latest" not in expected and "target_baseline" not in expected
    assert {"target_baseline_value", "latest_value", "status"} <= set(expected)


def test_an_empty_answer_still_has_its_header(run):
    r = run("goals", "--plan", PLAN, "--status", "deterioration", "--format", "csv")
    assert r.exit_code == 0 and read(r.stdout) == (header("goals"), [])


def test_fields_pick_the_columns_in_their_order(run):
    r = run("quotas", "--plan", PLAN, "--fields", "status,id,target", "--limit", "2", "--format", "csv")
    head, rows = read(r.stdout)
    assert head == ["status", "id"] + [c.name for c in csv_columns("goals") if c.path[0] == "target"]
    assert len(rows) == 2 and rows[0][1] == "I.1.a"
    r = run("goals", "--plan", PLAN, "--fields", "id,results", "--format", "csv")
    assert r.exit_code == 2 and "no column for results" in r.stderr
    assert run("goals", "--plan", PLAN, "--fields", "id,results", "--format", "ndjson").exit_code == 0


def test_export_csv_under_fields(run):
    head, rows = read(run("export", "--plan", PLAN, "--fields", "id,status", "--format", "csv").stdout)
    assert head == ["id", "status"] and len(rows) == run("goals", "--plan", PLAN, "--json").json()["goal_count"]
    head, _ = read(run("export", "--plan", PLAN, "--fields", "id,results", "--format", "csv").stdout)
    assert head[:2] == ["id", "result_year"]


def test_trend_is_one_row_per_target_and_per_result(run):
    d = run("trend", "urban-jobs", "--json").json()
    head, rows = read(run("trend", "urban-jobs", "--format", "csv").stdout)
    rows = [dict(zip(head, r)) for r in rows]
    assert [r["kind"] for r in rows] == ["target"] * len(d["targets"]) + ["result"] * len(d["results"])
    for row, t in zip(rows, d["targets"]):
        assert (row["plan_id"], row["goal_id"], float(row["value"]), row["unit"], row["qualifier"], row["status"]) == (
            t["plan_id"], t["goal_id"], t["value"], t["unit"], t["qualifier"], t["status"]) and row["source"] == ""
    for row, x in zip(rows[len(d["targets"]):], d["results"]):
        assert (row["plan_id"], row["year"], float(row["value"]), row["unit"], row["source"], row["url"]) == (
            x["plan_id"], str(x["year"] or ""), x["value"], x["unit"], x["source"], x["url"] or "")
        assert row["status"] == "" and row["op"] == ""


def test_compare_is_one_row_per_compared_target(run):
    d = run("compare", PLAN, "nhrap-2016-2020", "--json").json()
    head, rows = read(run("compare", PLAN, "nhrap-2016-2020", "--format", "csv").stdout)
    rows = [dict(zip(head, r)) for r in rows]
    groups = ("in_both", "dropped", "new", "not_found_in_newer", "not_found_in_older")
    expected = [(g, c["indicator"]["id"], side, t["goal_id"]) for g in groups for c in d[g]
                for side in ("older", "newer") for t in c[f"{side}_targets"]]
    assert [(r["group"], r["indicator_id"], r["side"], r["goal_id"]) for r in rows] == expected
    assert {r["plan_id"] for r in rows if r["side"] == "older"} == {PLAN}
    assert any(r["group"].startswith("not_found") for r in rows)
    for r in rows:  # a one-sided indicator says what of the other plan's text was read
        assert bool(r["absence_text"]) == r["group"].startswith("not_found") or r["group"] in ("dropped", "new")


@pytest.mark.parametrize("older,newer", [("nhrap-2009-2010", "nhrap-2021-2025"), ("nhrap-2016-2020", "nhrap-2021-2025")])
def test_compare_csv_and_ndjson_keep_every_compared_indicator(run, older, newer):
    d = run("compare", older, newer, "--json").json()
    groups = ("in_both", "dropped", "new", "not_found_in_newer", "not_found_in_older")
    ids = {c["indicator"]["id"] for g in groups for c in d[g]}
    assert any(d[g] for g in ("not_found_in_newer", "not_found_in_older"))
    lines = run("compare", older, newer, "--format", "ndjson").stdout.splitlines()
    assert {json.loads(line)["indicator_id"] for line in lines} == ids
    head, rows = read(run("compare", older, newer, "--format", "csv").stdout)
    assert {dict(zip(head, r))["indicator_id"] for r in rows} == ids


def test_areas_and_summary_rows(run):
    d = run("areas", "--plan", PLAN, "--json").json()
    head, rows = read(run("areas", "--plan", PLAN, "--format", "csv").stdout)
    assert {r[0] for r in rows} == {PLAN}  # each row names its plan, for the rows of several plans together
    assert [(r[1], r[2]) for r in rows] == ([("chapter", c["id"]) for c in d["chapters"]]
                                            + [("section", s["id"]) for s in d["sections"]]
                                            + [("theme", t["id"]) for t in d["themes"]])
    head, rows = read(run("summary", "--plan", PLAN, "--format", "csv").stdout)
    assert [r[:2] for r in rows[:2]] == [[PLAN, "I"], [PLAN, "II"]]
    counts = run("summary", "--plan", PLAN, "--json").json()["chapters"][0]["status_counts"]
    assert [int(rows[0][head.index(f"status_counts_{s}")]) for s in STATUSES] == [counts[s] for s in STATUSES]


def test_plans_csv_is_portable(run):
    head, rows = read(run("plans", "--format", "csv").stdout)
    assert "file" not in head and "period" not in head and "claims" not in head
    plans = [dict(zip(head, r)) for r in rows]
    assert [(p["id"], int(p["period_start"]), int(p["period_end"])) for p in plans] == [
        (p, int(p[6:10]), int(p[11:])) for p in PLANS]
    assert not any(cell.startswith("/") or ".toml" in cell or "{" in cell for r in rows for cell in r)
    claims = [c["id"] for c in run("plans", "--json").json()["series"][1]["claims"]]
    assert plans[1]["claim_ids"].split(";") == claims and claims


def test_bom(run, tmp_path):
    plain = run("quotas", "--plan", PLAN, "--format", "csv").stdout
    r = run("quotas", "--plan", PLAN, "--format", "csv", "--bom")
    assert r.exit_code == 0 and r.stdout == "\ufeff" + plain
    out = tmp_path / "plan.csv"
    assert run("export", "--plan", PLAN, "--format", "csv", "--bom", "-o", str(out)).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw[3:].decode("utf-8") == run(
        "export", "--plan", PLAN, "--format", "csv").stdout
    with open(out, encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh))[0] == "id"  # a reader that knows the mark sees the header whole
    for args in (["quotas", "--json", "--bom"], ["quotas", "--format", "ndjson", "--bom"],
                 ["export", "--format", "json", "--bom"]):
        r = run(*args, "--plan", PLAN)
        assert r.exit_code == 2 and "--bom goes with --format csv" in r.stderr


def test_pandas_reads_the_same_columns_for_every_filter(run):
    pd = pytest.importorskip("pandas")
    frames = [pd.read_csv(io.StringIO(run("quotas", "--plan", PLAN, *f, "--format", "csv").stdout))
              for f in ([], ["--status", "not_met"], ["--status", "no_data"])]
    assert all(list(f.columns) == header("goals") for f in frames)
    trend = pd.read_csv(io.StringIO(run("trend", "life-expectancy", "--format", "csv").stdout))
    assert set(trend["kind"]) == {"target", "result"} and trend["value"].dtype.kind == "f"
