"""Refresh (or, with --check, compare) data/plan-file.schema.json, the JSON Schema of a plan file
that ships beside the bundled plans, from ``hrplan.planfile.jsonschema`` (itself generated from the rules
of ``hrplan/planfile/rules.py``).

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

    path = os.path.join(ROOT, "data", plan_schema.FILE)
    new = plan_schema.text()
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            old = fh.read()
    except FileNotFoundError:
        old = None
    if "--check" in sys.argv:
        if new != old:
            print(f"{path} is out of date: run python scripts/plan_schema.py", file=sys.stderr)
            return 1
        return 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(new)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, ROOT)
    sys.exit(main())
