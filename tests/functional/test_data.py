"""The bundled 2012-2015 data: complete against the fact sheets, traceable, and shown as expected.

The fact sheets themselves live outside the project; the lists below were copied from them by
hand, so a missing item is reported by name without reading them.
"""

import re

import pytest

from hrplan.planfile.load import load_plans

PLAN = "nhrap-2012-2015"  # the bundled plan these tests read; pinned, as more plans are bundled

# Every item id of the three fact sheets, in sheet order, and what it became in the data.
# A goal id, several goal ids, a claim id ("claim:O.1"), or "plan-note" for O.8.
SHEET_ITEMS = {
    "O.1": ["claim:O.1"], "O.2": ["claim:O.2-binding", "claim:O.2-livelihood"], "O.3": ["claim:O.3"],
    "O.4": ["claim:O.4"], "O.5": ["claim:O.5"], "O.6": ["claim:O.6"], "O.7": ["claim:O.7"], "O.8": ["plan-note"],
    "I.1.a": ["I.1.a"], "I.1.b": ["I.1.b"], "I.1.c": ["I.1.c"], "I.1.d": ["I.1.d"], "I.1.e": ["I.1.e"],
    "I.1.f": ["I.1.f"], "I.1.g": ["I.1.g"], "I.1.h": ["I.1.h"], "I.1.i": ["I.1.i"],
    "I.1.j": ["I.1.j-upper", "I.1.j-counties"], "I.1.k": ["I.1.k"], "I.1.l": ["I.1.l", "I.1.l-deaths"], "I.1.m": ["I.1.m"],
    "I.1 other": ["I.1.x1"],
    "I.2.a": ["I.2.a-urban", "I.2.a-rural"], "I.2.b": ["I.2.b"], "I.2.c": ["I.2.c", "I.2.c-shanty"], "I.2.d": ["I.2.d"],
    "I.2.e": ["I.2.e"], "I.2 other": ["I.2.x1", "I.2.x2"],
    "I.3.a": ["I.3.a"], "I.3.b": ["I.3.b"], "I.3.c": ["I.3.c"], "I.3.d": ["I.3.d"], "I.3.e": ["I.3.e"],
    "I.3 other": ["I.3.x1"],
    "I.4.a": ["I.4.a"], "I.4.b": ["I.4.b"], "I.4.c": ["I.4.c"], "I.4.d": ["I.4.d"], "I.4.e": ["I.4.e"],
    "I.4.f": ["I.4.f"], "I.4.g": ["I.4.g"], "I.4.h": ["I.4.h"], "I.4.i": ["I.4.i"],
    "I.4.j": ["I.4.j-knowledge", "I.4.j-bp", "I.4.j-glucose", "I.4.j-management", "I.4.j-screening"],
    "I.4.k": ["I.4.k"], "I.4.l": ["I.4.l"], "I.4.m": ["I.4.m"], "I.4.n": ["I.4.n"],
    # the end of I.4, from the 2012-2015 supplement
    "I.4.o": ["I.4.o"], "I.4.p": ["I.4.p"], "I.4.q": ["I.4.q"], "I.4.r": ["I.4.r"], "I.4.s": ["I.4.s"],
    "I.4.t": ["I.4.t"], "I.4.u": ["I.4.u"], "I.4.v": ["I.4.v"], "I.4.w": ["I.4.w"], "I.4 other": ["I.4.x1", "I.4.x2", "I.4.x2-infant"],
    "I.5.a": ["I.5.a"], "I.5.b": ["I.5.b"], "I.5.c": ["I.5.c"], "I.5.d": ["I.5.d"], "I.5.e": ["I.5.e"],
    "I.5.f": ["I.5.f"], "I.5.g": ["I.5.g"], "I.5.h": ["I.5.h"], "I.5 other": ["I.5.x1", "I.5.x1-primary", "I.5.x1-junior"],
    "I.6.a": ["I.6.a"], "I.6.b": ["I.6.b"], "I.6.c": ["I.6.c"], "I.6 other": ["I.6.x1"],
    "I.7.a": ["I.7.a"], "I.7.b": ["I.7.b"], "I.7.c": ["I.7.c"], "I.7.d": ["I.7.d"], "I.7.e": ["I.7.e"],
    "I.7.f": ["I.7.f", "I.7.f-nh3", "I.7.f-so2", "I.7.f-nox"], "I.7.g": ["I.7.g"], "I.7.h": ["I.7.h"], "I.7 other": ["I.7.x1"],
    "II.1.a": ["II.1.a"], "II.1.b": ["II.1.b"], "II.1.c": ["II.1.c"], "II.1.d": ["II.1.d"], "II.1.e": ["II.1.e"],
    "II.1.f": ["II.1.f"],
    "II.2.a": ["II.2.a"], "II.2.b": ["II.2.b"], "II.2.c": ["II.2.c"], "II.2.d": ["II.2.d"], "II.2.e": ["II.2.e"],
    "II.2.f": ["II.2.f"],
    "II.3.a": ["II.3.a"], "II.3.b": ["II.3.b"], "II.3.c": ["II.3.c"], "II.3.d": ["II.3.d"], "II.3.e": ["II.3.e"],
    "II.3.f": ["II.3.f"], "II.3.g": ["II.3.g"], "II.3.h": ["II.3.h"], "II.3.i": ["II.3.i"], "II.3.j": ["II.3.j"],
    "II.3.k": ["II.3.k"], "II.3.l": ["II.3.l"], "II.3.m": ["II.3.m"],
    "II.4.a": ["II.4.a"], "II.4.b": ["II.4.b"], "II.4.c": ["II.4.c"], "II.4.d": ["II.4.d"], "II.4.e": ["II.4.e"],
    "II.4.f": ["II.4.f"], "II.4.g": ["II.4.g"], "II.4.h": ["II.4.h"],
    "II.5.a": ["II.5.a"], "II.5.b": ["II.5.b"], "II.5.c": ["II.5.c"], "II.5.d": ["II.5.d"],
    "II.6.a": ["II.6.a"], "II.6.b": ["II.6.b"], "II.6.c": ["II.6.c"], "II.6.d": ["II.6.d"],
    "II.7.a": ["II.7.a"], "II.7.b": ["II.7.b"], "II.7.c": ["II.7.c"],
    "II.8.a": ["II.8.a"], "II.8.b": ["II.8.b"],
    "VI.a": ["VI.a"], "VI.b": ["VI.b"], "VI.c": ["VI.c"], "VI.d": ["VI.d"], "VI.e": ["VI.e"], "VI.f": ["VI.f"],
    "III.1.a": ["III.1.a"], "III.1.b": ["III.1.b"], "III.1.c": ["III.1.c"], "III.1.d": ["III.1.d"],
    "III.1.e": ["III.1.e"], "III.1.f": ["III.1.f"],
    "III.2.a": ["III.2.a"], "III.2.b": ["III.2.b"], "III.2.c": ["III.2.c"], "III.2.d": ["III.2.d"],
    "III.2.e": ["III.2.e"], "III.2.f": ["III.2.f"], "III.2.g": ["III.2.g"], "III.2.h": ["III.2.h"],
    "III.2.i": ["III.2.i"], "III.2.j": ["III.2.j"], "III.2.k": ["III.2.k"], "III.2.l": ["III.2.l"],
    "III.3.a": ["III.3.a", "III.3.a-under5"], "III.3.b": ["III.3.b"], "III.3.c": ["III.3.c"], "III.3.d": ["III.3.d"],
    "III.3.e": ["III.3.e"], "III.3.f": ["III.3.f"], "III.3.g": ["III.3.g"],
    "III.4.a": ["III.4.a"], "III.4.b": ["III.4.b"], "III.4.c": ["III.4.c"], "III.4.d": ["III.4.d"], "III.4.e": ["III.4.e"],
    "III.5.a": ["III.5.a"], "III.5.b": ["III.5.b"], "III.5.c": ["III.5.c"], "III.5.d": ["III.5.d"],
    "III.5.e": ["III.5.e"], "III.5.f": ["III.5.f"], "III.5.g": ["III.5.g"], "III.5.h": ["III.5.h"],
    "III.5.i": ["III.5.i"], "III.5.j": ["III.5.j"], "III.5.k": ["III.5.k"], "III.5.l": ["III.5.l"],
    "IV.a": ["IV.a"], "IV.b": ["IV.b"], "IV.c": ["IV.c"], "IV.d": ["IV.d"], "IV.e": ["IV.e"], "IV.f": ["IV.f"],
    "V.1.a": ["V.1.a"], "V.1.b": ["V.1.b"],
    "V.2.a": ["V.2.a"], "V.2.b": ["V.2.b"], "V.2.c": ["V.2.c"], "V.2.d": ["V.2.d"], "V.2.e": ["V.2.e"],
}

