"""The structural rules of a plan file, written once: what each table may hold, the types of its
values, and the limits of a file (size, years, format version).

``hrplan.validate`` checks a parsed document against these rules; ``docs/format.md`` describes
them for people.
"""

from __future__ import annotations

import re

from hrplan import model as m

MAX_FILE_BYTES = 64 * 1024 * 1024  # refuse bigger plan files with a size message
YEAR_MIN, YEAR_MAX = 1949, 2100
# Used with fullmatch: "$" would also match before a final newline, and accept "I.1\n".
ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
URL_RE = re.compile(r"https?://[^\s/$.?#][^\s]*")
FORMAT_VERSION = 1


# Schema: what each table may hold. A spec is a type name, a tuple of allowed values, or a
# nested schema (dict) for a table / ``[dict]`` for an array of tables. Keys ending in "!" are
# required.

NOTE = {"text!": "str", "kind": m.NOTE_KINDS, "sources": "idlist"}
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
    "wording": "str",
}
RESULT = {
    "source!": "id",
    "year": "year",
    "period": "period",
    "value": "num",
    "unit": "str",
    "qualifier": m.QUALIFIERS,
    "text": "str",
    "locator": "str",
    "note": "str",
    "see_also": "idlist",
    "use": "bool",
    "aggregate": m.AGGREGATES,
}
GOAL = {
    "id!": "id",
    "section": "id",
    "chapter": "id",
    "text!": "str",
    "kind": m.GOAL_KINDS,
    "tags": "strlist",
    "target": TARGET,
    "results": [RESULT],
    "reported_status": m.REPORTED_STATUSES,
    "reported_wording": "str",
    "plan_sources": "idlist",
    "notes": "notes",
}
CLAIM = {
    "id!": "id",
    "text!": "str",
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
    "note": "str",
}
CHAPTER = {
    "id!": "id",
    "title!": "str",
    "title_zh": "str",
    "aliases": "strlist",
    "coverage": m.COVERAGE,
    "coverage_note": "str",
}
SECTION = dict(CHAPTER, **{"chapter!": "id"})
THEME = {
    "id!": "id",
    "title!": "str",
    "definition!": "str",
    "sections": "idlist",
    "tags": "strlist",
    "goals": "idlist",
    "aliases": "strlist",
}
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

TYPE_NAMES = {
    "str": "a string",
    "id": "an id (letters, digits, . _ : -)",
    "url": "an http(s) address",
    "num": "a number",
    "int": "a whole number",
    "year": f"a year ({YEAR_MIN}-{YEAR_MAX})",
    "period": "a pair of years [start, end]",
    "bool": "true or false",
    "date": "a date (YYYY-MM-DD, YYYY-MM or YYYY)",
    "strlist": "a list of strings",
    "idlist": "a list of ids",
    "statuslist": "a list of statuses",
    "notes": "a list of notes (strings or tables with text)",
}

