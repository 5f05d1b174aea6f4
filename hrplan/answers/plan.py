"""The answers about one plan: for each command, the one function that assembles its answer,
returning the TypedDict of ``hrplan.contract.plan`` that is the shape of its ``--json`` output.
Pure functions, no I/O beyond reading the method's text for ``methodology``.

The answers are built from the records of ``hrplan.answers.records``; the JSON renderer prints
them as they are and the views (``hrplan.views.plan``) lay them out for a terminal or a pipe.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hrplan.core import model as m
from hrplan.core.areas import Area, theme_goals
from hrplan.core.coverage import area_units, goal_units, units
from hrplan.answers.records import (Assessed, area_record, claim_record, coverage_records, goal_record, goal_sources,
                                    latest_result, note_record, plan_record, result_record, source_record,
                                    target_record, working_record)
from hrplan.answers.facts import count_reported, count_statuses

from hrplan.answers.facts import counts, differing, of_goal

if TYPE_CHECKING:
    from hrplan.contract.plan import (AreasAnswer, ChapterRecord, ExportAnswer, GoalsAnswer, HelpExitCodesAnswer,
                                      HelpStatusesAnswer, KeyFigure, MethodologyAnswer, NotesAnswer, ProgressAnswer,
                                      SearchAnswer, SectionRecord, ShowAnswer, ShowSourceAnswer, SourcesAnswer,
                                      StatsAnswer, SummaryAnswer, ThemeRecord)
    from hrplan.contract.records import GoalRecord

# ------------------------------------------------------------------------------- the builders


def _chapter_records(plan: m.Plan, assessed, facts=None) -> list[ChapterRecord]:
    """The chapters with their counts, from the goals' facts (``hrplan.answers.facts``)."""
    from hrplan.answers.facts import plan_facts

    facts = plan_facts(plan, assessed) if facts is None else facts
    by_chapter: dict[str, list] = {c: [] for c in plan.chapters}
    for f in facts.values():
        by_chapter[f.chapter].append(f)
    rows = []
    for c in plan.chapters.values():
        goals = by_chapter[c.id]
        rows.append({
            "id": c.id, "title": c.title, "title_zh": c.title_zh, "aliases": c.aliases,
            "coverage": c.coverage or _coverage_of([s for s in plan.sections.values() if s.chapter == c.id]),
            "coverage_note": c.coverage_note,
            **counts(goals),
        })
    return rows


def _coverage_of(sections: list[m.Section]) -> str | None:
    values = {s.coverage for s in sections if s.coverage}
    if not values:
        return None
    return values.pop() if len(values) == 1 else "mixed"


def _section_records(plan: m.Plan) -> list[SectionRecord]:
    by_section: dict[str | None, list[m.Goal]] = {}
    for g in plan.goals.values():
        by_section.setdefault(g.section, []).append(g)
    rows = []
    for s in plan.sections.values():
        goals = by_section.get(s.id, [])
        rows.append({
            "id": s.id, "chapter": s.chapter, "title": s.title, "title_zh": s.title_zh, "aliases": s.aliases,
            "coverage": s.coverage, "coverage_note": s.coverage_note,
            "goal_count": len(goals), "quantified_count": sum(1 for g in goals if g.target),
        })
    return rows


def _theme_records(plan: m.Plan) -> list[ThemeRecord]:
    rows = []
    for t in plan.themes.values():
        goals = theme_goals(plan, t)
        rows.append({
            "id": t.id, "title": t.title, "aliases": t.aliases, "definition": t.definition,
            "section_ids": t.sections, "tags": t.tags, "goal_ids": t.goals,
            "goal_count": len(goals), "quantified_count": sum(1 for g in goals if g.target),
        })
    return rows


def _section_title(plan: m.Plan, g: m.Goal) -> str:
    sec = plan.sections.get(g.section) if g.section else None
    return sec.title if sec else plan.chapters[g.chapter].title


