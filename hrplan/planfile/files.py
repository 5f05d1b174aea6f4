"""Where the data is, and reading one file: the data path (--data, HRPLAN_DATA, the bundled
plans), which TOML files are plans, the bytes read and parsed, the bundled method's text."""

from __future__ import annotations

from hrplan.errors import PlanFileError
from hrplan.errors import Problem
from hrplan.planfile.rules import MAX_FILE_BYTES
import os


def bundled_data_dir() -> str:
    """The plan files shipped with hrplan: inside the wheel, or ``data/`` of a source checkout."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the package
    inside = os.path.join(here, "data")
    if os.path.isdir(inside):
        return inside
    return os.path.join(os.path.dirname(here), "data")


def data_source(explicit: str | None = None, origin: str | None = "--data") -> tuple[str, str | None]:
    """The plan file or directory to load, and where it came from: ``explicit`` (given as
    ``origin``: the CLI passes ``--data``) when given, else the ``HRPLAN_DATA`` environment
    variable, else the bundled data (origin None).

    A path from HRPLAN_DATA that does not exist is refused here, with a message that names the
    variable: whoever reads it may have forgotten that it is set."""
    if explicit is not None:
        return explicit, origin
    path = os.environ.get("HRPLAN_DATA")
    if path:
        if not os.path.exists(path):
            raise PlanFileError([Problem(path, "", "no such file or directory", origin="HRPLAN_DATA")])
        return path, "HRPLAN_DATA"
    return bundled_data_dir(), None


def data_path(explicit: str | None = None) -> str:
    """The plan file or directory to load (see ``data_source``)."""
    return data_source(explicit)[0]


def _named(exc: PlanFileError, path: str, origin: str | None) -> PlanFileError:
    """``exc`` with the problems of the data path itself (missing, unreadable, a directory without
    plans) saying where the path came from."""
    if origin:
        for p in exc.problems:
            if p.file == path and not p.path and p.line is None:
                p.origin = origin
        exc.args = ("\n".join(str(p) for p in exc.problems),)
    return exc


REGISTRY_FILE = "indicators.toml"  # in a data directory: the indicator registry, not a plan


GLOSSARY_FILE = "glossary.toml"  # bundled beside the plans: the bilingual search vocabulary


# A data directory may hold other TOML files beside its plans (a pyproject.toml, notes). A file
# is taken for a plan when a line of it is the header of the [plan] table (spaces allowed inside
# the brackets, a comment after them); any other is skipped, with a notice. Deciding reads the
# file's bytes, but only when the cache does not know the directory's files already: the cache
# keeps, per file, the plan it holds or that it is not a plan (see _folder_entry).
PLAN_HEADER = rb"""^[ \t]*\[[ \t]*(?:plan|"plan"|'plan')[ \t]*\][ \t]*(?:#[^\n]*)?\r?$"""


def is_plan_text(data: bytes) -> bool:
    """Whether a file's bytes hold the header of a [plan] table (usually in its first lines)."""
    import re  # compiled when a folder's files are sorted out, not at every start

    return b"plan" in data and re.search(PLAN_HEADER, data, re.M) is not None


def _is_plan_file(file: str) -> bool:
    try:
        if os.path.getsize(file) > MAX_FILE_BYTES:
            return True  # the loader says what is wrong with it
        with open(file, "rb") as fh:
            return is_plan_text(fh.read())
    except OSError:
        return True  # a directory or an unreadable file named *.toml: the loader says so


def _toml_files(path: str) -> list[str]:
    """The ``*.toml`` files of a directory but the indicator registry and the search glossary."""
    try:
        names = sorted(n for n in os.listdir(path) if n.endswith(".toml") and n not in (REGISTRY_FILE, GLOSSARY_FILE))
    except OSError as exc:
        raise PlanFileError([Problem(path, "", f"cannot list directory: {exc.strerror}")])
    if not names:
        raise PlanFileError([Problem(path, "", "no plan files (*.toml) in this directory")])
    return [os.path.join(path, n) for n in names]


def read_text(file: str) -> str:
    """The text of a plan file, or a PlanFileError naming the file and what is wrong."""
    try:
        size = os.path.getsize(file)
        if size > MAX_FILE_BYTES:
            raise PlanFileError([Problem(file, "", f"file is {size / 2**20:.0f} MB; plan files may be at most {MAX_FILE_BYTES // 2**20} MB")])
        with open(file, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise PlanFileError([Problem(file, "", "is a directory, not a plan file")]) from None
    except OSError as exc:
        raise PlanFileError([Problem(file, "", f"cannot read: {exc.strerror or exc}")]) from None
    if not data or data.isspace():
        raise PlanFileError([Problem(file, "", "file is empty")])
    if b"\x00" in data:
        raise PlanFileError([Problem(file, "", "is a binary file, not a TOML plan file")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PlanFileError([Problem(file, "", "is not UTF-8 text (save the file as UTF-8)", line=line)]) from None


def parse(text: str, file: str) -> dict:
    import tomli

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        msg = getattr(exc, "msg", None) or str(exc).split(" (at line")[0]
        raise PlanFileError([Problem(file, "", f"TOML syntax error: {msg}",
                                     line=getattr(exc, "lineno", None), column=getattr(exc, "colno", None))]) from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise PlanFileError([Problem(file, "", f"cannot parse: {type(exc).__name__}")]) from None


def _use_cache(use_cache: bool | None) -> bool:
    return os.environ.get("HRPLAN_NO_CACHE", "") in ("", "0") if use_cache is None else use_cache


def methodology_text() -> str:
    """The method as documented for users (docs/methodology.md, shipped inside the wheel)."""
    import os

    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the package
    for path in (os.path.join(here, "methodology.md"), os.path.join(os.path.dirname(here), "docs", "methodology.md")):
        try:
            with open(path, encoding="utf-8") as fh:
                return fh.read()
        except OSError:
            continue
    from hrplan.core import method

    return method.__doc__ or ""
