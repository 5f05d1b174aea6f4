"""The loaded plans as relational tables, for SQLite (Datasette) and a Frictionless data package:
one table per kind of record, with primary and foreign keys. Pure functions, no I/O.

The rows are the JSON records of ``hrplan.answers.records`` (an ``export`` answer per plan), and the
columns are derived from their TypedDicts (``hrplan.contract.plan``): one definition of each record. A
nested record is flattened (``target`` -> ``targets.baseline_value``, ``status_counts`` ->
``status_counts_surpassed``); a list is a JSON array in one cell; a list of records is a table of
its own (results, notes). Each table adds the keys that join it:

- a record of one plan (a source, chapter, section, theme, goal or claim) has ``key``, its
  plan and its id as ``PLAN:ID`` (the form ``hrplan show`` reads), and ``plan_id``; it points
  to what it belongs to with ``<thing>_key`` (``goals.section_key`` -> ``sections.key``);
- ``plans`` and ``indicators`` are keyed by their ids, which are unique across the series;
- ``results`` and ``notes`` are numbered (``key`` 1, 2, ...), in the order of the export;
- ``targets`` are keyed by their goal (``goal_key``), ``indicator_goals`` links each indicator to
  the goals, in every plan, that name it.

A reference that may point nowhere (a plan's predecessor when only one plan is exported, an area
a claim names) stays a plain id without a foreign key.
"""

from __future__ import annotations

from hrplan.contract.columns import Column, INTEGER, STRING, columns


class Table:
    """A table: columns, rows (lists of values in the columns' order), primary key (column names),
    foreign keys ``(column, table, column)`` and the columns of free text a full-text index covers."""

    __slots__ = ("name", "description", "columns", "rows", "primary_key", "foreign_keys", "search")

    def __init__(self, name, description, columns, primary_key, foreign_keys=(), search=()):
        self.name, self.description, self.columns = name, description, list(columns)
        self.primary_key, self.foreign_keys, self.search = list(primary_key), list(foreign_keys), list(search)
        self.rows: list[list] = []
        assert len({c.name for c in self.columns}) == len(self.columns), f"a column twice in {name}"

    def add(self, record: dict, **keys) -> None:
        """A row from a record, the table's own key columns given by name."""
        self.rows.append([keys[c.name] if c.name in keys else c.value(record) for c in self.columns])


def _key(name, required=True):
    return Column(name, (), STRING, required)


def _schema():
    """The tables, empty: (name -> Table)."""
    from hrplan.contract.series import IndicatorRecord, PlanEntry
    from hrplan.contract.plan import ChapterRecord, SectionRecord, ThemeRecord
    from hrplan.contract.records import (ClaimRecord, GoalRecord, NoteRecord, PlanRecord, ResultRecord, SourceRecord,
                                         TargetRecord)

    plan = _key("plan_id")
    own = [_key("key"), plan]  # a record of one plan: PLAN:ID, and its plan
    to_plan = ("plan_id", "plans", "id")
    goal = ("goal_key", "goals", "key")
    # a plan's period as two years; its ``file``, a path on the machine that wrote the export, left out
    plan_columns = [c for c in columns(PlanRecord) if c.name not in ("period", "file")]
    plan_columns[1:1] = [Column("start_year", ("period", 0), INTEGER), Column("end_year", ("period", 1), INTEGER)]
    tables = [
        Table("plans", "Every plan: its metadata, its stated size, and the counts of its goals by computed status.",
              [*plan_columns, _key("assessment_key", False), *columns(PlanEntry, skip=("plan", "claims"))],
              ["id"], [("assessment_key", "sources", "key")]),
        Table("sources", "The documents each plan's figures and texts were read in, with their addresses.",
              [*own, *columns(SourceRecord)], ["key"], [to_plan], ["title", "publisher", "note"]),
        Table("chapters", "The chapters of each plan, with how much of their text was read and goal counts.",
              [*own, *columns(ChapterRecord)], ["key"], [to_plan]),
        Table("sections", "The sections of each plan's chapters.",
              [*own, _key("chapter_key"), *columns(SectionRecord)], ["key"],
              [to_plan, ("chapter_key", "chapters", "key")]),
        Table("themes", "Named sets of goals (by section, tag or goal id), such as livelihood.",
              [*own, *columns(ThemeRecord)], ["key"], [to_plan]),
        Table("goals", "The commitments (and findings), each with hrplan's computed status, its reason and the "
                       "progress towards the target, beside the source's reported verdict.",
              [*own, _key("chapter_key"), _key("section_key", False),
               *columns(GoalRecord, skip=("plan_id", "target", "results", "latest", "sources", "notes")),
               Column("latest_result_key", (), INTEGER, False)], ["key"],
              [to_plan, ("chapter_key", "chapters", "key"), ("section_key", "sections", "key"),
               ("indicator_id", "indicators", "id"), ("latest_result_key", "results", "key")],
              ["text", "status_reason", "reported_wording"]),
        Table("targets", "The quantified target of a goal (at most one per goal).",
              [_key("goal_key"), plan, _key("goal_id"), Column("indicator_id", ("indicator_id",), STRING, False),
               *columns(TargetRecord, path=("target",))], ["goal_key"],
              [goal, to_plan, ("indicator_id", "indicators", "id")], ["metric", "wording"]),
        Table("results", "Every reported result of a goal or a claim, with the source it was read in.",
              [Column("key", (), INTEGER), plan, _key("goal_key", False), _key("goal_id", False),
               _key("claim_key", False), _key("claim_id", False), _key("source_key"),
               Column("position", (), INTEGER), *columns(ResultRecord)], ["key"],
              [to_plan, goal, ("claim_key", "claims", "key"), ("source_key", "sources", "key")], ["text", "note"]),
        Table("notes", "Notes on the data: data quality, conflicts between sources, context; of a goal, a claim "
                       "or the plan.",
              [Column("key", (), INTEGER), plan, _key("goal_key", False), _key("claim_key", False),
               *columns(NoteRecord)], ["key"], [to_plan, goal, ("claim_key", "claims", "key")], ["text"]),
        Table("claims", "The assessments' claims about a plan as a whole, beside what hrplan's data shows.",
              [*own, *columns(ClaimRecord, skip=("results", "notes"))], ["key"], [to_plan], ["text"]),
        Table("indicators", "Indicators that several plans' targets measure alike, in hrplan's own words.",
              columns(IndicatorRecord), ["id"], (), ["title", "definition"]),
        Table("indicator_goals", "Which goals, in which plans, measure each indicator: the link between the "
                                 "targets of several plans.",
              [_key("indicator_id"), _key("goal_key"), plan, _key("goal_id")], ["indicator_id", "goal_key"],
              [("indicator_id", "indicators", "id"), goal, to_plan]),
    ]
    return {t.name: t for t in tables}


