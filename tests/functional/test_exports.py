"""export to SQLite (for Datasette) and to a Frictionless data package, and --output: a file written
whole or not at all."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from hrplan import outfile
from hrplan.render import sqlite_out

PLAN = "nhrap-2012-2015"
PLANS = ("nhrap-2009-2010", "nhrap-2012-2015", "nhrap-2016-2020", "nhrap-2021-2025")
TABLES = {"plans", "sources", "chapters", "sections", "themes", "goals", "targets", "results", "notes", "claims",
          "indicators", "indicator_goals"}


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """The bundled plans exported once to SQLite, through the command."""
    from hrplan.cli.main import main
    from click.testing import CliRunner

    path = str(tmp_path_factory.mktemp("sqlite") / "nhrap.db")
    with CliRunner().isolation():
        try:
            main(["export", "--format", "sqlite", "--output", path])
        except SystemExit as exc:
            assert exc.code == 0
    con = sqlite3.connect(path)
    yield con
    con.close()


def test_sqlite_has_every_table_with_keys_and_no_broken_foreign_key(database):
    names = {r[0] for r in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert TABLES <= names
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in TABLES:
        assert any(r[5] for r in database.execute(f"PRAGMA table_info({table})")), f"{table} has no primary key"
    links = {(r[2], r[3], r[4]) for r in database.execute("PRAGMA foreign_key_list(results)")}
    assert {("goals", "goal_key", "key"), ("sources", "source_key", "key"), ("claims", "claim_key", "key"),
            ("plans", "plan_id", "id")} <= links


def test_sqlite_holds_every_plan_and_goal_as_the_json_export_does(database, run):
    assert [r[0] for r in database.execute("SELECT id FROM plans ORDER BY start_year")] == list(PLANS)
    columns = [r[1] for r in database.execute("PRAGMA table_info(plans)")]
    assert "file" not in columns and {"start_year", "end_year", "goal_count", "status_counts_met"} <= set(columns)
    goals = run("export", "--plan", PLAN, "--json").json()["goals"]
    rows = database.execute("SELECT id, status, progress, status_reason, reported_status FROM goals "
                            "WHERE plan_id = ? ORDER BY rowid", (PLAN,)).fetchall()
    assert rows == [(g["id"], g["status"], g["progress"], g["status_reason"], g["reported_status"]) for g in goals]
    n = sum(len(g["results"]) for g in goals) + sum(len(c["results"]) for c in run("export", "--plan", PLAN,
                                                                                       "--json").json()["claims"])
    assert database.execute("SELECT count(*) FROM results WHERE plan_id = ?", (PLAN,)).fetchone()[0] == n


def test_a_join_from_results_through_goals_to_sources(database):
    rows = database.execute("""
        SELECT g.status, t.value, r.year, r.value, s.id, s.url
        FROM results r
        JOIN goals g ON r.goal_key = g.key
        JOIN targets t ON t.goal_key = g.key
        JOIN sources s ON r.source_key = s.key
        WHERE g.plan_id = ? AND g.id = 'I.1.a' ORDER BY r.year""", (PLAN,)).fetchall()
    assert [r[2:4] for r in rows] == [(2012, 12.66), (2013, 13.1), (2014, 13.22), (2015, 13.12)]
    assert {r[:2] for r in rows} == {("surpassed", 9)}
    assert rows[-1][4] == "assess-zh-cnews-3" and rows[-1][5].startswith("http://cnews.chinadaily.com.cn/")


def test_indicators_link_the_targets_of_several_plans(database):
    rows = database.execute("""
        SELECT l.plan_id, t.op, t.value, t.unit FROM indicator_goals l
        JOIN targets t ON t.goal_key = l.goal_key
        WHERE l.indicator_id = 'urban-jobs' ORDER BY l.plan_id""").fetchall()
    assert [r[0] for r in rows] == list(PLANS[:3]) and rows[1][1:] == (">=", 9, "million jobs")


def test_lists_are_json_and_booleans_zero_or_one(database):
    tags, used = database.execute("SELECT g.tags, r.used FROM goals g JOIN results r ON r.goal_key = g.key "
                                  "WHERE g.key = ?", (f"{PLAN}:I.1.a",)).fetchone()
    assert json.loads(tags) == ["employment", "seed"] and used == 1


def test_full_text_search_where_the_build_has_fts5(database):
    if not sqlite_out.has_fts5(database):
        pytest.skip("this Python's SQLite has no FTS5")
    keys = {r[0] for r in database.execute(
        "SELECT key FROM goals WHERE rowid IN (SELECT rowid FROM goals_fts WHERE goals_fts MATCH 'unemployment')")}
    assert f"{PLAN}:I.1.b" in keys
    # the index shows which row it found: the key, beside the texts
    assert database.execute("SELECT key FROM goals_fts WHERE goals_fts MATCH 'unemployment'").fetchall()
    # the words Datasette looks for to offer a search box on the table, metadata or not
    sql = database.execute("SELECT sql FROM sqlite_master WHERE name = 'goals_fts'").fetchone()[0]
    assert 'content="goals"' in sql


def test_han_pairs():
    assert sqlite_out.han_pairs("保障人权 (2015) 残疾人", None, "权") == "保障 障人 人权 残疾 疾人 权"
    assert sqlite_out.han_pairs("no Chinese", "") == ""


SEARCHED = {"sources": ("title", "publisher", "note"), "goals": ("text", "status_reason", "reported_wording"),
            "targets": ("metric", "wording"), "results": ("text", "note"), "notes": ("text",), "claims": ("text",)}


@pytest.mark.parametrize("word", ["人权", "就业", "保障", "残疾人", "行动计划"])
def test_full_text_search_finds_chinese_words_as_like_does(database, word):
    """A Chinese word of two characters or more, as the phrase of its pairs, finds the rows that
    hold it, no more and no fewer; the default tokenizer alone finds none of them."""
    if not sqlite_out.has_fts5(database):
        pytest.skip("this Python's SQLite has no FTS5")
    phrase = '"' + sqlite_out.han_pairs(word) + '"'
    found = 0
    for table, cols in SEARCHED.items():
        like = {r[0] for r in database.execute(
            f"SELECT rowid FROM {table} WHERE " + " OR ".join(f"instr(coalesce({c}, ''), ?)" for c in cols),
            (word,) * len(cols))}
        fts = {r[0] for r in database.execute(f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?", (phrase,))}
        assert fts == like, table
        found += len(like)
    assert found > 0


def test_the_default_tokenizer_alone_misses_chinese_words(database):
    """Why the pairs: the texts' own column reads a run of Chinese characters as one word."""
    if not sqlite_out.has_fts5(database):
        pytest.skip("this Python's SQLite has no FTS5")
    like = database.execute("SELECT count(*) FROM notes WHERE instr(text, '人权')").fetchone()[0]
    alone = database.execute("SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'text : \"人权\"'").fetchone()[0]
    pairs = database.execute("SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'zh_pairs : \"人权\"'").fetchone()[0]
    assert alone < like == pairs


