"""The metadata Datasette reads beside the SQLite export (``export --format datasette-metadata``;
``datasette nhrap.db -m metadata.json``): the title, description, licence and sources of the
data, a description of every table and column (the contract's, ``hrplan.contract.descriptions``),
the column that labels a row where another links to it (a goal shows ``I.1.a``, not its key), the
facets a table opens with, and the full-text index each table searches (``hrplan.render.sqlite_out``).

Datasette keys a table's metadata by the database's name, the stem of its file: ``nhrap`` for
``nhrap.db`` unless told otherwise.
"""

from __future__ import annotations

import html
import re

from hrplan.render import datapackage_out, sqlite_out

DATABASE = "nhrap"
# The column a link to a row shows, and the facets a table opens with (a list column as an array
# facet).
LABELS = {"plans": "id", "sources": "id", "chapters": "title", "sections": "title", "themes": "title",
          "goals": "id", "claims": "id", "indicators": "title"}
FACETS = {
    "goals": ["plan_id", "status", "reported_status", {"array": "tags"}],
    "targets": ["plan_id", "aggregate"],
    "results": ["plan_id", "origin", "qualifier", "used"],
    "sources": ["plan_id", "kind", "document", "language"],
    "notes": ["plan_id", "kind"],
    "claims": ["plan_id", "reported_status"],
    "indicator_goals": ["plan_id", "indicator_id"],
    "indicators": ["direction"],
}
VIEWS = {
    "goals_with_target": "Each goal with its target and its latest result with a figure "
                         "(goals, targets and results joined).",
    "results_with_source": "Each result with its goal's text and the source it was read in, with the "
                           "source's address (results, goals and sources joined).",
}
PAIRS = ("The Chinese of the texts as overlapping pairs of characters (保障人权: 保障 障人 人权): search a "
         "Chinese word of two characters as it is, a longer one as the phrase of its pairs (残疾 疾人).")


def _table(t, fts: bool) -> dict:
    out = {"description": t.description, "columns": {c.name: c.description for c in t.columns}}
    if t.name in LABELS:
        out["label_column"] = LABELS[t.name]
    if t.name in FACETS:
        out["facets"] = FACETS[t.name]
    if fts and t.search:
        out["fts_table"], out["fts_pk"] = f"{t.name}_fts", "rowid"
    return out


def _fts_table(t) -> dict:
    cols = {c.name: c.description for c in t.columns}
    key = t.primary_key[0]
    return {"description": f"The full-text index of {t.name}: its texts and their Chinese as character pairs; "
                           f"its rowid is the row's in {t.name}.",
            "columns": {key: cols[key], **{c: cols[c] for c in t.search if c != key}, "zh_pairs": PAIRS}}


_OF = {"targets": "its target", "results": "the result", "sources": "the source", "goals": "the goal"}
_OF_PREFIX = {"latest_": "the latest result"}  # a view's column named after what it is of


def _view_columns(sql: str, tables) -> dict:
    """The description of each column of a view, read off its SQL: a column is its table's own,
    described as there (``t.value AS target_value``: the target's value)."""
    by_name = {t.name: {c.name: c.description for c in t.columns} for t in tables}
    select, _, rest = " ".join(sql.split()).partition(" FROM ")
    aliases = dict((a, name) for name, a in re.findall(r"(?:FROM|JOIN)\s+(\w+)\s+(\w+)", " FROM " + rest))
    out = {}
    for item in select.replace("SELECT", "", 1).split(","):
        m = re.match(r"\s*(\w+)\.(\w+)(?:\s+AS\s+(\w+))?\s*$", item)
        if not m or aliases.get(m[1]) not in by_name:
            continue
        table, column = aliases[m[1]], m[2]
        text = by_name[table].get(column)
        if text:
            of = next((v for k, v in _OF_PREFIX.items() if m[3] and m[3].startswith(k)), _OF.get(table, table))
            out[m[3] or column] = text if not m[3] else f"Of {of}: {text[0].lower()}{text[1:]}"
    return out


def metadata(tables, sources: list[dict], version: str, database: str = DATABASE, fts: bool = True) -> dict:
    """The metadata of the database ``database`` made of ``tables``; ``sources``: the documents
    the plans were read in (``{title, path}``, as the data package lists them); ``fts``: whether
    the database has its full-text indexes."""
    package = datapackage_out.descriptor(tables, sources, version)
    licence = datapackage_out.LICENCE
    items = "".join(f'<li><a href="{html.escape(s["path"])}">{html.escape(s["title"])}</a></li>' if "path" in s
                    else f"<li>{html.escape(s['title'])}</li>" for s in sources)
    described = {t.name: _table(t, fts) for t in tables}
    if fts:
        described.update({f"{t.name}_fts": _fts_table(t) for t in tables if t.search})
    described.update({name: {"description": text, "columns": _view_columns(sqlite_out.VIEWS[name], tables)}
                      for name, text in VIEWS.items() if name in sqlite_out.VIEWS})
    return {
        "title": package["title"],
        "description_html": f"<p>{html.escape(package['description'])}</p>"
                            f"<p>The documents the plans were read in:</p><ul>{items}</ul>",
        "license": licence["name"],
        "license_url": licence["path"],
        "source": "The plans, their assessments and the official sources each row cites (the sources table)",
        "source_url": f"/{database}/sources",
        "about": f"hrplan {version}",
        "databases": {database: {"title": package["title"], "license": licence["name"],
                                 "license_url": licence["path"], "tables": described}},
    }
