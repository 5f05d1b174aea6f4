"""JSON output: one UTF-8 document per call on standard output. Never imports Rich."""

from __future__ import annotations

import json
import sys


def dumps(answer) -> str:
    return json.dumps(answer, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write(answer, stream=None) -> None:
    """Write ``answer`` as UTF-8 JSON bytes, whatever the locale's encoding says."""
    stream = stream or sys.stdout
    text = dumps(answer)
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        stream.write(text)


def write_lines(records, stream=None) -> None:
    """NDJSON: one compact JSON document per line."""
    stream = stream or sys.stdout
    buffer = getattr(stream, "buffer", None)
    for rec in records:
        line = json.dumps(rec, ensure_ascii=False, allow_nan=False) + "\n"
        if buffer is not None:
            buffer.write(line.encode("utf-8"))
        else:
            stream.write(line)
    if buffer is not None:
        buffer.flush()
