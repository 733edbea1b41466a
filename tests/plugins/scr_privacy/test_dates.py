"""Dates of birth or death against the dates of events named after a birth or death."""

import pytest

from scr_checks.testing import check_text


def _dates(text):
    run = check_text("Title\n=====\n\n" + text + "\n",
                     config={"select": ["SCR204", "SCR205"], "show_identifiers": True})
    assert not run.errors
    return [(f.rule_id, f.secret, f.location.line, f.location.column) for f in run.findings]


@pytest.mark.parametrize(("text", "date"), [
    ("The health visitor completed the new birth visit on 16 September 2019.",
     "16 September 2019"),
    ("The Child Death Review meeting on 3 May 2020 was held.", "3 May 2020"),
    ("Mother received death threats on 2 June 2020.", "2 June 2020"),
    ("The pre-birth conference on 4 May 2020 agreed a plan.", "4 May 2020"),
    ("The birth plan, agreed on 1 March 2020, was followed.", "1 March 2020"),
])
def test_a_date_of_an_event_named_after_a_birth_or_death_is_a_full_date(text, date):
    assert _dates(text) == [("SCR205", date, 4, text.index(date) + 1)]


@pytest.mark.parametrize(("text", "date"), [
    ("She gave birth on 3 May 2020 at home.", "3 May 2020"),
    ("Her date of birth, 2005-11-05, was given.", "2005-11-05"),
    ("After his death on 4 May 2020 the review began.", "4 May 2020"),
    ("Date of birth: 12/03/2019.", "12/03/2019"),
    ("Child P was born prematurely on 08.05.2018 in hospital.", "08.05.2018"),
])
def test_a_date_after_a_birth_or_death_cue_is_a_date_of_birth_or_death(text, date):
    assert _dates(text) == [("SCR204", date, 4, text.index(date) + 1)]
