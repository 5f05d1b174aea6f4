"""The typed records of a plan: plain data, no behaviour beyond small derived properties.

Records are built by ``hrplan.planfile.build`` from validated plan files; every field mirrors a key of the
plan-file format documented in ``docs/format.md``. They are small slotted classes rather than
dataclasses: creating a dataclass costs about half a millisecond at import, and start-up time is
hrplan's speed (see benchmarks/startup.py).
"""

from __future__ import annotations

from hrplan.core.statuses import REPORTED_STATUSES, STATUSES  # noqa: F401 (the vocabularies of plan files)


# Vocabularies (one definition each; the validator and the docs use these). Statuses are
# defined with their rank, category and colour in hrplan.core.statuses.
OPS = (">=", ">", "<=", "<", "==")
AGGREGATES = ("end", "mean", "total")
QUALIFIERS = ("exact", "more_than", "at_least", "less_than", "at_most", "about", "nearly")
TARGET_QUALIFIERS = ("exact", "about")  # a target's value as stated, or approximate ("about 80%", 80%左右)
BINDING = ("binding", "expected")
COVERAGE = ("full", "partial", "summary", "none")
SOURCE_KINDS = (
    "plan_text",
    "assessment_report",
    "news_summary",
    "official_statistics",
    "white_paper",
    "article",
)
DOCUMENTS = ("plan", "assessment", "other")
NOTE_KINDS = ("note", "data_quality", "conflict", "context", "method")
GOAL_KINDS = ("commitment", "finding")
EVERY_PLAN = "all"  # the word --plan takes for every plan: no plan may have it as its id
CHANGES = ("absolute", "percent", "multiple")  # a target or result given as a change from a base year
DIRECTIONS = ("higher", "lower")  # which way an indicator improves


class Record:
    """Base of the records: fields in ``FIELDS`` (required ones first), defaults in ``DEFAULTS``."""

    __slots__ = ()
    FIELDS: tuple = ()
    DEFAULTS: dict = {}

    def __init__(self, *args, **kw):
        fields = self.FIELDS
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__} takes at most {len(fields)} fields")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name in fields[len(args):]:
            if name in kw:
                setattr(self, name, kw.pop(name))
            elif name in self.DEFAULTS:
                default = self.DEFAULTS[name]
                setattr(self, name, list(default) if isinstance(default, list) else default)
            else:
                raise TypeError(f"{type(self).__name__} needs {name!r}")
        if kw:
            raise TypeError(f"{type(self).__name__} has no field {sorted(kw)[0]!r}")

    def __eq__(self, other):
        return type(self) is type(other) and all(getattr(self, f) == getattr(other, f) for f in self.FIELDS)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{f}={getattr(self, f)!r}' for f in self.FIELDS)})"


class Source(Record):
    """A document a figure or text was read in. ``document``: plan, assessment or other."""

    __slots__ = FIELDS = ("id", "title", "publisher", "kind", "document", "url", "date", "language", "mirror", "note")

    def __init__(self, id, title, publisher, kind, document, url=None, date=None, language=None, mirror=False,
                 note=None):
        self.id, self.title, self.publisher, self.kind, self.document = id, title, publisher, kind, document
        self.url, self.date, self.language, self.mirror, self.note = url, date, language, mirror, note

    @property
    def origin(self) -> str:
        """Where a figure read here comes from: ``assessment`` (the assessment report, a copy or a
        summary of it), ``plan`` or ``other_official``."""
        return {"assessment": "assessment", "plan": "plan"}.get(self.document, "other_official")


class Chapter(Record):
    __slots__ = FIELDS = ("id", "title", "title_zh", "aliases", "coverage", "coverage_note")
    DEFAULTS = {"title_zh": None, "aliases": [], "coverage": None, "coverage_note": None}


class Section(Record):
    __slots__ = FIELDS = ("id", "chapter", "title", "title_zh", "aliases", "coverage", "coverage_note")
    DEFAULTS = {"title_zh": None, "aliases": [], "coverage": None, "coverage_note": None}


class Theme(Record):
    """A named set of goals: by section or chapter, by tag, or by goal id."""

    __slots__ = FIELDS = ("id", "title", "definition", "sections", "tags", "goals", "aliases")
    DEFAULTS = {"sections": [], "tags": [], "goals": [], "aliases": []}


class Baseline(Record):
    __slots__ = FIELDS = ("value", "year")


class Target(Record):
    """A quantified target. ``start`` is the first year of the period it covers, if any. With
    ``change`` (absolute, percent or multiple) ``value`` is a change from ``base_year``, whose
    value ``baseline`` holds where the data has it; ``unit`` is always the unit of the level.
    ``qualifier`` "about" marks an approximate value; ``tolerance`` is how far from it a figure
    still reaches it, where a source states that (in the unit of ``value``)."""

    __slots__ = FIELDS = ("metric", "unit", "op", "value", "year", "start", "baseline", "binding", "ceiling",
                          "aggregate", "wording", "change", "base_year", "qualifier", "tolerance")

    def __init__(self, metric, unit, op, value, year, start=None, baseline=None, binding=None, ceiling=False,
                 aggregate="end", wording=None, change=None, base_year=None, qualifier="exact", tolerance=None):
        # Written out, as for Result and Goal: targets are built by the thousand.
        self.metric, self.unit, self.op, self.value, self.year = metric, unit, op, value, year
        self.start, self.baseline, self.binding, self.ceiling = start, baseline, binding, ceiling
        self.aggregate, self.wording, self.change, self.base_year = aggregate, wording, change, base_year
        self.qualifier, self.tolerance = qualifier, tolerance


