"""The ``hrplan`` command: parse options, call the core, hand the answer to a renderer.

Imports stay light at module level (Click only): the core is imported when a command runs,
Rich only when a table goes to a terminal, so ``--json`` and shell completion stay fast.
"""

from __future__ import annotations

import os
import sys

import click

from hrplan import __version__
from hrplan.errors import DATA_ERROR, INTERNAL, INTERRUPTED, OK, USAGE, HrplanError
from hrplan.model import REPORTED_STATUSES, STATUSES, NOTE_KINDS

FORMATS = ("auto", "table", "plain", "json")


class Opts:
    """The options every query command shares."""

    __slots__ = ("fmt", "plan_id", "data")

    def __init__(self, as_json, fmt, plan_id, data):
        self.fmt = "json" if as_json else (fmt or "auto")
        self.plan_id, self.data = plan_id, data


def common_options(f):
    """--json, --format, --plan and --data, declared once for every query command."""
    f = click.option("--data", type=click.Path(), envvar="HRPLAN_DATA", metavar="PATH",
                     help="Plan file or directory of plan files (default: the bundled data; env HRPLAN_DATA).")(f)
    f = click.option("--plan", "plan_id", metavar="ID", help="Plan id, e.g. nhrap-2012-2015 (default: the latest loaded).")(f)
    f = click.option("--format", "fmt", type=click.Choice(FORMATS),
                     help="auto (default): a table on a terminal, tab-separated text in a pipe.")(f)
    f = click.option("--json", "as_json", is_flag=True, help="Print one JSON document (same as --format json).")(f)
    return f


def _opts(kw) -> Opts:
    """The shared options of a command; --data and --plan may also come before the command."""
    root = click.get_current_context().find_root().params
    plan_id, data = kw.pop("plan_id"), kw.pop("data")
    return Opts(kw.pop("as_json"), kw.pop("fmt"), plan_id or root.get("plan_id"), data or root.get("data"))


def _plan(o: Opts):
    from hrplan.load import load_plans
    from hrplan.query import select_plan

    return select_plan(load_plans(o.data), o.plan_id)


def emit(o: Opts, answer, view: str) -> None:
    """Print an answer as JSON, a Rich table (terminal) or plain tab-separated text (pipe)."""
    if o.fmt == "json":
        from hrplan.render import json_out

        json_out.write(answer)
        return
    from hrplan import views
    from hrplan.termenv import TermEnv

    env = TermEnv.detect()
    blocks = getattr(views, view + "_view")(answer, show_zh=env.unicode)
    if o.fmt == "table" or (o.fmt == "auto" and env.isatty):
        from hrplan.render import terminal

        terminal.render(blocks, env)
    else:
        from hrplan.render import plain

        plain.render(blocks, sys.stdout, color=env.color)


def _complete_area(ctx, param, incomplete):
    try:
        from hrplan.query import area_names

        plan = _plan(Opts(False, None, ctx.params.get("plan_id"), ctx.params.get("data")))
        names = sorted({*area_names(plan), "all"})
        return [n for n in names if n.startswith(incomplete.lower())]
    except Exception:  # completion must never fail loudly
        return []


def _complete_goal(ctx, param, incomplete):
    try:
        plan = _plan(Opts(False, None, ctx.params.get("plan_id"), ctx.params.get("data")))
        return [g for g in plan.goals if g.lower().startswith(incomplete.lower())]
    except Exception:
        return []


_FACTORIES: dict = {}


def _lazy_command(factory):
    """Register a command by a function that builds it: only the command a call runs is built,
    which keeps start-up (and shell completion) fast."""
    _FACTORIES[factory.__name__[len("make_"):]] = factory
    return factory


