"""The commands about one plan, by name: each takes its options, asks ``hrplan.answers`` (through
``hrplan.answers.select`` for the goals it selects, as ``hrplan.api`` does) for its answer and hands it to its view in
``hrplan.views.plan``. ``hrplan.cli.registry`` names them; a command is built only when a call
runs it (start-up time is hrplan's speed).
"""

from __future__ import annotations

import click

from hrplan.cli.options import (area_argument, common_options, list_options, complete_goal, complete_source,
                                data_option, every_plan, Opts,
                                filtered, filtered_plans, filters_of, format_option, goal_filters, json_option,
                                load_all, load_plan, load_plans, one_plan_only, opts, plan_option_for, LATEST)
from hrplan.cli.output import arrange, emit

ASSESSED = "the latest plan that has an assessment"
EVERY = "every plan"


def goals_answer(o: Opts, area, kw, quantified: bool = False) -> dict:
    """The answer of ``goals`` (``quotas``, with ``quantified``): the goals of ``area`` that pass
    the filters, in the plan asked for or, with ``--plan all``, in every plan."""
    from hrplan.answers import across, plan as answers
    from hrplan.answers.select import select

    every = every_plan(o)
    if every:
        return across.goals(every, select(every, area, **filters_of(kw, quantified)), area)
    s = filtered(load_plan(o), area, kw, quantified)
    return answers.goals(s.plan, s.area, s.goals, s.assessed)


def make_summary():
    @click.command()
    @list_options
    def summary(**kw):
        """The plan at a glance: metadata, chapters, status counts, headline claims."""
        from hrplan.answers import plan as answers
        from hrplan.views import plan as views

        o = opts(kw)
        emit(o, answers.summary(load_plan(o)), views.summary_view, "summary")

    return summary


def make_areas():
    @click.command()
    @list_options
    def areas(**kw):
        """Chapters, sections and themes with their ids, aliases, goal counts and coverage."""
        from hrplan.answers import plan as answers
        from hrplan.views import plan as views

        o = opts(kw)
        emit(o, answers.areas(load_plan(o)), views.areas_view, "areas")

    return areas


def make_sources():
    @click.command()
    @click.argument("source_id", metavar="[ID]", required=False, shell_complete=complete_source)
    @list_options(plan=plan_option_for(LATEST, every=True))
    def sources(source_id, **kw):
        """The source register: every document cited, with its address; or one source and what cites it."""
        from hrplan.answers import plan as answers
        from hrplan.views import plan as views

        o = opts(kw)
        every = every_plan(o)
        if every and source_id is not None:
            raise click.UsageError("--plan all lists every plan's sources; a source ID is opened in one plan: "
                                   "give its plan id, or `hrplan show ID`")
        if every:
            from hrplan.answers import across

            emit(o, across.sources(every), views.sources_view, "sources")
            return
        if source_id is None:
            emit(o, answers.sources(load_plan(o)), views.sources_view, "sources")
            return
        # as `show` opens it: in --plan, else in the latest plan that holds it
        emit(o, answers.show_any(*opened(o, source_id, ("source",))), views.sources_view, "citations")

    return sources


def make_stats():
    @click.command()
    @area_argument(required=False)
    @list_options(plan=plan_option_for(ASSESSED))
    def stats(area, **kw):
        """Scorecard of the plan or of an AREA: the assessment's claims beside the data, status counts, key figures.

        Without --plan, the latest plan that has an assessment."""
        from hrplan.answers import plan as answers
        from hrplan.views import plan as views
        from hrplan.core.areas import resolve_area

        o = opts(kw)
        plan = load_plan(o, assessed=True)
        emit(o, answers.stats(plan, resolve_area(plan, area)), views.stats_view, "stats")

    return stats


