"""End to end, in real processes: pipes, terminals, locales, signals, imports."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, subprocess_env


PLAN = "nhrap-2012-2015"  # the bundled plan these tests read; pinned, as more plans are bundled


def hrplan(*args, env=None, input=None, **kw):
    """hrplan in a subprocess; a command is pinned to ``PLAN`` (``--plan`` before the command)."""
    e = subprocess_env(**(env or {}))
    pin = ("--plan", PLAN) if args else ()
    return subprocess.run([sys.executable, "-m", "hrplan", *pin, *args], capture_output=True, env=e, cwd=ROOT,
                          input=input, timeout=60, **kw)


def test_summary_json_in_a_subprocess(tmp_path):
    r = hrplan("summary", "--json", env={"XDG_CACHE_HOME": str(tmp_path)})
    assert r.returncode == 0 and r.stderr == b""
    d = json.loads(r.stdout.decode("utf-8"))
    assert d["plan"]["id"] == "nhrap-2012-2015" and d["plan"]["title_zh"] == "国家人权行动计划（2012－2015年）"


def test_json_path_never_imports_rich(tmp_path):
    code = ("import sys\nfrom hrplan.cli import main\n"
            "try:\n    main(['stats', 'livelihood', '--json', '--plan', 'nhrap-2012-2015'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.')), file=sys.stderr)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60,
                       env=subprocess_env(XDG_CACHE_HOME=str(tmp_path)))
    assert r.stderr.decode().strip() == "[]"
    assert json.loads(r.stdout)["area"]["id"] == "livelihood"


def test_piped_output_has_no_colour_and_no_truncation(tmp_path):
    r = hrplan("goals", env={"XDG_CACHE_HOME": str(tmp_path)})
    out = r.stdout.decode()
    assert "\x1b[" not in out and "…" not in out
    longest = max(len(line) for line in out.splitlines())
    assert longest > 120  # whole texts, not cut at 80 columns
    assert all(len(line.split("\t")) == 5 for line in out.splitlines())


def test_force_color_colours_and_no_color_wins(tmp_path):
    forced = hrplan("goals", env={"FORCE_COLOR": "1", "XDG_CACHE_HOME": str(tmp_path)}).stdout.decode()
    assert "\x1b[" in forced
    both = hrplan("goals", env={"FORCE_COLOR": "1", "NO_COLOR": "1", "XDG_CACHE_HOME": str(tmp_path)}).stdout.decode()
    assert "\x1b[" not in both


@pytest.mark.parametrize("cmd", ["goals", "goals --json", "export --format ndjson", "sources"])
def test_broken_pipe_exits_quietly(tmp_path, cmd):
    env = subprocess_env(XDG_CACHE_HOME=str(tmp_path))
    head = "head -c 100" if "json" in cmd else "head -1"
    r = subprocess.run(f'set -o pipefail; "{sys.executable}" -m hrplan --plan {PLAN} {cmd} | {head} > /dev/null',
                       shell=True, executable="/bin/bash", capture_output=True, env=env, cwd=ROOT, timeout=60)
    assert r.stderr == b""
    assert r.returncode == 0


@pytest.mark.parametrize("env", [{"LC_ALL": "C", "LANG": "C"}, {"PYTHONIOENCODING": "ascii"},
                                 {"LC_ALL": "C", "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}])
def test_plain_locales(tmp_path, env):
    env = dict(env, XDG_CACHE_HOME=str(tmp_path))
    for fmt in ("plain", "table"):
        r = hrplan("summary", "--format", fmt, env=env)
        assert r.returncode == 0, r.stderr
        assert b"Economic" in r.stdout and b"Traceback" not in r.stderr
    j = hrplan("summary", "--json", env=env)
    assert j.returncode == 0
    assert json.loads(j.stdout.decode("utf-8"))["plan"]["title_zh"].startswith("国家")


@pytest.mark.parametrize("columns", ["40", "60", "80", "120", "200"])
def test_tables_at_any_width(tmp_path, columns):
    for args in (["summary"], ["stats", "livelihood"], ["show", "I.1.a"], ["progress"], ["goals", "III"]):
        r = hrplan(*args, "--format", "table", env={"COLUMNS": columns, "XDG_CACHE_HOME": str(tmp_path)})
        assert r.returncode == 0, r.stderr
        lines = r.stdout.decode().splitlines()
        # Every line fits, but for web addresses, printed whole on lines of their own so that a
        # copy from the terminal keeps them intact (the terminal itself wraps them).
        # A line may be longer only where it holds one word (an id, a name) too long for the width.
        assert lines and all(len(line) <= int(columns) or line.strip().startswith("http")
                             or len(line.split()) == 1
                             for line in lines if not any(ord(c) > 0x2e80 for c in line))


def test_ctrl_c_exits_130_without_traceback(tmp_path):
    fifo = tmp_path / "plan.toml"
    os.mkfifo(fifo)
    env = subprocess_env(XDG_CACHE_HOME=str(tmp_path), HRPLAN_NO_CACHE="1")
    p = subprocess.Popen([sys.executable, "-m", "hrplan", "summary", "--data", str(fifo)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    # Opening the writing end succeeds only once hrplan has opened the FIFO to read it; holding
    # it open without writing leaves hrplan waiting in the middle of loading its plan file.
    deadline = time.monotonic() + 30
    while True:
        try:
            writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError:
            assert time.monotonic() < deadline and p.poll() is None, "hrplan never opened the plan file"
            time.sleep(0.02)
    time.sleep(0.2)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=30)
    os.close(writer)
    assert p.returncode == 130
    assert b"Traceback" not in err and err.decode().strip() == "hrplan: interrupted"


def test_console_script_is_installed():
    exe = os.path.join(os.path.dirname(sys.executable), "hrplan")
    if not os.path.exists(exe):
        pytest.skip("console script not installed in this environment")
    r = subprocess.run([exe, "--version"], capture_output=True, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith(b"hrplan, version ")


@pytest.mark.parametrize("words,cword,expect", [
    ("hrplan stats liv", "2", ["plain,livelihood", "plain,living-standards"]),
    ("hrplan sta", "1", ["plain,stats"]),
    ("hrplan show --plan nhrap-2012-2015 III.5.", "4", ["plain,III.5.a", "plain,III.5.b"]),
    ("hrplan trend life-", "2", ["plain,life-expectancy"]),
    ("hrplan compare nhrap-2012", "2", ["plain,nhrap-2012-2015"]),
    ("hrplan goals --plan nhrap-20", "3", ["plain,nhrap-2009-2010", "plain,nhrap-2012-2015"]),
])
def test_shell_completion(tmp_path, words, cword, expect):
    r = hrplan(env={"_HRPLAN_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": cword,
                    "XDG_CACHE_HOME": str(tmp_path)})
    assert r.returncode == 0
    lines = r.stdout.decode().splitlines()
    assert lines[: len(expect)] == expect


@pytest.mark.skipif(not os.path.exists("/usr/bin/script"), reason="needs script(1) for a terminal")
@pytest.mark.parametrize("extra,paged", [([], True), (["--no-pager"], False)])
def test_long_answers_at_a_terminal_go_through_the_pager(tmp_path, extra, paged):
    out = tmp_path / "paged.txt"
    env = subprocess_env(HRPLAN_PAGER=f"tee {out}", COLUMNS="80", LINES="20", XDG_CACHE_HOME=str(tmp_path))
    cmd = " ".join([sys.executable, "-m", "hrplan", "goals", "--plan", PLAN, *extra])
    subprocess.run(["script", "-qc", cmd, "/dev/null"], capture_output=True, env=env, cwd=ROOT, timeout=60)
    assert out.exists() == paged
    if paged:
        assert "Goals of nhrap-2012-2015" in out.read_text(encoding="utf-8").splitlines()[0]
    # never in a pipe, never for JSON
    r = hrplan("goals", "--json", env={"HRPLAN_PAGER": f"tee {tmp_path / 'json.txt'}"})
    assert r.returncode == 0 and not (tmp_path / "json.txt").exists()
