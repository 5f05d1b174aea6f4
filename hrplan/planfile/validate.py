"""Checking a parsed plan document against ``hrplan.planfile.rules``: every problem at once, each with
its key path; the generated fast acceptance; what of a faulty document could be read; and
``validate``, which runs the cross-checks (``hrplan.planfile.crosscheck``) beside, in the same pass.
"""

from __future__ import annotations

from hrplan.core import model as m
from hrplan.planfile.crosscheck import Pruned, closest as _closest, path_str as _pstr
from hrplan.errors import Problem
from hrplan.planfile.rules import ENUM_TEST, FORMAT_VERSION, NAMES, REGISTRY, TOP, TYPES
from hrplan.core.unsafe import TEXT_CHARS, escaped, unsafe_pattern


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
    """What is wrong with a string that holds characters of ``hrplan.core.unsafe.UNSAFE`` its type refuses
    (a free text, "text", may hold newlines and tabs), or None."""
    found = [mt.start() for mt in unsafe_pattern(TEXT_CHARS if spec == "text" else "").finditer(value)]
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


def _join(path, name: str) -> str:
    path = _pstr(path)
    return f"{path}.{name}" if path else name


# --------------------------------------------------------------------------------------------
# What could be read: the part of a document with structural problems that the cross-checks
# (hrplan.planfile.crosscheck) can still check, so that one run reports both kinds of problem.

_DROP = object()


def readable(value, spec):
    """What of ``value`` fits ``spec``: a table that fits whole is the same object; any other table
    becomes a ``Pruned`` table of the keys whose values fit; an array of tables keeps its length,
    an element that is not a table becoming an empty ``Pruned`` (key paths keep their indexes); a
    list of values is kept whole or not at all; a value that does not fit is ``_DROP``."""
    if spec.__class__ is dict:
        if value.__class__ is not dict:
            return _DROP
        if _fast_ok(spec)(value):
            return value
        known = _compiled(spec)[0]
        kept = ((key, readable(item, known[key])) for key, item in value.items() if key in known)
        return Pruned((key, item) for key, item in kept if item is not _DROP)
    if spec.__class__ is list:
        if value.__class__ is not list:
            return _DROP
        return [Pruned() if item is _DROP else item for item in (readable(element, spec[0]) for element in value)]
    if spec.__class__ is tuple or "test" in TYPES[spec]:
        return value if _predicate(spec)(value) else _DROP
    if value.__class__ is not list:
        return _DROP
    scalars = [_predicate(s) for s in TYPES[spec]["items"] if s.__class__ is not dict]
    tables = [s for s in TYPES[spec]["items"] if s.__class__ is dict]
    if not tables:
        return value if all(any(ok(v) for ok in scalars) for v in value) else _DROP
    kept = [v if any(ok(v) for ok in scalars) else readable(v, tables[0]) for v in value]  # notes
    return [Pruned() if v is _DROP else v for v in kept]


# --------------------------------------------------------------------------------------------


def _problems(raw, file: str) -> list[Problem]:
    return [Problem(file, item[0], item[1], severity=item[2] if len(item) > 2 else "error") for item in raw]


def validate(doc, file: str) -> list[Problem]:
    """Every problem of one parsed plan document, errors and warnings: the structural ones in
    document order, then those of the cross-checks, run on what could be read.

    The document is only read: ``hrplan.planfile.build.normalise`` gives its canonical form."""
    from hrplan.planfile.crosscheck import cross_check

    raw: list[tuple] = []
    try:
        _check_table(doc, TOP, "", raw)
        fmt = doc.get("format")
        if fmt.__class__ is int and fmt != FORMAT_VERSION:
            raw.insert(0, ("format", f"this hrplan reads format {FORMAT_VERSION}, not {fmt}"))
        cross_check(readable(doc, TOP) if raw else doc, raw)
    finally:
        _KNOWN_IDS.clear()
    return _problems(raw, file)


def validate_registry(doc, file: str) -> list[Problem]:
    """Every problem of a parsed indicator registry (``hrplan.planfile.rules.REGISTRY``)."""
    raw: list[tuple] = []
    try:
        _check_table(doc, REGISTRY, "", raw)
        read = readable(doc, REGISTRY) if raw else doc
    finally:
        _KNOWN_IDS.clear()
    names: dict[str, str] = {}
    for i, ind in enumerate(read.get("indicators", ())):
        for j, name in enumerate([ind.get("id"), *ind.get("aliases", [])]):
            if name is None:
                continue
            where = f"indicators[{i}]" + (".id" if j == 0 else f".aliases[{j - 1}]")
            if name.lower() in names:
                raw.append((where, f"indicator name {name!r} is already used by {names[name.lower()]}"))
            names.setdefault(name.lower(), where)
    return _problems(raw, file)
