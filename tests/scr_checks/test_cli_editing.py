"""scr-checks annotate and redact on the command line: outputs, tables, masking, errors."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from scr_checks.cli import main

EDITING = Path(__file__).resolve().parents[2] / "fixtures" / "editing"


@pytest.fixture
def copy(tmp_path, monkeypatch):
    """A fixture report copied into an empty folder, which becomes the current one."""
    monkeypatch.chdir(tmp_path)

    def make(name: str) -> Path:
        target = tmp_path / name
        shutil.copy(EDITING / name, target)
        return target

    return make


def test_annotate_writes_name_checked_docx_beside_the_report(copy, capsys):
    report = copy("identifiers.docx")
    assert main(["annotate", str(report), "--isolated"]) == 0
    written = report.with_name("identifiers.checked.docx")
    assert "word/comments.xml" in zipfile.ZipFile(written).namelist()
    err = capsys.readouterr().err
    assert "wrote identifiers.checked.docx" in err and "on their words" in err


def test_annotate_masks_identifiers_unless_asked(copy):
    report = copy("identifiers.docx")
    main(["annotate", str(report), "-o", "masked.docx", "--isolated"])
    main(["annotate", str(report), "-o", "shown.docx", "--isolated", "--show-identifiers"])
    masked = zipfile.ZipFile("masked.docx").read("word/comments.xml")
    shown = zipfile.ZipFile("shown.docx").read("word/comments.xml")
    assert b"Personal name: '[name]'" in masked and b"Kayleigh" not in masked
    assert b"Personal name: 'Kayleigh Brennan'" in shown


@pytest.mark.parametrize(("args", "message"), [
    (["annotate", "identifiers.md"], "identifiers.md: cannot edit .md files (supported: "
                                     ".docx .docm)"),
    (["annotate", "missing.docx"], "missing.docx: cannot read: No such file or directory"),
    (["annotate", "broken.docx"], "broken.docx: cannot read: not a valid DOCX"),
    (["annotate", "identifiers.docx", "-o", "identifiers.docx"],
     "identifiers.docx: the copy would replace the report itself"),
    (["redact", "report.pdf"], "report.pdf: cannot edit .pdf files"),
])
def test_bad_input_is_one_line_naming_the_file(copy, capsys, args, message):
    copy("identifiers.md")
    copy("identifiers.docx")
    Path("broken.docx").write_bytes(b"not a zip")
    Path("report.pdf").write_bytes(b"%PDF-1.4")
    assert main([*args, "--isolated"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


@pytest.mark.parametrize(("chosen", "message"), [
    ("identifiers.md", "output 'identifiers.md' is one of the inputs"),
    ("./identifiers.redacted.md", "--write-identifier-map 'identifiers.redacted.md' is the "
                                  "redacted copy"),
])
def test_the_identifier_map_never_replaces_the_report_or_its_copy(copy, capsys, chosen,
                                                                   message):
    report = copy("identifiers.md")
    before = report.read_bytes()
    assert main(["redact", str(report), "--isolated", "--write-identifier-map", chosen]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
    assert report.read_bytes() == before
    assert sorted(p.name for p in Path().iterdir()) == ["identifiers.md"]


def test_redact_dry_run_prints_a_masked_table_and_writes_nothing(copy, capsys):
    report = copy("identifiers.md")
    assert main(["redact", str(report), "--dry-run", "--isolated"]) == 1  # a comment leaks
    out = capsys.readouterr().out
    assert "[Person 1]        [name]            SCR201  line 9" in out
    assert "Kayleigh" not in out and "Jane Moss" not in out
    assert "outside the text  [name]      line 5" in out
    assert sorted(p.name for p in Path().iterdir()) == ["identifiers.md"]


def test_redact_dry_run_shows_identifiers_when_asked(copy, capsys):
    report = copy("identifiers.md")
    main(["redact", str(report), "--dry-run", "--isolated", "--show-identifiers"])
    assert "[Person 1]        Kayleigh Brennan" in capsys.readouterr().out


def test_redact_writes_the_copy_and_the_map_only_when_asked(copy, capsys):
    report = copy("identifiers.md")
    assert main(["redact", str(report), "--strip-hidden", "--isolated"]) == 0
    written = Path("identifiers.redacted.md").read_text(encoding="utf-8")
    assert "Kayleigh" not in written and "[Person 1]" in written
    assert "Kayleigh" not in capsys.readouterr().err
    assert sorted(p.name for p in Path().iterdir()) == ["identifiers.md",
                                                      "identifiers.redacted.md"]
    main(["redact", str(report), "--isolated", "--write-identifier-map", "map.json"])
    mapping = json.loads(Path("map.json").read_text(encoding="utf-8"))["identifiers"]
    assert {"identifier": "Kayleigh Brennan", "placeholder": "[Person 1]",
            "rule": "SCR201"} in mapping


def test_redact_uses_the_configurations_pseudonyms(copy):
    report = copy("identifiers.txt")
    Path("scr-checks.toml").write_text('[redact]\npseudonyms = { "Kayleigh Brennan" = '
                                       '"Aunt" }\n', encoding="utf-8")
    assert main(["redact", str(report), "-o", "out.txt", "--config", "scr-checks.toml"]) == 0
    assert "her aunt, Aunt, at [Address 1]" in Path("out.txt").read_text(encoding="utf-8")


def test_a_bad_pseudonym_table_is_a_configuration_error(copy, capsys):
    report = copy("identifiers.txt")
    Path("scr-checks.toml").write_text("[redact]\npseudonyms = { a = 1 }\n", encoding="utf-8")
    assert main(["redact", str(report), "--config", "scr-checks.toml"]) == 2
    assert "'redact.pseudonyms' must be a table" in capsys.readouterr().err


def test_redact_word_reports_what_it_left_and_exits_1(copy, capsys):
    report = copy("identifiers.docx")
    assert main(["redact", str(report), "--isolated"]) == 1
    err = capsys.readouterr().err
    assert "comment            [name]            comment 2" in err
    assert "left in the copy: --strip-hidden removes them" in err
    assert main(["redact", str(report), "--isolated", "--strip-hidden"]) == 0


@pytest.mark.parametrize("name", ["entity-bomb.docx", "no-document.docx", "not-a-zip.docx",
                                  "truncated.docx", "zip-bomb.docx"])
@pytest.mark.parametrize("command", ["annotate", "redact"])
def test_a_hostile_word_file_is_refused_in_one_line(tmp_path, monkeypatch, capsys, command,
                                                    name):
    monkeypatch.chdir(tmp_path)
    shutil.copy(EDITING.parent / "readers" / name, name)
    assert main([command, name, "--isolated"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"scr-checks: error: {name}: cannot read")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_an_external_entity_is_kept_unresolved_in_the_copy(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(EDITING.parent / "readers" / "external-entity.docx", "r.docx")
    assert main(["annotate", "r.docx", "--isolated"]) == 0
    document = zipfile.ZipFile("r.checked.docx").read("word/document.xml")
    assert b"Before &secret; after" in document
    hostname = Path("/etc/hostname")
    if hostname.exists() and hostname.read_bytes().strip():
        assert hostname.read_bytes().strip() not in document


def test_redact_refuses_an_identifier_in_a_chart_and_writes_nothing(tmp_path, monkeypatch,
                                                                    capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "scr_hostile_cli", Path(__file__).parent / "readers" / "hostile.py")
    hostile = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hostile)
    monkeypatch.chdir(tmp_path)
    Path("chart.docx").write_bytes(hostile.docx_part("chart"))
    assert main(["redact", "chart.docx", "--isolated"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "chart.docx: cannot redact: chart 2" in err
    assert sorted(p.name for p in Path().iterdir()) == ["chart.docx"]