def _key_figure(plan: m.Plan, g: m.Goal, rec: GoalRecord, assessed) -> KeyFigure:
    """A quantified goal's row in ``stats`` and ``progress``, sharing the goal record's target and
    latest result where there is one."""
    a = assessed(g)
    if rec is None:
        latest = latest_result(g)
        target, latest = target_record(g.target), (None if latest is None else result_record(plan, latest))
    else:
        target, latest = rec["target"], rec["latest"]
    return {
        "plan_id": plan.id, "goal_id": g.id, "chapter": g.chapter, "section": g.section, "section_title": _section_title(plan, g),
        "metric": g.target.metric, "target": target, "latest": latest, "value": a.value,
        "status": a.status, "progress": a.progress, "reported_status": g.reported_status,
        "agreement": a.agreement,
    }


def summary(plan: m.Plan) -> SummaryAnswer:
    """The plan at a glance, from the goals' facts: no goal is built when the cache holds them."""
    from hrplan.answers.facts import plan_facts
    from hrplan.answers.records import coverage_note, period_state, stated_size_record

    assessed = Assessed()
    facts = plan_facts(plan, assessed)
    goals = list(facts.values())
    totals = counts(goals)
    return {
        "plan": plan_record(plan),
        "period_state": period_state(plan),
        "commitment_count": sum(1 for f in goals if f.kind == "commitment"),
        "finding_count": sum(1 for f in goals if f.kind == "finding"),
        "stated_size": stated_size_record(plan),
        "coverage_note": coverage_note(plan, totals["goal_count"], totals["quantified_count"]),
        **totals,
        "reported_status_counts": count_reported(goals),
        "chapters": _chapter_records(plan, assessed, facts),
        "coverage_by_section": coverage_records(units(plan)),
        "claims": [claim_record(plan, c, assessed, facts=facts) for c in plan.claims],
        "differing": differing(goals),
    }


def areas(plan: m.Plan) -> AreasAnswer:
    return {"plan": plan_record(plan), "chapters": _chapter_records(plan, Assessed()),
            "sections": _section_records(plan), "themes": _theme_records(plan),
            "coverage_by_section": coverage_records(units(plan))}


def goals(plan: m.Plan, area: Area, found: list[m.Goal], assessed: Assessed) -> GoalsAnswer:
    """``goals`` and ``quotas``: the goals of an area that passed the filters."""
    return {"plan": plan_record(plan), "area": area_record(area),
            "coverage_by_section": coverage_records(area_units(plan, area)), "goal_count": len(found),
            "goals": [goal_record(plan, g, assessed) for g in found]}


def stats(plan: m.Plan, area: Area) -> StatsAnswer:
    assessed = Assessed()
    goals = area.goals
    records = [goal_record(plan, g, assessed) for g in goals]
    quantified = [g for g in goals if g.target is not None]
    claims = [c for c in plan.claims if area.kind == "plan" or c.area == area.id]
    return {
        "plan": plan_record(plan),
        "area": area_record(area),
        "goal_count": len(goals),
        "quantified_count": len(quantified),
        "with_results_count": sum(1 for g in goals if g.results),
        "status_counts": count_statuses(goals, assessed),
        "quantified_status_counts": count_statuses(quantified, assessed),
        "reported_status_counts": count_reported(goals),
        "claims": [claim_record(plan, c, assessed, area) for c in claims],
        "key_figures": [_key_figure(plan, g, rec, assessed) for g, rec in zip(goals, records) if g.target is not None],
        "differing": differing(of_goal(g, assessed) for g in goals),
        "coverage_by_section": coverage_records(area_units(plan, area)),
        "goals": records,
    }


def progress(plan: m.Plan, area: Area) -> ProgressAnswer:
    assessed = Assessed()
    rows = [_key_figure(plan, g, None, assessed) for g in area.goals if g.target is not None]
    return {"plan": plan_record(plan), "area": area_record(area),
            "coverage_by_section": coverage_records(area_units(plan, area)), "quantified_count": len(rows),
            "key_figures": rows}


def show(plan: m.Plan, goal: m.Goal) -> ShowAnswer:
    assessed = Assessed()
    sec = plan.sections.get(goal.section) if goal.section else None
    return {
        "kind": "goal",
        "plan": plan_record(plan),
        "goal": goal_record(plan, goal, assessed),
        "working": working_record(assessed(goal)),
        "chapter_title": plan.chapters[goal.chapter].title,
        "section_title": sec.title if sec else None,
        "section_coverage": sec.coverage if sec else None,
        "coverage_by_section": coverage_records(goal_units(plan, goal)),
    }


