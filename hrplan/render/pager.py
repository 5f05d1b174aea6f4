"""Long answers at a terminal go through a pager, as git and gh do: ``$HRPLAN_PAGER``, else
``$PAGER``, else ``less -FRX`` (quit if one screen, keep colours, leave the text on the screen).
Never in a pipe and never for JSON (the caller decides); ``--no-pager``, an empty
``HRPLAN_PAGER`` or ``TERM=dumb`` turn it off. A pager that cannot be started means no pager."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys

DEFAULT = "less -FRX"


def command(environ=None) -> list[str] | None:
    """The pager to run, as an argument list, or None for no pager."""
    environ = os.environ if environ is None else environ
    if environ.get("TERM") == "dumb":  # a terminal that cannot run a pager (an editor's shell, say)
        return None
    chosen = environ.get("HRPLAN_PAGER")
    if chosen is None:
        chosen = environ.get("PAGER", DEFAULT)
    chosen = chosen.strip()
    if not chosen or chosen == "cat":
        return None
    try:
        return shlex.split(chosen)
    except ValueError:
        return None


def show(text: str, stream=None, environ=None, rows: int | None = None) -> None:
    """Write ``text`` to the terminal, through the pager when it is longer than the screen."""
    stream = stream or sys.stdout
    argv = command(environ)
    rows = rows or shutil.get_terminal_size((80, 24)).lines
    if argv is None or text.count("\n") < rows:
        stream.write(text)
        stream.flush()
        return
    env = dict(os.environ if environ is None else environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    try:
        pager = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except OSError:  # no such pager: print as if there were none
        stream.write(text)
        stream.flush()
        return
    try:
        pager.stdin.write(text.encode(getattr(stream, "encoding", None) or "utf-8", "replace"))
        pager.stdin.close()
    except BrokenPipeError:  # the reader quit the pager early
        pass
    pager.wait()
