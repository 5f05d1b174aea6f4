"""The terminal table layout: wrapping by terminal cell, column plans, fitting, widths, bars, render.

Every expected value is worked out by hand from the rules in hrplan/render/terminal.py
(BAR_WIDTH 10, EXCESS_MAX 5, SHORT 18, FLEX_MIN 10, GAP 2); the comments show the arithmetic.
"""

import io
from collections import Counter

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from hrplan.render.terminal import (BAR_WIDTH, COMFORT, EXCESS_MAX, FLEX_MIN, GAP, SHORT, _bar, _column_plan, _widths,
                                    fit, render, wrap)
from hrplan.render.termenv import TermEnv
from hrplan.views.blocks import Bar, Status, Table


def test_constants_the_hand_worked_values_assume():
    assert (BAR_WIDTH, EXCESS_MAX, SHORT, FLEX_MIN, GAP, COMFORT) == (10, 5, 18, 10, 2, 18)


def rendered(blocks, width):
    stream = io.StringIO()
    render(blocks, TermEnv(isatty=True, color=False, encoding="utf-8", width=width), stream)
    return stream.getvalue()


# ---------------------------------------------------------------- wrap
def test_wrap_fits_text_on_one_line_else_breaks_between_words():
    # 11 cells in 11 (the boundary) and in 80: returned as it is
    assert wrap("hello world", 11) == wrap("hello world", 80) == ["hello world"]
    # "the quick" is 9 cells; + " brown" would be 15 > 10; "brown fox" is 9
    assert wrap("the quick brown fox", 10) == ["the quick", "brown fox"]


def test_wrap_word_longer_than_the_width_stands_whole_on_its_own_line():
    # 10 letters in width 4: never cut, one line of 10 cells
    assert wrap("abcdefghij", 4) == ["abcdefghij"]
    # "to" is closed before the long word, "ok" starts after it: 20 + 1 + 2 > 6
    assert wrap("to supercalifragilistic ok", 6) == ["to", "supercalifragilistic", "ok"]
    # an id with hyphens is one word: not broken at its hyphens either
    assert wrap("see CRPD-2012-2015-employment-12 now", 10) == ["see", "CRPD-2012-2015-employment-12", "now"]


def test_wrap_counts_chinese_characters_as_two_cells():
    # 8 characters but 14 cells: does not fit in 9 (it would, counted in characters);
    # "工作 权利" is 4 + 1 + 4 = 9 cells
    assert wrap("工作 权利 保障", 9) == ["工作 权利", "保障"]
    # one cell less: "工作" + " 权利" = 9 > 8, and "权利 保障" too
    assert wrap("工作 权利 保障", 8) == ["工作", "权利", "保障"]
    # 9 characters = 18 cells, one "word" with no space: whole, though wider than 6
    assert wrap("保障公民的工作权利", 6) == ["保障公民的工作权利"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abc-xyz.保障中", min_size=1, max_size=16), min_size=1, max_size=12),
       st.integers(1, 80))
def test_wrap_lines_fit_and_never_break_a_word(words, width):
    # whatever the width, lines break only at single spaces: joining restores the text
    text = " ".join(words)
    lines = wrap(text, width)
    assert " ".join(lines) == text
    assert [w for line in lines for w in line.split(" ")] == words
    # a line wider than the width is a single word, standing alone
    assert all(cell_len(line) <= width or " " not in line for line in lines)


# ---------------------------------------------------------------- _column_plan
@pytest.mark.parametrize("header,cells,width", [
    ("progress", [Bar(0.5), Bar(None)], 20),  # 10 + 5 + 1 + "50%" raised to 4 = 20
    ("p", [Bar(12.5), Bar(1)], 21),  # "1250%" is 5: 21
    ("people", [Bar(1.0, "1,234,567 people"), Bar(0.2, "12")], 32),  # a chart's label (16): 10 + 5 + 1 + 16
    ("progress towards the target", [Bar(0.5)], 27),  # the header (27) is longer than the bar (20)
])
def test_bar_column_is_fixed_at_bar_excess_and_label(header, cells, width):
    block = Table("t", ["id", header], [["a", c] for c in cells])
    assert _column_plan(block)[1] == (header, "fixed", width, width)


