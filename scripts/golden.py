"""Refresh (or, with --check, compare) the golden outputs of every view at 40, 80 and 120 columns.

    python scripts/golden.py           # rewrite tests/functional/golden/*.txt from the code
    python scripts/golden.py --check   # exit 1 and name the files that differ

tests/functional/test_golden.py runs the check: a change to a layout shows up as a diff of these files.
"""

from __future__ import annotations

import os
import shlex
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WIDTHS = (40, 80, 120)
P = "--plan nhrap-2012-2015"
# one command per view (the bundled data, pinned)
VIEWS = {
    "summary": f"summary {P}",
    "areas": f"areas {P}",
    "goals": f"goals III.5 {P}",
    "quotas": f"quotas I.4 {P}",
    "stats": f"stats I.1 {P}",
    "progress": f"progress III.5 {P}",
    "show-goal": f"show I.7.c {P}",
    "show-claim": f"show O.5 {P}",
    "show-source": f"show assess-zh-hyyz888-disabled {P}",
    "show-plan": "show nhrap-2016-2020",
    "search": "search 66.63",
    "sources": f"sources assess-en-chinadaily-summary {P}",
    "notes": f"notes II.3 {P}",
    "tags": "tags --plan nhrap-2021-2025",
    "plans": "plans",
    "indicators": "indicators health",
    "trend": "trend life-expectancy",
    "compare": "compare nhrap-2012-2015 nhrap-2016-2020 health",
    "validate": "validate",
    "help": "help statuses",
}


def run(args: list[str], width: int) -> str:
    from click.testing import CliRunner

    from hrplan.cli.main import main

    env = {"COLUMNS": str(width), "NO_COLOR": "1", "HRPLAN_DATA": "", "HRPLAN_NO_CACHE": "1", "FORCE_COLOR": ""}
    with CliRunner().isolation(env=env) as streams:
        try:
            main([*args, "--format", "table"] if args[0] not in ("validate", "help") else args)
        except SystemExit:
            pass
        out = streams[0].getvalue().decode("utf-8")
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"


def path(name: str, width: int) -> str:
    return os.path.join(ROOT, "tests", "functional", "golden", f"{name}-{width}.txt")


def main() -> int:
    check = "--check" in sys.argv
    stale = []
    for name, command in VIEWS.items():
        for width in WIDTHS:
            text = run(shlex.split(command), width)
            try:
                with open(path(name, width), encoding="utf-8") as fh:
                    same = fh.read() == text
            except OSError:
                same = False
            if not same:
                stale.append(os.path.basename(path(name, width)))
                if not check:
                    with open(path(name, width), "w", encoding="utf-8") as fh:
                        fh.write(text)
    if check and stale:
        print("golden outputs differ: " + ", ".join(stale) + " (python scripts/golden.py rewrites them)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.path.insert(0, ROOT)
    sys.exit(main())
