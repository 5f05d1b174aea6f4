"""hrplan from Python, for notebooks and scripts: what the command line answers, as the same data.
Every function returns the TypedDicts of the JSON contract (``hrplan.contract``; ``hrplan schema
NAME``), annotated, so that a type checker (the package ships ``py.typed``) and an editor know each
key: a goal record (``GoalRecord``) has ``plan_id``, ``status``, ``status_reason``, ``progress``,
``target``, ``results`` with their sources, and so on. Imports neither Click nor Rich.

    import hrplan.api as hr

    hr.plans()                                        # every plan, in period order
    hr.goals("health", plan="nhrap-2012-2015")        # the goals of an area in one plan
    hr.goals(status=["not_met", "indeterminate"])     # filters, across every plan
    hr.goal("I.1.a", plan="nhrap-2012-2015")["status"]
    hr.results("I.1", plan="nhrap-2012-2015")         # the goals' reported results, a record each
    hr.sources(plan="nhrap-2012-2015")                # as `hrplan sources --json`
    hr.indicators(), hr.trend("urban-jobs"), hr.compare("nhrap-2012-2015", "nhrap-2016-2020")
    hr.STATUSES                                       # the computed statuses, in the method's order

``plans``, ``goals`` and ``results`` return lists of records (for ``pandas.DataFrame``); the
others return the answer of their command whole, as ``--json`` prints it. Each calls the builder
of ``hrplan.answers`` that the command calls, so the two cannot differ.

The functions read the bundled plans (or ``HRPLAN_DATA``), loaded on first use; ``load(path)``
reads other plan files instead and returns them as a ``Plans`` object, whose methods are the same
functions, for working with two sets of files side by side. Errors are those of the command line:
``hrplan.errors.NotFound`` (an unknown area, plan, goal, tag, source or indicator, with the closest
names), ``hrplan.errors.UsageError`` (``compare`` of a plan with itself) and
``hrplan.errors.PlanFileError`` (a plan file with problems); a filter value outside its vocabulary
is a ``ValueError``, an unknown filter a ``TypeError``.
"""

from __future__ import annotations

from typing import Sequence, Union, cast

from hrplan.answers import plan as _answers, series as _series
from hrplan.answers.records import Assessed, goal_record, plan_record
# The selection of plans, areas, tags and filters: the one the command line calls too.
from hrplan.answers.select import FILTERS, any_filter, plans as choose, select  # noqa: F401
from hrplan.contract.plan import ShowSourceAnswer, SourcesAnswer
from hrplan.contract.records import GoalRecord, GoalResult, PlanRecord, ReportedStatus, Status
from hrplan.contract.series import CompareAnswer, IndicatorsAnswer, TrendAnswer
from hrplan.core import model as m
from hrplan.core.areas import open_id, resolve_goal, resolve_id, select_plan
from hrplan.core import statuses as _statuses
from hrplan.errors import NotFound

# The computed statuses in the order of the method's table (``hrplan methodology``: achieved, then
# missed, under way, unknown, unquantified), and the reported ones; ``REPORTED_NONE``, "none", is
# the filter and count of goals that no source reports on.
STATUSES = cast("tuple[Status, ...]", _statuses.STATUSES)
REPORTED_STATUSES = cast("tuple[ReportedStatus, ...]", _statuses.REPORTED_STATUSES)
REPORTED_NONE: str = _statuses.REPORTED_NONE

# The value of a filter (``FILTERS``): a word, several words (any of them), or True.
Filter = Union[str, Sequence[str], bool, None]


