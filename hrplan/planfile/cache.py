"""The parse cache: validated plan documents kept in the user's cache directory.

A cache entry is keyed by the plan file's absolute path, size, modification time, the hrplan
version and the Python implementation; it is written to a temporary file and renamed into place, so a concurrent run
sees the old entry or the new one, never half of one. Anything wrong with an entry (corrupt,
truncated, foreign, another key) means a miss; an unwritable directory means no cache.
``HRPLAN_NO_CACHE=1`` turns the cache off (see ``hrplan.planfile.load.load_plans``).

Format (see ``write``): a magic line, a CRC-32, each goal as its own ``marshal`` dump, decoded
only when the goal is used, and a head (key, where each goal's dump ends, the document without
its goals). The format stays in this module: ``read`` gives the goals as a sequence
(``LazyGoals``) that decodes a goal when it is read.
marshal is about five times faster than JSON here; since it is not meant for untrusted data,
an entry is decoded only when its magic line and checksum are right.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from array import array
from itertools import accumulate, islice

from hrplan import __version__

MAGIC = b"hrplan-cache 7\n"
_BATCH = 256  # goals dumped and written at a time (see write)


def cache_dir() -> str:
    """Where the cache lives: ``$XDG_CACHE_HOME/hrplan`` where that is set, on any system (the
    override docs/environment.md documents); else the user's cache folder as ``platformdirs``
    names it for the system: ``~/Library/Caches/hrplan`` on macOS, ``%LOCALAPPDATA%\\hrplan\\Cache``
    on Windows, ``~/.cache/hrplan`` on Linux. On Linux that is the XDG rule, read here without
    importing platformdirs (a few milliseconds of every run, and start-up time is hrplan's speed);
    a test checks that platformdirs gives the same folder."""
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return os.path.join(base, "hrplan")
    if sys.platform == "linux":
        return os.path.join(os.path.expanduser("~"), ".cache", "hrplan")
    from platformdirs import user_cache_dir

    return user_cache_dir("hrplan", appauthor=False)


def _fnv1a(text: str) -> str:
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8", "surrogatepass"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def key_for(file: str) -> list | None:
    """The cache key of a plan file, or None when the file cannot be stat'ed."""
    try:
        path = os.path.abspath(file)
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    # marshal's format belongs to the Python that wrote it: the interpreter is part of the key
    return ["hrplan", __version__, sys.implementation.cache_tag, path, st.st_size, st.st_mtime_ns]


def _entry_path(key: list) -> str:
    return os.path.join(cache_dir(), _fnv1a(key[3]) + ".cache")


class LazyGoals:
    """The goals of a cache entry, as a sequence of canonical goal tables: each one is decoded from
    its marshal dump when it is read (``goals[i]``), so a command builds only the goals it uses."""

    __slots__ = ("_blob", "_ends")

    def __init__(self, blob, ends: array):
        self._blob, self._ends = blob, ends

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, i: int) -> dict:
        ends = self._ends
        if i < 0:
            i += len(ends)
        end = ends[i]  # IndexError past the end, which also ends iteration
        return marshal.loads(self._blob[ends[i - 1] if i else 0:end])


def read(key: list) -> dict | None:
    """The canonical document (``hrplan.planfile.build.normalise``) kept for ``key``, or None on any miss.

    Its goals are a ``LazyGoals``; everything else is as ``normalise`` gave it.
    """
    try:
        with open(_entry_path(key), "rb") as fh:
            data = fh.read()
        if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 12:
            return None
        at = len(MAGIC)
        crc = int.from_bytes(data[at:at + 4], "big")
        head_size = int.from_bytes(data[at + 4:at + 12], "big")
        body = memoryview(data)[at + 12:]
        if zlib.crc32(body) != crc or head_size > len(body):
            return None
        blob, head = body[:len(body) - head_size], body[len(body) - head_size:]
        entry = marshal.loads(head)
        if not (isinstance(entry, dict) and entry.get("key") == key and isinstance(entry.get("doc"), dict)):
            return None
        ends = array("Q")
        ends.frombytes(entry["ends"])
        doc = entry["doc"]
        columns = doc["index"]
        if (len(columns) != 4 or any(len(column) != len(ends) for column in columns)
                or (ends[-1] if ends else 0) != len(blob)):
            return None
        doc["goals"] = LazyGoals(blob, ends)
        return doc
    except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError):
        pass
    return None


