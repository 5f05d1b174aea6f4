"""The status method: hand-worked examples for every branch, and its invariants (hypothesis)."""

import math

import pytest

from tests.conftest import ROOT
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hrplan.core.model import STATUSES, Baseline, Goal, Result, Target
from hrplan.core.method import assess
from hrplan.core.statuses import RANK


def goal(op=">=", value=100.0, year=2015, results=(), baseline=None, ceiling=False, aggregate="end",
         start=None, reported=None, unit="u"):
    target = Target(metric="m", unit=unit, op=op, value=value, year=year, start=start,
                    baseline=Baseline(*baseline) if baseline else None, ceiling=ceiling, aggregate=aggregate)
    return Goal(id="g", plan="p", chapter="I", section=None, text="t", target=target,
                results=[Result(source="s", unit="u", **r) for r in results], reported_status=reported)


def res(year, value, qualifier="exact", **kw):
    return dict(year=year, value=value, qualifier=qualifier, **kw)


# ---------------------------------------------------------------- final results


@pytest.mark.parametrize("op,value,result,status", [
    (">=", 95, 96, "surpassed"),
    (">=", 95, 95, "met"),
    (">=", 95, 94, "not_met"),
    (">", 13, 14.1, "surpassed"),
    (">", 13, 13, "not_met"),
    ("<=", 5, 4, "surpassed"),
    ("<=", 5, 5, "met"),
    ("<=", 5, 6, "not_met"),
    ("==", 10, 10, "met"),
    ("==", 10, 11, "not_met"),
])
def test_final_exact(op, value, result, status):
    assert assess(goal(op=op, value=value, results=[res(2015, result)])).status == status


@pytest.mark.parametrize("qualifier,value,status", [
    ("more_than", 95, "surpassed"),   # the example: more than 95 against >= 95
    ("about", 95, "indeterminate"),   # about 95 could be 93
    ("nearly", 95, "indeterminate"),  # nearly 95 could be 95 or a little less
    ("at_least", 95, "met"),          # certainly reached, not certainly exceeded
    ("at_most", 95, "indeterminate"),
    ("less_than", 95, "not_met"),
    ("at_most", 90, "not_met"),
    ("more_than", 90, "indeterminate"),
    ("about", 110, "surpassed"),      # 104.5..115.5, all above 95
    ("about", 80, "not_met"),         # 76..84, all below
])
def test_final_qualifiers_against_at_least_95(qualifier, value, status):
    assert assess(goal(op=">=", value=95, results=[res(2015, value, qualifier)])).status == status


@pytest.mark.parametrize("qualifier,value,status", [
    ("less_than", 5, "surpassed"),
    ("about", 5, "indeterminate"),
    ("more_than", 5, "not_met"),
    ("at_most", 5, "met"),
])
def test_final_qualifiers_for_a_reduction_target(qualifier, value, status):
    assert assess(goal(op="<=", value=5, results=[res(2015, value, qualifier)])).status == status


def test_ceiling_within_is_met_not_surpassed():
    g = goal(op="<", value=5, ceiling=True, results=[dict(year=2015, start=2012, value=4.1, qualifier="at_most")])
    a = assess(g)
    assert a.status == "met" and a.progress is None
    assert assess(goal(op="<", value=5, ceiling=True, results=[res(2015, 6)])).status == "not_met"
    assert assess(goal(op="<", value=5, ceiling=True, results=[res(2015, 5)])).status == "not_met"


def test_mean_of_yearly_results_over_the_period():
    years = [res(2012, 12.66), res(2013, 13.10), res(2014, 13.22), res(2015, 13.12)]
    a = assess(goal(value=9, start=2012, aggregate="mean", results=years))
    assert a.status == "surpassed"
    assert a.value == pytest.approx(13.025)
    assert a.progress == pytest.approx(13.025 / 9)


def test_mean_with_a_missing_year_is_indeterminate():
    a = assess(goal(value=9, start=2012, aggregate="mean", results=[res(2012, 12), res(2015, 13)]))
    assert a.status == "indeterminate" and "2 of 4 years" in a.reason


def test_reported_period_mean_is_used():
    a = assess(goal(value=7, start=2012, aggregate="mean",
                    results=[res(2013, 6.0), dict(year=2015, start=2012, value=7.5, aggregate="mean")]))
    assert a.status == "surpassed" and a.value == 7.5


def test_total_of_yearly_results():
    a = assess(goal(value=40, start=2012, aggregate="total",
                    results=[res(2012, 10), res(2013, 10), res(2014, 10), res(2015, 9)]))
    assert a.status == "not_met" and a.value == 39


