"""Walking a folder: links that lead outside it are not followed unless asked."""

from __future__ import annotations

import json
import logging
import os
import socket
from pathlib import Path

import pytest

from scr_checks import walk
from scr_checks.cli import main

REPORT = "Introduction\n============\n\nText.\n"


def make_tree(tmp_path):
    """reports/a.rst, plus links to a file and a folder outside reports/."""
    reports = tmp_path / "reports"
    outside = tmp_path / "outside"
    (outside / "deep").mkdir(parents=True)
    reports.mkdir()
    (reports / "a.rst").write_text(REPORT, encoding="utf-8")
    (outside / "private.rst").write_text(REPORT, encoding="utf-8")
    (outside / "deep" / "other.rst").write_text(REPORT, encoding="utf-8")
    (reports / "link.rst").symlink_to(outside / "private.rst")
    (reports / "linked-folder").symlink_to(outside / "deep", target_is_directory=True)
    (reports / "inside.rst").symlink_to(reports / "a.rst")
    (reports / "loop").symlink_to(reports, target_is_directory=True)
    return reports


def checked(capsys):
    return sorted(f["path"] for f in json.loads(capsys.readouterr().out)["files"])


def test_links_outside_the_folder_are_skipped_and_logged(tmp_path, monkeypatch, capsys, caplog):
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.INFO, logger="scr_checks"):
        main(["check", "reports", "--format", "json", "--select", "SCR101", "-v"])
    assert checked(capsys) == ["reports/a.rst", "reports/inside.rst"]
    skipped = " ".join(r.getMessage() for r in caplog.records)
    assert "link.rst" in skipped and "linked-folder" in skipped
    assert "follow_symlinks" in skipped
    # A link back up inside the folder is not entered, and -v says so.
    assert "skipped reports/loop: a symbolic link to a folder inside reports, checked " \
        "where it is" in [r.getMessage() for r in caplog.records]


def test_follow_symlinks_checks_them_without_looping(tmp_path, monkeypatch, capsys):
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    main(["check", "reports", "--format", "json", "--select", "SCR101", "--follow-symlinks"])
    assert checked(capsys) == ["reports/a.rst", "reports/inside.rst", "reports/link.rst",
                               "reports/linked-folder/other.rst"]


