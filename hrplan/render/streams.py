"""Writing machine-readable output: UTF-8 bytes on a stream, whatever encoding the locale gives
it."""

from __future__ import annotations


def write_utf8(text: str, stream) -> None:
    """Write machine-readable output as UTF-8 bytes, whatever encoding the locale gives stdout."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
