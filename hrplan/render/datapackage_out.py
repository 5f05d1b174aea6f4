"""A Frictionless data package (``export --format datapackage``): the tables of ``hrplan.answers.tables``
as one CSV file each, and a ``datapackage.json`` that describes them (a Table Schema per file:
field types, required fields, vocabularies, primary and foreign keys), with a licence and the
sources. The form open-data tools read: R's ``frictionless``, Python's ``frictionless`` and
pandas, a spreadsheet. The directory is written whole or not at all (``hrplan.outfile``).

In the CSV files an empty cell is a missing value, booleans are ``true`` and ``false``, and a
list is a JSON array (Table Schema's ``array`` type).
"""

from __future__ import annotations

import csv
import json
import os

from hrplan import outfile

DESCRIPTOR = outfile.MARK  # datapackage.json
# The licence of hrplan, whose data files this package holds (pyproject.toml). The texts are
# hrplan's paraphrases; figures, dates and titles are as the cited sources give them.
LICENCE = {"name": "MIT", "path": "https://opensource.org/licenses/MIT", "title": "MIT License"}


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _field(column) -> dict:
    field = {"name": column.name, "type": column.type}
    constraints = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if constraints:
        field["constraints"] = constraints
    return field


def resource(table) -> dict:
    """The descriptor of one table's CSV file."""
    schema = {"fields": [_field(c) for c in table.columns], "missingValues": [""],
              "primaryKey": list(table.primary_key)}
    if table.foreign_keys:
        schema["foreignKeys"] = [{"fields": col, "reference": {"resource": other, "fields": ref}}
                                 for col, other, ref in table.foreign_keys]
    return {"name": table.name, "path": f"{table.name}.csv", "profile": "tabular-data-resource",
            "description": table.description, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": schema}


def descriptor(tables, sources: list[dict], version: str) -> dict:
    """The ``datapackage.json`` of the tables."""
    plans = next(t for t in tables if t.name == "plans")
    ids = [row[0] for row in plans.rows]
    return {
        "profile": "tabular-data-package",
        "name": "hrplan-nhrap",
        "title": "China's National Human Rights Action Plans: targets, reported results and computed status",
        "description": ("The plans " + ", ".join(ids) + " as hrplan holds them: every goal with its target, "
                        "its reported results and the source and address each was read in, hrplan's computed "
                        "status and progress beside the source's own verdict, the assessments' claims, notes on "
                        "the data, and the indicators that link targets across plans. Texts are hrplan's "
                        "paraphrases; figures, dates and official titles are as the sources give them. How a "
                        "status is computed: `hrplan methodology`."),
        "version": version,
        "licenses": [LICENCE],
        "sources": sources,
        "resources": [resource(t) for t in tables],
    }


def write(tables, sources: list[dict], version: str, path: str) -> None:
    """Write the package into the directory ``path`` (a new or empty directory, or one this wrote
    before, which is replaced only when the new package is complete)."""
    with outfile.replacing_dir(path) as tmp:
        for t in tables:
            with open(os.path.join(tmp, f"{t.name}.csv"), "w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh, lineterminator="\n")
                writer.writerow([c.name for c in t.columns])
                writer.writerows([_cell(v) for v in row] for row in t.rows)
        with open(os.path.join(tmp, DESCRIPTOR), "w", encoding="utf-8", newline="") as fh:
            fh.write(json.dumps(descriptor(tables, sources, version), ensure_ascii=False, indent=2) + "\n")