# Commitments per section in the sheets' own coverage tables ("Commitments recorded").
SHEET_COUNTS = {
    "I.1": 13, "I.2": 5, "I.3": 5, "I.4": 23, "I.5": 8, "I.6": 3, "I.7": 8,
    "II.1": 6, "II.2": 6, "II.3": 13, "II.4": 8, "II.5": 4, "II.6": 4, "II.7": 3, "II.8": 2, "VI": 6,
    "III.1": 6, "III.2": 12, "III.3": 7, "III.4": 5, "III.5": 12, "IV": 6, "V.1": 2, "V.2": 5,
}


@pytest.fixture(scope="module")
def plan():
    [p] = [p for p in load_plans(use_cache=False) if p.id == PLAN]
    return p


def test_every_sheet_item_is_in_the_data(plan):
    claims = {c.id for c in plan.claims}
    missing = []
    for item, targets in SHEET_ITEMS.items():
        for t in targets:
            if t == "plan-note":
                ok = any(n.text.startswith(item) for n in plan.notes)
            elif t.startswith("claim:"):
                ok = t[6:] in claims
            else:
                ok = t in plan.goals
            if not ok:
                missing.append(f"{item} -> {t}")
    assert missing == []


def test_nothing_in_the_data_is_unaccounted_for(plan):
    mapped = {t for ts in SHEET_ITEMS.values() for t in ts}
    extra = [g for g in plan.goals if g not in mapped] + [f"claim:{c.id}" for c in plan.claims if f"claim:{c.id}" not in mapped]
    assert extra == []


