"""What each key of the contract's records means, in one sentence: the descriptions that the data
package gives its fields and the Datasette metadata its columns (``hrplan.contract.columns``
attaches them to the flat columns). One place per meaning: a key that means the same in every
record (``id``, ``title_zh``, ``goal_count``...) is described once in ``COMMON``; ``BY_RECORD``
holds what a record means by a key of its own. ``tests/functional/test_exports.py`` and
``test_datasette.py`` check that every column of every table has one.
"""

from __future__ import annotations

COMMON = {
    "id": "The record's id, unique within its plan.",
    "title": "The title, in English.",
    "title_zh": "The title in Chinese, where a source gives it.",
    "aliases": "Other names the record is found by (JSON array).",
    "coverage": "How much of the plan text of this part was read: full, partial, summary or none.",
    "coverage_note": "What the plan file holds of the plan text, in words.",
    "goal_count": "The number of goals.",
    "quantified_count": "The number of goals with a quantified target.",
    "with_results_count": "The number of goals with at least one reported result.",
    "source_ids": "The ids of the sources cited (JSON array).",
    "urls": "The addresses of the sources cited (JSON array).",
    "note": "A note on the record, in hrplan's words.",
    "text": "The text, in hrplan's own paraphrase of the source.",
    "unit": "The unit of the value.",
    "year": "The year the value is for (the last year of a period).",
    "start_year": "The first year, where the value is for a period of years.",
    "change": "Whether the value is a change from base_year (absolute, percent or multiple) rather than a level.",
    "base_year": "The year a change is counted from.",
    "qualifier": "How the source qualifies the figure: exact, more_than, at_least, less_than, at_most, about or nearly.",
    "binding": "Whether a source calls the target binding or expected, where it says so.",
    "reported_status": "The source's own verdict: surpassed, met, in_progress, not_met or not_stated; empty when none.",
    "definition": "What is meant, in hrplan's words.",
    "tags": "Topic tags (JSON array).",
    "chapter": "The id of the chapter.",
    "section": "The id of the section, if any.",
    "goal_id": "The id of the goal, within its plan.",
    "claim_id": "The id of the claim, within its plan.",
    "indicator_id": "The id of the indicator the target measures, linking targets of several plans.",
    "share": "A share, from 0 to 1.",
    "kind": "The kind of record.",
}

_STATUS = "The number of goals whose computed status is {}."

