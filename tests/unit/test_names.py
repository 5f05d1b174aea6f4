"""Every dotted name of hrplan that the code, the tests or the documents mention (``hrplan.core.method``,
``hrplan.render.termenv.TermEnv``) names a module or an attribute that exists: no docstring, comment
or page points at a module that is gone."""

import importlib
import os
import re

from tests.conftest import ROOT

NAME = re.compile(r"(?<![\w./-])hrplan(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
PATH = re.compile(r"(?<![\w./-])hrplan/[\w/]+\.py\b")
FOLDERS = ("hrplan", "tests", "scripts", "benchmarks", "docs")
SUFFIXES = (".py", ".md")


def mentions():
    files = [os.path.join(ROOT, "README.md"), os.path.join(ROOT, "CONTRIBUTING.md")]
    for top in FOLDERS:
        for folder, dirs, names in os.walk(os.path.join(ROOT, top)):
            dirs[:] = [d for d in dirs if d not in ("__pycache__", "golden", "data")]
            files += [os.path.join(folder, n) for n in names if n.endswith(SUFFIXES)]
    for path in files:
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if path == __file__:
                    continue
                for match in NAME.finditer(line):
                    yield os.path.relpath(path, ROOT), n, match.group().rstrip(".")
                for match in PATH.finditer(line):
                    yield os.path.relpath(path, ROOT), n, match.group()


def resolves(name: str) -> bool:
    """A module, or a module's attribute (a class's attribute too), by its dotted name; a file of
    the package by its path."""
    if "/" in name:
        return os.path.exists(os.path.join(ROOT, name))
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
        except AttributeError:
            return False
        return True
    return False


def test_every_dotted_name_exists():
    gone = sorted({f"{path}:{line}: {name}" for path, line, name in mentions() if not resolves(name)})
    assert gone == [], "names of hrplan that do not exist:\n" + "\n".join(gone)


def test_a_module_that_is_gone_is_found():
    assert not resolves("hrplan.query") and not resolves("hrplan.shapes.GoalRecord")
    assert resolves("hrplan.contract.records.GoalRecord") and resolves("hrplan.render.termenv.TermEnv.detect")
