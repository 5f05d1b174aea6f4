"""Checking a parsed plan document against ``hrplan.schema``: every problem at once, each with
its key path; the generated fast acceptance; and the cross-checks (references, uniqueness,
area-name collisions, plausibility of targets and results).
"""

from __future__ import annotations

from hrplan import model as m
from hrplan.errors import Problem
from hrplan.schema import (ENUM_TEST, FORMAT_VERSION, NAMES, REGISTRY, TEXT_UNSAFE_RE, TOP, TYPES, UNSAFE_RE,
                           escaped)


def _describe(value) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return "a date/time"


# The tests of the schema's types (schema.TYPES, schema.ENUM_TEST) run with the names of
# schema.NAMES, except that ``ID`` answers from a memo: sections and sources are named again by
# every goal, and a lookup costs a fifth of the pattern. The memo is emptied after each check.


class _KnownIds(dict):
    """Strings already tested against schema's ``ID``, with the answer."""

    __slots__ = ()

    def __missing__(self, x):
        ok = self[x] = NAMES["ID"](x) is not None
        return ok


_KNOWN_IDS = _KnownIds()
_ENV = dict(NAMES, ID=_KNOWN_IDS.__getitem__)


def _test(spec, env: dict) -> str:
    """The test expression (on ``x``) of a type name with a test or of a tuple of values; the
    values of a tuple are bound in ``env`` under a new name."""
    if spec.__class__ is tuple:
        name = f"E{len(env)}"
        env[name] = frozenset(spec)
        return ENUM_TEST.format(values=name)
    return TYPES[spec]["test"]


_PREDICATES: dict = {}


def _predicate(spec):
    """``_test(spec)`` compiled into a function of the value (once per spec)."""
    ok = _PREDICATES.get(spec)
    if ok is None:
        env = dict(_ENV)
        ok = _PREDICATES[spec] = eval(f"lambda x: {_test(spec, env)}", env)  # noqa: S307 - schema's own text
    return ok


def _check_value(value, spec, path, out) -> None:
    """Append a problem to ``out`` if ``value`` does not fit ``spec``.

    ``path`` is a key path: a string, or (parent path, key or index), written out with ``_pstr``
    only when there is a problem to report. Whether a value fits is the schema's test; what is
    said about one that does not is worked out here."""
    if spec.__class__ is dict:
        _check_table(value, spec, path, out)
        return
    if spec.__class__ is list:
        if value.__class__ is not list:
            out.append((_pstr(path), f"must be an array of tables, not {_describe(value)}"))
            return
        for i, item in enumerate(value):
            _check_table(item, spec[0], (path, i), out)
        return
    if spec.__class__ is tuple:
        if not _predicate(spec)(value):
            out.append((_pstr(path), f"must be one of {', '.join(spec)}, not {value!r}"))
        return
    kind = TYPES[spec]
    if "test" in kind:
        if _predicate(spec)(value):
            return
        if value.__class__ is str and _unsafe(value, spec):
            out.append((_pstr(path), _unsafe(value, spec)))
        elif spec == "num" and value.__class__ is float:  # the one way a float is not a number
            out.append((_pstr(path), f"must be a finite number, not {value}"))
        else:
            out.append((_pstr(path), f"must be {kind['description']}, not {_shown(value)}"))
        return
    if value.__class__ is not list:
        out.append((_pstr(path), f"must be {kind['description']}, not {_describe(value)}"))
        return
    scalars = [_predicate(s) for s in kind["items"] if s.__class__ is not dict]
    tables = [s for s in kind["items"] if s.__class__ is dict]
    if not tables:  # a list of scalars: one message for the whole list
        if all(any(ok(v) for ok in scalars) for v in value):
            return
        unsafe = [(i, _unsafe(v, kind["items"][0])) for i, v in enumerate(value) if v.__class__ is str]
        if any(message for _, message in unsafe):
            out.extend((_pstr((path, i)), message) for i, message in unsafe if message)
        elif spec == "statuslist" and all(v.__class__ is str and v for v in value):
            bad = next(v for v in value if v not in m.STATUSES)
            out.append((_pstr(path), f"unknown status {bad!r}; one of {', '.join(m.STATUSES)}"))
        else:
            out.append((_pstr(path), f"must be {kind['description']}, not {_shown(value)}"))
        return
    for i, item in enumerate(value):  # notes: each a string or a table, checked in its place
        if any(ok(item) for ok in scalars):
            continue
        if item.__class__ is str:  # a string that fits no test here is blank, or holds what it may not
            out.append((_pstr((path, i)), _unsafe(item, "text") or "must not be empty"))
        else:
            _check_table(item, tables[0], (path, i), out)