class Result(Record):
    """A reported figure or fact. ``start``..``year`` for a period figure; ``use`` False keeps a
    figure for the record without using it for the status; ``aggregate`` marks a period mean or
    total; ``change`` (with ``base_year``) marks a figure reported as a change, not a level."""

    __slots__ = FIELDS = ("source", "year", "start", "value", "unit", "qualifier", "text", "locator", "note",
                          "see_also", "use", "aggregate", "change", "base_year")

    def __init__(self, source, year=None, start=None, value=None, unit=None, qualifier="exact", text=None,
                 locator=None, note=None, see_also=None, use=True, aggregate=None, change=None, base_year=None):
        # Written out (not the generic Record.__init__): results are built by the thousand.
        self.source, self.year, self.start, self.value, self.unit = source, year, start, value, unit
        self.qualifier, self.text, self.locator, self.note = qualifier, text, locator, note
        self.see_also = see_also if see_also is not None else []
        self.use, self.aggregate, self.change, self.base_year = use, aggregate, change, base_year


class Note(Record):
    __slots__ = FIELDS = ("text", "kind", "sources")

    def __init__(self, text, kind="note", sources=None):
        self.text, self.kind, self.sources = text, kind, sources if sources is not None else []


class Goal(Record):
    """A commitment (or a finding); ``indicator`` names what it measures, in the shared registry."""

    __slots__ = FIELDS = ("id", "plan", "chapter", "section", "text", "kind", "tags", "target", "results",
                          "reported_status", "reported_wording", "plan_sources", "notes", "indicator")

    def __init__(self, id, plan, chapter, section, text, kind="commitment", tags=None, target=None, results=None,
                 reported_status=None, reported_wording=None, plan_sources=None, notes=None, indicator=None):
        self.id, self.plan, self.chapter, self.section, self.text, self.kind = id, plan, chapter, section, text, kind
        self.tags = tags if tags is not None else []
        self.target = target
        self.results = results if results is not None else []
        self.reported_status, self.reported_wording = reported_status, reported_wording
        self.plan_sources = plan_sources if plan_sources is not None else []
        self.notes = notes if notes is not None else []
        self.indicator = indicator


class Goals:
    """The goals of a plan by id, in file order, each built into a ``Goal`` only when first used.

    ``index`` gives, per goal, what area filters need (id, chapter, section, tags), so that a
    command about one area builds only that area's goals.
    """

    __slots__ = ("_at", "_raws", "_built", "_order", "_columns", "_make")

    def __init__(self, columns=None, raws=(), make=None):
        # columns: ids, chapters, sections, tags (see hrplan.planfile.build.normalise);
        # raws: a sequence, in the same order, of what ``make`` builds each goal from. It is read
        # by position, one goal at a time, never iterated: it may decode a goal when read.
        self._columns = columns or ([], [], [], [])
        self._order = self._columns[0]
        self._at = dict(zip(self._order, range(len(self._order))))
        self._raws = raws
        self._built, self._make = {}, make

    @property
    def index(self):
        """An iterator of rows (id, chapter, section, tags), in file order."""
        return zip(*self._columns)

    def __getitem__(self, gid) -> "Goal":
        goal = self._built.get(gid)
        if goal is None:
            goal = self._built[gid] = self._make(self._raws[self._at[gid]])  # KeyError for an unknown id
        return goal

    def get(self, gid, default=None):
        return self[gid] if gid in self._at else default

    def __contains__(self, gid) -> bool:
        return gid in self._at

    def __iter__(self):
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def values(self):
        return [self[gid] for gid in self._order]

    def items(self):
        return [(gid, self[gid]) for gid in self._order]

    def select(self, ids) -> list["Goal"]:
        """The goals with these ids, in the order given (from ``index``: file order)."""
        return [self[gid] for gid in ids]


class StatedSize(Record):
    """How big a plan says it is ("168 objectives and tasks"), as a source states it."""

    __slots__ = FIELDS = ("value", "unit", "qualifier", "sources", "note")
    DEFAULTS = {"qualifier": "exact", "sources": [], "note": None}


class Indicator(Record):
    """What targets of several plans measure alike (the registry, data/indicators.toml)."""

    __slots__ = FIELDS = ("id", "title", "unit", "direction", "definition", "title_zh", "aliases", "note")
    DEFAULTS = {"title_zh": None, "aliases": [], "note": None}


class Claim(Record):
    """A plan-level claim of an assessment; ``area`` None means the whole plan, ``binding`` restricts
    the claim to targets a source labels so, ``counts`` are the computed statuses it counts."""

    __slots__ = FIELDS = ("id", "text", "area", "binding", "share", "qualifier", "counts", "reported_status",
                          "sources", "results", "notes")
    DEFAULTS = {"area": None, "binding": None, "share": None, "qualifier": "exact", "counts": [],
                "reported_status": None, "sources": [], "results": [], "notes": []}


class Plan(Record):
    """One plan with everything it holds; ``cited`` are the sources of its metadata."""

    __slots__ = FIELDS = ("id", "title", "file", "title_zh", "issuer", "published", "start", "end", "predecessor",
                          "successor", "assessment", "cited", "sources", "chapters", "sections", "themes", "goals",
                          "claims", "notes", "stated_size")
    DEFAULTS = {"title_zh": None, "issuer": None, "published": None, "start": None, "end": None,
                "predecessor": None, "successor": None, "assessment": None, "cited": [], "claims": [], "notes": [],
                "stated_size": None}

    def __init__(self, *args, **kw):
        for table in ("sources", "chapters", "sections", "themes"):
            kw.setdefault(table, {})
        kw.setdefault("goals", Goals())
        super().__init__(*args, **kw)
