"""Where a problem is in a plan file: the line of the faulty key or value, and key paths that name
a goal or source by its id (``goals[I.1.a].txet`` rather than ``goals[0].txet``).

tomli gives no positions, so the text is scanned here: a small reader of TOML's layout (table
headers, keys, inline tables, arrays, strings and comments) that records the line where each key
path starts. It reads only text that tomli has parsed, and only when there are problems to
place: a valid file never pays for it.
"""

from __future__ import annotations

import re

from hrplan.planfile.rules import ID_RE

# Tokens of TOML's layout. Strings come first (they may hold any of the other characters);
# a bare word is a key or a scalar (number, boolean, date; a date and time is two words).
_TOKEN = re.compile(r'''
    (?P<ml>"""(?:[^"\\]|\\.|"(?!""))*"{3,5}|\'\'\'(?:[^']|'(?!''))*'{3,5})
  | (?P<str>"(?:[^"\\\n]|\\.)*"|'[^'\n]*')
  | (?P<nl>\n)
  | (?P<skip>[ \t\r]+|\#[^\n]*)
  | (?P<punct>[\[\]{}=,.])
  | (?P<bare>[^\s\[\]{}=,."'\#]+)
''', re.VERBOSE | re.DOTALL)


def _tokens(text: str):
    """(kind, text, line, offset) of each token; "ml" strings may span lines, counted in ``line``."""
    line, pos, end = 1, 0, len(text)
    while pos < end:
        mt = _TOKEN.match(text, pos)
        if mt is None:  # not TOML that tomli accepted: stop where the reading ends
            return
        kind, value = mt.lastgroup, mt.group()
        if kind != "skip":
            yield kind, value, line, mt.start()
        line += value.count("\n") if kind in ("ml", "nl") else 0
        pos = mt.end()


def _key(kind: str, value: str) -> str:
    """A key's name: a bare key as it is, a quoted key decoded."""
    if kind == "bare":
        return value
    if value.startswith("'"):
        return value[1:-1]
    import tomli

    try:
        return tomli.loads(f"k = {value}")["k"]
    except Exception:  # noqa: BLE001 - a key tomli accepted decodes; this is a guard
        return value[1:-1]


_END = (None, None, None, None)


class _Reader:
    """Reads the tokens of a TOML text into ``lines``: key path (a tuple of names and indexes) to
    the line where it starts, for the paths in ``wanted`` (every path, when it is None). The
    tokens are read as they come, one ahead, so that a large file costs no more memory than
    the paths wanted."""

    def __init__(self, text: str, wanted=None):
        self.stream = _tokens(text)
        self.ahead = next(self.stream, _END)
        self.wanted = wanted
        self.lines: dict[tuple, int] = {}
        self.arrays: dict[tuple, int] = {}  # array of tables (by its path) -> index of its last table

    def peek(self):
        return self.ahead

    def skip(self) -> None:
        self.ahead = next(self.stream, _END)

    def take(self):
        tok = self.ahead
        self.ahead = next(self.stream, _END)
        return tok

    def mark(self, path: tuple, line: int) -> None:
        if self.wanted is None or path in self.wanted:
            self.lines.setdefault(path, line)

    def read(self) -> dict[tuple, int]:
        table: tuple = ()
        while self.ahead is not _END:
            kind, value, line, start = self.ahead
            if kind == "nl":
                self.skip()
            elif value == "[":
                table = self.header()
            else:
                self.keyval(table)
        return self.lines

    def dotted(self) -> tuple[list[str], int]:
        """A dotted key: its names and the line of its first part."""
        names, first = [], None
        while True:
            kind, value, line, _ = self.take()
            first = first or line
            names.append(_key(kind, value))
            if self.peek()[1] != ".":
                return names, first
            self.skip()

    def header(self) -> tuple:
        """A [table] or [[array of tables]] header: the table's path."""
        _, _, line, start = self.take()
        double = self.peek()[1] == "[" and self.peek()[3] == start + 1
        if double:
            self.skip()
        names, _ = self.dotted()
        self.skip()  # the closing ]
        if double:
            self.skip()
        path: tuple = ()
        for n, name in enumerate(names):
            path += (name,)
            self.mark(path, line)
            if n == len(names) - 1 and double:
                index = self.arrays.get(path, -1) + 1
                self.arrays[path] = index
                path += (index,)
            elif path in self.arrays:
                path += (self.arrays[path],)
            self.mark(path, line)
        return path

    def keyval(self, table: tuple) -> None:
        names, line = self.dotted()
        path = table
        for name in names:
            path += (name,)
            self.mark(path, line)
        self.skip()  # =
        self.value(path)

    def value(self, path: tuple) -> None:
        kind, value, line, _ = self.take()
        if value == "{":
            self.inline_table(path)
        elif value == "[" and kind == "punct":
            self.array(path)
        else:  # a scalar: a float is three tokens (1 . 5), a date and a time two
            while (self.peek()[0] == "bare" or self.peek()[1] == ".") and self.peek()[2] == line:
                self.skip()

    def inline_table(self, path: tuple) -> None:
        while True:
            kind, value, _, _ = self.peek()
            if kind is None or value == "}":
                self.skip()
                return
            if kind == "nl" or value == ",":
                self.skip()
                continue
            self.keyval(path)

    def array(self, path: tuple) -> None:
        index = 0
        while True:
            kind, value, line, _ = self.peek()
            if kind is None or value == "]":
                self.skip()
                return
            if kind == "nl":
                self.skip()
            elif value == ",":
                self.skip()
                index += 1
            else:
                self.mark(path + (index,), line)
                self.value(path + (index,))