BY_RECORD = {
    "PlanRecord": {
        "id": "The plan's id, unique across the series (nhrap-2012-2015).",
        "title": "The plan's official English title.",
        "title_zh": "The plan's official Chinese title.",
        "issuer": "Who issued the plan.",
        "published": "The date the plan was published (YYYY-MM-DD).",
        "period": "The first and last year of the plan.",
        "predecessor": "The id of the plan before this one.",
        "successor": "The id of the plan after this one.",
        "assessment": "The id of the source that assessed the plan after its period, if any.",
        "source_ids": "The ids of the sources the plan's text was read in (JSON array).",
        "file": "The plan file read.",
    },
    "PlanEntry": {
        "stated_size": "The plan's size as a source states it (how many objectives or targets)",
        "coverage_note": "How much of the plan the file holds, in words.",
        "status_counts": "",
    },
    "StatedSizeRecord": {
        "value": "the figure.", "unit": "what is counted.", "qualifier": "how the source qualifies it.",
        "source_ids": "the sources that state it (JSON array).", "note": "a note on it.",
    },
    "SourceRecord": {
        "id": "The source's id, unique within its plan.",
        "title": "The source's title, as hrplan describes it.",
        "publisher": "Who published the source.",
        "date": "The date of publication (YYYY-MM-DD, or YYYY-MM or YYYY where no day is known).",
        "url": "The web address the source was read at.",
        "kind": "The kind of source (plan text, assessment report, white paper, news report...).",
        "document": "Which document the page carries: plan, assessment or other.",
        "language": "The language of the source (en, zh).",
        "mirror": "True for a repost on another site, a weaker source than the original.",
    },
    "ChapterRecord": {"id": "The chapter's id (a Roman numeral).", "title": "The chapter's title, in English."},
    "SectionRecord": {"id": "The section's id (chapter.number).", "chapter": "The id of its chapter.",
                      "title": "The section's title, in English."},
    "ThemeRecord": {
        "id": "The theme's id.", "title": "The theme's title.",
        "definition": "Which goals the theme holds, in words.",
        "section_ids": "The sections whose goals the theme holds (JSON array).",
        "tags": "The tags whose goals the theme holds (JSON array).",
        "goal_ids": "Goals the theme holds by id (JSON array).",
    },
    "GoalRecord": {
        "id": "The goal's id within its plan (I.1.a).",
        "kind": "commitment (a promise of the plan) or finding (a reported result that matches no commitment).",
        "text": "The commitment, in hrplan's own paraphrase of the plan.",
        "status": "hrplan's computed status, from the target and the results (hrplan methodology).",
        "status_reason": "How the status was computed, in words.",
        "progress": "How far the results went towards the target (1 = reached), where computable.",
        "agreement": "Whether the computed status agrees with the reported one: agrees or differs.",
        "reported_wording": "The source's wording of its verdict.",
        "plan_source_ids": "The sources the goal's plan text was read in (JSON array).",
        "target": "The goal's quantified target",
        "latest": "The goal's latest result with a figure (used ones first)",
    },
    "TargetRecord": {
        "metric": "What the target measures.",
        "unit": "The unit of the target value.",
        "op": "How a result is compared with the value: >=, >, <=, < or ==.",
        "value": "The target value (a change from base_year where change is given).",
        "year": "The year by which the target is to be reached.",
        "start_year": "The first year of the period the target covers.",
        "baseline": "The baseline the plan starts from",
        "ceiling": "True for a limit to stay within (unemployment below 5%).",
        "aggregate": "How a period's results count: end (the last figure), mean (a yearly average) or total.",
        "wording": "The plan's wording of the target.",
        "qualifier": "exact, or about for an approximate target.",
        "tolerance": "The margin within which an approximate target counts as reached, where a source states one.",
    },
    "BaselineRecord": {"value": "the value.", "year": "the year."},
    "ResultRecord": {
        "value": "The reported figure.",
        "text": "What the source reports, in hrplan's words.",
        "source": "The id of the source the result was read in.",
        "url": "The web address of that source.",
        "origin": "Where the result comes from: assessment, plan or other_official.",
        "locator": "Where in the source the figure stands.",
        "see_also": "Other sources giving the same figure (JSON array).",
        "used": "False for a figure kept for the record but not used for the status.",
    },
    "NoteRecord": {
        "kind": "The kind of note: note, data_quality, conflict, context or method.",
        "text": "The note, in hrplan's words.",
        "goal_id": "The goal the note is on, if any.",
        "claim_id": "The claim the note is on, if any.",
    },
    "ClaimRecord": {
        "id": "The claim's id within its plan (O.1).",
        "text": "The assessment's claim about the plan as a whole, in hrplan's words.",
        "area_id": "The area (chapter, section or theme) the claim is about, if any.",
        "binding": "The kind of target the claim counts (binding or expected), if it says.",
        "share": "The share of targets the claim states, from 0 to 1.",
        "qualifier": "How the claim qualifies its share.",
        "counted_statuses": "The computed statuses that count towards the claim (JSON array).",
        "data": "What hrplan's data shows for the same goals",
    },
    "ClaimData": {
        "quantified_count": "the quantified goals in the claim's area.",
        "counted_count": "those whose computed status counts towards the claim.",
        "share": "their share of the quantified goals.",
        "agreement": "whether that share is consistent with the claim or differs.",
        "unknown_count": "the goals with no computable status.",
        "known_count": "the goals with a computable status.",
        "share_known": "the counted goals' share of those with a computable status.",
        "agreement_known": "whether that share is consistent with the claim or differs.",
        "caveats": "what limits the comparison (JSON array).",
    },
    "IndicatorRecord": {
        "id": "The indicator's id, unique across the series.",
        "title": "What the indicator measures.",
        "unit": "The unit of its level.",
        "direction": "Whether a higher or a lower figure is better.",
        "definition": "What the indicator counts, in hrplan's words.",
        "plans": "The plans with a goal that targets it (JSON array).",
        "result_plans": "The plans with a reported figure of it (JSON array).",
        "goal_count": "The number of goals, in every plan, that name it.",
    },
}

# The keys that join the tables (``hrplan.answers.tables``), which no record has.
KEYS = {
    "key": "The row's key: PLAN:ID for a record of one plan, a number for a result or a note.",
    "plan_id": "The id of the plan the row belongs to.",
    "chapter_key": "The key of the chapter (chapters.key).",
    "section_key": "The key of the section (sections.key).",
    "goal_key": "The key of the goal (goals.key).",
    "claim_key": "The key of the claim (claims.key).",
    "source_key": "The key of the source it was read in (sources.key).",
    "assessment_key": "The key of the source that assessed the plan (sources.key).",
    "latest_result_key": "The key of the goal's latest result with a figure, used ones first (results.key).",
    "position": "The result's place among the results of its goal or claim.",
    "start_year": "The first year of the plan.",
    "end_year": "The last year of the plan.",
    "goal_id": "The id of the goal, within its plan.",
    "claim_id": "The id of the claim, within its plan.",
    "indicator_id": "The id of the indicator.",
}


def describe(record, key: str) -> str:
    """What ``key`` of the TypedDict ``record`` means ('' when nothing says)."""
    if record.__name__ == "StatusCounts" or record.__name__ == "ReportedStatusCounts":
        return _STATUS.format(key)
    own = BY_RECORD.get(record.__name__, {})
    return own[key] if key in own else COMMON.get(key, "")


def nested(parent: str, child: str) -> str:
    """The description of a flattened column: its record's, then its own (``baseline_value``)."""
    if not parent:
        return child
    return f"{parent.rstrip('.')}: {child[:1].lower()}{child[1:]}" if child else parent