def test_latest_final_result_wins():
    a = assess(goal(value=100, results=[res(2015, 90), res(2016, 101)]))
    assert a.status == "surpassed" and a.year == 2016


# ---------------------------------------------------------------- interim results


def test_interim_on_track_with_baseline():
    # 100 (2011) -> 200 (2015) needs ln2/4 a year; 2013 at 141.4 is ln(1.414)/2 = ln2/4: R = 1.0
    a = assess(goal(value=200, baseline=(100, 2011), results=[res(2013, 141.5)]))
    assert a.status == "on_track" and a.ratio == pytest.approx(1.0, abs=0.01)


@pytest.mark.parametrize("value,status", [
    (130, "needs_acceleration"),  # ln1.3/2 / (ln2/4) = 0.757
    (110, "limited_progress"),    # 0.275
    (95, "deterioration"),        # negative
    (201, "surpassed"),           # reached early
    (200, "met"),                 # reached early, exactly
])
def test_interim_classes(value, status):
    assert assess(goal(value=200, baseline=(100, 2011), results=[res(2013, value)])).status == status


def test_interim_reduction_target():
    # 10 -> 5 by 2015 from 2011; 2013 at 7.07 is on track (half the log distance in half the time)
    assert assess(goal(op="<=", value=5, baseline=(10, 2011), results=[res(2013, 7.07)])).status == "on_track"
    assert assess(goal(op="<=", value=5, baseline=(10, 2011), results=[res(2013, 11)])).status == "deterioration"


def test_interim_without_baseline_uses_earliest_result():
    a = assess(goal(value=200, results=[res(2012, 100), res(2013, 141.5)]))
    assert a.status == "needs_acceleration" or a.status == "on_track"
    assert "earliest result" in a.baseline


def test_interim_single_result_without_baseline_is_indeterminate():
    assert assess(goal(value=200, results=[res(2013, 150)])).status == "indeterminate"


def test_interim_linear_when_values_are_not_positive():
    a = assess(goal(value=0, op="<=", baseline=(-10, 2011), results=[res(2013, -5)]))
    # reduction target from -10 to 0 is an increase in value; a "<=" target of 0 from -10 is already met
    assert a.status in ("met", "surpassed")
    a = assess(goal(value=10, baseline=(0, 2011), results=[res(2013, 5)]))
    assert a.status == "on_track" and "linear" in a.reason


def test_interim_approximate_figure_straddling_classes_is_indeterminate():
    a = assess(goal(value=200, baseline=(100, 2011), results=[res(2013, 128, "about")]))
    assert a.status == "indeterminate"


# ---------------------------------------------------------------- the other statuses


def test_not_quantified_and_no_data():
    g = goal(results=[])
    assert assess(g).status == "no_data"
    g.target = None
    assert assess(g).status == "not_quantified"


def test_text_only_results_are_no_data():
    g = goal(results=[dict(year=2015, value=None, text="done")])
    assert assess(g).status == "no_data"


def test_results_in_another_unit_are_indeterminate():
    g = goal(results=[res(2015, 99)], unit="other")
    a = assess(g)
    assert a.status == "indeterminate" and "in u" in a.reason


def test_results_marked_unused_are_ignored():
    a = assess(goal(value=100, results=[res(2015, 120), res(2015, 50, use=False)]))
    assert a.status == "surpassed" and a.value == 120


@pytest.mark.parametrize("reported,computed_result,agreement", [
    ("surpassed", 120, "agrees"),
    ("surpassed", 100, "differs"),
    ("met", 120, "agrees"),
    ("met", 80, "differs"),
    ("not_met", 80, "agrees"),
    ("not_stated", 120, None),
    (None, 120, None),
])
def test_agreement(reported, computed_result, agreement):
    assert assess(goal(results=[res(2015, computed_result)], reported=reported)).agreement == agreement


def test_progress_from_baseline_and_reduction():
    assert assess(goal(value=200, baseline=(100, 2011), results=[res(2015, 150)])).progress == pytest.approx(0.5)
    assert assess(goal(op="<=", value=5, baseline=(10, 2011), results=[res(2015, 7.5)])).progress == pytest.approx(0.5)
    assert assess(goal(value=100, results=[res(2015, 150)])).progress == pytest.approx(1.5)


