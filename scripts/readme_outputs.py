"""Refresh (or, with --check, compare) the command outputs shown in README.md and docs/*.md.

Each example is a marker line ``<!-- run: hrplan ARGS -->`` (optionally ending in ``| head -N``)
followed by a fenced block; this script runs ``hrplan ARGS`` against the bundled data with a
fixed 80-column, colourless terminal and puts its real output in the block. A marker that no
fenced block follows is an error. tests/functional/test_readme.py runs the check, so no document can drift
from the code.

    python scripts/readme_outputs.py [--check] [FILE...]   (default: README.md and docs/*.md)
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKER = re.compile(r"^<!-- run: hrplan (.*) -->$")


def documents() -> list[str]:
    """Every document whose outputs are pinned: README.md and each docs/*.md, as paths from ROOT."""
    docs = sorted(os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ROOT, "docs", "*.md")))
    return ["README.md", *docs]


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


class Unfenced(Exception):
    """A run marker with no fenced block after it."""


def markers(text: str) -> list[str]:
    """The commands of the run markers of a document, in order (``ARGS`` with any ``| head -N``)."""
    return [m.group(1) for m in map(MARKER.match, text.splitlines()) if m]


def refresh(text: str, name: str = "README.md") -> str:
    lines = text.splitlines(keepends=True)
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        m = MARKER.match(line.rstrip("\n"))
        if m:
            if not (i + 1 < len(lines) and lines[i + 1].startswith("```")):
                raise Unfenced(f"{name}:{i + 1}: no fenced block after the marker {line.strip()}")
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
    names = [a for a in sys.argv[1:] if not a.startswith("--")] or documents()
    stale = []
    for name in names:
        path = os.path.join(ROOT, name)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        try:
            new = refresh(text, name)
        except Unfenced as e:
            print(e, file=sys.stderr)
            return 1
        if new == text:
            continue
        if "--check" in sys.argv:
            stale.append(name)
        else:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(new)
    if stale:
        print(f"outputs out of date in {', '.join(stale)}: run python scripts/readme_outputs.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.path.insert(0, ROOT)
    sys.exit(main())
