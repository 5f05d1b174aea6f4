"""Search finds what people type (issue 23): numbers however they are written, plural and
singular, synonyms and Chinese compounds through the glossary, the indicators; an empty query is
a usage error; the cached index gives the matches the plans give."""

import pytest

from hrplan.answers import searchindex
from hrplan.answers.search import search
from hrplan.answers.words import numbers, query_number, same_number, stem
from hrplan.planfile.load import load_plans
from hrplan.planfile.registry import load_registry


def found(run, *args):
    """(plan, id, kind) of each match of a search of the bundled data, in rank order."""
    r = run("search", *args, "--json")
    assert r.exit_code == 0, r.stderr
    return [(m["plan_id"], m["goal_id"] or m["claim_id"] or m["indicator_id"], m["kind"]) for m in r.json()["matches"]]


@pytest.mark.parametrize("query", ["499万", "4,990,000", "4.99 million", "4990000", "4.99"])
def test_every_form_of_a_number_finds_the_legal_aid_cases(run, query):
    assert ("nhrap-2012-2015", "II.3.b", "goal") in found(run, query)


@pytest.mark.parametrize("query", ["66,630,000", "6663万", "66.63", "66.63 million", "66630000"])
def test_every_form_of_a_number_finds_the_fall_in_rural_poverty(run, query):
    assert ("nhrap-2012-2015", "O.5", "claim") in found(run, query)


@pytest.mark.parametrize("query", ["56.1%", "56.1", "56.1 per cent"])
def test_a_percentage_with_or_without_its_sign(run, query):
    assert ("nhrap-2012-2015", "O.6", "claim") in found(run, query)


def test_a_number_that_is_not_there_finds_nothing(run):
    assert found(run, "4,990,001") == [] and found(run, "49.9万") == []


def test_a_percentage_finds_only_percentages():
    pct, plain = query_number("95%"), query_number("95")
    assert same_number(plain, numbers("95 million people")[0][:3])
    assert not same_number(pct, numbers("95 million people")[0][:3])
    assert same_number(pct, numbers("participation 95%以上")[0][:3])


def test_number_forms_are_read_as_one_number():
    reads = {q: query_number(q) for q in ("499万", "4,990,000", "4.99 million", "4990000", "0.0499亿")}
    assert {round(v * mult) for v, mult, _ in reads.values()} == {4990000}
    assert query_number("poor") is None and query_number("2012-2015") is None
    assert [n[:3] for n in numbers("I.2.x1 of 2012, a fall of 66.63 million (6663万), 3,700 units")] == [
        (2012.0, 1.0, False), (66.63, 1e6, False), (6663.0, 1e4, False), (3700.0, 1.0, False)]


@pytest.mark.parametrize("word,singular", [("cases", "case"), ("policies", "policy"), ("women", "woman"),
                                           ("churches", "church"), ("status", "status"), ("news", "news"),
                                           ("classes", "class"), ("jobs", "job"), ("poor", "poor")])
def test_the_stemmer_reads_plurals_as_their_singular(word, singular):
    assert stem(word) == singular


def test_plural_and_singular_find_each_other(run):
    # "legal-aid institutions" is written in the plural only; "institution" finds it
    assert ("nhrap-2012-2015", "II.3.b", "goal") in found(run, "legal aid institution")
    # "woman" is written in 2012-2015 III.2.b; "women" finds it, and the other way round
    assert ("nhrap-2012-2015", "III.2.b", "goal") in found(run, "women")
    assert ("nhrap-2009-2010", "III.2.b-hospital", "goal") in found(run, "woman")


def test_poverty_finds_what_poor_finds(run):
    poor, poverty = found(run, "poor"), found(run, "poverty")
    assert set(poor) == set(poverty)
    assert {("nhrap-2012-2015", "O.5", "claim"), ("nhrap-2012-2015", "O.7", "claim")} <= set(poverty)


def test_a_chinese_compound_finds_what_its_english_finds(run):
    zh = found(run, "贫困人口")
    assert zh[0] == ("nhrap-2012-2015", "O.5", "claim")
    assert set(found(run, "poor population")) <= set(zh)
    assert "poor population" in run("search", "贫困人口", "--json").json()["terms"]


def test_a_compound_the_glossary_does_not_hold_is_read_through_its_parts(run):
    # 农村 (rural) + 妇女 (women): no entry holds 农村妇女, and no text writes it
    terms = run("search", "农村妇女", "--json").json()["terms"]
    assert terms[:2] == ["农村妇女", "rural women"] and len(terms) <= 7
    assert set(found(run, "农村妇女")) == set(found(run, "rural women")) != set()
    # a compound with a part the glossary does not know is searched as it is
    assert run("search", "农村xyz", "--json").json()["terms"] == ["农村xyz"]


