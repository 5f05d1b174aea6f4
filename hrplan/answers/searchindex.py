"""The search index of a plan: every searchable field of its goals, claims and notes, read once
into the forms search compares (``hrplan.answers.search``), and kept in the cache beside the plan
as its facts are (``hrplan.answers.facts``).

The index holds each field's normal form (``words.norm``), the same with each English word
stemmed (``words.stem``) and the numbers written in it (``words.numbers``), in one text that a
search scans for its terms at once (``_Builder`` gives the layout). An entry is keyed by the plan file and ``VERSION`` (a change to the normal
form, the stemmer or the fields never serves a stale index); an index built from the plan and one
read from the cache give the same matches (a test compares them). The bundled glossary is read and
cached the same way. Search over the index builds only the goals it found.
"""

from __future__ import annotations

from hrplan.answers.words import norm, numbers, stem_text
from hrplan.core import model as m

VERSION = 2


def _figures(results) -> str:
    return " ".join(f"{r.value:g} {r.unit or ''}" for r in results if r.value is not None)


def goal_fields(plan: m.Plan, g: m.Goal) -> dict[str, str]:
    sec = plan.sections.get(g.section) if g.section else None
    sources = (plan.sources.get(s) for s in dict.fromkeys([*g.plan_sources, *(r.source for r in g.results)]))
    return {
        "id": g.id,
        "text": g.text,
        "metric": g.target.metric if g.target else "",
        "tags": " ".join(g.tags),
        "target": (g.target.wording or "") if g.target else "",
        "figures": _figures(g.results),
        "results": " ".join(f"{r.text or ''} {r.note or ''}" for r in g.results),
        "reported": g.reported_wording or "",
        "notes": " ".join(n.text for n in g.notes),
        "sources": " ".join(s.title for s in sources if s is not None),
        "section": " ".join(filter(None, (sec and sec.title, sec and sec.title_zh))),
    }


def claim_fields(c: m.Claim) -> dict[str, str]:
    return {"id": c.id, "text": c.text, "figures": _figures(c.results),
            "results": " ".join(r.text or "" for r in c.results), "notes": " ".join(n.text for n in c.notes)}


def indicator_fields(ind: m.Indicator) -> dict[str, str]:
    return {"id": ind.id, "text": " ".join(filter(None, (ind.title, ind.title_zh))), "tags": " ".join(ind.aliases),
            "definition": " ".join(filter(None, (ind.definition, ind.note)))}


# Fields whose numbers are not figures: an id ("I.2.x1"), tags, source and section titles.
_NO_NUMBERS = frozenset(("id", "tags", "sources", "section"))


class _Builder:
    """Collects records into an index: one text (``text``) of every field's normal form and, where
    it differs, its stemmed form, each followed by a newline (which no normal form holds); per
    record, where it starts in that text (``starts``) and its fields as (name, start, end, stemmed
    start, stemmed end: 0, 0 when stemming changes nothing) and numbers as (field, value,
    multiplier, percent, offset in the field's text)."""

    def __init__(self):
        self.parts, self.at, self.starts, self.records = [], 0, [], []

    def add(self, kind: str, ref, fields: dict[str, str]) -> None:
        self.starts.append(self.at)
        spans, nums = [], []
        for name, text in fields.items():
            if not text:
                continue
            folded = norm(text)
            stemmed = stem_text(folded)
            start = self._put(folded)
            if stemmed != folded:
                stem_start = self._put(stemmed)
                spans.append((name, start, start + len(folded), stem_start, stem_start + len(stemmed)))
            else:
                spans.append((name, start, start + len(folded), 0, 0))
            if name not in _NO_NUMBERS:
                nums.extend((name, *n) for n in numbers(text))
        self.records.append((kind, ref, spans, nums))

    def _put(self, text: str) -> int:
        at = self.at
        self.parts.append(text + "\n")
        self.at += len(text) + 1
        return at

    def index(self, **more) -> dict:
        return {"text": "".join(self.parts), "starts": self.starts, "records": self.records, **more}


