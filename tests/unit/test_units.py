"""Units agree in number with the figure before them (issue 23): "nearly 1 year", "2 years"."""

import pytest

from hrplan.core.units import amount, singular


@pytest.mark.parametrize("number,unit,expected", [
    ("1", "years", "1 year"), ("+1", "years", "+1 year"), ("-1", "years", "-1 year"), ("1.0", "deaths", "1.0 death"),
    ("2", "years", "2 years"), ("0.5", "years", "0.5 years"), ("1,000", "years", "1,000 years"),
    ("1", "million people", "1 million people"), ("1", "billion yuan", "1 billion yuan"),
    ("1", "counties", "1 county"), ("1", "people", "1 person"), ("1", "person-times", "1 person-time"),
    ("1", "boys per 100 girls", "1 boy per 100 girls"), ("1", "per 1,000 live births", "1 per 1,000 live births"),
    ("1", "yuan", "1 yuan"), ("1", "%", "1%"), ("1", "% of days", "1% of days"), ("95", "%", "95%"),
    ("1", None, "1"), ("1", "", "1"), ("1", "cases", "1 case"), ("1", "bases", "1 base"),
])
def test_amount(number, unit, expected):
    assert amount(number, unit) == expected


@pytest.mark.parametrize("word,expected", [("years", "year"), ("villages", "village"), ("facilities", "facility"),
                                           ("churches", "church"), ("yuan", "yuan"), ("status", "status"),
                                           ("class", "class")])
def test_singular(word, expected):
    assert singular(word) == expected


def test_trend_and_compare_write_one_year(run):
    out = run("trend", "life-expectancy", "--format", "plain").stdout
    assert ">= +1 year from 2015 by 2020" in out and "nearly 1 year from 2015" in out
    assert "1 years" not in out
    d = run("show", "I.5.a", "--plan", "nhrap-2016-2020", "--json").json()
    assert "1 years" not in d["goal"]["status_reason"]
    assert "1 years" not in run("compare", "nhrap-2012-2015", "nhrap-2016-2020", "--format", "plain").stdout
