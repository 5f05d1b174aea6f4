"""What every command shares: its options (each declared once), the call's options and
environment (``Opts``), loading the plans it asks for, its filters, and shell completion.

Imports stay light (Click only): the core is imported when a command runs, Rich only when a
table goes to a terminal, so ``--json`` and shell completion stay fast.
"""

from __future__ import annotations


import click

FORMATS = ("auto", "table", "plain", "json")
LIST_FORMATS = (*FORMATS, "csv", "ndjson")  # a list command also writes its records as CSV or NDJSON


class Opts:
    """The shared options of one call."""

    __slots__ = ("fmt", "plan_id", "data", "header", "pager", "svg", "html", "env", "bom")

    def __init__(self, as_json=False, fmt=None, plan_id=None, data=None, header=False, pager=True, svg=None,
                 html=None, env=None, bom=False):
        if as_json and fmt not in (None, "json"):
            raise click.UsageError(f"--json and --format {fmt} ask for two forms; give one")
        self.fmt = "json" if as_json else (fmt or "auto")
        self.plan_id, self.data, self.header, self.pager = plan_id, data, header, pager
        self.svg, self.html = svg, html
        self.env = env  # the call's TermEnv (hrplan.render.termenv), built once by hrplan.cli.main
        self.bom = bom  # --bom: CSV starts with a byte-order mark


# Each shared option, declared once. ``--data`` has no Click envvar: HRPLAN_DATA is resolved in
# one place, ``hrplan.planfile.files.data_path``.
json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON document (same as --format json).")


def plan_option_for(default: str, every: bool = False):
    """--plan, its help saying what the command answers for without it (``default``); with
    ``every``, it also takes ``all``: every plan, each row naming its plan."""
    return click.option("--plan", "plan_id", metavar="ID",
                        shell_complete=lambda c, p, i: complete_plan(c, p, i) + (["all"] if every and "all".startswith(i) else []),
                        help="Plan id, e.g. nhrap-2012-2015" + (", or all (every plan)" if every else "")
                             + f" (default: {default}).")


LATEST = "the latest plan"
plan_option = plan_option_for(LATEST)
data_option = click.option("--data", type=click.Path(), metavar="PATH",
                           help="Plan file or directory of plan files (default: HRPLAN_DATA, else the bundled data).")


header_option = click.option("--header", is_flag=True,
                             help="In a pipe, print the column names above the rows (a single table has none).")
pager_option = click.option("--no-pager", "no_pager", is_flag=True,
                            help="At a terminal, print a long answer straight out, not through the pager.")
COLOR_HELP = ("Colour the status words: auto (the default: at a terminal, as NO_COLOR, FORCE_COLOR and TERM "
              "say), always (even in a pipe), never.")
color_option = click.option("--color", "color", type=click.Choice(("auto", "always", "never")), help=COLOR_HELP)


svg_option = click.option("--svg", type=click.Path(dir_okay=False), metavar="FILE",
                          help="Also save the table a terminal shows as an SVG picture (for a report or a slide; -: print it instead).")
html_option = click.option("--html", type=click.Path(dir_okay=False), metavar="FILE",
                           help="Also save the table a terminal shows as an HTML page (-: print it instead).")


bom_option = click.option("--bom", is_flag=True,
                          help="With --format csv, start with a byte-order mark, by which Excel on Windows reads "
                               "the Chinese right.")


def format_option(choices=FORMATS, default=None, help="auto (default): a table on a terminal, tab-separated text in a pipe."):
    """--format; with the table formats, also --header, --no-pager, --color, --svg and --html; with csv, --bom."""
    option = click.option("--format", "fmt", type=click.Choice(choices), default=default,
                          show_default=default is not None, help=help)
    if "csv" in choices:
        option = (lambda inner: lambda f: inner(bom_option(f)))(option)
    if "plain" not in choices:
        return option
    return lambda f: option(header_option(pager_option(color_option(svg_option(html_option(f))))))


def common_options(f=None, plan=None):
    """--json, --format, --plan (``plan``: the command's own, from ``plan_option_for``) and --data."""
    if f is None:
        return lambda g: common_options(g, plan)
    return json_option(format_option()((plan or plan_option)(data_option(f))))


def list_options(f=None, plan=None):
    """The options of a list command: as ``common_options``, with CSV and NDJSON among the formats."""
    if f is None:
        return lambda g: list_options(g, plan)
    return json_option(format_option(LIST_FORMATS, help="auto (default): a table on a terminal, tab-separated "
                                     "text in a pipe; csv and ndjson: one record a row or a line.")(
        (plan or plan_option)(data_option(f))))


