"""Pictures of a view (``--svg FILE``, ``--html FILE``): the table a terminal would show, drawn by
the terminal renderer into Rich's recording console and exported by Rich as SVG or HTML, with the
status colours. For a report or a slide: a scorecard (``stats``), the progress bars, a trend.

A picture is laid out at ``WIDTH`` columns (``COLUMNS`` sets another width), whatever the
terminal, so that the same command draws the same picture. Each file is written whole or not at
all (``hrplan.outfile``).

A picture loads nothing from the network (Rich's own SVG template fetches a web font): its text is
set in the fonts of the machine that shows it (``FONTS``). An HTML page has the answer's title as
its ``<title>``, and its class names carry an id of the picture, so that two pictures pasted into
one page keep their own colours (Rich's SVG names its classes so already).
"""

from __future__ import annotations

import html
import io
import re
import zlib

from rich.console import CONSOLE_SVG_FORMAT, Console

from hrplan import outfile
from hrplan.render.termenv import TermEnv

WIDTH = 100
# Monospace fonts found on the common systems, Chinese ones among them, then the generic family.
FONTS = ("ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', "
         "'Noto Sans Mono CJK SC', 'Sarasa Mono SC', monospace")
# Rich's SVG template without its @font-face rules (web addresses of a font) and with FONTS.
SVG_FORMAT = re.sub(r"\s*@font-face \{\{.*?\}\}", "", CONSOLE_SVG_FORMAT, flags=re.S).replace(
    "font-family: Fira Code, monospace;", f"font-family: {FONTS};")
HTML_FORMAT = """<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<title>{title}</title>
<style>
{{stylesheet}}
.{id} {{{{
    font-family: {fonts};
    color: {{foreground}};
    background-color: {{background}};
}}}}
</style>
</head>
<body>
    <pre class="{id}"><code style="font-family:inherit">{{code}}</code></pre>
</body>
</html>
"""


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


def _braces(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def html_page(console: Console, title: str) -> str:
    """The HTML page of what the console recorded: titled, its classes named ``hrplan-ID-rN``, ID
    a checksum of the page as Rich writes it (the same picture, the same names)."""
    plain = console.export_html(clear=False)
    uid = f"hrplan-{zlib.adler32(plain.encode('utf-8')):08x}"
    template = HTML_FORMAT.format(title=_braces(html.escape(title)), id=uid, fonts=_braces(FONTS))
    page = console.export_html(clear=False, code_format=template)
    head, sep, body = page.partition("</style>")
    head = re.sub(r"^\.r(\d+) \{", rf".{uid}-r\1 {{", head, flags=re.M)
    return head + sep + re.sub(r'<span class="r(\d+)">', rf'<span class="{uid}-r\1">', body)


def save(blocks, svg: str | None = None, html: str | None = None, width: int | None = None, stdout=None) -> None:
    """Write the picture of the blocks as SVG to ``svg`` and as HTML to ``html`` (either may be None;
    ``-``: to ``stdout``)."""
    console = draw(blocks, width)
    title = title_of(blocks)
    if svg:
        outfile.write_text(svg, console.export_svg(title=title, clear=False, code_format=SVG_FORMAT), stdout)
    if html:
        outfile.write_text(html, html_page(console, title), stdout)
