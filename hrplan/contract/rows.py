"""The rows of each command's CSV and NDJSON, and their columns: a list command's own records
(``goals``, ``sources``, ``notes``...), or, for an answer that is a table, a row type of its own
(``trend``: one row per target and per result; ``compare``: one row per target of a compared
indicator; ``areas``: one row per chapter, section and theme; ``plans``' CSV: one portable row per
plan). ``hrplan.answers.rows`` builds the rows; ``hrplan.render.csv_out`` writes them.

The CSV header is the columns of the row type (``hrplan.contract.columns``: nested records
flattened as ``key_subkey``), never the data: the same for every filter and every plan. Lists of
records (a goal's results, sources and notes) have no column: they are rows of their own in
``export``; NDJSON writes them whole.
"""

from __future__ import annotations

import typing
from typing import Literal, Optional, TypedDict

from hrplan.core import model as m
from hrplan.contract.columns import columns, fields, is_record
from hrplan.contract.records import Absence, GoalRecord, NoteRecord, PlanRecord, Reading, SourceRecord
from hrplan.contract.plan import ChapterRecord, Citation, KeyFigure, PlanEntry, SearchMatch, TagRecord
from hrplan.contract.series import IndicatorRecord, TrendResult, TrendTarget


def _either(*records) -> dict:
    """The keys of several records, in their order: each typed as in the records that have it,
    null allowed where one lacks it, two vocabularies (Literals) joined into one."""
    hints = [fields(r) for r in records]
    out = {}
    for key in dict.fromkeys(k for h in hints for k in h):
        types = [h[key] for h in hints if key in h]
        everywhere = len(types) == len(hints)
        if all(typing.get_origin(t) is Literal for t in types):
            types = [Literal[tuple(dict.fromkeys(v for t in types for v in typing.get_args(t)))]]
        out[key] = typing.Union[tuple(types)] if everywhere else typing.Union[(*types, type(None))]
    return out


_PLAN = list(fields(PlanRecord).items())
_PERIOD = [k for k, _ in _PLAN].index("period")

# A plan as one CSV row: its own keys, its period as two years (no file path), its counts, its
# claims by id.
PlanRow = TypedDict("PlanRow", {
    **dict(_PLAN[:_PERIOD]), "period_start": int, "period_end": int,
    **{k: v for k, v in _PLAN[_PERIOD + 1:] if k != "file"},
    **{k: v for k, v in fields(PlanEntry).items() if k not in ("plan", "claims")}, "claim_ids": list[str],
})

# A target (``kind`` target) or a reported figure (``kind`` result) of an indicator: the keys of
# both, each null in the kind that lacks it.
TrendRow = TypedDict("TrendRow", {"indicator_id": str, "kind": Literal["target", "result"],
                                  **_either(TrendTarget, TrendResult)})


# A target of an indicator compared between two plans, with what the comparison found; for an
# indicator one plan targets only, the other plan's absence (``absent_in`` of compare's JSON) and
# the number of its figures without a target (``other_results``).
CompareRow = TypedDict("CompareRow", {
    "group": Literal["in_both", "dropped", "new", "not_found_in_newer", "not_found_in_older"],
    "indicator_id": str, "indicator_title": str,
    "side": Literal["older", "newer"], **fields(TrendTarget),
    "target_change": Optional[Literal["raised", "lowered", "same"]],
    "ambition": Optional[Literal["more", "less", "same"]], "compared_as": Optional[str],
    "absent_plan_id": Optional[str], "absence": Optional[Absence], "absence_text": Optional[str],
    "absent_read": Optional[Reading], "other_result_count": int,
})


class AreaRow(TypedDict):
    """A chapter, a section or a theme of a plan."""

    plan_id: str
    kind: Literal["chapter", "section", "theme"]
    id: str
    chapter: Optional[str]
    title: str
    title_zh: Optional[str]
    aliases: list[str]
    coverage: Optional[Literal[m.COVERAGE]]
    coverage_note: Optional[str]
    section_ids: list[str]
    goal_count: int
    quantified_count: int


# A record of an answer about one plan, with its plan, so that the rows of several plans can be
# put together: a chapter (``summary``), a key figure (``stats``, ``progress``), a note, a source.
ChapterRow = TypedDict("ChapterRow", {"plan_id": str, **fields(ChapterRecord)})
KeyFigureRow = TypedDict("KeyFigureRow", {"plan_id": str, **fields(KeyFigure)})
NoteRow = TypedDict("NoteRow", {"plan_id": str, **fields(NoteRecord)})
SourceRow = TypedDict("SourceRow", {"plan_id": str, **fields(SourceRecord)})

# table name (a list command's records, or an answer's table) -> its row type
ROWS = {
    "goals": GoalRecord, "sources": SourceRow, "citations": Citation, "notes": NoteRow, "tag_counts": TagRecord,
    "matches": SearchMatch, "indicators": IndicatorRecord, "series": PlanRow, "trend": TrendRow,
    "compare": CompareRow, "areas": AreaRow, "summary": ChapterRow, "stats": KeyFigureRow, "progress": KeyFigureRow,
}


def _is_records(tp) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is list and bool(args) and is_record(args[0])


def csv_columns(table: str, picked: list[str] | None = None):
    """The CSV columns of a table; with ``picked`` (``--fields``), those keys' columns, in that
    order. A key whose value is a list of records has none (NDJSON has it)."""
    record = ROWS[table]
    skip = [k for k, tp in fields(record).items() if _is_records(tp)]
    out = columns(record, skip=skip)
    if picked is None:
        return out
    return [c for name in picked for c in out if c.path[0] == name]


def no_column(table: str, picked: list[str]) -> list[str]:
    """The keys of ``picked`` that have no CSV column (lists of records)."""
    hints = fields(ROWS[table])
    return [k for k in picked if _is_records(hints[k])]
