"""An answer to the screen: --fields, --sort and --limit, then JSON, CSV or NDJSON, a terminal
table (through the pager) or plain text, and the pictures; everything written goes where the
call's environment (``Opts.env``, an ``hrplan.render.termenv.TermEnv``) says."""

from __future__ import annotations

import click

from hrplan.cli.options import Opts


def emit(o: Opts, answer, view, items: str | None = None) -> None:
    """Print an answer as JSON, or lay it out with ``view`` (a function of ``hrplan.views.plan``) as a
    Rich table on a terminal or plain tab-separated text in a pipe. A list command names its
    records (``items``): they are what CSV and NDJSON write, and what --fields picked. With --svg
    or --html, the table is also saved as a picture, whatever the form printed; to standard
    output (``-``), the picture is what is printed."""
    env = o.env
    pictured = o.svg or o.html
    if o.svg == "-" and o.html == "-":
        raise click.UsageError("--svg - and --html - both ask for standard output; give a file to one")
    if items and "fields" in answer and (pictured or o.fmt not in ("json", "csv", "ndjson")):
        from hrplan.views.plan import fields_view

        view = fields_view(items)
    if pictured:
        from hrplan.render import picture

        picture.save(view(answer, show_zh=True), o.svg, o.html, env.width, env.out)
        if "-" in (o.svg, o.html):
            return
    if o.fmt == "json":
        from hrplan.render import json_out

        json_out.write(answer, env.out)
        return
    if o.fmt in ("csv", "ndjson"):
        from hrplan.render import csv_out, json_out

        if o.fmt == "csv":
            csv_out.write_records(answer[items], env.out)
        else:
            json_out.write_lines(answer[items], env.out)
        return
    blocks = view(answer, show_zh=env.unicode)
    if o.fmt == "table" or (o.fmt == "auto" and env.isatty):
        from hrplan.render import terminal

        if o.pager and env.isatty:
            import io

            from hrplan.render import pager

            buffer = io.StringIO()
            terminal.render(blocks, env.sized(), buffer)
            pager.show(buffer.getvalue(), env.out, env.environ, env.lines())
        else:
            terminal.render(blocks, env, env.out)
    else:
        from hrplan.render import plain

        plain.render(blocks, env.out, color=env.color, header=o.header)


def arrange(answer: dict, kw: dict, items: str = "goals") -> dict:
    """--sort, --limit and --fields applied to the list ``items`` of an answer (presentation:
    which records, in which order, with which keys; nothing is recomputed)."""
    from hrplan.core.statuses import BY_NAME

    records = answer[items]
    key = kw.pop("sort_by", None)
    if key == "status":
        records = sorted(records, key=lambda r: (-(BY_NAME[r["status"]].rank or -1), r["id"]))
    elif key == "progress":
        records = sorted(records, key=lambda r: (r["progress"] is None, -(r["progress"] or 0)))
    elif key is not None:
        records = sorted(records, key=lambda r: (r[key] is None, str(r[key] or "")))
    limit = kw.pop("limit", None)
    if limit:
        records = records[:limit]
    fields = kw.pop("fields", None)
    if fields:
        from hrplan.contract.records import GoalRecord
        from hrplan.contract.columns import fields as keys_of

        valid = list(keys_of(GoalRecord)) if items == "goals" else (list(records[0]) if records else [])
        names = field_list(fields, valid)
        records = [{n: r[n] for n in names} for r in records]
        answer = dict(answer, fields=names)
    return dict(answer, **{items: records})


def field_list(given: str, valid: list[str]) -> list[str]:
    """The names of ``--fields`` (comma-separated, each once, in the order given), each one of ``valid``."""
    names = list(dict.fromkeys(f.strip() for f in given.split(",") if f.strip()))
    bad = [n for n in names if n not in valid] or ([] if names else [given])
    if bad:
        raise click.BadParameter(f"unknown field {bad[0]!r}; the fields are " + ", ".join(valid),
                                 param_hint="'--fields'")
    return names
