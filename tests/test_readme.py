"""The README and docs/*.md stay true to the code: their example outputs and the set-up lines."""

import os
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SCRIPT = os.path.join(ROOT, "scripts", "readme_outputs.py")


def _script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("readme_outputs", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(name):
    with open(os.path.join(ROOT, name), encoding="utf-8") as fh:
        return fh.read()


def test_readme_outputs_are_current():
    """Every pinned output of README.md and of each docs/*.md is the real output of today's code."""
    r = subprocess.run([sys.executable, SCRIPT, "--check"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr


def test_the_check_covers_the_readme_and_every_doc():
    import glob

    docs = sorted(os.path.join("docs", os.path.basename(p)) for p in glob.glob(os.path.join(ROOT, "docs", "*.md")))
    assert _script().documents() == ["README.md", *docs]


@pytest.mark.parametrize("name", _script().documents())
def test_every_output_shown_is_pinned(name):
    """A ```text block is a command's output: a run marker pins it (the benchmark table, whose
    times vary, says so in a measured marker instead)."""
    lines = _read(name).splitlines()
    for n, line in enumerate(lines):
        if line.startswith("```text"):
            before = lines[n - 1] if n else ""
            assert before.startswith(("<!-- run: hrplan ", "<!-- measured: ")), f"{name}:{n + 1}: output not pinned"


def test_the_check_fails_on_drift_and_on_a_marker_without_its_block(tmp_path):
    stale = tmp_path / "stale.md"
    stale.write_text("<!-- run: hrplan validate -->\n```text\n9 file(s) checked\n```\n", encoding="utf-8")
    r = subprocess.run([sys.executable, SCRIPT, "--check", str(stale)], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and "out of date" in r.stderr and "stale.md" in r.stderr
    loose = tmp_path / "loose.md"
    loose.write_text("<!-- run: hrplan validate -->\n\n```text\n```\n", encoding="utf-8")
    r = subprocess.run([sys.executable, SCRIPT, "--check", str(loose)], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and "no fenced block after the marker" in r.stderr
    r = subprocess.run([sys.executable, SCRIPT, str(stale)], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and stale.read_text(encoding="utf-8").endswith("```text\n4 file(s) checked: no problems\n```\n")


def test_readme_has_the_two_setup_lines_and_ci_uses_the_test_one():
    readme = _read("README.md")
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/hrplan summary" in readme
    assert "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest -q" in readme
    block = readme.split("<!-- test-command -->\n", 1)[1].split("<!-- /test-command -->", 1)[0]
    assert re.fullmatch(r"```\n(.*)\n```\n", block).group(1) == (
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest -q")
    ci = _read(os.path.join(".ci", "run"))
    assert "test-command" in ci and "venv" in ci and "README.md" in ci


def test_ci_reads_the_readmes_test_command_as_it_stands():
    """The line of .ci/run that finds the test command, run as CI runs it, gives the command."""
    ci = _read(os.path.join(".ci", "run"))
    line = next(line for line in ci.splitlines() if line.startswith("test_cmd=$("))
    r = subprocess.run(["bash", "-c", line + '\nprintf %s "$test_cmd"'], capture_output=True, text=True, cwd=ROOT)
    assert r.stdout == "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest -q"
