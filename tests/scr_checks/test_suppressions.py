"""Suppressions: markers in reST and Markdown source, Word comments, baselines."""

from __future__ import annotations

import json

from docutils import nodes

from scr_checks import TextBlock, new_document
from scr_checks.cli import main
from scr_checks.results import Finding, Location, Suppression
from scr_checks.rules import Severity
from scr_checks.suppressions import apply_markers, comment_scopes
from scr_checks.testing import check_text

SECTIONS = """\
First
=====

.. scr-checks: disable=TST101 -- the word is quoted from the family

A flagme here.

Another flagme here.

Second
======

.. scr-checks: disable-section=TST

Sub
---

Third flagme.

Fourth flagme.

Third
=====

Fifth flagme.
"""


def _marks(run):
    """(line, column, suppression) of every TST101 finding, in order."""
    return [(f.location.line, f.location.column, f.suppression) for f in run.findings]


def test_rst_disable_covers_next_block_and_section_marker_the_rest_of_section(flag_plugin):
    run = check_text(SECTIONS, plugins=[flag_plugin], autoload=False, config={"select": ["TST"]})
    quoted = Suppression("inSource", "the word is quoted from the family")
    section = Suppression("inSource", "")
    assert _marks(run) == [
        (6, 3, quoted),
        (8, 9, None),
        (18, 7, section),
        (20, 8, section),
        (25, 7, None),
    ]


def test_marker_for_another_rule_suppresses_nothing(flag_plugin):
    text = ".. scr-checks: disable=SCR701\n\nA flagme here.\n"
    run = check_text(text, plugins=[flag_plugin], autoload=False, config={"select": ["TST"]})
    assert _marks(run) == [(3, 3, None)]


def test_disable_without_ids_covers_every_rule(flag_plugin):
    text = "Intro.\n\n.. scr-checks: disable\n\nA flagme here.\n"
    run = check_text(text, plugins=[flag_plugin], autoload=False, config={"select": ["TST"]})
    assert _marks(run) == [(5, 3, Suppression("inSource", ""))]


def test_marker_at_the_end_covers_nothing(flag_plugin):
    text = "A flagme here.\n\n.. scr-checks: disable=TST101\n"
    run = check_text(text, plugins=[flag_plugin], autoload=False, config={"select": ["TST"]})
    assert _marks(run) == [(1, 3, None)]


def test_a_marker_inside_a_literal_block_is_still_only_a_whole_line_marker(flag_plugin):
    text = "Say ``.. scr-checks: disable`` to waive.\n\nA flagme here.\n"
    run = check_text(text, plugins=[flag_plugin], autoload=False, config={"select": ["TST"]})
    assert _marks(run) == [(3, 3, None)]


def test_markup_problems_on_the_covered_lines_are_suppressed_too():
    text = "Intro.\n\n.. scr-checks: disable=SCR100\n\nAn *unclosed emphasis.\n"
    run = check_text(text, autoload=False, config={"select": ["SCR100"]})
    assert [(f.rule_id, f.location.line, f.suppressed) for f in run.findings] == [
        ("SCR100", 5, True)
    ]


def test_html_comment_marker_is_a_whole_line_marker_in_any_text_format(flag_plugin):
    text = "<!-- scr-checks: disable=TST101 -- agreed -->\n\nA flagme here.\n\nB flagme.\n"
    run = check_text(text, plugins=[flag_plugin], autoload=False, config={"select": ["TST"]})
    assert _marks(run) == [(3, 3, Suppression("inSource", "agreed")), (5, 3, None)]


def _block(node: nodes.Element, index: int, path: tuple[str, ...]) -> TextBlock:
    return TextBlock(node=node, text=node.astext(), path="r.docx", heading_path=path, index=index)


def _finding(index: int) -> Finding:
    return Finding("TST101", "m", Severity.WARNING, Location("r.docx", paragraph_index=index))