def test_follow_symlinks_from_the_configuration(tmp_path, monkeypatch, capsys):
    make_tree(tmp_path)
    (tmp_path / "scr-checks.toml").write_text("follow_symlinks = true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "reports", "--format", "json", "--select", "SCR101"])
    assert "reports/link.rst" in checked(capsys)


def test_paths_in_outputs_are_relative_to_the_current_folder(tmp_path, monkeypatch, capsys):
    reports = make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    main(["check", str(reports / "a.rst"), "--format", "json", "--select", "SCR101"])
    data = json.loads(capsys.readouterr().out)
    assert [f["path"] for f in data["files"]] == ["reports/a.rst"]
    assert str(tmp_path) not in json.dumps(data)


# -- what a shared folder may hold besides reports ------------------------------------


def run_json(args, capsys):
    code = main(["check", *args, "--format", "json", "--select", "SCR101"])
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    errors = {f["path"]: [e["message"] for e in f["errors"]] for f in data["files"] if f["errors"]}
    read = sorted(f["path"] for f in data["files"] if f["read"])
    return code, errors, read, captured.err


@pytest.fixture
def reports(tmp_path, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.rst").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


def test_a_link_to_itself_is_one_error_and_the_rest_is_checked(reports, capsys):
    (reports / "self.rst").symlink_to("self.rst")
    (reports / "b.rst").symlink_to("c.rst")
    (reports / "c.rst").symlink_to("b.rst")
    (reports / "loop").symlink_to("loop")
    code, errors, read, err = run_json(["reports"], capsys)
    assert code == 2 and read == ["reports/good.rst"]
    loop = ["a symbolic link that leads back to itself (a loop); not read"]
    assert errors == {"reports/self.rst": loop, "reports/b.rst": loop, "reports/c.rst": loop,
                      "reports/loop": loop}
    assert "Traceback" not in err and err.count("reports/self.rst") == 1


def test_a_link_loop_between_folders_is_walked_once(reports, capsys):
    (reports / "sub").mkdir()
    (reports / "sub" / "inner.rst").write_text(REPORT, encoding="utf-8")
    (reports / "sub" / "up").symlink_to("..", target_is_directory=True)
    code, errors, read, _ = run_json(["reports", "--follow-symlinks"], capsys)
    assert (code, errors, read) == (0, {}, ["reports/good.rst", "reports/sub/inner.rst"])


def test_a_link_to_nothing_with_a_report_name_is_an_error(reports, capsys):
    (reports / "moved.rst").symlink_to("gone.rst")
    code, errors, read, _ = run_json(["reports"], capsys)
    assert code == 2 and read == ["reports/good.rst"]
    assert errors == {"reports/moved.rst": [
        "a symbolic link to nothing (its target is missing); not read"]}


def test_a_fifo_is_refused_not_waited_on(reports, capsys):
    os.mkfifo(reports / "pipe.rst")
    code, errors, read, _ = run_json(["reports"], capsys)
    assert code == 2 and read == ["reports/good.rst"]
    assert errors == {"reports/pipe.rst": ["not a regular file (a named pipe); not read"]}


def test_a_fifo_named_on_the_command_line_is_refused(reports, capsys):
    os.mkfifo(reports / "pipe.rst")
    code, errors, read, _ = run_json(["reports/pipe.rst", "reports/good.rst"], capsys)
    assert code == 2 and read == ["reports/good.rst"]
    assert errors == {"reports/pipe.rst": ["not a regular file (a named pipe); not read"]}


def test_a_socket_is_refused(reports, capsys):
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(reports / "sock.rst"))
        code, errors, read, _ = run_json(["reports"], capsys)
    assert code == 2 and read == ["reports/good.rst"]
    assert errors == {"reports/sock.rst": ["not a regular file (a socket); not read"]}


def test_a_fifo_without_a_report_name_is_passed_by(reports, capsys):
    os.mkfifo(reports / "pipe")
    assert run_json(["reports"], capsys)[:3] == (0, {}, ["reports/good.rst"])


def test_a_folder_that_cannot_be_read_is_one_error(reports, capsys, monkeypatch):
    locked = reports / "locked"
    locked.mkdir()
    (locked / "hidden-away.rst").write_text(REPORT, encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the folder refuse as it would others
        real_scandir = os.scandir

        def scandir(path):
            if os.path.samefile(path, locked):
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)

        monkeypatch.setattr(walk.os, "scandir", scandir)
    try:
        code, errors, read, err = run_json(["reports"], capsys)
    finally:
        locked.chmod(0o755)
    assert code == 2 and read == ["reports/good.rst"]
    assert errors == {"reports/locked": ["cannot read the folder: Permission denied"]}
    assert "Traceback" not in err


def test_a_file_that_cannot_be_read_is_one_error(reports, capsys, monkeypatch):
    (reports / "locked.rst").write_text(REPORT, encoding="utf-8")
    (reports / "locked.rst").chmod(0)
    if os.geteuid() == 0:
        real_read_bytes = Path.read_bytes

        def read_bytes(path):
            if path.name == "locked.rst":
                raise PermissionError(13, "Permission denied", str(path))
            return real_read_bytes(path)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, errors, read, _ = run_json(["reports"], capsys)
    assert code == 2 and read == ["reports/good.rst"]
    assert errors == {"reports/locked.rst": ["cannot read: Permission denied"]}


def test_names_that_are_not_utf8_are_one_error_each(reports, capsys):
    raw = os.fsencode(reports)
    Path(os.fsdecode(raw + b"/bad\xff.rst")).write_text(REPORT, encoding="utf-8")
    folder = Path(os.fsdecode(raw + b"/dir\xfe"))
    folder.mkdir()
    (folder / "inside.rst").write_text(REPORT, encoding="utf-8")
    Path(os.fsdecode(raw + b"/notes\xff.bin")).write_bytes(b"x")  # not a report: passed by
    code, errors, read, err = run_json(["reports"], capsys)
    assert code == 2 and read == ["reports/good.rst"]
    assert errors == {
        "reports/bad\\xff.rst": ["the file name is not valid UTF-8 (rename it to check it)"],
        "reports/dir\\xfe": ["the folder name is not valid UTF-8 (rename it to check it)"],
    }
    assert "scr-checks: error: reports/bad\\xff.rst: the file name" in err


def test_a_name_that_is_not_utf8_on_the_command_line_is_one_error(reports, capsys):
    name = os.fsdecode(b"bad\xff.rst")
    (reports / name).write_text(REPORT, encoding="utf-8")
    code, errors, read, _ = run_json([f"reports/{name}", "reports/good.rst"], capsys)
    assert code == 2 and read == ["reports/good.rst"]
    assert errors == {"reports/bad\\xff.rst": [
        "the name is not valid UTF-8 (rename it to check it)"]}


def test_a_looping_link_named_on_the_command_line_says_so(reports, capsys):
    (reports / "self.rst").symlink_to("self.rst")
    code, errors, _, _ = run_json(["reports/self.rst"], capsys)
    assert code == 2
    assert errors == {"reports/self.rst": [
        "a symbolic link that leads back to itself (a loop); not read"]}


def test_find_reports_tells_each_problem_once(tmp_path):
    (tmp_path / "a.rst").write_text(REPORT, encoding="utf-8")
    (tmp_path / "self.rst").symlink_to("self.rst")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to("..", target_is_directory=True)
    os.mkfifo(tmp_path / "sub" / "p.md")
    problems = []
    found = walk.find_reports(tmp_path, {".rst", ".md"}, follow_symlinks=True,
                              problems=problems)
    assert found == [tmp_path / "a.rst"]
    assert sorted(path.name for path, _ in problems) == ["p.md", "self.rst"]
