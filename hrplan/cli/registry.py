"""The table of commands: one row each, with the function that builds it, the line ``hrplan
--help`` shows and the examples of its own help. The ``hrplan`` group reads it; a command's module
is imported only when a call runs it (start-up time is hrplan's speed).
"""

from __future__ import annotations

AREA_HELP = (
    "An AREA is a chapter (I), a section (I.1), an alias (jobs, health) or a theme (livelihood); "
    "`hrplan areas` lists them."
)


class Row:
    """A command: where its builder is (``module:function`` under hrplan.cli), its short line, its
    examples, and whether it takes an AREA (its help then says what one is)."""

    __slots__ = ("builder", "short", "examples", "area")

    def __init__(self, builder: str, short: str, examples: list[str], area: bool = False):
        self.builder, self.short, self.examples, self.area = builder, short, examples, area


COMMANDS = {
    "areas": Row(
        "commands:make_areas",
        "Chapters, sections and themes: ids, aliases, counts",
        ["hrplan areas", "hrplan areas --plan nhrap-2016-2020"],
    ),
    "compare": Row(
        "series:make_compare",
        "Two plans side by side: targets carried over, new, dropped, not found",
        ["hrplan compare nhrap-2012-2015 nhrap-2016-2020", "hrplan compare nhrap-2012-2015 nhrap-2016-2020 health"],
        area=True,
    ),
    "export": Row(
        "commands:make_export",
        "Everything for other tools: JSON, NDJSON, CSV, SQLite, a data package",
        [
            "hrplan export --plan nhrap-2012-2015 --format csv > plan.csv",
            "hrplan export health --format ndjson",
            "hrplan export --format sqlite --output nhrap.db",
            "hrplan export --format datapackage -o nhrap",
        ],
        area=True,
    ),
    "goals": Row(
        "commands:make_goals",
        "The commitments, with computed and reported status",
        [
            "hrplan goals health --status not_met",
            "hrplan goals --plan nhrap-2012-2015 --tag women --fields id,status",
            "hrplan goals --plan all --status not_met",
        ],
        area=True,
    ),
    "help": Row(
        "about:make_help",
        "Help topics (statuses, exit-codes), or a command's help",
        ["hrplan help statuses", "hrplan help exit-codes", "hrplan help goals"],
    ),
    "indicators": Row(
        "series:make_indicators",
        "Indicators that link targets across plans",
        ["hrplan indicators", "hrplan indicators health"],
        area=True,
    ),
    "methodology": Row(
        "about:make_methodology",
        "How hrplan computes a status",
        ["hrplan methodology", "hrplan methodology --json | jq .thresholds"],
    ),
    "notes": Row(
        "commands:make_notes",
        "Notes on the data: quality, conflicts, context",
        ["hrplan notes --plan nhrap-2012-2015 --kind data_quality", "hrplan notes health"],
        area=True,
    ),
    "plans": Row(
        "series:make_plans",
        "Every loaded plan, its size and its assessment's claims",
        ["hrplan plans", "hrplan plans --json"],
    ),
    "progress": Row(
        "commands:make_progress",
        "Progress bars of the quantified targets",
        ["hrplan progress", "hrplan progress I.1 --plan nhrap-2012-2015"],
        area=True,
    ),
    "quotas": Row(
        "commands:make_quotas",
        "Quantified targets: target, latest result, status",
        ["hrplan quotas", "hrplan quotas --plan nhrap-2012-2015 --status not_met --format csv"],
        area=True,
    ),
    "schema": Row(
        "about:make_schema",
        "The JSON Schema of a command's --json output or of a plan file",
        ["hrplan schema", "hrplan schema stats", "hrplan schema plan-file"],
    ),
    "search": Row(
        "commands:make_search",
        "Search every field of every plan, Chinese too",
        ["hrplan search 66.63", "hrplan search 死刑", "hrplan search women --in text --plan nhrap-2012-2015"],
    ),
    "show": Row(
        "commands:make_show",
        "One goal, claim, source or plan whole, by its id",
        ["hrplan show I.1.a --plan nhrap-2012-2015", "hrplan show O.5", "hrplan show nhrap-2012-2015:III.5.d"],
    ),
    "sources": Row(
        "commands:make_sources",
        "The source register, or one source and what cites it",
        [
            "hrplan sources --plan nhrap-2012-2015",
            "hrplan sources assess-en-chinadaily-summary --plan nhrap-2012-2015",
        ],
    ),
    "stats": Row(
        "commands:make_stats",
        "Scorecard of the plan or an area: claims, statuses, key figures",
        ["hrplan stats", "hrplan stats livelihood", "hrplan stats health --plan nhrap-2012-2015 --json"],
        area=True,
    ),
    "summary": Row(
        "commands:make_summary", "The plan at a glance", ["hrplan summary", "hrplan summary --plan nhrap-2009-2010"]
    ),
    "tags": Row(
        "commands:make_tags",
        "Every tag, with how many goals carry it",
        ["hrplan tags", "hrplan goals --tag employment"],
    ),
    "trend": Row(
        "series:make_trend",
        "One indicator across the plans: targets and figures",
        ["hrplan trend life-expectancy", "hrplan trend urban-jobs --json"],
    ),
    "validate": Row(
        "about:make_validate",
        "Check plan files; print every problem",
        ["hrplan validate", "hrplan validate my-plan.toml"],
    ),
}


def build(name: str):
    """The command ``name``, built and given its short line and examples."""
    import importlib
    import inspect

    from hrplan.cli.help import context_class

    row = COMMANDS[name]
    module, function = row.builder.split(":")
    command = getattr(importlib.import_module(f"hrplan.cli.{module}"), function)()
    command.context_class = context_class()  # the help's layout (hrplan.cli.help)
    command.short_help = row.short
    extra = "\n\n\b\nExamples:\n" + "\n".join(f"  {e}" for e in row.examples)
    if row.area:
        extra += "\n\n" + AREA_HELP
    command.help = inspect.cleandoc(command.help or "") + extra  # Click keeps a docstring's indent
    return command
