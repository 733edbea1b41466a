"""Structure rules SCR101-SCR105: sections, findings, numbering, heading levels, summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_checks import ConfigError
from scr_checks.testing import check_paths, check_text, findings_of, make_session


def only(rule: str, text: str, **config):
    run = check_text(text, config={"select": [rule], **config})
    assert not run.files[0].errors
    return findings_of(run, rule)


SECTIONS = (Path(__file__).parents[3] / "fixtures" / "reports"
            / "required_sections.rst").read_text(encoding="utf-8")


def test_required_sections_present_is_silent():
    assert only("SCR101", SECTIONS) == []


def test_missing_required_section_is_reported_at_the_start():
    text = SECTIONS.replace("Methodology\n===========", "Timeline\n========")
    (finding,) = only("SCR101", text)
    assert "'Methodology'" in finding.message
    assert (finding.location.line, finding.location.column) == (1, 1)


def test_heading_synonym_counts_as_the_section():
    text = SECTIONS.replace("Findings\n========", "Lessons learned\n===============")
    assert only("SCR101", text) == []


def test_unknown_required_section_is_a_config_error_naming_the_key():
    with pytest.raises(ConfigError, match=r"structure\.required_sections.*'findigns'"):
        make_session({"structure": {"required_sections": ["findigns"]}})


def test_required_section_may_be_one_declared_in_headings():
    config = {"headings": {"safety_plan": ["safety plan"]},
              "structure": {"required_sections": ["safety_plan"]}}
    (finding,) = only("SCR101", SECTIONS, **config)
    assert "'safety_plan'" in finding.message


PROSE_FINDINGS = """\
Findings
========

The review found that information was not shared and that plans drifted.
"""


def test_findings_section_of_running_prose_is_not_identifiable():
    (finding,) = only("SCR102", PROSE_FINDINGS)
    assert (finding.location.line, finding.location.column) == (1, 1)
    assert finding.location.end_column == len("Findings") + 1


@pytest.mark.parametrize("body", [
    "Finding 1: Information was not shared.",
    "5.1 Information was not shared.",
    "- Information was not shared.\n- Plans drifted.",
])
def test_labelled_numbered_or_listed_findings_are_identifiable(body):
    assert only("SCR102", f"Findings\n========\n\n{body}\n") == []


NUMBERED = """\
1. Analysis
===========

1.1 First.

{second} Second.

1.3 Third.
"""


def test_continuous_numbering_is_silent():
    assert only("SCR103", NUMBERED.format(second="1.2")) == []


def test_gap_points_at_the_number():
    text = "1.1 First.\n\n1.3 Third.\n"
    (finding,) = only("SCR103", text)
    assert "1.2 is missing" in finding.message
    loc = finding.location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (3, 1, 3, 4)


def test_duplicate_points_at_the_second_use():
    (finding,) = only("SCR103", NUMBERED.format(second="1.1").replace("1.3", "1.2"))
    assert "used twice (first line 4)" in finding.message
    assert (finding.location.line, finding.location.column) == (6, 1)


def test_going_backwards_is_reported():
    (finding,) = only("SCR103", "2.1 First.\n\n2.2 Second.\n\n1.4 Back.\n")
    assert "1.4 comes after 2.2" in finding.message
    assert (finding.location.line, finding.location.column) == (5, 1)


def test_deeper_levels_and_new_sections_continue_the_sequence():
    text = "1.1 A.\n\n1.1.1 B.\n\n1.1.2 C.\n\n1.2 D.\n\n2.1 E.\n\n2.1.1 F.\n\n3.1 G.\n"
    assert only("SCR103", text) == []


LEVELS_READER = '''
from docutils import nodes
from scr_checks import Reader, Report, decode_text, new_document

class LevelsReader(Reader):
    """'#' headings as in Markdown, each section flat under the document, with a level."""
    format = "lvl"
    suffixes = (".lvl",)

    def read(self, path, data):
        document = new_document(path)
        for line in decode_text(path, data).splitlines():
            if line.startswith("#"):
                hashes, _, words = line.partition(" ")
                section = nodes.section(level=len(hashes))
                section += nodes.title(words, words)
                document += section
            elif line.strip():
                section += nodes.paragraph(line, line)
        return Report(path=path, format=self.format, document=document)

from scr_checks import hookimpl

@hookimpl
def scr_register_readers():
    return [LevelsReader]
'''


def test_skipped_heading_level_is_reported(make_plugin):
    reader = make_plugin(LEVELS_READER)
    text = "# Analysis\nText.\n## Theme\nText.\n#### Detail\nText.\n## Other\nText.\n"
    run = check_text(text, suffix=".lvl", plugins=[reader], config={"select": ["SCR104"]})
    (finding,) = findings_of(run, "SCR104")
    assert "'Detail' is at level 4 straight after level 2" in finding.message
    assert finding.location.paragraph_index == 5


#: Three heading styles, the third first used straight after the first: a
#: reader that numbers levels by first appearance makes that a skipped level.
GUESSED = (("ANALYSIS", 18), ("Text of the analysis here.", 11), ("Information Sharing", 14),
           ("More text here.", 11), ("FINDINGS", 18), ("Text of the findings.", 11),
           ("4.1 The referral plan", 12), ("More text.", 11))


def _pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    page, y = canvas.Canvas(str(path)), 760
    for line, size in GUESSED:
        page.setFont("Helvetica-Bold" if size > 11 else "Helvetica", size)
        page.drawString(72, y, line)
        y -= 2 * size + 6
    page.save()


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_a_skipped_level_is_not_reported_where_levels_are_only_guessed(suffix, tmp_path):
    path = tmp_path / f"report{suffix}"
    if suffix == ".pdf":
        _pdf(path)
    else:
        path.write_text("\n\n".join(line for line, _ in GUESSED) + "\n", encoding="utf-8")
    run = check_paths([path], config={"select": ["SCR1"]})
    assert findings_of(run, "SCR104") == []
    (gap,) = [gap for entry in run.files[0].extras["scorecard"]
              for gap in entry["not_checked"] if "SCR104" in gap["rules"]]
    assert gap["reason"] == ("plain text and PDF give no heading levels, only the reader's "
                             "guesses")


def test_long_report_without_summary():
    text = "Analysis\n========\n\n" + "word " * 40 + "\n"
    (finding,) = only("SCR105", text, structure={"summary_words": 30}, kind="full_report")
    assert "40 words but no executive summary" in finding.message
    summary = "Executive summary\n=================\n\nShort.\n\n" + text
    assert only("SCR105", summary, structure={"summary_words": 30}) == []
    assert only("SCR105", text) == []