def test_short_column_not_in_wrap_is_fixed_at_longest_cell_or_header():
    block = Table("t", ["name", "identifier"], [["ab", "a"], ["abcdef", Status("met")]])
    # longest cell "abcdef" (6) beats header "name" (4); header "identifier" (10) beats "met"
    assert _column_plan(block) == [("name", "fixed", 6, 6), ("identifier", "fixed", 10, 10)]
    block = Table("t", ["x", "y"], [["a" * 18, "b" * 19]])
    # 18 cells: still short, fixed; 19 > SHORT: flex though not in wrap, one word: min(19, max(19, 10))
    assert _column_plan(block) == [("x", "fixed", 18, 18), ("y", "flex", 19, 19)]


@pytest.mark.parametrize("cell,low,natural", [
    ("a few words", 10, 11),  # longest 11, longest word 5: min(11, max(5, min(10, 11))) = 10
    ("broad public consultation on the plan", 12, 37),  # longest word 12: min(37, max(12, 10)) = 12
    # longest word "supercalifragilistic" 20, no cap: min(41, max(20, 10)) = 20
    ("a supercalifragilistic word here and more", 20, 41),
    ("保障公民的工作权利", 18, 18),  # one 18-cell "word" of Chinese: min(18, max(18, 10)) = 18
    ("abc def", 7, 7),  # longest 7 (under FLEX_MIN): min(7, max(3, min(10, 7))) = 7
    # a 28-character id in 48 cells: min(48, max(28, 10)) = 28
    ("see CRPD-2012-2015-employment-12 for the details", 28, 48),
])
def test_wrap_column_minimum_is_the_longest_word(cell, low, natural):
    block = Table("t", ["x"], [[cell]], wrap=("x",))
    assert _column_plan(block) == [("x", "flex", low, natural)]


def test_wrap_column_header_words_count_for_the_minimum():
    # header 21 cells is the longest; its word "implementation" (14) beats the cells' (1) and FLEX_MIN
    block = Table("t", ["implementation status"], [["a b"]], wrap=("implementation status",))
    assert _column_plan(block) == [("implementation status", "flex", 14, 21)]


# ---------------------------------------------------------------- fit
TEN = "x" * 10
FOUR = Table("t", ["a", "b", "c", "d"], [[TEN] * 4], optional=("c", "a"))  # 4 fixed columns: 40 + 3 * 2 = 46


def test_fit_takes_out_empty_and_link_columns_without_saying_so():
    block = Table("t", ["id", "blank", "bar", "note", "address"],
                  [["I.1", "", Bar(None), "a note", "https://example.org/a"], ["I.2", None, Bar(None), "b", ""]],
                  links=("address",), optional=())
    table, plan, dropped = fit(block, 80)
    assert (table.columns, table.rows) == (["id", "note"], [["I.1", "a note"], ["I.2", "b"]])
    assert (plan, dropped) == ([("id", "fixed", 3, 3), ("note", "fixed", 6, 6)], [])


def test_fit_drops_optional_columns_in_their_order_until_it_fits():
    assert fit(FOUR, 46)[2] == []
    # 46 > 45: c goes; 30 + 4 = 34 fits
    table, plan, dropped = fit(FOUR, 45)
    assert (table.columns, dropped) == (["a", "b", "d"], ["c"])
    # 34 > 33: a goes too; 20 + 2 = 22, down to 22 exactly
    for width in (33, 22):
        table, plan, dropped = fit(FOUR, width)
        assert (table.columns, dropped) == (["b", "d"], ["c", "a"])
        assert [low for _, _, low, _ in plan] == [10, 10]


def test_fit_gives_no_plan_when_nothing_fits():
    # 22 > 21 and no optional column left: records mode, the table given back whole
    assert fit(FOUR, 21) == (FOUR, None, [])
    # a 28-cell word in the only column: fits in 28, not in 27
    one = Table("t", ["x"], [["the id CRPD-2012-2015-employment-12"]], wrap=("x",))
    assert fit(one, 28)[1] == [("x", "flex", 28, 35)]
    assert fit(one, 27)[1] is None


