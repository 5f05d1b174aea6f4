"""An answer as the rows its CSV and NDJSON write (the row types of ``hrplan.contract.rows``): a
list command's records as they are, or an answer that is a table reshaped into one row per thing.
Nothing is computed: every value is the answer's own.
"""

from __future__ import annotations


def trend_rows(answer: dict) -> list[dict]:
    """One row per target, then one per reported figure (by year, as the answer has them); a key
    that one of the two lacks (a result's source, a target's status) is null in the other."""
    from hrplan.contract.columns import fields
    from hrplan.contract.rows import TrendRow

    ind, keys = answer["indicator"]["id"], list(fields(TrendRow))[2:]
    return ([{"indicator_id": ind, "kind": "target", **{k: t.get(k) for k in keys}} for t in answer["targets"]]
            + [{"indicator_id": ind, "kind": "result", **{k: r.get(k) for k in keys}} for r in answer["results"]])


def compare_rows(answer: dict) -> list[dict]:
    """One row per target of each compared indicator: in both plans, dropped, new, or not found
    in the other plan's text (which says what of it was read)."""
    rows = []
    for group in ("in_both", "dropped", "new", "not_found_in_newer", "not_found_in_older"):
        for c in answer[group]:
            absent = c.get("absent_in") or {}
            for side in ("older", "newer"):
                rows += [{"group": group, "indicator_id": c["indicator"]["id"], "indicator_title": c["indicator"]["title"],
                          "side": side, **t, "target_change": c["target_change"], "ambition": c["ambition"],
                          "compared_as": c["compared_as"], "absent_plan_id": absent.get("plan_id"),
                          "absence": absent.get("absence"), "absence_text": absent.get("absence_text"),
                          "absent_read": absent.get("read"), "other_result_count": len(c.get("other_results") or ())}
                         for t in c[f"{side}_targets"]]
    return rows


def area_rows(answer: dict) -> list[dict]:
    """Every chapter, then every section, then every theme."""
    rows = []
    for kind, key in (("chapter", "chapters"), ("section", "sections"), ("theme", "themes")):
        for a in answer[key]:
            rows.append({"plan_id": answer["plan"]["id"], "kind": kind, "id": a["id"], "chapter": a["id"] if kind == "chapter" else a.get("chapter"),
                         "title": a["title"], "title_zh": a.get("title_zh"), "aliases": a["aliases"],
                         "coverage": a.get("coverage"), "coverage_note": a.get("coverage_note"),
                         "section_ids": a.get("section_ids", []), "goal_count": a["goal_count"],
                         "quantified_count": a["quantified_count"]})
    return rows


def plan_rows(answer: dict) -> list[dict]:
    """A plan per row, portable: its period as two years, its claims by id, no file path."""
    rows = []
    for e in answer["series"]:
        p = e["plan"]
        rows.append({**{k: v for k, v in p.items() if k not in ("period", "file")},
                     "period_start": p["period"][0], "period_end": p["period"][1],
                     **{k: v for k, v in e.items() if k not in ("plan", "claims")},
                     "claim_ids": [c["id"] for c in e["claims"]]})
    return rows


def _of_plan(key: str):
    """The records ``key`` of an answer, each led by its ``plan_id`` (an answer about every plan,
    ``--plan all``, names the plan in each record already)."""
    return lambda answer: [r if "plan" not in answer else {"plan_id": answer["plan"]["id"], **r}
                           for r in answer[key]]


_TABLES = {"trend": trend_rows, "compare": compare_rows, "areas": area_rows, "summary": _of_plan("chapters"),
           "stats": _of_plan("key_figures"), "progress": _of_plan("key_figures"),
           "notes": _of_plan("notes"), "sources": _of_plan("sources")}


def rows(table: str, answer: dict, csv: bool = False) -> list[dict]:
    """The rows of ``table`` (a name of ``hrplan.contract.rows.ROWS``) in ``answer``; ``csv``: the
    rows of its CSV (for ``plans``, the portable ones; its NDJSON keeps the plan records)."""
    if table == "series" and csv:
        return plan_rows(answer)
    build = _TABLES.get(table)
    return build(answer) if build else answer[table]
