"""CSV output of ``export``: one row per result (a goal without results gets one row)."""

from __future__ import annotations

import csv
import io

from hrplan.render import write_utf8

COLUMNS = [
    "plan", "goal", "chapter", "section", "kind", "text", "tags", "metric", "unit", "op", "target",
    "target_year", "baseline", "baseline_year", "binding", "ceiling", "aggregate", "status",
    "progress", "reported_status", "agreement", "result_year", "result_start_year", "result_value",
    "result_unit", "qualifier", "result_text", "source", "url", "origin", "used", "result_note",
]


def _cell(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


def rows(export: dict):
    for g in export["goals"]:
        t = g["target"] or {}
        base = t.get("baseline") or {}
        head = {
            "plan": g["plan"], "goal": g["id"], "chapter": g["chapter"], "section": g["section"],
            "kind": g["kind"], "text": g["text"], "tags": ";".join(g["tags"]), "metric": t.get("metric"),
            "unit": t.get("unit"), "op": t.get("op"), "target": t.get("value"), "target_year": t.get("year"),
            "baseline": base.get("value"), "baseline_year": base.get("year"), "binding": t.get("binding"),
            "ceiling": t.get("ceiling"), "aggregate": t.get("aggregate"), "status": g["status"],
            "progress": g["progress"], "reported_status": g["reported_status"], "agreement": g["agreement"],
        }
        for r in g["results"] or [None]:
            row = dict(head)
            if r is not None:
                row.update({
                    "result_year": r["year"], "result_start_year": r["start_year"], "result_value": r["value"],
                    "result_unit": r["unit"], "qualifier": r["qualifier"], "result_text": r["text"],
                    "source": r["source"], "url": r["url"], "origin": r["origin"], "used": r["used"],
                    "result_note": r["note"],
                })
            yield row


def write(export: dict, stream) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows(export):
        writer.writerow({k: _cell(row.get(k)) for k in COLUMNS})
    write_utf8(out.getvalue(), stream)
