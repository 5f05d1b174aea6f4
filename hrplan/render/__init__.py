"""Renderers: one module per output form. A renderer lays out what it is given; it never computes."""

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