def test_every_foreign_key_column_has_an_index(database):
    tables = [r[0] for r in database.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
                                             "'CREATE VIRTUAL%' AND name NOT LIKE '%_fts_%'")]
    for table in tables:
        first = {database.execute(f"PRAGMA index_info({_quote(i[1])})").fetchone()[2]
                 for i in database.execute(f"PRAGMA index_list({table})")}
        for fk in database.execute(f"PRAGMA foreign_key_list({table})"):
            assert fk[3] in first, f"{table}.{fk[3]} has no index"


def _quote(name):
    return '"' + name + '"'


def test_a_value_outside_its_vocabulary_is_refused(database):
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        database.execute("UPDATE goals SET status = 'achieved' WHERE rowid = 1")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        database.execute("UPDATE results SET qualifier = 'roughly' WHERE rowid = 1")
    database.execute("UPDATE goals SET reported_status = NULL WHERE rowid = 1")  # a missing value is allowed
    database.rollback()
    sql = database.execute("SELECT sql FROM sqlite_master WHERE name = 'goals'").fetchone()[0]
    assert "CHECK (\"status\" IN ('surpassed', 'met', " in sql


def test_the_views_join_a_goal_to_its_target_and_latest_result_and_a_result_to_its_source(database, run):
    goal = run("show", "III.5.d", "--plan", PLAN, "--json").json()["goal"]
    row = database.execute("SELECT target_op, target_value, target_unit, latest_year, latest_value, status "
                           "FROM goals_with_target WHERE key = ?", (f"{PLAN}:III.5.d",)).fetchone()
    t, latest = goal["target"], goal["latest"]
    assert row == (t["op"], t["value"], t["unit"], latest["year"], latest["value"], goal["status"])
    assert database.execute("SELECT count(*) FROM goals_with_target").fetchone() == \
        database.execute("SELECT count(*) FROM goals").fetchone()
    rows = database.execute("SELECT goal_id, year, value, source_id, source_url FROM results_with_source "
                            "WHERE plan_id = ? AND goal_id = 'I.1.a' ORDER BY position", (PLAN,)).fetchall()
    assert rows[0][:4] == ("I.1.a", 2012, 12.66, "assess-zh-cnews-3") and rows[0][4].startswith("http")
    assert database.execute("SELECT count(*) FROM results_with_source").fetchone() == \
        database.execute("SELECT count(*) FROM results").fetchone()


