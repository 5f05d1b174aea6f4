"""Terminal output with Rich: tables that wrap rather than cut, status words in colour."""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text as RichText

from hrplan.views import Bar, Fields, Status, Table, Text

BAR_WIDTH = 10
SHORT = 18  # a column whose cells are all at most this long is never wrapped
FLEX_MIN = 10  # narrowest a wrapped column may become
STYLES = {
    "surpassed": "bold green", "met": "green", "on_track": "cyan", "needs_acceleration": "yellow",
    "limited_progress": "yellow", "deterioration": "red", "not_met": "bold red",
    "indeterminate": "magenta", "no_data": "dim", "not_quantified": "dim",
}


def console_for(env, stream=None) -> Console:
    return Console(
        file=stream, width=env.width, color_system="auto" if env.color else None,
        force_terminal=env.color or None, no_color=not env.color, highlight=False,
        emoji=False, legacy_windows=False, safe_box=not env.unicode,
    )


def _cell(value, ascii_only: bool):
    if isinstance(value, Status):
        return RichText(str(value), style=STYLES.get(str(value), ""))
    if isinstance(value, Bar):
        if value.share is None:
            return RichText("")
        filled = round(max(0.0, min(value.share, 1.0)) * BAR_WIDTH)
        full, empty = ("#", "-") if ascii_only else ("\u2501", "\u2500")
        text = RichText(full * filled, style="green" if value.share >= 1 else "cyan")
        text.append(empty * (BAR_WIDTH - filled), style="dim")
        text.append(f" {value}")
        return text
    return RichText(str(value))


def render(blocks, env, stream=None) -> None:
    console = console_for(env, stream)
    ascii_only = not env.unicode
    for block in blocks:
        if isinstance(block, Table) and (block.links or console.width < _needed_width(block)):
            _records(console, block, ascii_only)
        elif isinstance(block, Table):
            plan = _column_plan(block)
            squeeze = sum(natural + 2 for _, _, _, natural in plan) > console.width
            t = RichTable(title=block.title, title_justify="left", title_style="bold",
                          box=box.ASCII if ascii_only else box.SIMPLE_HEAD, show_lines=False,
                          header_style="bold", expand=squeeze, pad_edge=False)
            for name, kind, width, natural in plan:
                if kind == "flex" and squeeze:
                    t.add_column(name, overflow="fold", ratio=3 if name in block.wrap else 1, min_width=width)
                else:  # bars, ids, statuses, numbers: never broken inside a word
                    t.add_column(name, no_wrap=True, width=natural if squeeze else None)
            for row in block.rows:
                t.add_row(*(_cell(c, ascii_only) for c in row))
            console.print(t)
        elif isinstance(block, Fields):
            t = RichTable.grid(padding=(0, 2))
            t.add_column(style="bold", no_wrap=False, overflow="fold")
            t.add_column(overflow="fold", ratio=1)
            for k, v in block.pairs:
                t.add_row(k, _cell(v, ascii_only))
            console.print(RichText(block.title, style="bold underline"))
            console.print(t)
            console.print()
        elif isinstance(block, Text):
            console.print(RichText(block.text, style=block.style))


def _column_plan(block: Table):
    """(name, "flex" or "fixed", minimum width, natural width) for each column of a table."""
    plan = []
    for i, name in enumerate(block.columns):
        cells = [row[i] for row in block.rows]
        if any(isinstance(c, Bar) for c in cells):
            plan.append((name, "fixed", BAR_WIDTH + 5, BAR_WIDTH + 5))
            continue
        longest = max([cell_len(str(c)) for c in cells] + [cell_len(name)])
        if name in block.wrap or longest > SHORT:
            plan.append((name, "flex", min(longest, FLEX_MIN), longest))
        else:
            plan.append((name, "fixed", longest, longest))
    return plan


def _needed_width(block: Table) -> int:
    """The narrowest terminal a table fits in without cutting a column."""
    return sum(width + 2 for _, _, width, _ in _column_plan(block))


def _records(console, block: Table, ascii_only: bool) -> None:
    """A table too wide for the terminal, printed as one record per row: label, then value."""
    console.print(RichText(block.title, style="bold"))
    label_width = max(cell_len(name) for name in block.columns)
    for row in block.rows:
        grid = RichTable.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True, min_width=label_width)
        grid.add_column(overflow="fold", ratio=1)
        links = []
        for name, cell in zip(block.columns, row):
            if str(cell) == "":
                continue
            if name in block.links:
                links.append(str(cell))
            else:
                grid.add_row(name, _cell(cell, ascii_only))
        console.print(RichText("-" * min(console.width, 40), style="dim"))
        console.print(grid)
        for link in links:  # whole, on a line of its own: the terminal wraps it, copying keeps it
            console.print(RichText(link, style="underline" if console.color_system else ""), soft_wrap=True)
    console.print()
