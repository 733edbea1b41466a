"""Coverage rules SCR801 (equality and diversity) and SCR802 (statutory guidance)."""

from __future__ import annotations

from scr_checks.testing import check_text, findings_of

#: Each snippet stands for a whole report, so rules that need one run on it.
WHOLE = {"kind": "full_report"}


def only(rule: str, text: str, **config):
    run = check_text(text, config={"select": [rule], **WHOLE, **config})
    assert not run.files[0].errors
    return findings_of(run, rule)


def test_no_identity_discussion_is_reported_for_the_report():
    (finding,) = only("SCR801", "Analysis\n========\n\nVisits were cancelled.\n")
    assert (finding.location.line, finding.location.column) == (1, 1)
    assert "0 of the identity categories" in finding.message


def test_two_categories_or_an_equality_section_count():
    two = "Analysis\n========\n\nNo interpreter was booked; nobody asked about faith.\n"
    assert only("SCR801", two) == []
    one = "Analysis\n========\n\nAn interpreter was not booked.\n"
    assert len(only("SCR801", one)) == 1
    assert only("SCR801", one, coverage={"equality_min_categories": 1}) == []
    section = "Equality and diversity\n======================\n\nConsidered.\n"
    assert only("SCR801", section) == []


def test_aged_is_not_a_discussion_of_age():
    text = "Analysis\n========\n\nThe child, aged two, was seen with an interpreter.\n"
    assert len(only("SCR801", text)) == 1


def test_statutory_guidance_named_or_configured():
    assert len(only("SCR802", "Intro\n=====\n\nText.\n")) == 1
    named = "Intro\n=====\n\nHeld under Working Together to\nSafeguard Children (2023).\n"
    assert only("SCR802", named) == []
    local = "Intro\n=====\n\nHeld under the Local Review Protocol.\n"
    assert only("SCR802", local, coverage={"statutory_guidance": ["local review protocol"]}) == []


def test_statutory_guidance_named_across_two_paragraphs():
    """The paragraphs are read together too: a title may run from one into the next."""
    split = "Intro\n=====\n\nHeld under Working Together\n\nto Safeguard Children (2023).\n"
    assert only("SCR802", split) == []