def test_sqlite_plan_narrows_and_filters_apply_to_each_plan(run, tmp_path):
    path = str(tmp_path / "one.db")
    assert run("export", "--format", "sqlite", "-o", path, "--plan", PLAN).exit_code == 0
    con = sqlite3.connect(path)
    assert [r[0] for r in con.execute("SELECT id FROM plans")] == [PLAN]
    path = str(tmp_path / "surpassed.db")
    r = run("export", "--format", "sqlite", "-o", path, "--status", "surpassed")
    assert r.exit_code == 0, r.stderr
    con = sqlite3.connect(path)
    assert {s for (s,) in con.execute("SELECT DISTINCT status FROM goals")} == {"surpassed"}
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []


def test_table_formats_need_a_path_and_refuse_the_list_options(run, tmp_path):
    r = run("export", "--format", "sqlite")
    assert r.exit_code == 2 and "give --output PATH" in r.stderr
    r = run("export", "--format", "datapackage", "-o", str(tmp_path / "p"), "--limit", "3")
    assert r.exit_code == 2 and "--limit" in r.stderr
    assert not os.path.exists(tmp_path / "p")


def frictionless(*args):
    exe = shutil.which("frictionless", path=os.path.dirname(sys.executable)) or shutil.which("frictionless")
    if exe is None:
        pytest.skip("frictionless is not installed (pip install '.[test]')")
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=300)


def test_the_data_package_passes_frictionless_validate(run, tmp_path):
    path = tmp_path / "nhrap"
    r = run("export", "--format", "datapackage", "--output", str(path))
    assert r.exit_code == 0 and r.stdout == "", r.stderr
    assert sorted(os.listdir(path)) == sorted(["datapackage.json", *(f"{t}.csv" for t in TABLES)])
    checked = frictionless("validate", "--json", str(path / "datapackage.json"))
    report = json.loads(checked.stdout)
    assert report["valid"], [e for t in report["tasks"] for e in t["errors"]][:3]
    assert checked.returncode == 0


def test_the_descriptor_has_keys_a_licence_and_sources(run, tmp_path):
    path = tmp_path / "nhrap"
    run("export", "--format", "datapackage", "-o", str(path), "--plan", PLAN)
    d = json.loads((path / "datapackage.json").read_text(encoding="utf-8"))
    assert d["licenses"][0]["name"] == "CC-BY-4.0" and d["sources"]
    assert all(s["title"].startswith(PLAN) for s in d["sources"])
    by_name = {r["name"]: r for r in d["resources"]}
    assert set(by_name) == TABLES and all(r["schema"]["primaryKey"] for r in by_name.values())
    results = by_name["results"]["schema"]
    assert {"fields": "source_key", "reference": {"resource": "sources", "fields": "key"}} in results["foreignKeys"]
    types = {f["name"]: f for f in by_name["goals"]["schema"]["fields"]}
    assert types["progress"]["type"] == "number" and types["tags"]["type"] == "array"
    assert "surpassed" in types["status"]["constraints"]["enum"] and types["status"]["constraints"]["required"]
    # every field says what it means, dates that are whole are dates, addresses are URIs
    assert all(f["description"] for r in by_name.values() for f in r["schema"]["fields"])
    plans = {f["name"]: f for f in by_name["plans"]["schema"]["fields"]}
    sources = {f["name"]: f for f in by_name["sources"]["schema"]["fields"]}
    assert plans["published"]["type"] == "date" and sources["url"]["format"] == "uri"
    results = {f["name"]: f for f in by_name["results"]["schema"]["fields"]}
    assert results["url"]["format"] == "uri"
    # a source's date may be a month or a year: a string of that form
    assert sources["date"]["type"] == "string" and sources["date"]["constraints"]["pattern"]
    goals = (path / "goals.csv").read_text(encoding="utf-8").splitlines()
    assert goals[0].startswith("key,plan_id,chapter_key,section_key,id,") and len(goals) == 1 + 196


