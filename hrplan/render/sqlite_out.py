"""SQLite output of ``export --format sqlite``: the tables of ``hrplan.answers.tables`` in one database file,
for Datasette (``datasette FILE``) or any SQL tool.

Every table has its primary key and its foreign keys declared, so that Datasette links a row to
the rows it points to and lists the rows that point to it; booleans are 0 or 1, lists are JSON
text. Where the Python build's SQLite has FTS5, each table with free text gets a full-text index
``<table>_fts`` over it (``content="<table>"``, the form Datasette finds and searches). The file
is written whole or not at all (``hrplan.outfile``).
"""

from __future__ import annotations

import json
import os
import sqlite3

from hrplan import outfile

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "array": "TEXT"}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_sql(table) -> str:
    """The CREATE TABLE statement of a table of ``hrplan.answers.tables``."""
    parts = [f"{_q(c.name)} {SQL_TYPES[c.type]}" + (" NOT NULL" if c.required else "") for c in table.columns]
    parts.append("PRIMARY KEY (" + ", ".join(_q(c) for c in table.primary_key) + ")")
    parts += [f"FOREIGN KEY ({_q(col)}) REFERENCES {_q(other)} ({_q(ref)})" for col, other, ref in table.foreign_keys]
    return f"CREATE TABLE {_q(table.name)} (\n  " + ",\n  ".join(parts) + "\n)"


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
    fts = has_fts5(con)
    if fts:
        for t in tables:
            if t.search:
                cols = ", ".join(_q(c) for c in t.search)
                name = _q(f"{t.name}_fts")
                con.execute(f'CREATE VIRTUAL TABLE {name} USING fts5({cols}, content="{t.name}")')
                con.execute(f"INSERT INTO {name} (rowid, {cols}) SELECT rowid, {cols} FROM {_q(t.name)}")
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