def test_counts_per_section_match_the_sheets(plan):
    for key, count in SHEET_COUNTS.items():
        items = [i for i in SHEET_ITEMS if re.fullmatch(re.escape(key) + r"\.[a-z]", i)]
        assert len(items) == count, key
        # every item of the section became a goal in that section (V.1.b sits in V(2) of the plan)
        for item in items:
            for gid in SHEET_ITEMS[item]:
                g = plan.goals[gid]
                where = g.section or g.chapter
                assert where == key or (item == "V.1.b" and where == "V.2"), (item, where)


def test_totals_are_about_what_the_issue_expects(plan):
    commitments = [g for g in plan.goals.values() if g.kind == "commitment"]
    assert len(commitments) == 179
    assert sum(1 for g in plan.goals.values() if g.target) == 34
    assert sum(1 for g in plan.goals.values() if g.results) == 143
    assert len(plan.sources) == 260


def test_every_result_has_a_source_and_every_source_is_used(plan):
    from hrplan.answers.plan import sources

    for g in plan.goals.values():
        for r in g.results:
            assert r.source in plan.sources, g.id
    unused = [sid for sid, n in sources(plan)["cited_by"].items() if n == 0]
    assert unused == []


def test_every_address_is_well_formed_and_registered_once(plan):
    from urllib.parse import urlsplit

    urls = [s.url for s in plan.sources.values() if s.url]
    assert len(urls) == len(set(urls)) == 260
    for url in urls:
        parts = urlsplit(url)
        assert parts.scheme in ("http", "https") and "." in parts.netloc and " " not in url, url
    assert [s.id for s in plan.sources.values() if not s.url] == []  # the seed article's address is known since December 2026


def test_quantified_targets_are_complete(plan):
    for g in plan.goals.values():
        t = g.target
        if t:
            assert t.unit and t.op and t.value is not None and t.year, g.id
            assert t.binding in (None, "expected"), g.id  # only the assessment's own wording


def test_mirrors_and_other_official_results_are_marked(plan):
    from hrplan.answers.records import Assessed, goal_record

    rec = goal_record(plan, plan.goals["III.4.a"], Assessed())
    assert {r["origin"] for r in rec["results"]} == {"other_official"}
    assert plan.sources["assess-zh-frey365"].mirror is True
    assert plan.sources["assess-zh-frey365"].document == "assessment"
    assert plan.sources["other-zh-cssn-cdpf"].document == "other"


