"""The characters no output may carry from the data (C0 and C1 controls, bidirectional
overrides), and how they are shown (``visible``)."""

from __future__ import annotations

import re


# Characters a plan file's strings may not hold: the control characters (C0, DEL, C1: Unicode's
# Cc), which a terminal obeys (ESC starts a sequence that recolours, moves the cursor, retitles
# the window, writes the clipboard), and the bidirectional embeddings, overrides and isolates
# U+202A-U+202E and U+2066-U+2069 ("Trojan Source"), which reorder what is shown. A free text
# (type "text", below) may hold a newline or a tab; any other string is one line. The renderers
# escape the same set (``hrplan.core.unsafe.visible``), whatever the data.
UNSAFE = (*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))


TEXT_CHARS = "\n\t"  # what a free text may hold of them


def char_class(codes) -> str:
    """A regular-expression class of the code points ``codes``, written as ranges."""
    parts, codes = [], sorted(codes)
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(f"\\u{codes[i]:04x}" + (f"-\\u{codes[j]:04x}" if j > i else ""))
        i = j + 1
    return "[" + "".join(parts) + "]"


def escaped(ch: str) -> str:
    """How hrplan writes a character of UNSAFE for people to see: ``\\n``, ``\\t``, ``\\r``,
    ``\\x1b``, ``\\u202e``."""
    code = ord(ch)
    named = {10: "\\n", 9: "\\t", 13: "\\r"}.get(code)
    return named or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


_PATTERNS: dict[str, re.Pattern] = {}


def unsafe_pattern(keep: str = "") -> re.Pattern:
    """The characters of UNSAFE but those of ``keep``, as a compiled class: ``unsafe_pattern()``
    for a one-line string, ``unsafe_pattern(TEXT_CHARS)`` for a free text. Compiled on first use:
    a class of characters beyond U+00FF makes ``re`` build a 64 KB table, which a run that meets
    no string needing it (most strings pass ``str.isprintable``) should not pay for."""
    found = _PATTERNS.get(keep)
    if found is None:
        found = _PATTERNS[keep] = re.compile(char_class(set(UNSAFE) - {ord(c) for c in keep}))
    return found


def _escape(match: re.Match) -> str:
    return escaped(match.group())


def visible(text: str, keep: str = "") -> str:
    r"""``text`` with every control character and bidirectional override (``UNSAFE``)
    written as a visible escape: ``\x1b`` for ESC, ``\x85`` for NEL, ``\u202e`` for RIGHT-TO-LEFT
    OVERRIDE; ``\n``, ``\t`` and ``\r`` for a newline, a tab, a carriage return. The characters
    of ``keep`` (for example ``"\n\t"`` in a block of text) stay as they are.

    Text without any of them is returned as it is, after one check at C speed."""
    if text.isprintable():  # no control, format or separator character: nothing to escape
        return text
    pattern = unsafe_pattern(keep)
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)
