"""CSV output: of ``export``, one row per result (a goal without results gets one row); of every
other command that writes CSV, one row per record of its table (``write_table``).

The columns are derived from the contract's records (``hrplan.contract.columns``): a goal's
own fields, then its target's as ``target_*`` (the baseline as ``target_baseline_*``), then the result's as
``result_*``. Lists are joined with ``;``; the goal's sources, notes and latest result, which
other columns or rows already carry, are left out. A control character or bidirectional override
in a value is written visibly escaped (``hrplan.core.unsafe.visible``; a newline or a tab stays, in a
quoted cell).
"""

from __future__ import annotations

import csv
import io

from hrplan.core.unsafe import visible
from hrplan.render.streams import write_utf8

_LEFT_OUT = ("target", "results", "latest", "sources", "notes")


def _flat(record, prefix: str = "") -> list[tuple[str, tuple]]:
    """(column, key path) for each scalar or list field of a record type, nested records flattened
    (the columns of ``hrplan.answers.tables``: one rule for every table hrplan writes)."""
    from hrplan.contract.columns import columns

    return [(c.name, c.path) for c in columns(record, prefix)]


def columns(picked: list[str] | None = None):
    """The CSV header and, per column, (part, key path): part is "goal", "target" or "result".
    With ``picked`` (``--fields``), the goal's columns of those keys, in that order, and the
    target's and the result's if ``target`` and ``results`` are among them."""
    from hrplan.contract.records import GoalRecord, ResultRecord, TargetRecord

    goal = [(name, "goal", path) for name, path in _flat(GoalRecord) if path[0] not in _LEFT_OUT]
    if picked is not None:
        goal = [c for key in picked for c in goal if c[2][0] == key]
    spec = goal
    if picked is None or "target" in picked:
        spec += [(name, "target", path) for name, path in _flat(TargetRecord, "target_")]
    if picked is None or "results" in picked:
        spec += [(name, "result", path) for name, path in _flat(ResultRecord, "result_")]
    return spec


def _cell(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return visible(";".join(str(x) for x in v), keep="\n\t")
    if isinstance(v, str):
        return visible(v, keep="\n\t")
    return v


def _get(record, path):
    for key in path:
        if record is None:
            return None
        record = record.get(key)
    return record


def rows(export: dict, spec=None):
    spec = spec or columns()
    for g in export["goals"]:
        parts = {"goal": g, "target": g.get("target")}
        for r in g.get("results") or [None]:
            parts["result"] = r
            yield [_cell(_get(parts[part], path)) for _, part, path in spec]


BOM = "\ufeff"  # --bom: the byte-order mark by which a spreadsheet on Windows reads the file as UTF-8


def write_table(spec, records, stream, bom: bool = False) -> None:
    """CSV of a table's rows: the header is the columns ``spec`` (``hrplan.contract.rows``:
    ``hrplan.contract.columns.Column``), never the data, so that it is the same for every answer."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in spec])
    writer.writerows([_cell(c.value(r)) for c in spec] for r in records)
    write_utf8((BOM if bom else "") + out.getvalue(), stream)


def write(export: dict, stream) -> None:
    spec = columns(export.get("fields"))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _, _ in spec])
    writer.writerows(rows(export, spec))
    write_utf8(out.getvalue(), stream)
