"""The structural rules of a plan file, written once: what each table may hold, the types of its
values, and the limits of a file (size, years, format version).

``hrplan.planfile.validate`` checks a parsed document against these rules; ``docs/format.md`` describes
them for people.
"""

from __future__ import annotations

import datetime
import math
import re

from hrplan.core import model as m
from hrplan.core.unsafe import TEXT_CHARS, unsafe_pattern

MAX_FILE_BYTES = 64 * 1024 * 1024  # refuse bigger plan files with a size message
YEAR_MIN, YEAR_MAX = 1949, 2100
FORMAT_VERSION = 1


# Used with fullmatch: "$" would also match before a final newline, and accept "I.1\n".
ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
URL_RE = re.compile(r"https?://[^\s/$.?#][^\s]*")


# Tables: what each may hold. A spec is a type name (TYPES, below), a tuple of allowed values,
# or a nested table spec (dict) for a table / ``[dict]`` for an array of tables. Keys ending in
# "!" are required.

NOTE = {"text!": "text", "kind": m.NOTE_KINDS, "sources": "idlist"}
BASELINE = {"value!": "num", "year!": "year"}
TARGET = {
    "metric!": "str",
    "unit!": "str",
    "op!": m.OPS,
    "value!": "num",
    "year": "year",
    "period": "period",
    "baseline": BASELINE,
    "binding": m.BINDING,
    "ceiling": "bool",
    "aggregate": m.AGGREGATES,
    "wording": "text",
    "change": m.CHANGES,
    "base_year": "year",
    "qualifier": m.TARGET_QUALIFIERS,
    "tolerance": "num",
}
RESULT = {
    "source!": "id",
    "year": "year",
    "period": "period",
    "value": "num",
    "unit": "str",
    "qualifier": m.QUALIFIERS,
    "text": "text",
    "locator": "str",
    "note": "text",
    "see_also": "idlist",
    "use": "bool",
    "aggregate": m.AGGREGATES,
    "change": m.CHANGES,
    "base_year": "year",
}
GOAL = {
    "id!": "id",
    "section": "id",
    "chapter": "id",
    "text!": "text",
    "kind": m.GOAL_KINDS,
    "tags": "strlist",
    "target": TARGET,
    "results": [RESULT],
    "reported_status": m.REPORTED_STATUSES,
    "reported_wording": "text",
    "plan_sources": "idlist",
    "notes": "notes",
    "indicator": "id",
}
CLAIM = {
    "id!": "id",
    "text!": "text",
    "area": "id",
    "binding": m.BINDING,
    "share": "num",
    "qualifier": m.QUALIFIERS,
    "counts": "statuslist",
    "reported_status": m.REPORTED_STATUSES,
    "sources": "idlist",
    "results": [RESULT],
    "notes": "notes",
}
SOURCE = {
    "id!": "id",
    "title!": "str",
    "publisher!": "str",
    "url": "url",
    "kind!": m.SOURCE_KINDS,
    "document!": m.DOCUMENTS,
    "date": "date",
    "language": "str",
    "mirror": "bool",
    "note": "text",
}
CHAPTER = {
    "id!": "id",
    "title!": "str",
    "title_zh": "str",
    "aliases": "strlist",
    "coverage": m.COVERAGE,
    "coverage_note": "text",
}
SECTION = dict(CHAPTER, **{"chapter!": "id"})
THEME = {
    "id!": "id",
    "title!": "str",
    "definition!": "text",
    "sections": "idlist",
    "tags": "strlist",
    "goals": "idlist",
    "aliases": "strlist",
}
STATED_SIZE = {"value!": "num", "unit!": "str", "qualifier": m.QUALIFIERS, "sources": "idlist", "note": "text"}
PLAN = {
    "id!": "id",
    "title!": "str",
    "title_zh": "str",
    "issuer": "str",
    "published": "date",
    "period!": "period",
    "predecessor": "id",
    "successor": "id",
    "assessment": "id",
    "sources": "idlist",
    "notes": "notes",
    "stated_size": STATED_SIZE,
}
TOP = {
    "format": "int",
    "plan!": PLAN,
    "sources": [SOURCE],
    "chapters!": [CHAPTER],
    "sections": [SECTION],
    "themes": [THEME],
    "goals": [GOAL],
    "claims": [CLAIM],
}

# The indicator registry (data/indicators.toml): what targets of several plans measure alike.
INDICATOR = {
    "id!": "id",
    "title!": "str",
    "title_zh": "str",
    "unit!": "str",
    "direction!": m.DIRECTIONS,
    "definition!": "text",
    "aliases": "strlist",
    "note": "text",
}
REGISTRY = {"format": "int", "indicators!": [INDICATOR]}

