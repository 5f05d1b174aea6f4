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
    code = ("import sys\nfrom hrplan.cli.main import main\n"
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


# ---------------------------------------------------------------- closed pipes

# Each command with arguments that make it print a lot; --plan is added where a command takes it.
PIPED = {
    "areas": [], "compare": ["nhrap-2012-2015", "nhrap-2016-2020"], "export": [], "goals": [], "indicators": [],
    "methodology": [], "notes": [], "plans": [], "progress": [], "quotas": [], "schema": ["export"],
    "search": ["the"], "show": ["I.1.a"], "sources": [], "stats": ["all"], "summary": [], "tags": [],
    "trend": ["life-expectancy"], "validate": [], "help": ["statuses"],
}


def piped_cases():
    """(command, format) for every command and every format it has (--json for those without --format)."""
    from hrplan.cli.registry import COMMANDS, build

    assert sorted(PIPED) == sorted(COMMANDS), "a new command: give it arguments in PIPED"
    cases = []
    for name in sorted(COMMANDS):
        params = {p.name: p for p in build(name).params}
        formats = params["fmt"].type.choices if "fmt" in params else ("default", "json") if "as_json" in params \
            else ("default",)
        # sqlite and datapackage write files (--output), never standard output
        cases += [(name, fmt, "plan_id" in params) for fmt in formats if fmt not in ("sqlite", "datapackage")]
    return cases


def piped_argv(name, fmt, takes_plan):
    fmt_args = {"default": [], "json": ["--json"]}.get(fmt, ["--format", fmt])
    return [name, *PIPED[name], *fmt_args, *(["--plan", PLAN] if takes_plan else [])]


@pytest.fixture(scope="module")
def piped_results(tmp_path_factory):
    """Every case run twice, concurrently: into ``head -1`` (with pipefail), and with standard output
    a pipe whose reading end is already closed, so that even a short answer meets the closed pipe."""
    import shlex
    from concurrent.futures import ThreadPoolExecutor

    env = subprocess_env(XDG_CACHE_HOME=str(tmp_path_factory.mktemp("cache")), COLUMNS="100")
    subprocess.run([sys.executable, "-m", "hrplan", "plans", "--json"], env=env, cwd=ROOT, capture_output=True,
                   timeout=60)  # fill the parse cache once

    def head(case):
        argv = shlex.join([sys.executable, "-m", "hrplan", *piped_argv(*case)])
        return subprocess.run(f"set -o pipefail; {argv} | head -1 > /dev/null", shell=True, executable="/bin/bash",
                              capture_output=True, env=env, cwd=ROOT, timeout=120)

    def closed(case):
        read, write = os.pipe()
        os.close(read)
        try:
            return subprocess.run([sys.executable, "-m", "hrplan", *piped_argv(*case)], stdout=write,
                                  stderr=subprocess.PIPE, env=env, cwd=ROOT, timeout=120)
        finally:
            os.close(write)

    cases = piped_cases()
    with ThreadPoolExecutor(max_workers=4) as pool:
        heads = dict(zip(cases, pool.map(head, cases)))
        closes = dict(zip(cases, pool.map(closed, cases)))
    return heads, closes


@pytest.mark.parametrize("case", piped_cases(), ids=lambda c: f"{c[0]}-{c[1]}")
def test_every_command_and_format_exits_0_quietly_on_a_closed_pipe(piped_results, case):
    heads, closes = piped_results
    for how, r in (("| head -1", heads[case]), ("closed pipe", closes[case])):
        assert (r.returncode, r.stderr.decode()) == (0, ""), f"{' '.join(piped_argv(*case))} {how}"


@pytest.mark.parametrize("args", [["--help"], ["goals", "--help"], []], ids=["help", "command-help", "no-command"])
def test_help_exits_0_quietly_on_a_closed_pipe(tmp_path, args):
    read, write = os.pipe()
    os.close(read)
    try:
        r = subprocess.run([sys.executable, "-m", "hrplan", *args], stdout=write, stderr=subprocess.PIPE, cwd=ROOT,
                           env=subprocess_env(XDG_CACHE_HOME=str(tmp_path)), timeout=60)
    finally:
        os.close(write)
    assert (r.returncode, r.stderr) == (0, b"")


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


def interrupted(tmp_path):
    """hrplan stopped by SIGINT (Ctrl-C) while it waits in the middle of loading its plan file: a
    FIFO that it has opened and that nobody writes to. (returncode, stdout, stderr)."""
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
    return p.returncode, out, err


def test_ctrl_c_exits_130_without_traceback(tmp_path):
    code, _, err = interrupted(tmp_path)
    assert code == 130
    assert b"Traceback" not in err and err.decode().strip() == "hrplan: interrupted"


BROKEN = ("import sys\nfrom hrplan.answers import plan as answers\nfrom hrplan.cli.main import main\n"
          "answers.summary = lambda plan: 1 / 0  # a bug in hrplan\nsys.argv = ['hrplan', 'summary']\nmain()\n")


def test_each_exit_code(tmp_path):
    """0, 1, 2, 3 and 130, each from a real process, as docs/exit-codes.md, --help and hrplan.errors
    list them."""
    from hrplan import errors
    from tests.conftest import MINIMAL

    bad = tmp_path / "bad.toml"
    bad.write_text(MINIMAL.replace('section = "I.2"', 'section = "I.9"'), encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    seen = {
        "ok": unpinned("summary", "--json", "--plan", "nhrap-2012-2015", env=env),
        "empty search": unpinned("search", "no-such-word-anywhere", env=env),
        "empty query": unpinned("search", "", env=env),
        "invalid plan file": unpinned("summary", "--data", str(bad), env=env),
        "validate found problems": unpinned("validate", str(bad), env=env),
        "missing plan file": unpinned("goals", "--data", str(tmp_path / "missing.toml"), env=env),
        "unknown command": unpinned("sumary", env=env),
        "unknown area": unpinned("stats", "livelyhood", env=env),
        "bad option value": unpinned("goals", "--format", "xml", env=env),
        "two formats": unpinned("goals", "--json", "--format", "csv", env=env),
        "internal error": subprocess.run([sys.executable, "-c", BROKEN], capture_output=True, cwd=ROOT, timeout=60,
                                         env=subprocess_env(**env)),
    }
    codes = {name: r.returncode for name, r in seen.items()}
    assert codes == {"ok": 0, "empty search": 0, "empty query": 2, "invalid plan file": 1,
                     "validate found problems": 1, "missing plan file": 1, "unknown command": 2, "unknown area": 2,
                     "bad option value": 2, "two formats": 2, "internal error": 3}, {n: (r.returncode, r.stderr) for n, r in seen.items()}
    assert seen["internal error"].stderr.decode() == ("hrplan: internal error: ZeroDivisionError: division by zero "
                                                      "(set HRPLAN_DEBUG=1 for a traceback)\n")
    assert interrupted(tmp_path)[0] == 130
    listed = {errors.OK, errors.DATA_ERROR, errors.USAGE, errors.INTERNAL, errors.INTERRUPTED}
    assert listed == {0, 1, 2, 3, 130}
    page = open(os.path.join(ROOT, "docs", "exit-codes.md"), encoding="utf-8").read().split("# Exit codes")[1]
    assert {int(line.split("|")[1]) for line in page.splitlines() if line.startswith("| ") and "code" not in line} \
        == listed
    help_text = unpinned("--help", env=env).stdout.decode()
    assert all(f"{code} " in help_text.split("Exit codes:")[1] for code in listed)


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
    ("hrplan quotas --plan a", "3", ["plain,all"]),  # the commands that take --plan all offer it
    ("hrplan summary --plan a", "3", []),
])
def test_shell_completion(tmp_path, words, cword, expect):
    r = hrplan(env={"_HRPLAN_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": cword,
                    "XDG_CACHE_HOME": str(tmp_path)})
    assert r.returncode == 0
    lines = r.stdout.decode().splitlines()
    assert lines[: len(expect)] == expect and (expect or not any(lines))


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