def _unsafe(value: str, spec) -> str | None:
    """What is wrong with a string that holds characters of ``schema.UNSAFE`` its type refuses
    (a free text, "text", may hold newlines and tabs), or None."""
    found = [mt.start() for mt in (TEXT_UNSAFE_RE if spec == "text" else UNSAFE_RE).finditer(value)]
    if not found:
        return None
    listed = ", ".join(f"{escaped(value[i])} at character {i + 1}" for i in found[:5])
    if len(found) > 5:
        listed += f" and {len(found) - 5} more"
    if spec == "text":
        return f"holds {listed}: no control character (but newline and tab) or bidirectional override is allowed"
    return (f"holds {listed}: this value is one line, without control characters (newline and tab included) "
            "or bidirectional overrides")


def _shown(value) -> str:
    text = repr(value) if isinstance(value, (str, int, float)) else _describe(value)
    return text if len(text) <= 40 else text[:37] + "..."


_COMPILED: dict[int, tuple[dict, tuple]] = {}


def _compiled(schema: dict) -> tuple[dict, frozenset]:
    """(spec by key name, required names) of a table spec, worked out once."""
    got = _COMPILED.get(id(schema))
    if got is None:
        known = {key.rstrip("!"): spec for key, spec in schema.items()}
        required = frozenset(key[:-1] for key in schema if key.endswith("!"))
        got = _COMPILED[id(schema)] = (known, required)
    return got


def _check_table(value, schema, path, out) -> None:
    if value.__class__ is not dict:
        out.append((_pstr(path), f"must be a table, not {_describe(value)}"))
        return
    known, required = _COMPILED.get(id(schema)) or _compiled(schema)
    if not required.issubset(value):
        for name in sorted(required):
            if name not in value:
                out.append((_join(path, name), "is required but missing"))
    for name, item in value.items():
        spec = known.get(name)
        if spec is None:
            hint = _closest(name, known)
            if path and name in TOP:
                msg = f"unknown key (a top-level {name!r} must come before the first [table] header)"
            else:
                msg = "unknown key" + (f" (did you mean {hint}?)" if hint else "")
            out.append((_join(path, name), msg))
            continue
        # Nested tables go through the generated acceptance first (see _fast_ok); anything
        # else gets the full check, which reports what is wrong.
        if spec.__class__ is dict:
            if not _fast_ok(spec)(item):
                _check_table(item, spec, (path, name), out)
            continue
        if spec.__class__ is list and item.__class__ is list:
            sub, here = spec[0], (path, name)
            ok = _fast_ok(sub)
            for i, element in enumerate(item):
                if not ok(element):
                    _check_table(element, sub, (here, i), out)
            continue
        _check_value(item, spec, (path, name), out)


# Fast acceptance. For each table spec, a function is generated (once, on the first check) that
# answers only "is this table surely fine?", without building key paths. It is derived from the
# schema: the specs say which keys, tables and lists to look at, and each value's test is the
# schema's own test expression, written inline. Nested tables and lists are checked in the same
# function, so a goal with its target and results costs one call. A table it does not accept
# goes through ``_check_table``, which says what is wrong and where.
#
# It earns its place: with every table sent through the full check instead, the cold run of
# ``benchmarks/startup.py --runs 10`` (10,000 goals) took 1.62 and 1.66 times tomli's parse, over
# the 1.5 target; with it, 1.41 and 1.37 (same session, alternating, 2-core machine).

_FAST: dict[int, object] = {}


