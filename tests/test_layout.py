"""The terminal table layout: wrapping by terminal cell, column plans and column widths.

Every expected value is worked out by hand from the rules in hrplan/render/terminal.py
(BAR_WIDTH 10, SHORT 18, FLEX_MIN 10, WORD_MAX 14, GAP 2); the comments show the arithmetic.
"""

import io

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from hrplan.render.terminal import (BAR_WIDTH, FLEX_MIN, GAP, SHORT, WORD_MAX, _column_plan, _fitting_plan,
                                    _fold, _widths, render, wrap)
from hrplan.termenv import TermEnv
from hrplan.views import Bar, Status, Table


def test_constants_the_hand_worked_values_assume():
    assert (BAR_WIDTH, SHORT, FLEX_MIN, WORD_MAX, GAP) == (10, 18, 10, 14, 2)


# ---------------------------------------------------------------- wrap and _fold


def test_wrap_text_that_fits_is_one_line():
    # 11 cells in 11 (the boundary) and in 80: returned as it is
    assert wrap("hello world", 11) == ["hello world"]
    assert wrap("hello world", 80) == ["hello world"]


def test_wrap_breaks_between_words_and_keeps_them_whole():
    # "the quick" is 9 cells; + " brown" would be 15 > 10; "brown fox" is 9
    assert wrap("the quick brown fox", 10) == ["the quick", "brown fox"]


def test_wrap_folds_only_the_word_longer_than_the_width():
    # 10 letters in width 4: abcd | efgh | ij; the short words around it stay whole
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    # "to" is closed before the fold; "ij" (2) + " ok" would be 5 > 4
    assert wrap("to abcdefghij ok", 4) == ["to", "abcd", "efgh", "ij", "ok"]


def test_wrap_counts_chinese_characters_as_two_cells():
    # 9 characters = 18 cells, one "word": folded three characters (6 cells) a line
    assert wrap("保障公民的工作权利", 6) == ["保障公", "民的工", "作权利"]
    # width 5: a third character would make 6 cells, so two (4 cells) a line
    assert wrap("保障公民的工作权利", 5) == ["保障", "公民", "的工", "作权", "利"]
    # 8 characters but 14 cells: does not fit in 9 (it would, counted in characters);
    # "工作 权利" is 4 + 1 + 4 = 9 cells
    assert wrap("工作 权利 保障", 9) == ["工作 权利", "保障"]


def test_fold_cuts_by_cells():
    assert _fold("abcdefg", 3) == ["abc", "def", "g"]
    # 中 (2) + 文 (2) = 4 > 3: one wide character a piece
    assert _fold("中文字", 3) == ["中", "文", "字"]
    # a (1) + 中 (2) = 3 > 2; 中 (2) + b (1) = 3 > 2
    assert _fold("a中b", 2) == ["a", "中", "b"]


def test_fold_keeps_a_character_wider_than_the_width_whole():
    # a 2-cell character cannot be cut to 1 cell: it gets a piece of its own, no empty pieces
    assert _fold("中文", 1) == ["中", "文"]


TEXT = st.text(alphabet="abcxyz中文字 ", max_size=120)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(1, 80))
def test_wrap_lines_never_exceed_the_width(text, width):
    for line in wrap(text, width):
        # the one exception: width 1 and a 2-cell character, which cannot be cut
        assert cell_len(line) <= width or (width == 1 and len(line) == 1 and cell_len(line) == 2)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(2, 80))
def test_wrap_lines_fit_from_width_two(text, width):
    assert all(cell_len(line) <= width for line in wrap(text, width))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abcxyz中文字", min_size=1, max_size=8), min_size=1, max_size=30),
       st.integers(0, 60))
