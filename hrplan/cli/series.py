"""The commands about the series of plans, by name: ``plans``, ``indicators``, ``trend`` and
``compare``, each taking its options, asking ``hrplan.answers.series`` for its answer and handing
it to its view in ``hrplan.views.series``. ``hrplan.cli.registry`` names them.
"""

from __future__ import annotations

import click

from hrplan.cli.options import (LIST_FORMATS, area_argument, complete_indicator, complete_plan, data_option,
                                format_option, json_option, load_all, load_plans, opts, plan_option_for)
from hrplan.cli.output import emit


def make_plans():
    @click.command()
    @json_option
    @format_option(LIST_FORMATS)
    @plan_option_for("every plan")
    @data_option
    def plans(**kw):
        """Every loaded plan: period, assessment, goals recorded, status counts, headline claims."""
        from hrplan.answers import series
        from hrplan.views import series as series_views
        o = opts(kw)
        emit(o, series.plans_answer(load_plans(o.data, o.plan_id, o.env.notice)), series_views.plans_view, "series")

    return plans


def make_indicators():
    @click.command()
    @area_argument(required=False)
    @json_option
    @format_option(LIST_FORMATS)
    @plan_option_for("every plan")
    @data_option
    def indicators(area, **kw):
        """The indicators that link targets across plans, with the plans that target each."""
        from hrplan.answers import series
        from hrplan.views import series as series_views

        o = opts(kw)
        plans, registry = load_all(o)
        emit(o, series.indicators_answer(plans, registry, area), series_views.indicators_view, "indicators")

    return indicators


def make_trend():
    @click.command()
    @click.argument("indicator", shell_complete=complete_indicator)
    @json_option
    @format_option(LIST_FORMATS)
    @plan_option_for("every plan")
    @data_option
    def trend(indicator, **kw):
        """Every plan's target for an INDICATOR and every reported figure, by year, with sources."""
        from hrplan.answers import series
        from hrplan.views import series as series_views

        o = opts(kw)
        plans, registry = load_all(o)
        emit(o, series.trend(plans, series.resolve_indicator(registry, indicator)), series_views.trend_view, "trend")

    return trend


def make_compare():
    @click.command()
    @click.argument("first", metavar="PLAN", shell_complete=complete_plan)
    @click.argument("second", metavar="PLAN", shell_complete=complete_plan)
    @area_argument(required=False)
    @json_option
    @format_option(LIST_FORMATS)
    @data_option
    def compare(first, second, area, **kw):
        """Two plans side by side: targets carried over (raised, lowered, the same), new and dropped.

        The two PLAN arguments win over a --plan given before the command."""
        from hrplan.answers import series
        from hrplan.views import series as series_views

        o = opts(kw)
        o.plan_id = None  # a global --plan names no plan here: the command's own arguments do
        plans, registry = load_all(o)
        emit(o, series.compare(plans, registry, first, second, area), series_views.compare_view, "compare")

    return compare
