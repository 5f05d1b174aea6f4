"""SQLite output of ``export --format sqlite``: the tables of ``hrplan.answers.tables`` in one database file,
for Datasette (``datasette FILE``, with ``-m metadata.json`` from ``export --format datasette-metadata``)
or any SQL tool.

Every table has its primary key and its foreign keys declared, so that Datasette links a row to
the rows it points to and lists the rows that point to it; every foreign-key column has an index,
and a column with a vocabulary a CHECK constraint. Booleans are 0 or 1, lists are JSON text.
Views join what is often read together (``VIEWS``). Where the Python build's SQLite has FTS5,
each table with free text gets a full-text index ``<table>_fts``: the texts, and ``zh_pairs``,
their Chinese as overlapping pairs of characters (``人权保障`` -> ``人权 权保 保障``), since
FTS5's tokenizer reads a run of Chinese characters as one word; a Chinese word of two characters
or more is found as the phrase of its pairs (``zh_pairs MATCH '"残疾 疾人"'`` for 残疾人). The
index holds its own copy of the texts, its rowid the table's (Datasette finds it without metadata
too). The file is written whole or not at all (``hrplan.outfile``).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3

from hrplan import outfile

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "array": "TEXT"}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def _column_sql(c) -> str:
    sql = f"{_q(c.name)} {SQL_TYPES[c.type]}" + (" NOT NULL" if c.required else "")
    if c.enum:
        sql += f" CHECK ({_q(c.name)} IN (" + ", ".join(_literal(v) for v in c.enum) + "))"
    return sql


def create_sql(table) -> str:
    """The CREATE TABLE statement of a table of ``hrplan.answers.tables``."""
    parts = [_column_sql(c) for c in table.columns]
    parts.append("PRIMARY KEY (" + ", ".join(_q(c) for c in table.primary_key) + ")")
    parts += [f"FOREIGN KEY ({_q(col)}) REFERENCES {_q(other)} ({_q(ref)})" for col, other, ref in table.foreign_keys]
    return f"CREATE TABLE {_q(table.name)} (\n  " + ",\n  ".join(parts) + "\n)"


def index_sql(table) -> list[str]:
    """An index on each foreign-key column that the primary key does not already index."""
    return [f"CREATE INDEX {_q(f'{table.name}_{col}')} ON {_q(table.name)} ({_q(col)})"
            for col in dict.fromkeys(col for col, _, _ in table.foreign_keys) if table.primary_key[0] != col]


# Views for the joins most often written: a goal with its target and its latest result; a result
# with its goal (or claim) and the source it was read in.
VIEWS = {
    "goals_with_target": """
SELECT g.key, g.plan_id, g.id, g.kind, g.text, g.status, g.progress, g.reported_status, g.agreement,
  t.metric, t.op AS target_op, t.value AS target_value, t.unit AS target_unit, t.year AS target_year,
  t.start_year AS target_start_year, t.aggregate AS target_aggregate,
  r.year AS latest_year, r.value AS latest_value, r.unit AS latest_unit, r.source_key AS latest_source_key
FROM goals g
LEFT JOIN targets t ON t.goal_key = g.key
LEFT JOIN results r ON r.key = g.latest_result_key""",
    "results_with_source": """
SELECT r.key, r.plan_id, r.goal_id, r.claim_id, r.position, r.year, r.start_year, r.value, r.unit, r.qualifier,
  r.text, r.used, g.text AS goal_text, s.id AS source_id, s.title AS source_title, s.publisher AS source_publisher,
  s.date AS source_date, s.url AS source_url, r.url AS cited_url
FROM results r
LEFT JOIN goals g ON g.key = r.goal_key
JOIN sources s ON s.key = r.source_key""",
}

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


def han_pairs(*texts) -> str:
    """The Chinese of ``texts`` as overlapping pairs of characters, a pair a word (a lone character
    stays one): the column that lets FTS5 find Chinese words."""
    words = []
    for text in texts:
        for run in HAN.findall(text or ""):
            words.extend([run] if len(run) == 1 else (run[i:i + 2] for i in range(len(run) - 1)))
    return " ".join(words)


def _fts(con: sqlite3.Connection, t) -> None:
    """The full-text index of a table: its key (not indexed), its texts and their pairs."""
    key = t.primary_key[0]
    name = _q(f"{t.name}_fts")
    cols = [c for c in t.search if c != key]
    # The comment is for Datasette and sqlite-utils, which find a table's full-text index by the
    # words content="TABLE" in its statement: the index holds its own copy, its rowid the table's.
    con.execute(f"CREATE VIRTUAL TABLE {name} USING fts5({_q(key)} UNINDEXED, "
                + ", ".join(_q(c) for c in cols) + f', zh_pairs /* the rows of content="{t.name}", by rowid */)')
    at = {c.name: i for i, c in enumerate(t.columns)}
    rowids = dict(con.execute(f"SELECT {_q(key)}, rowid FROM {_q(t.name)}"))
    con.executemany(f"INSERT INTO {name} (rowid, {_q(key)}, " + ", ".join(_q(c) for c in cols) + ", zh_pairs) "
                    "VALUES (?, ?, " + ", ".join("?" * len(cols)) + ", ?)",
                    ([rowids[row[at[key]]], row[at[key]], *(row[at[c]] for c in cols),
                      han_pairs(*(row[at[c]] for c in cols))] for row in t.rows))


def _cell(value):
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def has_fts5(con: sqlite3.Connection) -> bool:
    try:
        con.execute("CREATE VIRTUAL TABLE temp.hrplan_fts5_probe USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    con.execute("DROP TABLE temp.hrplan_fts5_probe")
    return True


def fill(con: sqlite3.Connection, tables) -> bool:
    """Create and fill the tables in an open database; True when full-text indexes were made."""
    for t in tables:
        con.execute(create_sql(t))
        marks = ", ".join("?" * len(t.columns))
        con.executemany(f"INSERT INTO {_q(t.name)} VALUES ({marks})", ([_cell(v) for v in row] for row in t.rows))
        for sql in index_sql(t):
            con.execute(sql)
    for name, sql in VIEWS.items():
        con.execute(f"CREATE VIEW {_q(name)} AS{sql}")
    fts = has_fts5(con)
    if fts:
        for t in tables:
            if t.search:
                _fts(con, t)
    return fts


def write(tables, path: str, stdout=None) -> bool:
    """Write the database file ``path`` (replaced only when complete; ``-``: its bytes to
    ``stdout``); True when it has full-text indexes."""
    with outfile.replacing(path, stdout) as tmp:
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode = OFF")  # a temporary file: the rename is the commit
            con.execute("PRAGMA synchronous = OFF")
            fts = fill(con, tables)
            con.commit()
            con.execute("VACUUM")
        finally:
            con.close()
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return fts
