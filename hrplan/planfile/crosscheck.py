"""The cross-checks of a plan document: references between its tables (sources, chapters,
sections, themes, goals), unique ids, area names that do not collide, plausible targets and
results.

They run on whatever could be read: a structurally valid document as it is, or, when the
structural check found problems, what ``hrplan.planfile.validate.readable`` kept of it: every value that
fits its spec, in tables marked ``Pruned`` where something was left out (a required key may be
missing; an array element that was not a table is an empty ``Pruned``). So a required key is
read with ``get`` here; references are checked wherever they could be read, and the checks that
ask whether a key is there (a result needs a value or a text, a goal a section) only on tables
read whole, since a key left out of a ``Pruned`` table is already reported.
"""

from __future__ import annotations

from hrplan.core.model import EVERY_PLAN


class Pruned(dict):
    """A table with structural problems, as far as it could be read (``hrplan.planfile.validate.readable``)."""

    __slots__ = ()


def closest(word, choices):
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.7)
    return found[0] if found else None


def path_str(path) -> str:
    """A key path written out: ("goals", 12) -> goals[12]; (("goals", 12), "results") -> goals[12].results."""
    if path.__class__ is not tuple:
        return path
    parent, key = path
    parent = path_str(parent)
    if key.__class__ is int:
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def cross_check(doc, out) -> None:
    """Append every cross-reference problem to ``out``. The document is only read."""
    plan = doc.get("plan", {})
    start, end = plan.get("period", (None, None))
    pid = plan.get("id")

    def unique(table):
        """The table's ids, each with its first position; a problem for each repeated id."""
        items = doc.get(table, ())
        try:
            ids = [item["id"] for item in items]
        except KeyError:  # what could be read of a faulty document
            ids = [item.get("id") for item in items]
        seen = dict(zip(ids, range(len(ids))))  # built in C; with no repeats, the first positions
        if len(seen) < len(ids):
            seen = {}
            for i, gid in enumerate(ids):
                if gid is None:
                    continue
                first = seen.setdefault(gid, i)
                if first != i:
                    out.append((f"{table}[{i}].id", f"duplicate id {gid!r} (first at {table}[{first}])"))
        seen.pop(None, None)
        return seen

    sources = unique("sources")
    chapters = unique("chapters")
    sections = unique("sections")
    themes = unique("themes")
    goals = unique("goals")
    unique("claims")

    # Aliases and ids must not collide across chapters, sections and themes (area names).
    names: dict[str, str] = {}
    for table in ("chapters", "sections", "themes"):
        for i, item in enumerate(doc.get(table, [])):
            for j, name in enumerate([item.get("id"), *item.get("aliases", [])]):
                if name is None:
                    continue
                key = name.lower()
                where = f"{table}[{i}]" + (".id" if j == 0 else f".aliases[{j - 1}]")
                if key in names and names[key] != where and j > 0:
                    out.append((where, f"area name {name!r} is already used by {names[key]}"))
                names.setdefault(key, where)

    def ref(value, table, index, path, what):
        if value not in index:
            hint = closest(value, index)
            out.append((path, f"unknown {what} {value!r}" + (f" (did you mean {hint}?)" if hint else "")))

    if pid == EVERY_PLAN:
        out.append(("plan.id", f"{EVERY_PLAN!r} cannot be a plan id: --plan {EVERY_PLAN} means every plan"))
    for rel in ("predecessor", "successor"):
        if pid is not None and plan.get(rel) == pid:
            out.append((f"plan.{rel}", "a plan cannot be its own " + rel))
    if "assessment" in plan:
        ref(plan["assessment"], "sources", sources, "plan.assessment", "source")
    for j, s in enumerate(plan.get("sources", [])):
        ref(s, "sources", sources, f"plan.sources[{j}]", "source")
    _check_notes(plan.get("notes", []), "plan.notes", sources, ref)
    for j, s in enumerate(plan.get("stated_size", {}).get("sources", [])):
        ref(s, "sources", sources, f"plan.stated_size.sources[{j}]", "source")

    for i, sec in enumerate(doc.get("sections", [])):
        if "chapter" in sec:
            ref(sec["chapter"], "chapters", chapters, f"sections[{i}].chapter", "chapter")

    for i, theme in enumerate(doc.get("themes", [])):
        p = f"themes[{i}]"
        for j, s in enumerate(theme.get("sections", [])):
            if s not in sections and s not in chapters:
                ref(s, "sections", {**sections, **chapters}, f"{p}.sections[{j}]", "section or chapter")
        for j, g in enumerate(theme.get("goals", [])):
            ref(g, "goals", goals, f"{p}.goals[{j}]", "goal")
        if theme.__class__ is dict and not (theme.get("sections") or theme.get("tags") or theme.get("goals")):
            out.append((p, "a theme needs sections, tags or goals"))

    chapter_of = {sec["id"]: sec.get("chapter") for sec in doc.get("sections", []) if "id" in sec}
    source_ids = set(sources)
    for i, goal in enumerate(doc.get("goals", ())):
        # Once per goal: key paths are written out only for a problem.
        sec = goal.get("section")
        if sec is not None:
            chapter = chapter_of.get(sec, False)
            if chapter is False:
                ref(sec, "sections", sections, f"goals[{i}].section", "section")
            elif "chapter" in goal and chapter is not None and goal["chapter"] != chapter:
                out.append((f"goals[{i}].chapter", f"section {sec!r} is in chapter {chapter!r}"))
        else:
            chapter = goal.get("chapter")
            if chapter is None:
                if goal.__class__ is dict:
                    out.append((f"goals[{i}]", "needs a section (or, for a chapter without sections, a chapter)"))
            elif chapter not in chapters:
                ref(chapter, "chapters", chapters, f"goals[{i}].chapter", "chapter")
        if "plan_sources" in goal and not source_ids.issuperset(goal["plan_sources"]):
            for j, s in enumerate(goal["plan_sources"]):
                if s not in sources:
                    ref(s, "sources", sources, f"goals[{i}].plan_sources[{j}]", "source")
        target = goal.get("target")
        if target.__class__ is dict:
            _check_target(target, (("goals", i), "target"), start, end, out)
        if "results" in goal:
            _check_results(goal["results"], (("goals", i), "results"), target, sources, ref, out)
        if "notes" in goal:
            _check_notes(goal["notes"], f"goals[{i}].notes", sources, ref)

    area_ids = {**chapters, **sections, **themes}
    for i, claim in enumerate(doc.get("claims", [])):
        p = f"claims[{i}]"
        if "area" in claim and claim["area"] not in area_ids:
            ref(claim["area"], "areas", area_ids, f"{p}.area", "area")
        for j, s in enumerate(claim.get("sources", [])):
            ref(s, "sources", sources, f"{p}.sources[{j}]", "source")
        if "share" in claim and not 0 <= claim["share"] <= 100:
            out.append((f"{p}.share", f"must be a percentage from 0 to 100, not {claim['share']}"))
        if "share" in claim and not claim.get("counts") and claim.__class__ is dict:
            out.append((f"{p}.counts", "a claim with a share needs the statuses it counts"))
        _check_results(claim.get("results", []), f"{p}.results", None, sources, ref, out)
        _check_notes(claim.get("notes", []), f"{p}.notes", sources, ref)


