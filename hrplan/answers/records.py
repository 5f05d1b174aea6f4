"""The JSON records every answer is made of, built from the model: one builder for each record
of the contract. Pure functions, no I/O.

Each builder returns the TypedDict of ``hrplan.contract.records`` it is named after, the
contract with users' scripts (imported here only for type checkers: see ``hrplan.contract.plan``).

``hrplan.core.model`` holds the records as read from a plan file; these are what hrplan prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hrplan.core import model as m
from hrplan.core.areas import area_ids, resolve_area, whole_plan
from hrplan.core.method import Assessment, assess
from hrplan.core.compare import value_range
from hrplan.core.statuses import UNKNOWN
from hrplan.core.units import amount

if TYPE_CHECKING:
    from hrplan.contract.records import (AbsenceRecord, AreaRecord, ClaimRecord, CoverageRecord, GoalRecord,
                                         NoteRecord, PlanRecord, ResultRecord, SourceRecord, TargetRecord,
                                         WorkingRecord)

# ------------------------------------------------------------------------------- the builders


class Assessed:
    """Memo of one call: the status method per goal, computed once, and source records."""

    def __init__(self):
        self._memo: dict[int, Assessment] = {}
        self._sources: dict[str, SourceRecord] = {}

    def source(self, plan: m.Plan, sid: str) -> SourceRecord:
        rec = self._sources.get(sid)
        if rec is None:
            rec = self._sources[sid] = source_record(plan.sources[sid])
        return rec

    def __call__(self, goal: m.Goal) -> Assessment:
        a = self._memo.get(id(goal))
        if a is None:
            a = self._memo[id(goal)] = assess(goal)
        return a


def plan_record(plan: m.Plan) -> PlanRecord:
    return {
        "id": plan.id, "title": plan.title, "title_zh": plan.title_zh, "issuer": plan.issuer,
        "published": plan.published, "period": [plan.start, plan.end],
        "predecessor": plan.predecessor, "successor": plan.successor,
        "assessment": plan.assessment, "source_ids": plan.cited, "file": plan.file,
    }


def source_record(s: m.Source) -> SourceRecord:
    return {
        "id": s.id, "title": s.title, "publisher": s.publisher, "date": s.date, "url": s.url,
        "kind": s.kind, "document": s.document, "language": s.language, "mirror": s.mirror,
        "note": s.note,
    }


def result_record(plan: m.Plan, r: m.Result) -> ResultRecord:
    src = plan.sources.get(r.source)
    return {
        "year": r.year,
        "start_year": r.start,
        "value": r.value,
        "unit": r.unit,
        "qualifier": r.qualifier,
        "text": r.text,
        "source": r.source,
        "url": src.url if src else None,
        "origin": src.origin if src else None,
        "locator": r.locator,
        "see_also": r.see_also,
        "note": r.note,
        "used": r.use,
        "change": r.change,
        "base_year": r.base_year,
    }


def note_record(plan: m.Plan, n: m.Note, goal: str | None = None, claim: str | None = None) -> NoteRecord:
    return {"kind": n.kind, "text": n.text, "source_ids": n.sources,
            "urls": [plan.sources[s].url for s in n.sources if s in plan.sources and plan.sources[s].url],
            "goal_id": goal, "claim_id": claim}


def target_record(t: m.Target | None) -> TargetRecord | None:
    if t is None:
        return None
    return {
        "metric": t.metric, "unit": t.unit, "op": t.op, "value": t.value, "year": t.year,
        "start_year": t.start,
        "baseline": {"value": t.baseline.value, "year": t.baseline.year} if t.baseline else None,
        "binding": t.binding, "ceiling": t.ceiling, "aggregate": t.aggregate, "wording": t.wording,
        "change": t.change, "base_year": t.base_year, "qualifier": t.qualifier, "tolerance": t.tolerance,
    }


def goal_sources(goal: m.Goal) -> list[str]:
    """Every source a goal cites, in order of first mention, each once."""
    ids = list(goal.plan_sources)
    for r in goal.results:
        ids.append(r.source)
        ids.extend(r.see_also)
    for n in goal.notes:
        ids.extend(n.sources)
    return list(dict.fromkeys(ids))


def latest_result(goal: m.Goal) -> m.Result | None:
    """The latest result with a value (used ones first), for tables."""
    rs = [r for r in goal.results if r.value is not None]
    if not rs:
        return None
    return max(rs, key=lambda r: (r.use, r.year or 0))


def goal_record(plan: m.Plan, goal: m.Goal, assessed: "Assessed") -> GoalRecord:
    a = assessed(goal)
    results = [result_record(plan, r) for r in goal.results]
    latest = latest_result(goal)
    return {
        "id": goal.id,
        "plan_id": goal.plan,
        "chapter": goal.chapter,
        "section": goal.section,
        "kind": goal.kind,
        "text": goal.text,
        "tags": goal.tags,
        "target": target_record(goal.target),
        "results": results,
        "latest": None if latest is None else results[goal.results.index(latest)],
        "status": a.status,
        "status_reason": a.reason,
        "progress": a.progress,
        "agreement": a.agreement,
        "reported_status": goal.reported_status,
        "reported_wording": goal.reported_wording,
        "sources": [assessed.source(plan, s) for s in goal_sources(goal) if s in plan.sources],
        "plan_source_ids": goal.plan_sources,
        "notes": [note_record(plan, n, goal=goal.id) for n in goal.notes],
        "indicator_id": goal.indicator,
    }


def working_record(a: Assessment) -> WorkingRecord:
    """How the method reached a goal's status (``hrplan show``)."""
    return {
        "method": a.method, "value": a.value, "year": a.year, "baseline": a.baseline,
        "required_rate": a.required_rate, "observed_rate": a.observed_rate, "ratio": a.ratio,
        "results_used": [{"start_year": r.start, "year": r.year} for r in a.used], "reason": a.reason,
    }


