"""What each status is: one table, read by the method, the answers, the renderers, the help and
``hrplan methodology``.

A computed status has a rank (worst 0 to best 5, none where it says nothing of progress), a
category (``achieved``, ``under_way``, ``missed``, ``unknown``, ``unquantified``), a colour (a
Rich style; the plain renderer derives its ANSI codes from it) and a line of legend. Adding a
status touches the method (``hrplan.core.method``), this table and docs/methodology.md, nothing else.

Reported statuses (a source's own verdict) have their table too, with the computed statuses each
one agrees with, by category.
"""

from __future__ import annotations


class StatusInfo:
    __slots__ = ("name", "rank", "category", "colour", "legend")

    def __init__(self, name, rank, category, colour, legend):
        self.name, self.rank, self.category, self.colour, self.legend = name, rank, category, colour, legend

    def record(self) -> dict:
        return {"name": self.name, "rank": self.rank, "category": self.category, "colour": self.colour,
                "legend": self.legend}


CATEGORIES = ("achieved", "under_way", "missed", "unknown", "unquantified")

TABLE = (
    StatusInfo("surpassed", 5, "achieved", "bold green", "the figure used is better than the target"),
    StatusInfo("met", 4, "achieved", "green", "the figure used reaches the target, or stays within a limit"),
    StatusInfo("not_met", 0, "missed", "bold red", "the final figure falls short of the target, or breaks a limit"),
    StatusInfo("on_track", 3, "under_way", "cyan", "interim figures: on pace to reach the target in time"),
    StatusInfo("needs_acceleration", 2, "under_way", "yellow", "interim figures: behind the pace the target needs"),
    StatusInfo("limited_progress", 1, "under_way", "yellow", "interim figures: far behind the pace the target needs"),
    StatusInfo("deterioration", 0, "missed", "red", "interim figures: moving away from the target"),
    StatusInfo("indeterminate", None, "unknown", "magenta",
               "figures exist but cannot settle the status (too imprecise, other units, a gap)"),
    StatusInfo("no_data", None, "unknown", "dim", "a quantified target without a usable figure"),
    StatusInfo("not_quantified", None, "unquantified", "dim", "no quantified target: the reported verdict speaks alone"),
)

BY_NAME = {s.name: s for s in TABLE}
STATUSES = tuple(s.name for s in TABLE)
RANK = {s.name: s.rank for s in TABLE if s.rank is not None}
COLOURS = {s.name: s.colour for s in TABLE}


def of(category: str) -> tuple[str, ...]:
    """The statuses of a category, in table order."""
    return tuple(s.name for s in TABLE if s.category == category)


ACHIEVED = of("achieved")
UNDER_WAY = of("under_way")
UNKNOWN = of("unknown")
# Statuses that carry no verdict to set beside a reported one.
NO_VERDICT = (*UNKNOWN, *of("unquantified"))

# A source's own verdict: name -> (legend, the computed statuses it agrees with; None: no verdict
# to compare). A report of "met" does not deny that a target was exceeded; "surpassed" claims more.
REPORTED = {
    "surpassed": ("the source says the target was exceeded or reached early", ("surpassed",)),
    "met": ("the source says the target was reached", ACHIEVED),
    "in_progress": ("the source says work is under way", UNDER_WAY),
    "not_met": ("the source says the target was not reached", (*of("missed"), *UNDER_WAY)),
    "not_stated": ("the source reports on the goal but gives no verdict", None),
}
REPORTED_STATUSES = tuple(REPORTED)
# "none" in counts and filters: no source reports on the goal at all.
REPORTED_NONE = "none"
REPORTED_NONE_LEGEND = "no source read reports on the goal"
AGREES_WITH = {name: agrees for name, (_, agrees) in REPORTED.items() if agrees is not None}

# Rich style words -> ANSI SGR codes, for the plain renderer's FORCE_COLOR output.
_SGR = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "blue": "34", "magenta": "35",
        "cyan": "36"}


def ansi(colour: str) -> str:
    """The SGR parameters of a Rich style such as "bold green" (``1;32``)."""
    return ";".join(_SGR[word] for word in colour.split())


def colour_legend() -> str:
    """"green surpassed or met, cyan on_track, ...": statuses grouped by colour word, in the order
    of their categories (achieved, under way, missed, unknown)."""
    groups: dict[str, list[str]] = {}
    for s in sorted(TABLE, key=lambda s: CATEGORIES.index(s.category)):
        groups.setdefault(s.colour.split()[-1], []).append(s.name)
    return ", ".join(f"{colour} {' or '.join(names)}" for colour, names in groups.items())


LEGEND = ("Status is computed by hrplan from target and results (see `hrplan methodology`); "
          "'reported' is the source's own verdict. Words carry the meaning; colour only repeats it "
          f"({colour_legend()}).")


def markdown_table() -> str:
    """The statuses as the Markdown table in docs/methodology.md (a test keeps the two the same)."""
    lines = ["| status | category | rank | meaning |", "|---|---|---|---|"]
    for s in TABLE:
        rank = "" if s.rank is None else str(s.rank)
        lines.append(f"| `{s.name}` | {s.category.replace('_', ' ')} | {rank} | {s.legend} |")
    return "\n".join(lines)