def test_wrap_gives_back_the_words_when_none_is_too_long(words, extra):
    # every word fits the width, so lines break only at single spaces: joining restores the text
    width = max(cell_len(w) for w in words) + extra
    text = " ".join(words)
    lines = wrap(text, width)
    assert " ".join(lines) == text
    assert [w for line in lines for w in line.split(" ")] == words


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcxyz中文字", min_size=1, max_size=60), st.integers(2, 30))
def test_fold_pieces_fit_and_rejoin(word, width):
    pieces = _fold(word, width)
    assert "".join(pieces) == word
    assert all(0 < cell_len(p) <= width for p in pieces)


# ---------------------------------------------------------------- _column_plan


def test_bar_column_is_fixed_at_bar_width_plus_five():
    # a 10-cell bar, a space and "100%": 15, whatever the header's length
    block = Table("t", ["id", "progress towards the target"], [["a", Bar(0.5)], ["b", Bar(None)]])
    assert _column_plan(block)[1] == ("progress towards the target", "fixed", 15, 15)


def test_short_column_not_in_wrap_is_fixed_at_longest_cell_or_header():
    block = Table("t", ["name", "identifier"], [["ab", "a"], ["abcdef", Status("met")]])
    # longest cell "abcdef" (6) beats header "name" (4); header "identifier" (10) beats "met"
    assert _column_plan(block) == [("name", "fixed", 6, 6), ("identifier", "fixed", 10, 10)]


def test_short_column_boundary_at_short():
    eighteen, nineteen = "a" * 18, "b" * 19
    block = Table("t", ["x", "y"], [[eighteen, nineteen]])
    # 18 cells: still short, fixed; 19 > SHORT: flex even though not in wrap,
    # minimum min(19, max(10, min(19, 14))) = 14
    assert _column_plan(block) == [("x", "fixed", 18, 18), ("y", "flex", 14, 19)]


@pytest.mark.parametrize("cell,low,natural", [
    # longest 11, longest word 5: min(11, max(10, 5)) = 10
    ("a few words", 10, 11),
    # longest 37, longest word "consultation" 12: min(37, max(10, 12)) = 12
    ("broad public consultation on the plan", 12, 37),
    # longest word 20 is capped at WORD_MAX: min(41, max(10, 14)) = 14
    ("a supercalifragilistic word here and more", 14, 41),
    # one 18-cell "word" of Chinese: min(18, max(10, min(18, 14))) = 14
    ("保障公民的工作权利", 14, 18),
    # longest 7 (shorter than FLEX_MIN): min(7, max(10, 3)) = 7
    ("abc def", 7, 7),
])
def test_wrap_column_is_flex_with_word_minimum(cell, low, natural):
    block = Table("t", ["x"], [[cell]], wrap=("x",))
    assert _column_plan(block) == [("x", "flex", low, natural)]


def test_wrap_column_header_counts_for_natural_not_for_words():
    # header "commitment" (10) is the longest; words of the cells are 1 cell: min(10, max(10, 1))
    block = Table("t", ["commitment"], [["a b"]], wrap=("commitment",))
    assert _column_plan(block) == [("commitment", "flex", 10, 10)]


@pytest.mark.parametrize("cell,low,natural", [
    ("broad public consultation on the plan", 10, 37),  # FLEX_MIN, not 12
    ("a supercalifragilistic word here and more", 10, 41),  # FLEX_MIN, not 14
    ("abc def", 7, 7),  # the longest, being under FLEX_MIN
])
def test_without_whole_words_the_minimum_drops_to_flex_min(cell, low, natural):
    block = Table("t", ["x"], [[cell]], wrap=("x",))
    assert _column_plan(block, whole_words=False) == [("x", "flex", low, natural)]


# ---------------------------------------------------------------- _fitting_plan

LONG_WORDS = "we discuss internationalism and constitutionalism at length"  # 59 cells, words capped at 14


def two_wrapped():
    return Table("t", ["a", "b"], [[LONG_WORDS, LONG_WORDS]], wrap=("a", "b"))


