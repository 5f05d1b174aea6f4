"""The December 2026 corrections (issues 21 and 22), one test each, on the bundled plan files.

The figures below were copied by hand from the December 2026 fact sheet of additions and
corrections; the tests never read the sheets.
"""

import pytest

from hrplan.load import load_plans
from hrplan.method import assess


@pytest.fixture(scope="module")
def plans():
    return {p.id: p for p in load_plans(use_cache=False)}


@pytest.fixture(scope="module")
def p1215(plans):
    return plans["nhrap-2012-2015"]


def results(goal, source=None, unit=None):
    return [r for r in goal.results if (source is None or r.source == source) and (unit is None or r.unit == unit)]


# ------------------------------------------------------------------ 2012-2015 III.3.f, juveniles


def test_juveniles_court_series_is_recorded_and_used(p1215):
    g = p1215.goals["III.3.f"]
    court = results(g, "other-en-duihua-juveniles")
    assert [(r.year, r.value, r.use) for r in court] == [
        (2010, 68193, True), (2011, 67280, True), (2012, 63782, True), (2013, 55817, True),
        (2014, 50415, True), (2015, 43839, True)]
    assert {r.unit for r in court} == {"juveniles convicted"}
    girls = [r.note for r in court]
    for note, count in zip(girls, ("2,078", "2,146", "2,077", "2,001", "1,847", "1,777")):
        assert count in note
    # a secondary source, marked as such
    src = p1215.sources["other-en-duihua-juveniles"]
    assert src.mirror is True and src.kind == "article" and src.document == "other"
    assert "secondary source" in src.note and "人民法院司法统计历史典籍" in src.note
    assert "http://www.duihuahrjournal.org/2019/" in src.note and src.url == "https://duihuahrjournal.org/2019"


def test_juveniles_global_times_and_the_repost_are_kept_not_used(p1215):
    g = p1215.goals["III.3.f"]
    [gt] = results(g, "other-en-globaltimes-juveniles")
    assert (gt.year, gt.value, gt.use) == (2010, 68200, False)
    assert "12.13%" in gt.text
    [repost] = [r for r in results(g, "other-zh-chazidian-nbs-2013") if r.value == 55871]
    assert (repost.year, repost.use) == (2013, False)
    conflict = [n for n in g.notes if n.kind == "conflict"]
    assert len(conflict) == 1 and "55,871" in conflict[0].text and "55,817" in conflict[0].text
    assert set(conflict[0].sources) == {"other-zh-chazidian-nbs-2013", "other-en-duihua-juveniles"}
    # the figures used are the court series: the latest is the 2015 court figure
    from hrplan.records import latest_result
    assert latest_result(g).value == 43839


# ------------------------------------------------------------------ 2012-2015 III.4, elderly care


def test_elderly_care_rises_in_beds_are_recorded(p1215):
    g = p1215.goals["III.4.a"]
    rises = [(r.value, r.change, r.base_year, r.year) for r in results(g, "other-pjkc-mca-2015", "%")]
    assert rises == [(16.4, "percent", 2014, 2015), (11.4, "percent", 2014, 2015)]
    assert not any("give no yearly rise in beds" in n.text and "wrong" not in n.text for n in g.notes)


def test_gao_xiaobing_figures_are_for_2015(p1215):
    g = p1215.goals["III.4.a"]
    gao = results(g, "other-en-ynhybx-gao")
    assert sorted((r.value, r.year, r.use) for r in gao) == [(6.8, 2015, False), (30.8, 2015, False)]
    assert all("end of 2015" in r.text for r in gao)