def key_lines(text: str, wanted=None) -> dict[tuple, int]:
    """Key path -> line, for every key, table and array element of a TOML text (or for those of
    the set ``wanted``)."""
    reader = _Reader(text, wanted)
    try:
        return reader.read()
    except (IndexError, TypeError, AttributeError):  # text tomli did not accept: what was read
        return reader.lines


_STEP = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")


def split_path(path: str) -> tuple:
    """``goals[12].results[0].source`` -> ("goals", 12, "results", 0, "source")."""
    parts, pos = [], 0
    while pos < len(path):
        mt = _STEP.match(path, pos)
        if mt is None:
            break
        parts.append(int(mt.group(1)) if mt.group(1) is not None else mt.group(2))
        pos = mt.end()
    return tuple(parts)


# Tables whose elements have an id; a problem inside one names it by its id where the id is
# valid and unique in its table (a duplicate id keeps the index, to tell the two apart).
ID_TABLES = ("sources", "chapters", "sections", "themes", "goals", "claims", "indicators")


def place(problems, text: str, doc) -> None:
    """Give each problem without a line the line of its key path (or of the nearest table or key
    above it that is in the text), and name the element of an id table by its id."""
    split = [split_path(p.path or "") for p in problems]
    lines = key_lines(text, {parts[:n] for parts in split for n in range(1, len(parts) + 1)})
    ids: dict[str, dict[int, str]] = {}
    for p, parts in zip(problems, split):
        if p.line is None and parts:
            for n in range(len(parts), 0, -1):
                line = lines.get(parts[:n])
                if line is not None:
                    p.line = line
                    break
        if len(parts) >= 2 and parts[0] in ID_TABLES and isinstance(parts[1], int):
            named = ids.get(parts[0])
            if named is None:
                named = ids[parts[0]] = _unique_ids(doc, parts[0])
            gid = named.get(parts[1])
            prefix = f"{parts[0]}[{parts[1]}]"
            if gid is not None and p.path.startswith(prefix):
                p.path = f"{parts[0]}[{gid}]" + p.path[len(prefix):]


def _unique_ids(doc, table: str) -> dict[int, str]:
    """Index -> id of the elements of ``doc[table]`` whose id is valid and unique."""
    items = doc.get(table) if isinstance(doc, dict) else None
    if not isinstance(items, list):
        return {}
    found = [(i, item.get("id")) for i, item in enumerate(items) if isinstance(item, dict)]
    found = [(i, gid) for i, gid in found if isinstance(gid, str) and ID_RE.fullmatch(gid)]
    counts: dict[str, int] = {}
    for _, gid in found:
        counts[gid] = counts.get(gid, 0) + 1
    return {i: gid for i, gid in found if counts[gid] == 1}