# ---------------------------------------------------------------- untrusted plan files

def control_bytes(data: bytes) -> set:
    """The control characters and bidirectional overrides in UTF-8 output, but newline and tab."""
    from hrplan.core.unsafe import UNSAFE

    return {ch for ch in data.decode("utf-8") if ord(ch) in UNSAFE and ch not in "\n\t"}


def test_a_plan_file_cannot_write_control_characters_to_the_terminal(tmp_path):
    from tests.conftest import MINIMAL

    path = tmp_path / "plan.toml"
    path.write_text(MINIMAL.replace('text = "Revise a law."', 'text = "Revise \\u001b]0;owned\\u0007 a law."')
                    .replace('title = "Chapter two"', 'title = "Chapter \\u202etwo"\n"\\u001b[2J" = 1'), encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    title = MINIMAL.split("\n").index('title = "Chapter two"') + 1
    # (the terminal renderer, --format table, is covered with its own escaping)
    for args in (["validate", str(path)], ["summary", "--data", str(path)]):
        r = hrplan(*args, env=env)
        assert r.returncode == 1, r.stderr
        assert control_bytes(r.stdout) == set() and control_bytes(r.stderr) == set(), args
        out = (r.stdout + r.stderr).decode()
        assert f"{path}:{title}: chapters[II].title: holds \\u202e at character 9" in out
        assert f"chapters[II].\\x1b[2J: unknown key" in out
        assert "goals[G3].text: holds \\x1b at character 8, \\x07 at character 17" in out
    r = hrplan("validate", str(path), "--json", env=env)
    assert r.returncode == 1 and control_bytes(r.stdout) == set()
    assert "chapters[II].\u001b[2J" in [p["path"] for p in json.loads(r.stdout)["problems"]]


def test_validate_names_every_problem_of_a_file_at_its_own_line_in_one_run(tmp_path):
    from tests.conftest import MINIMAL

    text = (MINIMAL.replace('tags = ["jobs"]', 'tagz = ["jobs"]').replace('source = "stat"', 'source = "stats"')
            .replace("value = 9\n", 'value = "nine"\n'))
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    tagz, nine, stats = (text.split("\n").index(line) + 1 for line in ('tagz = ["jobs"]', 'value = "nine"', 'source = "stats"'))
    r = hrplan("validate", str(path), env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert r.returncode == 1
    assert r.stdout.decode().splitlines() == [
        f"{path}:{tagz}: goals[G1].tagz: unknown key (did you mean tags?)",
        f"{path}:{nine}: goals[G1].target.value: must be a number, not 'nine'",
        f"{path}:{stats}: goals[G2].results[0].source: unknown source 'stats' (did you mean stat?)",
        "1 file(s) checked: 3 error(s), 0 warning(s)",
    ]


def unpinned(*args, env=None):
    """hrplan in a subprocess, without the pinned plan."""
    return subprocess.run([sys.executable, "-m", "hrplan", *args], capture_output=True, cwd=ROOT, timeout=60,
                          env=subprocess_env(**(env or {})))


def test_a_data_folder_may_hold_other_toml_files(tmp_path):
    from tests.conftest import MINIMAL

    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "plan.toml").write_text(MINIMAL, encoding="utf-8")
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    notice = f"hrplan: skipped {folder / 'pyproject.toml'}: not a plan file (no [plan] table)\n".encode()
    for _ in range(2):  # the second time, which file is a plan comes from the cache
        r = unpinned("summary", "--json", "--data", str(folder), env=env)
        assert r.returncode == 0 and r.stderr == notice
        assert json.loads(r.stdout)["plan"]["id"] == "test-plan"
    r = unpinned("validate", "--json", str(folder), env=env)
    assert r.returncode == 0 and json.loads(r.stdout)["skipped"] == [str(folder / "pyproject.toml")]
    # completing a command line says nothing on stderr
    r = unpinned(env=dict(env, _HRPLAN_COMPLETE="bash_complete", COMP_WORDS=f"hrplan goals --data {folder} --plan t",
                          COMP_CWORD="5"))
    assert r.returncode == 0 and r.stderr == b"" and b"test-plan" in r.stdout
    (folder / "plan.toml").unlink()
    r = unpinned("summary", "--data", str(folder), env=env)
    assert r.returncode == 1
    assert r.stderr.decode().startswith(f"hrplan: --data {folder}: no plan files in this directory")


def test_errors_name_where_a_wrong_value_came_from(tmp_path):
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    missing = str(tmp_path / "missing")
    cases = [
        (["summary", "--data", missing], {}, 1, f"hrplan: --data {missing}: no such file or directory\n"),
        (["--data", missing, "goals"], {}, 1, f"hrplan: --data {missing}: no such file or directory\n"),
        (["trend", "life-expectancy", "--data", missing], {}, 1, f"hrplan: --data {missing}: no such file or directory\n"),
        (["summary"], {"HRPLAN_DATA": missing}, 1, f"hrplan: HRPLAN_DATA={missing}: no such file or directory\n"),
        (["summary", "--plan", "nhrap-2051"], {}, 2, "hrplan: unknown plan 'nhrap-2051' (from --plan); did you mean "),
        (["plans", "--plan", "nhrap-2051"], {}, 2, "hrplan: unknown plan 'nhrap-2051' (from --plan); did you mean "),
        (["compare", "nhrap-2051", "nhrap-2016-2020"], {}, 2,
         "hrplan: unknown plan 'nhrap-2051'; did you mean "),  # an argument, not --plan
    ]
    for args, extra, code, message in cases:
        r = unpinned(*args, env=dict(env, **extra))
        err = r.stderr.decode()
        assert r.returncode == code and err.startswith(message) and err.count("\n") == 1, (args, err)
