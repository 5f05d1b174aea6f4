"""Finding plan files and loading them: read the bytes (size limit, binary, UTF-8), parse the TOML
(tomli), check (``hrplan.planfile.validate``), normalise and build (``hrplan.planfile.build``), through the parse
cache (``hrplan.planfile.cache``).

The pipeline for one file is: read bytes -> parse TOML -> ``validate`` (every problem at once,
each with file and key path) -> ``normalise`` (a JSON-safe canonical dict) -> ``build``
(records). The canonical dict is what the parse cache keeps, so a cache hit skips parsing and
validation but goes through the same ``build``.
"""

from __future__ import annotations

import os

from hrplan.core import model as m
from hrplan.planfile.build import build, normalise
from hrplan.errors import NotFound, PlanFileError, Problem
from hrplan.planfile.files import _is_plan_file, _named, _toml_files, _use_cache, data_source, parse, read_text


FOLDER = "folder"  # the small cache entry of a data directory


def _folder_entry(path: str, files: list[str]):
    """What the cache knows of a directory's files: per file, (plan id, start, end, assessment)
    or None for a file that is not a plan; None when it does not know (or they changed)."""
    from hrplan.planfile import cache

    key = cache.small_key(FOLDER, files)
    known = cache.read_small(FOLDER, os.path.abspath(path), key) if key else None
    return known if isinstance(known, list) and len(known) == len(files) else None


def _folder(path: str, use_cache: bool):
    """(the directory's ``*.toml`` files but the registry and the glossary, what the cache knows
    of them (see ``_folder_entry``) or None, its plan files)."""
    files = _toml_files(path)
    known = _folder_entry(path, files) if use_cache else None
    plans = [f for f, head in zip(files, known) if head is not None] if known else [f for f in files if _is_plan_file(f)]
    if not plans:
        raise PlanFileError([Problem(path, "", f"no plan files in this directory: {len(files)} TOML file(s) "
                                               "without a [plan] table, skipped")])
    return files, known, plans


def plan_files(path: str, skipped: list | None = None, use_cache: bool | None = None) -> list[str]:
    """The plan files a path names: the file itself, or the plan files of a directory (its
    ``*.toml`` files but the indicator registry and the search glossary, and but the files that
    are not plans, which are added to ``skipped``). A directory without a plan is an error."""
    if os.path.isdir(path):
        files, _, plans = _folder(path, _use_cache(use_cache))
        if skipped is not None:
            skipped.extend(f for f in files if f not in plans)
        return plans
    if not os.path.exists(path):
        raise PlanFileError([Problem(path, "", "no such file or directory")])
    return [path]


def _skipped(files, notice) -> None:
    """Say (``notice``, a function of one line; None: say nothing) which files were skipped."""
    if notice is None:
        return
    for file in files:
        notice(f"skipped {file}: not a plan file (no [plan] table)")


def examine(file: str, registry=None) -> tuple[dict | None, list[Problem], m.Plan | None]:
    """Parse and check one file, in one pass: (canonical document or None, every problem, the
    plan's head: its id and links as far as they could be read, or None).

    The problems are structural and cross-reference ones together, and, with ``registry`` (the
    indicator ids), goals naming an unknown indicator; each is placed at the line of its key or
    value, elements of id tables named by their ids (``hrplan.planfile.locate``). A valid file never pays
    for placing."""
    try:
        text = read_text(file)
        doc = parse(text, file)
    except PlanFileError as exc:
        return None, exc.problems, None
    from hrplan.planfile.validate import validate

    problems = validate(doc, file)
    if registry is not None:
        from hrplan.planfile.registry import unknown_indicators

        problems += unknown_indicators(doc, file, registry)
    if problems:
        from hrplan.planfile.locate import place

        place(problems, text, doc)
    if any(p.severity == "error" for p in problems):
        return None, problems, _head(doc, file)
    return normalise(doc), problems, None


def _head(doc: dict, file: str) -> m.Plan | None:
    """What could be read of a plan's id and links, for the checks between files."""
    from hrplan.planfile.rules import ID_RE

    plan = doc.get("plan")
    ids = {k: v for k, v in plan.items() if k in ("id", "predecessor", "successor") and v.__class__ is str
           and ID_RE.fullmatch(v)} if isinstance(plan, dict) else {}
    return m.Plan(title="", file=file, **ids) if "id" in ids else None


def check_file(file: str) -> tuple[dict | None, list[Problem]]:
    """Parse and validate one file: (canonical document or None, problems). See ``examine``."""
    doc, problems, _ = examine(file)
    return doc, problems


