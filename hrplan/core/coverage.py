"""How much of a plan's own text was read, for any part of it: the one rule behind the coverage
every answer carries and behind every absence hrplan reports. Pure functions, no I/O.

A plan's text is read in units: its sections, and each chapter that has no sections. A unit's
``coverage`` (full, partial, summary, none, or not stated) says how much of it was reached; a
part of the plan was read whole only when every unit in it was read whole. Where a unit was not
read whole, the data cannot say that the plan sets no target there, only that none was found.
"""

from __future__ import annotations

from hrplan.core import model as m

# A unit's coverage, as a reading: read whole, read in part, not read, or not stated.
READING = {"full": "whole", "partial": "part", "summary": "part", "none": "not_read", None: "not_stated"}
# How the line a person reads names each reading, and what it adds to a unit read from summaries.
LABELS = (("not_read", "not read", " (no text reached)"), ("part", "partly read", ""),
          ("not_stated", "coverage not stated", ""), ("whole", "read whole", ""))
SUMMARY_ONLY = "summaries only"
READINGS = tuple(dict.fromkeys(READING.values()))  # whole, part, not_read, not_stated


_MEMO: dict[int, tuple] = {}  # id(plan) -> (plan, its units, chapter -> unit ids, alias -> part ids)


def _index(plan: m.Plan) -> tuple:
    """A plan's units and the names of its parts, computed once for a plan (the last few kept)."""
    hit = _MEMO.get(id(plan))
    if hit is not None and hit[0] is plan:
        return hit
    by_chapter: dict[str, list[m.Section]] = {}
    for s in plan.sections.values():
        by_chapter.setdefault(s.chapter, []).append(s)
    out: list = []
    for c in plan.chapters.values():
        out.extend(by_chapter.pop(c.id, None) or [c])
    for rest in by_chapter.values():  # sections of an unknown chapter (validate reports them)
        out.extend(rest)
    of_chapter: dict[str, set[str]] = {}
    for u in out:
        of_chapter.setdefault(getattr(u, "chapter", None) or u.id, set()).add(u.id)
    aliases: dict[str, list[str]] = {}
    for table in (plan.sections, plan.chapters):
        for x in table.values():
            for a in x.aliases:
                aliases.setdefault(a.lower(), []).append(x.id)
    if len(_MEMO) >= 8:
        _MEMO.clear()
    hit = _MEMO[id(plan)] = (plan, out, of_chapter, aliases)
    return hit


def units(plan: m.Plan) -> list:
    """The units of a plan's text, in order: each section, and each chapter without sections."""
    return list(_index(plan)[1])


def _units_of(plan: m.Plan, ids) -> set[str]:
    """The ids of the units that make up the chapters and sections named in ``ids``."""
    _, all_units, of_chapter, _ = _index(plan)
    known = {u.id for u in all_units}
    wanted: set[str] = set()
    for i in ids:
        wanted |= of_chapter.get(i, set()) | ({i} if i in known else set())
    return wanted


def _in_order(plan: m.Plan, wanted: set[str]) -> list:
    """The units of ``wanted`` (their ids), in the plan's order."""
    return [u for u in _index(plan)[1] if u.id in wanted]


def goal_units(plan: m.Plan, goal: m.Goal) -> list:
    """The units a goal's text comes from: its section, or its chapter's units."""
    return _in_order(plan, _units_of(plan, [goal.section or goal.chapter]))


def area_units(plan: m.Plan, area) -> list:
    """Every unit of an area (``hrplan.core.areas.Area``), those that hold no goal included."""
    return named_units(plan, area.kind, area.id, ((g.section, g.chapter) for g in area.goals))


def named_units(plan: m.Plan, kind: str, key: str, places) -> list:
    """Every unit of the area of ``kind`` and id ``key``: the whole plan, a chapter's units, a
    section, or a theme's sections and chapters with the units of the goals it takes by tag or
    id; ``places`` are the (section, chapter) of the area's goals (read for a theme only)."""
    if kind == "plan":
        return units(plan)
    named = {key}
    if kind == "theme":
        named = {*plan.themes[key].sections, *(section or chapter for section, chapter in places)}
    return _in_order(plan, _units_of(plan, named))


