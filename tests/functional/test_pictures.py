"""--svg and --html: the table a terminal shows, saved as a picture through Rich's recording console."""

import html
import os
import re
import xml.etree.ElementTree as ET

import pytest

PLAN = "nhrap-2012-2015"
SVG = "{http://www.w3.org/2000/svg}"

# every command whose view prints a table or bars, with arguments (the bundled data, pinned)
VIEWS = {
    "summary": ["--plan", PLAN], "areas": ["--plan", PLAN], "goals": ["III.5", "--plan", PLAN],
    "quotas": ["I.4", "--plan", PLAN], "stats": ["livelihood", "--plan", PLAN], "progress": ["--plan", PLAN],
    "show": ["I.1.a", "--plan", PLAN], "search": ["66.63"], "sources": ["--plan", PLAN],
    "notes": ["II.3", "--plan", PLAN], "tags": ["--plan", PLAN], "plans": [], "indicators": ["health"],
    "trend": ["urban-jobs"], "compare": ["nhrap-2012-2015", "nhrap-2016-2020", "health"],
}


def svg_text(path) -> str:
    """The text an SVG picture shows, line by line and column by column as Rich lays it out (the
    file parsed as XML; each piece of text is placed at its column, from its x and the width of a
    cell). The window's title is left out."""
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    pieces = [(float(el.get("y")), float(el.get("x")), el.text.replace("\xa0", " "), float(el.get("textLength")))
              for el in root.iter(f"{SVG}text") if el.get("textLength") and el.text]
    cell = min(length / len(text) for _, _, text, length in pieces if text.isascii())
    lines = {}
    for y, x, text, _ in pieces:
        line = lines.setdefault(y, {})
        line[round(x / cell)] = text
    out = []
    for y in sorted(lines):
        row = ""
        for column, text in sorted(lines[y].items()):
            row = row.ljust(column) + text
        out.append(row)
    return "\n".join(out)


def html_text(path) -> str:
    with open(path, encoding="utf-8") as fh:
        return html.unescape(re.sub(r"<[^>]+>", "", fh.read()))


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_table_view_saves_an_svg_and_an_html_picture(run, tmp_path, name):
    svg, page = tmp_path / f"{name}.svg", tmp_path / f"{name}.html"
    r = run(name, *VIEWS[name], "--svg", str(svg), "--html", str(page))
    assert r.exit_code == 0, r.stderr
    shown = svg_text(svg)
    first = r.stdout.splitlines()[0].split("\t")[0].lstrip("# ")  # what the plain output starts with
    assert first[:40] in shown and first[:40] in html_text(page)


def test_the_scorecard_picture_holds_the_answers_key_figures(run, tmp_path):
    svg, page = tmp_path / "card.svg", tmp_path / "card.html"
    r = run("stats", "livelihood", "--plan", PLAN, "--json", "--svg", str(svg), "--html", str(page))
    assert r.exit_code == 0, r.stderr
    answer = r.json()  # standard output still gets the form asked for
    text, shown = html_text(page), svg_text(svg)
    for figure in answer["key_figures"]:
        assert figure["goal_id"] in text and figure["status"] in text
        assert figure["goal_id"] in shown
    counts = ", ".join(f"{k} {v}" for k, v in answer["quantified_status_counts"].items() if v)
    assert counts == "surpassed 7, met 3, indeterminate 1, no_data 17"
    assert counts in " ".join(text.split())
    assert "O.2-livelihood" in text and "13.12" in text and "13.12" in shown
    assert str(answer["goal_count"]) in text


def test_the_progress_picture_draws_the_bars(run, tmp_path):
    svg = tmp_path / "progress.svg"
    assert run("progress", "I.1", "--plan", PLAN, "--svg", str(svg)).exit_code == 0
    shown = svg_text(svg)
    assert "\u2501" * 10 + "++++" in shown and "145%" in shown and "surpassed" in shown


def test_the_trend_picture_draws_the_yearly_figures(run, tmp_path):
    page = tmp_path / "trend.html"
    assert run("trend", "urban-jobs", "--html", str(page)).exit_code == 0
    text = html_text(page)
    assert all(f in text for f in ("12.66 million jobs", "13.22 million jobs", "\u2501"))