def tags(plan: m.Plan):
    """Every tag of the plan's goals with its count, as the data writes it."""
    from hrplan.core.areas import tag_counts

    rows = [{"tag": t, "goal_count": n} for t, n in tag_counts(plan).items()]
    return {"plan": plan_record(plan), "tag_count": len(rows), "tag_counts": rows}


def show_any(kind: str, plan: m.Plan, record, also_in=()):
    """``show`` of a goal, a claim, a source or a plan (see ``hrplan.core.areas.resolve_id``), with
    the other plans that hold the same id (``also_in``)."""
    if kind == "goal":
        answer = show(plan, record)
    elif kind == "claim":
        answer = {"kind": "claim", "plan": plan_record(plan), "claim": claim_record(plan, record, Assessed())}
    elif kind == "source":
        answer = show_source(plan, record)
    else:
        from hrplan.answers.series import plans_answer

        answer = dict(kind="plan", **plans_answer([plan])["series"][0], coverage_by_section=coverage_records(units(plan)))
    return dict(answer, also_in=list(also_in))


def show_source(plan: m.Plan, source: m.Source) -> ShowSourceAnswer:
    """A source with every goal, claim and figure that cites it."""
    sid, rows = source.id, []

    def cite(role, goal=None, claim=None, r=None):
        rows.append({"goal_id": goal, "claim_id": claim, "role": role,
                     "year": r.year if r else None, "start_year": r.start if r else None,
                     "value": r.value if r else None, "unit": r.unit if r else None, "text": r.text if r else None})

    if sid in plan.cited or sid == plan.assessment:
        cite("plan")
    for g in plan.goals.values():
        if sid in g.plan_sources:
            cite("plan text", goal=g.id)
        for r in g.results:
            if r.source == sid:
                cite("result", goal=g.id, r=r)
            elif sid in r.see_also:
                cite("see also", goal=g.id, r=r)
        if any(sid in n.sources for n in g.notes):
            cite("note", goal=g.id)
    for c in plan.claims:
        if sid in c.sources:
            cite("claim", claim=c.id)
        for r in c.results:
            if r.source == sid or sid in r.see_also:
                cite("result" if r.source == sid else "see also", claim=c.id, r=r)
        if any(sid in n.sources for n in c.notes):
            cite("note", claim=c.id)
    return {"kind": "source", "plan": plan_record(plan), "source": source_record(source),
            "citation_count": len(rows), "citations": rows}


def search_answer(plans: list[m.Plan], text: str, field: str | None = None, registry=None,
                  registry_file: str | None = None) -> SearchAnswer:
    """Goals, claims, plan notes and (with ``registry``, read from ``registry_file``) indicators
    matching ``text``, best first (``hrplan.answers.search``); an empty query is a usage error."""
    from hrplan.answers.facts import plan_facts
    from hrplan.answers.search import Query, indicator_goals, search
    from hrplan.answers.series import indicator_record
    from hrplan.core.areas import by_period

    from hrplan.errors import UsageError

    query = Query(text)
    if not query.terms:
        raise UsageError(f"nothing to search for in {text!r}: give a word, a phrase or a number")
    assessed = Assessed()
    hits = search(plans, query, field, registry=registry, registry_file=registry_file)
    goals, claims, notes, indicators, matches = [], [], [], {}, []
    for kind, plan, rec, score, fields, where, snippet in hits:
        if kind == "goal":
            goals.append(goal_record(plan, rec, assessed))
        elif kind == "claim":  # a claim's counts from the goals' facts, which spare building its goals
            claims.append(claim_record(plan, rec, assessed, facts=plan_facts(plan, assessed)))
        elif kind == "note":
            notes.append(note_record(plan, rec))
        elif rec.id not in indicators:
            indicators[rec.id] = indicator_record(rec, [(p, g) for p in by_period(plans) for g in indicator_goals(p, rec.id)],
                                                  plans)
        matches.append({"kind": kind, "plan_id": plan.id, "goal_id": rec.id if kind == "goal" else None,
                        "claim_id": rec.id if kind == "claim" else None,
                        "indicator_id": rec.id if kind == "indicator" else None, "score": score, "fields": fields,
                        "field": where, "snippet": snippet})
    return {"plans": [p.id for p in plans], "query": text, "terms": query.terms, "field": field,
            "only_titles": bool(matches) and all(mt["fields"] == ["section"] for mt in matches),
            "goal_count": len(goals), "goals": goals, "claims": claims, "notes": notes,
            "indicators": list(indicators.values()), "matches": matches}


