"""The JSON Schema (draft-07) of a plan file, generated from the rules of ``hrplan.planfile.rules``: one
definition of each rule, so the schema an editor checks a plan file with cannot drift from what
``hrplan validate`` accepts. ``hrplan schema plan-file`` prints it; ``data/plan-file.schema.json``
is the same text, shipped beside the bundled plan files, whose first line points to it
(``#:schema ./plan-file.schema.json``: VS Code with Even Better TOML, and anything else built on
taplo, then check and complete a plan file as it is typed). The indicator registry and the search
glossary have theirs the same way (``FILES``: ``hrplan schema indicators-file``, ``glossary-file``).
A test keeps the files identical to this module's output.

The schema checks what an editor can check as one types: the tables, their keys (an unknown key
is an error: it catches typos), required keys, types and values. ``hrplan validate`` checks more
(references, unique ids, plausible years and figures) and has the last word. A TOML date reaches
the schema as a string (``2016-06-14``), as taplo passes it.
"""

from __future__ import annotations

from hrplan.planfile import rules as schema

NAME = "plan-file"  # the name `hrplan schema` knows it by
FILE = "plan-file.schema.json"  # beside the plan files, in data/
DIALECT = "http://json-schema.org/draft-07/schema#"  # the draft editors' TOML tools read
# The data files beside the plans, each with its schema in data/ (named by its first line too):
# the name `hrplan schema` knows it by -> (its top table in the rules, the schema's file, title,
# description).
FILES = {
    NAME: ("TOP", FILE, "hrplan plan file",
           "One National Human Rights Action Plan: its metadata, sources, chapters, sections, themes, goals with "
           "targets and results, and claims (docs/format.md). `hrplan validate` checks more than this schema: "
           "references, unique ids, plausible years and figures."),
    "indicators-file": ("REGISTRY", "indicators.schema.json", "hrplan indicator registry",
                        "The indicators that targets of several plans measure alike (data/indicators.toml, "
                        "docs/format.md). `hrplan validate` checks it too."),
    "glossary-file": ("GLOSSARY", "glossary.schema.json", "hrplan search glossary",
                      "hrplan's bilingual search vocabulary (data/glossary.toml): terms of one meaning in English "
                      "and in Chinese, which widen a search to each other."),
}
NAMES = tuple(FILES)


def _table_names() -> dict[int, str]:
    """The names of the table specs of ``hrplan.planfile.rules`` (``GOAL``, ``TARGET``...), by identity."""
    return {id(v): k.lower() for k, v in vars(schema).items()
            if k.isupper() and isinstance(v, dict) and k not in ("TYPES", "NAMES")}


def _value(spec, defs: dict, names: dict) -> dict:
    """The JSON Schema of a spec: a table, an array of tables, a tuple of values or a type name."""
    if isinstance(spec, dict):
        name = names[id(spec)]
        if name not in defs:
            defs[name] = {}  # placeholder while the table's own specs are walked
            defs[name] = _table(spec, defs, names)
        return {"$ref": f"#/definitions/{name}"}
    if isinstance(spec, list):
        return {"type": "array", "items": _value(spec[0], defs, names)}
    if isinstance(spec, tuple):
        return {"type": "string", "enum": list(spec), "description": "one of " + ", ".join(spec)}
    kind = schema.TYPES[spec]
    if "json" in kind:
        return dict(kind["json"], description=kind["description"])
    items = [_value(s, defs, names) for s in kind["items"]]
    tables = [i for s, i in zip(kind["items"], items) if isinstance(s, dict)]
    if len(items) == 2 and len(tables) == 1:
        # a string or a table (notes): if/then/else rather than anyOf, so that an editor says
        # what is wrong with a table ("'txt' was unexpected"), not only that nothing matched
        other = items[1 - items.index(tables[0])]
        item = {"if": {"type": "object"}, "then": tables[0], "else": other}
    else:
        item = items[0] if len(items) == 1 else {"anyOf": items}
    return {"type": "array", "items": item, "description": kind["description"]}


def _table(spec: dict, defs: dict, names: dict) -> dict:
    properties = {key.rstrip("!"): _value(inner, defs, names) for key, inner in spec.items()}
    out = {"type": "object", "properties": properties, "additionalProperties": False}
    required = [key[:-1] for key in spec if key.endswith("!")]
    if required:
        out["required"] = required
    return out


def file_schema(name: str = NAME) -> dict:
    """The JSON Schema of a data file (``FILES``): a plan file by default."""
    top_name, _, title, description = FILES[name]
    defs: dict = {}
    top = _table(getattr(schema, top_name), defs, _table_names())
    top["properties"]["format"] = {"type": "integer", "enum": [schema.FORMAT_VERSION],
                                   "description": f"the format version: {schema.FORMAT_VERSION}"}
    out = {"$schema": DIALECT, "title": title, "description": description, **top}
    if defs:
        out["definitions"] = defs
    return out


def plan_file_schema() -> dict:
    """The JSON Schema of a plan file."""
    return file_schema(NAME)


def text(name: str = NAME) -> str:
    """A schema as the shipped file holds it: indented JSON, ending in a newline."""
    import json

    return json.dumps(file_schema(name), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
