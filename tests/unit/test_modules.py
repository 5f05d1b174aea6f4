"""The package's shape: every module says its job in a docstring and is short enough to read whole."""

import ast
import os

from tests.conftest import ROOT

MAX_LINES = 400
# Modules over the limit, with their line count when the limit came in: none.
KNOWN_OVER: dict = {}


def modules():
    package = os.path.join(ROOT, "hrplan")
    for folder, dirs, files in os.walk(package):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                yield os.path.relpath(path, ROOT).replace(os.sep, "/"), path


def test_no_module_is_over_400_lines():
    lengths = {}
    for name, path in modules():
        with open(path, encoding="utf-8") as fh:
            lengths[name] = sum(1 for _ in fh)
    over = {name: n for name, n in lengths.items() if n > MAX_LINES and name not in KNOWN_OVER}
    assert over == {}, f"modules over {MAX_LINES} lines: {over}"
    stale = {name for name in KNOWN_OVER if lengths.get(name, 0) <= MAX_LINES}
    assert stale == set(), f"no longer over the limit, remove from KNOWN_OVER: {stale}"
    grown = {name: lengths[name] for name in KNOWN_OVER if lengths.get(name, 0) > KNOWN_OVER[name]}
    assert grown == {}, f"grown since the limit came in: {grown}"


def test_every_module_has_a_docstring():
    for name, path in modules():
        with open(path, encoding="utf-8") as fh:
            assert ast.get_docstring(ast.parse(fh.read())), f"{name} has no docstring"