def test_indicators_are_searched_and_a_hit_names_its_plan_and_kind(run):
    hits = found(run, "rural poor")
    assert hits[:2] == [("nhrap-2012-2015", "rural-poor", "indicator"), ("nhrap-2016-2020", "rural-poor", "indicator")]
    d = run("search", "rural poor", "--json").json()
    assert [i["id"] for i in d["indicators"]] == ["rural-poor"]
    assert d["indicators"][0]["result_plans"] == ["nhrap-2012-2015", "nhrap-2016-2020"]  # as `indicators` gives it
    assert d["indicators"][0] == next(i for i in run("indicators", "--json").json()["indicators"] if i["id"] == "rural-poor")
    plain = run("search", "rural poor", "--format", "plain").stdout.splitlines()
    assert plain[0].split("\t")[:3] == ["nhrap-2012-2015", "rural-poor", "indicator"]
    # with --plan, only the indicators that plan's goals name
    assert not any(k == "indicator" for _, _, k in found(run, "rural poor", "--plan", "nhrap-2021-2025"))
    assert found(run, "rural poor", "--in", "metric") and not any(
        k == "indicator" for _, _, k in found(run, "rural poor", "--in", "metric"))
    assert found(run, "poverty line", "--in", "definition") == [
        ("nhrap-2012-2015", "rural-poor", "indicator"), ("nhrap-2016-2020", "rural-poor", "indicator")]


@pytest.mark.parametrize("query", ["", "   ", " - ", "“”"])
def test_an_empty_search_is_a_usage_error(run, query):
    r = run("search", query)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith("hrplan: nothing to search for in") and "Traceback" not in r.stderr


@pytest.mark.parametrize("query", ["rural poor", "66.63", "499万", "cases", "the", "死刑", "women", "I.2.b"])
def test_the_cached_index_gives_the_matches_the_plans_give(query):
    plans, registry = load_plans(None), load_registry(None)

    def key(hits):
        return [(k, p.id, getattr(r, "id", None), s, f, w, snip) for k, p, r, s, f, w, snip in hits]

    searchindex._READ.clear()
    first = key(search(plans, query, registry=registry))  # builds and keeps each index
    searchindex._READ.clear()
    cached = key(search(load_plans(None), query, registry=registry))  # reads them from the cache
    assert first == cached and first
    searchindex._READ.clear()
    direct = [searchindex.build(p) for p in plans]
    assert [searchindex.plan_index(p) for p in plans] == direct


def test_a_stale_or_foreign_index_is_rebuilt(plan_file, run):
    path = plan_file()
    assert found(run, "nine million", "--data", path)
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text.replace("Create nine million jobs a year.", "Create eleven million jobs a year."))
    searchindex._READ.clear()
    assert found(run, "nine million", "--data", path) == []
    assert found(run, "eleven million", "--data", path)


@pytest.mark.parametrize("damage", [{"text": 1}, {"starts": b"\x01"}, {"records": b""}, {"numbers": [b"", b""]},
                                    {"indicators": []}])
def test_a_damaged_index_is_a_miss(damage):
    from hrplan.planfile import cache

    plan = load_plans(None)[1]
    searchindex._READ.clear()
    good = search([plan], "legal aid")
    key = [*cache.key_for(plan.file), "search", searchindex.VERSION]
    assert cache.write_small("search", plan.file, key, {**searchindex.build(plan), **damage})
    searchindex._READ.clear()
    assert [h[2].id for h in search([plan], "legal aid")] == [h[2].id for h in good] != []
    assert searchindex._whole(searchindex.plan_index(plan))


def test_a_snippet_shows_where_the_term_is_and_not_the_id_again(run):
    d = run("search", "rural poor", "--json").json()
    first = d["matches"][0]
    assert first["fields"] == ["id", "text"] and (first["field"], first["snippet"]) == ("text", "Rural poor population")
    # a term written with punctuation is found where it stands ("I.2.b" in a note, not the note's start)
    notes = [m for m in run("search", "I.2.b", "--plan", "nhrap-2016-2020", "--json").json()["matches"]
             if m["field"] == "notes"]
    assert notes and all("I.2.b" in m["snippet"] for m in notes)
    # only an id matched: the snippet is the id
    ids = [m for m in run("search", "I.2.x1", "--json").json()["matches"] if m["fields"] == ["id"]]
    assert ids and all(m["snippet"] == "I.2.x1" for m in ids)
