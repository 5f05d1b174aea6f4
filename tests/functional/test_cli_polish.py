"""The everyday surface of issue 23: `help COMMAND`, JSON from help and schema, `stats` of a whole
plan, --color, TERM=dumb, validate's whole lines, the help's width."""

import io
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, subprocess_env


def test_help_command_is_the_command_s_own_help(run):
    for name in ("goals", "stats", "compare", "help"):
        r = run("help", name)
        assert r.exit_code == 0 and r.stderr == ""
        assert r.stdout == run(name, "--help").stdout
    assert run("help", "statuses").stdout.startswith("Computed status")
    r = run("help", "stat")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith("hrplan: error: no help topic or command 'stat'; did you mean stats or statuses?")


def test_help_topics_as_json_and_a_clear_error_for_a_command(run):
    from hrplan.core import statuses
    from hrplan.errors import EXIT_CODES

    d = run("help", "statuses", "--json").json()
    assert d["topic"] == "statuses"
    assert [s["name"] for s in d["statuses"]] == [s.name for s in statuses.TABLE]
    assert d["statuses"] == run("methodology", "--json").json()["statuses"]
    assert [s["name"] for s in d["reported_statuses"]] == [*statuses.REPORTED, statuses.REPORTED_NONE]
    d = run("help", "exit-codes", "--json").json()
    assert [(c["code"], c["meaning"]) for c in d["exit_codes"]] == list(EXIT_CODES)
    for args in (["help", "goals", "--json"], ["help", "--json"]):
        r = run(*args)
        assert r.exit_code == 2 and r.stdout == "" and len(r.stderr.splitlines()) == 1
    assert "hrplan schema goals" in run("help", "goals", "--json").stderr


def test_schema_json_lists_the_names_as_json(run):
    names = run("schema").stdout.split()
    assert run("schema", "--json").json() == names
    assert run("schema", "stats", "--json").json() == run("schema", "stats").json()


def test_stats_without_an_area_answers_for_the_whole_plan(run, plan_file):
    d = run("stats", "--data", plan_file(), "--json").json()
    assert d["area"]["kind"] == "plan" and d["goal_count"] == 3
    assert d == run("stats", "all", "--data", plan_file(), "--json").json()
    d = run("stats", "--json").json()
    assert d["plan"]["id"] == "nhrap-2016-2020" and d["area"]["kind"] == "plan" and d["goal_count"] == 54


@pytest.mark.parametrize("args,env,coloured", [
    (["--color", "always"], {}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    (["--color", "always"], {"NO_COLOR": "1"}, True),  # the option wins over the environment
    (["--color", "auto"], {"FORCE_COLOR": "1"}, True),
    (["--color", "auto"], {}, False),  # a pipe
    ([], {}, False),
])
def test_color_option_before_or_after_the_command(run, plan_file, args, env, coloured):
    for argv in (["goals", "--data", plan_file(), *args], [*args, "goals", "--data", plan_file()]):
        r = run(*argv, env=env)
        assert r.exit_code == 0, r.stderr
        assert ("\x1b[" in r.stdout) == coloured, argv


def test_color_rejects_another_word(run):
    r = run("goals", "--color", "sometimes")
    assert r.exit_code == 2 and "'sometimes' is not one of 'auto', 'always', 'never'" in r.stderr


def test_term_dumb_starts_no_pager():
    from hrplan.render import pager

    assert pager.command({"TERM": "dumb", "PAGER": "less"}) is None
    assert pager.command({"TERM": "dumb", "HRPLAN_PAGER": "less -R"}) is None
    assert pager.command({"TERM": "xterm", "PAGER": "less"}) == ["less"]
    out = io.StringIO()
    pager.show("line\n" * 100, out, {"TERM": "dumb", "HRPLAN_PAGER": "false"}, rows=10)
    assert out.getvalue() == "line\n" * 100


@pytest.mark.skipif(not os.path.exists("/usr/bin/script"), reason="needs script(1) for a terminal")
def test_term_dumb_at_a_real_terminal_prints_straight_out(tmp_path):
    out = tmp_path / "paged.txt"
    env = subprocess_env(HRPLAN_PAGER=f"tee {out}", COLUMNS="80", LINES="20", TERM="dumb",
                         XDG_CACHE_HOME=str(tmp_path))
    cmd = " ".join([sys.executable, "-m", "hrplan", "goals", "--plan", "nhrap-2012-2015"])
    r = subprocess.run(["script", "-qc", cmd, "/dev/null"], capture_output=True, env=env, cwd=ROOT, timeout=60)
    assert not out.exists()
    assert b"Goals of nhrap-2012-2015" in r.stdout


def test_validate_never_wraps_its_lines_at_a_terminal(plan_file):
    from hrplan.render import terminal
    from hrplan.render.termenv import TermEnv
    from hrplan.views.plan import validate_view

    long = "x" * 150
    answer = {"problems": [{"text": f"/some/dir/plan.toml:12: goals[G2].text: {long}"}], "ok": False,
              "file_count": 1, "error_count": 1, "warning_count": 0}
    for width in (40, 80):
        out = io.StringIO()
        terminal.render(validate_view(answer), TermEnv(isatty=True, color=False, encoding="utf-8", width=width), out)
        lines = out.getvalue().splitlines()
        assert f"/some/dir/plan.toml:12: goals[G2].text: {long}" in lines, lines
        assert "1 file(s) checked: 1 error(s), 0 warning(s)" in lines


def test_validate_at_a_narrow_terminal_through_the_cli(run, plan_file):
    bad = plan_file(open(plan_file()).read().replace('source = "stat"', 'source = "a-source-id-long-enough-to-run-past'
                                                                         '-the-edge-of-a-forty-column-terminal"'),
                    name="bad.toml")
    r = run("validate", bad, "--format", "table", env={"COLUMNS": "40"})
    assert r.exit_code == 1
    [line] = [l for l in r.stdout.splitlines() if "unknown source" in l]
    assert line.startswith(f"{bad}:") and line.endswith("-the-edge-of-a-forty-column-terminal'")


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
@pytest.mark.parametrize("name", ["", "goals", "export", "stats", "search"])
def test_help_fills_the_terminal_down_to_40_columns(run, name, columns):
    r = run(*([name] if name else []), "--help", env={"COLUMNS": str(columns)})
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    widest = min(columns, 100)
    # prose wraps to the width; an example command line or an option's list of choices is kept whole
    for line in lines:
        if len(line) > widest:
            term = line.lstrip()
            assert term.startswith("hrplan ") or (term.startswith("--") and " [" in term and term.endswith("]")), \
                (columns, line)
    prose = [l for l in lines if l.startswith("  ") and not l.lstrip().startswith(("hrplan ", "-"))]
    assert max(map(len, prose)) > widest - 20  # it fills the width, rather than stopping at Click's 80


def test_help_under_50_columns_puts_the_option_text_under_the_option(run):
    lines = run("goals", "--help", env={"COLUMNS": "40"}).stdout.splitlines()
    i = lines.index("  --tag TEXT")
    assert lines[i + 1].startswith("      Keep goals with this tag")
    assert "  --tag TEXT" in "\n".join(run("goals", "--help", env={"COLUMNS": "100"}).stdout.splitlines())


@pytest.mark.parametrize("args", [["goals", "--plan", ""], ["--plan", "", "goals"], ["goals", "--data", ""],
                                  ["export", "-o", ""], ["goals", "--svg", ""]])
def test_an_empty_word_is_not_the_default_but_a_usage_error(run, args):
    r = run(*args)
    assert r.exit_code == 2 and "not an empty word" in r.stderr
