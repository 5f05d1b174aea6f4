"""JSON output: one UTF-8 document per call on standard output. Never imports Rich.

Strings are written as UTF-8, but for the characters a terminal would obey or that reorder what
it shows: json escapes the C0 controls itself; DEL, the C1 controls and the bidirectional
overrides (``hrplan.core.unsafe.UNSAFE``) are escaped here as ``\\uXXXX`` too, so that printing the
JSON of a hostile plan file cannot change the terminal.
"""

from __future__ import annotations

import json
import re
import sys

from hrplan.render.streams import write_utf8
from hrplan.core.unsafe import unsafe_pattern

# The characters of schema.UNSAFE that json writes as they are: all but the C0 controls, which it
# escapes. Outside its strings, JSON text is ASCII punctuation, digits and words, so any of them
# in the encoder's output is inside a string, where \uXXXX means the same character: escaping
# them in the output is exact.
_C0 = "".join(map(chr, range(0x20)))


def _escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def safe(text: str) -> str:
    """Encoded JSON with DEL, C1 controls and bidirectional overrides escaped. ASCII text (known
    at no cost) can hold only DEL of them, found at the speed of memchr; other text, none of them
    if it is printable (compact JSON has no newline), else one search."""
    if text.isascii():
        return text.replace("\x7f", "\\u007f") if "\x7f" in text else text
    if text.isprintable():
        return text
    raw = unsafe_pattern(_C0)
    return text if raw.search(text) is None else raw.sub(_escape, text)


def dumps(answer) -> str:
    """Indented JSON, for a person at a terminal."""
    return safe(json.dumps(answer, ensure_ascii=False, indent=2, allow_nan=False)) + "\n"


def write(answer, stream=None) -> None:
    """Indented for a person at a terminal, compact when piped (as gh does)."""
    stream = stream or sys.stdout
    try:
        pretty = stream.isatty()
    except (AttributeError, ValueError, OSError):
        pretty = False
    if pretty:
        write_utf8(dumps(answer), stream)
        return
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        _compact(answer, stream.write, 0)
        stream.write("\n")
        return
    stream.flush()
    _compact(answer, lambda text: buffer.write(text.encode("utf-8")), 0)
    buffer.write(b"\n")
    buffer.flush()


# Answers are trees built by hrplan.answers (a record may appear twice, never inside itself), so
# the encoder's check for cycles, a set insertion per container, is left out.
_ENCODE = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"), check_circular=False).encode


def _compact(value, emit, depth) -> None:
    """Compact JSON, the same text as ``safe(_ENCODE(value))`` (no indent: the C encoder, several
    times faster; jq and friends re-indent anyway), encoded piece by piece.

    The encoder builds a long list of fragments before joining them, several times the size of
    its output; encoding the outer levels one member at a time keeps that peak to one goal."""
    if depth < 2 and isinstance(value, dict):
        emit("{")
        for i, (key, item) in enumerate(value.items()):
            emit(("," if i else "") + safe(_ENCODE(key)) + ":")
            _compact(item, emit, depth + 1)
        emit("}")
    elif depth < 2 and isinstance(value, list):
        emit("[")
        for i, item in enumerate(value):
            if i:
                emit(",")
            _compact(item, emit, depth + 1)
        emit("]")
    else:
        emit(safe(_ENCODE(value)))


def write_lines(records, stream=None) -> None:
    """NDJSON: one compact JSON document per line."""
    write_utf8(safe("".join(json.dumps(r, ensure_ascii=False, allow_nan=False) + "\n" for r in records)),
               stream or sys.stdout)
