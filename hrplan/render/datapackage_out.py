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
import re

from hrplan import outfile
from hrplan.contract.columns import DATE, URI

DESCRIPTOR = outfile.MARK  # datapackage.json
# The licence of the data (LICENSE): hrplan's texts are its own paraphrases, and its figures,
# dates, titles and addresses are as the cited sources give them; the code is MIT.
LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
           "title": "Creative Commons Attribution 4.0 International"}
WHOLE_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_PATTERN = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _field(column, values) -> dict:
    """A column's Table Schema field; ``values``: the column's values, which tell whether a date
    column is typed ``date`` (every date whole) or a string of the form YYYY[-MM[-DD]]."""
    field = {"name": column.name, "type": column.type, "description": column.description}
    constraints = {}
    if column.format == URI:
        field["format"] = "uri"
    elif column.format == DATE:
        if all(v is None or WHOLE_DATE.fullmatch(v) for v in values):
            field["type"] = "date"
        else:
            constraints["pattern"] = DATE_PATTERN
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if constraints:
        field["constraints"] = constraints
    return field


def resource(table) -> dict:
    """The descriptor of one table's CSV file."""
    schema = {"fields": [_field(c, [row[i] for row in table.rows]) for i, c in enumerate(table.columns)],
              "missingValues": [""],
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
                        "status is computed: `hrplan methodology`. The data is licensed CC-BY-4.0, hrplan's code "
                        "MIT (LICENSE)."),
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