# ---------------------------------------------------------------- invariants

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)
ops = st.sampled_from([">=", ">", "<=", "<", "=="])
quals = st.sampled_from(["exact", "more_than", "at_least", "less_than", "at_most", "about", "nearly"])
FLIP = {">=": "<=", ">": "<", "<=": ">=", "<": ">", "==": "=="}


@settings(max_examples=300, deadline=None)
@given(op=ops, value=finite, base=st.none() | finite, r1=finite, r2=finite, y1=st.integers(2012, 2016),
       y2=st.integers(2012, 2016), q=quals, ceiling=st.booleans())
def test_never_raises_and_stays_in_vocabulary(op, value, base, r1, r2, y1, y2, q, ceiling):
    g = goal(op=op, value=value, baseline=(base, 2011) if base is not None else None, ceiling=ceiling,
             results=[res(y1, r1, q), res(y2, r2)])
    a = assess(g)
    assert a.status in STATUSES
    assert a.progress is None or math.isfinite(a.progress)


@settings(max_examples=300, deadline=None)
@given(op=st.sampled_from([">=", ">", "<=", "<"]), value=positive, base=positive, low=positive, high=positive,
       year=st.integers(2012, 2016))
def test_a_better_result_never_gives_a_worse_status(op, value, base, low, high, year):
    low, high = sorted((low, high))
    if op in ("<=", "<"):
        low, high = high, low  # for a reduction target the smaller figure is the better one
    worse = assess(goal(op=op, value=value, baseline=(base, 2011), results=[res(year, low)])).status
    better = assess(goal(op=op, value=value, baseline=(base, 2011), results=[res(year, high)])).status
    if worse in RANK and better in RANK:
        assert RANK[better] >= RANK[worse], (worse, better)


@settings(max_examples=300, deadline=None)
@given(op=ops, value=finite, r=finite, q=quals)
def test_final_status_mirrors_when_direction_is_swapped(op, value, r, q):
    mirrored_q = {"more_than": "less_than", "less_than": "more_than", "at_least": "at_most", "at_most": "at_least"}.get(q, q)
    if q in ("about", "nearly"):
        return  # approximations are not symmetric around the figure ("nearly" leans low)
    a = assess(goal(op=op, value=value, results=[res(2015, r, q)])).status
    b = assess(goal(op=FLIP[op], value=-value, results=[res(2015, -r, mirrored_q)])).status
    assert a == b


@settings(max_examples=300, deadline=None)
@given(op=st.sampled_from([">=", "<="]), value=positive, base=positive, r=positive, year=st.integers(2012, 2014))
@example(op=">=", value=1.0, base=0.010000000000000002, r=0.01, year=2012)  # equal but for float noise
def test_interim_status_mirrors_under_reciprocal(op, value, base, r, year):
    # For positive figures, swapping the direction of a target is taking reciprocals of every value.
    a = assess(goal(op=op, value=value, baseline=(base, 2011), results=[res(year, r)])).status
    b = assess(goal(op=FLIP[op], value=1 / value, baseline=(1 / base, 2011), results=[res(year, 1 / r)])).status
    assert a == b


def test_methodology_doc_lists_the_status_table():
    """docs/methodology.md shows the statuses as hrplan.core.statuses defines them (one definition)."""
    import os

    from hrplan.core.statuses import markdown_table

    path = os.path.join(ROOT, "docs", "methodology.md")
    text = open(path, encoding="utf-8").read()
    block = text.split("<!-- statuses:", 1)[1].split("-->", 1)[1].split("<!-- /statuses -->", 1)[0]
    assert block.strip() == markdown_table(), "refresh docs/methodology.md from hrplan.core.statuses.markdown_table()"


def test_status_table_is_whole():
    from hrplan.core import statuses

    assert set(statuses.COLOURS) == set(statuses.STATUSES) == set(statuses.BY_NAME)
    assert all(s.category in statuses.CATEGORIES for s in statuses.TABLE)
    assert statuses.ansi("bold green") == "1;32"
    # a reported "met" agrees with surpassing; "not_met" with every status under way
    assert set(statuses.AGREES_WITH["met"]) == {"met", "surpassed"}
    assert set(statuses.AGREES_WITH["not_met"]) == {"not_met", "deterioration", "on_track", "needs_acceleration",
                                                    "limited_progress"}


# ---------------------------------------------------------------- change targets (worked by hand)


def change_goal(change, op, value, base=None, base_year=2015, year=2020, results=(), unit="u"):
    target = Target(metric="m", unit=unit, op=op, value=value, year=year, change=change, base_year=base_year,
                    baseline=Baseline(base, base_year) if base is not None else None)
    return Goal(id="g", plan="p", chapter="I", section=None, text="t", target=target,
                results=[Result(source="s", **r) for r in results])


