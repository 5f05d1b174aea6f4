"""A TypedDict's fields and its flat columns: what CSV, SQLite and the data package write of a
record."""

from __future__ import annotations

import typing


def is_record(tp) -> bool:
    return isinstance(tp, type) and issubclass(tp, dict) and hasattr(tp, "__annotations__") and hasattr(tp, "__total__")


def fields(record) -> dict:
    """A TypedDict's keys and their types, in order."""
    return typing.get_type_hints(record)


# The types of a column, as Frictionless names them (SQLite's are in hrplan.render.sqlite_out).
STRING, INTEGER, NUMBER, BOOLEAN, ARRAY = "string", "integer", "number", "boolean", "array"


class Column:
    """A column: its name, where its value is in a record (a key path), its type, whether it may
    be empty, and its vocabulary (a Literal's values)."""

    __slots__ = ("name", "path", "type", "required", "enum")

    def __init__(self, name, path, type, required=True, enum=None):
        self.name, self.path, self.type, self.required, self.enum = name, tuple(path), type, required, enum

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


def columns(record, prefix: str = "", skip=(), path=(), nullable: bool = False) -> list[Column]:
    """The columns of a TypedDict: one per scalar or list field, nested records flattened as
    ``key_subkey`` (also the CSV columns of ``export``, ``hrplan.render.csv_out``)."""
    out = []
    for key, tp in fields(record).items():
        if key in skip:
            continue
        tp, optional = _optional(tp)
        here = (*path, key)
        if is_record(tp):
            out.extend(columns(tp, f"{prefix}{key}_", (), here, nullable or optional))
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
        out.append(Column(prefix + key, here, kind, not (optional or nullable), enum))
    return out