def write(key: list, doc: dict) -> bool:
    """Store a canonical document (``hrplan.planfile.build.normalise``) under ``key``; False (and no error)
    when that cannot be done.

    Layout: magic line, CRC-32 of the rest (4 bytes), size of the head (8 bytes), the goals'
    marshal dumps one after another, then the head (a marshal dump of the key, where each goal's
    dump ends, and the document without its goals, its goal index included). The goals are
    dumped and written a batch at a time, so their memory is reused from batch to batch (a
    measured third less time than dumping all 10,000 of a large plan before writing); the head,
    which says where they end, comes last, and its size and the checksum are filled in then."""
    goals = doc.get("goals", [])

    def fill(fh):
        ends, crc = array("Q"), 0
        fh.write(MAGIC + bytes(12))
        for i in range(0, len(goals), _BATCH):
            dumps = [marshal.dumps(g) for g in goals[i:i + _BATCH]]
            ends.extend(islice(accumulate(map(len, dumps), initial=ends[-1] if ends else 0), 1, None))
            batch = b"".join(dumps)
            crc = zlib.crc32(batch, crc)
            fh.write(batch)
        head = marshal.dumps({"key": key, "ends": ends.tobytes(),
                              "doc": {k: v for k, v in doc.items() if k != "goals"}})
        fh.write(head)
        fh.seek(len(MAGIC))
        fh.write(zlib.crc32(head, crc).to_bytes(4, "big") + len(head).to_bytes(8, "big"))

    return _replace(_entry_path(key), fill)


def _replace(target: str, fill) -> bool:
    """Write a file through ``fill(fh)`` into a temporary file renamed into place
    (``hrplan.outfile``); False (and no error) when that cannot be done."""
    from hrplan.outfile import OutputError, writing

    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with writing(target, binary=True, sync=False) as fh:
            fill(fh)
        return True
    except (OSError, ValueError, TypeError, OutputError):
        return False


# Small entries: a value that depends only on a few files' sizes and times, such as which plan
# a data directory's files hold (``hrplan.planfile.load.load_plan``) or a checked indicator registry.
# One marshal dump of [key, value], written atomically like a plan entry.

def small_key(kind: str, files: list[str]) -> list | None:
    """The key of a small entry over ``files``, or None when one cannot be stat'ed."""
    stats = []
    for file in files:
        try:
            st = os.stat(file)
        except (OSError, ValueError):
            return None
        stats.append((os.path.abspath(file), st.st_size, st.st_mtime_ns))
    return ["hrplan", kind, __version__, sys.implementation.cache_tag, stats]


def _small_path(kind: str, name: str) -> str:
    return os.path.join(cache_dir(), f"{_fnv1a(name)}.{kind}")


def read_small(kind: str, name: str, key: list):
    """The value stored under ``key``, or None on any miss."""
    try:
        with open(_small_path(kind, name), "rb") as fh:
            data = fh.read()
        if not data.startswith(MAGIC):
            return None
        entry = marshal.loads(memoryview(data)[len(MAGIC):])  # a view: a large entry is not copied first
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == key:
            return entry[1]
    except (OSError, ValueError, EOFError, TypeError):
        pass
    return None


def write_small(kind: str, name: str, key: list, value) -> bool:
    data = MAGIC + marshal.dumps([key, value])
    return _replace(_small_path(kind, name), lambda fh: fh.write(data))
