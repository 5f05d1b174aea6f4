"""``hrplan validate``'s one pass over paths: every problem of every plan file, and of the
checks between them."""

from __future__ import annotations


def validate(paths: list[str], data: str | None = None) -> dict:
    """Every problem of the plan files in ``paths`` (files or directories) and ``data`` (the path
    given as --data), or, with neither, of the data in use (``hrplan.planfile.files.data_source``), in one
    pass: each file checked whole (structure, references, indicators against the registry),
    then the checks between files, on whatever of each plan could be read; and the files of a
    directory skipped as not plans (no [plan] table). A problem of a path itself (missing, a
    directory without plans) says where the path came from when it was --data or HRPLAN_DATA."""
    import os

    from hrplan.errors import PlanFileError
    from hrplan.planfile.registry import check_registry, registry_file
    from hrplan.planfile.load import build, cross_check_plans, examine, plan_files
    from hrplan.planfile.files import data_source

    origins = {path: None for path in paths}
    if data is not None and data not in origins:
        origins[data] = "--data"
    if not origins:
        path, origin = data_source(None)
        origins[path] = origin
    problems, plans, files, skipped, done = [], [], 0, [], set()
    for path, origin in origins.items():
        try:
            names = plan_files(path, skipped)
        except PlanFileError as exc:
            for p in exc.problems:
                p.origin = origin if p.file == path else None
            problems.extend(exc.problems)
            continue
        reg_file = registry_file(path)
        registry, found = check_registry(reg_file) if reg_file else ([], [])
        seen = {str(p) for p in problems}
        problems.extend(p for p in found if str(p) not in seen)  # a registry shared by two paths
        registry = {t["id"] for t in registry or ()} if reg_file else None
        for file in names:
            if os.path.realpath(file) in done:
                continue  # named twice (a file and its directory): checked once
            done.add(os.path.realpath(file))
            files += 1
            doc, found, head = examine(file, registry)
            problems.extend(found)
            if doc is not None:
                plans.append(build(doc, file))
            elif head is not None:
                plans.append(head)
    problems.extend(cross_check_plans(plans))
    errors = sum(1 for p in problems if p.severity == "error")
    return {"ok": not problems, "file_count": files, "error_count": errors, "warning_count": len(problems) - errors,
            "problems": [dict(p.as_dict(), text=str(p)) for p in problems], "skipped": skipped}
