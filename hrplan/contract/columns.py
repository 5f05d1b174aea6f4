"""A TypedDict's fields and its flat columns: what CSV, SQLite and the data package write of a
record."""

from __future__ import annotations

import typing

from hrplan.contract.descriptions import KEYS, describe, nested


def is_record(tp) -> bool:
    return isinstance(tp, type) and issubclass(tp, dict) and hasattr(tp, "__annotations__") and hasattr(tp, "__total__")


def fields(record) -> dict:
    """A TypedDict's keys and their types, in order."""
    return typing.get_type_hints(record)


# The types of a column, as Frictionless names them (SQLite's are in hrplan.render.sqlite_out).
STRING, INTEGER, NUMBER, BOOLEAN, ARRAY = "string", "integer", "number", "boolean", "array"
# The strings with a form of their own: a date (YYYY-MM-DD, or YYYY-MM or YYYY where a source gives
# no day) and a web address.
DATE, URI = "date", "uri"
FORMATS = {("PlanRecord", "published"): DATE, ("SourceRecord", "date"): DATE,
           ("SourceRecord", "url"): URI, ("ResultRecord", "url"): URI}


class Column:
    """A column: its name, where its value is in a record (a key path), its type, whether it may
    be empty, its form (``FORMATS``), its vocabulary (a Literal's values) and what it means (``hrplan.contract.descriptions``;
    by default that of a joining key of the same name)."""

    __slots__ = ("name", "path", "type", "required", "enum", "description", "format")

    def __init__(self, name, path, type, required=True, enum=None, description=None, format=None):
        self.name, self.path, self.type, self.required, self.enum = name, tuple(path), type, required, enum
        self.description = KEYS.get(name, "") if description is None else description
        self.format = format  # DATE, URI or None

    def value(self, record):
        for key in self.path:
            if record is None:
                return None
            record = record[key] if key.__class__ is int else record.get(key)
        return record


def _optional(tp):
    """(the type without None, whether None was allowed)."""
    args = typing.get_args(tp)
    if type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return (rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]), True
    return tp, False


def columns(record, prefix: str = "", skip=(), path=(), nullable: bool = False, about: str = "") -> list[Column]:
    """The columns of a TypedDict: one per scalar or list field, nested records flattened as
    ``key_subkey`` (also the CSV columns of ``export``, ``hrplan.render.csv_out``); ``about``:
    the description of the record a nested one is in."""
    out = []
    for key, tp in fields(record).items():
        if key in skip:
            continue
        tp, optional = _optional(tp)
        here = (*path, key)
        description = nested(about, describe(record, key))
        if is_record(tp):
            out.extend(columns(tp, f"{prefix}{key}_", (), here, nullable or optional, description))
            continue
        origin, enum = typing.get_origin(tp), None
        if origin is typing.Literal:
            kind, enum = STRING, list(typing.get_args(tp))
        elif origin is list:
            kind = ARRAY
        elif tp is bool:
            kind = BOOLEAN
        elif tp is int:
            kind = INTEGER
        elif tp is float:
            kind = NUMBER
        else:
            kind = STRING
        out.append(Column(prefix + key, here, kind, not (optional or nullable), enum, description,
                          FORMATS.get((record.__name__, key))))
    return out
