"""hrplan's own errors and exit codes (one definition, documented in docs/exit-codes.md and by
``hrplan help exit-codes``)."""

from __future__ import annotations

# Exit codes. Keep in step with the README's "Exit codes" table.
OK = 0
DATA_ERROR = 1  # a plan file is missing, unreadable or invalid; `validate` found problems; cannot write output
USAGE = 2  # bad command, option or argument; unknown or ambiguous area, goal or plan
INTERNAL = 3  # a bug in hrplan (HRPLAN_DEBUG=1 shows the traceback)
INTERRUPTED = 130  # Ctrl-C
EXIT_CODES = (
    (OK, "success (also: an empty search result; output cut short by a closed pipe)"),
    (DATA_ERROR, "a plan file is missing, unreadable or invalid; `validate` found problems; an output file "
                 "cannot be written"),
    (USAGE, "usage error: unknown command or option, missing argument, invalid value, unknown or ambiguous "
            "area, goal, plan, tag or indicator (closest matches are offered)"),
    (INTERNAL, "internal error in hrplan (HRPLAN_DEBUG=1 shows a traceback; please report it)"),
    (INTERRUPTED, "interrupted (Ctrl-C)"),
)


class HrplanError(Exception):
    """Base class: every error hrplan reports to a user. ``str(err)`` is the message."""

    exit_code = DATA_ERROR


class Problem:
    """One problem found in a plan file: where it is and what is wrong. ``origin`` says where a
    path that is wrong came from, when it came from the user: ``--data`` or ``HRPLAN_DATA``."""

    __slots__ = ("file", "path", "message", "line", "column", "severity", "origin")

    def __init__(self, file, path, message, line=None, column=None, severity="error", origin=None):
        self.file = file
        self.path = path
        self.message = message
        self.line = line
        self.column = column
        self.severity = severity
        self.origin = origin

    def __str__(self) -> str:
        where = str(self.file)
        if self.origin:  # as the user wrote it: --data PATH, HRPLAN_DATA=PATH
            where = f"{self.origin} {where}" if self.origin.startswith("-") else f"{self.origin}={where}"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.path:
            where += f": {self.path}"
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}: {prefix}{self.message}"

    def as_dict(self) -> dict:
        return {
            "file": str(self.file),
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message,
        }


class PlanFileError(HrplanError):
    """One or more plan files could not be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class NotFound(HrplanError):
    """An area, goal or plan named on the command line does not exist (or is ambiguous)."""

    exit_code = USAGE

    def __init__(self, kind: str, name: str, suggestions=(), candidates=(), hint: str | None = None,
                 origin: str | None = None, where: str | None = None):
        self.kind = kind
        self.name = name
        self.suggestions = list(suggestions)
        self.candidates = list(candidates)
        source = f" (from {origin})" if origin else ""  # the option that gave the name, e.g. --plan
        source += f" in {where}" if where else ""  # the plan (or plans) searched
        if hint:
            msg = hint
        elif self.candidates:
            msg = f"ambiguous {kind} {name!r}{source}: it could be " + ", ".join(self.candidates)
        else:
            msg = f"unknown {kind} {name!r}{source}"
            if self.suggestions:
                msg += "; did you mean " + " or ".join(self.suggestions) + "?"
        super().__init__(msg)


class UsageError(HrplanError):
    """Arguments that cannot go together, found once the data is read (exit 2)."""

    exit_code = USAGE
