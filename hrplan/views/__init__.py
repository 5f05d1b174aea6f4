"""Answers laid out as blocks (headings, fields, tables, bars, text) for the renderers; no Click,
no Rich. Imports core only."""