def level(year, value, unit="u"):
    return dict(year=year, value=value, unit=unit)


def as_change(year, value, kind, unit, base_year=2015):
    return dict(year=year, value=value, unit=unit, change=kind, base_year=base_year)


@pytest.mark.parametrize("change,op,value,base,result,status", [
    # cut by at least 10% from a base of 100: the level target is 90 or below
    ("percent", "<=", -10, 100, level(2020, 85), "surpassed"),
    ("percent", "<=", -10, 100, level(2020, 90), "met"),
    ("percent", "<=", -10, 100, level(2020, 92), "not_met"),
    ("percent", "<=", -10, 100, as_change(2020, -12, "percent", "%"), "surpassed"),  # 100 x 0.88 = 88
    # raise by at least 20% from 50: 60 or above
    ("percent", ">=", 20, 50, level(2020, 60), "met"),
    ("percent", ">=", 20, 50, level(2020, 55), "not_met"),
    # one more year of life expectancy over 76.34: 77.34 or above
    ("absolute", ">=", 1, 76.34, level(2020, 77.93), "surpassed"),
    ("absolute", ">=", 1, 76.34, level(2020, 77.0), "not_met"),
    # two fewer per 1,000 than 8.1: 6.1 or below
    ("absolute", "<=", -2, 8.1, level(2020, 5.4), "surpassed"),
    ("absolute", "<=", -2, 8.1, level(2020, 6.5), "not_met"),
    # double the 2010 level of 100: 200 or above
    ("multiple", ">=", 2, 100, level(2020, 210), "surpassed"),
    ("multiple", ">=", 2, 100, level(2020, 190), "not_met"),
    ("multiple", ">=", 2, 100, as_change(2020, 2, "multiple", "times"), "met"),
    # halve the level of 40: 20 or below
    ("multiple", "<=", 0.5, 40, level(2020, 18), "surpassed"),
    ("multiple", "<=", 0.5, 40, level(2020, 25), "not_met"),
])
def test_change_target_with_a_known_base(change, op, value, base, result, status):
    a = assess(change_goal(change, op, value, base=base, results=[result]))
    assert a.status == status, a.reason
    assert a.reason.startswith("target ")


@pytest.mark.parametrize("change,op,value,result,status", [
    # no base value: figures reported as the same kind of change are compared with the target
    ("percent", "<=", -10, as_change(2020, -12, "percent", "%"), "surpassed"),
    ("percent", "<=", -10, as_change(2020, -8, "percent", "%"), "not_met"),
    ("percent", ">=", 20, as_change(2020, 25, "percent", "%"), "surpassed"),
    ("absolute", ">=", 1, as_change(2020, 1.0, "absolute", "years"), "met"),
    ("absolute", "<=", -2, as_change(2020, -1.5, "absolute", "years"), "not_met"),
    ("multiple", ">=", 2, as_change(2020, 2.1, "multiple", "times"), "surpassed"),
    ("multiple", "<=", 0.5, as_change(2020, 0.6, "multiple", "times"), "not_met"),
])
def test_change_target_without_a_base_uses_reported_changes(change, op, value, result, status):
    a = assess(change_goal(change, op, value, results=[result], unit="years"))
    assert a.status == status, a.reason


def test_change_target_with_levels_and_no_base_is_indeterminate_with_the_reason():
    a = assess(change_goal("percent", "<=", -10, results=[level(2020, 85)]))
    assert a.status == "indeterminate"
    assert a.reason == ("the target is -10% from 2015; the data holds no 2015 value to turn the reported "
                        "levels into a change")


def test_change_from_another_base_year_is_not_used():
    a = assess(change_goal("percent", "<=", -10, results=[as_change(2020, -12, "percent", "%", base_year=2010)]))
    assert a.status == "indeterminate"


def test_change_target_interim_rate():
    # cut 10% from 100 (2015) by 2020; 95 in 2018. Required ln(90/100)/5 = -0.0210721 a year,
    # observed ln(95/100)/3 = -0.0170978: ratio 0.811 -> needs_acceleration
    a = assess(change_goal("percent", "<=", -10, base=100, results=[level(2018, 95)]))
    assert a.status == "needs_acceleration", a.reason
    assert a.ratio == pytest.approx(0.8114, abs=1e-4)
    assert a.progress == pytest.approx(0.5)  # 5 of the 10 points from 100 to 90