def area_record(area) -> AreaRecord:
    """An ``hrplan.core.areas.Area`` as JSON."""
    return {"id": area.id, "kind": area.kind, "title": area.title, "title_zh": area.title_zh,
            "definition": area.definition, "coverage": area.coverage}


def coverage_record(u: m.Section | m.Chapter) -> CoverageRecord:
    """A unit of a plan's text (a section, or a chapter without sections) and how it was read."""
    from hrplan.core.coverage import reading

    return {"section": u.id, "kind": "section" if isinstance(u, m.Section) else "chapter", "title": u.title,
            "coverage": u.coverage, "read": reading(u.coverage), "coverage_note": u.coverage_note}


def coverage_records(units) -> list[CoverageRecord]:
    return [coverage_record(u) for u in units]


def absence_record(plan: m.Plan, units) -> AbsenceRecord:
    """A plan that sets no target for an indicator, and how its text that would hold one was read
    (``hrplan.core.coverage.counterpart_units``)."""
    from hrplan.core.coverage import absence, read_as
    from hrplan.core.coverage import units as all_units

    read = read_as(u.coverage for u in units)
    kind, words = absence(read, whole_plan=len(units) > 1 and len(units) == len(all_units(plan)), sections=len(units))
    return {"plan_id": plan.id, "absence": kind, "absence_text": words, "read": read,
            "sections": coverage_records(units)}