def _check_target(t, p, start, end, out) -> None:
    """``p`` is a key path as in ``hrplan.planfile.validate``, written out only for a problem."""
    if "period" in t:
        if "year" in t:
            out.append((path_str(p), "give either year or period, not both"))
        last = t["period"][1]
    elif "year" in t:
        last = t["year"]
    else:
        out.append((path_str(p), "needs a year or a period"))
        last = None
    if last is not None and start is not None and not start <= last <= end + 5:
        out.append((f"{path_str(p)}.{'period' if 'period' in t else 'year'}",
                    f"target year {last} is outside the plan's period {start}-{end}"))
    if "aggregate" in t and t["aggregate"] != "end" and "period" not in t:
        out.append((f"{path_str(p)}.aggregate", "a mean or total target needs a period"))
    base = t.get("baseline", {}).get("year")
    if base is not None and last is not None and base > last:
        out.append((f"{path_str(p)}.baseline.year", f"baseline year {base} is after the target year {last}"))
    _check_change(t, p, out)
    if "tolerance" in t:
        if t.get("qualifier") != "about":
            out.append((f"{path_str(p)}.tolerance", 'a tolerance belongs to an approximate target (qualifier = "about")'))
        elif t["tolerance"].__class__ in (int, float) and not t["tolerance"] > 0:
            out.append((f"{path_str(p)}.tolerance", "a tolerance is a positive number"))
    if "change" in t and "base_year" in t:
        if last is not None and t["base_year"] >= last:
            out.append((f"{path_str(p)}.base_year", f"base year {t['base_year']} is not before the target year {last}"))
        if base is not None and base != t["base_year"]:
            out.append((f"{path_str(p)}.baseline.year", f"the base value of a change must be for the base year {t['base_year']}"))


def _check_change(d, p, out) -> None:
    """A change (of a target or a result) needs its base year; a base year needs a change."""
    if "change" in d and "base_year" not in d:
        out.append((f"{path_str(p)}.base_year", "a change needs the base year it is measured from"))
    elif "base_year" in d and "change" not in d:
        out.append((f"{path_str(p)}.change", "a base year needs a change (absolute, percent or multiple)"))


def _check_results(results, p, target, sources, ref, out) -> None:
    """``p`` is a key path as in ``hrplan.planfile.validate``, written out only for a problem."""
    unit = target.get("unit") if target is not None else None
    for j, r in enumerate(results):
        intact = r.__class__ is dict  # read whole, or Pruned
        source = r["source"] if intact else r.get("source")
        if source not in sources and source is not None:
            ref(source, "sources", sources, f"{path_str(p)}[{j}].source", "source")
        if "see_also" in r:
            for k, s in enumerate(r["see_also"]):
                if s not in sources:
                    ref(s, "sources", sources, f"{path_str(p)}[{j}].see_also[{k}]", "source")
        if not intact:
            continue  # Pruned: what is there or not is already reported
        if "change" in r or "base_year" in r:
            _check_change(r, (p, j), out)
        if "year" in r:
            if "period" in r:
                out.append((f"{path_str(p)}[{j}]", "give either year or period, not both"))
        elif "period" not in r:
            out.append((f"{path_str(p)}[{j}]", "needs a year or a period"))
        if "value" in r:
            if "unit" not in r:
                out.append((f"{path_str(p)}[{j}].unit", "a result with a value needs a unit"))
            elif unit is not None and r["unit"] != unit and r.get("use", True) and "change" not in r:
                out.append((f"{path_str(p)}[{j}].unit", f"unit {r['unit']!r} differs from the target's {unit!r}", "warning"))
        elif "text" not in r:
            out.append((f"{path_str(p)}[{j}]", "a result needs a value or a text"))


def _check_notes(notes, p, sources, ref) -> None:
    for j, note in enumerate(notes):
        if isinstance(note, dict):
            for k, s in enumerate(note.get("sources", [])):
                ref(s, "sources", sources, f"{p}[{j}].sources[{k}]", "source")
