"""Search: every field of the goals, the claims and the notes of the plans, and of the indicators
that link them, ranked, each match with the field it was found in and a snippet around it.

A query and a text are compared in their normal forms (``hrplan.answers.words``): case, hyphens
and punctuation aside ("Death-Penalty" finds "death penalty"), and plural and singular alike
("cases" finds "case"). A query that is a number also finds the numbers equal to it, however the
data writes them ("499万", "4.99 million", "4,990,000" and "4990000" are one number; "66.63"
finds a fall of 66.63 million; "56.1%" and "56.1" find 56.1%). The glossary widens a query to its
equivalents in the other language and to their synonyms: hrplan's own search aid, never a
source's wording. The texts are read from each plan's search index (``hrplan.answers.searchindex``,
cached beside the plan), so a search builds only the goals it finds.
"""

from __future__ import annotations

from bisect import bisect_right
from struct import pack

from hrplan.answers.searchindex import (Index, claim_fields, glossary_table, goal_fields, indicator_fields,
                                        plan_index, registry_index)
from hrplan.answers.words import norm, number_key, query_number, same_number, stem_text
from hrplan.core import model as m

# field -> weight: where a match counts most. A section title counts least; a chapter title not
# at all (it would pull in every goal of the chapter).
WEIGHTS = {"id": 10, "text": 8, "metric": 7, "tags": 6, "target": 6, "figures": 6, "results": 5, "reported": 4,
           "notes": 3, "definition": 3, "sources": 2, "section": 1}
FIELDS = tuple(WEIGHTS)
CLAIM_FIELDS = ("id", "text", "figures", "results", "notes")
INDICATOR_FIELDS = ("id", "text", "tags", "definition")
KINDS = ("goal", "claim", "note", "indicator")  # the order of equal scores in a plan
SNIPPET = 40  # characters of context each side of a match


def _entries(lookup: str, form: str) -> list[int]:
    """The glossary entries (by number) that hold ``form``."""
    at = lookup.find(f"\n{form}\t")
    return [] if at < 0 else [int(i) for i in lookup[at + len(form) + 2:lookup.index("\n", at + 1)].split(",")]


COMPOUND = 6  # at most so many English phrases composed for a Chinese compound,
COMPOUND_CHARS = 24  # of at most so many characters


def _compound(q: str, lookup: str, entries: list[str]) -> list[str]:
    """English phrases for a Chinese compound the glossary does not hold, made of the English of
    the glossary terms it is written with, in their order (农村妇女: 农村 rural, 妇女 women: "rural
    women"); none unless the whole compound is made of two or more glossary terms."""
    parts, at = [], 0
    while at < len(q):
        end = next((end for end in range(len(q), at, -1) if _entries(lookup, q[at:end])), None)
        if end is None:
            return []
        english, singular = [], set()
        for i in _entries(lookup, q[at:end]):
            for w in entries[i].split("\x1f"):
                if w.isascii() and stem_text(w) not in singular:  # a plural finds its singular
                    singular.add(stem_text(w))
                    english.append(w)
        if not english:
            return []
        parts.append(english[:3])
        at = end
    if len(parts) < 2:
        return []
    phrases = parts[0]
    for words in parts[1:]:
        phrases = [f"{p} {w}" for p in phrases for w in words][:COMPOUND]
    return phrases


def expand(query: str, terms=None) -> list[str]:
    """The query and its glossary equivalents, normalised, the query first. A query is an
    entry's when it is one of its terms, or their singular or plural ("migrant worker"); a
    Chinese compound that is no entry's is read through the terms it is written with
    (``_compound``)."""
    q = norm(query)
    if not q:
        return []
    lookup, entries = glossary_table(terms)
    ids = sorted({i for form in {q, stem_text(q)} for i in _entries(lookup, form)})
    out = [q]
    for i in ids:
        out.extend(w for w in entries[i].split("\x1f") if w and w not in out)
    if not ids and not q.isascii() and " " not in q and len(q) <= COMPOUND_CHARS:
        out.extend(w for w in _compound(q, lookup, entries) if w not in out)
    return out


_SEPARATORS = r"[\s\-_/.,;:()\[\]'\"“”‘’`]+"  # what the normal form reads as a space (words.norm)


def _snippet(text: str, term: str) -> str:
    """A piece of ``text`` around the first place ``term`` (normalised) occurs."""
    import re

    folded = text.casefold()
    if len(folded) != len(text):  # a letter that folds to two ("ß"): keep the places of the text
        folded = text.lower()
    mt = re.search(_SEPARATORS.join(map(re.escape, term.split(" "))), folded)
    at = mt.start() if mt else folded.find(term[:-1]) if len(term) > 3 else -1  # a stem: "policy" in "policies"
    if at < 0:
        return text if len(text) <= 2 * SNIPPET else text[: 2 * SNIPPET] + "…"
    return _around(text, at, (mt.end() - mt.start()) if mt else len(term))


def _around(text: str, at: int, size: int) -> str:
    start, end = max(0, at - SNIPPET), min(len(text), at + size + SNIPPET)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


_WORD = frozenset(b"0123456789abcdefghijklmnopqrstuvwxyz")  # what a normal form's words are made of


def _find(text: bytes, term: bytes, start: int, end: int, word: bool) -> int:
    """Where ``term`` occurs in ``text[start:end]`` (UTF-8), at the start of a word when ``word``
    (not after a letter or digit: "employment" is not found in "unemployment"); -1 when it does
    not."""
    at = text.find(term, start, end)
    while word and at > 0 and text[at - 1] in _WORD:
        at = text.find(term, at + 1, end)
    return at


