"""The JSON Schema (draft 2020-12) of each command's ``--json`` output, generated from the
TypedDicts of ``hrplan.contract.plan``, ``hrplan.contract.series`` and ``hrplan.contract.records``:
one definition of each shape, so the schema cannot drift from what hrplan prints. ``hrplan schema
NAME`` prints one.

Every key of a record is required (a missing value is ``null``) and no other key is allowed. A
list command's ``--fields`` projects its records (``PROJECTED``): the answer then has ``fields``,
the keys asked for, and each record exactly those keys. The plain schema allows either form (an
``if``/``then``/``else`` on ``fields``); ``schema(name, fields)`` describes one projection exactly.
"""

from __future__ import annotations

import types
import typing

from hrplan.contract import across, series as series_shapes, plan as shapes
from hrplan.contract.columns import fields, is_record

# command name -> the TypedDict of its answer
ANSWERS = {
    "areas": shapes.AreasAnswer,
    "compare": series_shapes.CompareAnswer,
    "export": shapes.ExportAnswer,
    "goals": shapes.GoalsAnswer,
    "help": typing.Union[shapes.HelpStatusesAnswer, shapes.HelpExitCodesAnswer],
    "indicators": series_shapes.IndicatorsAnswer,
    "methodology": shapes.MethodologyAnswer,
    "notes": shapes.NotesAnswer,
    "plans": series_shapes.PlansAnswer,
    "progress": shapes.ProgressAnswer,
    "quotas": shapes.GoalsAnswer,
    "search": shapes.SearchAnswer,
    "show": typing.Union[shapes.ShowAnswer, shapes.ShowClaimAnswer, shapes.ShowSourceAnswer, shapes.ShowPlanAnswer],
    "sources": typing.Union[shapes.SourcesAnswer, shapes.ShowSourceAnswer],
    "stats": shapes.StatsAnswer,
    "summary": shapes.SummaryAnswer,
    "tags": shapes.TagsAnswer,
    "trend": series_shapes.TrendAnswer,
    "validate": shapes.ValidateAnswer,
}
NAMES = tuple(sorted(ANSWERS))
# command name -> the TypedDict of its answer across every plan (``--plan all``), another shape of it
ACROSS = {"export": across.ExportAcrossAnswer, "goals": across.GoalsAcrossAnswer, "notes": across.NotesAcrossAnswer,
          "progress": across.ProgressAcrossAnswer, "quotas": across.GoalsAcrossAnswer,
          "sources": across.SourcesAcrossAnswer}
# command name -> the list of records that --fields projects
PROJECTED = {"goals": "goals", "quotas": "goals", "export": "goals"}
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _type(tp, defs: dict) -> dict:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is type(None):
        return {"type": "null"}
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin in (typing.Union, types.UnionType):
        options = [_type(a, defs) for a in args]
        return {"anyOf": options}
    if origin is list:
        return {"type": "array", "items": _type(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type(args[1], defs)}
    if is_record(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder: a record may (one day) hold itself
            hints = fields(tp)
            defs[name] = {"type": "object", "properties": {k: _type(v, defs) for k, v in hints.items()},
                          "required": list(hints), "additionalProperties": False}
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def field_names(name: str) -> list[str]:
    """The keys --fields may name for the command ``name`` (the keys of its projected records)."""
    answer = ANSWERS[name]
    return list(fields(typing.get_args(fields(answer)[PROJECTED[name]])[0]))


def _projected(name: str, top: dict, defs: dict, picked: list[str] | None, answer=None) -> dict:
    """The answer's schema (``answer``: another shape of it than ``ANSWERS``'s) with its records
    projected: any projection (``picked`` None), else exactly the keys ``picked``."""
    items = PROJECTED[name]
    record = typing.get_args(fields(answer or ANSWERS[name])[items])[0].__name__
    full, whole = defs[record], top["properties"][items]
    keys = field_names(name)
    names = {"type": "array", "items": {"enum": keys}, "minItems": 1, "uniqueItems": True}
    if picked is not None:
        del defs[record]  # only the picked keys' own records stay
        part = {"type": "object", "properties": {k: full["properties"][k] for k in picked}, "required": list(picked),
                "additionalProperties": False}
        return dict(top, properties={**top["properties"], "fields": {"const": list(picked)},
                                     items: {"type": "array", "items": part}}, required=[*top["required"], "fields"])
    defs[record + "Fields"] = {"type": "object", "properties": full["properties"], "minProperties": 1,
                               "additionalProperties": False}
    return dict(top, properties={**top["properties"], "fields": names, items: {"type": "array"}}, **{
        "if": {"required": ["fields"]},
        "then": {"properties": {items: {"type": "array", "items": {"$ref": f"#/$defs/{record}Fields"}}}},
        "else": {"properties": {items: whole}}})


def _across(name: str, answer, top: dict, defs: dict, picked: list[str] | None) -> dict:
    """Either shape of the answer: for one plan (``top``) or, with ``--plan all``, across every plan
    (``ACROSS``), each a definition; an across export holds each plan's export as one plan's is."""
    shapes = top["anyOf"] if "anyOf" in top else [{"$ref": f"#/$defs/{answer.__name__}"}]
    if is_record(answer):
        defs[answer.__name__] = top
    other = ACROSS[name]
    _type(other, defs)
    if name in PROJECTED and PROJECTED[name] in fields(other):
        defs[other.__name__] = _projected(name, defs[other.__name__], defs, picked, other)
    return {"anyOf": [*shapes, {"$ref": f"#/$defs/{other.__name__}"}]}


def schema(name: str, picked: list[str] | None = None) -> dict:
    """The JSON Schema of ``hrplan NAME --json``; with ``picked``, of ``hrplan NAME --fields
    PICKED --json`` (a command of ``PROJECTED``)."""
    defs: dict = {}
    answer = ANSWERS[name]
    root = _type(answer, defs)
    top = defs.pop(answer.__name__) if is_record(answer) else root
    if name in PROJECTED:
        top = _projected(name, top, defs, picked)
    if name in ACROSS:
        top = _across(name, answer, top, defs, picked)
    title = f"hrplan {name} --fields {','.join(picked)} --json" if picked else f"hrplan {name} --json"
    out = {"$schema": DIALECT, "title": title, **top}
    if defs:
        out["$defs"] = dict(sorted(defs.items()))
    return out
