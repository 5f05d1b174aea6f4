"""The JSON contract of the answers across every plan (``--plan all`` on ``goals``, ``quotas``,
``progress``, ``notes``, ``sources`` and ``export``): the one-plan answer's list, every plan's
rows in period order, each row naming its plan (``plan_id``). As every answer about several
plans, each has ``plans``, the ids of the plans it covers, in place of ``plan``; and
``area_id``, the AREA given (None: every goal), in place of ``area``, since an area is a record
of one plan.
"""

from __future__ import annotations

from typing import Optional, TypedDict

from hrplan.contract.plan import ExportAnswer, KeyFigure
from hrplan.contract.records import GoalRecord, NoteRecord, SourceRecord


class PlanNote(NoteRecord):
    """A note with the plan it belongs to."""

    plan_id: str


class PlanSource(SourceRecord):
    """A source of the register with its plan and how often that plan cites it (``cited_by`` of
    the one-plan answer)."""

    plan_id: str
    cited_by: int


class GoalsAcrossAnswer(TypedDict):
    plans: list[str]
    area_id: Optional[str]
    goal_count: int
    goals: list[GoalRecord]


class ProgressAcrossAnswer(TypedDict):
    plans: list[str]
    area_id: Optional[str]
    quantified_count: int
    key_figures: list[KeyFigure]


class NotesAcrossAnswer(TypedDict):
    plans: list[str]
    area_id: Optional[str]
    note_count: int
    notes: list[PlanNote]


class SourcesAcrossAnswer(TypedDict):
    plans: list[str]
    source_count: int
    sources: list[PlanSource]


class ExportAcrossAnswer(TypedDict):
    """Every plan's export, whole, in period order (the CSV and NDJSON forms write their goals one
    after the other); ``goal_count``: the goals of them all."""

    plans: list[str]
    goal_count: int
    exports: list[ExportAnswer]