def _fast_ok(schema: dict):
    """The generated acceptance function of the table spec ``schema`` (see above)."""
    ok = _FAST.get(id(schema))
    if ok is None:
        env = dict(_ENV)
        lines = ["def ok(v0):"]
        _emit_table(schema, 0, "    ", env, lines)
        lines.append("    return True")
        exec("\n".join(lines), env)  # noqa: S102 - generated from the schema's specs and tests
        ok = _FAST[id(schema)] = env["ok"]
    return ok


def _emit_table(schema: dict, depth: int, pad: str, env: dict, lines: list) -> None:
    """Lines that return False unless the value ``v<depth>`` is a table that fits ``schema``.

    A scalar is tested as ``x``, the name the schema's tests use; a list as ``t<depth>``."""
    v, t = f"v{depth}", f"t{depth}"
    known, required = _compiled(schema)
    keys = f"K{len(env)}"
    env[keys] = frozenset(known)
    has_all = "".join(f" and {name!r} in {v}" for name in sorted(required))
    lines += [f"{pad}if not ({v}.__class__ is dict{has_all} and {keys}.issuperset({v})):", f"{pad}    return False"]
    for name, spec in known.items():
        inner = pad
        if name not in required:  # a required key is present: checked above
            inner = pad + "    "
            lines.append(f"{pad}if {name!r} in {v}:")
        if spec.__class__ is dict:
            lines.append(f"{inner}v{depth + 1} = {v}[{name!r}]")
            _emit_table(spec, depth + 1, inner, env, lines)
        elif spec.__class__ is list:
            lines += [f"{inner}{t} = {v}[{name!r}]", f"{inner}if {t}.__class__ is not list:", f"{inner}    return False",
                      f"{inner}for v{depth + 1} in {t}:"]
            _emit_table(spec[0], depth + 1, inner + "    ", env, lines)
        elif spec.__class__ is tuple or "test" in TYPES[spec]:
            lines += [f"{inner}x = {v}[{name!r}]", f"{inner}if not ({_test(spec, env)}):", f"{inner}    return False"]
        else:  # a list type: each element fits one of its item specs
            tests = []
            for item in TYPES[spec]["items"]:
                if item.__class__ is dict:
                    env[f"T{len(env)}"] = _fast_ok(item)
                    tests.append(f"T{len(env) - 1}(x)")
                else:
                    tests.append(f"({_test(item, env)})")
            lines += [f"{inner}{t} = {v}[{name!r}]", f"{inner}if {t}.__class__ is not list:", f"{inner}    return False",
                      f"{inner}for x in {t}:", f"{inner}    if not ({' or '.join(tests)}):", f"{inner}        return False"]


def _pstr(path) -> str:
    """A key path written out: ("goals", 12) -> goals[12]; (("goals", 12), "results") -> goals[12].results."""
    if path.__class__ is not tuple:
        return path
    parent, key = path
    parent = _pstr(parent)
    if key.__class__ is int:
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def _join(path, name: str) -> str:
    path = _pstr(path)
    return f"{path}.{name}" if path else name


def _closest(word, choices):
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.7)
    return found[0] if found else None


# --------------------------------------------------------------------------------------------
# Cross-checks: references, uniqueness, plausibility. Run on a structurally valid document.


