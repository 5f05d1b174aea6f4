"""JSON output: one UTF-8 document per call on standard output. Never imports Rich."""

from __future__ import annotations

import json
import sys

from hrplan.render import write_utf8


def dumps(answer) -> str:
    return json.dumps(answer, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write(answer, stream=None) -> None:
    write_utf8(dumps(answer), stream or sys.stdout)


def write_lines(records, stream=None) -> None:
    """NDJSON: one compact JSON document per line."""
    write_utf8("".join(json.dumps(r, ensure_ascii=False, allow_nan=False) + "\n" for r in records),
               stream or sys.stdout)
