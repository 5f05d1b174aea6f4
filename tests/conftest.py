import os
import sys
import textwrap

import pytest
from click.testing import CliRunner

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MINIMAL = textwrap.dedent('''\
    format = 1
    sources = [
      { id = "plan", title = "The plan", publisher = "Issuer", url = "https://example.org/plan", kind = "plan_text", document = "plan" },
      { id = "rep", title = "The report", publisher = "Issuer", url = "https://example.org/report", kind = "assessment_report", document = "assessment" },
      { id = "stat", title = "Statistics", publisher = "Bureau", url = "https://example.org/stats", kind = "official_statistics", document = "other", mirror = true },
    ]

    [plan]
    id = "test-plan"
    title = "Test plan"
    title_zh = "测试计划"
    period = [2012, 2015]

    [[chapters]]
    id = "I"
    title = "Chapter one"
    aliases = ["one"]

    [[chapters]]
    id = "II"
    title = "Chapter two"

    [[sections]]
    id = "I.1"
    chapter = "I"
    title = "Work"
    title_zh = "工作权利"
    aliases = ["jobs"]
    coverage = "partial"

    [[sections]]
    id = "I.2"
    chapter = "I"
    title = "Living standards"
    coverage = "full"

    [[themes]]
    id = "livelihood"
    title = "Livelihood"
    definition = "Sections I.1 and I.2."
    sections = ["I.1", "I.2"]

    [[claims]]
    id = "C1"
    text = "More than half of livelihood targets were exceeded."
    area = "livelihood"
    share = 50
    qualifier = "more_than"
    counts = ["surpassed"]
    sources = ["rep"]

    [[goals]]
    id = "G1"
    section = "I.1"
    text = "Create nine million jobs a year."
    tags = ["jobs"]
    reported_status = "surpassed"
    plan_sources = ["plan"]
    notes = [{ kind = "data_quality", text = "A copy garbles the figure.", sources = ["stat"] }]

    [goals.target]
    metric = "New jobs"
    unit = "million"
    op = ">="
    value = 9
    year = 2015

    [[goals.results]]
    year = 2015
    value = 12
    unit = "million"
    source = "rep"

    [[goals]]
    id = "G2"
    section = "I.2"
    text = "Keep unemployment below five per cent."
    reported_status = "met"

    [goals.target]
    metric = "Unemployment"
    unit = "%"
    op = "<"
    value = 5
    year = 2015
    ceiling = true

    [[goals.results]]
    year = 2015
    value = 6
    unit = "%"
    source = "stat"

    [[goals]]
    id = "G3"
    chapter = "II"
    text = "Revise a law."

    [[goals.results]]
    year = 2014
    text = "The law was revised."
    source = "rep"
    ''')


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Every test gets its own cache directory and no inherited data path or colour settings."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for var in ("HRPLAN_DATA", "HRPLAN_NO_CACHE", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "HRPLAN_DEBUG"):
        monkeypatch.delenv(var, raising=False)
    yield


@pytest.fixture
def plan_file(tmp_path):
    def write(text=MINIMAL, name="plan.toml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


class Ran:
    def __init__(self, exit_code, stdout, stderr):
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr

    def json(self):
        import json

        return json.loads(self.stdout)


@pytest.fixture
def run():
    """Run the real entry point (hrplan.cli.main) in-process, with Click's stream isolation."""
    from hrplan.cli.main import main

    runner = CliRunner()

    def invoke(*args, env=None):
        with runner.isolation(env=env) as streams:
            try:
                main(list(args))
                code = 0
            except SystemExit as exc:
                code = exc.code
            out, err = streams[0].getvalue(), streams[1].getvalue()
        return Ran(code, out.decode("utf-8"), err.decode("utf-8"))

    return invoke


def subprocess_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "HRPLAN_DATA")}
    env.update(extra)
    return env


PYTHON = sys.executable


# ------------------------------------------------------------------ a plan file, damaged at random
from hypothesis import strategies as st  # noqa: E402

LINES = MINIMAL.splitlines(keepends=True)
REPLACEMENTS = ['"text"', "12", "1.5", "true", "[1, 2]", "{ a = 1 }", "nan", "inf", "-inf", "1979-05-27",
                '"I.9"', "[]", '""', "9999999999999999999999", "'single'", '"""multi\nline"""']


@st.composite
def mutated_plan(draw):
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["truncate", "delete", "duplicate", "retype", "bytes", "swap"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "truncate":
            cut = draw(st.integers(0, sum(len(l) for l in lines)))
            text = "".join(lines)[:cut]
            lines = text.splitlines(keepends=True) or [""]
        elif op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "retype" and "=" in lines[i]:
            key = lines[i].split("=", 1)[0]
            lines[i] = f"{key}= {draw(st.sampled_from(REPLACEMENTS))}\n"
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines.insert(i, draw(st.binary(min_size=1, max_size=12)).decode("latin-1"))
    raw = "".join(lines).encode("utf-8", "surrogateescape")
    if draw(st.booleans()):
        raw = bytes(b ^ 0x80 if k % 97 == 0 else b for k, b in enumerate(raw))  # stray non-UTF-8 bytes
    return raw
