"""The typed records of a plan: plain data, no behaviour beyond small derived properties.

Records are built by ``hrplan.load`` from validated plan files; every field mirrors a key of the
plan-file format documented in ``docs/format.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Vocabularies (one definition each; the validator and the docs use these).
OPS = (">=", ">", "<=", "<", "==")
AGGREGATES = ("end", "mean", "total")
QUALIFIERS = ("exact", "more_than", "at_least", "less_than", "at_most", "about", "nearly")
REPORTED_STATUSES = ("surpassed", "met", "in_progress", "not_met", "not_stated")
BINDING = ("binding", "expected")
COVERAGE = ("full", "partial", "summary", "none")
SOURCE_KINDS = (
    "plan_text",
    "assessment_report",
    "news_summary",
    "official_statistics",
    "white_paper",
    "article",
)
DOCUMENTS = ("plan", "assessment", "other")
NOTE_KINDS = ("note", "data_quality", "conflict", "context", "method")
GOAL_KINDS = ("commitment", "finding")
STATUSES = (
    "surpassed",
    "met",
    "not_met",
    "on_track",
    "needs_acceleration",
    "limited_progress",
    "deterioration",
    "indeterminate",
    "no_data",
    "not_quantified",
)


@dataclass(slots=True)
class Source:
    id: str
    title: str
    publisher: str
    kind: str
    document: str  # which document the page carries: plan, assessment or other
    url: str | None = None
    date: str | None = None
    language: str | None = None
    mirror: bool = False
    note: str | None = None


@dataclass(slots=True)
class Chapter:
    id: str
    title: str
    title_zh: str | None = None
    aliases: list[str] = field(default_factory=list)
    coverage: str | None = None
    coverage_note: str | None = None


@dataclass(slots=True)
class Section:
    id: str
    chapter: str
    title: str
    title_zh: str | None = None
    aliases: list[str] = field(default_factory=list)
    coverage: str | None = None
    coverage_note: str | None = None


@dataclass(slots=True)
class Theme:
    id: str
    title: str
    definition: str
    sections: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Baseline:
    value: float
    year: int


@dataclass(slots=True)
class Target:
    metric: str
    unit: str
    op: str
    value: float
    year: int
    start: int | None = None  # first year of the period the target covers, if any
    baseline: Baseline | None = None
    binding: str | None = None
    ceiling: bool = False
    aggregate: str = "end"
    wording: str | None = None

    @property
    def higher_is_better(self) -> bool | None:
        """True for '>=', '>'; False for '<=', '<'; None for '=='."""
        if self.op in (">=", ">"):
            return True
        if self.op in ("<=", "<"):
            return False
        return None


@dataclass(slots=True)
class Result:
    source: str
    year: int | None = None
    start: int | None = None  # first year when the figure covers a period (start..year)
    value: float | None = None
    unit: str | None = None
    qualifier: str = "exact"
    text: str | None = None
    locator: str | None = None
    note: str | None = None
    see_also: list[str] = field(default_factory=list)
    use: bool = True  # False: kept for the record, not used for the status (see note)
    aggregate: str | None = None  # set when the figure is itself a period mean or total


@dataclass(slots=True)
class Note:
    text: str
    kind: str = "note"
    sources: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Goal:
    id: str
    plan: str
    chapter: str
    section: str | None
    text: str
    kind: str = "commitment"
    tags: list[str] = field(default_factory=list)
    target: Target | None = None
    results: list[Result] = field(default_factory=list)
    reported_status: str | None = None
    reported_wording: str | None = None
    plan_sources: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


@dataclass(slots=True)
class Claim:
    id: str
    text: str
    area: str | None = None  # a theme or area id the claim speaks about; None: the whole plan
    binding: str | None = None  # the claim counts only targets a source labels so
    share: float | None = None  # percent
    qualifier: str = "exact"
    counts: list[str] = field(default_factory=list)  # computed statuses the claim counts as done
    reported_status: str | None = None
    sources: list[str] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


@dataclass(slots=True)
class Plan:
    id: str
    title: str
    file: str
    title_zh: str | None = None
    issuer: str | None = None
    published: str | None = None
    start: int | None = None
    end: int | None = None
    predecessor: str | None = None
    successor: str | None = None
    assessment: str | None = None  # source id of the assessment report, if any
    cited: list[str] = field(default_factory=list)  # sources of the plan's metadata
    sources: dict[str, Source] = field(default_factory=dict)
    chapters: dict[str, Chapter] = field(default_factory=dict)
    sections: dict[str, Section] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    goals: dict[str, Goal] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
