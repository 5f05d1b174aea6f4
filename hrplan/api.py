"""hrplan from Python, for notebooks and scripts: the plans, the goals of an area with filters, one
goal with its status. Every record is a plain dict, the same as in the JSON output (README, "The
JSON contract"; ``hrplan schema goals``): a goal has ``plan_id``, ``status``, ``status_reason``,
``progress``, ``target``, ``results`` with their sources, and so on. Imports neither Click nor Rich.

    import hrplan.api as hr

    hr.plans()                                        # every plan, in period order
    hr.goals("health", plan="nhrap-2012-2015")        # the goals of an area in one plan
    hr.goals(status=["not_met", "indeterminate"])     # filters, across every plan
    hr.goal("I.1.a", plan="nhrap-2012-2015")["status"]

The functions read the bundled plans (or ``HRPLAN_DATA``), loaded on first use; ``load(path)``
reads other plan files instead and returns them as a ``Plans`` object, whose methods are the same
functions, for working with two sets of files side by side. Errors are those of the command line:
``hrplan.errors.NotFound`` (an unknown area, plan, goal or tag, with the closest names) and
``hrplan.errors.PlanFileError`` (a plan file with problems); a filter value outside its vocabulary
is a ``ValueError``, an unknown filter a ``TypeError``.
"""

from __future__ import annotations

from hrplan.answers.records import Assessed, goal_record, plan_record
# The selection of plans, areas, tags and filters, which the command line calls here too.
from hrplan.answers.select import FILTERS, any_filter, plans as choose, select  # noqa: F401
from hrplan.core import model as m
from hrplan.core.areas import resolve_goal, resolve_id, select_plan
from hrplan.errors import NotFound


class Plans:
    """A set of loaded plans (``load``), in period order."""

    def __init__(self, plans: list[m.Plan]):
        self._plans = choose(plans)

    def __repr__(self) -> str:
        return f"<hrplan Plans: {', '.join(p.id for p in self._plans)}>"

    def plans(self) -> list[dict]:
        """Every plan: ``{id, title, title_zh, issuer, published, period, predecessor, successor,
        assessment, source_ids, file}``, in period order."""
        return [plan_record(p) for p in self._plans]

    def goals(self, area: str | None = None, plan: str | None = None, **filters) -> list[dict]:
        """The goal records of ``area`` (a chapter, section, alias or theme, as on the command line;
        None: every goal) in ``plan`` (a plan id; None: every plan, in period order, each record
        naming its ``plan_id``), that pass ``filters`` (``FILTERS``): ``status``, ``reported``,
        ``tag`` (a value or a list of values), ``kind``, ``agreement``, ``binding``, ``origin``,
        ``quantified=True``. Across plans, a plan in which ``area`` is no name adds no goal."""
        chosen = self._plans if plan is None else choose(self._plans, plan)
        return [goal_record(s.plan, g, s.assessed) for s in select(chosen, area, **filters) for g in s.goals]

    def goal(self, id: str, plan: str | None = None) -> dict:
        """One goal record, with its computed ``status``, ``status_reason`` and ``progress``: in
        ``plan``, or ``PLAN:ID``, else in the latest plan that has a goal of that id."""
        if plan is not None:
            p = select_plan(self._plans, plan)
            return goal_record(p, resolve_goal(p, id), Assessed())
        kind, p, record = resolve_id(self._plans, id)
        if kind != "goal":
            raise NotFound("goal", id, hint=f"{id!r} is a {kind} of {p.id}, not a goal")
        return goal_record(p, record, Assessed())


_loaded: Plans | None = None


def load(data: str | None = None) -> Plans:
    """Load the plan files at ``data`` (a file or a directory; None: ``HRPLAN_DATA``, else the
    bundled plans); the module's functions use them from now on. Returns them as ``Plans``."""
    from hrplan.planfile.load import load_plans

    global _loaded
    _loaded = Plans(load_plans(data))
    return _loaded


def _current() -> Plans:
    return _loaded if _loaded is not None else load()


def plans() -> list[dict]:
    """Every loaded plan's record, in period order (see ``Plans.plans``)."""
    return _current().plans()


def goals(area: str | None = None, plan: str | None = None, **filters) -> list[dict]:
    """The goal records of an area, in one plan or every plan, that pass the filters (see
    ``Plans.goals``)."""
    return _current().goals(area, plan, **filters)


def goal(id: str, plan: str | None = None) -> dict:
    """One goal record with its status (see ``Plans.goal``)."""
    return _current().goal(id, plan)