def test_a_picture_keeps_its_colours_under_no_color_and_its_width_from_columns(run, tmp_path):
    page, svg = tmp_path / "p.html", tmp_path / "p.svg"
    r = run("stats", "I.1", "--plan", PLAN, "--html", str(page), "--svg", str(svg), env={"NO_COLOR": "1",
                                                                                         "COLUMNS": "60"})
    assert r.exit_code == 0
    assert "color: #" in page.read_text(encoding="utf-8")
    assert max(len(line.rstrip()) for line in svg_text(svg).splitlines()) <= 60


def test_a_picture_that_cannot_be_written_is_an_error_and_leaves_nothing(run, tmp_path):
    r = run("stats", "I.1", "--plan", PLAN, "--svg", str(tmp_path / "no" / "card.svg"))
    assert r.exit_code == 1 and "cannot write" in r.stderr
    assert not os.path.exists(tmp_path / "no")


# ------------------------------------------------------------------ offline, titled, self-contained

def _pictures(run, tmp_path, name):
    svg, page = tmp_path / f"{name}.svg", tmp_path / f"{name}.html"
    r = run(name, *VIEWS[name], "--svg", str(svg), "--html", str(page))
    assert r.exit_code == 0, r.stderr
    return r, svg.read_text(encoding="utf-8"), page.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["stats", "trend", "compare"])
def test_a_picture_loads_nothing_from_the_network(run, tmp_path, name):
    """No web font (Rich's template fetches Fira Code from a CDN), no address to load: the text is
    set in the monospace fonts of the machine that shows it."""
    _, svg, page = _pictures(run, tmp_path, name)
    for text in (svg, page):
        assert not re.search(r"@font-face|@import|url\((?!#)|\b(?:src|href)\s*=", text, re.I)  # url(#id): its own
    # the only addresses left are the SVG namespace and Rich's credit line, which load nothing
    assert set(re.findall(r"https?://[^\s\"'<>)]+", svg)) == {"http://www.w3.org/2000/svg", "https://www.textualize.io"}
    assert not re.search(r"https?://", page.split("<pre", 1)[0])  # the head and styles; the text may cite addresses
    matrix = re.search(r"-matrix \{[^}]*font-family: ([^;]+);", svg).group(1)
    assert "Fira Code" not in matrix and matrix.endswith("monospace") and "Noto Sans Mono CJK SC" in matrix
    assert re.search(r"font-family: [^;]*monospace;", page.split("</style>")[0])


@pytest.mark.parametrize("name", ["stats", "tags", "search", "compare"])
def test_an_html_page_is_titled_by_its_answer(run, tmp_path, name):
    _, _, page = _pictures(run, tmp_path, name)
    shown = run(name, *VIEWS[name], "--format", "table", env={"COLUMNS": "400"}).stdout
    first = shown.splitlines()[0].strip()  # the answer's heading, as a terminal shows it first
    titles = re.findall(r"<title>(.*?)</title>", page, re.S)
    assert len(titles) == 1 and html.unescape(titles[0]) == first and first


def test_a_title_is_escaped_and_may_hold_braces():
    from hrplan.render import picture

    console = picture.recording(40)
    console.print("a <b> & {c}")
    page = picture.html_page(console, "a <b> & {c}")
    assert "<title>a &lt;b&gt; &amp; {c}</title>" in page and "a &lt;b&gt; &amp; {c}" in page.split("<pre")[1]


def _classes(text: str) -> tuple[set, set]:
    """(class names used in the markup, class names the style sheet defines)."""
    used = {c for attr in re.findall(r'class="([^"]+)"', text) for c in attr.split()}
    styles = " ".join(re.findall(r"<style>(.*?)</style>", text, re.S))
    return used, set(re.findall(r"^\s*\.([\w-]+) \{", styles, re.M))


def test_two_pictures_on_one_page_keep_their_own_class_names(run, tmp_path):
    """Pasted into one page, two pictures share no class name that a style sheet sets, so that
    neither repaints the other; every class used in a page is one it defines (bar the SVG's root)."""
    pictures = [_pictures(run, tmp_path, name)[1:] for name in ("stats", "tags")]
    for kind in (0, 1):  # SVG, HTML
        (used_a, defined_a), (used_b, defined_b) = (_classes(p[kind]) for p in pictures)
        assert defined_a and defined_b and not defined_a & defined_b
        assert used_a - {"rich-terminal"} <= defined_a and used_b - {"rich-terminal"} <= defined_b
    html_a, html_b = (p[1] for p in pictures)
    assert not re.search(r'class="r\d+"|^\.r\d+ ', html_a + html_b, re.M)  # Rich's bare names, renamed
    assert "body {" not in html_a + html_b  # the page's colours on its own block, not on the whole page
