"""Lay the answers about the series of plans out (``plans``, ``indicators``, ``trend``,
``compare``), with the blocks of ``hrplan.views.blocks`` and the words of ``hrplan.views.format``;
computes nothing, imports neither Click nor Rich.
"""

from __future__ import annotations

from hrplan.views.format import (LEGEND, baseline_text, counts_text, num, period, result_text, target_text,
                                 title_with_zh)
from hrplan.views.blocks import Bar, Fields, Status, Table, Text


def plans_view(a: dict, show_zh=True) -> list:
    rows, claims = [], []
    for e in a["series"]:
        p = e["plan"]
        rows.append([p["id"], period(*p["period"]), title_with_zh(p["title"], p["title_zh"], show_zh),
                     p["published"] or "", "yes" if p["assessment"] else "no",
                     num(e["goal_count"]), num(e["quantified_count"]), num(e["with_results_count"]),
                     counts_text({k: v for k, v in e["status_counts"].items() if k != "not_quantified"})])
        claims += [[p["id"], c["id"], _claim_line(c)] for c in e["claims"]]
    return [
        Table(f"Plans ({a['plan_count']})", ["plan", "period", "title", "published", "assessment", "goals",
                                             "quantified", "with results", "computed status, quantified goals"],
              rows, wrap=("title", "computed status, quantified goals"), optional=("published", "assessment", "title"),
              meaning=("plan", "period", "goals", "quantified", "with results", "computed status, quantified goals")),
        Fields("What each file holds", [(e["plan"]["id"], e["coverage_note"]) for e in a["series"]]),
        Table("The assessments' headline claims, beside the data", ["plan", "claim", "the source says [and the data]"],
              claims, wrap=("the source says [and the data]",)),
    ]


def _claim_line(c: dict) -> str:
    text = c["text"]
    d = c["data"]
    if d is not None and d["share"] is not None:
        text += (f" [data: {d['counted_count']} of {d['quantified_count']} quantified goals "
                 f"{'/'.join(c['counted_statuses'])}, {d['share']:.0f}%: {d['agreement']}")
        if d["unknown_count"] and d["share_known"] is not None:
            text += (f"; {d['unknown_count']} have no computable status: {d['counted_count']} of the "
                     f"{d['known_count']} that have, {d['share_known']:.0f}%: {d['agreement_known']}")
        text += "]"
    return text


def indicators_view(a: dict, show_zh=True) -> list:
    rows = [[i["id"], title_with_zh(i["title"], i["title_zh"], show_zh), i["unit"], i["direction"],
             ", ".join(i["plans"]), ", ".join(i["result_plans"]) or "(none)", no_target_text(i["no_target"])]
            for i in a["indicators"]]
    where = f" in {a['area_id']}" if a["area_id"] else ""
    return [Table(f"Indicators{where} across {', '.join(a['plans'])} ({a['indicator_count']})",
                  ["indicator", "title", "unit", "better", "targeted in", "figures in", "without a target"],
                  rows, wrap=("title", "targeted in", "figures in", "without a target"))]


def no_target_text(absences: list) -> str:
    """The plans that set no target for an indicator, grouped by what their text allows to say."""
    groups: dict[str, list[str]] = {}
    for r in absences:
        groups.setdefault(r["absence_text"], []).append(r["plan_id"])
    return "; ".join(f"{', '.join(ids)} ({words})" for words, ids in groups.items())


def _measured(r: dict) -> str:
    figure = result_text(dict(r, year=None, start_year=None))
    return f"{figure}: {r['text']}" if r["text"] else figure