def make_progress():
    @click.command()
    @area_argument(required=False)
    @list_options(plan=plan_option_for(ASSESSED, every=True))
    def progress(area, **kw):
        """Progress bars of the quantified targets of the plan or of an AREA.

        Without --plan, the latest plan that has an assessment."""
        from hrplan.answers import plan as answers
        from hrplan.views import plan as views
        from hrplan.core.areas import resolve_area

        o = opts(kw)
        every = every_plan(o)
        if every:
            from hrplan.answers import across

            emit(o, across.progress(every, area), views.progress_view, "progress")
            return
        plan = load_plan(o, assessed=True)
        emit(o, answers.progress(plan, resolve_area(plan, area)), views.progress_view, "progress")

    return progress


def make_goals():
    @click.command()
    @area_argument(required=False)
    @goal_filters
    @click.option("--quantified", is_flag=True, help="Only goals with a quantified target.")
    @list_options(plan=plan_option_for(LATEST, every=True))
    def goals(area, **kw):
        """The commitments of the plan or of an AREA, with computed and reported status."""
        from hrplan.views import plan as views

        o = opts(kw)
        emit(o, arrange(goals_answer(o, area, kw), kw), views.goals_view, "goals")

    return goals


def make_quotas():
    @click.command()
    @area_argument(required=False)
    @goal_filters
    @list_options(plan=plan_option_for(LATEST, every=True))
    def quotas(area, **kw):
        """Quantified targets: metric, target, baseline, latest result, status."""
        from hrplan.views import plan as views

        o = opts(kw)
        emit(o, arrange(goals_answer(o, area, kw, quantified=True), kw), views.quotas_view, "goals")

    return quotas


def make_tags():
    @click.command()
    @list_options
    def tags(**kw):
        """Every tag of the plan's goals, with how many goals carry it (for --tag)."""
        from hrplan.answers import plan as answers
        from hrplan.views import plan as views

        o = opts(kw)
        emit(o, answers.tags(load_plan(o)), views.tags_view, "tag_counts")

    return tags


def make_show():
    @click.command()
    @click.argument("item_id", metavar="ID", shell_complete=complete_goal)
    @common_options(plan=plan_option_for("the latest plan that has the ID"))
    def show(item_id, **kw):
        """One goal, claim, source or plan whole, by its id (PLAN:ID names the plan too)."""
        from hrplan.answers import plan as answers
        from hrplan.views import plan as views

        o = opts(kw)
        emit(o, answers.show_any(*opened(o, item_id)), views.show_view)

    return show


def opened(o, name: str, kinds=None):
    """(kind, plan, record, other plans holding the id) for an id that ``show`` (or the command of
    its kind) opens (``hrplan.core.areas.open_id``, as ``hrplan.api`` opens it)."""
    from hrplan.core.areas import KINDS, open_id

    one_plan_only(o, "give a plan id, or PLAN:ID")
    return open_id(load_plans(o.data, notice=o.env.notice), name, o.plan_id, kinds or KINDS)


def make_search():
    from hrplan.answers.search import FIELDS

    @click.command()
    @click.argument("text")
    @click.option("--in", "field", type=click.Choice(FIELDS),
                  help="Search only this field (of the goals, claims, notes or indicators).")
    @list_options(plan=plan_option_for(EVERY))
    def search(text, field, **kw):
        """Search every plan (or --plan): goal texts, figures, metrics, notes, sources, claims, indicators; ranked."""
        from hrplan.answers import plan as answers
        from hrplan.planfile.files import data_path
        from hrplan.planfile.registry import load_registry, registry_file
        from hrplan.views import plan as views

        o = opts(kw)
        plans = every_plan(o) or ([load_plan(o)] if o.plan_id else load_plans(o.data, notice=o.env.notice))
        answer = answers.search_answer(plans, text, field, load_registry(o.data), registry_file(data_path(o.data)))
        emit(o, answer, views.search_view, "matches")

    return search


