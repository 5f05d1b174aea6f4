"""Plan files: find, read, parse, check, locate, build and cache them; the indicator registry and
the plan file's JSON Schema. Imports core, errors and outfile only."""
