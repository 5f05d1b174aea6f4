"""The JSON contract of the answers about the series of plans (``plans``, ``indicators``,
``trend``, ``compare``): one TypedDict each, as in ``hrplan.contract.plan``, whose records they reuse.
Only the schema, the CSV writer and type checkers import this module.
"""

from __future__ import annotations

from typing import Literal, Optional, TypedDict

from hrplan.contract.records import (AbsenceRecord, Aggregate, BaselineRecord, Change, ClaimRecord, IndicatorRecord,
                                     NoteRecord, Op, Origin, PlanRecord, Qualifier, ReportedStatus, Status,
                                     TargetQualifier)
from hrplan.contract.plan import PlanEntry


class PlansAnswer(TypedDict):
    plan_count: int
    series: list[PlanEntry]


class IndicatorsAnswer(TypedDict):
    plans: list[str]
    area_id: Optional[str]
    indicator_count: int
    indicators: list[IndicatorRecord]


class TrendTarget(TypedDict):
    plan_id: str
    goal_id: str
    metric: str
    op: Op
    value: float
    unit: str
    year: int
    start_year: Optional[int]
    aggregate: Aggregate
    change: Optional[Change]
    base_year: Optional[int]
    baseline: Optional[BaselineRecord]
    ceiling: bool
    wording: Optional[str]
    qualifier: TargetQualifier
    tolerance: Optional[float]
    status: Status
    progress: Optional[float]
    reported_status: Optional[ReportedStatus]


class TrendResult(TypedDict):
    plan_id: str
    goal_id: str
    year: Optional[int]
    start_year: Optional[int]
    value: float
    unit: str
    qualifier: Qualifier
    change: Optional[Change]
    base_year: Optional[int]
    text: Optional[str]
    source: str
    url: Optional[str]
    origin: Optional[Origin]
    used: bool


class TrendNote(NoteRecord):
    plan_id: str


class TrendAnswer(TypedDict):
    indicator: IndicatorRecord
    targets: list[TrendTarget]
    results: list[TrendResult]
    other_measures: list[TrendResult]
    plan_notes: list[TrendNote]


class ComparedIndicator(TypedDict):
    indicator: IndicatorRecord
    older_targets: list[TrendTarget]
    newer_targets: list[TrendTarget]
    target_change: Optional[Literal["raised", "lowered", "same"]]
    ambition: Optional[Literal["more", "less", "same"]]
    compared_as: Optional[str]
    absent_in: Optional[AbsenceRecord]
    other_results: list[TrendResult]


class CompareAnswer(TypedDict):
    older: PlanRecord
    newer: PlanRecord
    area_id: Optional[str]
    area_titles: dict[str, Optional[str]]
    in_both: list[ComparedIndicator]
    dropped: list[ComparedIndicator]
    new: list[ComparedIndicator]
    not_found_in_newer: list[ComparedIndicator]
    not_found_in_older: list[ComparedIndicator]
    older_claims: list[ClaimRecord]
    newer_claims: list[ClaimRecord]