class HrplanGroup(click.Group):
    """Builds commands on demand, suggests the closest command for a typo, and ends quietly on a
    closed pipe."""

    def list_commands(self, ctx):
        return sorted(_FACTORIES)

    def get_command(self, ctx, name):
        cmd = self.commands.get(name)
        if cmd is None and name in _FACTORIES:
            cmd = self.commands[name] = _FACTORIES[name]()
        return cmd

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # Click would turn this into exit 1; a reader that stopped reading is not an error.
            _quiet_stdout()
            raise click.exceptions.Exit(OK) from None

    def resolve_command(self, ctx, args):
        name = args[0] if args else None
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            import difflib

            close = difflib.get_close_matches(name, self.list_commands(ctx), n=2, cutoff=0.5)
            hint = f"; did you mean {' or '.join(close)}?" if close else ""
            raise click.UsageError(f"no such command {name!r}{hint}", ctx)
        return super().resolve_command(ctx, args)


@click.group(cls=HrplanGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="hrplan")
@click.option("--data", "data", type=click.Path(), metavar="PATH",
              help="Plan file or directory, for any command (the command's own --data wins).")
@click.option("--plan", "plan_id", metavar="ID", help="Plan id, for any command (the command's own --plan wins).")
@click.pass_context
def cli(ctx, data, plan_id):
    """Look up what China's National Human Rights Action Plans promised, what the official
    assessments reported, and how the two compare.

    \b
    Examples:
      hrplan summary                  the plan at a glance
      hrplan stats livelihood         scorecard of an area
      hrplan goals health --json      the same data for scripts
      hrplan show I.1.a               one commitment whole, with its sources

    An AREA is a chapter (I), a section (I.1), an alias (jobs) or a theme (livelihood);
    `hrplan areas` lists them. Exit codes: 0 ok, 1 invalid or unreadable plan file,
    2 usage error (unknown command, option, area, goal or plan), 130 interrupted.
    """


def _plan_command(name, answer, help, area=None):
    """Register a command that prints ``query.<answer>(plan)``, or, with ``area`` "required" or
    "optional", ``query.<answer>(plan, area)`` for the AREA argument."""

    def make():
        def command(**kw):
            from hrplan import query

            where = kw.pop("area", None)
            o = _opts(kw)
            plan = _plan(o)
            args = (plan,) if area is None else (plan, query.resolve_area(plan, where))
            emit(o, getattr(query, answer)(*args), name)

        command = common_options(command)
        if area is not None:
            command = click.argument("area", required=area == "required", shell_complete=_complete_area)(command)
        return click.command(name=name, help=help)(command)

    make.__name__ = f"make_{name}"
    _lazy_command(make)


_plan_command("summary", "summary", "The plan at a glance: metadata, chapters, status counts, headline claims.")
_plan_command("areas", "areas", "Chapters, sections and themes with their ids, aliases, goal counts and coverage.")
_plan_command("sources", "sources_answer", "The source register: every document cited, with its address.")
_plan_command("stats", "stats", "Scorecard of an AREA: status counts, the assessment's claims beside the data, "
              "key figures.", area="required")
_plan_command("progress", "progress_answer", "Progress bars of the quantified targets of the plan or of an AREA.",
              area="optional")


def _goal_filters(f):
    f = click.option("--status", "status", multiple=True, type=click.Choice(STATUSES),
                     help="Keep goals with this computed status (repeatable).")(f)
    f = click.option("--reported", multiple=True, type=click.Choice((*REPORTED_STATUSES, "none")),
                     help="Keep goals with this reported verdict (repeatable).")(f)
    f = click.option("--tag", multiple=True, help="Keep goals with this tag (repeatable).")(f)
    f = click.option("--binding", type=click.Choice(("binding", "expected")),
                     help="Keep targets a source labels binding or expected.")(f)
    f = click.option("--origin", type=click.Choice(("assessment", "other_official")),
                     help="Keep goals with a result read in the assessment report, or in another official source.")(f)
    return f


def _filtered(plan, area, kw, quantified=False):
    from hrplan.query import Assessed, filter_goals

    assessed = Assessed()
    goals = filter_goals(area.goals, assessed, status=kw["status"], tag=kw["tag"], binding=kw["binding"],
                         quantified=quantified or kw.get("quantified", False), reported=kw["reported"],
                         origin=kw["origin"], plan=plan)
    return goals, assessed


