"""The JSON contract of the answers about one plan, one TypedDict each, made of the records of
``hrplan.contract.records``. ``hrplan.answers.plan`` builds them; ``hrplan schema`` generates the
JSON Schema of each command's output from them (``hrplan.contract.jsonschema``); the flat columns
of CSV, SQLite and the data package are derived from them (``hrplan.contract.columns``); the
tests check every command's real output against them.

One name and one shape per thing: ``plan`` is always a ``PlanRecord``; ``goals`` always a list
of ``GoalRecord`` and ``goal`` one; a reference is ``<thing>_id``; a count ``<thing>_count``;
status counts are ``status_counts`` (every status, zeros included); years are integers. Every
key is always present (``Optional`` means the value may be null).

Only the schema, the CSV writer and type checkers import this module: creating TypedDicts costs
a few milliseconds at start-up, and start-up time is hrplan's speed.
"""

from __future__ import annotations

from typing import Literal, Optional, TypedDict

from hrplan.contract.records import (Agreement, AreaRecord, Category, ClaimRecord, CoverageRecord, GoalRecord,
                                     IndicatorRecord, NoteRecord, PlanRecord, ReportedStatus, ReportedStatusCounts,
                                     ResultRecord, SourceRecord, StatedSizeRecord, Status, StatusCounts, TargetRecord,
                                     WorkingRecord)


# ------------------------------------------------------------------------------------ answers

class ChapterRecord(TypedDict):
    id: str
    title: str
    title_zh: Optional[str]
    aliases: list[str]
    coverage: Optional[str]
    coverage_note: Optional[str]
    goal_count: int
    quantified_count: int
    with_results_count: int
    status_counts: StatusCounts


class SectionRecord(TypedDict):
    id: str
    chapter: str
    title: str
    title_zh: Optional[str]
    aliases: list[str]
    coverage: Optional[str]
    coverage_note: Optional[str]
    goal_count: int
    quantified_count: int


class ThemeRecord(TypedDict):
    id: str
    title: str
    aliases: list[str]
    definition: str
    section_ids: list[str]
    tags: list[str]
    goal_ids: list[str]
    goal_count: int
    quantified_count: int


class Differing(TypedDict):
    goal_id: str
    status: Status
    reported_status: Optional[ReportedStatus]


class KeyFigure(TypedDict):
    plan_id: str
    goal_id: str
    chapter: str
    section: Optional[str]
    section_title: str
    metric: str
    target: TargetRecord
    latest: Optional[ResultRecord]
    value: Optional[float]
    status: Status
    progress: Optional[float]
    reported_status: Optional[ReportedStatus]
    agreement: Optional[Agreement]


class SearchMatch(TypedDict):
    kind: Literal["goal", "claim", "note", "indicator"]
    plan_id: str
    goal_id: Optional[str]
    claim_id: Optional[str]
    indicator_id: Optional[str]
    score: int
    fields: list[str]
    field: str
    snippet: str


class SummaryAnswer(TypedDict):
    plan: PlanRecord
    period_state: Optional[str]  # computed from today's date: "period ended 2025; no assessment on record"
    commitment_count: int
    finding_count: int
    stated_size: Optional[StatedSizeRecord]
    coverage_note: str
    goal_count: int
    quantified_count: int
    with_results_count: int
    status_counts: StatusCounts
    reported_status_counts: ReportedStatusCounts
    chapters: list[ChapterRecord]
    coverage_by_section: list[CoverageRecord]
    claims: list[ClaimRecord]
    differing: list[Differing]


class AreasAnswer(TypedDict):
    plan: PlanRecord
    chapters: list[ChapterRecord]
    sections: list[SectionRecord]
    themes: list[ThemeRecord]
    coverage_by_section: list[CoverageRecord]


class GoalsAnswer(TypedDict):
    plan: PlanRecord
    area: AreaRecord
    coverage_by_section: list[CoverageRecord]
    goal_count: int
    goals: list[GoalRecord]


class StatsAnswer(TypedDict):
    plan: PlanRecord
    area: AreaRecord
    goal_count: int
    quantified_count: int
    with_results_count: int
    status_counts: StatusCounts
    quantified_status_counts: StatusCounts
    reported_status_counts: ReportedStatusCounts
    claims: list[ClaimRecord]
    key_figures: list[KeyFigure]
    differing: list[Differing]
    coverage_by_section: list[CoverageRecord]
    goals: list[GoalRecord]


