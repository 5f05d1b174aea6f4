"""The help of ``hrplan help``: its topics (what each status means, the exit codes), a command's
help by name, and the help's layout in a narrow terminal."""

from __future__ import annotations


def help_topic(topic: str, width: int = 79) -> str:
    """The text of a help topic: ``statuses`` (computed and reported, from the status table) or
    ``exit-codes`` (from hrplan.errors)."""
    import textwrap

    from hrplan import errors
    from hrplan.core import statuses

    def entry(label, text, width):
        return textwrap.fill(f"  {label:<{width}}  {text}", columns, subsequent_indent=" " * (width + 4),
                             break_long_words=False, break_on_hyphens=False)

    columns = width

    if topic == "exit-codes":
        return "\n".join(entry(str(code), text, 3) for code, text in errors.EXIT_CODES)
    lines = [textwrap.fill("Computed status (hrplan's, from target and results; `hrplan methodology` gives the "
                           "method):", columns), ""]
    width = max(len(s.name) for s in statuses.TABLE)
    lines += [entry(s.name, f"{s.category.replace('_', ' ')}: {s.legend}", width) for s in statuses.TABLE]
    lines += ["", textwrap.fill("Reported verdict (what a source itself said; never merged with the computed "
                                "status):", columns), ""]
    reported = [(name, legend) for name, (legend, _) in statuses.REPORTED.items()]
    reported.append((statuses.REPORTED_NONE, statuses.REPORTED_NONE_LEGEND))
    lines += [entry(name, legend, width) for name, legend in reported]
    lines += ["", textwrap.fill("not_stated and none differ: not_stated, a source reports on the goal without a "
                                "verdict; none, no source read reports on it at all.", columns)]
    return "\n".join(lines)


TOPICS = ("statuses", "exit-codes")


def help_command(ctx, name: str) -> str:
    """The help of the command ``name``, as ``hrplan NAME --help`` prints it; an unknown name is a
    usage error that offers the closest topics and commands."""
    import click

    root = ctx.find_root()
    group = root.command
    command = group.get_command(root, name)
    if command is None:
        import difflib

        names = [*TOPICS, *group.list_commands(root)]
        close = difflib.get_close_matches(name, names, n=2, cutoff=0.5)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise click.UsageError(f"no help topic or command {name!r}{hint} (topics: {', '.join(TOPICS)}; "
                               "commands: `hrplan --help`)", ctx)
    with command.context_class(command, info_name=name, parent=root) as sub:
        return command.get_help(sub)


def json_refusal(topic: str | None) -> str:
    """Why ``help [COMMAND] --json`` gives no JSON: a command's help is text."""
    if topic:
        return (f"the help of {topic} is text, with no JSON form (the shape of its --json: hrplan schema {topic}); "
                f"the topics with one: {', '.join(TOPICS)}")
    return "help --json needs a topic: " + ", ".join(TOPICS) + " (the commands' JSON shapes: hrplan schema --json)"


def _formatter_class():
    import click
    from click.formatting import measure_table, wrap_text

    class Formatter(click.HelpFormatter):
        """Click's help layout; in a narrow terminal (under 30 cells beside the options), each
        option's text goes under it, wrapped to the width, rather than in a column of ten cells."""

        def write_dl(self, rows, col_max=30, col_spacing=2):
            rows = list(rows)
            first = min(measure_table(rows)[0], col_max) + col_spacing if rows else 0
            if self.width - self.current_indent - first >= 30:
                return super().write_dl(rows, col_max, col_spacing)
            indent = " " * (self.current_indent + 4)
            for term, text in rows:
                self.write(f"{'':>{self.current_indent}}{term}\n")
                if text:
                    self.write(wrap_text(text, max(self.width, 20), initial_indent=indent, subsequent_indent=indent,
                                         preserve_paragraphs=True) + "\n")

    return Formatter


def context_class():
    """The Click context of hrplan's group and commands: its help uses the narrow layout above."""
    global _CONTEXT
    if _CONTEXT is None:
        import click

        _CONTEXT = type("HrplanContext", (click.Context,), {"formatter_class": _formatter_class()})
    return _CONTEXT


_CONTEXT = None
