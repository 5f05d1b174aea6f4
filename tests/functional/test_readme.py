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


def _top_level_keys(cell):
    """The backticked keys of a cell of docs/json.md's answers table, leaving out what is in
    parentheses (the keys of nested records, values)."""
    flat, depth = "", 0
    for ch in cell:
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and ch not in "()":
            flat += ch
    return set(re.findall(r"`([a-z_]+)`", flat))


def _schema(run, name):
    import json

    r = run("schema", name)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def test_the_json_pages_answers_table_lists_each_answers_keys(run):
    """Each row of the answers table in docs/json.md names the top-level keys of one shape of a
    command's answer, as `hrplan schema COMMAND` gives them; every shape of every command has its row."""
    page = _read(os.path.join("docs", "json.md"))
    documented = {}
    for row in (line for line in page.splitlines() if line.startswith("| `")):
        commands, keys = row.split(" | ", 1)
        for name in re.findall(r"`([a-z]+)", commands):
            documented.setdefault(name, []).append(_top_level_keys(keys))
    names = [n for n in run("schema").stdout.split() if not n.endswith("-file")]  # the data files' schemas
    assert sorted(documented) == sorted(names)
    for name in names:
        schema = _schema(run, name)
        shapes = [schema] if "properties" in schema else [schema["$defs"][v["$ref"].rsplit("/", 1)[1]]
                                                          for v in schema["anyOf"]]
        real = sorted(sorted(s["properties"]) for s in shapes)
        assert sorted(sorted(d) for d in documented[name]) == real, name


@pytest.mark.parametrize("lead,record", [
    ("`plan` is always the plan object `", "PlanRecord"),
    ("A goal object: `", "GoalRecord"),
    ("`target` is `null` or `", "TargetRecord"),
    ("`results` is a list of `", "ResultRecord"),
    ("`sources` is a list of source objects `", "SourceRecord"),
    ("A note, wherever it appears: `", "NoteRecord"),
    ("A claim: `", "ClaimRecord"),
])
def test_the_json_pages_records_list_their_keys_in_order(run, lead, record):
    page = _read(os.path.join("docs", "json.md"))
    listed = page.split(lead, 1)[1].split("}", 1)[0].lstrip("{")
    keys = [k.strip() for k in listed.replace("\n", " ").split(",")]
    assert keys == list(_schema(run, "export")["$defs"][record]["properties"])


def test_every_environment_variable_the_code_reads_is_documented():
    """docs/environment.md has a row for each variable the package reads (found in its source, in
    whichever folder a module lives), and no row for one it does not."""
    import glob

    read = set()
    for path in glob.glob(os.path.join(ROOT, "hrplan", "**", "*.py"), recursive=True):
        with open(path, encoding="utf-8") as fh:
            read |= set(re.findall(r"""environ(?:\.get\(|\[)\s*["']([A-Z_]+)["']""", fh.read()))
    assert {"HRPLAN_DATA", "NO_COLOR", "COLUMNS"} <= read
    rows = [line for line in _read(os.path.join("docs", "environment.md")).splitlines() if line.startswith("| `")]
    documented = {name for row in rows for name in re.findall(r"`([A-Z_]+)(?:=[^`]*)?`", row.split(" | ")[0])}
    assert documented == read


def _section(text, heading):
    """The lines of a section, from its heading to the next heading of its level or above."""
    lines = text.splitlines()
    start = lines.index(heading)
    level = len(heading) - len(heading.lstrip("#"))
    end, fence = len(lines), False
    for n in range(start + 1, len(lines)):
        fence ^= lines[n].startswith("```")
        m = re.match(r"(#+) ", lines[n])
        if not fence and m and len(m.group(1)) <= level:
            end = n
            break
    return lines[start:end]


def test_the_readme_is_a_front_door():
    """Under 300 lines: what hrplan is, the set-up, a tour, where to read on; the reference is in
    docs/, and the README links every page of it."""
    import glob

    readme = _read("README.md")
    assert len(readme.splitlines()) < 300
    for heading in ("## Set-up", "## A tour", "## Where to read on", "## Speed", "## Layout"):
        assert heading in readme.splitlines(), heading
    assert 3 <= readme.count("<!-- run: hrplan ")
    for path in glob.glob(os.path.join(ROOT, "docs", "*.md")):
        assert f"](docs/{os.path.basename(path)})" in readme, f"the README does not link docs/{os.path.basename(path)}"
    assert "[docs/speed.md](docs/speed.md)" in "\n".join(_section(readme, "## Speed"))
    layout = _section(readme, "## Layout")
    assert len("\n".join(layout).strip().splitlines()) <= 17
    for folder in ("core", "planfile", "answers", "contract", "views", "render", "cli"):
        assert sum(line.startswith(f"hrplan/{folder}/ ") for line in layout) == 1, folder


def _slug(heading):
    """A heading's anchor, as GitHub makes it."""
    text = heading.lstrip("#").strip().lower()
    return re.sub(r"\s", "-", re.sub(r"[^\w\- ]", "", text))


@pytest.mark.parametrize("name", _script().documents() + ["CHANGELOG.md"])
def test_every_link_between_the_documents_leads_somewhere(name):
    """A relative link names a file that exists and, with #anchor, a heading of that file."""
    text = re.sub(r"```.*?```", "", _read(name), flags=re.S)
    here = os.path.dirname(name)
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        path = os.path.normpath(os.path.join(here, path)) if path else name
        assert os.path.exists(os.path.join(ROOT, path)), f"{name}: {target}"
        if anchor:
            headings = [line for line in re.sub(r"```.*?```", "", _read(path), flags=re.S).splitlines()
                        if line.startswith("#")]
            assert anchor in {_slug(h) for h in headings}, f"{name}: {target}"


def test_no_document_calls_a_plan_the_plan_in_force(run):
    """Issue 21: the latest plan's period has ended; the documents say which plan is the default
    as the code chooses it (the latest; stats and progress: the latest with an assessment)."""
    import json

    for name in _script().documents():
        assert "in force" not in _read(name), name
    assert json.loads(run("summary", "--json").stdout)["plan"]["id"] == "nhrap-2021-2025"
    assert json.loads(run("goals", "--json").stdout)["plan"]["id"] == "nhrap-2021-2025"
    assert json.loads(run("stats", "all", "--json").stdout)["plan"]["id"] == "nhrap-2016-2020"
    assert json.loads(run("progress", "--json").stdout)["plan"]["id"] == "nhrap-2016-2020"
    assert json.loads(run("show", "nhrap-2021-2025", "--json").stdout)["plan"]["assessment"] is None
    readme = _read("README.md")
    assert "The 2021-2025 plan is the latest; its period ended in\n2025 and no assessment of it is on record." in readme
    assert "`stats` and `progress`, the\nscorecards of results, for the latest plan that has an assessment, 2016-2020" in readme
