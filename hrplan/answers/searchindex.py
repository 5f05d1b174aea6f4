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

import marshal
import sys
from array import array
from itertools import accumulate

from hrplan.answers.words import norm, number_key, numbers, stem_text
from hrplan.core import model as m

VERSION = 4


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
    """Collects records into an index, a dict of byte strings that the cache stores and reads back
    with a copy (``Index`` reads it):

    - ``text``: every field's normal form and, where it differs, its stemmed form, in UTF-8, each
      followed by a newline (which no normal form holds); ``starts``: where each record starts in
      it (an ``array("q")``);
    - ``records``: each record's marshal dump, one after another, ending where ``ends`` says: (kind,
      ref, fields as (name, start, end, stemmed start, stemmed end: 0, 0 when stemming changes
      nothing), numbers as (field, value, multiplier, percent, offset in the field's text));
    - ``numbers``: every number's key (``words.number_key``) of its size and of its digits as
      written, its percent flag and its record, as four arrays, so that a number is looked for
      without decoding a record."""

    def __init__(self):
        self.parts, self.at, self.starts, self.dumps, self.numbers = [], 0, [], [], ([], [], [], [])

    def add(self, kind: str, ref, fields: dict[str, str]) -> None:
        self.starts.append(self.at)
        spans, nums = [], []
        for name, text in fields.items():
            if not text:
                continue
            folded = norm(text)
            stemmed = stem_text(folded)
            start, end = self._put(folded)
            spans.append((name, start, end, *(self._put(stemmed) if stemmed != folded else (0, 0))))
            if name not in _NO_NUMBERS:
                nums.extend((name, *n) for n in numbers(text))
        for _, value, mult, pct, _ in nums:
            for column, item in zip(self.numbers, (number_key(value * mult), number_key(value), pct, len(self.dumps))):
                column.append(item)
        self.dumps.append(marshal.dumps((kind, ref, spans, nums)))

    def _put(self, text: str) -> tuple[int, int]:
        data = text.encode("utf-8", "surrogatepass")
        at = self.at
        self.parts.append(data + b"\n")
        self.at += len(data) + 1
        return at, at + len(data)

    def index(self, **more) -> dict:
        sizes, written, pcts, records = self.numbers
        return {"text": b"".join(self.parts), "starts": array("q", self.starts).tobytes(),
                "records": b"".join(self.dumps), "ends": array("q", accumulate(map(len, self.dumps))).tobytes(),
                "numbers": [array("d", sizes).tobytes(), array("d", written).tobytes(), bytes(pcts),
                            array("q", records).tobytes()], **more}


class Index:
    """An index as search reads it: the text to scan, where each record starts, each record
    decoded when it is read (``index[i]``), and the numbers."""

    __slots__ = ("text", "starts", "_records", "_ends", "numbers", "indicators")

    def __init__(self, d: dict):
        self.text, self._records, self.indicators = d["text"], d["records"], d.get("indicators", {})
        self.starts, self._ends = array("q"), array("q")
        self.starts.frombytes(d["starts"])
        self._ends.frombytes(d["ends"])
        records = array("q")
        records.frombytes(d["numbers"][3])
        self.numbers = (*d["numbers"][:3], records)  # the keys stay bytes, searched as bytes

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int):
        """(kind, ref, fields, numbers) of record ``i``."""
        return marshal.loads(self._records[self._ends[i - 1] if i else 0:self._ends[i]])


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
    if _whole(index, len(registry)):
        return index
    b = _Builder()
    for ind in registry.values():
        b.add("indicator", ind.id, indicator_fields(ind))
    index = b.index()
    if key:
        cache.write_small("search-indicators", file, key, index)
    return index


def _whole(index, size: int | None = None) -> bool:
    """Whether a cached index has the shape ``_Builder.index`` gives (of ``size`` records): a
    damaged or foreign entry is a miss, as any cache entry."""
    try:
        text, starts, records, ends, numbers = (index[k] for k in ("text", "starts", "records", "ends", "numbers"))
        return (all(type(b) is bytes for b in (text, starts, records, ends, *numbers)) and len(numbers) == 4
                and len(starts) == len(ends) and len(starts) % 8 == 0 and (size is None or len(starts) == 8 * size)
                and len(numbers[0]) == len(numbers[1]) == len(numbers[3]) == 8 * len(numbers[2])
                and isinstance(index.get("indicators", {}), dict)
                and (not ends or int.from_bytes(ends[-8:], sys.byteorder) == len(records)))
    except (TypeError, KeyError, ValueError, AttributeError):
        return False


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
    if not _whole(index):
        index = build(plan)
        if key:
            cache.write_small("search", plan.file, key, index)
    if memo:
        if len(_READ) >= 16:  # a long-lived process (hrplan.api) keeps the last few
            _READ.clear()
        _READ[memo] = index
    return index


_READ: dict[str, dict] = {}  # the indexes read in this process, by cache key


_GLOSSARY: tuple | None = None


def glossary_table(terms=None) -> tuple[str, list[str]]:
    """The glossary (or ``terms``, pairs of English and Chinese term lists) as a query looks it up:
    (a text of lines "form TAB entry numbers", one per normalised term and per stem of one,
    starting and ending with a newline; each entry's normalised terms, joined by a unit
    separator, which no normal form holds). The bundled glossary's comes from the cache when it
    holds it."""
    global _GLOSSARY
    if terms is not None:
        return _table(terms)
    if _GLOSSARY is None:
        import os

        from hrplan.planfile import cache
        from hrplan.planfile.files import GLOSSARY_FILE, _use_cache, bundled_data_dir

        file = os.path.join(bundled_data_dir(), GLOSSARY_FILE)
        key = cache.small_key("glossary", [file]) if _use_cache(None) else None
        key = key and [*key, VERSION]
        table = cache.read_small("glossary", file, key) if key else None
        if not (isinstance(table, list) and len(table) == 2):
            table = list(_table(_read_glossary(file)))
            if key and table[1]:
                cache.write_small("glossary", file, key, table)
        _GLOSSARY = tuple(table)
    return _GLOSSARY


def _table(terms) -> tuple[str, list[str]]:
    forms: dict[str, list[int]] = {}
    entries = []
    for i, (en, zh) in enumerate(terms):
        words = [w for w in (norm(w) for w in (*en, *zh)) if w]
        entries.append("\x1f".join(words))
        for form in (*words, *(stem_text(w) for w in words)):
            if i not in forms.setdefault(form, []):
                forms[form].append(i)
    lines = "".join(f"{form}\t{','.join(map(str, ids))}\n" for form, ids in forms.items())
    return "\n" + lines, entries


def _read_glossary(file: str) -> list:
    """(English terms, Chinese terms) of each entry of a glossary file; empty when it cannot be read."""
    out = []
    try:
        import tomli

        with open(file, "rb") as fh:
            for t in tomli.load(fh).get("terms", []):
                out.append([list(t.get("en", ())), list(t.get("zh", ()))])
    except (OSError, ValueError, TypeError, AttributeError):
        return []
    return out
