"""Bad input never breaks hrplan: every failure is hrplan's own error with a message and a code."""

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hrplan.errors import PlanFileError
from hrplan.load import MAX_FILE_BYTES, check_file, load_plans
from tests.conftest import MINIMAL


def test_date_out_of_range(plan_file):
    doc, problems = check_file(plan_file(MINIMAL.replace("period = [2012, 2015]\n", "period = [2012, 2015]\npublished = 1800-01-01\n", 1)))
    assert doc is None and [(p.path, p.message) for p in problems] == [
        ("plan.published", "must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not a date/time")]


def test_unreadable_file(plan_file, monkeypatch):
    path = plan_file()
    real_open = open

    def deny(file, *a, **k):
        if file == path:
            raise PermissionError(13, "Permission denied")
        return real_open(file, *a, **k)

    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(PlanFileError, match="cannot read: Permission denied"):
        load_plans(path, use_cache=False)


def test_a_file_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.toml"
    with open(path, "wb") as fh:  # sparse: no disk or memory is used
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(PlanFileError, match=r"file is 64 MB; plan files may be at most 64 MB"):
        load_plans(str(path), use_cache=False)


def test_a_directory_named_like_a_plan_file(tmp_path):
    d = tmp_path / "dir.toml"
    d.mkdir()
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "x.toml").mkdir()
    with pytest.raises(PlanFileError, match="is a directory"):
        load_plans(str(tmp_path / "plans"), use_cache=False)


def test_internal_error_exits_3_with_one_line(run, plan_file, monkeypatch):
    from hrplan import answers

    def broken(plan):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(answers, "summary", broken)
    r = run("summary", "--data", plan_file())
    assert r.exit_code == 3
    assert r.stderr == "hrplan: internal error: ZeroDivisionError: boom (set HRPLAN_DEBUG=1 for a traceback)\n"
    with pytest.raises(ZeroDivisionError):
        run("summary", "--data", plan_file(), env={"HRPLAN_DEBUG": "1"})


# ---------------------------------------------------------------- fuzzing plan files

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


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(raw=mutated_plan())
def test_mutated_plan_files_load_or_fail_with_our_error(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("fuzz") / "plan.toml"
    path.write_bytes(raw)
    try:
        plans = load_plans(str(path), use_cache=False)
    except PlanFileError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
        assert str(path) in str(exc)
    else:
        from hrplan import answers

        # a plan that loads can be queried end to end without an exception
        plan = plans[0]
        answers.summary(plan)
        answers.export(plan)


@pytest.mark.slow
def test_random_bytes_never_escape(tmp_path):
    rng = random.Random(2026)
    for n in range(300):
        path = tmp_path / f"r{n}.toml"
        path.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))))
        try:
            load_plans(str(path), use_cache=False)
        except PlanFileError:
            pass


@pytest.mark.slow
def test_a_file_of_tens_of_megabytes_loads_within_bounded_memory(tmp_path):
    import importlib.util
    import resource
    import subprocess
    import sys

    from tests.conftest import ROOT, subprocess_env

    spec = importlib.util.spec_from_file_location("startup", os.path.join(ROOT, "benchmarks", "startup.py"))
    startup = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(startup)
    path = tmp_path / "big.toml"
    startup.generate(str(path), 50000)
    assert path.stat().st_size > 20 * 2**20
    r = subprocess.run([sys.executable, "-m", "hrplan", "--data", str(path), "stats", "theme", "--json"],
                       capture_output=True, cwd=ROOT, timeout=300,
                       env=subprocess_env(XDG_CACHE_HOME=str(tmp_path / "cache")))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(b'{"plan":{"id":"big-plan"')
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 800, f"peak resident memory {peak_mb:.0f} MB"
