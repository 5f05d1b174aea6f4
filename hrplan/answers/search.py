"""Search: every field of the goals, the claims and the notes of the plans, ranked, each match
with the field it was found in and a snippet around it. Pure functions but ``glossary``, which
reads the bundled bilingual search vocabulary.

A query and a text are compared in a normal form: case folded, hyphens, underscores and other
punctuation read as spaces, runs of spaces as one ("Death-Penalty" finds "death penalty"). A query
that is a number also finds the figures equal to it, however the data writes them ("66.63" finds
a result of 66.63 million people, or of a fall of 66.63 million). The glossary widens a query to
its equivalents in the other language: hrplan's own search aid, never a source's wording.
"""

from __future__ import annotations

import re

from hrplan.core import model as m

# field -> weight: where a match counts most. A section title counts least; a chapter title not
# at all (it would pull in every goal of the chapter).
WEIGHTS = {"id": 10, "text": 8, "metric": 7, "tags": 6, "target": 6, "figures": 6, "results": 5, "reported": 4,
           "notes": 3, "sources": 2, "section": 1}
FIELDS = tuple(WEIGHTS)
CLAIM_FIELDS = ("id", "text", "figures", "results", "notes")
_PUNCT = re.compile(r"[\s\-_/.,;:()\[\]'\"“”‘’`]+")
_NUMBER = re.compile(r"[+-]?\d[\d,]*(\.\d+)?%?")
SNIPPET = 40  # characters of context each side of a match


def norm(text: str) -> str:
    return _PUNCT.sub(" ", text.casefold()).strip()


def _number(query: str):
    q = query.strip()
    if _NUMBER.fullmatch(q):
        try:
            return float(q.replace(",", "").rstrip("%"))
        except ValueError:
            return None
    return None


_GLOSSARY: list | None = None


def glossary() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(English terms, Chinese terms) of the bundled vocabulary (data/glossary.toml); empty
    when it cannot be read."""
    global _GLOSSARY
    if _GLOSSARY is None:
        import os

        from hrplan.planfile.files import bundled_data_dir

        _GLOSSARY = []
        try:
            import tomli

            with open(os.path.join(bundled_data_dir(), "glossary.toml"), "rb") as fh:
                for t in tomli.load(fh).get("terms", []):
                    _GLOSSARY.append((tuple(t.get("en", ())), tuple(t.get("zh", ()))))
        except (OSError, ValueError, TypeError, AttributeError):
            pass
    return _GLOSSARY


def expand(query: str, terms=None) -> list[str]:
    """The query and its glossary equivalents, normalised, the query first."""
    q = norm(query)
    out = [q] if q else []
    for en, zh in (glossary() if terms is None else terms):
        words = [norm(w) for w in (*en, *zh)]
        if q in words:
            out.extend(w for w in words if w and w not in out)
    return out


def _snippet(text: str, term: str) -> str:
    """A piece of ``text`` around the first place ``term`` (normalised) occurs."""
    folded = text.casefold()
    probe = term.split(" ")[0]
    at = folded.find(probe)
    if at < 0:
        return text if len(text) <= 2 * SNIPPET else text[: 2 * SNIPPET] + "…"
    start, end = max(0, at - SNIPPET), min(len(text), at + len(term) + SNIPPET)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


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


def _patterns(terms: list[str]) -> list:
    """A term matches where a word starts: "employment" is not found in "unemployment" (Chinese,
    without spaces between words, matches anywhere)."""
    return [re.compile(("(?<![a-z0-9])" if t[:1].isascii() and t[:1].isalnum() else "") + re.escape(t)) for t in terms]


def _match(fields: dict[str, str], terms: list[str], number, only: str | None, patterns=None):
    """(score, matched fields, snippet field, snippet) of one record, or None."""
    patterns = patterns or _patterns(terms)
    score, matched, snip = 0, [], None
    for name, text in fields.items():
        if not text or (only and name != only):
            continue
        folded = norm(text)
        hit = None
        for i, (term, pattern) in enumerate(zip(terms, patterns)):
            if term and term in folded and pattern.search(folded):
                hit = (i, term)
                break
        if hit is None and number is not None and name == "figures":
            hit = (0, None) if _has_number(text, number) else None
        if hit is None:
            continue
        weight = WEIGHTS.get(name, 3) * (2 if hit[0] == 0 else 1)
        score += weight
        matched.append(name)
        if snip is None or weight > snip[0]:
            snip = (weight, name, _snippet(text, hit[1]) if hit[1] else text)
    if not matched:
        return None
    return score, matched, snip[1], snip[2]


def _has_number(text: str, number: float) -> bool:
    for piece in text.split(" "):
        try:
            v = float(piece)
        except ValueError:
            continue
        if abs(abs(v) - abs(number)) <= 1e-9 * max(abs(v), 1.0):
            return True
    return False


def search(plans: list[m.Plan], query: str, only: str | None = None, terms=None):
    """Matches of ``query`` in the plans: (kind, plan, record, score, fields, snippet field,
    snippet) for goals, claims and plan notes, best first (plan order, then file order, break
    ties)."""
    words = expand(query, terms)
    number = _number(query)
    if not words:
        return []
    patterns = _patterns(words)
    hits = []
    for p_order, plan in enumerate(plans):
        for g_order, g in enumerate(plan.goals.values()):
            found = _match(goal_fields(plan, g), words, number, only, patterns)
            if found:
                hits.append((-found[0], p_order, 0, g_order, ("goal", plan, g, *found)))
        if only in (None, *CLAIM_FIELDS):
            for c_order, c in enumerate(plan.claims):
                found = _match(claim_fields(c), words, number, only, patterns)
                if found:
                    hits.append((-found[0], p_order, 1, c_order, ("claim", plan, c, *found)))
        if only in (None, "notes"):
            for n_order, n in enumerate(plan.notes):
                found = _match({"notes": n.text}, words, number, only, patterns)
                if found:
                    hits.append((-found[0], p_order, 2, n_order, ("note", plan, n, *found)))
    hits.sort(key=lambda h: h[:4])
    return [h[4] for h in hits]
