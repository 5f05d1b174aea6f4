"""What the output is going to: a terminal or a pipe, colour or not, which encoding.

One object, built once per call from the process environment, so tests can fake a terminal
or a pipe by building their own.
"""

from __future__ import annotations

import os
import sys


class TermEnv:
    __slots__ = ("isatty", "color", "encoding", "width")

    def __init__(self, isatty: bool, color: bool, encoding: str, width: int | None = None):
        self.isatty, self.color, self.encoding, self.width = isatty, color, encoding, width

    @classmethod
    def detect(cls, stream=None, environ=None) -> "TermEnv":
        stream = stream or sys.stdout
        environ = os.environ if environ is None else environ
        try:
            isatty = stream.isatty()
        except (AttributeError, ValueError, OSError):
            isatty = False
        if environ.get("NO_COLOR"):
            color = False
        elif environ.get("FORCE_COLOR"):
            color = True
        else:
            color = isatty and environ.get("TERM") != "dumb"
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
        width = None
        if environ.get("COLUMNS", "").isdigit():
            width = max(20, int(environ["COLUMNS"]))
        return cls(isatty, color, encoding, width)

    @property
    def unicode(self) -> bool:
        """True when Chinese text can be written as it is."""
        try:
            "中".encode(self.encoding)
            return True
        except (UnicodeEncodeError, LookupError):
            return False