def test_a_data_package_replaces_its_own_directory_but_no_other(run, tmp_path):
    path = tmp_path / "pkg"
    assert run("export", "--format", "datapackage", "-o", str(path), "--plan", PLAN).exit_code == 0
    assert run("export", "--format", "datapackage", "-o", str(path), "--plan", "nhrap-2016-2020").exit_code == 0
    assert "nhrap-2016-2020" in (path / "plans.csv").read_text(encoding="utf-8")
    other = tmp_path / "mine"
    other.mkdir()
    (other / "thesis.txt").write_text("mine", encoding="utf-8")
    r = run("export", "--format", "datapackage", "-o", str(other))
    assert r.exit_code == 1 and "not empty" in r.stderr
    assert os.listdir(other) == ["thesis.txt"]
    assert sorted(os.listdir(tmp_path)) == ["cache", "mine", "pkg"]  # nothing left behind


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv"])
def test_output_writes_what_standard_output_would(run, tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    r = run("export", "--plan", PLAN, "--format", fmt, "--output", str(path))
    assert r.exit_code == 0 and r.stdout == ""
    assert path.read_text(encoding="utf-8") == run("export", "--plan", PLAN, "--format", fmt).stdout


@pytest.mark.parametrize("error", [KeyboardInterrupt, OSError, RuntimeError])
def test_an_error_or_ctrl_c_while_writing_leaves_the_old_file(run, tmp_path, monkeypatch, error):
    from hrplan.render import csv_out

    path = tmp_path / "plan.csv"
    path.write_text("the old export\n", encoding="utf-8")

    def broken(answer, stream):
        stream.write("id,plan_id\nI.1.a,")
        raise error("disk full" if error is OSError else "interrupted")

    monkeypatch.setattr(csv_out, "write", broken)
    r = run("export", "--plan", PLAN, "--format", "csv", "--output", str(path))
    assert r.exit_code == {KeyboardInterrupt: 130, OSError: 1, RuntimeError: 3}[error]
    assert path.read_text(encoding="utf-8") == "the old export\n"
    assert sorted(os.listdir(tmp_path)) == ["cache", "plan.csv"]


def test_an_interrupted_database_leaves_nothing(run, tmp_path, monkeypatch):
    def broken(con, tables):
        con.execute("CREATE TABLE half (x)")
        raise KeyboardInterrupt

    monkeypatch.setattr(sqlite_out, "fill", broken)
    r = run("export", "--format", "sqlite", "-o", str(tmp_path / "x.db"))
    assert r.exit_code == 130 and sorted(os.listdir(tmp_path)) == ["cache"]


def test_writing_keeps_the_usual_mode_and_refuses_a_directory(tmp_path):
    old = os.umask(0o022)
    try:
        outfile.write_text(str(tmp_path / "a.txt"), "x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644
    with pytest.raises(outfile.OutputError, match="it is a directory"):
        outfile.write_text(str(tmp_path), "x")
    with pytest.raises(outfile.OutputError, match="cannot write"):
        outfile.write_text(str(tmp_path / "no" / "such" / "dir.txt"), "x")


def test_the_exports_pages_sql_example_runs(database):
    from tests.conftest import ROOT

    page = open(os.path.join(ROOT, "docs", "exports.md"), encoding="utf-8").read()
    sql = page.split("```sql\n", 1)[1].split("```", 1)[0]
    cursor = database.execute(sql)
    rows = cursor.fetchall()
    names = [d[0] for d in cursor.description]
    assert len(set(names)) == len(names), names  # no two columns of one name (pandas, Datasette)
    assert rows[0][:6] == ("I.1.a", ">=", 9, 2012, 12.66, "million jobs") and len(rows) > 20


def test_the_exports_pages_full_text_queries_find_rows(database):
    from tests.conftest import ROOT

    if not sqlite_out.has_fts5(database):
        pytest.skip("this Python's SQLite has no FTS5")
    page = open(os.path.join(ROOT, "docs", "exports.md"), encoding="utf-8").read()
    block = page.split("## Full-text search", 1)[1].split("```sql\n", 1)[1].split("```", 1)[0]
    code = "\n".join(line.split("--")[0] for line in block.splitlines())
    statements = [s for s in code.split(";") if s.strip()]
    assert len(statements) == 3
    for sql in statements:
        assert database.execute(sql).fetchall(), sql
