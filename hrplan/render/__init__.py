"""Renderers: one module per output form. A renderer lays out what it is given; it never computes.

What a plan file holds is untrusted: a renderer never writes a control character or a
bidirectional override that came from the data (``visible``; the JSON writer escapes them)."""

from __future__ import annotations

import re

from hrplan.core.unsafe import escaped, unsafe_pattern


def _escape(match: re.Match) -> str:
    return escaped(match.group())


def visible(text: str, keep: str = "") -> str:
    r"""``text`` with every control character and bidirectional override (``hrplan.planfile.rules.UNSAFE``)
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


def write_utf8(text: str, stream) -> None:
    """Write machine-readable output as UTF-8 bytes, whatever encoding the locale gives stdout."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
