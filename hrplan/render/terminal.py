"""Terminal output with Rich: tables that wrap rather than cut, status words in colour.

hrplan lays its tables out itself (column widths by terminal cell, so Chinese text stays
aligned; words wrapped, only over-long words folded; ids, statuses and bars never broken) and
hands Rich styled lines to print. Rich's own Table is general and costs several times more per
cell, and start-up time is hrplan's speed. A table too wide for the terminal leaves out the
columns its view marks optional, never those that give a row its meaning; when even those cannot
stand side by side, it is printed as one record per row instead. Web addresses go whole on
their own lines so that they can be copied.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text as RichText

from hrplan.core import statuses
from hrplan.core.unsafe import visible
from hrplan.views.blocks import Bar, Fields, Lines, Mark, Markdown, Status, Table, Text

BAR_WIDTH = 10
EXCESS_MAX = 5  # cells past the end of a bar, one per tenth beyond the target
SHORT = 18  # a column whose cells are all at most this long is never wrapped
FLEX_MIN = 10  # narrowest a wrapped column may become
GAP = 2  # spaces between columns
COMFORT = 18  # optional columns give way until a wrapped meaning column gets this much
STYLES = statuses.COLOURS


def console_for(env, stream=None) -> Console:
    return Console(
        file=stream, width=env.width, color_system="auto" if env.color else None,
        force_terminal=env.color or None, no_color=not env.color, highlight=False,
        emoji=False, legacy_windows=False, safe_box=not env.unicode,
    )


def _bar(value: Bar, ascii_only: bool) -> RichText:
    """A bar of BAR_WIDTH cells; a progress beyond the target adds a "+" per tenth past its end
    (EXCESS_MAX at most), so that 145% differs from 100% at a glance."""
    filled = round(max(0.0, min(value.share, 1.0)) * BAR_WIDTH)
    full, empty = ("#", "-") if ascii_only else ("\u2501", "\u2500")
    style = "blue" if value.label is not None else "green" if value.share >= 1 else "cyan"
    text = RichText(full * filled, style=style)
    text.append(empty * (BAR_WIDTH - filled), style="dim")
    excess = 0 if value.label is not None else min(EXCESS_MAX, int(round((value.share - 1) * 10, 6)))
    if excess > 0:
        text.append("+" * excess, style="bold green")
    text.append(" " * (EXCESS_MAX - max(excess, 0)) if value.label is None else "")
    text.append(f" {value}")
    return text


def _styled(value, ascii_only: bool) -> tuple[str, str | None, RichText | None]:
    """(plain text, style, prebuilt Text) of a cell."""
    if isinstance(value, Status):
        return visible(str(value)), STYLES.get(str(value)), None
    if isinstance(value, Mark):
        return visible(str(value)), ("mark", value.term), None
    if isinstance(value, Bar):
        if value.share is None:
            return "", None, None
        return "", None, _bar(value, ascii_only)
    return visible(str(value)), None, None


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` terminal cells, broken only between words: a word longer than
    ``width`` (an id, an address, a long compound) stands whole on a line of its own. A hyphen is
    no place to break: an id such as ``other-en-chinadaily`` looks like a compound."""
    if cell_len(text) <= width:
        return [text]
    lines, line, used = [], "", 0
    for word in text.split(" "):
        w = cell_len(word)
        if line and used + 1 + w > width:
            lines.append(line)
            line, used = word, w
        else:
            line, used = (f"{line} {word}", used + 1 + w) if line else (word, w)
    lines.append(line)
    return lines


def _bar_width(cells) -> int:
    return BAR_WIDTH + EXCESS_MAX + 1 + max([4] + [cell_len(str(c)) for c in cells if isinstance(c, Bar)])


def _column_plan(block: Table):
    """(name, "flex" or "fixed", minimum width, natural width) for each column of a table.

    No column is narrower than its longest word (or its header's), so that no word, id or status
    is ever broken; a column of short values is as wide as its longest value."""
    plan = []
    for i, name in enumerate(block.columns):
        cells = [row[i] for row in block.rows]
        if any(isinstance(c, Bar) for c in cells):
            width = max(_bar_width(cells), cell_len(name))
            plan.append((name, "fixed", width, width))
            continue
        longest = max([cell_len(str(c)) for c in cells] + [cell_len(name)])
        if name in block.wrap or longest > SHORT:
            word = max((cell_len(w) for c in [*cells, name] for w in str(c).split(" ")), default=0)
            plan.append((name, "flex", min(longest, max(word, min(FLEX_MIN, longest))), longest))
        else:
            plan.append((name, "fixed", longest, longest))
    return plan


def _fits(plan, width: int) -> bool:
    return sum(w for _, _, w, _ in plan) + GAP * (len(plan) - 1) <= width