def opts(kw: dict) -> Opts:
    """Take the shared options out of a command's keyword arguments; --data, --plan, --no-pager
    and --color may also come before the command."""
    root_ctx = click.get_current_context().find_root()
    root = root_ctx.params
    given = {"--plan": (kw.get("plan_id"), root.get("plan_id")), "--data": (kw.get("data"), root.get("data")),
             "--svg": (kw.get("svg"),), "--html": (kw.get("html"),)}
    for name, values in given.items():
        if "" in values:  # an empty word (a variable that was not set) is not the default
            raise click.UsageError(f"{name} needs a value, not an empty word")
    plan_id = kw.pop("plan_id", None) or root.get("plan_id")
    data = kw.pop("data", None) or root.get("data")
    no_pager = kw.pop("no_pager", False) or root.get("no_pager", False)
    env = environment(root_ctx)
    env.choose_colour(kw.pop("color", None) or root.get("color"))
    return Opts(kw.pop("as_json", False), kw.pop("fmt", None), plan_id, data, kw.pop("header", False), not no_pager,
                kw.pop("svg", None), kw.pop("html", None), env, kw.pop("bom", False))


def environment(root_ctx):
    """The call's environment, which the entry point built (``Click``'s ``obj``); one is built
    here for a group invoked without the entry point (Click's own test runner, say)."""
    from hrplan.render.termenv import TermEnv

    if not isinstance(root_ctx.obj, TermEnv):
        root_ctx.obj = TermEnv.detect()
    return root_ctx.obj


def load_plan(o: Opts, assessed: bool = False):
    """The plan a call asks for (``--plan``), else the latest: with ``assessed``, the latest with an
    assessment (a scorecard of results against an assessment)."""
    from hrplan.planfile.load import load_plan as load

    one_plan_only(o, "give a plan id (`hrplan plans` lists them)")
    plan = load(o.data, o.plan_id, assessed=assessed, notice=o.env.notice if o.env else None)
    if o.plan_id is None and o.env is not None and o.env.isatty and o.fmt != "json":
        default_notice(o, plan)
    return plan


def one_plan_only(o: Opts, hint: str) -> None:
    """A command that answers for one plan refuses ``--plan all`` (a usage error, with ``hint``)."""
    from hrplan.answers.select import ALL

    if o.plan_id == ALL:
        name = click.get_current_context().info_name
        raise click.UsageError(f"--plan all: {name} answers for one plan; {hint}")


def default_notice(o: Opts, plan) -> None:
    """At a terminal, a plan chosen by default whose period has ended without an assessment says
    so on stderr (computed from today's date): its promises are shown without results."""
    from hrplan.answers.records import period_state

    state = period_state(plan)
    if state and state.endswith("no assessment on record"):
        o.env.notice(f"{plan.id}, the latest plan, shown by default: {state} (--plan chooses another)")


def load_plans(data, plan_id: str | None = None, notice=None):
    """Every plan of the data in use, in period order; only the one named, with ``plan_id``;
    ``notice`` says what a data directory held that is not a plan."""
    from hrplan.answers.select import plans as choose
    from hrplan.planfile.load import load_plans as load

    return choose(load(data, notice=notice), plan_id)


def every_plan(o: Opts) -> list | None:
    """Every plan of the data in use, in period order, for ``--plan all``; None for any other
    ``--plan``."""
    from hrplan.answers.select import ALL

    return load_plans(o.data, notice=o.env.notice if o.env else None) if o.plan_id == ALL else None


def load_all(o: Opts):
    """The plans of the data in use (every one, or the one ``--plan`` names), and the indicator
    registry."""
    from hrplan.planfile.registry import load_registry

    return load_plans(o.data, o.plan_id, o.env.notice if o.env else None), load_registry(o.data)


def _ctx_opts(ctx) -> Opts:
    """The --plan and --data of a command line being completed, before or after the command."""
    root = ctx.find_root().params
    return Opts(plan_id=ctx.params.get("plan_id") or root.get("plan_id"), data=ctx.params.get("data") or root.get("data"))


def complete_plan(ctx, param, incomplete):
    try:
        from hrplan.planfile.load import load_plans

        return [p.id for p in load_plans(_ctx_opts(ctx).data) if p.id.startswith(incomplete)]
    except Exception:  # completion must never fail loudly
        return []


def complete_indicator(ctx, param, incomplete):
    try:
        from hrplan.planfile.registry import load_registry

        registry = load_registry(_ctx_opts(ctx).data)
        return [i for i in registry if i.startswith(incomplete.lower())]
    except Exception:
        return []


def complete_tag(ctx, param, incomplete):
    try:
        from hrplan.core.areas import tag_counts

        plan = load_plan(_ctx_opts(ctx))
        return [t for t in tag_counts(plan) if t.lower().startswith(incomplete.lower())]
    except Exception:
        return []


