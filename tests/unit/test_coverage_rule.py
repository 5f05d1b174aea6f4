"""The one rule of coverage (hrplan.core.coverage), on the core directly: the units of an area,
how a set of units was read, the line a person reads and what an absence may be called."""

import pytest

from hrplan.core import coverage
from hrplan.core.areas import resolve_area
from hrplan.planfile.load import load_plans


@pytest.fixture
def plan(plan_file):
    # MINIMAL: chapter I with I.1 (partial) and I.2 (full); chapter II, without sections or coverage
    return load_plans(plan_file())[0]


@pytest.mark.parametrize("name,units", [
    (None, ["I.1", "I.2", "II"]), ("I", ["I.1", "I.2"]), ("jobs", ["I.1"]), ("II", ["II"]),
    ("livelihood", ["I.1", "I.2"]),
])
def test_the_units_of_an_area(plan, name, units):
    assert [u.id for u in coverage.area_units(plan, resolve_area(plan, name))] == units


def test_a_goal_stands_in_its_section_or_its_chapters_units(plan):
    assert [u.id for u in coverage.goal_units(plan, plan.goals["G1"])] == ["I.1"]
    assert [u.id for u in coverage.goal_units(plan, plan.goals["G3"])] == ["II"]


@pytest.mark.parametrize("coverages,read", [
    (["full"], "whole"), (["full", "full"], "whole"), (["full", "none"], "part"), (["summary"], "part"),
    (["partial", "none"], "part"), (["none"], "not_read"), (["none", None], "not_stated"), ([None], "not_stated"),
    ([], "not_stated"), (["full", None], "part"),
])
def test_how_a_set_of_units_was_read(coverages, read):
    assert coverage.read_as(coverages) == read


def test_the_line_a_person_reads():
    records = [{"section": s, "coverage": c} for s, c in
               (("III.1", "partial"), ("III.2", "none"), ("III.3", "none"), ("III.4", "summary"), ("IV", "full"),
                ("V", None))]
    assert coverage.line(records) == ("Not read: III.2, III.3 (no text reached); partly read: III.1, III.4 "
                                      "(summaries only); coverage not stated: V; read whole: IV")


@pytest.mark.parametrize("read,whole_plan,expect", [
    ("whole", False, ("not_targeted", "not targeted, text read")),
    ("part", False, ("not_found", "no target found: the section was read in part")),
    ("not_read", False, ("not_found", "no target found: the section was not read")),
    ("not_read", True, ("not_found", "no target found: the plan's text was not read")),
    ("not_stated", False, ("not_found", "no target found: how much of the section was read is not stated")),
])
def test_an_absence_is_a_real_one_only_where_the_text_was_read_whole(read, whole_plan, expect):
    assert coverage.absence(read, whole_plan) == expect


def test_an_absence_in_several_sections():
    assert coverage.absence("part", sections=2) == ("not_found", "no target found: the sections were read in part")
    assert coverage.absence("whole", sections=2) == ("not_targeted", "not targeted, text read")


def test_the_text_that_would_hold_a_missing_target(plan):
    # own goals for the indicator first, then a shared alias, else every unit
    g1, g3 = plan.goals["G1"], plan.goals["G3"]
    assert [u.id for u in coverage.counterpart_units(plan, [g3], [])] == ["II"]
    assert [u.id for u in coverage.counterpart_units(plan, [], [(plan, g1)])] == ["I.1"]
    assert [u.id for u in coverage.counterpart_units(plan, [], [])] == ["I.1", "I.2", "II"]


def test_none_is_said_only_of_text_read_whole():
    whole = [{"read": "whole"}]
    assert coverage.nothing_found(whole) == "none"
    assert coverage.nothing_found(whole + [{"read": "part"}], "quantified goal") == (
        "no quantified goal found: the plan text was not read whole (see 'plan text read')")
