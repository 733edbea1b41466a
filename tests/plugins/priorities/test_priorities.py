"""Priorities rules SCR301-SCR304: tied, addressed, not too many, not generic."""

from __future__ import annotations

from scr_checks.testing import check_text, findings_of

FINDINGS = """\
Findings
========

Finding 1: Referral forms lose health observations
--------------------------------------------------

5.1 The form has no field for them, because it was designed for police referrals.

Recommendations
===============

"""


def only(rule: str, recommendations: str, **config):
    run = check_text(FINDINGS + recommendations, config={"select": [rule], **config})
    assert not run.files[0].errors
    return findings_of(run, rule)


GOOD = "6.1 Recommendation 1: The Partnership should add a field to the form (Finding 1).\n"


def test_good_recommendation_is_silent():
    for rule in ("SCR301", "SCR302", "SCR303", "SCR304"):
        assert only(rule, GOOD) == []


def test_recommendation_citing_no_finding_points_at_its_label():
    (finding,) = only("SCR301", "6.1 Recommendation 1: The Partnership should add a field.\n")
    loc = finding.location
    assert (loc.line, loc.column, loc.end_column) == (12, 5, 21)
    assert finding.message.startswith("Recommendation 1 cites no finding")


def test_citing_a_finding_paragraph_ties_it():
    rec = "6.1 Recommendation 1: The Partnership should add a field (see paragraph 5.1).\n"
    assert only("SCR301", rec) == []


def test_citing_a_finding_that_does_not_exist_does_not_tie_it():
    rec = "6.1 Recommendation 1: The Partnership should add a field (Finding 4).\n"
    assert only("SCR301", rec) == []
    (finding,) = only("SCR305", rec, kind="full_report")
    assert finding.snippet == "4"


def test_questions_for_the_board_under_a_finding_are_tied():
    text = """\
Finding 1: Referral forms lose health observations
==================================================

The form has no field for them, because of its design.

Recommendation 1: The Board should review the form.
"""
    run = check_text(text, config={"select": ["SCR301"]})
    assert findings_of(run, "SCR301") == []


def test_recommendation_to_practitioners_names_no_body():
    rec = "6.1 Recommendation 1: Practitioners should ask more (Finding 1).\n"
    (finding,) = only("SCR302", rec)
    assert "does not say who is to act" in finding.message
    assert (finding.location.line, finding.location.column) == (12, 5)


def test_agency_types_and_configured_bodies_count_as_actors():
    for body in ("The local authority", "Children's social care", "The integrated care board"):
        assert only("SCR302", f"6.1 Recommendation 1: {body} should act (Finding 1).\n") == []
    rec = "6.1 Recommendation 1: The Learning Hub should act (Finding 1).\n"
    assert len(only("SCR302", rec)) == 1
    assert only("SCR302", rec, priorities={"actors": ["learning hub"]}) == []


def test_too_many_recommendations_points_at_the_first_beyond_the_limit():
    recs = "".join(
        f"6.{n} Recommendation {n}: The Partnership should change form {n} (Finding 1).\n\n"
        for n in range(1, 5)
    )
    (finding,) = only("SCR303", recs, priorities={"max_recommendations": 3})
    assert "4 recommendations, more than 3" in finding.message
    assert (finding.location.line, finding.location.column) == (18, 5)
    assert only("SCR303", recs, priorities={"max_recommendations": 4}) == []


def test_generic_wording_is_pointed_at_exactly():
    rec = "6.1 Recommendation 1: All agencies must do better at this (Finding 1).\n"
    (finding,) = only("SCR304", rec)
    loc = finding.location
    assert (loc.line, loc.column, loc.end_column) == (12, 36, 50)
    assert finding.snippet == "must do better"


def test_list_items_in_a_recommendations_section_are_recommendations():
    recs = "- The Partnership should add a field (Finding 1).\n- Remind staff to use it.\n"
    (finding,) = only("SCR304", recs)
    assert finding.snippet == "Remind staff"
    assert len(only("SCR301", recs)) == 1


def test_the_generic_message_reads_as_a_sentence_for_every_kind_of_wording():
    recs = ("- The Partnership should provide more training (Finding 1).\n"
            "- The Board should raise awareness of the policy (Finding 1).\n"
            "- Staff should be reminded of the procedure (Finding 1).\n")
    assert [f.message for f in only("SCR304", recs)] == [
        "Recommendation 1 is generic: 'more training' asks for training without saying "
        "what it must change, and training alone rarely changes practice.",
        "Recommendation 2 is generic: 'raise awareness' asks for awareness, which alone "
        "does not say what will change.",
        "Recommendation 3 is generic: 'should be reminded' asks for a reminder, and reminders "
        "rarely change practice shaped by systems.",
    ]