def test_fit_skips_optional_names_already_gone_and_follows_drop_order():
    # "gone" is empty (taken out first, not reported); c then follows
    block = Table("t", ["a", "gone", "c"], [[TEN, "", TEN]], optional=("gone", "c"))
    assert fit(block, 21)[2] == ["c"]
    # no optional list given: the view order DROP_ORDER, "lang" before "kind", whatever the column order
    block = Table("t", ["kind", "lang", "id"], [[TEN, TEN, TEN]])
    assert block.optional == ["lang", "kind"]
    assert fit(block, 22)[0].columns == ["kind", "id"]
    assert fit(block, 21)[0].columns == ["id"]


# ---------------------------------------------------------------- the bar
@pytest.mark.parametrize("share,plus", [
    (0.5, 0), (1.0, 0), (1.1, 1), (1.45, 4),  # 145% differs from 100% at a glance
    (1.2, 2),  # (1.2 - 1) * 10 is 1.9999999999999996: rounded, not truncated
    (2.0, EXCESS_MAX), (3.0, EXCESS_MAX),  # at most EXCESS_MAX
])
def test_progress_bar_marks_a_tenth_past_the_end_with_a_plus(share, plus):
    text = _bar(Bar(share), True).plain
    assert text.count("+") == plus
    # the bar and its excess keep the same width: the percent stands in one column
    assert text.endswith(f" {share * 100:.0f}%")
    assert cell_len(text) == BAR_WIDTH + EXCESS_MAX + 1 + len(f"{share * 100:.0f}%")


def test_bar_shapes_and_a_chart_bar_without_plus():
    assert [_bar(Bar(v), True).plain for v in (1.45, 0.5)] == ["##########++++  145%", "#####-----      50%"]
    # a chart's bar carries no "+" even past its end, and no room for it
    assert _bar(Bar(1.5, "1,234"), True).plain == "########## 1,234"
    assert "+" not in _bar(Bar(2.0, "big"), False).plain


# ---------------------------------------------------------------- _widths
WRAPPED = Table("t", ["id", "text", "note"], [], wrap=("text",))  # "text" three shares, "note" one


def test_widths_natural_when_everything_fits():
    plan = [("id", "fixed", 5, 5), ("text", "flex", 10, 40), ("note", "flex", 10, 20)]
    # 5 + 40 + 20 + 4 = 69: natural at 69 exactly, and not stretched at 200
    assert _widths(plan, WRAPPED, 69) == _widths(plan, WRAPPED, 200) == [5, 40, 20]


def test_widths_wrap_column_gets_three_shares():
    plan = [("id", "fixed", 5, 5), ("text", "flex", 10, 100), ("note", "flex", 10, 60)]
    # room 80 - 4 - 5 = 71 in four shares: text 71 * 3 // 4 = 53, note 71 // 4 = 17;
    # both need more, so both get their share (79 of 80: rounding down)
    assert _widths(plan, WRAPPED, 80) == [5, 53, 17]


def test_widths_column_needing_less_than_its_share_keeps_natural():
    plan = [("id", "fixed", 5, 5), ("text", "flex", 10, 100), ("note", "flex", 10, 15)]
    # note's share 17 >= 15: it keeps 15 and gives back the rest; text then gets 71 - 15 = 56
    assert _widths(plan, WRAPPED, 80) == [5, 56, 15]


def test_widths_never_below_minimum_and_total_still_fits():
    plan = [("id", "fixed", 5, 5), ("text", "flex", 14, 100), ("note", "flex", 14, 60)]
    # room 49 - 4 - 5 = 40: shares 30 and 10, but note's minimum is 14; 5 + 30 + 14 + 4 = 53,
    # 4 too many, taken from the roomiest column (text, 16 above its minimum): 26
    assert _widths(plan, WRAPPED, 49) == [5, 26, 14]
    # 5 + 14 + 14 + 4 = 37: exactly the minimums
    assert _widths(plan, WRAPPED, 37) == [5, 14, 14]


