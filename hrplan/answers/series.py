"""Answers about the series of plans: ``plans``, ``indicators``, ``trend`` and ``compare``. Pure
functions over loaded plans and the indicator registry; each returns the TypedDict of
``hrplan.contract.series`` named after it.

Where hrplan sets two targets side by side it says how (``compared_as``): a total over a period
is compared per year, a change from a base value as the level it reaches; both are hrplan's
arithmetic, not a source's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hrplan.core import model as m
from hrplan.answers.select import areas
from hrplan.core.areas import resolve_area, select_plan, suggest
from hrplan.errors import NotFound, UsageError
from hrplan.core.method import level_of
from hrplan.answers.records import Assessed, absence_record, claim_record, note_record, plan_record
from hrplan.core.coverage import counterpart_units
from hrplan.core.areas import by_period
from hrplan.answers.records import coverage_note, stated_size_record

if TYPE_CHECKING:
    from hrplan.contract.series import (CompareAnswer, IndicatorRecord, IndicatorsAnswer, PlansAnswer, TrendAnswer,
                                        TrendResult, TrendTarget)


def plans_answer(plans: list[m.Plan]) -> PlansAnswer:
    from hrplan.answers.facts import counts, plan_facts

    series = []
    for plan in by_period(plans):
        assessed = Assessed()
        facts = plan_facts(plan, assessed)
        totals = counts(facts.values())
        series.append({
            "plan": plan_record(plan), "stated_size": stated_size_record(plan),
            "coverage_note": coverage_note(plan, totals["goal_count"], totals["quantified_count"]),
            **totals,
            "claims": [claim_record(plan, c, assessed, facts=facts) for c in plan.claims],
        })
    return {"plan_count": len(series), "series": series}


# ------------------------------------------------------------------------------------ indicators


def _indicator_goals(plans: list[m.Plan], indicator_id: str, goals: dict):
    """(plan, goal) for every goal of every plan that names the indicator, in plan order;
    ``goals`` as ``_area_goals`` gives them."""
    out = []
    for plan in by_period(plans):
        out.extend((plan, g) for g in goals[plan.id] or () if g.indicator == indicator_id)
    return out


def _area_goals(plans: list[m.Plan], area: str | None) -> dict:
    """Plan id -> the goals of ``area`` in that plan (None where the name means nothing there), by
    the rule of ``hrplan.answers.select``: an area that no plan knows is an error."""
    if area is None:
        return {p.id: list(p.goals.values()) for p in plans}
    return {pid: (a.goals if a is not None else None) for pid, a in areas(plans, area).items()}


def indicator_record(ind: m.Indicator, pairs, plans: list[m.Plan]) -> IndicatorRecord:
    """An indicator; ``plans`` are the plans that set a target for it, ``result_plans`` those
    whose goals (targets or findings) report figures of its measure (``in_series``), and
    ``no_target`` says, for each of the loaded ``plans`` that sets none, how its text that would
    hold one was read (``hrplan.core.coverage``)."""
    units = _series_units(ind, pairs)
    targeted = [(p, g) for p, g in pairs if g.target is not None]
    no_target = [absence_record(plan, counterpart_units(plan, [g for p, g in pairs if p is plan], targeted))
                 for plan in by_period(plans) if not any(p is plan for p, _ in targeted)]
    return {"id": ind.id, "title": ind.title, "title_zh": ind.title_zh, "unit": ind.unit, "direction": ind.direction,
            "definition": ind.definition, "note": ind.note,
            "plans": list(dict.fromkeys(p.id for p, g in targeted)),
            "result_plans": list(dict.fromkeys(p.id for p, g in pairs if any(in_series(r, units) for r in g.results))),
            "no_target": no_target, "goal_count": len(pairs)}


def _series_units(ind: m.Indicator, pairs) -> set[str]:
    """The units an indicator's figures are in: its own, and its targets' (a "% fall", say)."""
    return {ind.unit, *(g.target.unit for _, g in pairs if g.target is not None)}


def in_series(r: m.Result, units: set[str]) -> bool:
    """Whether a result is a figure of the indicator's measure: in its unit or a target's, or a
    change of it; any other figure (a poverty line in yuan against a head-count) is another measure."""
    return r.value is not None and (r.change is not None or r.unit in units)


def indicators_answer(plans: list[m.Plan], registry: dict[str, m.Indicator], area: str | None = None) -> IndicatorsAnswer:
    goals = _area_goals(plans, area)
    rows = []
    for ind in registry.values():
        pairs = _indicator_goals(plans, ind.id, goals)
        if pairs or area is None:
            rows.append(indicator_record(ind, pairs, plans))
    return {"plans": [p.id for p in by_period(plans)], "area_id": area, "indicator_count": len(rows), "indicators": rows}


def _area_title(plan: m.Plan, area: str) -> str | None:
    """What an area name means in a plan ("section I.5: Right to education"), or None."""
    try:
        a = resolve_area(plan, area)
    except NotFound:
        return None
    return f"{a.kind} {a.id}: {a.title}"


def resolve_indicator(registry: dict[str, m.Indicator], name: str) -> m.Indicator:
    """An indicator by id or alias, without regard to case; the closest names for a typo."""
    names = {}
    for ind in registry.values():
        for n in (ind.id, *ind.aliases):
            names.setdefault(n.lower(), ind)
    hit = names.get(name.strip().lower())
    if hit is None:
        raise NotFound("indicator", name, suggest(name, names))
    return hit


# ------------------------------------------------------------------------------------ trend


def trend_target(plan: m.Plan, g: m.Goal, assessed) -> TrendTarget:
    t, a = g.target, assessed(g)
    return {
        "plan_id": plan.id, "goal_id": g.id, "metric": t.metric, "op": t.op, "value": t.value, "unit": t.unit,
        "year": t.year, "start_year": t.start, "aggregate": t.aggregate, "change": t.change,
        "base_year": t.base_year,
        "baseline": {"value": t.baseline.value, "year": t.baseline.year} if t.baseline else None,
        "ceiling": t.ceiling, "wording": t.wording, "qualifier": t.qualifier, "tolerance": t.tolerance,
        "status": a.status, "progress": a.progress,
        "reported_status": g.reported_status,
    }


def _trend_result(plan: m.Plan, g: m.Goal, r: m.Result) -> TrendResult:
    src = plan.sources.get(r.source)
    return {"plan_id": plan.id, "goal_id": g.id, "year": r.year, "start_year": r.start, "value": r.value,
            "unit": r.unit, "qualifier": r.qualifier, "change": r.change, "base_year": r.base_year, "text": r.text,
            "source": r.source, "url": src.url if src else None, "origin": src.origin if src else None,
            "used": r.use}


def _by_year(rows: list) -> list:
    return sorted(rows, key=lambda r: (r["year"] or 0, r["start_year"] or r["year"] or 0))


def mentions(indicator: m.Indicator):
    """A test of whether a plan note speaks of the indicator: names it by its title or its id
    (hyphens or not)."""
    import re

    words = sorted({indicator.title, indicator.id, indicator.id.replace("-", " ")}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\b", re.IGNORECASE).search


def trend(plans: list[m.Plan], indicator: m.Indicator) -> TrendAnswer:
    """Every plan's target for the indicator and every result of its measure, by year; figures in
    another unit apart (``other_measures``), and the plan notes that speak of it."""
    pairs = _indicator_goals(plans, indicator.id, _area_goals(plans, None))
    assessed = Assessed()
    units = _series_units(indicator, pairs)
    targets = [trend_target(p, g, assessed) for p, g in pairs if g.target is not None]
    results = [_trend_result(p, g, r) for p, g in pairs for r in g.results if in_series(r, units)]
    other = [_trend_result(p, g, r) for p, g in pairs for r in g.results
             if r.value is not None and not in_series(r, units)]
    named = mentions(indicator)
    notes = [dict(note_record(p, n), plan_id=p.id) for p in by_period(plans) for n in p.notes if named(n.text)]
    return {"indicator": indicator_record(indicator, pairs, plans), "targets": targets, "results": _by_year(results),
            "other_measures": _by_year(other), "plan_notes": notes}


# ------------------------------------------------------------------------------------ compare


def comparable(t: TrendTarget) -> tuple[tuple, float, str] | None:
    """(what is compared, the figure, how) of a target, so that two targets of one indicator can
    be set side by side; None when hrplan cannot put it in a comparable form."""
    value, how = t["value"], []
    if t["change"] is not None:
        if t["baseline"] is None:
            return ("change", t["change"], t["base_year"], t["unit"]), value, f"as a {t['change']} change from {t['base_year']}"
        value = level_of(t["change"], t["baseline"]["value"], value)
        how.append("the level a change from the base value reaches")
    if t["aggregate"] == "total" and t["start_year"] is not None:
        years = t["year"] - t["start_year"] + 1
        value = value / years
        how.append(f"a total over {years} years, per year")
    return ("level", t["unit"]), value, "; ".join(how) or "as stated"


def _ambition(older: list, newer: list, direction: str):
    """(target_change, ambition, compared_as) of the first targets that can be compared."""
    for a in older:
        for b in newer:
            ca, cb = comparable(a), comparable(b)
            if ca is None or cb is None or ca[0] != cb[0]:
                continue
            if abs(cb[1] - ca[1]) <= 1e-9 * max(abs(ca[1]), abs(cb[1]), 1e-12):
                change = "same"
            else:
                change = "raised" if cb[1] > ca[1] else "lowered"
            better = {"raised": "more", "lowered": "less", "same": "same"}[change]
            if direction == "lower" and change != "same":
                better = "less" if better == "more" else "more"
            how = f"{a['goal_id']} against {b['goal_id']}: {ca[2]} / {cb[2]} (hrplan's arithmetic where not as stated)"
            return change, better, how
    if older and newer:
        return None, None, "the targets are in forms hrplan does not compare (units, bases or kinds differ)"
    return None, None, None


def compare(plans: list[m.Plan], registry: dict[str, m.Indicator], first: str, second: str,
            area: str | None = None) -> CompareAnswer:
    a, b = select_plan(plans, first, origin=None), select_plan(plans, second, origin=None)
    if a.id == b.id:
        raise UsageError(f"compare needs two different plans, not {a.id} twice")
    older, newer = sorted((a, b), key=lambda p: (p.start or 0, p.end or 0, p.id))
    goals = _area_goals([older, newer], area)
    assessed = Assessed()
    both, dropped, new, not_in_newer, not_in_older = [], [], [], [], []
    for ind in registry.values():
        mine = [[g for g in (goals[p.id] or ()) if g.indicator == ind.id] for p in (older, newer)]
        sides = [[g for g in gs if g.target is not None] for gs in mine]
        if not any(sides):
            continue
        old_t = [trend_target(older, g, assessed) for g in sides[0]]
        new_t = [trend_target(newer, g, assessed) for g in sides[1]]
        change, ambition, how = _ambition(old_t, new_t, ind.direction)
        pairs = [(older, g) for g in mine[0]] + [(newer, g) for g in mine[1]]
        record = indicator_record(ind, pairs, [older, newer])
        absent = record["no_target"][0] if record["no_target"] else None
        other = (newer if old_t else older) if absent else None
        units = _series_units(ind, pairs)
        row = {"indicator": record, "older_targets": old_t, "newer_targets": new_t,
               "target_change": change, "ambition": ambition, "compared_as": how, "absent_in": absent,
               "other_results": [] if other is None else _by_year(
                   [_trend_result(other, g, r) for g in mine[0 if other is older else 1] for r in g.results
                    if in_series(r, units)])}
        if absent is None:
            both.append(row)
        elif absent["absence"] == "not_targeted":
            (dropped if old_t else new).append(row)
        else:
            (not_in_newer if old_t else not_in_older).append(row)

    def claims(p: m.Plan):
        chosen = [c for c in p.claims if area is None or (c.area or "").lower() == area.lower()]
        return [claim_record(p, c, assessed) for c in chosen]

    return {"older": plan_record(older), "newer": plan_record(newer), "area_id": area,
            "area_titles": {p.id: _area_title(p, area) for p in (older, newer)} if area else {}, "in_both": both,
            "dropped": dropped, "new": new, "not_found_in_newer": not_in_newer, "not_found_in_older": not_in_older,
            "older_claims": claims(older), "newer_claims": claims(newer)}