def test_word_comment_on_a_paragraph_covers_it_and_section_comment_the_section():
    document = new_document("r.docx")
    first = nodes.paragraph(text="One.", comments=["scr-checks: disable=TST101 -- quoted"])
    second = nodes.paragraph(text="Two.")
    third = nodes.paragraph(text="Three.", comments=["Please check", "scr-checks: disable-section"])
    fourth = nodes.paragraph(text="Four.")
    fifth = nodes.paragraph(text="Five.")
    document.extend([first, second, third, fourth, fifth])
    blocks = [
        _block(first, 1, ("A",)), _block(second, 2, ("A",)), _block(third, 3, ("B",)),
        _block(fourth, 4, ("B", "C")), _block(fifth, 5, ("D",)),
    ]
    findings = [_finding(i) for i in range(1, 6)]
    apply_markers(findings, comment_scopes(blocks))
    assert [f.suppression for f in findings] == [
        Suppression("inSource", "quoted"), None,
        Suppression("inSource", ""), Suppression("inSource", ""), None,
    ]


# -- exit status and baseline ---------------------------------------------

TWO = "Intro.\n\n.. scr-checks: disable=TST101\n\nA flagme here.\n\nAnother flagme.\n"


def test_suppressed_findings_do_not_fail_the_run_and_are_counted(write_report, flag_plugin,
                                                                  capsys):
    path = write_report(TWO.replace("Another flagme.", "Another word."))
    assert main(["check", str(path), "-p", flag_plugin, "--select", "TST", "--no-color"]) == 0
    out = capsys.readouterr().out
    assert "flagme" not in out
    assert f"{path}: 0 errors, 0 warnings, 0 notes, 1 suppressed" in out.splitlines()


def test_unsuppressed_finding_still_fails(write_report, flag_plugin, capsys):
    path = write_report(TWO)
    assert main(["check", str(path), "-p", flag_plugin, "--select", "TST", "--no-color"]) == 1
    assert f"{path}:7:9: TST101 [warning] found flagme" in capsys.readouterr().out


