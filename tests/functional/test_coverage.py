"""Issue 21: say only what the data knows. Coverage in every answer about an area, absences
qualified by what was read (compare, indicators, trend), figures in another unit apart; on the
bundled plans and on two small plans whose sections were read whole, in part and not at all."""

import json
import re
import textwrap

import pytest

REGISTRY = textwrap.dedent('''\
    format = 1

    [[indicators]]
    id = "jobs"
    title = "New jobs"
    unit = "million jobs"
    direction = "higher"
    definition = "Jobs created in a year."

    [[indicators]]
    id = "lifespan"
    title = "Life expectancy"
    unit = "years"
    direction = "higher"
    definition = "Life expectancy at birth."

    [[indicators]]
    id = "schooling"
    title = "School enrolment"
    unit = "%"
    direction = "higher"
    definition = "Children enrolled in school."

    [[indicators]]
    id = "training"
    title = "People trained"
    unit = "million people"
    direction = "higher"
    definition = "People given vocational training."
    ''')

HEAD = '''\
    format = 1
    sources = [
      {{ id = "plan", title = "The plan", publisher = "Issuer", url = "https://example.org/{id}", kind = "plan_text", document = "plan" }},
    ]

    [plan]
    id = "{id}"
    title = "Test plan {id}"
    period = [{start}, {end}]

    [[chapters]]
    id = "I"
    title = "Rights"

    [[chapters]]
    id = "II"
    title = "Implementation"
    coverage = "{ii}"

    [[sections]]
    id = "I.1"
    chapter = "I"
    title = "Work"
    aliases = ["work"]
    coverage = "{work}"

    [[sections]]
    id = "I.2"
    chapter = "I"
    title = "Health"
    aliases = ["health"]
    coverage = "{health}"

    [[sections]]
    id = "I.3"
    chapter = "I"
    title = "Education"
    aliases = ["education"]
    coverage = "{education}"
'''

OLDER = textwrap.dedent(HEAD.format(id="test-older", start=2011, end=2015, ii="full", work="full",
                                    health="partial", education="none") + '''
    [[goals]]
    id = "I.1.a"
    section = "I.1"
    text = "Create ten million jobs a year."
    indicator = "jobs"
    plan_sources = ["plan"]
    target = { metric = "New jobs", unit = "million jobs", op = ">=", value = 10, year = 2015 }
    results = [{ year = 2015, value = 12, unit = "million jobs", source = "plan" }]

    [[goals]]
    id = "I.2.a"
    section = "I.2"
    text = "Raise life expectancy to 75 years."
    indicator = "lifespan"
    plan_sources = ["plan"]
    target = { metric = "Life expectancy", unit = "years", op = ">=", value = 75, year = 2015 }
    results = [
      { year = 2015, value = 76, unit = "years", source = "plan" },
      { year = 2015, value = 300, unit = "hospitals", text = "hospitals built", source = "plan" },
    ]

    [[goals]]
    id = "II.a"
    chapter = "II"
    text = "Report on the plan."
    plan_sources = ["plan"]
    ''')

NEWER = textwrap.dedent(HEAD.format(id="test-newer", start=2016, end=2020, ii="none", work="full",
                                    health="none", education="partial") + '''
    [[goals]]
    id = "I.1.a"
    section = "I.1"
    text = "Train five million people."
    indicator = "training"
    plan_sources = ["plan"]
    target = { metric = "People trained", unit = "million people", op = ">=", value = 5, year = 2020 }

    [[goals]]
    id = "I.2.x1"
    section = "I.2"
    kind = "finding"
    text = "Life expectancy rose."
    indicator = "lifespan"
    plan_sources = ["plan"]
    results = [{ year = 2020, value = 77.5, unit = "years", source = "plan" }]

    [[goals]]
    id = "I.3.a"
    section = "I.3"
    text = "Enrol 95% of children."
    indicator = "schooling"
    plan_sources = ["plan"]
    target = { metric = "School enrolment", unit = "%", op = ">=", value = 95, year = 2020 }
    ''')


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "indicators.toml").write_text(REGISTRY, encoding="utf-8")
    (folder / "test-older.toml").write_text(OLDER, encoding="utf-8")
    (folder / "test-newer.toml").write_text(NEWER, encoding="utf-8")
    return str(folder)


