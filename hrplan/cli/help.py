"""The help topics of ``hrplan help``: what each status means, and the exit codes."""

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
