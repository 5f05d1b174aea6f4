"""Pictures of a view (``--svg FILE``, ``--html FILE``): the table a terminal would show, drawn by
the terminal renderer into Rich's recording console and exported by Rich as SVG or HTML, with the
status colours. For a report or a slide: a scorecard (``stats``), the progress bars, a trend.

A picture is laid out at ``WIDTH`` columns (``COLUMNS`` sets another width), whatever the
terminal, so that the same command draws the same picture. Each file is written whole or not at
all (``hrplan.outfile``).
"""

from __future__ import annotations

import io

from rich.console import Console

from hrplan import outfile
from hrplan.render.termenv import TermEnv

WIDTH = 100


def recording(width: int) -> Console:
    """A console that records what is printed, in colour, whatever the environment says (a picture
    is not a terminal: NO_COLOR is about terminals)."""
    return Console(file=io.StringIO(), record=True, width=width, color_system="truecolor", force_terminal=True,
                   no_color=False, highlight=False, emoji=False, legacy_windows=False, safe_box=False)


def title_of(blocks) -> str:
    """The title of a picture: its first heading."""
    for block in blocks:
        title = getattr(block, "title", None) or getattr(block, "text", None)
        if title:
            return title.splitlines()[0]
    return "hrplan"


def draw(blocks, width: int | None = None) -> Console:
    """The blocks of a view printed into a recording console."""
    from hrplan.render import terminal

    width = width or WIDTH
    console = recording(width)
    terminal.render(blocks, TermEnv(isatty=True, color=True, encoding="utf-8", width=width), console=console)
    return console


def save(blocks, svg: str | None = None, html: str | None = None, width: int | None = None, stdout=None) -> None:
    """Write the picture of the blocks as SVG to ``svg`` and as HTML to ``html`` (either may be None;
    ``-``: to ``stdout``)."""
    console = draw(blocks, width)
    if svg:
        outfile.write_text(svg, console.export_svg(title=title_of(blocks), clear=False), stdout)
    if html:
        outfile.write_text(html, console.export_html(clear=False), stdout)
