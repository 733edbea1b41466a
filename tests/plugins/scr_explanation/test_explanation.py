"""Explanation rule SCR401: a finding that describes without explaining."""

from __future__ import annotations

import pytest

from scr_checks.testing import check_text, findings_of


def only(text: str, **config):
    run = check_text(text, config={"select": ["SCR401"], **config})
    assert not run.files[0].errors
    return findings_of(run, "SCR401")


DESCRIPTIVE = """\
Findings
========

Finding 1: The partner was not seen
-----------------------------------

The social worker did not speak to the mother's partner.
"""


def test_description_only_is_reported_at_the_finding_label():
    (finding,) = only(DESCRIPTIVE)
    loc = finding.location
    assert (loc.line, loc.column, loc.end_column) == (4, 1, 10)
    assert "describes what happened but not why" in finding.message
    assert "Learning Together" in finding.suggestion


@pytest.mark.parametrize("explanation", [
    "because the assessment template did not prompt it",
    "owing to high caseloads in the team",
    "and the guidance was silent on new adults",
    "and this is not peculiar to this case",
])
def test_causal_or_systemic_explanation_is_silent(explanation):
    text = DESCRIPTIVE.replace("partner.", f"partner, {explanation}.")
    assert only(text) == []


def test_locally_configured_explanation_words_count():
    text = DESCRIPTIVE.replace("partner.", "partner; see the hazard log.")
    assert len(only(text)) == 1
    assert only(text, explanation={"explanations": ["hazard log"]}) == []


def test_numbered_paragraph_findings_are_checked_one_by_one():
    text = ("Findings\n========\n\n7.1 Plans drifted because nobody chaired reviews.\n\n"
            "7.2 The child was not seen alone.\n")
    (finding,) = only(text)
    assert finding.snippet == "7.2"
    assert (finding.location.line, finding.location.column) == (6, 1)
