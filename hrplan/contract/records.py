"""The JSON contract's records, which every answer is made of: a plan, a source, a note, a
target, a result, a goal, a claim, an area and its coverage, an absence, one TypedDict each (the
rules of the contract are in ``hrplan.contract.plan``'s docstring)."""

from __future__ import annotations

from typing import Literal, Optional, TypedDict

from hrplan.core import model as m
from hrplan.core.coverage import ABSENCES, READINGS
from hrplan.core.statuses import REPORTED_NONE, REPORTED_STATUSES, STATUSES


Status = Literal[STATUSES]
ReportedStatus = Literal[REPORTED_STATUSES]
Agreement = Literal["agrees", "differs"]
Origin = Literal["assessment", "plan", "other_official"]
StatusCounts = TypedDict("StatusCounts", {s: int for s in STATUSES})
ReportedStatusCounts = TypedDict("ReportedStatusCounts", {s: int for s in (*REPORTED_STATUSES, REPORTED_NONE)})


class PlanRecord(TypedDict):
    id: str
    title: str
    title_zh: Optional[str]
    issuer: Optional[str]
    published: Optional[str]
    period: list[int]
    predecessor: Optional[str]
    successor: Optional[str]
    assessment: Optional[str]
    source_ids: list[str]
    file: str


class SourceRecord(TypedDict):
    id: str
    title: str
    publisher: str
    date: Optional[str]
    url: Optional[str]
    kind: Literal[m.SOURCE_KINDS]
    document: Literal[m.DOCUMENTS]
    language: Optional[str]
    mirror: bool
    note: Optional[str]


class NoteRecord(TypedDict):
    kind: Literal[m.NOTE_KINDS]
    text: str
    source_ids: list[str]
    urls: list[str]
    goal_id: Optional[str]
    claim_id: Optional[str]


class BaselineRecord(TypedDict):
    value: float
    year: int


class TargetRecord(TypedDict):
    metric: str
    unit: str
    op: Literal[m.OPS]
    value: float
    year: int
    start_year: Optional[int]
    baseline: Optional[BaselineRecord]
    binding: Optional[Literal[m.BINDING]]
    ceiling: bool
    aggregate: Literal[m.AGGREGATES]
    wording: Optional[str]
    change: Optional[Literal[m.CHANGES]]
    base_year: Optional[int]
    qualifier: Literal[m.TARGET_QUALIFIERS]
    tolerance: Optional[float]


class ResultRecord(TypedDict):
    year: Optional[int]
    start_year: Optional[int]
    value: Optional[float]
    unit: Optional[str]
    qualifier: Literal[m.QUALIFIERS]
    text: Optional[str]
    source: str
    url: Optional[str]
    origin: Optional[Origin]
    locator: Optional[str]
    see_also: list[str]
    note: Optional[str]
    used: bool
    change: Optional[Literal[m.CHANGES]]
    base_year: Optional[int]


class GoalRecord(TypedDict):
    id: str
    plan_id: str
    chapter: str
    section: Optional[str]
    kind: Literal[m.GOAL_KINDS]
    text: str
    tags: list[str]
    target: Optional[TargetRecord]
    results: list[ResultRecord]
    latest: Optional[ResultRecord]
    status: Status
    status_reason: str
    progress: Optional[float]
    agreement: Optional[Agreement]
    reported_status: Optional[ReportedStatus]
    reported_wording: Optional[str]
    sources: list[SourceRecord]
    plan_source_ids: list[str]
    notes: list[NoteRecord]
    indicator_id: Optional[str]


class YearSpan(TypedDict):
    start_year: Optional[int]
    year: Optional[int]


class WorkingRecord(TypedDict):
    method: Optional[Literal["final", "early", "interim"]]
    value: Optional[float]
    year: Optional[int]
    baseline: Optional[str]
    required_rate: Optional[float]
    observed_rate: Optional[float]
    ratio: Optional[float]
    results_used: list[YearSpan]
    reason: str


class AreaRecord(TypedDict):
    id: str
    kind: Literal["plan", "chapter", "section", "theme"]
    title: str
    title_zh: Optional[str]
    definition: Optional[str]
    coverage: Optional[Literal[m.COVERAGE]]


class ClaimData(TypedDict):
    quantified_count: int
    counted_count: int
    share: Optional[float]
    agreement: Optional[Literal["consistent", "differs"]]
    unknown_count: int
    known_count: int
    share_known: Optional[float]
    agreement_known: Optional[Literal["consistent", "differs"]]
    caveats: list[str]


class ClaimRecord(TypedDict):
    id: str
    text: str
    area_id: Optional[str]
    binding: Optional[Literal[m.BINDING]]
    share: Optional[float]
    qualifier: Literal[m.QUALIFIERS]
    counted_statuses: list[Status]
    reported_status: Optional[ReportedStatus]
    source_ids: list[str]
    urls: list[str]
    results: list[ResultRecord]
    notes: list[NoteRecord]
    data: Optional[ClaimData]


Reading = Literal[READINGS]


class CoverageRecord(TypedDict):
    section: str
    kind: Literal["section", "chapter"]
    title: str
    coverage: Optional[Literal[m.COVERAGE]]
    read: Reading
    coverage_note: Optional[str]


class AbsenceRecord(TypedDict):
    plan_id: str
    absence: Literal[ABSENCES]
    absence_text: str
    read: Reading
    sections: list[CoverageRecord]


class StatedSizeRecord(TypedDict):
    value: float
    unit: str
    qualifier: Literal[m.QUALIFIERS]
    source_ids: list[str]
    note: Optional[str]


class IndicatorRecord(TypedDict):
    id: str
    title: str
    title_zh: Optional[str]
    unit: str
    direction: Literal[m.DIRECTIONS]
    definition: str
    note: Optional[str]
    plans: list[str]
    result_plans: list[str]
    no_target: list[AbsenceRecord]
    goal_count: int
