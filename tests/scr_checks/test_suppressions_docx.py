"""Suppression markers in Word: a comment anchored to a paragraph."""

from __future__ import annotations

import io

import docx

from scr_checks.results import Suppression
from scr_checks.testing import check_text


def _report() -> bytes:
    document = docx.Document()
    document.add_heading("Analysis", level=1)
    quoted = document.add_paragraph("Her words: a flagme moment.")
    document.add_paragraph("A second flagme.")
    document.add_heading("Annex", level=1)
    annex = document.add_paragraph("Annex flagme one.")
    document.add_paragraph("Annex flagme two.")
    document.add_comment(quoted.runs, text="scr-checks: disable=TST101 -- quoted",
                         author="Reviewer A")
    document.add_comment(annex.runs, text="scr-checks: disable-section")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_comment_covers_its_paragraph_and_section_comment_the_section(flag_plugin):
    run = check_text(_report(), suffix=".docx", plugins=[flag_plugin], autoload=False,
                     config={"select": ["TST"]})
    assert not run.files[0].errors
    assert [(f.location.paragraph_index, f.snippet, f.suppression) for f in run.findings] == [
        (2, "flagme", Suppression("inSource", "quoted")),
        (3, "flagme", None),
        (5, "flagme", Suppression("inSource", "")),
        (6, "flagme", Suppression("inSource", "")),
    ]