def test_fitting_plan_prefers_whole_words():
    # whole words: 14 + 2 + 14 = 30 fits in 30
    assert [low for _, _, low, _ in _fitting_plan(two_wrapped(), 30)] == [14, 14]


def test_fitting_plan_falls_back_to_folding_words():
    # 30 > 29, but FLEX_MIN: 10 + 2 + 10 = 22 fits, down to 22 exactly
    assert [low for _, _, low, _ in _fitting_plan(two_wrapped(), 29)] == [10, 10]
    assert [low for _, _, low, _ in _fitting_plan(two_wrapped(), 22)] == [10, 10]


def test_fitting_plan_is_none_when_minimums_do_not_fit():
    assert _fitting_plan(two_wrapped(), 21) is None
    # fixed columns count too: 15 (bar) + 2 + 6 = 23
    block = Table("t", ["p", "name"], [[Bar(1), "abcdef"]])
    assert _fitting_plan(block, 23) is not None
    assert _fitting_plan(block, 22) is None


# ---------------------------------------------------------------- _widths

WRAPPED = Table("t", ["id", "text", "note"], [], wrap=("text",))  # "text" three shares, "note" one


def test_widths_natural_when_everything_fits():
    plan = [("id", "fixed", 5, 5), ("text", "flex", 10, 40), ("note", "flex", 10, 20)]
    # 5 + 40 + 20 + 4 = 69: natural at 69 exactly, and not stretched at 200
    assert _widths(plan, WRAPPED, 69) == [5, 40, 20]
    assert _widths(plan, WRAPPED, 200) == [5, 40, 20]


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


def test_widths_all_at_minimum_when_only_minimums_fit():
    plan = [("id", "fixed", 5, 5), ("text", "flex", 14, 100), ("note", "flex", 14, 60)]
    # 5 + 14 + 14 + 4 = 37: exactly the minimums
    assert _widths(plan, WRAPPED, 37) == [5, 14, 14]


def test_widths_fixed_columns_keep_natural_width():
    plan = [("bar", "fixed", 15, 15), ("text", "flex", 10, 100), ("status", "fixed", 9, 9)]
    block = Table("t", ["bar", "text", "status"], [], wrap=("text",))
    # room 40 - 4 - 15 - 9 = 12 goes to the one flex column
    assert _widths(plan, block, 40) == [15, 12, 9]


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
        if kind == "fixed":
            assert w == natural
        else:
            assert low <= w <= natural
    if fits:
        assert sum(widths) + gaps <= width


# ---------------------------------------------------------------- end to end

ROWS = [
    ["I.1", "Guarantee the right to work and raise the employment rate of persons with disabilities"],
    ["I.2", "保障公民的工作权利，提高残疾人就业率，并改善劳动条件和社会保障制度"],
    ["II.10", "Publish an annual report on implementation, with internationalisation of reviews, "
              "hearings of civil society organisations and a public record of each recommendation"],  # 164 cells
]


@pytest.mark.parametrize("width", [40, 80, 120])
def test_render_wrapped_table_stays_within_the_terminal(width):
    block = Table("Goals of a chapter, with a title long enough to need wrapping at forty cells",
                  ["id", "commitment"], ROWS, wrap=("commitment",))
    assert _fitting_plan(block, width) is not None  # printed as a table, not as records
    stream = io.StringIO()
    render([block], TermEnv(isatty=True, color=False, encoding="utf-8", width=width), stream)
    lines = stream.getvalue().splitlines()
    assert any(line.startswith("id") and "commitment" in line for line in lines)  # the header row
    assert max(cell_len(line) for line in lines) <= width
    # the 164-cell commitment is wrapped at every width, its words (20 cells at most) kept whole
    assert not any(ROWS[2][1] in line for line in lines)
    assert all(word in stream.getvalue() for word in ROWS[2][1].split(" "))
    assert "\x1b" not in stream.getvalue()  # no colour asked for

