"""The display blocks a view is made of (Table, Fields, Text, Lines, Markdown, Bar, Status, Mark),
which every renderer draws."""

from __future__ import annotations


class Status(str):
    """A cell holding a computed status (renderers colour it; the word carries the meaning)."""


class Mark(str):
    """A cell of text in which the terminal renderer highlights ``term`` (a search match)."""

    term = ""

    def __new__(cls, text, term):
        self = super().__new__(cls, text)
        self.term = term
        return self


class Bar:
    """A cell holding a progress share (0..1 or more), drawn as a bar or printed as a percent; or,
    with a ``label``, a figure's length on a chart (its share of the chart's largest figure),
    printed as the label."""

    __slots__ = ("share", "label")

    def __init__(self, share, label=None):
        self.share, self.label = share, label

    def __str__(self) -> str:
        if self.label is not None:
            return self.label
        return "" if self.share is None else f"{self.share * 100:.0f}%"


class Table:
    """Rows under column names. ``wrap``: columns of long text; ``links``: columns of web
    addresses, which a terminal must show whole and unbroken so that they can be copied;
    ``meaning``: the columns that give a row its meaning, never left out (a terminal too narrow
    for them side by side prints one record per row instead); ``optional``: the other columns a
    narrow terminal may leave out, the least useful first."""

    __slots__ = ("title", "columns", "rows", "wrap", "links", "meaning", "optional")

    def __init__(self, title, columns, rows, wrap=(), links=(), optional=None, meaning=()):
        self.title, self.columns, self.rows, self.wrap, self.links = title, columns, rows, set(wrap), set(links)
        if set(meaning) - set(columns):
            raise ValueError(f"meaning columns not in the table: {sorted(set(meaning) - set(columns))}")
        self.meaning = [c for c in columns if c in set(meaning)]
        order = [c for c in DROP_ORDER if c in columns] if optional is None else optional
        self.optional = [c for c in order if c not in set(meaning)]


# Which columns a narrow terminal leaves out first, by name, in every view: the least useful
# first; a view may give its own order. What is left out is said under the table.
DROP_ORDER = ("lang", "carries", "where", "origin", "with results", "published", "quantified", "plan text read",
              "chapter", "aliases", "matched in", "sources", "baseline", "reported", "publisher", "kind", "better",
              "figures in", "date", "cited by", "metric", "unit", "used", "goals", "assessment", "agreement",
              "ambition", "source", "goal", "plan", "period", "progress", "title", "target")


class Fields:
    __slots__ = ("title", "pairs")

    def __init__(self, title, pairs):
        self.title, self.pairs = title, [(k, v) for k, v in pairs if v not in (None, "", [])]


class Text:
    __slots__ = ("text", "style")

    def __init__(self, text, style=""):
        self.text, self.style = text, style


class Lines(Text):
    """Lines that a terminal never wraps (``file:line: message``, which editors and grep read whole)."""

    __slots__ = ()


class Markdown(Text):
    """Markdown text: rendered (headings, lists, tables) at a terminal, printed as it is in a pipe."""

    __slots__ = ()