class Plans:
    """A set of loaded plans (``load``), in period order, with the indicator registry of their
    data (read when first needed)."""

    def __init__(self, plans: list[m.Plan], data: str | None = None):
        self._plans = choose(plans)
        self._data = data
        self._registry: dict[str, m.Indicator] | None = None

    def __repr__(self) -> str:
        return f"<hrplan Plans: {', '.join(p['id'] for p in self.plans())}>"

    def _indicators(self) -> dict[str, m.Indicator]:
        if self._registry is None:
            from hrplan.planfile.registry import load_registry

            self._registry = load_registry(self._data)
        return self._registry

    def plans(self) -> list[PlanRecord]:
        """Every plan: ``{id, title, title_zh, issuer, published, period, predecessor, successor,
        assessment, source_ids, file}``, in period order."""
        return [plan_record(p) for p in self._plans]

    def goals(self, area: str | None = None, plan: str | None = None, **filters: Filter) -> list[GoalRecord]:
        """The goal records of ``area`` (a chapter, section, alias or theme, as on the command line;
        None: every goal) in ``plan`` (a plan id; None or ``"all"``: every plan, in period order, each
        record naming its ``plan_id``), that pass ``filters`` (``FILTERS``): ``status``, ``reported``,
        ``tag`` (a value or a list of values), ``kind``, ``agreement``, ``binding``, ``origin``,
        ``quantified=True``. Across plans, a plan in which ``area`` is no name adds no goal."""
        chosen = self._plans if plan is None else choose(self._plans, plan)
        return [goal_record(s.plan, g, s.assessed) for s in select(chosen, area, **filters) for g in s.goals]

    def goal(self, id: str, plan: str | None = None) -> GoalRecord:
        """One goal record, with its computed ``status``, ``status_reason`` and ``progress``: in
        ``plan``, or ``PLAN:ID``, else in the latest plan that has a goal of that id."""
        if plan is not None:
            p = select_plan(self._plans, plan)
            return goal_record(p, resolve_goal(p, id), Assessed())
        kind, p, record = resolve_id(self._plans, id)
        if kind != "goal":
            raise NotFound("goal", id, hint=f"{id!r} is a {kind} of {plan_record(p)['id']}, not a goal")
        return goal_record(p, record, Assessed())

    def results(self, area: str | None = None, plan: str | None = None, **filters: Filter) -> list[GoalResult]:
        """Every reported result of the goals that ``goals`` gives for the same arguments, in their
        order: a result record (``year``, ``value``, ``unit``, ``qualifier``, ``source``, ``url``,
        ``used``...) that names its ``plan_id`` and ``goal_id``, one row per figure or text."""
        return [{"plan_id": g["plan_id"], "goal_id": g["id"], **r}
                for g in self.goals(area, plan, **filters) for r in g["results"]]

    def sources(self, plan: str | None = None) -> SourcesAnswer:
        """The source register of ``plan`` (default: the latest plan, as ``hrplan sources``): every
        document cited, with its address, and ``cited_by`` (source id -> how often it is cited)."""
        return _answers.sources(select_plan(self._plans, plan))

    def source(self, id: str, plan: str | None = None) -> ShowSourceAnswer:
        """One source and every goal, claim and figure that cites it, as ``hrplan sources ID``: in
        ``plan``, or ``PLAN:ID``, else in the latest plan that holds it; ``also_in`` names the others."""
        return _answers.show_any(*open_id(self._plans, id, plan, ("source",)))

    def indicators(self, area: str | None = None, plan: str | None = None) -> IndicatorsAnswer:
        """The indicators that link targets across the plans (only ``plan``, if given), with the
        plans that target each; with ``area``, those of the area's goals (``hrplan indicators``)."""
        chosen = self._plans if plan is None else choose(self._plans, plan)
        return _series.indicators_answer(chosen, self._indicators(), area)

    def trend(self, indicator: str, plan: str | None = None) -> TrendAnswer:
        """Every plan's target for ``indicator`` (an id or alias) and every reported figure, by
        year, with its source (``hrplan trend``)."""
        chosen = self._plans if plan is None else choose(self._plans, plan)
        registry = self._indicators()
        return _series.trend(chosen, _series.resolve_indicator(registry, indicator))

    def compare(self, first: str, second: str, area: str | None = None) -> CompareAnswer:
        """Two plans side by side (``hrplan compare``): the targets carried over (raised, lowered,
        the same), new and dropped, in ``area`` if given."""
        return _series.compare(self._plans, self._indicators(), first, second, area)


_loaded: Plans | None = None


def load(data: str | None = None) -> Plans:
    """Load the plan files at ``data`` (a file or a directory; None: ``HRPLAN_DATA``, else the
    bundled plans); the module's functions use them from now on. Returns them as ``Plans``."""
    from hrplan.planfile.load import load_plans

    global _loaded
    _loaded = Plans(load_plans(data), data)
    return _loaded


def _current() -> Plans:
    return _loaded if _loaded is not None else load()


def plans() -> list[PlanRecord]:
    """Every loaded plan's record, in period order (see ``Plans.plans``)."""
    return _current().plans()


def goals(area: str | None = None, plan: str | None = None, **filters: Filter) -> list[GoalRecord]:
    """The goal records of an area, in one plan or every plan, that pass the filters (see
    ``Plans.goals``)."""
    return _current().goals(area, plan, **filters)


def goal(id: str, plan: str | None = None) -> GoalRecord:
    """One goal record with its status (see ``Plans.goal``)."""
    return _current().goal(id, plan)


def results(area: str | None = None, plan: str | None = None, **filters: Filter) -> list[GoalResult]:
    """The reported results of the goals ``goals`` gives, a record each (see ``Plans.results``)."""
    return _current().results(area, plan, **filters)


def sources(plan: str | None = None) -> SourcesAnswer:
    """The source register of a plan (see ``Plans.sources``)."""
    return _current().sources(plan)


def source(id: str, plan: str | None = None) -> ShowSourceAnswer:
    """One source and what cites it (see ``Plans.source``)."""
    return _current().source(id, plan)


def indicators(area: str | None = None, plan: str | None = None) -> IndicatorsAnswer:
    """The indicators that link targets across plans (see ``Plans.indicators``)."""
    return _current().indicators(area, plan)


def trend(indicator: str, plan: str | None = None) -> TrendAnswer:
    """One indicator across the plans: targets and figures (see ``Plans.trend``)."""
    return _current().trend(indicator, plan)


def compare(first: str, second: str, area: str | None = None) -> CompareAnswer:
    """Two plans side by side (see ``Plans.compare``)."""
    return _current().compare(first, second, area)