def test_context_figures_are_never_targets(plan):
    # the 12th Five-Year Plan's 93% retention and 30 beds per 1,000 are context, not targets
    assert plan.goals["I.5.d"].target is None
    assert plan.goals["III.4.a"].target is None
    assert any(n.kind == "context" and "93%" in n.text for n in plan.goals["I.5.d"].notes)


def test_not_found_means_no_data(plan):
    from hrplan.core.method import assess

    for gid in ("I.1.e", "I.4.k", "I.4.l", "I.4.m", "I.1.j-counties"):
        assert plan.goals[gid].results == [] and assess(plan.goals[gid]).status == "no_data", gid


def test_conflicting_sources_keep_both_figures(plan):
    g = plan.goals["I.4.c"]
    assert sorted((r.value, r.use) for r in g.results) == [(74.83, True), (75.8, False), (76.34, True)]
    assert any(n.kind == "conflict" for n in g.notes)


# Every figure of the seed article: (figure as the seed gives it, where it is in the data).
SEED_FIGURES = [
    ("48%", "claim", "O.2-binding"), ("50%", "claim", "O.2-livelihood"),
    ("7.4%", "claim-result", ("O.3", 7.4)), ("7.5%", "result", ("I.2.a-urban", 7.5)),
    ("9.2%", "result", ("I.2.a-rural", 9.2)), ("over 10 million", "data_quality", "I.1.a"),
    ("66.63 million", "result", ("I.2.x1", -66.63)), ("more than 95%", "result", ("I.3.c", 95)),
    ("over 80%", "result", ("I.3.a", 80)), ("2013 equal ratio", "note", "II.6.a"),
    ("557", "result", ("II.5.b", 557)), ("272", "result", ("II.5.b", 272)),
    ("55 minorities", "result", ("III.1.a", 55)), ("31.21 million", "result", ("III.1.c", 31.21)),
    ("18.13 million", "result", ("III.1.c", 18.13)), ("2.07%", "data_quality", "III.2.a"),
    ("December 2015", "result-text", ("III.2.i", "27 December 2015")), ("ratio decreased", "result", ("III.3.b", 113.5)),
    ("10.5 thousand", "data_quality", "III.4.a"), ("138%", "data_quality", "III.4.a"),
    ("more than 50% rural", "result", ("III.4.b", 50)), ("10.884 million", "result", ("III.5.c", 10.884)),
    ("22.3 million", "result", ("III.5.b", 22.3)), ("302.3 million", "data_quality", "III.5.b"),
    ("144 courses", "result", ("IV.a", 144)), ("five bases", "result", ("IV.f", 5)),
]


@pytest.mark.parametrize("figure,kind,where", SEED_FIGURES, ids=[f[0] for f in SEED_FIGURES])
def test_every_seed_figure_is_present(plan, figure, kind, where):
    if kind == "claim":
        claim = next(c for c in plan.claims if c.id == where)
        assert claim.share is not None and any(n.kind == "data_quality" for n in claim.notes)
    elif kind == "claim-result":
        claim = next(c for c in plan.claims if c.id == where[0])
        assert any(r.value == where[1] for r in claim.results)
    elif kind == "result":
        assert any(r.value == where[1] for r in plan.goals[where[0]].results), figure
    elif kind == "result-text":
        assert any(where[1] in (r.text or "") for r in plan.goals[where[0]].results)
    elif kind == "data_quality":
        notes = [n for n in plan.goals[where].notes if n.kind == "data_quality"]
        assert notes and all("seed-cshrs-2017" in n.sources and len(n.sources) >= 2 for n in notes[:1])
    else:
        assert any("seed" in n.text for n in plan.goals[where].notes)


# ------------------------------------------------------------------ chosen outputs, line by line


