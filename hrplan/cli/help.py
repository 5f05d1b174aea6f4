"""The help: each command's short line and examples, and the help topics (statuses, exit codes)."""

from __future__ import annotations




AREA_HELP = ("An AREA is a chapter (I), a section (I.1), an alias (jobs, health) or a theme (livelihood); "
             "`hrplan areas` lists them.")


# name -> (the line `hrplan --help` shows, examples for the command's own help)
HELP = {
    "areas": ("Chapters, sections and themes: ids, aliases, counts", ["hrplan areas", "hrplan areas --plan nhrap-2016-2020"]),
    "compare": ("Two plans side by side: targets carried over, new, dropped",
                ["hrplan compare nhrap-2012-2015 nhrap-2016-2020", "hrplan compare nhrap-2012-2015 nhrap-2016-2020 health"]),
    "export": ("Everything for other tools: JSON, NDJSON, CSV, SQLite, a data package",
               ["hrplan export --plan nhrap-2012-2015 --format csv > plan.csv", "hrplan export health --format ndjson",
                "hrplan export --format sqlite --output nhrap.db", "hrplan export --format datapackage -o nhrap"]),
    "goals": ("The commitments, with computed and reported status",
              ["hrplan goals health --status not_met", "hrplan goals --plan nhrap-2012-2015 --tag women --fields id,status"]),
    "help": ("Help topics: statuses, exit-codes", ["hrplan help statuses", "hrplan help exit-codes"]),
    "indicators": ("Indicators that link targets across plans", ["hrplan indicators", "hrplan indicators health"]),
    "methodology": ("How hrplan computes a status", ["hrplan methodology", "hrplan methodology --json | jq .thresholds"]),
    "notes": ("Notes on the data: quality, conflicts, context",
              ["hrplan notes --plan nhrap-2012-2015 --kind data_quality", "hrplan notes health"]),
    "plans": ("Every loaded plan, its size and its assessment's claims", ["hrplan plans", "hrplan plans --json"]),
    "progress": ("Progress bars of the quantified targets", ["hrplan progress", "hrplan progress I.1 --plan nhrap-2012-2015"]),
    "quotas": ("Quantified targets: target, latest result, status",
               ["hrplan quotas", "hrplan quotas --plan nhrap-2012-2015 --status not_met --format csv"]),
    "schema": ("The JSON Schema of a command's --json output or of a plan file",
               ["hrplan schema", "hrplan schema stats", "hrplan schema plan-file"]),
    "search": ("Search every field of every plan, Chinese too",
               ["hrplan search 66.63", "hrplan search 死刑", "hrplan search women --in text --plan nhrap-2012-2015"]),
    "show": ("One goal, claim, source or plan whole, by its id",
             ["hrplan show I.1.a --plan nhrap-2012-2015", "hrplan show O.5", "hrplan show nhrap-2012-2015:III.5.d"]),
    "sources": ("The source register, or one source and what cites it",
                ["hrplan sources --plan nhrap-2012-2015", "hrplan sources assess-en-chinadaily-summary --plan nhrap-2012-2015"]),
    "stats": ("Scorecard of an area: claims, statuses, key figures",
              ["hrplan stats livelihood", "hrplan stats health --plan nhrap-2012-2015 --json"]),
    "summary": ("The plan at a glance", ["hrplan summary", "hrplan summary --plan nhrap-2009-2010"]),
    "tags": ("Every tag, with how many goals carry it", ["hrplan tags", "hrplan goals --tag employment"]),
    "trend": ("One indicator across the plans: targets and figures",
              ["hrplan trend life-expectancy", "hrplan trend urban-jobs --json"]),
    "validate": ("Check plan files; print every problem", ["hrplan validate", "hrplan validate my-plan.toml"]),
}


AREA_COMMANDS = ("goals", "quotas", "stats", "progress", "notes", "export", "indicators", "compare")


def document(name: str, command):
    """Give a built command its short line for `hrplan --help` and its examples (one table, HELP)."""
    short, examples = HELP[name]
    command.short_help = short
    extra = "\n\n\b\nExamples:\n" + "\n".join(f"  {e}" for e in examples)
    if name in AREA_COMMANDS:
        extra += "\n\n" + AREA_HELP
    import inspect

    command.help = inspect.cleandoc(command.help or "") + extra  # Click keeps a docstring's indent
    return command


def help_topic(topic: str, width: int = 79) -> str:
    """The text of a help topic: ``statuses`` (computed and reported, from the status table) or
    ``exit-codes`` (from hrplan.errors)."""
    import textwrap

    from hrplan import errors
    from hrplan.core import statuses

    def entry(label, text, width):
        return textwrap.fill(f"  {label:<{width}}  {text}", columns, subsequent_indent=" " * (width + 4),
                             break_long_words=False, break_on_hyphens=False)

    columns = width

    if topic == "exit-codes":
        return "\n".join(entry(str(code), text, 3) for code, text in errors.EXIT_CODES)
    lines = [textwrap.fill("Computed status (hrplan's, from target and results; `hrplan methodology` gives the "
                           "method):", columns), ""]
    width = max(len(s.name) for s in statuses.TABLE)
    lines += [entry(s.name, f"{s.category.replace('_', ' ')}: {s.legend}", width) for s in statuses.TABLE]
    lines += ["", textwrap.fill("Reported verdict (what a source itself said; never merged with the computed "
                                "status):", columns), ""]
    reported = [(name, legend) for name, (legend, _) in statuses.REPORTED.items()]
    reported.append((statuses.REPORTED_NONE, statuses.REPORTED_NONE_LEGEND))
    lines += [entry(name, legend, width) for name, legend in reported]
    lines += ["", textwrap.fill("not_stated and none differ: not_stated, a source reports on the goal without a "
                                "verdict; none, no source read reports on it at all.", columns)]
    return "\n".join(lines)