def claim_record(plan: m.Plan, claim: m.Claim, assessed: Assessed, area=None, facts=None) -> ClaimRecord:
    """An assessment claim beside what hrplan's data shows for the same set of targets.

    ``area`` may pass the claim's area when the caller has it resolved already; ``facts`` the
    facts of every goal of the plan (``hrplan.answers.facts``), which spare building the goals."""
    from hrplan.answers.facts import of_goal

    if facts is not None:
        goals = [facts[gid] for gid in area_ids(plan, claim.area)]
    else:
        if area is None or area.id != (claim.area or plan.id):
            area = resolve_area(plan, claim.area) if claim.area else whole_plan(plan)
        goals = [of_goal(g, assessed) for g in area.goals]
    quantified = [f for f in goals if f.has_target and (claim.binding is None or f.binding == claim.binding)]
    rec = {
        "id": claim.id,
        "text": claim.text,
        "area_id": claim.area,
        "binding": claim.binding,
        "share": claim.share,
        "qualifier": claim.qualifier,
        "counted_statuses": claim.counts,
        "reported_status": claim.reported_status,
        "source_ids": claim.sources,
        "urls": [plan.sources[s].url for s in claim.sources if s in plan.sources and plan.sources[s].url],
        "results": [result_record(plan, r) for r in claim.results],
        "notes": [note_record(plan, n, claim=claim.id) for n in claim.notes],
        "data": None,
    }
    if claim.share is None or not claim.counts:
        return rec
    statuses = [f.status for f in quantified]
    counted = sum(1 for s in statuses if s in claim.counts)
    unknown = sum(1 for s in statuses if s in UNKNOWN)
    total = len(quantified)
    known = total - unknown
    share = 100.0 * counted / total if total else None
    share_known = 100.0 * counted / known if known else None
    low, low_open, high, high_open = value_range(claim.share, claim.qualifier)

    def agreement(x):
        if x is None:
            return None
        inside = (low < x or (low == x and not low_open)) and (x < high or (x == high and not high_open))
        return "consistent" if inside else "differs"

    partial = [u.id for u in _claim_units(plan, claim, area, goals) if u.coverage != "full"]
    caveats = []
    if partial:
        caveats.append(f"the plan text of {len(partial)} section(s) in this area was not read whole, "
                       "so the data may not hold every target the claim counted")
    if unknown:
        caveats.append(f"{unknown} of the {total} quantified goals have no computable status")
    rec["data"] = {
        "quantified_count": total,
        "counted_count": counted,
        "share": share,
        "agreement": agreement(share),
        "unknown_count": unknown,
        "known_count": known,
        "share_known": share_known,
        "agreement_known": agreement(share_known),
        "caveats": caveats,
    }
    return rec


def _claim_units(plan: m.Plan, claim: m.Claim, area, goals) -> list:
    """The units of a claim's area (``hrplan.core.coverage``), from the area or the goals' facts."""
    from hrplan.core.areas import area_names
    from hrplan.core.coverage import area_units, named_units

    if area is not None and area.id == (claim.area or plan.id):
        return area_units(plan, area)
    kind, key = ("plan", plan.id) if not claim.area else area_names(plan)[claim.area.strip().lower()]
    return named_units(plan, kind, key, ((f.section, f.chapter) for f in goals))


def coverage_note(plan: m.Plan, goal_count: int, quantified: int) -> str:
    """How much of the plan the file holds, in a sentence."""
    size = plan.stated_size
    if size is None:
        return (f"{amount(str(goal_count), 'goals recorded')}, {quantified} of them quantified; "
                "no source read states how many goals the plan has")
    approx = {"about": "about ", "nearly": "nearly ", "more_than": "more than ", "at_least": "at least "}
    stated = approx.get(size.qualifier, '') + amount(f"{size.value:g}", size.unit)
    return (f"{amount(str(goal_count), 'goals recorded')} against the plan's {stated} (as a source states it); "
            f"{quantified} quantified: the targets that could be read, not every commitment")


def stated_size_record(plan: m.Plan):
    s = plan.stated_size
    return None if s is None else {"value": s.value, "unit": s.unit, "qualifier": s.qualifier,
                                   "source_ids": s.sources, "note": s.note}


def period_state(plan: m.Plan, today=None) -> str | None:
    """Where the plan's period stands on ``today`` (None: today's date), with its assessment:
    "period ended 2025; no assessment on record", "period ended 2020; assessed in assess-...",
    "period runs to 2025"; None for a plan without a period. Computed, never written in the data."""
    if plan.end is None:
        return None
    import datetime

    year = (today or datetime.date.today()).year
    if plan.start is not None and year < plan.start:
        return f"period starts in {plan.start}"
    if year <= plan.end:
        return f"period runs to {plan.end}"
    assessed = f"assessed in {plan.assessment}" if plan.assessment else "no assessment on record"
    return f"period ended {plan.end}; {assessed}"