def test_widths_fixed_columns_keep_natural_width():
    plan = [("bar", "fixed", 20, 20), ("text", "flex", 10, 100), ("status", "fixed", 9, 9)]
    block = Table("t", ["bar", "text", "status"], [], wrap=("text",))
    # room 45 - 4 - 20 - 9 = 12 goes to the one flex column
    assert _widths(plan, block, 45) == [20, 12, 9]


@st.composite
def plans(draw):
    n = draw(st.integers(1, 6))
    plan, wrapped = [], set()
    for i in range(n):
        low = draw(st.integers(1, 20))
        natural = draw(st.integers(low, 120))
        kind = draw(st.sampled_from(["fixed", "flex"]))
        plan.append((f"c{i}", kind, natural if kind == "fixed" else low, natural))
        if kind == "flex" and draw(st.booleans()):
            wrapped.add(f"c{i}")
    return plan, Table("t", [name for name, *_ in plan], [], wrap=wrapped)


@settings(max_examples=500, deadline=None)
@given(plans(), st.integers(1, 300))
def test_widths_invariants(plan_block, width):
    plan, block = plan_block
    gaps = GAP * (len(plan) - 1)
    fits = sum(low for _, _, low, _ in plan) + gaps <= width
    # render only lays out plans whose minimums fit; an all-fixed plan that does not fit has
    # nothing to narrow (and _widths raises on it), so it is left out
    assume(fits or any(kind == "flex" for _, kind, _, _ in plan))
    widths = _widths(plan, block, width)
    for (_, kind, low, natural), w in zip(plan, widths):
        assert w == natural if kind == "fixed" else low <= w <= natural
    if fits:
        assert sum(widths) + gaps <= width


# ---------------------------------------------------------------- render
URL = "https://example.org/reports/2015/implementation-of-the-plan-on-the-rights-of-persons.pdf"  # 88 cells


def test_render_prints_a_link_whole_on_its_own_line_under_its_row():
    block = Table("T", ["id", "note", "address"], [["I.1", "short note", URL], ["I.2", "other", ""]],
                  links=("address",), optional=())
    lines = rendered([block], 40).splitlines()
    assert lines[2].split() == ["id", "note"]  # no address column in the table
    row = lines.index("I.1  short note")
    assert lines[row + 1] == " " * GAP + URL  # whole, though 90 cells on a 40-cell terminal
    assert lines[row + 2] == "I.2  other"  # an empty address prints no line
    assert sum(URL in line for line in lines) == 1


def test_render_says_which_columns_were_left_out():
    block = Table("T", ["id", "note", "lang"], [["I.1", "short note", "zh"]], optional=("lang",))
    # 3 + 10 + 4 + 2 * 2 = 21: all at 21; at 20 "lang" is left out, and said so
    assert "Left out" not in rendered([block], 21)
    out = rendered([block], 20)
    assert "Left out at this width: lang (a wider terminal" in " ".join(out.split())
    table_part = out.split("Left out")[0]
    assert "I.1  short note" in table_part.splitlines()
    assert "lang" not in table_part and "zh" not in table_part


ROWS = [
    ["I.1", "Guarantee the right to work and raise the employment rate of persons with disabilities"],
    ["I.2", "保障公民的工作权利，提高残疾人就业率，并改善劳动条件和社会保障制度"],  # one word of 64 cells
    ["II.10", "Publish an annual report on implementation, with internationalisation of reviews, "
              "hearings of civil society organisations and a public record of each recommendation"],  # 164 cells
]
GOALS = Table("Goals of a chapter, with a title long enough to need wrapping at forty cells",
              ["id", "commitment"], ROWS, wrap=("commitment",))


@pytest.mark.parametrize("width", [80, 120])
def test_render_wrapped_table_stays_within_the_terminal(width):
    # 5 + 2 + 64 (the Chinese sentence, one word) = 71: a table from 71 cells
    assert fit(GOALS, width)[1] is not None
    out = rendered([GOALS], width)
    lines = out.splitlines()
    assert any(line.startswith("id") and "commitment" in line for line in lines)  # the header row
    assert max(cell_len(line) for line in lines) <= width
    # the 164-cell commitment is wrapped at every width, its words kept whole
    assert not any(ROWS[2][1] in line for line in lines)
    assert set(ROWS[2][1].split(" ") + [ROWS[1][1]]) <= set(out.split())
    assert "\x1b" not in out  # no colour asked for


