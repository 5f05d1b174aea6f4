"""The answers across every plan (``--plan all``): each built from the one-plan answers of
``hrplan.answers.plan``, their rows one plan after the other in period order, each row naming its
plan. The shapes are those of ``hrplan.contract.across``.

The rule of ``hrplan.answers.select`` holds: an AREA that no plan knows is an error; a plan in
which it is no name adds no row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hrplan.answers import plan as one
from hrplan.answers.select import ALL, Selection, areas  # noqa: F401 (ALL: the --plan that means every plan)
from hrplan.core import model as m

if TYPE_CHECKING:
    from hrplan.contract.across import (ExportAcrossAnswer, GoalsAcrossAnswer, NotesAcrossAnswer,
                                        ProgressAcrossAnswer, SourcesAcrossAnswer)

def goals(chosen: list[m.Plan], selections: list[Selection], area: str | None) -> GoalsAcrossAnswer:
    """``goals`` and ``quotas``: the goals of each selection, which ``hrplan.answers.select.select``
    made across ``chosen``."""
    answers = [one.goals(s.plan, s.area, s.goals, s.assessed) for s in selections]
    rows = [r for a in answers for r in a["goals"]]
    return {"plans": [p.id for p in chosen], "area_id": area, "goal_count": len(rows), "goals": rows,
            "coverage_by_plan": _coverage([s.plan for s in selections], answers)}


def progress(chosen: list[m.Plan], area: str | None) -> ProgressAcrossAnswer:
    pairs = _areas(chosen, area)
    answers = [one.progress(p, a) for p, a in pairs]
    rows = [k for a in answers for k in a["key_figures"]]
    return {"plans": [p.id for p in chosen], "area_id": area, "quantified_count": len(rows), "key_figures": rows,
            "coverage_by_plan": _coverage([p for p, _ in pairs], answers)}


def notes(chosen: list[m.Plan], area: str | None, kinds=None) -> NotesAcrossAnswer:
    rows = [dict(n, plan_id=p.id) for p, a in _areas(chosen, area) for n in one.notes(p, a, kinds)["notes"]]
    return {"plans": [p.id for p in chosen], "area_id": area, "note_count": len(rows), "notes": rows}


def sources(chosen: list[m.Plan]) -> SourcesAcrossAnswer:
    rows = []
    for p in chosen:
        answer = one.sources(p)
        rows.extend(dict(s, plan_id=p.id, cited_by=answer["cited_by"][s["id"]]) for s in answer["sources"])
    return {"plans": [p.id for p in chosen], "source_count": len(rows), "sources": rows}


def export(chosen: list[m.Plan], exports: list[dict]) -> ExportAcrossAnswer:
    """Every plan's ``export`` answer (narrowed and arranged as for one plan), in period order."""
    return {"plans": [p.id for p in chosen], "goal_count": sum(len(e["goals"]) for e in exports),
            "exports": exports}


def _coverage(plans, answers) -> dict:
    """Plan id -> the coverage of the area in that plan, as each one-plan answer gives it."""
    return {p.id: a["coverage_by_section"] for p, a in zip(plans, answers)}


def _areas(chosen: list[m.Plan], area: str | None):
    """(plan, area) for each plan in which ``area`` is a name."""
    return [(p, a) for p, a in zip(chosen, areas(chosen, area).values()) if a is not None]
