"""Answers about every goal built from cached facts are byte for byte those built from the goals;
the facts are keyed by the status method's version."""

import importlib.util
import os

import pytest

from tests.conftest import ROOT

PLANS = ["nhrap-2009-2010", "nhrap-2012-2015", "nhrap-2016-2020", "nhrap-2021-2025"]


def _answers(run, args, tmp_path):
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    uncached = run(*args, env=dict(env, HRPLAN_NO_CACHE="1")).stdout
    first = run(*args, env=env).stdout   # fills the cache (plan entry and facts)
    second = run(*args, env=env).stdout  # reads both
    return uncached, first, second


@pytest.mark.parametrize("plan", PLANS)
def test_summary_from_cached_facts_is_identical(run, tmp_path, plan):
    for args in (["summary", "--json", "--plan", plan], ["areas", "--json", "--plan", plan]):
        uncached, first, second = _answers(run, args, tmp_path)
        assert uncached == first == second and uncached


def test_summary_of_a_large_real_shaped_plan_is_identical(run, tmp_path):
    spec = importlib.util.spec_from_file_location("startup", os.path.join(ROOT, "benchmarks", "startup.py"))
    startup = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(startup)
    big = tmp_path / "big.toml"
    startup.generate_real(str(big), 1500)
    uncached, first, second = _answers(run, ["summary", "--json", "--data", str(big)], tmp_path)
    assert uncached == first == second and '"goal_count":1500' in uncached


def test_facts_are_keyed_by_the_method_version(plan_file, tmp_path, monkeypatch):
    from hrplan.planfile import cache
    from hrplan.core import method
    from hrplan.answers.facts import plan_facts
    from hrplan.planfile.load import load_plans
    from hrplan.answers.records import Assessed

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    [plan] = load_plans(plan_file(), use_cache=True)
    facts = plan_facts(plan, Assessed(), use_cache=True)
    assert [f.status for f in facts.values()] == ["surpassed", "not_met", "not_quantified"]
    key = [*cache.key_for(plan.file), "method", method.METHOD_VERSION]
    assert cache.read_small("facts", plan.file, key) is not None
    monkeypatch.setattr(method, "METHOD_VERSION", method.METHOD_VERSION + 1)
    key[-1] = method.METHOD_VERSION
    assert cache.read_small("facts", plan.file, key) is None  # another method: not served
