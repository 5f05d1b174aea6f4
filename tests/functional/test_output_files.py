"""-o, --svg and --html write safely: atomically over a regular file or at a new path, through a
symbolic link to its target, into a FIFO or a device, and `-` is standard output."""

import os
import stat
import sqlite3
import threading

import pytest

from hrplan import outfile

PLAN = "nhrap-2012-2015"


def _export(run, *args):
    return run("export", "--plan", PLAN, "--format", "ndjson", *args)


def test_a_new_path_gets_what_standard_output_would(run, tmp_path):
    path = tmp_path / "new.ndjson"
    r = _export(run, "-o", str(path))
    assert r.exit_code == 0 and r.stdout == ""
    assert path.read_text(encoding="utf-8") == _export(run).stdout


def test_an_existing_file_is_replaced_whole_and_keeps_its_permissions(run, tmp_path):
    path = tmp_path / "old.ndjson"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o600)
    inode = path.stat().st_ino
    assert _export(run, "-o", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == _export(run).stdout
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.stat().st_ino != inode  # a new file renamed onto the old: atomic
    assert sorted(os.listdir(tmp_path)) == ["cache", "old.ndjson"]


def test_a_symbolic_link_is_written_through_to_its_target(run, tmp_path):
    target = tmp_path / "real.ndjson"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.ndjson"
    link.symlink_to(target.name)
    assert _export(run, "-o", str(link)).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_text(encoding="utf-8") == _export(run).stdout
    dangling = tmp_path / "dangling.ndjson"
    dangling.symlink_to("created.ndjson")
    assert _export(run, "-o", str(dangling)).exit_code == 0
    assert dangling.is_symlink() and (tmp_path / "created.ndjson").read_text(encoding="utf-8") == _export(run).stdout


def test_a_picture_through_a_link_leaves_the_link(run, tmp_path):
    target = tmp_path / "real.svg"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.svg"
    link.symlink_to(target)
    assert run("progress", "--plan", PLAN, "--svg", str(link)).exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("<svg")


def _read_fifo(path, into):
    with open(path, "rb") as fh:
        into.append(fh.read())


@pytest.mark.parametrize("args", [("export", "--plan", PLAN, "--format", "ndjson", "-o"),
                                  ("export", "--plan", PLAN, "--format", "sqlite", "-o"),
                                  ("progress", "--plan", PLAN, "--html")])
def test_a_fifo_is_written_into_not_replaced(run, tmp_path, args):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=_read_fifo, args=(fifo, got))
    reader.start()
    r = run(*args, str(fifo))
    reader.join(timeout=60)
    assert r.exit_code == 0, r.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a FIFO
    data = got[0]
    if "ndjson" in args:
        assert data.decode("utf-8") == _export(run).stdout
    elif "sqlite" in args:
        assert data.startswith(b"SQLite format 3\0")
    else:
        assert data.startswith(b"<!DOCTYPE html>")
    assert sorted(os.listdir(tmp_path)) == ["cache", "fifo"]


def test_a_character_device_is_written_into(run):
    assert _export(run, "-o", os.devnull).exit_code == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    if os.path.exists("/dev/full"):
        r = _export(run, "-o", "/dev/full")
        assert r.exit_code == 1 and r.stderr.strip() == "hrplan: cannot write /dev/full: No space left on device"
        assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_dash_is_standard_output(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = _export(run, "-o", "-")
    assert r.exit_code == 0 and r.stdout == _export(run).stdout
    svg = run("progress", "--plan", PLAN, "--svg", "-")
    assert svg.exit_code == 0 and svg.stdout.startswith("<svg") and svg.stdout.rstrip().endswith("</svg>")
    assert not os.path.exists(tmp_path / "-")
    both = run("progress", "--plan", PLAN, "--svg", "-", "--html", "-")
    assert both.exit_code == 2 and "both ask for standard output" in both.stderr
    package = run("export", "--format", "datapackage", "-o", "-")
    assert package.exit_code == 2 and "not standard output" in package.stderr


def test_dash_writes_a_database_to_standard_output(tmp_path):
    import io

    out = io.BytesIO()
    with outfile.replacing("-", out) as tmp:
        con = sqlite3.connect(tmp)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
    assert out.getvalue().startswith(b"SQLite format 3\0") and not os.path.exists(tmp)


def test_resolve_says_how_each_kind_of_path_is_written(tmp_path):
    regular = tmp_path / "a"
    regular.write_text("x", encoding="utf-8")
    link = tmp_path / "l"
    link.symlink_to(regular)
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    assert outfile.resolve(str(regular))[1] == "replace"
    assert outfile.resolve(str(tmp_path / "new"))[:2] == (str(tmp_path / "new"), "replace")
    assert outfile.resolve(str(link))[:2] == (str(regular), "replace")
    assert outfile.resolve(str(fifo))[1] == "into"
    assert outfile.resolve(os.devnull)[1] == "into"
    assert outfile.resolve("-")[1] == "stdout"
    with pytest.raises(outfile.OutputError, match="it is a directory"):
        outfile.resolve(str(tmp_path))


def test_a_data_package_through_a_link_replaces_the_directory_it_points_to(run, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "pkg"
    link.symlink_to(real)
    assert run("export", "--format", "datapackage", "--plan", PLAN, "-o", str(link)).exit_code == 0
    assert link.is_symlink() and (real / "datapackage.json").is_file()
    assert run("export", "--format", "datapackage", "--plan", PLAN, "-o", str(link)).exit_code == 0
    assert link.is_symlink() and sorted(os.listdir(tmp_path)) == ["cache", "pkg", "real"]


@pytest.mark.parametrize("args", [["export"], ["export", "--format", "sqlite"], ["progress", "--svg"]])
def test_a_link_to_a_pipe_is_written_into_and_a_gone_reader_is_no_error(args):
    """/dev/stdout into a pipe is a link to a pipe, which has no path of its own: it is opened by
    its name; a reader that stops early (head) ends the run quietly, as with `-o -`."""
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "hrplan", *args, "/dev/stdout" if args[-1] == "--svg" else "-o"]
    if args[-1] != "--svg":
        cmd.append("/dev/stdout")
    whole = subprocess.run(cmd, capture_output=True, timeout=60)
    assert whole.returncode == 0 and len(whole.stdout) > 1000, whole.stderr
    head = subprocess.run(" ".join(cmd) + " | head -c 10", shell=True, capture_output=True, timeout=60,
                          executable="/bin/bash")
    assert head.returncode == 0 and head.stderr == b"" and len(head.stdout) == 10
    early = subprocess.run(["bash", "-c", 'set -o pipefail; "$@" | head -c 10 > /dev/null', "_", *cmd],
                           capture_output=True, timeout=60)
    assert early.returncode == 0, early.stderr
