"""The environment of a call: where its output goes (a terminal or a pipe), colour or not, which
encoding, the width and height, the pager, and where notices go.

One object, built once at the entry point (``hrplan.cli.main``) from the process environment and
passed down to every renderer, as httpie passes its ``Environment``: no renderer looks the
terminal up for itself, and tests fake a terminal or a pipe by building their own.
"""

from __future__ import annotations

import os
import sys


class TermEnv:
    __slots__ = ("isatty", "color", "encoding", "width", "rows", "stdout", "stderr", "environ")

    def __init__(self, isatty: bool, color: bool, encoding: str, width: int | None = None, rows: int | None = None,
                 stdout=None, stderr=None, environ=None):
        self.isatty, self.color, self.encoding, self.width, self.rows = isatty, color, encoding, width, rows
        self.stdout, self.stderr = stdout, stderr
        self.environ = os.environ if environ is None else environ

    @classmethod
    def detect(cls, stream=None, environ=None, stderr=None) -> "TermEnv":
        stream = stream or sys.stdout
        environ = os.environ if environ is None else environ
        try:
            isatty = stream.isatty()
        except (AttributeError, ValueError, OSError):
            isatty = False
        color = cls.colour(isatty, environ)
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
        width = None
        if environ.get("COLUMNS", "").isdigit():
            width = max(20, int(environ["COLUMNS"]))
        return cls(isatty, color, encoding, width, None, stream, stderr or sys.stderr, environ)

    @staticmethod
    def colour(isatty: bool, environ, choice: str = "auto") -> bool:
        """Whether to colour: ``--color always`` or ``never`` decides; ``auto``, NO_COLOR (no
        colour, ever), else FORCE_COLOR (colour even in a pipe), else a terminal that is not dumb."""
        if choice != "auto":
            return choice == "always"
        if environ.get("NO_COLOR"):
            return False
        if environ.get("FORCE_COLOR"):
            return True
        return isatty and environ.get("TERM") != "dumb"

    def choose_colour(self, choice: str | None) -> None:
        """Apply ``--color auto|always|never`` (None: not given, the environment decides)."""
        if choice:
            self.color = self.colour(self.isatty, self.environ, choice)

    @property
    def out(self):
        """The stream answers go to."""
        return self.stdout or sys.stdout

    @property
    def unicode(self) -> bool:
        """True when Chinese text can be written as it is."""
        try:
            "中".encode(self.encoding)
            return True
        except (UnicodeEncodeError, LookupError):
            return False

    def columns(self) -> int:
        """The width to lay a table out in: COLUMNS, else the terminal's, else 80."""
        if self.width:
            return self.width
        import shutil

        return shutil.get_terminal_size((80, 24)).columns

    def lines(self) -> int:
        """The height of the screen, for the pager's decision."""
        if self.rows:
            return self.rows
        import shutil

        return shutil.get_terminal_size((80, 24)).lines

    def sized(self) -> "TermEnv":
        """The same environment with its width fixed (for output laid out before it is shown)."""
        return TermEnv(self.isatty, self.color, self.encoding, self.columns(), self.rows, self.stdout, self.stderr,
                       self.environ)

    def notice(self, message: str) -> None:
        """A notice (a file of a data directory skipped): one line on stderr (``say``)."""
        say(message, self.stderr)


def say(message: str, stream=None) -> None:
    """One line on stderr, ``hrplan: ...``; a control character in it (from a file name, a key of
    a plan file) is written visibly escaped."""
    from hrplan.core.unsafe import visible

    stream = stream or sys.stderr
    try:
        stream.write(f"hrplan: {visible(message)}\n")
        stream.flush()
    except (OSError, ValueError):
        pass