@_lazy_command
def make_goals():
    @click.command()
    @click.argument("area", required=False, shell_complete=_complete_area)
    @_goal_filters
    @click.option("--quantified", is_flag=True, help="Only goals with a quantified target.")
    @common_options
    def goals(area, **kw):
        """The commitments of the plan or of an AREA, with computed and reported status."""
        from hrplan import query

        o = _opts(kw)
        plan = _plan(o)
        a = query.resolve_area(plan, area)
        found, assessed = _filtered(plan, a, kw)
        emit(o, query.goals_answer(plan, a, found, assessed), "goals")

    return goals


@_lazy_command
def make_quotas():
    @click.command()
    @click.argument("area", required=False, shell_complete=_complete_area)
    @_goal_filters
    @common_options
    def quotas(area, **kw):
        """Quantified targets: metric, target, baseline, latest result, status."""
        from hrplan import query

        o = _opts(kw)
        plan = _plan(o)
        a = query.resolve_area(plan, area)
        found, assessed = _filtered(plan, a, kw, quantified=True)
        emit(o, query.goals_answer(plan, a, found, assessed), "quotas")

    return quotas


@_lazy_command
def make_show():
    @click.command()
    @click.argument("goal_id", metavar="GOAL_ID", shell_complete=_complete_goal)
    @common_options
    def show(goal_id, **kw):
        """One goal whole: target, results by year, verdicts, the status working, sources."""
        from hrplan import query

        o = _opts(kw)
        plan = _plan(o)
        emit(o, query.show(plan, query.resolve_goal(plan, goal_id)), "show")

    return show


@_lazy_command
def make_search():
    @click.command()
    @click.argument("text")
    @common_options
    def search(text, **kw):
        """Case-insensitive search over goal texts, metrics, notes and titles (Chinese too)."""
        from hrplan import query

        o = _opts(kw)
        emit(o, query.search_answer(_plan(o), text), "search")

    return search


@_lazy_command
def make_notes():
    @click.command()
    @click.argument("area", required=False, shell_complete=_complete_area)
    @click.option("--kind", "kinds", multiple=True, type=click.Choice(NOTE_KINDS),
                  help="Only notes of this kind, e.g. data_quality (repeatable).")
    @common_options
    def notes(area, kinds, **kw):
        """Notes on the data: data-quality notes, conflicts between sources, context figures."""
        from hrplan import query

        o = _opts(kw)
        plan = _plan(o)
        emit(o, query.notes_answer(plan, query.resolve_area(plan, area), kinds), "notes")

    return notes


@_lazy_command
def make_export():
    @click.command()
    @click.option("--format", "fmt", type=click.Choice(("json", "ndjson", "csv")), default="json", show_default=True,
                  help="json: one document; ndjson: one goal per line; csv: one row per result.")
    @click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
    @click.option("--plan", "plan_id", metavar="ID", help="Plan id (default: the latest loaded).")
    @click.option("--data", type=click.Path(), envvar="HRPLAN_DATA", metavar="PATH", help="Plan file or directory.")
    def export(fmt, as_json, plan_id, data):
        """The whole plan for other tools: metadata, sources, areas, goals with computed fields, claims."""
        from hrplan import query

        plan = _plan(_opts({"as_json": False, "fmt": None, "plan_id": plan_id, "data": data}))
        answer = query.export(plan)
        if as_json or fmt == "json":
            from hrplan.render import json_out

            json_out.write(answer)
        elif fmt == "ndjson":
            from hrplan.render import json_out

            json_out.write_lines(answer["goals"])
        else:
            from hrplan.render import csv_out

            csv_out.write(answer, sys.stdout)

    return export


