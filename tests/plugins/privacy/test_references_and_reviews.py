"""Reference numbers after 'report' or 'log'; Welsh review types are not places."""

import pytest

from scr_checks.testing import check_text


def _found(text, select=("SCR2",)):
    run = check_text("Title\n=====\n\n" + text + "\n",
                     config={"select": list(select), "show_identifiers": True})
    assert not run.errors
    return [(f.rule_id, f.secret, f.location.line, f.location.column) for f in run.findings]


@pytest.mark.parametrize(("text", "ref"), [
    ("Police held the crime report 14/22871/19 on file.", "14/22871/19"),
    ("The incident log 44710 was closed.", "44710"),
])
def test_a_reference_after_report_or_log_is_a_reference_number(text, ref):
    assert _found(text) == [("SCR214", ref, 4, text.index(ref) + 1)]


@pytest.mark.parametrize("text", [
    "The case report 2020-21 and the police report 2019 were read.",
    "This Extended Child Practice Review followed a Concise Child Practice Review.",
    "An Adult Practice Review and a Rapid Review were held.",
])
def test_years_and_review_types_are_not_reported(text):
    assert _found(text) == []
