"""The forms in which search compares a query and a text: the normal form of a text, English words
reduced to their singular, and the numbers a text writes, however it writes them.

- ``norm``: case folded, hyphens, underscores and other punctuation read as spaces, runs of
  spaces as one ("Death-Penalty" is "death penalty").
- ``stem``: a small stemmer for English plurals ("cases" is "case", "policies" "policy",
  "women" "woman"), so that plural and singular find each other; other words are left as they are.
- ``numbers``: each number of a text as (value, multiplier, percent, offset): "4.99 million",
  "499万", "4,990,000" and "4990000" are all 4,990,000; "56.1%" and "56.1 per cent" are percentages.
  ``same_number`` says whether a number a query reads as (``query_number``) is one of them, by
  their ``number_key``.
"""

from __future__ import annotations

import re

_PUNCT = re.compile(r"[\s\-_/.,;:()\[\]'\"“”‘’`]+")


def norm(text: str) -> str:
    return _PUNCT.sub(" ", text.casefold()).strip()


# Words whose final "s" is not a plural's, and plurals that do not end in one.
_KEEP = frozenset(("news", "series", "species", "means", "always", "whereas", "does", "towards", "afterwards",
                   "perhaps", "besides", "various", "across", "thus", "plus", "bus", "gas", "yes", "this", "has",
                   "was", "his", "its", "us", "is", "as"))
_IRREGULAR = {"women": "woman", "men": "man", "children": "child", "feet": "foot", "teeth": "tooth",
              "lives": "life", "wives": "wife", "analyses": "analysis", "crises": "crisis"}


def stem(word: str) -> str:
    """The singular of an English plural noun ("jobs" -> "job"); any other word as it is."""
    irregular = _IRREGULAR.get(word)
    if irregular:
        return irregular
    if len(word) <= 3 or not word.isascii() or not word.isalpha() or word in _KEEP:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("s"):
        return word[:-1]
    return word


def stem_text(folded: str) -> str:
    """A normalised text (``norm``) with each word stemmed."""
    return " ".join(stem(w) for w in folded.split(" "))


# A number as texts and queries write it: digits with or without thousands separators and a
# decimal part, then, optionally, a percent sign or a multiplier (万, 亿, million, billion...).
_MULTIPLIERS = {"%": 1.0, "百万": 1e6, "千万": 1e7, "万亿": 1e12, "万": 1e4, "亿": 1e8, "千": 1e3,
                "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9}
_NUMBER_PATTERN = (
    r"(?<![a-z0-9_.,])([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    r"(?:\s*(%|百万|千万|万亿|万|亿|千)|\s*(per ?cent)(?![a-z])|\s+(thousand|million|billion|trillion|mn|bn)s?(?![a-z]))?")
_NUMBER = None  # compiled when first used: most searches are words


def _pattern():
    global _NUMBER
    if _NUMBER is None:
        _NUMBER = re.compile(_NUMBER_PATTERN)
    return _NUMBER


def _read(match) -> tuple[float, float, bool]:
    sign, digits, frac, zh_or_pct, percent, word = match.groups()
    value = float(digits.replace(",", "") + (frac or ""))
    if sign in ("-", "−"):
        value = -value
    unit = zh_or_pct or word
    pct = bool(percent) or unit == "%"
    return value, (_MULTIPLIERS[unit] if unit and not pct else 1.0), pct


def numbers(text: str) -> list[tuple[float, float, bool, int]]:
    """Each number of ``text``: (value as written, multiplier, whether a percentage, offset)."""
    if not any(c.isdigit() for c in text):
        return []
    return [(*_read(mt), mt.start()) for mt in _pattern().finditer(text.lower())]


def query_number(query: str) -> tuple[float, float, bool] | None:
    """(value as written, multiplier, whether a percentage) of a query that is a number alone
    ("499万", "4.99 million", "4,990,000", "56.1%"), else None."""
    query = query.strip().lower()
    if not query[:1].isdigit() and not query[1:2].isdigit():
        return None
    mt = _pattern().fullmatch(query)
    return _read(mt) if mt else None


def number_key(value: float) -> float:
    """A number's size as search compares it: sign aside, to nine significant digits (4.99 x 10^6
    and 4,990,000 are one key)."""
    return float(f"{abs(value):.9g}")


def same_number(query: tuple[float, float, bool], found: tuple) -> bool:
    """Whether a number of a text (``numbers``) is the query's (``query_number``), sign aside (a
    fall of 66.63 million is found by 66.63 million). A percentage finds only percentages; a plain
    number finds a figure of the same size or written with the same digits ("66.63" finds
    "66.63 million", "56.1" finds "56.1%")."""
    value, mult, pct = query
    if pct:
        return bool(found[2]) and number_key(found[0]) == number_key(value)
    return (number_key(found[0] * found[1]) == number_key(value * mult)
            or (mult == 1.0 and number_key(found[0]) == number_key(value)))