def _json(run, *args):
    r = run(*args, "--json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def _plain(run, *args):
    r = run(*args, "--format", "plain")
    assert r.exit_code == 0, r.stderr
    return r.stdout.splitlines()


def _reads(records):
    return [(r["section"], r["kind"], r["coverage"], r["read"]) for r in records]


OLDER_UNITS = [("I.1", "section", "full", "whole"), ("I.2", "section", "partial", "part"),
               ("I.3", "section", "none", "not_read"), ("II", "chapter", "full", "whole")]


# ------------------------------------------------------------------ coverage, on the small plans


def test_the_test_data_is_valid(run, data):
    d = run("validate", "--data", data, "--json").json()
    # one warning only: the figure in another unit than the target's, which trend lists apart
    assert (d["error_count"], [p["path"] for p in d["problems"]]) == (0, ["goals[I.2.a].results[1].unit"])


def test_every_answer_about_an_area_carries_the_coverage_of_every_unit(run, data):
    plan = ("--plan", "test-older", "--data", data)
    assert _reads(_json(run, "summary", *plan)["coverage_by_section"]) == OLDER_UNITS
    assert _reads(_json(run, "areas", *plan)["coverage_by_section"]) == OLDER_UNITS
    assert _reads(_json(run, "export", *plan)["coverage_by_section"]) == OLDER_UNITS
    assert _reads(_json(run, "show", "II.a", *plan)["coverage_by_section"]) == OLDER_UNITS[3:]
    assert _reads(_json(run, "show", "test-older", "--data", data)["coverage_by_section"]) == OLDER_UNITS
    for command in ("stats", "goals", "quotas", "progress", "export"):
        # chapter I: its three sections, I.3 holding no goal included
        assert _reads(_json(run, command, "I", *plan)["coverage_by_section"]) == OLDER_UNITS[:3], command
    assert _reads(_json(run, "goals", "I.3", *plan)["coverage_by_section"]) == [OLDER_UNITS[2]]


def test_the_line_a_person_reads(run, data):
    plan = ("--plan", "test-older", "--data", data)
    line = "Not read: I.3 (no text reached); partly read: I.2; read whole: I.1"
    assert f"plan text read\t{line}" in _plain(run, "stats", "I", *plan)
    assert "plan text read\tNot read: I.3 (no text reached); partly read: I.2; read whole: I.1, II" in _plain(
        run, "summary", *plan)
    assert "plan text read\tRead whole: I.1" in _plain(run, "show", "I.1.a", *plan)
    assert f"Plan text read: {line}, II." in _plain(run, "areas", *plan)
    table = run("goals", "I", *plan, "--format", "table").stdout
    assert f"Plan text read: {line}." in " ".join(table.split())


def test_an_area_without_goals_says_none_only_when_read_whole(run, data):
    lines = _plain(run, "stats", "I.3", "--plan", "test-older", "--data", data)
    assert "goals\tno goal found: the plan text was not read whole (see 'plan text read')" in lines
    assert "plan text read\tNot read: I.3 (no text reached)" in lines
    assert not [x for x in lines if x.split("\t")[-1] == "none"]


# ------------------------------------------------------------------ absences, on the small plans


def test_compare_qualifies_each_absence_by_what_was_read(run, data):
    d = _json(run, "compare", "test-older", "test-newer", "--data", data)
    lists = {k: [r["indicator"]["id"] for r in d[k]]
             for k in ("in_both", "dropped", "new", "not_found_in_newer", "not_found_in_older")}
    # jobs: the newer plan's work section was read whole, a real drop; training: the older's
    # work section too, a real addition; the health and education sections were not read whole
    assert lists == {"in_both": [], "dropped": ["jobs"], "new": ["training"],
                     "not_found_in_newer": ["lifespan"], "not_found_in_older": ["schooling"]}
    rows = {r["indicator"]["id"]: r for k in lists for r in d[k]}
    assert (rows["jobs"]["absent_in"]["absence"], rows["jobs"]["absent_in"]["absence_text"]) == (
        "not_targeted", "not targeted, text read")
    life = rows["lifespan"]["absent_in"]
    assert (life["plan_id"], life["absence"], life["read"], life["absence_text"]) == (
        "test-newer", "not_found", "not_read", "no target found: the section was not read")
    assert [s["section"] for s in life["sections"]] == ["I.2"]
    # the newer plan's figure for the indicator, held without a target, is shown
    assert [(r["plan_id"], r["value"]) for r in rows["lifespan"]["other_results"]] == [("test-newer", 77.5)]
    school = rows["schooling"]["absent_in"]
    assert (school["plan_id"], school["read"], [s["section"] for s in school["sections"]]) == (
        "test-older", "not_read", ["I.3"])
    lines = _plain(run, "compare", "test-older", "test-newer", "--data", data)
    assert lines[lines.index("# Targeted in test-older only, not in test-newer, whose text was read (dropped)") + 2] == (
        "jobs\tNew jobs\t>= 10 million jobs by 2015 (surpassed)")
    heading = "# Targeted in test-older; no target found in test-newer, whose text was not read whole"
    assert lines[lines.index(heading) + 2] == (
        "lifespan\tLife expectancy\t>= 75 years by 2015 (surpassed)\t"
        "no target found: the section was not read (I.2)\t77.5 years (2020)")


def test_indicators_and_trend_qualify_each_plan_without_a_target(run, data):
    d = _json(run, "indicators", "--data", data)
    absent = {i["id"]: [(a["plan_id"], a["absence"], a["read"]) for a in i["no_target"]] for i in d["indicators"]}
    assert absent["jobs"] == [("test-newer", "not_targeted", "whole")]
    assert absent["lifespan"] == [("test-newer", "not_found", "not_read")]
    assert absent["schooling"] == [("test-older", "not_found", "not_read")]
    rows = {line.split("\t")[0]: line.split("\t") for line in _plain(run, "indicators", "--data", data)}
    assert rows["lifespan"][-1] == "test-newer (no target found: the section was not read)"
    assert rows["jobs"][-1] == "test-newer (not targeted, text read)"
    lines = _plain(run, "trend", "lifespan", "--data", data)
    assert "test-newer\t\tno target found: the section was not read (I.2)\t\t\t" in lines


def test_trend_lists_figures_in_another_unit_apart(run, data):
    d = _json(run, "trend", "lifespan", "--data", data)
    assert [(r["value"], r["unit"]) for r in d["results"]] == [(76, "years"), (77.5, "years")]
    assert [(r["value"], r["unit"]) for r in d["other_measures"]] == [(300, "hospitals")]
    lines = _plain(run, "trend", "lifespan", "--data", data)
    at = lines.index("# Other measures: figures in another unit than years, not of this series")
    assert lines[at + 2] == "2015\t300 hospitals: hospitals built\ttest-older\tI.2.a\tplan"
    bars = run("trend", "lifespan", "--data", data, "--format", "table").stdout
    assert "300 hospitals" not in bars.split("Results, by year")[1].split("Other measures")[0]


# ------------------------------------------------------------------ the bundled plans


@pytest.mark.parametrize("older,newer", [("nhrap-2016-2020", "nhrap-2021-2025"), ("nhrap-2012-2015", "nhrap-2016-2020")])
def test_compare_of_the_bundled_plans_qualifies_every_one_sided_indicator(run, older, newer):
    d = _json(run, "compare", older, newer)
    for key in ("dropped", "new", "not_found_in_newer", "not_found_in_older"):
        for r in d[key]:
            a = r["absent_in"]
            assert a["plan_id"] == (newer if key in ("dropped", "not_found_in_newer") else older)
            assert (a["read"] == "whole") == (key in ("dropped", "new")), (key, r["indicator"]["id"])
            assert a["sections"] and (a["absence"] == "not_targeted") == (a["read"] == "whole")
    for r in d["in_both"]:
        assert r["absent_in"] is None


def test_the_issues_indicators_are_no_longer_dropped_or_new(run):
    d = _json(run, "compare", "nhrap-2016-2020", "nhrap-2021-2025")
    found = {r["indicator"]["id"]: r["absent_in"] for r in d["not_found_in_newer"]}
    assert (found["urban-jobs"]["read"], [s["section"] for s in found["urban-jobs"]["sections"]]) == ("not_read", ["I.2"])
    assert found["life-expectancy"]["read"] == "part" and found["infant-mortality"]["read"] == "not_read"
    d = _json(run, "compare", "nhrap-2012-2015", "nhrap-2016-2020")
    found = {r["indicator"]["id"]: r for r in d["not_found_in_newer"]}
    assert _reads(found["preschool-enrolment"]["absent_in"]["sections"]) == [("I.6", "section", "none", "not_read")]
    later = {r["indicator"]["id"]: r for r in d["not_found_in_older"]}
    assert {"infant-mortality", "medical-insurance-coverage"} <= set(later)
    # the older plan's results for infant mortality, held without a target, are shown
    assert {r["plan_id"] for r in later["infant-mortality"]["other_results"]} == {"nhrap-2012-2015"}


def test_stats_of_the_bundled_plans_name_every_unread_section(run):
    lines = _plain(run, "stats", "environment", "--plan", "nhrap-2021-2025")
    assert "plan text read\tNot read: III.2, III.3, III.4, III.5, III.6 (no text reached); partly read: III.1" in lines
    lines = _plain(run, "stats", "II", "--plan", "nhrap-2021-2025")
    assert "plan text read\tNot read: II.1, II.2, II.3, II.4, II.5, II.6, II.7, II.8 (no text reached)" in lines
    d = _json(run, "stats", "livelihood", "--plan", "nhrap-2016-2020")
    assert [r["section"] for r in d["coverage_by_section"]] == ["I.1", "I.2", "I.3", "I.5", "I.6"]
    assert d["coverage_by_section"][-1]["read"] == "not_read"


def test_trend_of_the_bundled_plans(run):
    d = _json(run, "trend", "rural-poor")
    assert {r["unit"] for r in d["other_measures"]} == {"yuan a year", "counties", "villages"}
    assert {r["unit"] for r in d["results"]} == {"million people"}
    d = _json(run, "trend", "life-expectancy")
    assert [(a["plan_id"], a["read"]) for a in d["indicator"]["no_target"]] == [("nhrap-2021-2025", "part")]
    assert any(n["plan_id"] == "nhrap-2021-2025" and "79.25" in n["text"] for n in d["plan_notes"])


# ------------------------------------------------------------------ no bare absence anywhere

QUALIFIED = re.compile(r"no target found: (the section|the plan's text) (was not read|was read in part)"
                       r"|no target found: the sections were (not read|read in part)"
                       r"|no target found: how much of (the sections?|the plan's text) was read is not stated"
                       r"|no target found in [a-z0-9-]+, whose text was not read whole")


def _commands(data=None):
    if data is None:
        yield from (["compare", "nhrap-2016-2020", "nhrap-2021-2025"], ["compare", "nhrap-2012-2015", "nhrap-2016-2020"],
                    ["compare", "nhrap-2009-2010", "nhrap-2012-2015"], ["indicators"], ["trend", "life-expectancy"],
                    ["trend", "rural-poor"], ["trend", "urban-jobs"], ["stats", "II", "--plan", "nhrap-2021-2025"],
                    ["stats", "environment", "--plan", "nhrap-2021-2025"], ["goals", "II", "--plan", "nhrap-2021-2025"])
        return
    for args in (["compare", "test-older", "test-newer"], ["indicators"], ["trend", "lifespan"], ["trend", "schooling"],
                 ["stats", "I.3", "--plan", "test-older"], ["goals", "I.3", "--plan", "test-older"]):
        yield [*args, "--data", data]


DATA_TEXT = ("coverage_note", "text", "note", "definition", "wording", "title")


def _own_strings(value, key=None):
    """The strings of a JSON answer that hrplan writes, not those it quotes from the data."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _own_strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _own_strings(v, key)
    elif isinstance(value, str) and key not in DATA_TEXT:
        yield value


@pytest.mark.parametrize("bundled", [True, False])
def test_no_answer_says_dropped_new_none_or_no_target_without_the_qualification(run, data, bundled):
    for args in _commands(None if bundled else data):
        for fmt in ("plain", "table", "json"):
            out = run(*args, "--format", fmt).stdout
            # every "no target" of hrplan's own (not the data's notes) is qualified by what was read
            texts = list(_own_strings(json.loads(out))) if fmt == "json" else [out]
            for text in texts:
                for hit in re.finditer(r"no target", text, re.IGNORECASE):
                    words = " ".join(text[hit.start():hit.start() + 120].split())
                    if fmt == "table":  # cells wrap: the qualification may go on below
                        assert words.startswith("no target found"), (args, words)
                    else:
                        assert QUALIFIED.match(words), (args, fmt, words)
            if fmt == "plain":
                for line in out.splitlines():
                    # "(dropped)" and "(new)" head only tables of indicators whose other plan was read whole
                    assert not re.search(r"\((dropped|new)\)", line) or "whose text was read" in line, (args, line)
                    # a count of nothing is "none" only for text read whole
                    assert line.split("\t")[-1] != "none" or not line.startswith(("goals", "computed", "reported")), (
                        args, line)
                    assert "(none)" not in line.split("\t")[4:5], (args, line)
        if args[0] == "compare":
            d = json.loads(run(*args, "--json").stdout)
            assert all(r["absent_in"]["read"] == "whole" for k in ("dropped", "new") for r in d[k]), args
