"""The indicator registry: what targets and results of several plans measure alike.

A data directory may hold ``indicators.toml`` beside its plan files; without one (or for a
single plan file) the bundled registry is used. A goal names its indicator by id; ``hrplan
validate`` reports an id the registry does not hold. The checked registry is kept in the cache,
keyed by the file's size and time, like a plan.
"""

from __future__ import annotations

import os

from hrplan.core import model as m
from hrplan.errors import PlanFileError, Problem


def registry_file(path: str) -> str | None:
    """The registry that goes with a data path: the one in its directory, else the bundled one."""
    from hrplan.planfile.files import REGISTRY_FILE, bundled_data_dir

    folder = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
    for candidate in (os.path.join(folder, REGISTRY_FILE), os.path.join(bundled_data_dir(), REGISTRY_FILE)):
        if os.path.isfile(candidate):
            return candidate
    return None


def check_registry(file: str) -> tuple[list[dict] | None, list[Problem]]:
    """Parse and check a registry file: (its indicator tables or None, problems)."""
    from hrplan.planfile.files import parse, read_text
    from hrplan.planfile.validate import validate_registry

    try:
        text = read_text(file)
        doc = parse(text, file)
    except PlanFileError as exc:
        return None, exc.problems
    problems = validate_registry(doc, file)
    if problems:
        from hrplan.planfile.locate import place

        place(problems, text, doc)
    return (None if problems else doc["indicators"]), problems


def load_registry(path: str | None = None, use_cache: bool | None = None) -> dict[str, m.Indicator]:
    """The indicators by id for the data in ``path`` (default: see ``hrplan.planfile.files.data_path``);
    empty when there is no registry. Raises PlanFileError for a registry with problems."""
    from hrplan.planfile import cache
    from hrplan.planfile.files import _use_cache, data_path

    file = registry_file(data_path(path))
    if file is None:
        return {}
    key = cache.small_key("indicators", [file]) if _use_cache(use_cache) else None
    tables = cache.read_small("indicators", file, key) if key else None
    if tables is None:
        tables, problems = check_registry(file)
        if tables is None:
            raise PlanFileError(problems)
        if key:
            cache.write_small("indicators", file, key, tables)
    return {t["id"]: m.Indicator(**t) for t in tables}


def unknown_indicators(doc: dict, file: str, registry) -> list[Problem]:
    """A problem for each goal of a plan document (as parsed, or canonical) that names, by a valid
    id, an indicator the registry does not hold (any other value is a structural problem)."""
    from hrplan.core.areas import suggest
    from hrplan.planfile.rules import ID_RE

    goals = doc.get("goals", [])
    if not isinstance(goals, list):
        return []
    problems = []
    for i, goal in enumerate(goals):
        ind = goal.get("indicator") if isinstance(goal, dict) else None
        if ind.__class__ is str and ind not in registry and ID_RE.fullmatch(ind):
            close = suggest(ind, registry)
            hint = f" (did you mean {close[0]}?)" if close else ""
            problems.append(Problem(file, f"goals[{i}].indicator", f"unknown indicator {ind!r}{hint}"))
    return problems
