"""Every view, at 40, 80 and 120 columns, as tests/functional/golden holds it (scripts/golden.py rewrites
them after a deliberate change of layout); and at each width no word is broken."""

import os
import subprocess
import sys

from tests.conftest import ROOT


def test_golden_outputs_are_current():
    r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "golden.py"), "--check"],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr


def test_golden_lines_fit_their_width():
    folder = os.path.join(ROOT, "tests", "functional", "golden")
    for name in sorted(os.listdir(folder)):
        width = int(name.rsplit("-", 1)[1].split(".")[0])
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            for line in fh.read().splitlines():
                wide = sum(2 if ord(c) >= 0x2E80 else 1 for c in line)
                # longer only where one word (an id, an address) cannot fit at all
                assert wide <= width or len(line.split()) == 1, (name, line)