def sources(plan: m.Plan) -> SourcesAnswer:
    used: dict[str, int] = dict.fromkeys(plan.sources, 0)
    cited: list[str] = []  # a goal cites a source once; claims and the plan once per mention
    for g in plan.goals.values():
        cited.extend(goal_sources(g))
    for c in plan.claims:
        cited.extend((*c.sources, *(r.source for r in c.results), *(x for r in c.results for x in r.see_also),
                      *(x for n in c.notes for x in n.sources)))
    cited.extend((*plan.cited, plan.assessment, *(x for n in plan.notes for x in n.sources)))
    for s in cited:
        if s in used:
            used[s] += 1
    return {"plan": plan_record(plan), "source_count": len(plan.sources),
            "sources": [source_record(s) for s in plan.sources.values()], "cited_by": used}


def notes(plan: m.Plan, area: Area, kinds=None) -> NotesAnswer:
    rows = []
    for g in area.goals:
        rows.extend(note_record(plan, n, goal=g.id) for n in g.notes if not kinds or n.kind in kinds)
    if area.kind == "plan":
        for c in plan.claims:
            rows.extend(note_record(plan, n, claim=c.id) for n in c.notes if not kinds or n.kind in kinds)
        rows.extend(note_record(plan, n) for n in plan.notes if not kinds or n.kind in kinds)
    return {"plan": plan_record(plan), "area": area_record(area), "note_count": len(rows), "notes": rows}


def export(plan: m.Plan, goals: list[m.Goal] | None = None, assessed: Assessed | None = None,
           area: Area | None = None) -> ExportAnswer:
    """The whole plan; with ``goals``, only those goals (of ``area``, through filters)."""
    assessed = assessed or Assessed()
    return {
        "plan": plan_record(plan),
        "sources": [source_record(s) for s in plan.sources.values()],
        "chapters": _chapter_records(plan, assessed),
        "sections": _section_records(plan),
        "themes": _theme_records(plan),
        "coverage_by_section": coverage_records(units(plan) if area is None else area_units(plan, area)),
        "goals": [goal_record(plan, g, assessed) for g in (plan.goals.values() if goals is None else goals)],
        "claims": [claim_record(plan, c, assessed) for c in plan.claims],
        "notes": [note_record(plan, n) for n in plan.notes],
    }


def methodology() -> MethodologyAnswer:
    from hrplan.core import method
    from hrplan.planfile.files import methodology_text

    return {
        "text": methodology_text(),
        "thresholds": {"approximation": method.APPROX, "on_track": method.ON_TRACK,
                       "needs_acceleration": method.NEEDS_ACCELERATION},
        **_status_definitions(),
    }


def _status_definitions() -> dict:
    from hrplan.core import statuses

    return {
        "statuses": [s.record() for s in statuses.TABLE],
        "reported_statuses": [{"name": name, "legend": legend, "agrees_with": list(agrees or ())}
                              for name, (legend, agrees) in statuses.REPORTED.items()]
                             + [{"name": statuses.REPORTED_NONE, "legend": statuses.REPORTED_NONE_LEGEND, "agrees_with": []}],
    }


def help_topic(topic: str) -> HelpStatusesAnswer | HelpExitCodesAnswer:
    """``help TOPIC --json``: the statuses and reported verdicts, or the exit codes, as data."""
    if topic == "exit-codes":
        from hrplan.errors import EXIT_CODES

        return {"topic": topic, "exit_codes": [{"code": code, "meaning": text} for code, text in EXIT_CODES]}
    return {"topic": "statuses", **_status_definitions()}


