"""The forms of ``hrplan export`` and where they go: JSON, NDJSON and CSV of one plan to standard
output or, with ``--output``, to a file; SQLite and a Frictionless data package of every loaded
plan (``hrplan.answers.tables``) to a file or a directory. Whatever goes to a path is written whole or not
at all (``hrplan.outfile``): an error or Ctrl-C leaves an existing file as it was.

Each writer is imported only when its form is asked for (start-up time is hrplan's speed).
"""

from __future__ import annotations

import sys

FORMATS = ("json", "ndjson", "csv", "sqlite", "datapackage")
TABLE_FORMATS = ("sqlite", "datapackage")  # every loaded plan as tables, to a path only
HELP = ("json: one document; ndjson: one goal per line; csv: one row per result (these three: one plan); "
        "sqlite: a database for Datasette; datapackage: a Frictionless data package, a directory of CSV files "
        "and datapackage.json (these two: every loaded plan, unless --plan; they need --output).")


def _write(fmt: str, answer: dict, stream) -> None:
    if fmt == "json":
        from hrplan.render import json_out

        json_out.write(answer, stream)
    elif fmt == "ndjson":
        from hrplan.render import json_out

        json_out.write_lines(answer["goals"], stream)
    else:
        from hrplan.render import csv_out

        csv_out.write(answer, stream)


def write_answer(fmt: str, answer: dict, output: str | None = None, stream=None) -> None:
    """One plan's ``export`` answer as JSON, NDJSON or CSV: to ``stream`` (standard output), or to
    the file ``output`` (``-``: standard output too)."""
    if output is None or output == "-":
        _write(fmt, answer, stream or sys.stdout)
        return
    from hrplan import outfile

    with outfile.writing(output) as fh:
        _write(fmt, answer, fh)


def write_tables(fmt: str, output: str, plans, registry, goals=None, stream=None) -> None:
    """The plans as tables: a SQLite file (``-``: its bytes to ``stream``, standard output) or a data
    package directory at ``output``; ``goals``: plan id -> the goals to hold (default: every goal)."""
    from hrplan.answers import tables

    built = tables.build(plans, registry, goals)
    if fmt == "sqlite":
        from hrplan.render import sqlite_out

        sqlite_out.write(built, output, stream or sys.stdout)
    else:
        from hrplan import __version__
        from hrplan.render import datapackage_out

        datapackage_out.write(built, tables.package_sources(built), __version__, output)
