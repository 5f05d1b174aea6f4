"""The JSON contract's records, which every answer is made of: a plan, a source, a note, a
target, a result, a goal, a claim, an area and its coverage, an absence, one TypedDict each (the
rules of the contract are in ``hrplan.contract.plan``'s docstring)."""

from __future__ import annotations

from typing import Literal, Optional, TypedDict

from hrplan.core import model as m, statuses
from hrplan.core.coverage import ABSENCES, READINGS

# The vocabularies, spelled out so that a type checker reads them (``Literal[TUPLE]`` is for the
# interpreter only); each is the tuple of ``hrplan.core`` named beside it, in its order, and
# ``VOCABULARIES`` pairs them for the test that keeps the two the same. The statuses are in the
# order of the method's table (``hrplan.core.statuses.TABLE``), the achieved first.
Status = Literal["surpassed", "met", "not_met", "on_track", "needs_acceleration", "limited_progress",
                 "deterioration", "indeterminate", "no_data", "not_quantified"]
ReportedStatus = Literal["surpassed", "met", "in_progress", "not_met", "not_stated"]
Op = Literal[">=", ">", "<=", "<", "=="]
Aggregate = Literal["end", "mean", "total"]
Qualifier = Literal["exact", "more_than", "at_least", "less_than", "at_most", "about", "nearly"]
TargetQualifier = Literal["exact", "about"]
Binding = Literal["binding", "expected"]
Coverage = Literal["full", "partial", "summary", "none"]
SourceKind = Literal["plan_text", "assessment_report", "news_summary", "official_statistics", "white_paper",
                     "article"]
Document = Literal["plan", "assessment", "other"]
NoteKind = Literal["note", "data_quality", "conflict", "context", "method"]
GoalKind = Literal["commitment", "finding"]
Change = Literal["absolute", "percent", "multiple"]
Direction = Literal["higher", "lower"]
Category = Literal["achieved", "under_way", "missed", "unknown", "unquantified"]
Reading = Literal["whole", "part", "not_read", "not_stated"]
Absence = Literal["not_targeted", "not_found"]
VOCABULARIES = {
    Status: statuses.STATUSES, ReportedStatus: statuses.REPORTED_STATUSES, Op: m.OPS, Aggregate: m.AGGREGATES,
    Qualifier: m.QUALIFIERS, TargetQualifier: m.TARGET_QUALIFIERS, Binding: m.BINDING, Coverage: m.COVERAGE,
    SourceKind: m.SOURCE_KINDS, Document: m.DOCUMENTS, NoteKind: m.NOTE_KINDS, GoalKind: m.GOAL_KINDS,
    Change: m.CHANGES, Direction: m.DIRECTIONS, Category: statuses.CATEGORIES,
    Reading: READINGS, Absence: ABSENCES,
}
Agreement = Literal["agrees", "differs"]
Origin = Literal["assessment", "plan", "other_official"]


class StatusCounts(TypedDict):
    """How many goals have each computed status: every status, zeros included, in method order."""

    surpassed: int
    met: int
    not_met: int
    on_track: int
    needs_acceleration: int
    limited_progress: int
    deterioration: int
    indeterminate: int
    no_data: int
    not_quantified: int


class ReportedStatusCounts(TypedDict):
    """How many goals have each reported status, and ``none``: no source reports on the goal."""

    surpassed: int
    met: int
    in_progress: int
    not_met: int
    not_stated: int
    none: int


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
    kind: SourceKind
    document: Document
    language: Optional[str]
    mirror: bool
    note: Optional[str]


class NoteRecord(TypedDict):
    kind: NoteKind
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
    op: Op
    value: float
    year: int
    start_year: Optional[int]
    baseline: Optional[BaselineRecord]
    binding: Optional[Binding]
    ceiling: bool
    aggregate: Aggregate
    wording: Optional[str]
    change: Optional[Change]
    base_year: Optional[int]
    qualifier: TargetQualifier
    tolerance: Optional[float]


class ResultRecord(TypedDict):
    year: Optional[int]
    start_year: Optional[int]
    value: Optional[float]
    unit: Optional[str]
    qualifier: Qualifier
    text: Optional[str]
    source: str
    url: Optional[str]
    origin: Optional[Origin]
    locator: Optional[str]
    see_also: list[str]
    note: Optional[str]
    used: bool
    change: Optional[Change]
    base_year: Optional[int]


class GoalResult(ResultRecord):
    """A result of a goal, naming its plan and its goal: a row of ``hrplan.api.results``."""

    plan_id: str
    goal_id: str


class GoalRecord(TypedDict):
    id: str
    plan_id: str
    chapter: str
    section: Optional[str]
    kind: GoalKind
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
    coverage: Optional[Coverage]


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
    binding: Optional[Binding]
    share: Optional[float]
    qualifier: Qualifier
    counted_statuses: list[Status]
    reported_status: Optional[ReportedStatus]
    source_ids: list[str]
    urls: list[str]
    results: list[ResultRecord]
    notes: list[NoteRecord]
    data: Optional[ClaimData]


class CoverageRecord(TypedDict):
    section: str
    kind: Literal["section", "chapter"]
    title: str
    coverage: Optional[Coverage]
    read: Reading
    coverage_note: Optional[str]


class AbsenceRecord(TypedDict):
    plan_id: str
    absence: Absence
    absence_text: str
    read: Reading
    sections: list[CoverageRecord]


class StatedSizeRecord(TypedDict):
    value: float
    unit: str
    qualifier: Qualifier
    source_ids: list[str]
    note: Optional[str]


class IndicatorRecord(TypedDict):
    id: str
    title: str
    title_zh: Optional[str]
    unit: str
    direction: Direction
    definition: str
    note: Optional[str]
    plans: list[str]
    result_plans: list[str]
    no_target: list[AbsenceRecord]
    goal_count: int