def _without(block: Table, names) -> Table:
    """The table without the named columns."""
    keep = [i for i, c in enumerate(block.columns) if c not in names]
    return Table(block.title, [block.columns[i] for i in keep], [[row[i] for i in keep] for row in block.rows],
                 wrap=block.wrap, links=block.links, optional=[c for c in block.optional if c not in names],
                 meaning=[c for c in block.meaning if c not in names])


def _empty(cell) -> bool:
    return cell is None or (isinstance(cell, Bar) and cell.share is None and cell.label is None) or str(cell) == ""


def _cramped(table: Table, plan, width: int) -> bool:
    """Whether a wrapped column of the table's meaning gets less than COMFORT cells (or its natural
    width, if less) beside the other columns."""
    widths = _widths(plan, table, width)
    return any(name in table.meaning and name in table.wrap and w < min(natural, COMFORT)
               for (name, _, _, natural), w in zip(plan, widths))


def fit(block: Table, width: int):
    """(table, column plan, columns left out) of a table laid out for ``width`` cells: empty columns
    and web-address columns (printed whole under their row) taken out, then the view's optional
    columns, least useful first, until the rest fits and the long text of its meaning columns has
    COMFORT cells or all it needs; plan None (one record per row) when even its meaning columns do
    not fit. A column of the table's ``meaning`` is never left out."""
    gone = [c for i, c in enumerate(block.columns) if block.rows and all(_empty(r[i]) for r in block.rows)]
    table = _without(block, set(gone) | block.links)
    dropped, best = [], None
    for name in [None, *block.optional]:
        if name is not None:
            if name not in table.columns:
                continue
            table = _without(table, {name})
            dropped.append(name)
        plan = _column_plan(table)
        if _fits(plan, width):
            if best is None:
                best = table, plan, list(dropped)
            if not _cramped(table, plan, width):
                return table, plan, dropped
    return best if best is not None else (block, None, [])