def build(plans, registry, goals=None) -> list[Table]:
    """The tables of ``plans`` (``hrplan.core.model.Plan``, in period order) and the indicator
    ``registry``; ``goals``: plan id -> the goals to hold (default: every goal of every plan)."""
    from hrplan.answers import plan as answers, series
    from hrplan.answers.records import Assessed
    from hrplan.core.areas import by_period

    t = _schema()
    entries = {e["plan"]["id"]: e for e in series.plans_answer(plans)["series"]}
    result_n = note_n = 0
    for p in by_period(plans):
        assessed = Assessed()
        chosen = None if goals is None else goals[p.id]
        export = answers.export(p, chosen, assessed)
        pid = p.id

        def key(x):
            return None if x is None else f"{pid}:{x}"

        plan = dict(export["plan"], **{k: v for k, v in entries[pid].items() if k not in ("plan", "claims")})
        t["plans"].add(plan, assessment_key=key(p.assessment))
        for name in ("sources", "chapters", "themes"):
            for rec in export[name]:
                t[name].add(rec, key=key(rec["id"]), plan_id=pid)
        for rec in export["sections"]:
            t["sections"].add(rec, key=key(rec["id"]), plan_id=pid, chapter_key=key(rec["chapter"]))

        def add_results(owner, results, goal_id=None, claim_id=None):
            nonlocal result_n
            for n, r in enumerate(results, 1):
                result_n += 1
                t["results"].add(r, key=result_n, plan_id=pid, goal_key=key(goal_id), goal_id=goal_id,
                                 claim_key=key(claim_id), claim_id=claim_id, source_key=key(r["source"]), position=n)

        def add_notes(notes):
            nonlocal note_n
            for rec in notes:
                note_n += 1
                t["notes"].add(rec, key=note_n, plan_id=pid, goal_key=key(rec["goal_id"]),
                               claim_key=key(rec["claim_id"]))

        for g in export["goals"]:
            gk = key(g["id"])
            # the latest result (``latest`` in the JSON) is one of the goal's results, numbered next
            latest = next((result_n + n for n, r in enumerate(g["results"], 1) if r is g["latest"]), None)
            t["goals"].add(g, key=gk, plan_id=pid, chapter_key=key(g["chapter"]), section_key=key(g["section"]),
                           latest_result_key=latest)
            if g["target"] is not None:
                t["targets"].add(g, goal_key=gk, plan_id=pid, goal_id=g["id"])
            add_results(gk, g["results"], goal_id=g["id"])
            add_notes(g["notes"])
            if g["indicator_id"] is not None:
                t["indicator_goals"].add({}, indicator_id=g["indicator_id"], goal_key=gk, plan_id=pid, goal_id=g["id"])
        for c in export["claims"]:
            t["claims"].add(c, key=key(c["id"]), plan_id=pid)
            add_results(key(c["id"]), c["results"], claim_id=c["id"])
            add_notes(c["notes"])
        add_notes(export["notes"])
    for rec in series.indicators_answer(plans, registry)["indicators"]:
        t["indicators"].add(rec)
    return list(t.values())


def package_sources(tables: list[Table]) -> list[dict]:
    """The documents the plans themselves were read in (each plan's own sources and its
    assessment), as a data package lists its sources: ``{title, path}``, ``path`` the address."""
    by_name = {t.name: t for t in tables}
    plans, sources = by_name["plans"], by_name["sources"]
    col = {t.name: {c.name: i for i, c in enumerate(t.columns)} for t in (plans, sources)}
    rows = {row[col["sources"]["key"]]: row for row in sources.rows}
    out = []
    for p in plans.rows:
        pid = p[col["plans"]["id"]]
        keys = [f"{pid}:{s}" for s in p[col["plans"]["source_ids"]]] + [p[col["plans"]["assessment_key"]]]
        for k in dict.fromkeys(k for k in keys if k in rows):
            row = rows[k]
            entry = {"title": f"{pid}: {row[col['sources']['title']]} ({row[col['sources']['publisher']]})"}
            if row[col["sources"]["url"]]:
                entry["path"] = row[col["sources"]["url"]]
            out.append(entry)
    return out
