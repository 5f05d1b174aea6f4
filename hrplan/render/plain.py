"""Plain output for pipes: every value whole, tab-separated (as gh does).

A command whose answer is one table prints just its rows, with no header line unless asked for
(``--header``), so that ``cut`` and ``sort`` see data only; an answer of several blocks prints
each under a ``# title`` line with its column names, blocks separated by a blank line. No colour
unless FORCE_COLOR. A tab, newline or carriage return inside a value becomes a space (one row a
line); any other control character or bidirectional override is written visibly escaped
(``hrplan.core.unsafe.visible``): only hrplan's own colours reach the terminal.
"""

from __future__ import annotations

from hrplan.core import statuses
from hrplan.core.unsafe import visible
from hrplan.views.blocks import Fields, Status, Table, Text

ANSI = {name: statuses.ansi(colour) for name, colour in statuses.COLOURS.items()}


def _clean(value) -> str:
    return visible(str(value).replace("\t", " ").replace("\r", " ").replace("\n", " "))


def _cell(value, color: bool) -> str:
    if isinstance(value, Status) and color and value in ANSI:
        return f"\x1b[{ANSI[value]}m{value}\x1b[0m"
    return _clean(value)


def render(blocks, stream, color: bool = False, header: bool = False) -> None:
    single = len([b for b in blocks if isinstance(b, Table)]) == 1 and all(
        isinstance(b, Table) or (isinstance(b, Text) and b.style == "dim") for b in blocks)
    out = []
    for block in blocks:
        if isinstance(block, Table):
            if not single:
                out.append(f"# {_clean(block.title)}")
            if header or not single:
                out.append("\t".join(_clean(c) for c in block.columns))
            out.extend("\t".join(_cell(c, color) for c in row) for row in block.rows)
        elif isinstance(block, Fields):
            out.append(f"# {_clean(block.title)}")
            out.extend(f"{_clean(k)}\t{_cell(v, color)}" for k, v in block.pairs)
        elif isinstance(block, Text):
            if single and block.style == "dim":
                continue  # a legend is for people at a terminal; keep piped tables pure rows
            out.append(visible(block.text, keep="\n\t"))
        if not single:
            out.append("")
    text = "\n".join(out).rstrip("\n")
    text = text + "\n" if text else ""
    stream.write(text)
    stream.flush()
