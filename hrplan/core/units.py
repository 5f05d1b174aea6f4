"""A number with its unit, in words: the one rule for writing an amount, so that units agree in
number ("1 year", "nearly 1 year", "+1 year", "2 years"). Pure functions, no I/O."""

from __future__ import annotations

# Words that stand before the counted noun ("1 million people" stays plural).
_SCALES = {"thousand", "million", "billion", "trillion", "hundred", "ten", "per"}
_IRREGULAR = {"people": "person", "children": "child", "women": "woman", "men": "man"}


def singular(noun: str) -> str:
    """The singular of a plural English noun of a unit ("years" -> "year", "counties" -> "county");
    a word that is no plural is kept."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    head, dash, tail = noun.rpartition("-")  # "person-times" -> "person-time"
    if dash and tail:
        return head + dash + singular(tail)
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "xes", "sses")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and len(noun) > 2:
        return noun[:-1]
    return noun


def in_number(number: str, unit: str | None) -> str | None:
    """``unit`` as it agrees with ``number`` (a number as written, "1", "+1", "1.0"): its first
    word in the singular for a count of one."""
    if not unit:
        return unit
    bare = number.replace(",", "").lstrip("+-")
    try:
        one = float(bare) == 1
    except ValueError:
        one = False
    words = unit.split(" ")
    if not one or words[0] in _SCALES or not words[0][:1].isalpha():
        return unit
    return " ".join([singular(words[0]), *words[1:]])


def amount(number: str, unit: str | None) -> str:
    """A number and its unit: "1 year", "12 million jobs", "95%" (a unit of per cent follows the
    number without a space)."""
    if not unit:
        return number
    if unit.startswith("%"):
        return f"{number}{unit}"
    return f"{number} {in_number(number, unit)}"