def build(plan: m.Plan) -> dict:
    """The index of a plan: its goals (by id), claims and notes (by place) in file order, and which
    goals name each indicator."""
    b, named = _Builder(), {}
    for g in plan.goals.values():
        b.add("goal", g.id, goal_fields(plan, g))
        if g.indicator:
            named.setdefault(g.indicator, []).append(g.id)
    for i, c in enumerate(plan.claims):
        b.add("claim", i, claim_fields(c))
    for i, n in enumerate(plan.notes):
        b.add("note", i, {"notes": n.text})
    return b.index(indicators=named)


def registry_index(registry: dict[str, m.Indicator], file: str | None = None) -> dict:
    """The index of the indicators (by id), in the registry's order; kept in the cache when
    ``file``, the registry's file, says where they come from."""
    from hrplan.planfile import cache
    from hrplan.planfile.files import _use_cache

    key = cache.small_key("search-indicators", [file]) if file and _use_cache(None) else None
    key = key and [*key, VERSION, list(registry)]
    index = cache.read_small("search-indicators", file, key) if key else None
    if isinstance(index, dict) and {"text", "starts", "records"} <= index.keys():
        return index
    b = _Builder()
    for ind in registry.values():
        b.add("indicator", ind.id, indicator_fields(ind))
    index = b.index()
    if key:
        cache.write_small("search-indicators", file, key, index)
    return index


_KEYS = {"text", "starts", "records", "indicators"}


def plan_index(plan: m.Plan, use_cache: bool | None = None) -> dict:
    """The index of a plan, from the cache when it holds it, else built (and then kept)."""
    from hrplan.planfile import cache
    from hrplan.planfile.files import _use_cache

    key = None
    if _use_cache(use_cache) and plan.file:
        base = cache.key_for(plan.file)
        key = None if base is None else [*base, "search", VERSION]
    memo = repr(key) if key else None
    if memo in _READ:
        return _READ[memo]
    index = cache.read_small("search", plan.file, key) if key else None
    if not (isinstance(index, dict) and _KEYS <= index.keys()):
        index = build(plan)
        if key:
            cache.write_small("search", plan.file, key, index)
    if memo:
        if len(_READ) >= 16:  # a long-lived process (hrplan.api) keeps the last few
            _READ.clear()
        _READ[memo] = index
    return index


_READ: dict[str, dict] = {}  # the indexes read in this process, by cache key


_GLOSSARY: list | None = None


def glossary(use_cache: bool | None = None) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(English terms, Chinese terms) of the bundled vocabulary (data/glossary.toml); empty when
    the file cannot be read."""
    return [(tuple(en), tuple(zh)) for en, zh, _, _ in _glossary(use_cache)]


def glossary_forms(terms=None) -> list[tuple[list[str], list[str]]]:
    """Each entry of the glossary (or of ``terms``, pairs of English and Chinese terms) as the
    forms a query is compared with: (its terms normalised, the stems of those)."""
    if terms is None:
        return [(words, stems) for _, _, words, stems in _glossary()]
    return [_forms(entry) for entry in terms]


def _forms(entry) -> tuple[list[str], list[str]]:
    words = [w for w in (norm(w) for w in (*entry[0], *entry[1])) if w]
    return words, [stem_text(w) for w in words]


def _glossary(use_cache: bool | None = None) -> list:
    """[English terms, Chinese terms, normalised terms, their stems] of each glossary entry, from
    the cache when it holds them."""
    global _GLOSSARY
    if _GLOSSARY is None:
        import os

        from hrplan.planfile import cache
        from hrplan.planfile.files import GLOSSARY_FILE, _use_cache, bundled_data_dir

        file = os.path.join(bundled_data_dir(), GLOSSARY_FILE)
        key = cache.small_key("glossary", [file]) if _use_cache(use_cache) else None
        key = key and [*key, VERSION]
        entries = cache.read_small("glossary", file, key) if key else None
        if not isinstance(entries, list):
            entries = [[en, zh, *_forms((en, zh))] for en, zh in _read_glossary(file)]
            if key and entries:
                cache.write_small("glossary", file, key, entries)
        _GLOSSARY = entries
    return _GLOSSARY


def _read_glossary(file: str) -> list:
    out = []
    try:
        import tomli

        with open(file, "rb") as fh:
            for t in tomli.load(fh).get("terms", []):
                out.append([list(t.get("en", ())), list(t.get("zh", ()))])
    except (OSError, ValueError, TypeError, AttributeError):
        return []
    return out
