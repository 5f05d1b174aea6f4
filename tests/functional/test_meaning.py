"""Tables keep what gives a row its meaning (issue 23): each view names its meaning columns, the
terminal never leaves one out at any width (a record per row instead), docs/output.md lists them
as the views declare them, and the golden outputs show them at 40, 80 and 120 columns."""

import os
import re

import pytest

from hrplan.render.terminal import fit
from hrplan.views import plan as plan_views
from hrplan.views import series as series_views
from hrplan.views.blocks import Table
from tests.conftest import ROOT

PLANS = ("nhrap-2009-2010", "nhrap-2012-2015", "nhrap-2016-2020", "nhrap-2021-2025")
# command arguments, the view, the tables of the view that carry a meaning, by title's start
CASES = {
    "quotas": (["quotas"], plan_views.quotas_view),
    "goals": (["goals", "I"], plan_views.goals_view),
    "progress": (["progress"], plan_views.progress_view),
    "stats": (["stats", "I"], plan_views.stats_view),
}
SERIES = {
    "plans": (["plans"], series_views.plans_view),
    "search": (["search", "million"], plan_views.search_view),
    "trend": (["trend", "life-expectancy"], series_views.trend_view),
}
# every table of these views must name its meaning (the stats view: its key figures)
MEANT = {"quotas": ["Quantified"], "goals": ["Goals"], "progress": [""], "stats": ["Key figures"],
         "plans": ["Plans"], "search": ["Matches"], "trend": ["Targets", "Results"]}


def answers(run):
    for name, (args, view) in CASES.items():
        for plan in PLANS:
            if name in ("progress", "stats") and plan == "nhrap-2021-2025":
                continue  # no assessment: progress and stats answer for an assessed plan
            yield name, plan, view, [*args, "--plan", plan]
    for name, (args, view) in SERIES.items():
        yield name, "all", view, args


def tables_of(run, name, view, args):
    r = run(*args, "--json")
    assert r.exit_code == 0, (args, r.stderr)
    blocks = [b for b in view(r.json()) if isinstance(b, Table)]
    return [b for b in blocks if any(b.title.startswith(t) for t in MEANT[name])]


def test_no_meaning_column_is_left_out_at_any_width(run):
    seen = set()
    for name, plan, view, args in answers(run):
        tables = tables_of(run, name, view, args)
        assert tables, (name, plan)
        for block in tables:
            assert block.meaning, (name, block.title)
            seen.add(name)
            shown_somewhere = set()
            for width in range(40, 161, 8):
                table, layout, dropped = fit(block, width)
                if layout is None:  # one record per row: every column
                    assert table is block
                    continue
                empty = {c for i, c in enumerate(block.columns) if all(str(r[i]) == "" for r in block.rows)}
                assert set(block.meaning) - empty <= set(table.columns), (name, plan, width)
                assert not set(dropped) & set(block.meaning)
                shown_somewhere.add(width)
            # a wide terminal shows the table side by side
            assert 160 in shown_somewhere or not block.rows, (name, plan, block.title)
    assert seen == set(MEANT)


def test_docs_list_the_meaning_columns_as_the_views_declare_them(run):
    with open(os.path.join(ROOT, "docs", "output.md"), encoding="utf-8") as fh:
        text = fh.read()
    rows = {}
    for line in text.splitlines():
        m = re.match(r"\| `(\w+)`( [a-z ]+)? \| (.*?) \| (.*?) \|$", line)
        if m:
            rows[(m.group(1), (m.group(2) or "").strip())] = (re.findall(r"`([^`]+)`", m.group(3)),
                                                              re.findall(r"`([^`]+)`", m.group(4)))
    declared = {}
    for name, plan, view, args in answers(run):
        if plan not in ("nhrap-2012-2015", "all"):
            continue
        for block in tables_of(run, name, view, args):
            part = {"Key figures": "key figures", "Targets": "targets", "Results, by year": "results"}.get(block.title, "")
            declared[(name, part)] = (block.meaning, block.optional)
    assert rows == declared


GOLDEN = os.path.join(ROOT, "tests", "functional", "golden")
# the meaning columns each golden output must show, as a header or as a record's label
SHOWN = {
    "quotas": ["id", "metric", "target", "latest result", "status", "reported"],
    "goals": ["id", "commitment", "target", "status", "reported"],
    "progress": ["id", "metric", "progress", "status", "reported"],
    "plans": ["plan", "period", "goals", "quantified", "with results", "computed status, quantified goals"],
    "search": ["plan", "id", "kind", "where"],
    "trend": ["plan", "goal", "target", "status", "reported", "year", "figure", "used"],
}


def headers_and_labels(text: str) -> str:
    """The words of the header rows (the lines above each rule) and the labels of the records."""
    lines, words = text.splitlines(), []
    for i, line in enumerate(lines):
        if line.startswith("\u2500" * 10):  # a table's rule: its header rows are above it, up to a blank
            k = i
            while k > 0 and lines[k - 1].strip():
                k -= 1
            words += lines[k:i]
        if line.startswith("\u2500["):  # a record: its labels, until the blank line closing it
            for field in lines[i + 1:]:
                if not field.strip():
                    break
                if not field.startswith(" "):  # a label (alone on its line when long), then its value
                    words.append(field.split("  ")[0])
    return " ".join(" ".join(words).split())


@pytest.mark.parametrize("name", sorted(SHOWN))
@pytest.mark.parametrize("width", [40, 80, 120])
def test_golden_outputs_show_the_meaning_columns(name, width):
    with open(os.path.join(GOLDEN, f"{name}-{width}.txt"), encoding="utf-8") as fh:
        shown = headers_and_labels(fh.read())
    for column in SHOWN[name]:
        assert re.search(r"(^| )" + re.escape(column) + r"( |$)", shown), (name, width, column)
    assert "Left out at this width" not in shown
