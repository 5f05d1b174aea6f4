"""CSV output of ``export``: one row per result (a goal without results gets one row).

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


def columns():
    """The CSV header and, per column, (part, key path): part is "goal", "target" or "result"."""
    from hrplan.contract.records import GoalRecord, ResultRecord, TargetRecord

    spec = [(name, "goal", path) for name, path in _flat(GoalRecord) if path[0] not in _LEFT_OUT]
    spec += [(name, "target", path) for name, path in _flat(TargetRecord, "target_")]
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
        parts = {"goal": g, "target": g["target"]}
        for r in g["results"] or [None]:
            parts["result"] = r
            yield [_cell(_get(parts[part], path)) for _, part, path in spec]


def flat(record: dict, prefix: str = "") -> dict:
    """A record as one CSV row: nested records flattened as ``key_subkey``, lists of values joined
    with ``;``, lists of records as JSON text (keys as in the JSON output)."""
    import json

    from hrplan.render.json_out import safe

    out = {}
    for key, value in record.items():
        name = prefix + key
        if isinstance(value, dict):
            out.update(flat(value, name + "_"))
        elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
            out[name] = safe(json.dumps(value, ensure_ascii=False))
        else:
            out[name] = _cell(value)
    return out


def write_records(records: list, stream) -> None:
    """CSV of a list command's records, one a row (a goal's results, sources and notes left out:
    ``export --format csv`` has one row per result)."""
    rows = [flat({k: v for k, v in r.items() if k not in ("results", "sources", "notes")}) for r in records]
    header = list(dict.fromkeys(k for row in rows for k in row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([row.get(k, "") for k in header] for row in rows)
    write_utf8(out.getvalue(), stream)


def write(export: dict, stream) -> None:
    spec = columns()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _, _ in spec])
    writer.writerows(rows(export, spec))
    write_utf8(out.getvalue(), stream)