@_lazy_command
def make_validate():
    @click.command()
    @click.argument("paths", nargs=-1, type=click.Path())
    @click.option("--json", "as_json", is_flag=True, help="Print the problems as one JSON document.")
    @click.option("--format", "fmt", type=click.Choice(FORMATS), help="Output form, as for the other commands.")
    @click.option("--data", type=click.Path(), metavar="PATH", help="Plan file or directory (as a PATH argument).")
    def validate(paths, as_json, fmt, data):
        """Check plan files (default: the data in use) and print every problem; exit 1 if any."""
        from hrplan.errors import PlanFileError
        from hrplan.load import bundled_data_dir, build, check_file, cross_check_plans, plan_files

        o = Opts(as_json, fmt, None, None)
        paths = (*paths, data) if data else paths
        if not paths:
            root = click.get_current_context().find_root().params
            paths = (root.get("data") or os.environ.get("HRPLAN_DATA") or bundled_data_dir(),)
        problems, plans, files = [], [], 0
        for path in paths:
            try:
                names = plan_files(path)
            except PlanFileError as exc:
                problems.extend(exc.problems)
                continue
            for file in names:
                files += 1
                doc, found = check_file(file)
                problems.extend(found)
                if doc is not None:
                    plans.append(build(doc, file))
        problems.extend(cross_check_plans(plans))
        errors = sum(1 for p in problems if p.severity == "error")
        answer = {
            "ok": not problems, "files": files, "errors": errors, "warnings": len(problems) - errors,
            "problems": [dict(p.as_dict(), text=str(p)) for p in problems],
        }
        emit(o, answer, "validate")
        if problems:
            raise SystemExit(DATA_ERROR)

    return validate


@_lazy_command
def make_methodology():
    @click.command()
    @click.option("--json", "as_json", is_flag=True, help="Print the method as JSON (text and thresholds).")
    def methodology(as_json):
        """How hrplan computes a status from a target and its results."""
        from hrplan import progress

        text = progress.methodology_text()
        answer = {"text": text, "approximation": progress.APPROX, "on_track": progress.ON_TRACK,
                  "needs_acceleration": progress.NEEDS_ACCELERATION, "statuses": list(STATUSES)}
        emit(Opts(as_json, "plain" if not as_json else None, None, None), answer, "methodology")

    return methodology


# ------------------------------------------------------------------------------------ entry


def _err(message: str) -> None:
    try:
        sys.stderr.write(f"hrplan: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at devnull so the exit flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv=None) -> None:
    """Console-script entry point: every failure becomes a one-line message and an exit code.

    Called as the program (``argv`` None), it ends with ``os._exit`` once its output is flushed:
    a short-lived process need not free every object one by one, and that teardown is a good
    part of a command's time. (``hrplan.__main__`` switches the cyclic garbage collector off for
    the same reason, before anything is imported.)
    """
    as_program = argv is None
    try:
        if hasattr(sys.stdout, "reconfigure"):
            enc = (sys.stdout.encoding or "").lower().replace("-", "")
            if enc not in ("utf8", "utf_8"):
                sys.stdout.reconfigure(errors="replace")
                sys.stderr.reconfigure(errors="backslashreplace")
        rc = cli.main(args=argv, prog_name="hrplan", standalone_mode=False)
        code = rc if isinstance(rc, int) else OK
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.exceptions.NoArgsIsHelpError as exc:
        # `hrplan` alone: the help, as with --help
        sys.stdout.write(exc.ctx.get_help() + "\n")
        code = OK
    except click.UsageError as exc:
        cmd = exc.ctx.command_path if exc.ctx else "hrplan"
        msg = exc.format_message().replace("\n", " ")
        _err(f"error: {msg} (see '{cmd} --help')")
        code = USAGE
    except (KeyboardInterrupt, click.Abort):
        _err("interrupted")
        code = INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        code = OK
    except HrplanError as exc:
        for line in str(exc).splitlines():
            _err(line)
        code = exc.exit_code
    except click.ClickException as exc:
        _err(f"error: {exc.format_message()}")
        code = exc.exit_code
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else DATA_ERROR)
    except Exception as exc:  # never a traceback, unless asked for
        if os.environ.get("HRPLAN_DEBUG"):
            raise
        _err(f"internal error: {type(exc).__name__}: {exc} (set HRPLAN_DEBUG=1 for a traceback)")
        code = INTERNAL
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    except (OSError, ValueError):
        pass
    if as_program:
        try:
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        os._exit(code)
    sys.exit(code)
