"""Folder runs leave out what exclude globs and .gitignore say, and say why."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from scr_checks.cli import main

REPORT = "Introduction\n============\n\nText.\n"


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """A reports repository: reports, a README, built HTML, drafts .gitignore leaves out."""
    (tmp_path / ".git").mkdir()
    for name in ("reports/a.rst", "reports/old/b.md", "README.md", "_build/html/a.html",
                 "drafts/d.rst", "reports/draft-notes.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(REPORT, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("drafts/\n*-notes.md\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def checked(capsys, *argv: str) -> list[str]:
    main(["check", *argv, "--format", "json", "--select", "SCR101"])
    return sorted(f["path"] for f in json.loads(capsys.readouterr().out)["files"])


def test_defaults_and_gitignore_leave_out_notes_builds_and_ignored_files(repository, capsys,
                                                                       caplog):
    with caplog.at_level(logging.INFO, logger="scr_checks"):
        assert checked(capsys, ".", "-v") == ["reports/a.rst", "reports/old/b.md"]
    said = [record.getMessage() for record in caplog.records]
    assert "skipped README.md: matches exclude pattern 'README.*'" in said
    assert "skipped _build: matches exclude pattern '_build'" in said
    assert ("skipped drafts: ignored by .gitignore (set respect_gitignore = false to check it)"
            in said)
    assert any(m.startswith("skipped reports/draft-notes.md: ignored by .gitignore") for m in said)


def test_gitignore_can_be_turned_off(repository, capsys):
    assert checked(capsys, ".", "--no-respect-gitignore") == [
        "drafts/d.rst", "reports/a.rst", "reports/draft-notes.md", "reports/old/b.md"]
    (repository / "scr-checks.toml").write_text("respect_gitignore = false\n", encoding="utf-8")
    assert "drafts/d.rst" in checked(capsys, ".")


def test_a_nested_gitignore_and_a_negation_count(repository, capsys):
    (repository / "reports" / ".gitignore").write_text("old/\n", encoding="utf-8")
    (repository / ".gitignore").write_text("*-notes.md\n!draft-notes.md\n", encoding="utf-8")
    assert checked(capsys, "reports") == ["reports/a.rst", "reports/draft-notes.md"]


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(repository, capsys):
    (repository / "scr-checks.toml").write_text('exclude = ["old"]\n', encoding="utf-8")
    assert checked(capsys, ".") == ["README.md", "_build/html/a.html", "reports/a.rst"]
    (repository / "scr-checks.toml").write_text('extend_exclude = ["reports/old/"]\n',
                                                encoding="utf-8")
    assert checked(capsys, ".") == ["reports/a.rst"]
    (repository / "scr-checks.toml").unlink()
    assert checked(capsys, ".", "--extend-exclude", "*.md") == ["reports/a.rst"]


def test_a_named_file_is_checked_unless_exclusions_are_forced(repository, capsys):
    """pre-commit names every changed file, so its hook forces the exclusions."""
    assert checked(capsys, "README.md", "reports/a.rst") == ["README.md", "reports/a.rst"]
    assert checked(capsys, "README.md", "drafts/d.rst", "reports/a.rst",
                   "--force-exclude") == ["reports/a.rst"]


def test_a_folder_with_its_own_configuration_is_an_error_not_checked_wrongly(repository,
                                                                            capsys):
    (repository / "reports" / "old" / "scr-checks.toml").write_text(
        'fail_level = "error"\n', encoding="utf-8")
    assert main(["check", "reports", "--select", "SCR101", "--no-color"]) == 2
    captured = capsys.readouterr()
    assert ("scr-checks: error: reports/old: not checked: it has its own configuration "
            "(reports/old/scr-checks.toml), and this run uses no configuration") in captured.err
    assert "reports/a.rst: 0 errors" in captured.out
    assert checked(capsys, "reports", "--isolated") == ["reports/a.rst", "reports/old/b.md"]


def test_the_copy_annotate_wrote_beside_a_report_is_not_checked_again(repository, capsys):
    """``annotate`` writes NAME.checked.docx beside the report: checking the folder
    again would report every finding twice."""
    docx = repository / "reports" / "c.docx"
    docx.write_bytes((Path(__file__).parents[2] / "fixtures" / "reports" / "same"
                      / "report.docx").read_bytes())
    main(["annotate", str(docx)])
    capsys.readouterr()
    assert (repository / "reports" / "c.checked.docx").is_file()
    assert checked(capsys, "reports") == ["reports/a.rst", "reports/c.docx", "reports/old/b.md"]


def test_a_walked_folder_behaves_as_the_frozen_dataclass_it_was(like_dataclass):
    from scr_checks.exclusions import _Folder

    like_dataclass(_Folder, lambda cls: cls("/r/a", "/r", []), lambda cls: cls("/r/a", None, []))


def test_exclusions_keep_what_their_dataclass_gave(tmp_path, monkeypatch):
    """The root resolved, a new list of skipped configurations for each, equality by
    value, unhashable."""
    from scr_checks.exclusions import Exclusions

    monkeypatch.chdir(tmp_path)
    first = Exclusions(Path("."), ["*.tmp"])
    assert first.root == tmp_path.resolve() and first.respect_gitignore
    assert first.config_path is None and first.refuse_other_configs
    assert first.other_configs == [] and first.other_configs is not Exclusions(
        Path("."), []).other_configs
    assert first == Exclusions(tmp_path, ["*.tmp"], True, None, True, [])
    assert first != Exclusions(tmp_path, ["*.tmp"], respect_gitignore=False)
    assert repr(first).startswith(f"Exclusions(root={tmp_path.resolve()!r}, patterns=['*.tmp'], ")
    with pytest.raises(TypeError):
        hash(first)