def _cross_check(doc, out) -> None:
    """Append every cross-reference problem to ``out``. The document is only read."""
    plan = doc["plan"]
    start, end = plan["period"]
    pid = plan["id"]

    def unique(table):
        """The table's ids, each with its first position; a problem for each repeated id."""
        ids = [item["id"] for item in doc.get(table, ())]
        seen = dict(zip(ids, range(len(ids))))  # built in C; with no repeats, the first positions
        if len(seen) < len(ids):
            seen = {}
            for i, gid in enumerate(ids):
                first = seen.setdefault(gid, i)
                if first != i:
                    out.append((f"{table}[{i}].id", f"duplicate id {gid!r} (first at {table}[{first}])"))
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
            for j, name in enumerate([item["id"], *item.get("aliases", [])]):
                key = name.lower()
                where = f"{table}[{i}]" + (".id" if j == 0 else f".aliases[{j - 1}]")
                if key in names and names[key] != where and j > 0:
                    out.append((where, f"area name {name!r} is already used by {names[key]}"))
                names.setdefault(key, where)

    def ref(value, table, index, path, what):
        if value not in index:
            hint = _closest(value, index)
            out.append((path, f"unknown {what} {value!r}" + (f" (did you mean {hint}?)" if hint else "")))

    for rel in ("predecessor", "successor"):
        if plan.get(rel) == pid:
            out.append((f"plan.{rel}", "a plan cannot be its own " + rel))
    if "assessment" in plan:
        ref(plan["assessment"], "sources", sources, "plan.assessment", "source")
    for j, s in enumerate(plan.get("sources", [])):
        ref(s, "sources", sources, f"plan.sources[{j}]", "source")
    _check_notes(plan.get("notes", []), "plan.notes", sources, ref)
    for j, s in enumerate(plan.get("stated_size", {}).get("sources", [])):
        ref(s, "sources", sources, f"plan.stated_size.sources[{j}]", "source")

    for i, sec in enumerate(doc.get("sections", [])):
        ref(sec["chapter"], "chapters", chapters, f"sections[{i}].chapter", "chapter")

    for i, theme in enumerate(doc.get("themes", [])):
        p = f"themes[{i}]"
        for j, s in enumerate(theme.get("sections", [])):
            if s not in sections and s not in chapters:
                ref(s, "sections", {**sections, **chapters}, f"{p}.sections[{j}]", "section or chapter")
        for j, g in enumerate(theme.get("goals", [])):
            ref(g, "goals", goals, f"{p}.goals[{j}]", "goal")
        if not (theme.get("sections") or theme.get("tags") or theme.get("goals")):
            out.append((p, "a theme needs sections, tags or goals"))

    chapter_of = {sec["id"]: sec["chapter"] for sec in doc.get("sections", [])}
    for i, goal in enumerate(doc.get("goals", ())):
        # Once per goal: key paths are written out only for a problem.
        sec = goal.get("section")
        if sec is not None:
            chapter = chapter_of.get(sec)
            if chapter is None:
                ref(sec, "sections", sections, f"goals[{i}].section", "section")
            elif "chapter" in goal and goal["chapter"] != chapter:
                out.append((f"goals[{i}].chapter", f"section {sec!r} is in chapter {chapter!r}"))
        else:
            chapter = goal.get("chapter")
            if chapter is None:
                out.append((f"goals[{i}]", "needs a section (or, for a chapter without sections, a chapter)"))
            elif chapter not in chapters:
                ref(chapter, "chapters", chapters, f"goals[{i}].chapter", "chapter")
        if "plan_sources" in goal:
            for j, s in enumerate(goal["plan_sources"]):
                if s not in sources:
                    ref(s, "sources", sources, f"goals[{i}].plan_sources[{j}]", "source")
        target = goal.get("target")
        if target is not None:
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
        if "share" in claim and not claim.get("counts"):
            out.append((f"{p}.counts", "a claim with a share needs the statuses it counts"))
        _check_results(claim.get("results", []), f"{p}.results", None, sources, ref, out)
        _check_notes(claim.get("notes", []), f"{p}.notes", sources, ref)


def _check_target(t, p, start, end, out) -> None:
    """``p`` is a key path as in ``_check_value``, written out only for a problem."""
    if "period" in t:
        if "year" in t:
            out.append((_pstr(p), "give either year or period, not both"))
        last = t["period"][1]
    elif "year" in t:
        last = t["year"]
    else:
        out.append((_pstr(p), "needs a year or a period"))
        last = None
    if last is not None and not start <= last <= end + 5:
        out.append((f"{_pstr(p)}.{'period' if 'period' in t else 'year'}",
                    f"target year {last} is outside the plan's period {start}-{end}"))
    if "aggregate" in t and t["aggregate"] != "end" and "period" not in t:
        out.append((f"{_pstr(p)}.aggregate", "a mean or total target needs a period"))
    if "baseline" in t and last is not None and t["baseline"]["year"] > last:
        out.append((f"{_pstr(p)}.baseline.year", f"baseline year {t['baseline']['year']} is after the target year {last}"))
    _check_change(t, p, out)
    if "change" in t and "base_year" in t:
        if last is not None and t["base_year"] >= last:
            out.append((f"{_pstr(p)}.base_year", f"base year {t['base_year']} is not before the target year {last}"))
        if "baseline" in t and t["baseline"]["year"] != t["base_year"]:
            out.append((f"{_pstr(p)}.baseline.year", f"the base value of a change must be for the base year {t['base_year']}"))