def trend_view(a: dict, show_zh=True) -> list:
    ind = a["indicator"]
    blocks = [Fields(f"Indicator {ind['id']}: {title_with_zh(ind['title'], ind['title_zh'], show_zh)}, "
                     f"in {', '.join(dict.fromkeys([*ind['plans'], *ind['result_plans']])) or 'no loaded plan'}", [
        ("unit", ind["unit"]), ("better", ind["direction"]), ("definition", ind["definition"]), ("note", ind["note"]),
        ("targeted in", ", ".join(ind["plans"])), ("figures in", ", ".join(ind["result_plans"])),
    ])]
    rows = [[t["plan_id"], t["goal_id"], target_text(t), baseline_text(t) or "", Status(t["status"]),
             t["reported_status"] or ""] for t in a["targets"]]
    rows += [[r["plan_id"], "", absence_text(r), "", "", ""] for r in ind["no_target"]]
    blocks.append(Table("Targets", ["plan", "goal", "target", "baseline", "status", "reported"], rows,
                        wrap=("target",), meaning=("plan", "goal", "target", "status", "reported")))
    charted = [r for r in a["results"] if r["unit"] == ind["unit"] and r["change"] is None and r["start_year"] is None]
    low = min((r["value"] for r in charted), default=0)
    span = max((r["value"] for r in charted), default=0) - low
    charted = {id(r) for r in charted}
    rows = []
    for r in a["results"]:
        figure = result_text(dict(r, year=None, start_year=None))
        # bars run from the lowest charted figure (a tenth of a bar) to the highest (a whole one)
        bar = Bar(0.1 + 0.9 * (r["value"] - low) / span, figure) if id(r) in charted and span else figure
        rows.append([period(r["start_year"], r["year"]), bar, r["plan_id"], r["goal_id"],
                     "yes" if r["used"] else "no", r["source"]])
    blocks.append(Table("Results, by year", ["year", "figure", "plan", "goal", "used", "source"], rows,
                        meaning=("year", "figure", "plan", "goal", "used")))
    rows = [[period(r["start_year"], r["year"]), _measured(r), r["plan_id"], r["goal_id"], r["source"]]
            for r in a["other_measures"]]
    if rows:
        blocks.append(Table(f"Other measures: figures in another unit than {ind['unit']}, not of this series",
                            ["year", "figure", "plan", "goal", "source"], rows, wrap=("figure",),
                            meaning=("year", "figure", "plan", "goal")))
    rows = [[n["plan_id"], n["kind"], n["text"], ", ".join(n["source_ids"])] for n in a["plan_notes"]]
    if rows:
        blocks.append(Table("Plan notes on this indicator", ["plan", "kind", "note", "sources"], rows, wrap=("note",),
                            meaning=("plan", "note")))
    blocks.append(Text("Bars compare the yearly figures in the indicator's unit: from the lowest (a tenth of a bar) "
                       "to the highest (a whole bar); figures for a period or of a change are listed as reported, figures in "
                       "other units apart. "
                       "'used': whether hrplan's status method uses the figure. " + LEGEND, "dim"))
    return blocks


def absence_text(r: dict) -> str:
    """A plan's having no target, as the words of ``hrplan.core.coverage`` and the sections read."""
    ids = [x["section"] for x in r["sections"]]
    return r["absence_text"] + (f" ({', '.join(ids)})" if len(ids) <= 6 else " (no section is known to hold it)")


def compare_view(a: dict, show_zh=True) -> list:
    old, new = a["older"]["id"], a["newer"]["id"]

    def targets(ts):
        return "; ".join(f"{target_text(t)} ({t['status']})" for t in ts)

    rows = [[r["indicator"]["id"], targets(r["older_targets"]), targets(r["newer_targets"]),
             r["target_change"] or "not compared", r["ambition"] or ""] for r in a["in_both"]]
    area = f", area {a['area_id']}" if a["area_id"] else ""
    titles = set(a["area_titles"].values())
    blocks = [Table(f"{old} and {new}{area}: indicators targeted in both", ["indicator", old, new, "target", "ambition"],
                    rows, wrap=(old, new))]
    for key, title, side in (("dropped", f"Targeted in {old} only, not in {new}, whose text was read (dropped)",
                              "older_targets"),
                             ("new", f"Targeted in {new} only, not in {old}, whose text was read (new)", "newer_targets")):
        rows = [[r["indicator"]["id"], r["indicator"]["title"], targets(r[side])] for r in a[key]]
        if rows:
            blocks.append(Table(title, ["indicator", "title", "target (outcome)"], rows,
                                wrap=("title", "target (outcome)")))
    for key, here, there, side in (("not_found_in_newer", old, new, "older_targets"),
                                   ("not_found_in_older", new, old, "newer_targets")):
        rows = [[r["indicator"]["id"], r["indicator"]["title"], targets(r[side]), absence_text(r["absent_in"]),
                 "; ".join(result_text(x) for x in r["other_results"])] for r in a[key]]
        if rows:
            blocks.append(Table(f"Targeted in {here}; no target found in {there}, whose text was not read whole",
                                ["indicator", "title", f"{here} target (outcome)", f"in {there}",
                                 f"{there} figures"], rows,
                                wrap=("title", f"{here} target (outcome)", f"in {there}", f"{there} figures"),
                                # the other plan's figures are what the absence is weighed against
                                meaning=("indicator", f"{here} target (outcome)", f"in {there}", f"{there} figures")))
    if len(titles) > 1:
        blocks.append(Text(f"The area {a['area_id']} is not the same in both plans: " + "; ".join(
            f"{pid}, {t or 'not a name in this plan'}" for pid, t in a["area_titles"].items()) + ".", "dim"))
    rows = [[old, c["id"], _claim_line(c)] for c in a["older_claims"]]
    rows += [[new, c["id"], _claim_line(c)] for c in a["newer_claims"]]
    if rows:
        blocks.append(Table("The assessments' claims", ["plan", "claim", "the source says [and the data]"], rows,
                            wrap=("the source says [and the data]",)))
    notes = [f"{r['indicator']['id']}: {r['compared_as']}" for r in a["in_both"] if r["compared_as"]]
    if notes:
        blocks.append(Text("How the targets were compared: " + "; ".join(notes) + ".", "dim"))
    return blocks