def test_render_prints_records_when_a_word_is_wider_than_the_table_can_be():
    # 71 > 40: records, the Chinese sentence whole on one line wider than the terminal
    assert fit(GOALS, 40)[1] is None
    lines = rendered([GOALS], 40).splitlines()
    assert not any(line.startswith("id") and "commitment" in line for line in lines)
    assert ROWS[1][1] in [line.strip() for line in lines]


PLAIN = st.text(alphabet="abcdefxyz", min_size=1, max_size=14)
# ids such as "CRPD-2012-27b" or "I.2-3x": each hyphen beside a digit (a hyphen between letters is a compound's)
ID = st.tuples(st.from_regex(r"[A-Z][A-Za-z.]{0,5}", fullmatch=True),
               st.lists(st.from_regex(r"[0-9][0-9a-z]{0,4}", fullmatch=True), min_size=1, max_size=4)
               ).map(lambda t: "-".join([t[0], *t[1]]))
CHINESE = st.text(alphabet="保障公民的工作权利中文", min_size=1, max_size=9)
CELL = st.lists(st.one_of(PLAIN, ID, CHINESE), min_size=1, max_size=10).map(" ".join)


@st.composite
def tables(draw):
    names = [f"c{i}" for i in range(draw(st.integers(1, 4)))]
    rows = draw(st.lists(st.lists(CELL, min_size=len(names), max_size=len(names)), min_size=1, max_size=4))
    wrapped = draw(st.sets(st.sampled_from(names)))
    optional = draw(st.permutations(names))[:draw(st.integers(0, len(names)))]
    return Table("T", names, rows, wrap=wrapped, optional=optional)


@settings(max_examples=200, deadline=None)
@given(tables())
def test_render_never_splits_a_word_in_table_mode(block):
    for width in (40, 80, 120):
        table, plan, dropped = fit(block, width)
        if plan is None:
            continue
        for i, (_, _, low, _) in enumerate(plan):  # no column narrower than its longest word
            assert low >= max(cell_len(w) for r in table.rows for w in r[i].split(" "))
        out = rendered([block], width)
        assert bool(dropped) == ("Left out at this width" in out)
        lines = out.split("Left out at this width")[0].splitlines()[2:]  # after the title and the blank line
        assert all(cell_len(line) <= width for line in lines)
        # every header and every word of every shown cell, each whole, and nothing else (the rule aside)
        tokens = [t for line in lines for t in line.split() if set(t) != {"─"}]
        words = table.columns + [w for row in table.rows for cell in row for w in cell.split(" ")]
        assert Counter(tokens) == Counter(words)


def test_a_fields_title_is_underlined_and_its_fields_are_not():
    from hrplan.views.blocks import Fields

    stream = io.StringIO()
    render([Fields("The title", [("unit", "million jobs")])],
           TermEnv(isatty=True, color=True, encoding="utf-8", width=40), stream)
    title, field = stream.getvalue().splitlines()[:2]
    assert "\x1b[1;4m" in title and "4m" not in field


def test_the_terminal_renderer_writes_no_control_character_from_the_data():
    from hrplan.render.terminal import render
    from hrplan.views.blocks import Fields, Text

    evil = "a\x1b]0;owned\x07b \x1b[31mred \u202eflip \x9bc"
    blocks = [Fields(evil, [(evil, evil)]), Table(evil, [evil, "x"], [[evil, Status("met")]], wrap=[evil]),
              Text(evil + "\nnext"), Table("links", ["id", "address"], [["a", "http://x.org/\x1b[2J"]], links=["address"])]
    for width in (40, 80):
        out = io.StringIO()
        render(blocks, TermEnv(isatty=True, color=False, encoding="utf-8", width=width), out)
        text = out.getvalue()
        assert not any(ord(c) < 32 and c != "\n" or 0x7f <= ord(c) <= 0x9f or 0x202a <= ord(c) <= 0x202e
                       for c in text), repr(text[:200])
        assert "\\x1b]0;owned\\x07" in text and "\\u202e" in text


