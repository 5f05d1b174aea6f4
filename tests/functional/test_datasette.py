"""export --format datasette-metadata: the metadata.json Datasette reads beside the SQLite export,
checked against the database itself and, in the slow tests, served by Datasette."""

import asyncio
import json
import sqlite3

import pytest

from hrplan.render import sqlite_out

PLAN = "nhrap-2012-2015"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The bundled plans as nhrap.db and its metadata.json, through the command."""
    from click.testing import CliRunner

    from hrplan.cli.main import main

    folder = tmp_path_factory.mktemp("datasette")
    for args in (["--format", "sqlite", "-o", str(folder / "nhrap.db")],
                 ["--format", "datasette-metadata", "-o", str(folder / "metadata.json")]):
        with CliRunner().isolation():
            try:
                main(["export", *args])
            except SystemExit as exc:
                assert exc.code == 0
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    return folder / "nhrap.db", meta


def test_the_metadata_has_a_title_a_licence_and_the_sources_with_their_addresses(exported):
    _, meta = exported
    assert meta["title"].startswith("China's National Human Rights Action Plans")
    assert meta["license"] == "CC-BY-4.0" and meta["license_url"].startswith("https://creativecommons.org/")
    assert meta["source_url"] == "/nhrap/sources"
    assert meta["description_html"].count("<li><a href=\"http") >= 8  # the plans' documents, linked
    assert list(meta["databases"]) == ["nhrap"]


def test_every_table_and_column_of_the_database_is_described(exported):
    path, meta = exported
    tables = meta["databases"]["nhrap"]["tables"]
    con = sqlite3.connect(path)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                       "AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\'")}
    if not sqlite_out.has_fts5(con):
        names = {n for n in names if not n.endswith("_fts")}
    assert set(tables) == names
    for name, table in tables.items():
        assert table["description"], name
        columns = [r[1] for r in con.execute(f'PRAGMA table_info("{name}")')]
        assert list(table["columns"]) == columns, name  # the views' too, read off their SQL
        assert all(table["columns"].values()), name
    assert "computed status" in tables["goals"]["columns"]["status"]
    assert tables["goals_with_target"]["columns"]["target_value"].startswith("Of its target: the target value")
    assert tables["goals_with_target"]["columns"]["latest_value"] == "Of the latest result: the reported figure."


def test_labels_facets_and_full_text_search(exported):
    _, meta = exported
    tables = meta["databases"]["nhrap"]["tables"]
    assert tables["goals"]["label_column"] == "id" and tables["sources"]["label_column"] == "id"
    assert tables["goals"]["facets"] == ["plan_id", "status", "reported_status", {"array": "tags"}]
    assert tables["goals"]["fts_table"] == "goals_fts" and "zh_pairs" in tables["goals_fts"]["columns"]


def test_the_database_name_and_standard_output(run):
    r = run("export", "--format", "datasette-metadata", "--plan", PLAN, "--database", "plans")
    assert r.exit_code == 0, r.stderr
    meta = json.loads(r.stdout)
    assert list(meta["databases"]) == ["plans"] and meta["source_url"] == "/plans/sources"
    assert PLAN in meta["description_html"] and "nhrap-2016-2020" not in meta["description_html"]
    r = run("export", "--format", "json", "--database", "plans")
    assert r.exit_code == 2 and "--database" in r.stderr
    r = run("export", "--format", "datasette-metadata", "--database", " ")
    assert r.exit_code == 2 and "--database needs a name" in r.stderr and r.stdout == ""


def _datasette(path, meta, *urls):
    datasette = pytest.importorskip("datasette.app", reason="Datasette is not installed (pip install '.[test]')")

    async def get():
        ds = datasette.Datasette(files=[str(path)], metadata=meta)
        await ds.invoke_startup()
        return [await ds.client.get(url) for url in urls]

    return asyncio.run(get())


@pytest.mark.slow
def test_datasette_serves_the_export_with_its_metadata(exported):
    path, meta = exported
    if not sqlite_out.has_fts5(sqlite3.connect(path)):
        pytest.skip("this Python's SQLite has no FTS5")
    notes, targets, results, goals, page = _datasette(
        path, meta, "/nhrap/notes.json?_search=人权&_shape=array", "/nhrap/targets.json?_search=残疾+疾人&_shape=array",
        f"/nhrap/results.json?_labels=on&_shape=array&goal_key={PLAN}:I.1.a",
        "/nhrap/goals.json?_size=0", "/nhrap/goals")
    con = sqlite3.connect(path)
    # the search box finds Chinese words as LIKE does
    assert len(notes.json()) == con.execute("SELECT count(*) FROM notes WHERE instr(text, '人权')").fetchone()[0] > 0
    assert [t["goal_key"] for t in targets.json()] == [r[0] for r in con.execute(
        "SELECT goal_key FROM targets WHERE instr(wording, '残疾人') OR instr(metric, '残疾人')")]
    # a result's goal shows as I.1.a, not as its key
    assert {r["goal_key"]["label"] for r in results.json()} == {"I.1.a"}
    assert set(goals.json()["facet_results"]) == {"plan_id", "status", "reported_status", "tags"}
    assert goals.json()["license"] == "CC-BY-4.0"
    assert page.status_code == 200 and "hrplan&#39;s computed status" in page.text.replace("&#x27;", "&#39;")
    # without the metadata, Datasette finds each table's index itself
    [bare] = _datasette(path, None, "/nhrap/notes.json?_search=人权&_shape=array")
    assert bare.json() == notes.json()


def test_the_readmes_chinese_full_text_query_runs(exported):
    from tests.conftest import ROOT

    path, _ = exported
    con = sqlite3.connect(path)
    if not sqlite_out.has_fts5(con):
        pytest.skip("this Python's SQLite has no FTS5")
    with open(f"{ROOT}/README.md", encoding="utf-8") as fh:
        section = fh.read().split("## Using the data elsewhere", 1)[1].split("\n## ", 1)[0]
    sql = section.split("```sql\n", 1)[1].split("```", 1)[0]
    rows = con.execute(sql).fetchall()
    assert rows and all("残疾人" in wording for *_, wording in rows)
    assert "datasette nhrap.db -m metadata.json" in section and "CC-BY-4.0" in section


def test_without_fts5_the_metadata_names_no_full_text_index():
    from hrplan.answers import tables
    from hrplan.planfile.load import load_plans
    from hrplan.planfile.registry import load_registry
    from hrplan.render import datasette_out

    plans = load_plans()
    built = tables.build(plans, load_registry())
    meta = datasette_out.metadata(built, [], "0", fts=False)["databases"]["nhrap"]["tables"]
    assert not [n for n in meta if n.endswith("_fts")] and not [t for t in meta.values() if "fts_table" in t]
    with_fts = datasette_out.metadata(built, [], "0")["databases"]["nhrap"]["tables"]
    assert {n for n in with_fts if n.endswith("_fts")} == {f"{t.name}_fts" for t in built if t.search}
