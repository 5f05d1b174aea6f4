"""The ``hrplan`` program: the group of commands (``hrplan.cli.registry``), its root options, and
the entry point that builds the call's environment once and turns every failure into a
one-line message and an exit code.

Imports stay light at module level (Click only): the core is imported when a command runs,
Rich only when a table goes to a terminal, so ``--json`` and shell completion stay fast.
"""

from __future__ import annotations

import os
import sys

import click

from hrplan import __version__
from hrplan.errors import DATA_ERROR, INTERNAL, INTERRUPTED, OK, USAGE, HrplanError

class HrplanGroup(click.Group):
    """Builds commands on demand, suggests the closest command for a typo, and ends quietly on a
    closed pipe."""

    def list_commands(self, ctx):
        from hrplan.cli.registry import COMMANDS

        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        from hrplan.cli.registry import COMMANDS, build

        cmd = self.commands.get(name)
        if cmd is None and name in COMMANDS:
            cmd = self.commands[name] = build(name)
        return cmd

    @property
    def context_class(self):
        from hrplan.cli.help import context_class

        return context_class()

    def make_context(self, info_name, args, parent=None, **extra):
        # --help fills the terminal's width, 100 columns at most, 40 at least (Click's own floor is 50)
        if parent is None and extra.get("terminal_width") is None:
            env = extra.get("obj")
            columns = env.columns() if hasattr(env, "columns") else _columns()
            extra["terminal_width"] = max(40, min(columns, 100)) - 2
        return super().make_context(info_name, args, parent=parent, **extra)

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
@click.option("--no-pager", "no_pager", is_flag=True, help="Never page a long answer at a terminal.")
@click.option("--color", "color", type=click.Choice(("auto", "always", "never")),
              help="Colour the status words: auto (the default: at a terminal, as NO_COLOR, FORCE_COLOR and TERM say), "
                   "always (even in a pipe), never.")
@click.option("--plan", "plan_id", metavar="ID", help="Plan id, for any command that takes one (the command's own --plan, and "
                   "compare's PLAN arguments, win).",
              shell_complete=lambda ctx, param, incomplete: _complete_plan(ctx, param, incomplete))
@click.pass_context
def cli(ctx, data, plan_id, no_pager, color):
    """Look up what China's National Human Rights Action Plans promised, what the official
    assessments reported, and how the two compare.

    \b
    Examples:
      hrplan summary                  the plan at a glance
      hrplan stats livelihood         scorecard of an area
      hrplan goals health --json      the same data for scripts
      hrplan show I.1.a               one commitment whole, with its sources

    An AREA is a chapter (I), a section (I.1), an alias (jobs) or a theme (livelihood);
    `hrplan areas` lists them.

    Exit codes: 0 ok; 1 invalid or unreadable plan file, or an output
    file that cannot be written; 2 usage error; 3 internal error;
    130 interrupted (`hrplan help exit-codes`).
    """


# ------------------------------------------------------------------------------------ entry


def _complete_plan(ctx, param, incomplete):
    from hrplan.cli.options import complete_plan

    return complete_plan(ctx, param, incomplete)


def _columns() -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def _err(message: str) -> None:
    """An error: one line on stderr (``hrplan.render.termenv.say``)."""
    from hrplan.render.termenv import say

    say(message)


def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at devnull so the exit flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _closed_pipe(exc: SystemExit) -> bool:
    """Whether a SystemExit stands for a closed pipe, which is no error: Rich's console raises
    SystemExit(1) while handling a BrokenPipeError, and Click exits 1 after an EPIPE (printing
    help, for instance), once it has wrapped stdout to silence the flush at exit."""
    from click.utils import _PacifyFlushWrapper

    return isinstance(exc.__context__, BrokenPipeError) or isinstance(sys.stdout, _PacifyFlushWrapper)


def main(argv=None) -> None:
    """Console-script entry point: every failure becomes a one-line message and an exit code.

    Called as the program (``argv`` None), it ends with ``os._exit`` once its output is flushed:
    a short-lived process need not free every object one by one, and that teardown is a good
    part of a command's time. (``hrplan.__main__`` switches the cyclic garbage collector off for
    the same reason, before anything is imported.)

    A closed pipe (``hrplan goals | head -1``) is no error: the program stops writing, says
    nothing and exits 0, whichever part of the output met it (Click, Rich, a renderer, the last
    flush).
    """
    as_program = argv is None
    try:
        code = _run(argv)
    except BrokenPipeError:  # while writing the help or a message (the other cases are in _run)
        _quiet_stdout()
        code = OK
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


def _run(argv) -> int:
    """Run the command line; its exit code."""
    try:
        if hasattr(sys.stdout, "reconfigure"):
            enc = (sys.stdout.encoding or "").lower().replace("-", "")
            if enc not in ("utf8", "utf_8"):
                sys.stdout.reconfigure(errors="replace")
                sys.stderr.reconfigure(errors="backslashreplace")
        from hrplan.render.termenv import TermEnv

        # The environment, built once here and passed down to every command and renderer.
        rc = cli.main(args=argv, prog_name="hrplan", standalone_mode=False, obj=TermEnv.detect())
        return rc if isinstance(rc, int) else OK
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.NoArgsIsHelpError as exc:
        # `hrplan` alone: the help, as with --help
        sys.stdout.write(exc.ctx.get_help() + "\n")
        return OK
    except click.UsageError as exc:
        cmd = exc.ctx.command_path if exc.ctx else "hrplan"
        msg = exc.format_message().replace("\n", " ")
        _err(f"error: {msg} (see '{cmd} --help')")
        return USAGE
    except (KeyboardInterrupt, click.Abort):
        _err("interrupted")
        return INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return OK
    except HrplanError as exc:
        for line in str(exc).splitlines():
            _err(line)
        return exc.exit_code
    except click.ClickException as exc:
        _err(f"error: {exc.format_message()}")
        return exc.exit_code
    except SystemExit as exc:
        if _closed_pipe(exc):
            _quiet_stdout()
            return OK
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else DATA_ERROR)
    except Exception as exc:  # never a traceback, unless asked for
        if os.environ.get("HRPLAN_DEBUG"):
            raise
        _err(f"internal error: {type(exc).__name__}: {exc} (set HRPLAN_DEBUG=1 for a traceback)")
        return INTERNAL