class Query:
    """A query in the forms a text is compared in: its terms (the query and its equivalents), each
    as (term, its stemmed form, whether it must start a word, both in UTF-8), and the number it
    reads as."""

    __slots__ = ("terms", "rows", "number")

    def __init__(self, query: str, terms=None):
        self.terms = expand(query, terms)
        self.number = query_number(query) if self.terms else None
        rows = []
        for t in self.terms:
            stemmed = stem_text(t)
            # Chinese, without spaces between words, matches anywhere
            rows.append((t, stemmed, t[:1].isascii() and t[:1].isalnum(), _utf8(t), _utf8(stemmed)))
        self.rows = rows

    def candidates(self, index: Index) -> list[int]:
        """The records of an index that may match, in order: those whose text holds a term (or
        its stem) where a word starts, and, for a number, those that write it."""
        text, starts = index.text, index.starts
        end, found, last = len(text), set(), len(starts) - 1
        needles = {(t, word) for *_, word, term, stemmed in self.rows for t in (term, stemmed)}
        # a needle that starts with another finds nothing more: "rural poor population", "rural poor"
        for needle, word in needles:
            if any(needle != other and needle.startswith(other) for other, _ in needles):
                continue
            at = _find(text, needle, 0, end, word)
            while at >= 0:
                rec = bisect_right(starts, at) - 1
                found.add(rec)
                at = _find(text, needle, starts[rec + 1], end, word) if rec < last else -1
        if self.number is not None:
            value, mult, pct = self.number
            sizes, written, pcts, records = index.numbers
            if not pct:
                found.update(records[i] for i in _positions(sizes, number_key(value * mult)))
            if mult == 1.0:
                found.update(records[i] for i in _positions(written, number_key(value)) if pcts[i] or not pct)
        return sorted(found)


def _positions(keys: bytes, key: float):
    """The places of ``key`` in an array of doubles (as bytes)."""
    pattern = pack("=d", key)
    at = keys.find(pattern)
    while at >= 0:
        if at % 8 == 0:
            yield at // 8
        at = keys.find(pattern, at + 1)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _match(text: bytes, record, query: Query, only: str | None):
    """(score, matched fields, snippet field, where the snippet is) of an index record, or None:
    the snippet's place is (term, None) or (None, offset of a number)."""
    score, matched, snip = 0, [], None
    _, _, spans, nums = record
    for name, start, end, stem_start, stem_end in spans:
        if only and name != only:
            continue
        hit = None
        for i, (term, stemmed, word, b_term, b_stemmed) in enumerate(query.rows):
            if _find(text, b_term, start, end, word) >= 0:
                hit = (i, term, None)
                break
            if stem_start or stemmed != term:
                lo, hi = (stem_start, stem_end) if stem_start else (start, end)
                if _find(text, b_stemmed, lo, hi, word) >= 0:
                    hit = (i, stemmed, None)
                    break
        if hit is None and query.number is not None:
            n = next((n for n in nums if n[0] == name and same_number(query.number, n[1:4])), None)
            hit = None if n is None else (0, None, n[4])
        if hit is None:
            continue
        weight = WEIGHTS.get(name, 3) * (2 if hit[0] == 0 else 1)
        score += weight
        matched.append(name)
        # the snippet comes from the best field, the id (shown beside it) only when nothing else matched
        if snip is None or snip[1] == "id" or (name != "id" and weight > snip[0]):
            snip = (weight, name, hit[1:])
    if not matched:
        return None
    return score, matched, snip[1], snip[2]


def _text_of(kind: str, plan: m.Plan, rec, field: str) -> str:
    if kind == "goal":
        return goal_fields(plan, rec)[field]
    if kind == "claim":
        return claim_fields(rec)[field]
    return indicator_fields(rec)[field] if kind == "indicator" else rec.text


def search(plans: list[m.Plan], query: str | Query, only: str | None = None, terms=None, registry=None,
           registry_file: str | None = None):
    """Matches of ``query`` in the plans: (kind, plan, record, score, fields, snippet field,
    snippet) for goals, claims, plan notes and, with ``registry`` (the indicators by id, read
    from ``registry_file``), the indicators the plans' goals name (one match in each such plan),
    best first (plan order, then kind, then file order, break ties)."""
    q = query if isinstance(query, Query) else Query(query, terms)
    if not q.terms:
        return []
    hits = []
    indexes = [Index(plan_index(plan)) for plan in plans]
    for p_order, (plan, index) in enumerate(zip(plans, indexes)):
        for i in q.candidates(index):
            record = index[i]
            found = _match(index.text, record, q, only)
            if found:
                kind, ref = record[:2]
                rec = plan.goals[ref] if kind == "goal" else plan.claims[ref] if kind == "claim" else plan.notes[ref]
                hits.append((-found[0], p_order, KINDS.index(kind), i, (kind, plan, rec, *found)))
    if registry and only in (None, *INDICATOR_FIELDS):
        index = Index(registry_index(registry, registry_file))
        inds = list(registry.values())
        for i in q.candidates(index):
            found = _match(index.text, index[i], q, only)
            if found:
                hits.extend((-found[0], p_order, 3, i, ("indicator", plan, inds[i], *found))
                            for p_order, (plan, pi) in enumerate(zip(plans, indexes)) if inds[i].id in pi.indicators)
    hits.sort(key=lambda h: h[:4])
    out = []
    for *_, (kind, plan, rec, score, fields, where, (term, offset)) in hits:
        text = _text_of(kind, plan, rec, where)
        out.append((kind, plan, rec, score, fields, where, _snippet(text, term) if term else _around(text, offset, 12)))
    return out


def indicator_goals(plan: m.Plan, indicator_id: str) -> list[m.Goal]:
    """The goals of a plan that name an indicator, in file order (from the plan's index)."""
    return plan.goals.select(plan_index(plan)["indicators"].get(indicator_id, ()))
