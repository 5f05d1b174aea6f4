"""Plan files: find, read, parse, check, locate, build and cache them; the indicator registry."""