def _check_change(d, p, out) -> None:
    """A change (of a target or a result) needs its base year; a base year needs a change."""
    if "change" in d and "base_year" not in d:
        out.append((f"{_pstr(p)}.base_year", "a change needs the base year it is measured from"))
    elif "base_year" in d and "change" not in d:
        out.append((f"{_pstr(p)}.change", "a base year needs a change (absolute, percent or multiple)"))


def _check_results(results, p, target, sources, ref, out) -> None:
    """``p`` is a key path as in ``_check_value``, written out only for a problem."""
    unit = target["unit"] if target is not None else None
    for j, r in enumerate(results):
        if r["source"] not in sources:
            ref(r["source"], "sources", sources, f"{_pstr(p)}[{j}].source", "source")
        if "see_also" in r:
            for k, s in enumerate(r["see_also"]):
                if s not in sources:
                    ref(s, "sources", sources, f"{_pstr(p)}[{j}].see_also[{k}]", "source")
        _check_change(r, (p, j), out)
        if "year" in r:
            if "period" in r:
                out.append((f"{_pstr(p)}[{j}]", "give either year or period, not both"))
        elif "period" not in r:
            out.append((f"{_pstr(p)}[{j}]", "needs a year or a period"))
        if "value" in r:
            if "unit" not in r:
                out.append((f"{_pstr(p)}[{j}].unit", "a result with a value needs a unit"))
            elif unit is not None and r["unit"] != unit and r.get("use", True) and "change" not in r:
                out.append((f"{_pstr(p)}[{j}].unit", f"unit {r['unit']!r} differs from the target's {unit!r}", "warning"))
        elif "text" not in r:
            out.append((f"{_pstr(p)}[{j}]", "a result needs a value or a text"))


def _check_notes(notes, p, sources, ref) -> None:
    for j, note in enumerate(notes):
        if isinstance(note, dict):
            for k, s in enumerate(note.get("sources", [])):
                ref(s, "sources", sources, f"{p}[{j}].sources[{k}]", "source")


# --------------------------------------------------------------------------------------------


def validate(doc, file: str) -> list[Problem]:
    """Every problem of one parsed plan document, errors and warnings, in document order.

    The document is only read: ``hrplan.build.normalise`` gives its canonical form."""
    raw: list[tuple] = []
    try:
        _check_table(doc, TOP, "", raw)
    finally:
        _KNOWN_IDS.clear()
    if "format" in doc and doc["format"] != FORMAT_VERSION and not raw:
        raw.append(("format", f"this hrplan reads format {FORMAT_VERSION}, not {doc['format']}"))
    if not raw:
        _cross_check(doc, raw)
    return [Problem(file, item[0], item[1], severity=item[2] if len(item) > 2 else "error") for item in raw]


def validate_registry(doc, file: str) -> list[Problem]:
    """Every problem of a parsed indicator registry (``hrplan.schema.REGISTRY``)."""
    raw: list[tuple] = []
    try:
        _check_table(doc, REGISTRY, "", raw)
    finally:
        _KNOWN_IDS.clear()
    if not raw:
        names: dict[str, str] = {}
        for i, ind in enumerate(doc["indicators"]):
            for j, name in enumerate([ind["id"], *ind.get("aliases", [])]):
                where = f"indicators[{i}]" + (".id" if j == 0 else f".aliases[{j - 1}]")
                if name.lower() in names:
                    raw.append((where, f"indicator name {name!r} is already used by {names[name.lower()]}"))
                names.setdefault(name.lower(), where)
    return [Problem(file, path, message) for path, message in raw]
