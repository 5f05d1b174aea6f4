"""Refresh (or, with --check, compare) the command outputs shown in README.md.

Each example in the README is a marker line ``<!-- run: hrplan ARGS -->`` (optionally ending in
``| head -N``) followed by a fenced block; this script runs ``hrplan ARGS`` against the bundled data with a fixed 100-column,
colourless terminal and puts its real output in the block. tests/functional/test_readme.py runs the check,
so the README cannot drift from the code.
"""

from __future__ import annotations

import os
import re
import shlex
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKER = re.compile(r"^<!-- run: hrplan (.*) -->$")


def run(args: list[str]) -> str:
    from click.testing import CliRunner

    from hrplan.cli.main import main

    env = {"COLUMNS": "80", "NO_COLOR": "1", "HRPLAN_DATA": "", "HRPLAN_NO_CACHE": "1", "FORCE_COLOR": ""}
    with CliRunner().isolation(env=env) as streams:
        try:
            main(args)
        except SystemExit:
            pass
        out = streams[0].getvalue().decode("utf-8")
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"


def refresh(text: str) -> str:
    lines = text.splitlines(keepends=True)
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        m = MARKER.match(line.rstrip("\n"))
        if m and i + 1 < len(lines) and lines[i + 1].startswith("```"):
            fence = lines[i + 1]
            j = i + 2
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            out.append(fence)
            command, _, head = m.group(1).partition(" | head -")
            text = run(shlex.split(command))
            if head:
                text = "".join(text.splitlines(keepends=True)[: int(head)])
            out.append(text)
            out.append(lines[j] if j < len(lines) else "```\n")
            i = j + 1
            continue
        i += 1
    return "".join(out)


def main() -> int:
    path = os.path.join(ROOT, "README.md")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    new = refresh(text)
    if "--check" in sys.argv:
        if new != text:
            print("README.md outputs are out of date: run python scripts/readme_outputs.py", file=sys.stderr)
            return 1
        return 0
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(new)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, ROOT)
    sys.exit(main())
