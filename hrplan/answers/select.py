"""Which goals a call means, in one plan or across several: the plans, an area in each, the tags
and the filters. The one implementation that the command line and ``hrplan.api`` both call.

The rule across plans: an area that no plan knows is an error, with the closest names; a plan in
which the area is no name adds nothing.
"""

from __future__ import annotations

from hrplan.core import model as m
from hrplan.core.areas import (Area, by_period, display_names, filter_goals, resolve_area, searched, select_plan, suggest,
                               tag_counts)
from hrplan.core.statuses import REPORTED_NONE, REPORTED_STATUSES, STATUSES
from hrplan.errors import NotFound

# The filters of the goals, as on the command line (``hrplan goals --help``): name -> the values
# it takes (None: any tag; a bool for ``quantified``). A filter given several values keeps the
# goals with any of them.
FILTERS = {
    "status": STATUSES,
    "reported": (*REPORTED_STATUSES, REPORTED_NONE),
    "tag": None,
    "kind": m.GOAL_KINDS,
    "agreement": ("agrees", "differs"),
    "binding": m.BINDING,
    "origin": ("assessment", "other_official"),
    "quantified": (True, False),
}
MANY = ("status", "reported", "tag")  # the filters that take several values
ALL = m.EVERY_PLAN  # the plan id that means every plan (``--plan all``)


class Selection:
    """The goals a call means in one plan: the plan, the area, the goals kept, and the memo of
    their statuses (an ``hrplan.answers.records.Assessed``)."""

    __slots__ = ("plan", "area", "goals", "assessed")

    def __init__(self, plan: m.Plan, area: Area, goals: list[m.Goal], assessed):
        self.plan, self.area, self.goals, self.assessed = plan, area, goals, assessed


def plans(loaded: list[m.Plan], plan_id: str | None = None, origin: str | None = "--plan") -> list[m.Plan]:
    """Every plan, in period order; only the one named, with ``plan_id`` (``ALL``: every plan)."""
    ordered = by_period(loaded)
    return [select_plan(ordered, plan_id, origin=origin)] if plan_id and plan_id != ALL else ordered


def check_filters(filters: dict) -> dict:
    """The filters given (None or empty: not given), each value checked against its vocabulary:
    a ``TypeError`` for an unknown filter, a ``ValueError`` for a value outside it."""
    out = {}
    for name, value in filters.items():
        if name not in FILTERS:
            raise TypeError(f"no filter {name!r}; the filters are " + ", ".join(FILTERS))
        if value is None or value == () or value == [] or value is False:
            continue
        values = [value] if isinstance(value, (str, bool)) or name not in MANY else list(value)
        allowed = FILTERS[name]
        bad = [v for v in values if allowed is not None and v not in allowed]
        if bad or (allowed is None and not all(isinstance(v, str) for v in values)):
            shown = ", ".join(map(str, allowed)) if allowed else "strings"
            raise ValueError(f"{name}={(bad or values)[0]!r} is not one of {shown}")
        out[name] = values if name in MANY else values[0]
    return out


def check_tags(chosen: list[m.Plan], tags) -> None:
    """NotFound, with the closest tags, for a tag that no goal of these plans carries (case aside)."""
    known = {t for p in chosen for t in tag_counts(p)}
    lowered = {t.lower() for t in known}
    for t in tags:
        if t.lower() not in lowered:
            raise NotFound("tag", t, suggest(t, known), where=searched(chosen))


def areas(chosen: list[m.Plan], area: str | None) -> dict[str, Area | None]:
    """The area in each plan (plan id -> Area, None where the name means nothing in that plan).
    One plan: its own error for an unknown name; several: an error only when none knows it."""
    if len(chosen) == 1:
        return {chosen[0].id: resolve_area(chosen[0], area)}
    out = {}
    for p in chosen:
        try:
            out[p.id] = resolve_area(p, area)
        except NotFound:
            out[p.id] = None
    if chosen and all(a is None for a in out.values()):
        raise NotFound("area", area, suggest(area, {n for p in chosen for n in display_names(p)}), where=searched(chosen))
    return out


def select(chosen: list[m.Plan], area: str | None = None, **filters) -> list[Selection]:
    """The goals of ``area`` (None: every goal) in each of ``chosen`` that pass ``filters``, a
    plan without the area left out."""
    from hrplan.answers.records import Assessed

    given = check_filters(filters)
    if given.get("tag"):
        check_tags(chosen, given["tag"])
    out = []
    for p, a in zip(chosen, areas(chosen, area).values()):
        if a is None:
            continue
        assessed = Assessed()
        out.append(Selection(p, a, filter_goals(a.goals, assessed, plan=p, **given), assessed))
    return out


def any_filter(filters: dict) -> bool:
    """Whether a filter is given at all."""
    return bool(check_filters(filters))
