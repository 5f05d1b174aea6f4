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

from hrplan.answers.searchindex import (claim_fields, glossary_forms, goal_fields, indicator_fields, plan_index,
                                        registry_index)
from hrplan.answers.words import norm, query_number, same_number, stem_text
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

def expand(query: str, terms=None) -> list[str]:
    """The query and its glossary equivalents, normalised, the query first. A query is an
    entry's when it is one of its terms, or their singular or plural ("migrant worker")."""
    q = norm(query)
    out = [q] if q else []
    if not q:
        return out
    stemmed = stem_text(q)
    for words, stems in glossary_forms(terms):
        if q in words or stemmed in stems:
            out.extend(w for w in words if w not in out)
    return out


def _snippet(text: str, term: str) -> str:
    """A piece of ``text`` around the first place ``term`` (normalised) occurs."""
    folded = text.casefold()
    probe = term.split(" ")[0]
    at = folded.find(probe)
    if at < 0 and len(probe) > 3:  # a stem: "policy" in "policies"
        at = folded.find(probe[:-1])
    if at < 0:
        return text if len(text) <= 2 * SNIPPET else text[: 2 * SNIPPET] + "…"
    return _around(text, at, len(term))


def _around(text: str, at: int, size: int) -> str:
    start, end = max(0, at - SNIPPET), min(len(text), at + size + SNIPPET)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _find(text: str, term: str, start: int, end: int, word: bool) -> int:
    """Where ``term`` occurs in ``text[start:end]``, at the start of a word when ``word`` (not
    after a letter or digit: "employment" is not found in "unemployment"); -1 when it does not."""
    at = text.find(term, start, end)
    while word and at > 0 and text[at - 1].isascii() and text[at - 1].isalnum():
        at = text.find(term, at + 1, end)
    return at


class Query:
    """A query in the forms a text is compared in: its terms (the query and its equivalents), each
    as (term, its stemmed form, whether it must start a word), and the number it reads as."""

    __slots__ = ("terms", "rows", "number")

    def __init__(self, query: str, terms=None):
        self.terms = expand(query, terms)
        self.number = query_number(query) if self.terms else None
        # Chinese, without spaces between words, matches anywhere
        self.rows = [(t, stem_text(t), t[:1].isascii() and t[:1].isalnum()) for t in self.terms]

    def candidates(self, index: dict) -> list[int]:
        """The records of an index that may match, in order: those whose text holds a term (or
        its stem) where a word starts, and, for a number, those that write it."""
        text, starts = index["text"], index["starts"]
        end, found = len(text), set()
        needles = {(t, word) for term, stemmed, word in self.rows for t in (term, stemmed)}
        # a needle that starts with another finds nothing more: "rural poor population", "rural poor"
        for needle, word in needles:
            if any(needle != other and needle.startswith(other) for other, _ in needles):
                continue
            at = _find(text, needle, 0, end, word)
            while at >= 0:
                rec = bisect_right(starts, at) - 1
                found.add(rec)
                at = _find(text, needle, starts[rec + 1], end, word) if rec + 1 < len(starts) else -1
        if self.number is not None:
            found.update(i for i, rec in enumerate(index["records"])
                         if any(same_number(self.number, n[1:4]) for n in rec[3]))
        return sorted(found)


def _match(text: str, record, query: Query, only: str | None):
    """(score, matched fields, snippet field, where the snippet is) of an index record, or None:
    the snippet's place is (term, None) or (None, offset of a number)."""
    score, matched, snip = 0, [], None
    _, _, spans, nums = record
    for name, start, end, stem_start, stem_end in spans:
        if only and name != only:
            continue
        hit = None
        for i, (term, stemmed, word) in enumerate(query.rows):
            if _find(text, term, start, end, word) >= 0:
                hit = (i, term, None)
                break
            if stem_start or stemmed != term:
                lo, hi = (stem_start, stem_end) if stem_start else (start, end)
                if _find(text, stemmed, lo, hi, word) >= 0:
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
        if snip is None or weight > snip[0]:
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
    indexes = [plan_index(plan) for plan in plans]
    for p_order, (plan, index) in enumerate(zip(plans, indexes)):
        text, records = index["text"], index["records"]
        for i in q.candidates(index):
            found = _match(text, records[i], q, only)
            if found:
                kind, ref = records[i][:2]
                rec = plan.goals[ref] if kind == "goal" else plan.claims[ref] if kind == "claim" else plan.notes[ref]
                hits.append((-found[0], p_order, KINDS.index(kind), i, (kind, plan, rec, *found)))
    if registry and only in (None, *INDICATOR_FIELDS):
        index = registry_index(registry, registry_file)
        inds = list(registry.values())
        for i in q.candidates(index):
            found = _match(index["text"], index["records"][i], q, only)
            if found:
                hits.extend((-found[0], p_order, 3, i, ("indicator", plan, inds[i], *found))
                            for p_order, (plan, pi) in enumerate(zip(plans, indexes)) if inds[i].id in pi["indicators"])
    hits.sort(key=lambda h: h[:4])
    out = []
    for *_, (kind, plan, rec, score, fields, where, (term, offset)) in hits:
        text = _text_of(kind, plan, rec, where)
        out.append((kind, plan, rec, score, fields, where, _snippet(text, term) if term else _around(text, offset, 12)))
    return out


def indicator_goals(plan: m.Plan, indicator_id: str) -> list[m.Goal]:
    """The goals of a plan that name an indicator, in file order (from the plan's index)."""
    return plan.goals.select(plan_index(plan)["indicators"].get(indicator_id, ()))