def test_baseline_round_trip_survives_an_edit_above(write_report, flag_plugin, tmp_path, capsys):
    path = write_report(TWO)
    baseline = tmp_path / "baseline.json"
    common = ["-p", flag_plugin, "--select", "TST", "--format", "json"]
    assert main(["check", str(path), *common, "--write-baseline", str(baseline)]) == 0
    written = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert [f["suppression"] for f in written] == [
        {"kind": "inSource", "justification": ""},
        {"kind": "external", "justification": "baseline"},
    ]
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["scr-checks-baseline"] == 2
    assert [(e["path"], e["rule"]) for e in data["findings"]] == [(str(path), "TST101")]
    first_bytes = baseline.read_bytes()

    path.write_text("New opening paragraph.\n\n" + TWO + "\nA fresh flagme.\n", encoding="utf-8")
    assert main(["check", str(path), *common, "--baseline", str(baseline)]) == 1
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert [(f["location"]["line"], f["suppression"]) for f in findings] == [
        (7, {"kind": "inSource", "justification": ""}),
        (9, {"kind": "external", "justification": "baseline"}),
        (11, None),
    ]
    assert main(["check", str(path), *common, "--write-baseline", str(baseline)]) == 0
    capsys.readouterr()
    rewritten = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert len(rewritten) == 2
    assert rewritten == sorted(rewritten, key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    assert first_bytes != baseline.read_bytes()


def test_the_scorecard_counts_only_findings_the_baseline_left_open(
        write_report, flag_plugin, tmp_path, capsys):
    path = write_report(TWO)
    baseline = tmp_path / "baseline.json"
    common = ["-p", flag_plugin, "--select", "TST", "--format", "json"]
    main(["check", str(path), *common])
    (before,) = [e for e in json.loads(capsys.readouterr().out)["files"][0]["extras"]
                 ["scorecard"] if e["findings"]]
    assert before["status"] == "needs attention"
    assert main(["check", str(path), *common, "--write-baseline", str(baseline)]) == 0
    capsys.readouterr()
    assert main(["check", str(path), *common, "--baseline", str(baseline)]) == 0
    card = json.loads(capsys.readouterr().out)["files"][0]["extras"]["scorecard"]
    (after,) = [e for e in card if e["question"] == before["question"]]
    assert (after["status"], after["findings"]) == ("no problems found", {})
    main(["check", str(path), "-p", flag_plugin, "--select", "TST", "--no-color",
          "--baseline", str(baseline)])
    assert "needs attention" not in capsys.readouterr().out


def test_a_bad_baseline_file_is_a_usage_error(write_report, tmp_path, capsys):
    path = write_report(TWO)
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    assert main(["check", str(path), "--baseline", str(bad)]) == 2
    assert "not a scr-checks baseline" in capsys.readouterr().err


def test_configured_baseline_written_at_the_root_matches_from_a_subfolder(
        tmp_path, flag_plugin, monkeypatch, capsys):
    (tmp_path / ".git").mkdir()  # a repository: its configuration covers its subfolders
    reports = tmp_path / "reports"
    reports.mkdir()
    report = reports / "a.rst"
    report.write_text("A flagme here.\n", encoding="utf-8")
    (tmp_path / "scr-checks.toml").write_text(
        'select = ["TST"]\nbaseline = "scr-checks-baseline.json"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "reports", "-p", flag_plugin,
                 "--write-baseline", "scr-checks-baseline.json"]) == 0
    written = json.loads((tmp_path / "scr-checks-baseline.json").read_text(encoding="utf-8"))
    assert [e["path"] for e in written["findings"]] == ["reports/a.rst"]
    capsys.readouterr()

    monkeypatch.chdir(reports)
    assert main(["check", ".", "-p", flag_plugin, "--no-color"]) == 0
    assert "a.rst: 0 errors, 0 warnings, 0 notes, 1 suppressed" in capsys.readouterr().out
    report.write_text("A flagme here.\n\nA new flagme.\n", encoding="utf-8")
    assert main(["check", "a.rst", "-p", flag_plugin, "--no-color"]) == 1
    assert "a.rst:3:7: TST101 [warning] found flagme" in capsys.readouterr().out


def test_a_missing_configured_baseline_is_an_error_naming_it(write_report, tmp_path, capsys):
    path = write_report(TWO)
    (tmp_path / "scr-checks.toml").write_text('baseline = "accepted.json"\n', encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert (f"baseline {str(tmp_path / 'accepted.json')!r} not found"
            in capsys.readouterr().err)


def test_records_behave_as_the_frozen_dataclasses_they_were(like_dataclass, tmp_path):
    from pathlib import Path

    from scr_checks.suppressions import BASELINE_VERSION, Baseline, Marker, Scope

    marker = Marker(False, ("SCR101",), "quoted")
    block = TextBlock(nodes.paragraph(), "Text.", "r.rst", index=1)
    like_dataclass(Marker, lambda cls: cls(False, ("SCR101",), "quoted"),
                   lambda cls: cls(True, ("SCR101",), "quoted"))
    like_dataclass(Scope, lambda cls: cls(marker, frozenset({1}), range(2, 4), line=2),
                   lambda cls: cls(marker, frozenset({1}), range(2, 5), line=2))
    like_dataclass(Scope, lambda cls: cls(marker, frozenset({1}), anchor=block),
                   lambda cls: cls(marker, frozenset({2}), anchor=block))
    like_dataclass(Baseline, lambda cls: cls(Path("b.json"), frozenset({"ab:1"})),
                   lambda cls: cls(Path("b.json"), frozenset({"ab:1"}), 1))
    assert Baseline(tmp_path, frozenset()).version == BASELINE_VERSION
    assert str(marker) == "scr-checks: disable=SCR101"
