"""The house: imports run one way, from the command line down to the domain.

Every module of the package is read with ``ast`` (function-local imports and imports for type
checking included) and each import of hrplan is checked against the rule of the folder it is in.
A new module is checked without editing a list: its folder says which rule holds.
"""

import ast
import os

import pytest

from tests.conftest import ROOT

# What each side may import of hrplan, besides itself and the package's face (``hrplan``, its
# version). A side is a folder of hrplan/, or a module directly in it.
ALLOWED = {
    "errors": set(),
    "outfile": {"errors"},
    "core": {"errors"},
    "contract": {"core"},
    "planfile": {"core", "errors", "outfile"},
    "answers": {"core", "errors", "planfile", "contract"},
    "views": {"core"},
    "render": {"core", "errors", "contract", "views", "outfile"},
    "api": {"core", "errors", "planfile", "contract", "answers"},
    "cli": {"core", "errors", "planfile", "contract", "answers", "views", "render", "outfile", "api"},
    "__main__": {"cli"},
    "__init__": set(),
}
# Where Click and Rich may be imported.
CLICK = {"cli"}
RICH = {"cli", "render"}


def side(module: str) -> str:
    """``hrplan.core.model`` -> ``core``; ``hrplan.api`` -> ``api``; ``hrplan`` -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(path: str, module: str):
    """(line, imported module) for every import in the file, at any depth."""
    with open(path, encoding="utf-8") as fh:
        tree = ast.parse(fh.read(), path)
    package = module if path.endswith("__init__.py") else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield node.lineno, a.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            for a in node.names:  # ``from hrplan import api`` imports the module hrplan.api
                module_name = base == "hrplan" and a.name != "__version__"
                yield node.lineno, f"hrplan.{a.name}" if module_name else base


def modules(root: str = ROOT):
    package = os.path.join(root, "hrplan")
    for folder, dirs, files in os.walk(package):
        dirs[:] = [d for d in dirs if d not in ("__pycache__", "data")]
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, root)[:-3].replace(os.sep, ".")
                yield rel.removesuffix(".__init__"), path


def violations(root: str = ROOT) -> list[str]:
    found = []
    for module, path in modules(root):
        own = side(module)
        for line, target in imports(path, module):
            top = target.split(".")[0]
            where = f"{os.path.relpath(path, root)}:{line}"
            if top == "click" and own not in CLICK:
                found.append(f"{where}: Click outside the command line ({target})")
            if top == "rich" and own not in RICH:
                found.append(f"{where}: Rich outside the renderers ({target})")
            if top != "hrplan" or target == "hrplan":
                continue
            other = side(target)
            if other != own and other not in ALLOWED[own]:
                found.append(f"{where}: {own} imports {other} ({target})")
    return found


def test_imports_run_one_way():
    assert violations() == []


def test_every_side_has_a_rule():
    sides = {side(m) for m, _ in modules()}
    assert sides <= set(ALLOWED), f"a new side: give it a rule in ALLOWED: {sides - set(ALLOWED)}"


@pytest.mark.parametrize("body", ["from hrplan.answers import plan\n",
                                  "def f():\n    from hrplan.answers.records import Assessed\n",
                                  "from hrplan.planfile.load import load_plans\n",
                                  "from hrplan.cli import main\n", "from hrplan import api\n"])
def test_a_renderer_that_imports_an_answer_fails(tmp_path, body):
    """A throwaway copy of the package with one more renderer that imports upwards: the walk
    finds it (module level or inside a function)."""
    import shutil

    shutil.copytree(os.path.join(ROOT, "hrplan"), tmp_path / "hrplan",
                    ignore=shutil.ignore_patterns("__pycache__", "data"))
    (tmp_path / "hrplan" / "render" / "throwaway.py").write_text('"""A renderer that computes."""\n' + body)
    found = violations(str(tmp_path))
    assert len(found) == 1 and found[0].startswith(os.path.join("hrplan", "render", "throwaway") + ".py:"), found


def test_click_in_a_view_fails(tmp_path):
    import shutil

    shutil.copytree(os.path.join(ROOT, "hrplan"), tmp_path / "hrplan",
                    ignore=shutil.ignore_patterns("__pycache__", "data"))
    (tmp_path / "hrplan" / "views" / "throwaway.py").write_text('"""x"""\nimport click\nimport rich\n')
    assert [v.split(": ", 1)[1] for v in violations(str(tmp_path))] == [
        "Click outside the command line (click)", "Rich outside the renderers (rich)"]


# Where Click and Rich may be imported: the command line, and the renderers that draw with Rich.
PRESENTATION = tuple(os.path.join("hrplan", *p.split("/")) for p in (
    "cli", "__main__.py", "render/terminal.py", "render/picture.py"))


def test_core_imports_neither_click_nor_rich():
    """Every module but the command line and the Rich renderers stays free of both, imported
    together in a fresh interpreter (a new module is checked without editing a list)."""
    import subprocess
    import sys

    root = ROOT
    names = []
    for folder, dirs, files in os.walk(os.path.join(root, "hrplan")):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for f in files:
            rel = os.path.relpath(os.path.join(folder, f), root)
            if f.endswith(".py") and not rel.startswith(PRESENTATION):
                names.append(rel[:-3].replace(os.sep, ".").removesuffix(".__init__"))
    code = ("import sys; import " + ", ".join(sorted(names)) + ";"
            "print([m for m in sys.modules if m.split('.')[0] in ('click', 'rich')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=root).stdout
    assert out.strip() == "[]"
