"""Bad input never breaks hrplan: every failure is hrplan's own error with a message and a code."""

import os
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hrplan.errors import PlanFileError
from hrplan.planfile.load import check_file, load_plans
from hrplan.planfile.rules import MAX_FILE_BYTES
from tests.conftest import MINIMAL, mutated_plan


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
    from hrplan.answers import plan as answers

    def broken(plan):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(answers, "summary", broken)
    r = run("summary", "--data", plan_file())
    assert r.exit_code == 3
    assert r.stderr == "hrplan: internal error: ZeroDivisionError: boom (set HRPLAN_DEBUG=1 for a traceback)\n"
    with pytest.raises(ZeroDivisionError):
        run("summary", "--data", plan_file(), env={"HRPLAN_DEBUG": "1"})


# ---------------------------------------------------------------- fuzzing plan files



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
        from hrplan.answers import plan as answers

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


# ---------------------------------------------------------------- fuzzing untrusted strings

from hrplan.core.unsafe import UNSAFE  # noqa: E402

UNSAFE_CHARS = [chr(c) for c in UNSAFE]
# How a plan file may write a character in a basic string: raw (TOML allows C1, DEL aside, and
# the overrides), or escaped: \uXXXX, \UXXXXXXXX, \xHH (TOML 1.1), \e, and the named ones.
NAMED = {"\x08": "\\b", "\t": "\\t", "\n": "\\n", "\x0c": "\\f", "\r": "\\r", "\x1b": "\\e", '"': '\\"', "\\": "\\\\"}


def written(ch: str, how: int) -> str:
    code = ord(ch)
    if ch in NAMED and how % 2:
        return NAMED[ch]
    if 0x80 <= code and how == 0 and code != 0x7F:
        return ch
    if code < 0x100 and how == 3:
        return f"\\x{code:02x}"
    return f"\\U{code:08x}" if how == 4 else f"\\u{code:04x}"


hostile_text = st.lists(st.one_of(st.sampled_from(UNSAFE_CHARS), st.text(alphabet="ab [];=#{}'\"中", max_size=3)),
                        min_size=1, max_size=6).map("".join)
STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
LITERALS = [mt for mt in STRING.finditer(MINIMAL)]


@st.composite
def plan_with_a_hostile_string(draw):
    """MINIMAL with one of its string values replaced by text holding control characters or
    bidirectional overrides (at least one that no field allows), written in any of TOML's ways;
    and the line of that value."""
    mt = draw(st.sampled_from(LITERALS))
    text = draw(hostile_text.filter(lambda s: any(ord(c) in UNSAFE and c not in "\n\t" for c in s)))
    body = "".join(written(ch, draw(st.integers(0, 4))) if ord(ch) in UNSAFE or ch in '"\\' else ch for ch in text)
    line = MINIMAL.count("\n", 0, mt.start()) + 1
    return MINIMAL[:mt.start()] + f'"{body}"' + MINIMAL[mt.end():], line, text


@pytest.mark.slow
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=plan_with_a_hostile_string())
def test_a_string_with_a_control_character_is_refused_at_its_line(tmp_path_factory, case):
    text, line, value = case
    path = tmp_path_factory.mktemp("hostile") / "plan.toml"
    path.write_text(text, encoding="utf-8")
    doc, problems = check_file(str(path))
    assert doc is None, value  # never loaded
    assert any(p.line == line for p in problems), [(p.line, str(p)) for p in problems]
    for p in problems:  # what is said of it shows no such character itself
        assert not any(ord(c) in UNSAFE for c in p.message + p.path), p.message


def test_a_string_with_a_control_character_is_refused_examples(tmp_path):
    """The property above, on a few examples, in the everyday run."""
    for n, (old, new) in enumerate([('"Test plan"', '"Test \\e]0;x\\u0007plan"'), ('"Work"', '"Wo\u202erk"'),
                                    ('"million"', '"mil\\x85lion"'), ('"jobs"', '"jo\\U0000009bbs"'),
                                    ('"The law was revised."', '"The law\u2066 was revised."')]):
        path = tmp_path / f"p{n}.toml"
        path.write_text(MINIMAL.replace(old, new, 1), encoding="utf-8")
        doc, problems = check_file(str(path))
        assert doc is None and problems[0].line == MINIMAL.count("\n", 0, MINIMAL.index(old)) + 1


# ---------------------------------------------------------------- fuzzing folders of mixed files

def plan_text(n: int) -> str:
    return MINIMAL.replace('id = "test-plan"', f'id = "plan-{n}"')


FILES = {
    "plan": lambda n: plan_text(n).encode(),
    "pyproject": lambda n: b'[project]\nname = "x"\n[tool.x]\nplan = 1\n',
    "notes": lambda n: 'title = "notes on the [plan]"\n# [plan]\n'.encode(),
    "broken plan": lambda n: plan_text(n).replace('section = "I.2"', 'section = "I.9"').encode(),
    "junk": lambda n: bytes(range(1, 40)) * 3,
    "empty": lambda n: b"",
}


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kinds=st.lists(st.tuples(st.sampled_from(sorted(FILES)), st.sampled_from([".toml", ".toml", ".md"])),
                      min_size=0, max_size=6), use_cache=st.booleans())