# ---------------------------------------------------------------- meaning columns and records
def test_meaning_columns_are_never_optional_and_must_be_columns():
    # DROP_ORDER lists "metric" and "reported": a view that gives them as its meaning keeps them
    block = Table("t", ["id", "metric", "baseline", "reported"], [], meaning=("id", "metric", "reported"))
    assert (block.meaning, block.optional) == (["id", "metric", "reported"], ["baseline"])
    # an explicit optional list loses its meaning columns too
    assert Table("t", ["a", "b"], [], optional=("a", "b"), meaning=("b",)).optional == ["a"]
    with pytest.raises(ValueError, match="metric"):
        Table("t", ["id"], [], meaning=("id", "metric"))


# a, b, c, d of 10 cells each; c and a optional, b and d the meaning
MEANT = Table("t", ["a", "b", "c", "d"], [[TEN] * 4], optional=("c", "a"), meaning=("b", "d"))


def test_fit_leaves_out_optional_columns_but_gives_records_rather_than_drop_a_meaning_column():
    # the same drops as FOUR down to 22 cells (b and d, 10 + 2 + 10)
    assert fit(MEANT, 45)[2] == ["c"]
    assert fit(MEANT, 22)[0].columns == ["b", "d"]
    # 21: FOUR has nothing left to drop either; with "d" optional (DROP_ORDER has neither), the
    # meaning "b" alone would fit in 10, but "d" is meaning too: records, the table whole
    assert fit(MEANT, 21) == (MEANT, None, [])
    loose = Table("t", ["a", "b", "c", "d"], [[TEN] * 4], optional=("c", "a", "d"), meaning=("b",))
    assert fit(loose, 21)[0].columns == ["b"] and fit(loose, 10)[2] == ["c", "a", "d"]


def test_fit_takes_out_an_empty_meaning_column_as_any_empty_column():
    # no row has a reported verdict (a plan with no assessment): nothing to show, nothing said
    block = Table("t", ["id", "reported"], [["I.1", ""], ["I.2", None]], meaning=("id", "reported"))
    table, plan, dropped = fit(block, 40)
    assert (table.columns, table.meaning, dropped) == (["id"], ["id"], [])


@settings(max_examples=200, deadline=None)
@given(tables(), st.data())
def test_fit_keeps_every_meaning_column_at_every_width(block, data):
    meaning = data.draw(st.sets(st.sampled_from(block.columns)))
    block = Table("T", block.columns, block.rows, wrap=block.wrap, optional=block.optional, meaning=meaning)
    for width in (20, 40, 80, 120):
        table, plan, dropped = fit(block, width)
        if plan is None:  # records: the whole table, every column
            assert table is block
            continue
        assert set(meaning) <= set(table.columns) and not set(meaning) & set(dropped)
        assert set(dropped) <= set(block.optional)


def test_an_id_column_is_as_wide_as_its_longest_id_and_no_more():
    rows = [["I.1.a", "a b"], ["I.1.e-training", "c d"], ["I.2", "e"]]
    block = Table("t", ["id", "text"], rows, wrap=("text",), meaning=("id", "text"))
    # "I.1.e-training" is 14 cells: the column is 14 at every width, then GAP
    for width in (40, 80, 200):
        assert fit(block, width)[1][0] == ("id", "fixed", 14, 14)
        lines = rendered([block], width).splitlines()
        assert "I.1.a" + " " * (14 - 5 + GAP) + "a b" in lines
        assert "I.1.e-training" + " " * GAP + "c d" in lines


