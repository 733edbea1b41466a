"""Walking a folder: links that lead outside it are not followed unless asked."""

from __future__ import annotations

import json
import logging

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