def test_a_folder_of_mixed_files_loads_its_plans_and_skips_the_rest(tmp_path_factory, kinds, use_cache):
    from hrplan.planfile.check import validate

    folder = tmp_path_factory.mktemp("folder")
    plans, others, broken = [], [], []
    for n, (kind, ext) in enumerate(kinds):
        name = f"f{n}{ext}"
        (folder / name).write_bytes(FILES[kind](n))
        if ext == ".toml":
            {"plan": plans, "broken plan": broken}.get(kind, others).append((n, str(folder / name)))
    said = []
    for _ in range(2):  # the second time, through the cache when it is used
        said.clear()
        try:
            loaded = load_plans(str(folder), use_cache=use_cache, notice=said.append)
        except PlanFileError as exc:
            message = str(exc)
            if not plans and not broken:
                assert "no plan files" in message
            else:
                assert broken and all(file in message for _, file in broken)
        else:
            assert not broken and [p.id for p in loaded] == [f"plan-{n}" for n, _ in plans]
            assert said == [f"skipped {file}: not a plan file (no [plan] table)" for _, file in others]
    answer = validate([str(folder)])
    if plans or broken:
        assert answer["skipped"] == [file for _, file in others]
        assert answer["ok"] == (not broken)


# ---------------------------------------------------------------- fuzzing the renderers

# The renderers are the last guard: whatever the data holds (here, a parse-cache entry that holds
# what validation refuses, as if written by hand), no control character and no bidirectional
# override from it reaches the output as it is.
TEXT_KEYS = {"title", "title_zh", "text", "publisher", "url", "note", "metric", "unit", "wording", "reported_wording",
             "locator", "definition", "coverage_note", "issuer", "language", "tags", "aliases"}


def text_paths(value, path=()):
    """The key paths of the free and one-line texts of a canonical document (not ids, not words
    of a vocabulary)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in TEXT_KEYS and isinstance(item, str):
                yield path + (key,)
            elif key in TEXT_KEYS and isinstance(item, list):
                yield from (path + (key, i) for i in range(len(item)))
            elif key != "index":
                yield from text_paths(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from text_paths(item, path + (i,))


def poison(doc, path, text):
    *parents, last = path
    for key in parents:
        doc = doc[key]
    doc[last] = text


RENDERED = [["summary"], ["areas"], ["goals"], ["quotas"], ["stats", "all"], ["progress"], ["show", "G1"],
            ["show", "C1"], ["show", "stat"], ["sources"], ["sources", "rep"], ["notes"], ["tags"], ["plans"],
            ["search", "a"], ["export"]]
FORMATS = {"summary": ("plain", "json"), "areas": ("plain", "json"), "stats": ("plain", "json"),
           "progress": ("plain", "json"), "show": ("plain", "json"), "export": ("json", "csv", "ndjson")}


def no_control_from_the_data(out: str, color: bool) -> None:
    from hrplan.render.plain import ANSI

    if color:  # hrplan's own colours, and nothing else
        for code in ANSI.values():
            out = out.replace(f"\x1b[{code}m", "")
        out = out.replace("\x1b[0m", "")
    assert not [ch for ch in out if ord(ch) in UNSAFE and ch not in "\n\t"], out


@pytest.mark.slow
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_renderer_writes_a_control_character_from_the_data(run, plan_file, data):
    from hrplan.planfile import cache

    path = plan_file()
    doc = check_file(path)[0]
    for where in data.draw(st.lists(st.sampled_from(list(text_paths(doc))), min_size=1, max_size=12)):
        poison(doc, where, data.draw(hostile_text))
    assert cache.write(cache.key_for(path), doc)
    color = data.draw(st.booleans())
    for args in RENDERED:
        for fmt in FORMATS.get(args[0], ("plain", "json", "csv", "ndjson")):
            r = run(*args, "--data", path, "--format", fmt, env={"FORCE_COLOR": "1"} if color else None)
            assert r.exit_code == 0, (args, fmt, r.stderr)
            no_control_from_the_data(r.stdout, color and fmt == "plain")
            no_control_from_the_data(r.stderr, False)


def test_no_renderer_writes_a_control_character_from_the_data_examples(run, plan_file):
    """The property above on one poisoned entry, ids included, in the everyday run."""
    from hrplan.planfile import cache

    path = plan_file()
    doc = check_file(path)[0]
    hostile = "\x1b]0;owned\x07\x1b[2J\u202e\x85\x9b31m\x7f\r"
    for where in text_paths(doc):
        poison(doc, where, f"{hostile}{where[-1]}")
    doc["goals"][0]["id"] = doc["index"][0][0] = "G\x1b[31m1"
    assert cache.write(cache.key_for(path), doc)
    for args in RENDERED:
        for fmt in FORMATS.get(args[0], ("plain", "json", "csv", "ndjson")):
            for color in (False, True):
                r = run(*args, "--data", path, "--format", fmt, env={"FORCE_COLOR": "1"} if color else None)
                assert r.exit_code == 0 or args == ["show", "G1"], (args, fmt, r.stderr)
                no_control_from_the_data(r.stdout, color and fmt == "plain")
                no_control_from_the_data(r.stderr, False)
