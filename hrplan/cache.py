"""The parse cache: validated plan documents kept as JSON in the user's cache directory.

A cache entry is keyed by the plan file's absolute path, size, modification time and the
hrplan version; it is written to a temporary file and renamed into place, so a concurrent run
sees the old entry or the new one, never half of one. Anything wrong with an entry (corrupt,
truncated, foreign, another key) means a miss; an unwritable directory means no cache.
``HRPLAN_NO_CACHE=1`` turns the cache off (see ``hrplan.load.load_plans``).
"""

from __future__ import annotations

import json
import os

from hrplan import __version__

MAGIC = "hrplan-cache"


def cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "hrplan")


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
    return [MAGIC, __version__, path, st.st_size, st.st_mtime_ns]


def _entry_path(key: list) -> str:
    return os.path.join(cache_dir(), _fnv1a(key[2]) + ".json")


def read(key: list):
    """The cache entry for ``key`` (``{"doc": ..., "index": ...}``), or None on any miss.

    An entry is a first line of JSON (key, document without its goals, goal index) followed by
    one line of JSON per goal, kept as text until the goal is used.
    """
    try:
        with open(_entry_path(key), encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        entry = json.loads(lines[0])
        if (isinstance(entry, dict) and entry.get("key") == key and isinstance(entry.get("doc"), dict)
                and isinstance(entry.get("index"), list) and len(entry["index"]) == len(lines) - 1):
            entry["doc"]["goals"] = lines[1:]
            return entry
    except (OSError, ValueError, RecursionError, UnicodeDecodeError):
        pass
    return None


def write(key: list, doc: dict) -> bool:
    """Store a canonical document under ``key``; False (and no error) when that cannot be done."""
    from hrplan.load import goal_index

    target = _entry_path(key)
    tmp = f"{target}.{os.getpid()}.tmp"
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    try:
        goals = doc.get("goals", [])
        head = {"key": key, "index": [goal_index(g) for g in goals], "doc": {k: v for k, v in doc.items() if k != "goals"}}
        text = "\n".join([encode(head), *map(encode, goals)])
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
        return True
    except (OSError, ValueError, TypeError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
