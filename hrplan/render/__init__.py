"""Renderers: blocks and records to bytes, one module per output form (terminal, plain, pager,
pictures, JSON, CSV, SQLite, data package). A renderer lays out what it is given; it never
computes, and never writes a control character or a bidirectional override that came from the
data (``hrplan.core.unsafe.visible``; the JSON writer escapes them)."""
