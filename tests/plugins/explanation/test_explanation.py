"""Explanation rule SCR401: a finding that describes without explaining."""

from __future__ import annotations

import pytest

from scr_checks.testing import check_text, findings_of

#: Each snippet stands for a whole report, so rules that need one run on it.
WHOLE = {"kind": "full_report"}


def only(text: str, **config):
    run = check_text(text, config={"select": ["SCR401"], **WHOLE, **config})
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


def finding(sentence: str) -> str:
    return f"Findings\n========\n\n7.3 {sentence}\n"


@pytest.mark.parametrize("sentence", [
    "The GP did not refer the bruise and did not follow the bruising protocol.",
    "The social worker failed to use the neglect tool.",
    "The neglect guidance was not applied.",
    "The health visitor had not read the safeguarding procedures.",
    "No referral form was completed.",
    "The threshold was met but no strategy discussion was held.",
])
def test_a_tool_named_only_as_not_used_is_description(sentence):
    (found,) = only(finding(sentence))
    assert (found.location.line, found.location.column, found.location.end_column) == (4, 1, 4)
    assert found.snippet == "7.3"
    assert "only as something that was or was not followed or used" in found.message
    assert "no cause" in found.message and "no systemic account" in found.message


def test_the_message_names_the_tool_that_was_not_used():
    (found,) = only(finding("The GP did not follow the bruising protocol or use the body map "
                            "tool."))
    assert "names the bruising protocol and the body map tool only as" in found.message


def test_a_tool_that_starts_a_sentence_is_named_in_lower_case_mid_sentence():
    (found,) = only(finding("The neglect guidance was not applied."))
    assert "it names the neglect guidance only as" in found.message


@pytest.mark.parametrize("sentence", [
    "The health visitor did not ask about the father's drug use.",
    "Appointments were missed and nobody followed them up.",
    "The practitioners did not consider the family's culture.",
    "The social worker did not visit and did not ask why the child was absent.",
])
def test_description_without_tools_is_reported(sentence):
    (found,) = only(finding(sentence))
    assert found.snippet == "7.3"
    assert "names" not in found.message


@pytest.mark.parametrize("sentence", [
    # causal connectives
    "The GP did not refer the bruise because she did not know about the violence at home.",
    "The visit was cancelled as a result of a change of worker.",
    "The plan drifted. This was due to the chair leaving.",
    "Reviews were not held, which meant that nobody saw the pattern.",
    "The reason was that the referral went to the wrong team.",
    "Visits were booked in working hours so that the rota could be covered.",
    # systemic statements
    "There was no guidance on bruising in babies who are not yet mobile.",
    "The form had no field for worries about adults in the household.",
    "Workload was twice the agreed level in the team.",
    "Supervision did not ask about the father.",
    "The service was set up without a link to children's social care.",
    "The health visitor did not ask about the father; this is not peculiar to this case.",
    "Fathers are recorded only by name across the partnership.",
    # a systemic noun that is the subject, or is missing or inadequate
    "The GP did not follow the protocol, which did not cover babies under six months.",
    "The bruising protocol could not be found on the new records system.",
    "The guidance was unclear about who should make the referral.",
    "The GP did not follow the outdated protocol.",
    "High caseloads left no time for home visits.",
])
def test_explanations_of_each_kind_are_silent(sentence):
    assert only(finding(sentence)) == []


SCIE = """\
Findings
========

Finding 1: Fathers are unseen
-----------------------------

How did the issue manifest in this case?
   {manifest}

How do we know it is not peculiar to this case?
   {widespread}

Why does it matter?
   The baby's father was never asked about his history.
"""


def test_scie_format_counts_when_its_sub_sections_explain():
    text = SCIE.format(
        manifest="The health visitor did not ask about the father.",
        widespread="The case group said that health visiting records are built around "
                   "the mother in every team.",
    )
    assert only(text) == []
    text = SCIE.format(
        manifest="The antenatal record has no field for the father, so nobody asked.",
        widespread="Not known.",
    )
    assert only(text) == []


def test_scie_sub_headings_alone_do_not_explain():
    # The questions' own words ("not peculiar to this case", "why") do not count.
    text = SCIE.format(manifest="The health visitor did not follow the fathers protocol.",
                       widespread="Not known.")
    (found,) = only(text)
    loc = found.location
    assert (loc.line, loc.column, loc.end_column) == (4, 1, 10)
    assert found.snippet == "Finding 1"
    assert "the fathers protocol" in found.message
    assert "How did the issue manifest in this case?" in found.suggestion


def test_the_word_lists_are_compiled_once():
    from scr_plugins.explanation.evidence import lexicon

    assert lexicon(()) is lexicon(())
    assert all(len(words) for words in vars(lexicon(())).values())