# The search glossary (data/glossary.toml): terms of one meaning, in English and in Chinese, that
# widen a search (hrplan.answers.search).
TERM = {"en!": "strlist", "zh!": "strlist"}
GLOSSARY = {"format": "int", "terms!": [TERM]}

# Types: a spec that is a string names one of these. Each has a description, for messages,
# and either
#
# - "test": a Python expression on the value ``x``, true when the value fits. It may use the
#   names in NAMES and nothing else. This is the rule hrplan applies: hrplan.planfile.validate
#   compiles it into a predicate for the full check, and writes it inline into the generated
#   fast acceptance. Beside it, "json" states the same rule as JSON Schema (draft-07), for
#   editors (``hrplan.planfile.jsonschema``; a test checks that the two agree on sample values). A TOML
#   date reaches an editor's schema as a string, and the JSON forms leave out some of what a
#   test says (a period's years in order, a date's year in range, a finite number, and the
#   cross-checks of ``hrplan.planfile.validate``): ``hrplan validate`` has the last word; or
# - "items": a list type; the value is an array, and each element fits one of these specs.
#
# A tuple spec (one of these strings) is tested by ENUM_TEST, with ``{values}`` standing for a
# name bound to the tuple's values.

NAMES = {"ID": ID_RE.fullmatch, "URL": URL_RE.fullmatch, "DATE": DATE_RE.fullmatch, "isfinite": math.isfinite,
         "date": datetime.date,
         # Whether a string holds a character of UNSAFE it may not hold; each test asks
         # str.isprintable first, which is true of nearly every string and faster.
         "UNSAFE": lambda x: unsafe_pattern().search(x),
         "TEXT_UNSAFE": lambda x: unsafe_pattern(TEXT_CHARS).search(x)}
ENUM_TEST = "x.__class__ is str and x in {values}"
_YEAR = {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX}
TYPES = {
    # One line of text: a title, a name, a unit (see UNSAFE).
    "str": {"description": "a string",
            "test": "x.__class__ is str and x and not x.isspace() and (x.isprintable() or not UNSAFE(x))",
            "json": {"type": "string", "pattern": "\\S"}},
    # A free text, which may run over several lines: a goal's text, a note, a wording, a definition.
    "text": {"description": "a string",
             "test": "x.__class__ is str and x and not x.isspace() and (x.isprintable() or not TEXT_UNSAFE(x))",
             "json": {"type": "string", "pattern": "\\S"}},
    "label": {"description": "a non-empty string", "test": "x.__class__ is str and x and (x.isprintable() or not UNSAFE(x))",
              "json": {"type": "string", "minLength": 1}},
    "id": {"description": "an id (letters, digits, . _ : -)", "test": "x.__class__ is str and ID(x)",
           "json": {"type": "string", "pattern": f"^{ID_RE.pattern}$"}},
    "url": {"description": "an http(s) address",
            "test": "x.__class__ is str and URL(x) and (x.isprintable() or not UNSAFE(x))",
            "json": {"type": "string", "pattern": f"^{URL_RE.pattern}$"}},
    "num": {"description": "a number", "test": "x.__class__ is int or (x.__class__ is float and isfinite(x))",
            "json": {"type": "number"}},
    "int": {"description": "a whole number", "test": "x.__class__ is int", "json": {"type": "integer"}},
    "year": {"description": f"a year ({YEAR_MIN}-{YEAR_MAX})",
             "test": f"x.__class__ is int and {YEAR_MIN} <= x <= {YEAR_MAX}", "json": _YEAR},
    "period": {"description": "a pair of years [start, end]",
               "test": f"x.__class__ is list and len(x) == 2 and x[0].__class__ is int and x[1].__class__ is int"
                       f" and {YEAR_MIN} <= x[0] <= x[1] <= {YEAR_MAX}",
               "json": {"type": "array", "items": _YEAR, "minItems": 2, "maxItems": 2}},
    "bool": {"description": "true or false", "test": "x.__class__ is bool", "json": {"type": "boolean"}},
    # A TOML date, or a string for a month or a year; a date and time is refused.
    "date": {"description": "a date (YYYY-MM-DD, YYYY-MM or YYYY)",
             "test": f"(x.__class__ is str and DATE(x) and {YEAR_MIN} <= int(x[:4]) <= {YEAR_MAX})"
                     f" or (x.__class__ is date and {YEAR_MIN} <= x.year <= {YEAR_MAX})",
             "json": {"type": "string", "pattern": f"^{DATE_RE.pattern}$"}},
    "strlist": {"description": "a list of strings", "items": ["label"]},
    "idlist": {"description": "a list of ids", "items": ["id"]},
    "statuslist": {"description": "a list of statuses", "items": [m.STATUSES]},
    "notes": {"description": "a list of notes (strings or tables with text)", "items": ["text", NOTE]},
}
