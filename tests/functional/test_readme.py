"""The README stays true to the code: its example outputs and its set-up lines."""

import os
import subprocess
import sys

from tests.conftest import ROOT


def test_readme_outputs_are_current():
    r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "readme_outputs.py"), "--check"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr


def test_readme_has_the_two_setup_lines_and_ci_uses_the_test_one():
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/hrplan summary" in readme
    assert "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest -q" in readme
    ci = open(os.path.join(ROOT, ".ci", "run"), encoding="utf-8").read()
    assert "test-command" in ci and "venv" in ci