def _names(plan: m.Plan, goal: m.Goal, wider: bool = False) -> set[str]:
    """The names (aliases, lower-cased) of the section a goal stands in (``wider``: its chapter)."""
    part = plan.sections.get(goal.section) if goal.section and not wider else plan.chapters.get(goal.chapter)
    return {a.lower() for a in part.aliases} if part is not None else set()


def counterpart_units(plan: m.Plan, own: list[m.Goal], others) -> list:
    """The units of ``plan`` whose text would hold its target for an indicator it sets none for:
    those of its own goals for the indicator (results without a target); else those that share a
    name (an alias: work, health, environment) with the sections of the other plans that target
    it, ``others`` as (plan, goal), or else with their chapters; else, since nothing says where
    it would stand, every unit."""
    if own:
        wanted = _units_of(plan, [g.section or g.chapter for g in own])
    else:
        wanted = set()
        aliases = _index(plan)[3]
        for wider in (False, True):
            names = set().union(*(_names(p, g, wider) for p, g in others)) if others else set()
            wanted = _units_of(plan, [i for n in names for i in aliases.get(n, ())])
            if wanted:
                break
    return _in_order(plan, wanted) or units(plan)


def reading(unit_coverage: str | None) -> str:
    """whole, part, not_read or not_stated: how a unit with this coverage was read."""
    return READING.get(unit_coverage, "not_stated")


def read_as(coverages) -> str:
    """How a set of units was read together: whole when every one was; not_read when none was
    reached; not_stated when no unit was read, whole or in part, and one does not say (or there is
    no unit at all); part otherwise (some of the text was read)."""
    readings = {reading(c) for c in coverages}
    if readings == {"whole"}:
        return "whole"
    if readings & {"whole", "part"}:
        return "part"
    return "not_read" if readings == {"not_read"} else "not_stated"


def line(records) -> str:
    """The line a person reads: "Not read: III.2, III.3 (no text reached); partly read: III.1".
    ``records`` are coverage records (``section``, ``coverage``), in plan order."""
    if not records:
        return "no part of the plan's text is in question"
    groups: dict[str, list[str]] = {}
    for r in records:
        name = r["section"] + (f" ({SUMMARY_ONLY})" if r["coverage"] == "summary" else "")
        groups.setdefault(reading(r["coverage"]), []).append(name)
    parts = [f"{label}: {', '.join(groups[key])}{tail}" for key, label, tail in LABELS if key in groups]
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


# What an absence of a target means, by how the other plan's text that would hold it was read.
ABSENCE = {
    "whole": ("not_targeted", "not targeted, text read"),
    "part": ("not_found", "no target found: {where} {be} read in part"),
    "not_read": ("not_found", "no target found: {where} {be} not read"),
    "not_stated": ("not_found", "no target found: how much of {where} {be} read is not stated"),
}
ABSENCES = tuple(dict.fromkeys(kind for kind, _ in ABSENCE.values()))  # not_targeted, not_found


def absence(read: str, whole_plan: bool = False, sections: int = 1) -> tuple[str, str]:
    """(kind, words) of a plan's having no target for an indicator, where its text that would hold
    one (its ``sections``, or the ``whole_plan`` when nothing says where) was read ``read`` (see
    ``read_as``): ``not_targeted`` only when that text was read whole."""
    kind, words = ABSENCE[read]
    several = sections > 1 and not whole_plan
    where = "the plan's text" if whole_plan else "the sections" if several else "the section"
    return kind, words.format(where=where, be="were" if several and read != "not_stated" else "was")


def read_whole(records) -> bool:
    """Whether every unit of these coverage records was read whole."""
    return all(r["read"] == "whole" for r in records)


def nothing_found(records, what: str = "goal") -> str:
    """How to say that no ``what`` was found in the part of the plan these coverage records
    describe: "none" only where every unit was read whole."""
    if read_whole(records):
        return "none"
    return f"no {what} found: the plan text was not read whole (see 'plan text read')"
