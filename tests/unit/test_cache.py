"""The parse cache: hit, miss, corrupt, truncated, foreign, unwritable, disabled, concurrent."""

import os
import subprocess
import sys

import pytest

from hrplan.planfile import cache, load
from tests.conftest import MINIMAL, ROOT, subprocess_env


def entry_files(tmp_path):
    d = tmp_path / "cache" / "hrplan"
    return sorted(d.iterdir()) if d.exists() else []


def test_first_load_writes_the_cache_and_the_second_reads_it(plan_file, tmp_path, monkeypatch):
    path = plan_file()
    [first] = load.load_plans(path)
    [entry] = entry_files(tmp_path)
    assert entry.read_bytes().startswith(cache.MAGIC)

    def refuse(*a, **k):
        raise AssertionError("parsed again although the cache holds the file")

    monkeypatch.setattr(load, "check_file", refuse)
    [second] = load.load_plans(path)
    assert [g.id for g in second.goals.values()] == [g.id for g in first.goals.values()]
    assert second.goals["G1"] == first.goals["G1"]
    assert list(second.goals.index) == list(first.goals.index)
    assert second.sources["rep"] == first.sources["rep"]


def test_an_entry_gives_back_the_canonical_document_with_goals_decoded_when_read(plan_file):
    path = plan_file()
    fresh = load.check_file(path)[0]
    assert cache.write(cache.key_for(path), fresh)
    cached = cache.read(cache.key_for(path))
    goals = cached["goals"]
    assert not isinstance(goals, list) and len(goals) == 3
    assert goals[1] == fresh["goals"][1] and goals[-1] == fresh["goals"][2]
    with pytest.raises(IndexError):
        goals[3]
    assert dict(cached, goals=list(goals)) == fresh


def test_an_edited_file_is_parsed_again(plan_file, tmp_path):
    path = plan_file()
    load.load_plans(path)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write('\n[[goals]]\nid = "G4"\nchapter = "II"\ntext = "Added later."\n')
    [plan] = load.load_plans(path)
    assert "G4" in plan.goals


@pytest.mark.parametrize("damage", ["random", "truncated", "foreign", "other-key", "empty", "bad-checksum"])
def test_a_damaged_entry_is_ignored_and_rebuilt(plan_file, tmp_path, damage):
    path = plan_file()
    load.load_plans(path)
    [entry] = entry_files(tmp_path)
    good = entry.read_bytes()
    if damage == "random":
        entry.write_bytes(os.urandom(len(good)))
    elif damage == "truncated":
        entry.write_bytes(good[: len(good) // 2])
    elif damage == "foreign":
        entry.write_bytes(b'{"not": "a cache entry"}')
    elif damage == "other-key":
        key = cache.key_for(path)
        cache.write(["hrplan", "0.0", key[2], key[3], 1, 1], load.check_file(path)[0])
    elif damage == "empty":
        entry.write_bytes(b"")
    else:
        entry.write_bytes(good[:-1] + bytes([good[-1] ^ 0xFF]))
    assert cache.read(cache.key_for(path)) is None
    [plan] = load.load_plans(path)
    assert plan.goals["G1"].target.value == 9
    assert cache.read(cache.key_for(path)) is not None  # rebuilt


def test_a_well_formed_entry_with_a_wrong_shape_is_a_miss(plan_file, tmp_path):
    path = plan_file()
    key = cache.key_for(path)
    cache.write(key, {"plan": "nonsense", "index": [[], [], [], []]})
    assert cache.read(key) is not None
    [plan] = load.load_plans(path)  # build fails on the entry, so the file is parsed again
    assert plan.id == "test-plan"


def test_an_unwritable_cache_directory_means_no_cache(plan_file, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    [plan] = load.load_plans(plan_file())
    assert plan.id == "test-plan"
    assert cache.write(cache.key_for(plan_file()), {"goals": [], "index": [[], [], [], []]}) is False


def test_hrplan_no_cache_turns_it_off(plan_file, tmp_path, monkeypatch):
    monkeypatch.setenv("HRPLAN_NO_CACHE", "1")
    load.load_plans(plan_file())
    assert entry_files(tmp_path) == []


def test_no_temporary_files_are_left(plan_file, tmp_path):
    load.load_plans(plan_file())
    assert [p.name for p in entry_files(tmp_path) if p.name.endswith(".tmp")] == []


def test_concurrent_cold_runs_all_succeed_and_leave_a_valid_entry(plan_file, tmp_path):
    path = plan_file()
    env = subprocess_env(XDG_CACHE_HOME=str(tmp_path / "cache"))
    procs = [subprocess.Popen([sys.executable, "-m", "hrplan", "stats", "livelihood", "--json", "--data", path],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT) for _ in range(6)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outs]
    assert len({o[0] for o in outs}) == 1  # every run printed the same answer
    assert cache.read(cache.key_for(path)) is not None
    assert [p.name for p in entry_files(tmp_path) if p.name.endswith(".tmp")] == []


def test_cache_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert cache.cache_dir() == str(tmp_path / "x" / "hrplan")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == str(tmp_path / "home" / ".cache" / "hrplan")


def test_without_xdg_the_cache_is_the_systems_own_folder_as_platformdirs_names_it(monkeypatch, tmp_path):
    """Linux: the XDG rule, read without importing platformdirs, is the folder platformdirs names;
    another system gets platformdirs' folder (macOS's class of platformdirs stands in for macOS)."""
    import platformdirs
    import platformdirs.macos

    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(sys, "platform", "linux")
    assert cache.cache_dir() == platformdirs.user_cache_dir("hrplan", appauthor=False)
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.macos.MacOS)
    assert cache.cache_dir() == str(tmp_path / "home" / "Library" / "Caches" / "hrplan")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))  # the documented override wins there too
    assert cache.cache_dir() == str(tmp_path / "x" / "hrplan")


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG rule is read by hand on Linux only")
def test_reading_the_cache_on_linux_does_not_import_platformdirs(tmp_path):
    code = "import sys, hrplan.__main__ as m; m.run()"
    env = subprocess_env(HOME=str(tmp_path))
    env.pop("XDG_CACHE_HOME", None)
    for _ in range(2):  # a miss that writes the cache, then a hit
        r = subprocess.run([sys.executable, "-X", "importtime", "-c", code, "summary", "--json"], env=env,
                           capture_output=True, timeout=60)
        assert r.returncode == 0, r.stderr
        assert b"platformdirs" not in r.stderr
    assert os.listdir(tmp_path / ".cache" / "hrplan")
