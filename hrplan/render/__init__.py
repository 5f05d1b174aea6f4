"""Renderers: one module per output form. A renderer lays out what it is given; it never computes."""
