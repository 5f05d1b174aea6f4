"""Writing a file or a directory whole or not at all (``--output``, ``--svg``, ``--html``, the parse
cache).

The new content is written beside the target under a temporary name, then renamed onto it: a
rename within a directory is atomic, so a reader sees the old file or the new one, never half of
one. An error, or Ctrl-C, while writing removes the temporary file and leaves the target as it
was; an existing target is replaced only once its replacement is complete.
"""

from __future__ import annotations

import contextlib
import os

from hrplan.errors import HrplanError


class OutputError(HrplanError):
    """An output file or directory cannot be written (exit 1)."""


def _temporary(target: str, what: str) -> str:
    """A name beside ``target`` (same directory, so the rename is atomic), hidden and unique."""
    folder, base = os.path.split(os.path.abspath(target))
    return os.path.join(folder, f".{base}.{os.getpid()}.{os.urandom(4).hex()}.{what}")


def _remove(path: str) -> None:
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            import shutil  # only here: it imports bz2 and lzma, and the parse cache writes through this module

            shutil.rmtree(path)
        else:
            os.unlink(path)
    except OSError:
        pass


def _failed(target: str, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {target}: {exc.strerror or exc}")


@contextlib.contextmanager
def replacing(target: str):
    """A temporary path beside ``target`` for the caller to create; renamed onto ``target`` when
    the block ends without error, removed otherwise (whatever the error, Ctrl-C included)."""
    if os.path.isdir(target):
        raise OutputError(f"cannot write {target}: it is a directory")
    tmp = _temporary(target, "tmp")
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException as exc:
        _remove(tmp)
        if isinstance(exc, OSError):
            raise _failed(target, exc) from None
        raise


@contextlib.contextmanager
def writing(target: str, binary: bool = False, sync: bool = True):
    """An open file (UTF-8 text, or bytes with ``binary``) whose content becomes ``target`` when the
    block ends without error, and nothing otherwise. The file's mode is the usual one (0666 less
    the umask), as for a file the shell would create. ``sync``: on disk before the rename (a
    cache, which can be rebuilt, does without)."""
    with replacing(target) as tmp:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except OSError as exc:
            raise _failed(target, exc) from None
        with (open(fd, "wb") if binary else open(fd, "w", encoding="utf-8", newline="")) as fh:
            yield fh
            if sync:
                fh.flush()
                os.fsync(fh.fileno())


def write_text(target: str, text: str) -> None:
    with writing(target) as fh:
        fh.write(text)


MARK = "datapackage.json"  # a directory holding one is one hrplan may replace


@contextlib.contextmanager
def replacing_dir(target: str, mark: str = MARK):
    """A new, empty directory beside ``target`` for the caller to fill; when the block ends without
    error it takes the place of ``target``, and an old ``target`` is removed only then. An
    existing ``target`` must be empty or hold ``mark`` (a directory this writes): anything else is
    refused, so that a mistyped path never removes someone's folder."""
    if os.path.lexists(target):
        if not os.path.isdir(target) or os.path.islink(target):
            raise OutputError(f"cannot write {target}: it exists and is not a directory")
        try:
            entries = os.listdir(target)
        except OSError as exc:
            raise _failed(target, exc) from None
        if entries and mark not in entries:
            raise OutputError(f"cannot write {target}: the directory is not empty and holds no {mark} "
                              "(give a new or empty directory)")
    tmp = _temporary(target, "tmp")
    try:
        os.mkdir(tmp)
    except OSError as exc:
        raise _failed(target, exc) from None
    old = None
    try:
        yield tmp
        if os.path.isdir(target):
            old = _temporary(target, "old")
            os.rename(target, old)
        try:
            os.rename(tmp, target)
        except BaseException:
            if old is not None:
                os.rename(old, target)  # put the old one back
                old = None
            raise
    except BaseException as exc:
        _remove(tmp)
        if isinstance(exc, OSError):
            raise _failed(target, exc) from None
        raise
    finally:
        if old is not None:
            _remove(old)
