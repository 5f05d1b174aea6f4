"""What the counts of a plan need to know of each goal, without its texts: its status, agreement,
kind, whether it has a target and results, its reported verdict, and its place. ``summary``,
``areas`` and the claims are built from these facts, so an answer about every goal need not build
every goal.

The facts of a plan file are kept in the cache beside it, keyed by the file and by the status
method's version (``hrplan.core.method.METHOD_VERSION``): a change to the method never serves stale
statuses. An answer built from cached facts is byte for byte the one built from the goals (a test
compares them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hrplan.core import model as m
from hrplan.core.statuses import REPORTED_NONE, REPORTED_STATUSES, STATUSES

if TYPE_CHECKING:
    from hrplan.contract.records import ReportedStatusCounts, StatusCounts


class GoalFacts:
    __slots__ = ("id", "chapter", "section", "kind", "has_target", "binding", "has_results", "reported_status",
                 "status", "agreement")

    def __init__(self, id, chapter, section, kind, has_target, binding, has_results, reported_status, status,
                 agreement):
        self.id, self.chapter, self.section, self.kind = id, chapter, section, kind
        self.has_target, self.binding, self.has_results = has_target, binding, has_results
        self.reported_status, self.status, self.agreement = reported_status, status, agreement


def of_goal(goal: m.Goal, assessed) -> GoalFacts:
    a = assessed(goal)
    t = goal.target
    return GoalFacts(goal.id, goal.chapter, goal.section, goal.kind, t is not None, t.binding if t else None,
                     bool(goal.results), goal.reported_status, a.status, a.agreement)


def counts(facts) -> dict:
    """The counts of a set of goals, by their facts: goals, quantified, with results, by status
    (the keys of summary, of each chapter and of each plan in ``plans``)."""
    facts = list(facts)
    return {"goal_count": len(facts), "quantified_count": sum(1 for f in facts if f.has_target),
            "with_results_count": sum(1 for f in facts if f.has_results), "status_counts": count_statuses(facts)}


def differing(facts) -> list:
    """The goals whose reported verdict differs from the computed status, in the order given."""
    return [{"goal_id": f.id, "status": f.status, "reported_status": f.reported_status}
            for f in facts if f.agreement == "differs"]


_COLUMNS = ("kind", "has_target", "binding", "has_results", "reported_status", "status", "agreement")


def plan_facts(plan: m.Plan, assessed, use_cache: bool | None = None) -> dict[str, GoalFacts]:
    """The facts of every goal of a plan, by id in file order: from the cache when it holds them,
    else from the goals (and then kept)."""
    from hrplan.planfile import cache
    from hrplan.planfile.files import _use_cache
    from hrplan.core.method import METHOD_VERSION

    key = None
    if _use_cache(use_cache) and plan.file:
        base = cache.key_for(plan.file)
        key = None if base is None else [*base, "method", METHOD_VERSION]
    columns = cache.read_small("facts", plan.file, key) if key else None
    ids = [row[0] for row in plan.goals.index]
    if columns is not None and len(columns) == len(_COLUMNS) and all(len(c) == len(ids) for c in columns):
        return {gid: GoalFacts(gid, chapter, section, *values)
                for (gid, chapter, section, _), values in zip(plan.goals.index, zip(*columns))}
    facts = {gid: of_goal(plan.goals[gid], assessed) for gid in ids}
    if key:
        cache.write_small("facts", plan.file, key, [[getattr(f, c) for f in facts.values()] for c in _COLUMNS])
    return facts


def count_statuses(goals, assessed=None) -> StatusCounts:
    """Goals by computed status, every status (zeros included); ``goals`` are goals (with
    ``assessed``, an ``hrplan.answers.records.Assessed``) or their facts (``hrplan.answers.facts``)."""
    counts = dict.fromkeys(STATUSES, 0)
    for g in goals:
        counts[assessed(g).status if assessed is not None else g.status] += 1
    return counts


def count_reported(goals) -> ReportedStatusCounts:
    """Goals (or their facts) by reported verdict, "none" for no verdict on record."""
    counts = dict.fromkeys((*REPORTED_STATUSES, REPORTED_NONE), 0)
    for g in goals:
        counts[g.reported_status or REPORTED_NONE] += 1
    return counts
