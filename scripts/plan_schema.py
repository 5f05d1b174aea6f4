"""Refresh (or, with --check, compare) data/plan-file.schema.json, the JSON Schema of a plan file
that ships beside the bundled plans, and those of the indicator registry and the search glossary
(data/indicators.schema.json, data/glossary.schema.json), from ``hrplan.planfile.jsonschema`` (itself
generated from the rules of ``hrplan/planfile/rules.py``).

    python scripts/plan_schema.py           # rewrite the file from the code
    python scripts/plan_schema.py --check   # exit 1 if the file differs

tests/unit/test_plan_schema.py runs the check: a change to the rules shows up as a diff of the file.
"""

from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> int:
    from hrplan.planfile import jsonschema as plan_schema

    stale = []
    for name, (_, file, _, _) in plan_schema.FILES.items():
        path = os.path.join(ROOT, "data", file)
        new = plan_schema.text(name)
        try:
            with open(path, encoding="utf-8", newline="") as fh:
                old = fh.read()
        except FileNotFoundError:
            old = None
        if new == old:
            continue
        if "--check" in sys.argv:
            stale.append(path)
            continue
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(new)
    for path in stale:
        print(f"{path} is out of date: run python scripts/plan_schema.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.path.insert(0, ROOT)
    sys.exit(main())