def _widths(plan, block: Table, width: int) -> list[int]:
    """Column widths: natural where the terminal allows, else the room shared by the wrapped
    columns (long-text columns three shares, others one), none below its minimum."""
    gaps = GAP * (len(plan) - 1)
    natural = [n for _, _, _, n in plan]
    if sum(natural) + gaps <= width:
        return natural
    fixed = sum(n for _, kind, _, n in plan if kind == "fixed")
    flex = [(i, name, low, n) for i, (name, kind, low, n) in enumerate(plan) if kind == "flex"]
    room = width - gaps - fixed
    widths = list(natural)
    shares = {i: (3 if name in block.wrap else 1) for i, name, _, _ in flex}
    pending = {i for i, _, _, _ in flex}
    # Give each flexible column its share; a column that needs less than its share gives the
    # rest back; repeat until the shares settle.
    while pending:
        total = sum(shares[i] for i in pending)
        settled = False
        for i in sorted(pending):
            share = room * shares[i] // total if total else 0
            if plan[i][3] <= share:
                widths[i] = plan[i][3]
                room -= widths[i]
                pending.discard(i)
                settled = True
                break
        if not settled:
            for i in pending:
                widths[i] = max(plan[i][2], room * shares[i] // total)
            break
    # A minimum above a column's share can leave the sum too wide: narrow the roomiest columns.
    excess = sum(widths) + gaps - width
    while excess > 0:
        i = max((i for i, _, _, _ in flex), key=lambda i: widths[i] - plan[i][2])
        if widths[i] <= plan[i][2]:
            break
        widths[i] -= 1
        excess -= 1
    return widths


def _append(out: RichText, piece, style) -> None:
    """One line of a cell: prebuilt (a bar), a search match with its term highlighted, or text."""
    if isinstance(piece, RichText):
        out.append_text(piece)
    elif isinstance(style, tuple):
        marked = RichText(piece)
        marked.highlight_words([style[1]], style="bold reverse", case_sensitive=False)
        out.append_text(marked)
    else:
        out.append(piece, style=style)


def _table(console: Console, block: Table, plan, ascii_only: bool, links=()) -> None:
    """A table laid out by ``fit``; ``links``: per row, the web addresses to print whole under it."""
    widths = _widths(plan, block, console.width)
    out = RichText(end="")
    out.append("\n".join(wrap(visible(block.title), console.width)) + "\n\n", style="bold")
    gap = " " * GAP

    def emit_row(cells, header=False):
        columns = []
        for (text, style, pre), w in zip(cells, widths):
            columns.append((wrap(text, w) if pre is None else [pre], style, w))
        for k in range(max(len(lines) for lines, _, _ in columns)):
            for j, (lines, style, w) in enumerate(columns):
                if j:
                    out.append(gap)
                piece = lines[k] if k < len(lines) else ""
                _append(out, piece, "bold" if header else style)
                pad = w - (piece.cell_len if isinstance(piece, RichText) else cell_len(piece))
                if j < len(columns) - 1 and pad > 0:
                    out.append(" " * pad)
            out.append("\n")

    emit_row([(visible(name), None, None) for name in block.columns], header=True)
    out.append(("-" if ascii_only else "\u2500") * (sum(widths) + GAP * (len(widths) - 1)) + "\n", style="dim")
    for n, row in enumerate(block.rows):
        emit_row([_styled(c, ascii_only) for c in row])
        for url in (links[n] if links else ()):
            # whole, on a line of its own: the terminal wraps it, and a copy keeps it intact
            out.append(" " * GAP + visible(url) + "\n", style="underline" if console.color_system else None)
    console.print(out, soft_wrap=True)


def _pairs(console: Console, title: str, pairs, ascii_only: bool, title_style="bold underline",
           label_width: int | None = None, out: RichText | None = None) -> None:
    """Label and value, the value wrapped beside the label; a label wider than ``label_width``, or
    a value with a word too long to sit beside it, takes a line of its own, the value under it.
    Printed, or appended to ``out`` (a record's lines)."""
    printed, out = out is None, RichText() if out is None else out
    if title:  # styled as a span: a Text's own style would run through every line appended to it
        out.append("\n".join(wrap(visible(title), console.width)) + "\n", style=title_style)
    if label_width is None:
        label_width = max((cell_len(k) for k, _ in pairs), default=0)
    room = console.width - label_width - GAP
    for k, v in pairs:
        text, style, pre = _styled(v, ascii_only)
        indent = label_width
        if cell_len(k) > label_width or (
                pre is None and (room < 10 or max((cell_len(w) for w in text.split(" ")), default=0) > room)):
            # the value goes under its label, nearly full width
            out.append("\n".join(wrap(visible(k), console.width)) + "\n", style="bold")
            indent, lines = 0, [pre] if pre is not None else wrap(text, max(10, console.width - GAP))
            k = ""
        else:
            lines = [pre] if pre is not None else wrap(text, max(room, 1))
        for n, line in enumerate(lines):
            out.append((visible(k) if n == 0 else "").ljust(indent) + " " * GAP, style="bold")
            _append(out, line, style)
            out.append("\n")
    if printed:
        console.print(out, soft_wrap=True)


RULE = 40  # the width of the rule that opens each record (the terminal's, if narrower)


def _records(console: Console, block: Table, ascii_only: bool) -> None:
    """A table whose meaning columns cannot stand side by side, printed as one record per row (as
    psql's expanded display): a rule numbering the row, then a label and a value per field, every
    column included; empty fields left out, web addresses whole on lines of their own."""
    out = RichText()
    out.append("\n".join(wrap(visible(block.title), console.width)) + "\n", style="bold")
    dash = "-" if ascii_only else "\u2500"
    # labels as wide as the longest that leaves the values half the terminal; a longer label stands
    # on a line of its own, its value under it
    label_width = max([cell_len(name) for name in block.columns
                       if name not in block.links and cell_len(name) <= console.width // 2] or [0])
    for n, row in enumerate(block.rows, 1):
        head = f"{dash}[ {n} of {len(block.rows)} ]"
        out.append(head + dash * max(0, min(console.width, RULE) - cell_len(head)) + "\n", style="dim")
        pairs = [(name, cell) for name, cell in zip(block.columns, row)
                 if not _empty(cell) and name not in block.links]
        _pairs(console, "", pairs, ascii_only, label_width=label_width, out=out)
        for name, cell in zip(block.columns, row):
            if name in block.links and str(cell):
                # whole, on a line of its own: the terminal wraps it, and a copy keeps it intact
                out.append(visible(str(cell)) + "\n", style="underline" if console.color_system else None)
        out.append("\n")
    console.print(out, soft_wrap=True, end="")


def render(blocks, env, stream=None, console=None) -> None:
    """Print the blocks of a view to ``stream`` (standard output), or to ``console`` (a recording
    console: ``hrplan.render.picture``)."""
    console = console or console_for(env, stream)
    ascii_only = not env.unicode
    for block in blocks:
        if isinstance(block, Table):
            table, plan, dropped = fit(block, console.width)
            if plan is None:
                _records(console, block, ascii_only)
                continue
            link_cols = [i for i, c in enumerate(block.columns) if c in block.links]
            links = [[str(row[i]) for i in link_cols if str(row[i])] for row in block.rows] if link_cols else None
            _table(console, table, plan, ascii_only, links)
            if dropped:
                console.print(RichText(f"Left out at this width: {', '.join(dropped)} (a wider terminal or "
                                       "--format plain shows them).", style="dim"))
                console.print()  # a blank line, as after a table, before the next block
        elif isinstance(block, Fields):
            _pairs(console, block.title, block.pairs, ascii_only)
        elif isinstance(block, Markdown):
            from rich.markdown import Markdown as RichMarkdown

            console.print(RichMarkdown(block.text, code_theme="ansi_dark", hyperlinks=False))
        elif isinstance(block, Text):
            # Lines are never wrapped: a long line runs past the edge, whole, as the terminal shows it
            console.print(RichText(visible(block.text, keep="\n\t"), style=block.style), soft_wrap=isinstance(block, Lines))