def make_notes():
    from hrplan.core.model import NOTE_KINDS

    @click.command()
    @area_argument(required=False)
    @click.option("--kind", "kinds", multiple=True, type=click.Choice(NOTE_KINDS),
                  help="Only notes of this kind, e.g. data_quality (repeatable).")
    @list_options(plan=plan_option_for(LATEST, every=True))
    def notes(area, kinds, **kw):
        """Notes on the data: data-quality notes, conflicts between sources, context figures."""
        from hrplan.answers import plan as answers
        from hrplan.views import plan as views
        from hrplan.core.areas import resolve_area

        o = opts(kw)
        every = every_plan(o)
        if every:
            from hrplan.answers import across

            emit(o, across.notes(every, area, kinds), views.notes_view, "notes")
            return
        plan = load_plan(o)
        emit(o, answers.notes(plan, resolve_area(plan, area), kinds), views.notes_view, "notes")

    return notes


def make_export():
    from hrplan.cli.export import FORMATS, HELP, TABLE_FORMATS, TO_PATH

    @click.command()
    @area_argument(required=False)
    @goal_filters
    @click.option("--quantified", is_flag=True, help="Only goals with a quantified target.")
    @click.option("--output", "-o", type=click.Path(), metavar="PATH",
                  help="Write to this file (a directory for datapackage), whole or not at all, not to standard output "
                       "(-: standard output).")
    @click.option("--database", metavar="NAME", help="With datasette-metadata: the database's name in Datasette, "
                  "the stem of its file (default nhrap, for nhrap.db).")
    @json_option
    @format_option(FORMATS, default="json", help=HELP)
    @plan_option_for(LATEST + "; sqlite and datapackage: every plan", every=True)
    @data_option
    def export(area, output, database, **kw):
        """Everything for other tools: one plan as JSON, NDJSON or CSV, or every plan as SQLite or a data package.

        An AREA and the filters narrow the goals; --output writes to a file, whole or not at all."""
        from hrplan.answers import plan as answers
        from hrplan.cli import export as exporting

        fmt = kw["fmt"]
        if kw["as_json"] and fmt != "json":
            raise click.UsageError(f"--json and --format {fmt} ask for two forms; give one")
        if kw["bom"] and fmt != "csv":
            raise click.UsageError("--bom goes with --format csv")
        if output == "":
            raise click.UsageError("--output needs a path, not an empty word (-: standard output)")
        o = opts(dict(kw, fmt=None))
        if database is not None and fmt != "datasette-metadata":
            raise click.UsageError("--database names the database of --format datasette-metadata")
        if database is not None and not database.strip():
            raise click.UsageError("--database needs a name: the stem of the database file (nhrap for nhrap.db)")
        if fmt in TABLE_FORMATS:
            given = [f"--{n}" for n in ("fields", "sort", "limit") if kw.get("sort_by" if n == "sort" else n)]
            if given or (output is None and fmt in TO_PATH):
                raise click.UsageError(f"--format {fmt} " + (f"holds every goal that passes the filters, not {given[0]}"
                                       if given else "writes to a path: give --output PATH"))
            if output == "-" and fmt == "datapackage":
                raise click.UsageError("--format datapackage writes a directory, not standard output: give --output DIR")
            plans, registry = load_all(o)
            exporting.write_tables(fmt, output, plans, registry, filtered_plans(plans, area, kw), database,
                                   o.env.out)
            return
        every = every_plan(o)
        if every:
            from hrplan.answers import across
            from hrplan.answers.select import select

            given = {k: kw[k] for k in ("sort_by", "limit", "fields")}
            exports = [arrange(answers.export(s.plan, s.goals, s.assessed, s.area), dict(given))
                       for s in select(every, area, **filters_of(kw))]
            exporting.write_answer(fmt, across.export(every, exports), output, o.env.out, bom=o.bom)
            return
        s = filtered(load_plan(o), area, kw)
        exporting.write_answer(fmt, arrange(answers.export(s.plan, s.goals, s.assessed, s.area), kw), output,
                               o.env.out, bom=o.bom)

    return export
