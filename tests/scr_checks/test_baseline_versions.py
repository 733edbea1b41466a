"""Baselines written by version 1, whose fingerprints hashed unmasked text, still work."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scr_checks.cli import main
from scr_checks.exceptions import UsageError
from scr_checks.suppressions import read_baseline

REPO = Path(__file__).resolve().parents[2]
VERSION1 = REPO / "fixtures" / "baselines" / "version1"


def test_a_version1_baseline_still_accepts_what_it_accepted(tmp_path, monkeypatch, capsys,
                                                            caplog):
    for name in ("report.rst", "baseline.json"):
        shutil.copy(VERSION1 / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    common = ["check", "report.rst", "--select", "SCR2,SCR7", "--format", "json"]
    assert main([*common, "--baseline", "baseline.json"]) == 0
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert len(findings) == 6 and all(f["suppression"] for f in findings)
    assert caplog.messages == [
        "baseline 'baseline.json' is version 1: it still works, but its fingerprints hash "
        "unmasked text; once a run with it shows no new findings, rewrite it with "
        "--write-baseline to make it version 2"]

    report = Path("report.rst")
    report.write_text(report.read_text(encoding="utf-8")
                      + "\n1.4 Later Jane Moss visited, and it was chaotic.\n", encoding="utf-8")
    assert main([*common, "--baseline", "baseline.json"]) == 1
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert [(f["rule_id"], f["location"]["line"]) for f in findings
            if not f["suppression"]] == [("SCR201", 14), ("SCR703", 14)]


def test_rewriting_a_version1_baseline_makes_version2(tmp_path, monkeypatch, capsys, caplog):
    for name in ("report.rst", "baseline.json"):
        shutil.copy(VERSION1 / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    common = ["check", "report.rst", "--select", "SCR2,SCR7"]
    assert main([*common, "--write-baseline", "baseline.json"]) == 0
    assert read_baseline(Path("baseline.json")).version == 2
    caplog.clear()
    assert main([*common, "--baseline", "baseline.json"]) == 0
    assert caplog.messages == [] and "6 suppressed" in capsys.readouterr().out


def test_version1_word_and_pdf_baselines_match_their_paragraphs(monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    paths = ["fixtures/reports/same/report.docx", "fixtures/reports/same/report.pdf"]
    baseline = "fixtures/baselines/version1/same.json"
    assert main(["check", *paths, "--baseline", baseline, "--format", "json"]) == 0
    files = json.loads(capsys.readouterr().out)["files"]
    assert sum(len(f["findings"]) for f in files) == len(
        json.loads((REPO / baseline).read_text(encoding="utf-8"))["findings"]) == 20


@pytest.mark.parametrize("version", ["3", "true", '"1"'])
def test_a_baseline_of_no_known_version_is_refused(tmp_path, version):
    path = tmp_path / "baseline.json"
    path.write_text(f'{{"scr-checks-baseline": {version}, "findings": []}}', encoding="utf-8")
    with pytest.raises(UsageError, match="not a scr-checks baseline"):
        read_baseline(path)


def test_every_front_end_reads_its_baseline_through_the_session(tmp_path):
    from scr_checks.testing import make_session

    named = tmp_path / "named.json"
    named.write_text(json.dumps({"scr-checks-baseline": 1, "findings": []}), encoding="utf-8")
    configured = tmp_path / "configured.json"
    configured.write_text(json.dumps({"scr-checks-baseline": 2, "findings": []}), encoding="utf-8")
    session = make_session(config={"baseline": str(configured)})
    assert session.use_baseline().path == configured
    assert session.match_v1_baseline is False
    assert session.use_baseline(named).version == 1
    assert session.match_v1_baseline is True
    assert make_session().use_baseline() is None