def test_stats_livelihood_lines(run):
    lines = run("stats", "livelihood", "--plan", PLAN).stdout.splitlines()
    assert lines[0] == "# nhrap-2012-2015, theme livelihood: People's livelihood"
    assert "goals\t72 (28 quantified, 45 with reported results)" in lines
    assert "computed status, quantified\tsurpassed 7, met 3, indeterminate 1, no_data 17" in lines
    claim = next(l for l in lines if l.startswith("O.2-livelihood\t"))
    assert "hrplan: 10 of 28 quantified goals surpassed/met, 36%; 10 of the 10 with a computable status, 100%" in claim
    assert claim.split("\t")[3] == "differs (consistent among the 10)"
    assert "I.1.a\tNew urban jobs\t>= 9 million jobs on average over 2012-2015\t13.12 million jobs (2015)\t145%\tsurpassed\tsurpassed" in lines
    assert "I.4.e\tPer-capita basic public-health funding\t>= 40 yuan a person by 2015\t40 yuan a person (2015)\t100%\tmet\tnot_stated" in lines


def test_stats_section_lines(run):
    lines = run("stats", "I.1", "--plan", PLAN).stdout.splitlines()
    assert lines[0] == "# nhrap-2012-2015, section I.1: Right to work"
    assert "goals\t16 (8 quantified, 12 with reported results)" in lines
    assert "I.1.b\tRegistered urban unemployment rate\t< 5% by 2015 (a limit)\tat most 4.1% (2012-2015)\t\tmet\tmet" in lines
    assert "plan text read\tPartly read: I.1" in lines


@pytest.mark.parametrize("goal,expect", [
    ("I.4.c", ["status (computed)\tsurpassed", "conflict\tThe health commission estimated 75.8 years",
               "2015\tabout 75.8 years: the health commission's estimate of January 2016\tother_official\tno\tother-zh-jxfengxin-nhfpc"]),
    ("II.2.d", ["status (computed)\tnot_quantified", "2012-2015\t83,341 detainees: detainees for whom procuratorates proposed release or a lighter measure; 77,591 proposals (93.1%) were adopted\tassessment\tyes\tassess-en-chinadaily-justice",
                "assess-en-chinadaily-justice\tXinhua summary of the assessment's criminal-justice results\tChina Daily USA\t2016-06-14\tnews_summary\thttps://usa.chinadaily.com.cn/china/2016-06/14/content_25704190.htm"]),
    ("III.5.d", ["status (computed)\tnot_met", "reported status\tmet", "agreement\tdiffers",
                 "why\ttotal over the period 12.466 million people against target >= 13: falls short"]),
    ("IV.f", ["status (computed)\tmet", "method\tearly", "why\t2014 result already at the 2015 target"]),
    ("V.1.b", ["section\tV.2 Exchanges and cooperation in the field of international human rights",
               "2013\t204 recommendations: recommendations accepted at the second UPR of October 2013, 81% of the total (254 by other official sources)\tassessment\tyes\tassess-en-ecns-international"]),
    ("VI.e", ["2012-2015\t144 training sessions: human-rights training sessions held jointly",
              "seed-cshrs-2017\tNew Achievements Have Been Made in China's Human Rights Cause"]),
])
def test_show_one_goal_per_chapter(run, goal, expect):
    out = run("show", goal, "--plan", PLAN).stdout
    for line in expect:
        assert line in out, line


def test_sources_lines(run):
    lines = run("sources", "--plan", PLAN, "--header").stdout.splitlines()
    assert lines[0] == "id\ttitle\tpublisher\tdate\tkind\tcarries\tlang\tcited by\taddress"
    assert len(lines) == 261
    assert "assess-zh-hyyz888-disabled\tXinhua Chinese dispatch on the assessment's disability results (mirror of Southeast Net)\thyyz888.com (mirror of Xinhua)\t2016-06-14\tnews_summary, mirror\tassessment\tzh\t7\thttps://hyyz888.com/news/2016-06/14/content_17978287.htm" in lines


def test_summary_shows_all_chapters_and_coverage(run):
    lines = run("summary", "--plan", PLAN).stdout.splitlines()
    chapters = [l.split("\t")[0] for l in lines[lines.index("# Chapters") + 2:] if l][:6]
    assert chapters == ["I", "II", "III", "IV", "V", "VI"]
    assert "II.6\tRight to participate\tnone\tNot reached in any language; goals are known by their headings only." in lines


def test_quotas_lists_every_quantified_target(run):
    d = run("quotas", "--json", "--plan", PLAN).json()
    assert d["goal_count"] == 34