def complete_area(ctx, param, incomplete):
    try:
        from hrplan.core.areas import area_names

        plan = load_plan(_ctx_opts(ctx))
        names = sorted({*area_names(plan), "all"})
        return [n for n in names if n.startswith(incomplete.lower())]
    except Exception:  # completion must never fail loudly
        return []


def complete_goal(ctx, param, incomplete):
    """Goal ids of --plan, else of every plan (``show`` looks in each), in file order, each once."""
    return _complete_ids(ctx, incomplete, lambda p: p.goals)


def complete_source(ctx, param, incomplete):
    """Source ids of --plan, else of every plan (``sources ID`` looks in each)."""
    return _complete_ids(ctx, incomplete, lambda p: p.sources)


def _complete_ids(ctx, incomplete, ids_of):
    try:
        from hrplan.planfile.load import load_plans as load

        o = _ctx_opts(ctx)
        plans = [load_plan(o)] if o.plan_id else load(o.data)
        ids = dict.fromkeys(i for p in plans for i in ids_of(p))
        return [i for i in ids if i.lower().startswith(incomplete.lower())]
    except Exception:  # completion must never fail loudly
        return []


def area_argument(required: bool):
    return click.argument("area", required=required, shell_complete=complete_area)


def goal_filters(f):
    from hrplan.core.model import BINDING
    from hrplan.core.statuses import REPORTED_NONE, REPORTED_STATUSES, STATUSES

    f = click.option("--status", "status", multiple=True, type=click.Choice(STATUSES), metavar="STATUS",
                     help="Keep goals with this computed status; repeated, goals with any of them. STATUS: "
                          + ", ".join(STATUSES) + " (`hrplan help statuses`).")(f)
    f = click.option("--reported", multiple=True, type=click.Choice((*REPORTED_STATUSES, REPORTED_NONE)),
                     metavar="VERDICT", help="Keep goals with this reported verdict; repeated, goals with any of them. "
                     "VERDICT: " + ", ".join((*REPORTED_STATUSES, REPORTED_NONE)) + ".")(f)
    f = click.option("--sort", "sort_by", type=click.Choice(SORTS), metavar="FIELD",
                     help="Order by FIELD: " + ", ".join(SORTS) + " (progress and status best first; default: the "
                          "plan's order).")(f)
    f = click.option("--limit", type=click.IntRange(min=1), help="At most this many goals.")(f)
    f = click.option("--fields", help="Only these keys of each goal, comma-separated (e.g. id,status,progress).")(f)
    f = click.option("--tag", multiple=True, shell_complete=complete_tag,
                     help="Keep goals with this tag, case aside; repeated, goals with any of them (`hrplan tags`).")(f)
    f = click.option("--agreement", type=click.Choice(("agrees", "differs")),
                     help="Keep goals whose reported verdict agrees with, or differs from, the computed status.")(f)
    f = click.option("--kind", type=click.Choice(("commitment", "finding")),
                     help="Keep commitments, or findings (reported results that match no commitment).")(f)
    f = click.option("--binding", type=click.Choice(BINDING),
                     help="Keep targets a source labels binding or expected.")(f)
    f = click.option("--origin", type=click.Choice(("assessment", "other_official")),
                     help="Keep goals with a result read in the assessment report, or in another official source.")(f)
    return f


# The filters that ``goal_filters`` declares, by the names ``hrplan.answers.select`` gives them.
FILTER_NAMES = ("status", "reported", "tag", "binding", "origin", "kind", "agreement", "quantified")


def filters_of(kw: dict, quantified: bool = False) -> dict:
    """The filters of a call (``goal_filters`` and --quantified), as ``hrplan.api`` takes them."""
    given = {n: kw.get(n) for n in FILTER_NAMES}
    given["quantified"] = quantified or bool(given["quantified"])
    return given


def filtered(plan, area, kw, quantified=False):
    """The goals of ``area`` (a name, None: the whole plan) in ``plan`` that pass the filters of
    ``goal_filters``: an ``hrplan.answers.select.Selection``."""
    from hrplan.answers.select import select

    return select([plan], area, **filters_of(kw, quantified))[0]


def filtered_plans(plans, area, kw) -> dict | None:
    """For an export of several plans: plan id -> the goals of ``area`` that pass the filters, or
    None when neither an area nor a filter is given (``hrplan.answers.select``'s rule across plans)."""
    from hrplan.answers.select import any_filter, select

    if area is None and not any_filter(filters_of(kw)):
        return None
    kept = {s.plan.id: s.goals for s in select(plans, area, **filters_of(kw))}
    return {p.id: kept.get(p.id, []) for p in plans}


# --sort: key of a goal record; statuses by rank (best first), progress largest first, missing last.
SORTS = ("id", "status", "progress", "reported_status", "section", "kind")