def load_file(file: str, use_cache: bool = True) -> m.Plan:
    """One plan file as records; raises PlanFileError with every error found."""
    from hrplan.planfile import cache

    key = cache.key_for(file) if use_cache else None
    if key:
        cached = cache.read(key)
        if cached is not None:
            try:
                return build(cached, file)
            except (KeyError, TypeError, ValueError, IndexError, AttributeError):
                pass  # a foreign or damaged entry: rebuild it
    doc, problems = check_file(file)
    if doc is None:
        raise PlanFileError(problems)
    if key:
        cache.write(key, doc)
    return build(doc, file)


def load_plans(path: str | None = None, use_cache: bool | None = None, origin: str | None = "--data",
               notice=None) -> list[m.Plan]:
    """Every plan in ``path``, a file or a directory (default: see ``data_source``, which says
    what ``origin`` is); a file of a directory that is not a plan is skipped, and said to
    ``notice`` (a function taking one line; None: nothing is said)."""
    path, origin = data_source(path, origin)
    try:
        return _load_plans(path, _use_cache(use_cache), notice)
    except PlanFileError as exc:
        raise _named(exc, path, origin) from None


def _load_plans(path: str, use_cache: bool, notice=None) -> list[m.Plan]:
    every, known = None, None
    if os.path.isdir(path):
        every, known, files = _folder(path, use_cache)
        _skipped((f for f in every if f not in files), notice)
    else:
        files = plan_files(path)
    plans, problems = [], []
    for file in files:
        try:
            plans.append(load_file(file, use_cache))
        except PlanFileError as exc:
            problems.extend(exc.problems)
    problems.extend(cross_check_plans(plans))
    if problems:
        raise PlanFileError(problems)
    if use_cache and every is not None:
        heads = {p.file: [p.id, p.start, p.end, p.assessment] for p in plans}
        found = [heads.get(f) for f in every]
        if found != known:
            from hrplan.planfile import cache

            key = cache.small_key(FOLDER, every)
            if key:
                cache.write_small(FOLDER, os.path.abspath(path), key, found)
    return plans


def load_plan(path: str | None = None, plan_id: str | None = None, use_cache: bool | None = None,
              assessed: bool = False, origin: str | None = "--data", notice=None) -> m.Plan:
    """One plan of ``path`` (see ``load_plans``): the one named ``plan_id`` (an unknown one is
    said to come from ``--plan``), by default the latest (or the latest with an assessment: see
    ``hrplan.core.areas.select_plan``).

    From a directory whose files have not changed since they were last loaded together, only
    that plan's file is read: the cache keeps which plan each file holds (and the files were
    checked together then). Otherwise every plan is loaded and checked, as ``load_plans``."""
    from hrplan.core.areas import select_plan

    path, origin = data_source(path, origin)
    use_cache = _use_cache(use_cache)
    try:
        if use_cache and os.path.isdir(path):
            files = _toml_files(path)
            known = _folder_entry(path, files)
            if known:
                heads = [m.Plan(id=head[0], title="", file=file, start=head[1], end=head[2], assessment=head[3])
                         for file, head in zip(files, known) if head is not None]
                try:
                    plan = load_file(select_plan(heads, plan_id, assessed).file, use_cache)
                except NotFound:
                    pass  # load every plan for the full message
                else:
                    _skipped((f for f, head in zip(files, known) if head is None), notice)
                    return plan
        plans = _load_plans(path, use_cache, notice)
    except PlanFileError as exc:
        raise _named(exc, path, origin) from None
    return select_plan(plans, plan_id, assessed)


def cross_check_plans(plans: list[m.Plan]) -> list[Problem]:
    """Checks between plan files: unique plan ids, and links that agree both ways."""
    problems = []
    by_id: dict[str, m.Plan] = {}
    for plan in plans:
        if plan.id in by_id:
            problems.append(Problem(plan.file, "plan.id", f"duplicate plan id {plan.id!r} (also in {by_id[plan.id].file})"))
        by_id.setdefault(plan.id, plan)
    for plan in plans:
        for rel, back in (("predecessor", "successor"), ("successor", "predecessor")):
            other = by_id.get(getattr(plan, rel) or "")
            if other is not None and getattr(other, back) not in (None, plan.id):
                problems.append(Problem(plan.file, f"plan.{rel}",
                                        f"{other.id} names {getattr(other, back)!r} as its {back}, not {plan.id!r}"))
    return problems


