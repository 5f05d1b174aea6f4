"""JSON output: one UTF-8 document per call on standard output. Never imports Rich."""

from __future__ import annotations

import json
import sys

from hrplan.render import write_utf8


def dumps(answer, pretty: bool = True) -> str:
    if pretty:
        return json.dumps(answer, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    # No indent: the C encoder, several times faster; jq and friends re-indent anyway.
    return json.dumps(answer, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"


def write(answer, stream=None) -> None:
    """Indented for a person at a terminal, compact when piped (as gh does)."""
    stream = stream or sys.stdout
    try:
        pretty = stream.isatty()
    except (AttributeError, ValueError, OSError):
        pretty = False
    write_utf8(dumps(answer, pretty), stream)


def write_lines(records, stream=None) -> None:
    """NDJSON: one compact JSON document per line."""
    write_utf8("".join(json.dumps(r, ensure_ascii=False, allow_nan=False) + "\n" for r in records),
               stream or sys.stdout)