def test_records_number_each_row_and_show_every_field_with_its_label():
    block = Table("Targets", ["id", "metric", "baseline", "status"],
                  [["I.4.c", "Average life expectancy", "", Status("surpassed")],
                   ["I.4.e", "Per-capita funding", "25 yuan (2011)", Status("met")]],
                  wrap=("metric",), optional=("baseline",), meaning=("id", "metric", "status"))
    # 5 + 2 + 10 (the wrap minimum) + 2 + 9 = 28: a table at 28 cells, records at 27
    assert fit(block, 28)[1] is not None
    assert fit(block, 27)[1] is None
    lines = rendered([block], 27).splitlines()
    # label column 8 ("baseline"), then GAP; the rule as wide as the terminal (27 < 40)
    assert lines == ["Targets",
                     "─[ 1 of 2 ]" + "─" * 16,
                     "id        I.4.c", "metric    Average life", "          expectancy", "status    surpassed", "",
                     "─[ 2 of 2 ]" + "─" * 16,
                     "id        I.4.e", "metric    Per-capita", "          funding", "baseline  25 yuan (2011)",
                     "status    met", ""]
    # ASCII where the terminal has no Unicode; a 40-cell rule on a wide terminal
    out = io.StringIO()
    render([Table("T", ["x"], [["a" * 50]], meaning=("x",))], TermEnv(isatty=True, color=False, encoding="ascii", width=45), out)
    assert out.getvalue().splitlines()[1] == "-[ 1 of 1 ]" + "-" * 29


SNIPPET = "the rural poor population fell by 66.63 million in the period"  # 61 cells, words of 10 at most


def test_optional_columns_give_way_until_a_wrapped_meaning_column_has_comfort():
    block = Table("t", ["id", "where", "matched in"], [["O.5", SNIPPET, "x" * 16]], wrap=("where",),
                  optional=("matched in",), meaning=("id", "where"))
    # at 80: 3 + 2 + 2 + 16 = 23 for the others, 57 for the snippet: both kept
    assert fit(block, 80)[2] == []
    # at 41: the snippet would get 41 - 23 = 18 = COMFORT: still kept
    assert fit(block, 41)[2] == []
    # at 40: 17 < COMFORT: "matched in" gives way; the snippet gets 35
    table, plan, dropped = fit(block, 40)
    assert dropped == ["matched in"] and _widths(plan, table, 40) == [3, 35]
    # nothing optional left to give: cramped, but still a table (10 for the snippet at 15)
    alone = Table("t", ["id", "where"], [["O.5", SNIPPET]], wrap=("where",), meaning=("id", "where"))
    assert _widths(fit(alone, 15)[1], alone, 15) == [3, 10]
    # a table without meaning columns keeps the old rule: only what does not fit goes
    plain = Table("t", ["id", "where", "matched in"], [["O.5", SNIPPET, "x" * 16]], wrap=("where",),
                  optional=("matched in",))
    assert fit(plain, 40)[2] == []


def test_records_highlight_a_search_match_as_the_table_does():
    from hrplan.views.blocks import Mark

    block = Table("Matches", ["plan", "where"], [["nhrap-2012-2015", Mark("fell by 66.63 mn", "66.63")]],
                  meaning=("plan", "where"))
    # two short (fixed) columns, 15 + 2 + 16 = 33 > 26: records, the value in the 19 cells beside "where"
    assert fit(block, 26)[1] is None
    assert rendered([block], 26).splitlines()[2:4] == ["plan   nhrap-2012-2015", "where  fell by 66.63 mn"]
    out = io.StringIO()
    render([block], TermEnv(isatty=True, color=True, encoding="utf-8", width=26), out)
    assert "fell by \x1b[1;7m66.63\x1b[0m mn" in out.getvalue()  # bold reverse, as in a table


def test_records_print_a_link_whole_at_the_end_of_its_own_record():
    word = "x" * 16
    block = Table("Sources", ["id", "title", "address"], [["I.1.a-bb", word, URL], ["b", "u", ""]],
                  links=("address",), meaning=("id", "title"))
    # 8 + 2 + 16 = 26 > 24: records, values in the 17 cells beside the 5 of "title"; the address
    # closes the first record, before its blank line; the rule as wide as the terminal
    assert fit(block, 24)[1] is None
    lines = rendered([block], 24).splitlines()
    assert lines[1:6] == ["\u2500[ 1 of 2 ]" + "\u2500" * 13, "id     I.1.a-bb", "title  " + word, URL, ""]
    assert lines[6:] == ["\u2500[ 2 of 2 ]" + "\u2500" * 13, "id     b", "title  u", ""]
