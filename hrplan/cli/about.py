"""The commands about hrplan itself and its files rather than about one plan's goals: ``validate``
(check plan files), ``methodology`` (the status method), ``schema`` (the JSON Schemas) and ``help``
(topics, and a command's own help). ``hrplan.cli.registry`` names them; each is built only when a
call runs it.
"""

from __future__ import annotations

import sys

import click

from hrplan.cli.options import data_option, format_option, json_option, opts
from hrplan.cli.output import emit


def make_validate():
    @click.command()
    @click.argument("paths", nargs=-1, type=click.Path())
    @json_option
    @format_option()
    @data_option
    def validate(paths, **kw):
        """Check plan files (default: the data in use) and print every problem; exit 1 if any."""
        from hrplan.views import plan as views
        from hrplan.errors import DATA_ERROR
        from hrplan.planfile.check import validate as check

        o = opts(kw)
        answer = check(list(paths), data=o.data)
        emit(o, answer, views.validate_view)
        if not answer["ok"]:
            raise SystemExit(DATA_ERROR)

    return validate


def make_methodology():
    @click.command()
    @json_option
    @format_option()
    def methodology(**kw):
        """How hrplan computes a status from a target and its results (Markdown, rendered at a terminal)."""
        from hrplan.answers import plan as answers
        from hrplan.views import plan as views

        o = opts(kw)
        emit(o, answers.methodology(), views.methodology_view)

    return methodology


def make_schema():
    @click.command()
    @click.argument("name", required=False)
    @click.option("--fields", help="The schema of NAME --fields FIELDS --json (goals, quotas, export).")
    @click.option("--json", "as_json", is_flag=True, help="A schema is JSON already; with no NAME, the names as a JSON list.")
    def schema(name, fields, as_json):
        """The JSON Schema of a command's --json output, or of a data file (plan-file, indicators-file,
        glossary-file); with no NAME, the names."""
        from hrplan.contract import jsonschema as json_schema
        from hrplan.planfile import jsonschema as plan_schema
        from hrplan.core.areas import suggest
        from hrplan.errors import NotFound
        from hrplan.render import json_out

        names = sorted((*json_schema.NAMES, *plan_schema.NAMES))
        if name is None:  # the names, one a line; with --json, as a JSON list
            if as_json:
                json_out.write(names)
            else:
                sys.stdout.write("\n".join(names) + "\n")
            return
        if name not in names:
            raise NotFound("schema", name, suggest(name, names))
        if fields is not None:
            from hrplan.cli.output import field_list

            if name not in json_schema.PROJECTED:
                raise click.BadParameter(f"{name} takes no --fields; " + ", ".join(json_schema.PROJECTED) + " do",
                                         param_hint="'--fields'")
            json_out.write(json_schema.schema(name, field_list(fields, json_schema.field_names(name))))
            return
        json_out.write(plan_schema.file_schema(name) if name in plan_schema.FILES else json_schema.schema(name))

    return schema


def make_help():
    from hrplan.cli.help import TOPICS

    @click.command(name="help")
    @click.argument("topic", metavar="[TOPIC|COMMAND]", required=False)
    @json_option
    def help_(topic, as_json):
        """Help topics (statuses, exit-codes), or a command's help: `hrplan help goals` is `hrplan goals --help`.

        With --json, a topic as one JSON document (a command's help is text: `hrplan schema COMMAND`
        gives the shape of its JSON)."""
        from hrplan.cli.help import help_command, help_topic, json_refusal

        ctx = click.get_current_context()
        if as_json:
            if topic not in TOPICS:
                raise click.UsageError(json_refusal(topic))
            from hrplan.answers.plan import help_topic as answer
            from hrplan.render import json_out

            json_out.write(answer(topic))
            return
        if topic is None:
            click.echo(ctx.find_root().get_help())
            return
        if topic in TOPICS:
            import shutil

            click.echo(help_topic(topic, min(100, shutil.get_terminal_size((80, 24)).columns) - 1))
            return
        click.echo(help_command(ctx, topic))

    return help_
