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
    """The cached document for ``key``, or None on any miss."""
    try:
        with open(_entry_path(key), encoding="utf-8") as fh:
            entry = json.load(fh)
        if isinstance(entry, dict) and entry.get("key") == key and isinstance(entry.get("doc"), dict):
            return entry["doc"]
    except (OSError, ValueError, RecursionError):
        pass
    return None


def write(key: list, doc: dict) -> bool:
    """Store ``doc`` under ``key``; False (and no error) when the cache cannot be written."""
    target = _entry_path(key)
    tmp = f"{target}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"key": key, "doc": doc}, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, target)
        return True
    except (OSError, ValueError, TypeError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