class ProgressAnswer(TypedDict):
    plan: PlanRecord
    area: AreaRecord
    coverage_by_section: list[CoverageRecord]
    quantified_count: int
    key_figures: list[KeyFigure]


class ShowAnswer(TypedDict):
    kind: Literal["goal"]
    plan: PlanRecord
    goal: GoalRecord
    working: WorkingRecord
    chapter_title: str
    section_title: Optional[str]
    section_coverage: Optional[str]
    coverage_by_section: list[CoverageRecord]
    also_in: list[str]  # the other plans that hold the same id


class ShowClaimAnswer(TypedDict):
    kind: Literal["claim"]
    plan: PlanRecord
    claim: ClaimRecord
    also_in: list[str]  # the other plans that hold the same id


class Citation(TypedDict):
    goal_id: Optional[str]
    claim_id: Optional[str]
    role: Literal["plan text", "result", "see also", "note", "claim", "plan"]
    year: Optional[int]
    start_year: Optional[int]
    value: Optional[float]
    unit: Optional[str]
    text: Optional[str]


class ShowSourceAnswer(TypedDict):
    kind: Literal["source"]
    plan: PlanRecord
    source: SourceRecord
    citation_count: int
    citations: list[Citation]
    also_in: list[str]  # the other plans that hold the same id


class PlanEntry(TypedDict):
    """A plan with its size and counts (``plans``, ``show PLAN``)."""

    plan: PlanRecord
    stated_size: Optional[StatedSizeRecord]
    coverage_note: str
    goal_count: int
    quantified_count: int
    with_results_count: int
    status_counts: StatusCounts
    claims: list[ClaimRecord]


class ShowPlanAnswer(PlanEntry):
    kind: Literal["plan"]
    coverage_by_section: list[CoverageRecord]
    also_in: list[str]  # the other plans that hold the same id


class TagRecord(TypedDict):
    tag: str
    goal_count: int


class TagsAnswer(TypedDict):
    plan: PlanRecord
    tag_count: int
    tag_counts: list[TagRecord]


class SearchAnswer(TypedDict):
    plans: list[str]
    query: str
    terms: list[str]
    field: Optional[str]
    only_titles: bool
    goal_count: int
    goals: list[GoalRecord]
    claims: list[ClaimRecord]
    notes: list[NoteRecord]
    indicators: list[IndicatorRecord]
    matches: list[SearchMatch]


class SourcesAnswer(TypedDict):
    plan: PlanRecord
    source_count: int
    sources: list[SourceRecord]
    cited_by: dict[str, int]


class NotesAnswer(TypedDict):
    plan: PlanRecord
    area: AreaRecord
    note_count: int
    notes: list[NoteRecord]


class ProblemRecord(TypedDict):
    file: str
    path: str
    line: Optional[int]
    column: Optional[int]
    severity: Literal["error", "warning"]
    message: str
    text: str


class ValidateAnswer(TypedDict):
    ok: bool
    file_count: int
    error_count: int
    warning_count: int
    problems: list[ProblemRecord]
    skipped: list[str]  # files of a directory that are not plans (no [plan] table)


class StatusDefinition(TypedDict):
    name: Status
    rank: Optional[int]
    category: Category
    colour: str
    legend: str


class ReportedDefinition(TypedDict):
    name: str
    legend: str
    agrees_with: list[Status]


class Thresholds(TypedDict):
    approximation: float
    on_track: float
    needs_acceleration: float


class MethodologyAnswer(TypedDict):
    text: str
    thresholds: Thresholds
    statuses: list[StatusDefinition]
    reported_statuses: list[ReportedDefinition]


class HelpStatusesAnswer(TypedDict):
    topic: Literal["statuses"]
    statuses: list[StatusDefinition]
    reported_statuses: list[ReportedDefinition]


class ExitCodeRecord(TypedDict):
    code: int
    meaning: str


class HelpExitCodesAnswer(TypedDict):
    topic: Literal["exit-codes"]
    exit_codes: list[ExitCodeRecord]


class ExportAnswer(TypedDict):
    plan: PlanRecord
    sources: list[SourceRecord]
    chapters: list[ChapterRecord]
    sections: list[SectionRecord]
    themes: list[ThemeRecord]
    coverage_by_section: list[CoverageRecord]
    goals: list[GoalRecord]
    claims: list[ClaimRecord]
    notes: list[NoteRecord]


