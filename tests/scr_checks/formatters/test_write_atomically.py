"""Output files are replaced atomically; special files are written in place."""

from __future__ import annotations

import os
import stat
import threading

from scr_checks.formatters import write_atomically


def test_regular_file_is_replaced_whole(tmp_path):
    target = tmp_path / "out.sarif"
    target.write_text("old", encoding="utf-8")
    write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.sarif"]


def test_bytes_are_written_as_they_are_and_text_as_utf8_with_newlines(tmp_path):
    workbook, page = tmp_path / "out.xlsx", tmp_path / "out.csv"
    write_atomically(workbook, b"PK\x03\x04\r\n\xff")
    write_atomically(page, "a,\u00e9\r\nb\n")
    assert workbook.read_bytes() == b"PK\x03\x04\r\n\xff"
    assert page.read_bytes() == "a,\u00e9\r\nb\n".encode()


def test_a_named_pipe_is_written_to_not_renamed_over(tmp_path):
    # Renaming over a special file is how "-o /dev/null" once replaced the
    # device with a regular file; a FIFO shows the same case safely.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    write_atomically(pipe, "findings\n")
    reader.join(timeout=10)
    assert received == ["findings\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_a_new_file_gets_the_umask_s_mode_not_a_private_one(tmp_path):
    """A shared CI agent's other users must be able to read what the run wrote."""
    old = os.umask(0o002)
    try:
        write_atomically(tmp_path / "new.sarif", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.sarif").stat().st_mode) == 0o664


def test_a_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomically(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
