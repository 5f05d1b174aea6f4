"""Writing a file or a directory whole or not at all (``--output``, ``--svg``, ``--html``, the parse
cache).

Over a regular file or at a new path, the new content is written beside the target under a
temporary name, then renamed onto it: a rename within a directory is atomic, so a reader sees the
old file or the new one, never half of one. An error, or Ctrl-C, while writing removes the
temporary file and leaves the target as it was; an existing target is replaced only once its
replacement is complete, and keeps its permissions.

Whatever else is at the path is written into, never replaced: a symbolic link is followed to its
target (which is then written as above: the link stays a link); a FIFO, a character device
(``/dev/null``, ``/dev/full``, a terminal) or any other file that is not regular is opened and
written into, as the shell's ``>`` would. A directory is refused. ``-`` (``STDOUT``) is standard
output, given by the caller.
"""

from __future__ import annotations

import contextlib
import os
import stat

from hrplan.errors import HrplanError

STDOUT = "-"  # the path that means standard output


class OutputError(HrplanError):
    """An output file or directory cannot be written (exit 1)."""


def _temporary(target: str, what: str, folder: str | None = None) -> str:
    """A name beside ``target`` (same directory, so the rename is atomic), hidden and unique; in
    ``folder`` instead, when given."""
    here, base = os.path.split(os.path.abspath(target))
    return os.path.join(folder or here, f".{base or 'out'}.{os.getpid()}.{os.urandom(4).hex()}.{what}")


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


def resolve(target: str) -> tuple[str, str, int | None]:
    """What writing to ``target`` means: ``(path, how, mode)``. ``how`` is ``"replace"`` for a
    regular file or a new path (``mode``: the permissions an existing file keeps, else None),
    ``"into"`` for a file that is not regular (a FIFO, a device...), ``"stdout"`` for ``-``; a
    symbolic link is followed to what it points to (the path of a missing target, for a dangling
    link). A directory is an ``OutputError``."""
    if target == STDOUT:
        return target, "stdout", None
    path = os.path.realpath(target) if os.path.islink(target) else target
    try:
        st = os.stat(target)  # what the link leads to, as open() would follow it
    except FileNotFoundError:
        return path, "replace", None
    except OSError as exc:
        raise _failed(target, exc) from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"cannot write {target}: it is a directory")
    if stat.S_ISREG(st.st_mode):
        return path, "replace", stat.S_IMODE(st.st_mode)
    # opened by its own name: a link such as /dev/stdout to a pipe has no path to resolve to
    return target, "into", None


def _binary(stream):
    """The byte stream under a text stream (standard output), or the stream itself."""
    return getattr(stream, "buffer", stream)


@contextlib.contextmanager
def replacing(target: str, stdout=None):
    """A temporary path for the caller to create a file at; when the block ends without error, the
    file becomes ``target`` (renamed onto a regular file or a new path, copied into anything
    else, or onto ``stdout`` for ``-``), and it is removed otherwise (whatever the error, Ctrl-C
    included)."""
    path, how, mode = resolve(target)
    if how == "replace":
        tmp = _temporary(path, "tmp")
    else:
        import tempfile

        tmp = _temporary(path, "tmp", tempfile.gettempdir())
    try:
        yield tmp
        if how == "replace":
            if mode is not None:
                os.chmod(tmp, mode)
            os.replace(tmp, path)
            return
        import shutil  # here only: it imports bz2 and lzma (see _remove)

        with open(tmp, "rb") as src:
            if how == "stdout":
                out = _binary(stdout)
                shutil.copyfileobj(src, out)
                out.flush()
            else:
                with open(os.open(path, os.O_WRONLY), "wb") as out:
                    shutil.copyfileobj(src, out)
    except BaseException as exc:
        if isinstance(exc, OSError) and not (how != "replace" and isinstance(exc, BrokenPipeError)):
            raise _failed(target, exc) from None  # a pipe whose reader has gone (stdout, a FIFO) is no error
        raise
    finally:
        _remove(tmp)


@contextlib.contextmanager
def writing(target: str, binary: bool = False, sync: bool = True, stdout=None):
    """An open file (UTF-8 text, or bytes with ``binary``) whose content becomes ``target`` when the
    block ends without error, and nothing otherwise (over a regular file or a new path; a FIFO or
    a device is written into as the block writes, and ``-`` is the stream ``stdout``). A new
    file's mode is the usual one (0666 less the umask), as for a file the shell would create; a
    replaced file keeps its own. ``sync``: on disk before the rename (a cache, which can be
    rebuilt, does without)."""
    path, how, _ = resolve(target)
    if how == "stdout":
        yield _binary(stdout) if binary else stdout
        return
    if how == "into":
        try:
            fd = os.open(path, os.O_WRONLY)  # no O_CREAT: what is there is written into
            with (open(fd, "wb") if binary else open(fd, "w", encoding="utf-8", newline="")) as fh:
                yield fh
        except BrokenPipeError:
            raise  # its reader has gone: the CLI ends quietly, as for standard output
        except OSError as exc:
            raise _failed(target, exc) from None
        return
    with replacing(path) as tmp:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except OSError as exc:
            raise _failed(target, exc) from None
        with (open(fd, "wb") if binary else open(fd, "w", encoding="utf-8", newline="")) as fh:
            yield fh
            if sync:
                fh.flush()
                os.fsync(fh.fileno())


def write_text(target: str, text: str, stdout=None) -> None:
    """``text`` written to ``target`` (``-``: to ``stdout``), as ``writing`` does."""
    with writing(target, stdout=stdout) as fh:
        fh.write(text)


MARK = "datapackage.json"  # a directory holding one is one hrplan may replace


@contextlib.contextmanager
def replacing_dir(target: str, mark: str = MARK):
    """A new, empty directory beside ``target`` for the caller to fill; when the block ends without
    error it takes the place of ``target``, and an old ``target`` is removed only then. An
    existing ``target`` must be empty or hold ``mark`` (a directory this writes): anything else is
    refused, so that a mistyped path never removes someone's folder. A symbolic link is followed:
    the directory it points to is the one replaced, and the link stays."""
    if os.path.islink(target):
        target = os.path.realpath(target)
    if os.path.lexists(target):
        if not os.path.isdir(target):
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
