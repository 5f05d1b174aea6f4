"""The forms of ``hrplan export`` and where they go: JSON, NDJSON and CSV of one plan to standard
output or, with ``--output``, to a file; SQLite and a Frictionless data package of every loaded
plan (``hrplan.answers.tables``) to a file or a directory. Whatever goes to a path is written whole or not
at all (``hrplan.outfile``): an error or Ctrl-C leaves an existing file as it was.

Each writer is imported only when its form is asked for (start-up time is hrplan's speed).
"""

from __future__ import annotations

import sys

FORMATS = ("json", "ndjson", "csv", "sqlite", "datapackage", "datasette-metadata")
TABLE_FORMATS = ("sqlite", "datapackage", "datasette-metadata")  # every loaded plan as tables
TO_PATH = ("sqlite", "datapackage")  # to a path only
HELP = ("json: one document; ndjson: one goal per line; csv: one row per result (these three: one plan); "
        "sqlite: a database for Datasette; datapackage: a Frictionless data package, a directory of CSV files "
        "and datapackage.json (these two need --output); datasette-metadata: the metadata.json Datasette reads "
        "beside the database (datasette nhrap.db -m metadata.json). The last three: every loaded plan, unless "
        "--plan.")


def _write(fmt: str, answer: dict, stream, bom: bool = False) -> None:
    if fmt != "json" and "exports" in answer:  # --plan all: every plan's goals, one plan after the other
        answer = {"goals": [g for e in answer["exports"] for g in e["goals"]]}
    if fmt == "json":
        from hrplan.render import json_out

        json_out.write(answer, stream)
    elif fmt == "ndjson":
        from hrplan.render import json_out

        json_out.write_lines(answer["goals"], stream)
    else:
        from hrplan.render import csv_out

        if bom:
            from hrplan.render.streams import write_utf8

            write_utf8(csv_out.BOM, stream)
        csv_out.write(answer, stream)


def write_answer(fmt: str, answer: dict, output: str | None = None, stream=None, bom: bool = False) -> None:
    """One plan's ``export`` answer (or every plan's, ``hrplan.answers.across.export``) as JSON, NDJSON
    or CSV (``bom``: with a byte-order mark): to ``stream`` (standard output), or to the file
    ``output`` (``-``: standard output too)."""
    if output is None or output == "-":
        _write(fmt, answer, stream or sys.stdout, bom)
        return
    from hrplan import outfile

    with outfile.writing(output) as fh:
        _write(fmt, answer, fh, bom)


def write_tables(fmt: str, output: str | None, plans, registry, goals=None, database: str | None = None,
                 stream=None) -> None:
    """The plans as tables: a SQLite file (``-``: its bytes to ``stream``, standard output) or a data
    package directory at ``output``, or the Datasette metadata of the database named ``database``
    (to ``output`` or ``stream``); ``goals``: plan id -> the goals to hold (default: every goal)."""
    from hrplan.answers import tables

    built = tables.build(plans, registry, goals)
    if fmt == "sqlite":
        from hrplan.render import sqlite_out

        sqlite_out.write(built, output, stream or sys.stdout)
    elif fmt == "datasette-metadata":
        import sqlite3

        from hrplan import __version__
        from hrplan.render import datasette_out, sqlite_out

        con = sqlite3.connect(":memory:")
        try:
            fts = sqlite_out.has_fts5(con)  # as the database this Python writes
        finally:
            con.close()
        meta = datasette_out.metadata(built, tables.package_sources(built), __version__,
                                      database or datasette_out.DATABASE, fts)
        write_answer("json", meta, output, stream)
    else:
        from hrplan import __version__
        from hrplan.render import datapackage_out

        datapackage_out.write(built, tables.package_sources(built), __version__, output)
