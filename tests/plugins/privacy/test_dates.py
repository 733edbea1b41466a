"""Dates of birth or death against the dates of events named after a birth or death."""

from unittest import mock

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st
from scr_plugins.privacy import dates
from scr_plugins.privacy.rules import FULL_DATE

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


@pytest.mark.parametrize(("text", "date"), [
    ("The health visitor saw Baby K on 07.04.22 at home.", "07.04.22"),
    ("The referral was made on 19-11-18 by the school.", "19-11-18"),
    ("The strategy meeting on 2019/06/14 agreed a plan.", "2019/06/14"),
])
def test_two_digit_and_year_first_dates_are_full_dates(text, date):
    assert _dates(text) == [("SCR205", date, 4, text.index(date) + 1)]


@pytest.mark.parametrize("text", [
    "See paragraphs 4.4.10 and 5.2.12 of the report.",
    "Recommendation 10.10.10.2 was accepted.",
])
def test_paragraph_numbers_are_not_two_digit_dates(text):
    assert _dates(text) == []


def test_an_age_in_three_units_is_one_exact_age():
    text = "Title\n=====\n\nHe was then 14 years, 5 months and 3 days\nold when he moved.\n"
    run = check_text(text, config={"select": ["SCR206"], "show_identifiers": True})
    assert [(f.secret, f.location.line, f.location.column) for f in run.findings] == [
        ("14 years, 5 months and 3 days old", 4, 13),
    ]


@pytest.mark.parametrize("text", [
    "Final v1.2, 30.05.2024.",
    "Draft 2.3 issued 14.03.2024 to members.",
    "Version 1.0.3, 12 June 2024.",
])
def test_a_document_date_after_a_dotted_version_number_is_not_a_finding(text):
    assert _dates(text) == []


def test_a_date_after_a_dotted_number_that_is_not_a_version_is_a_full_date():
    text = "The final plan (para 4.2) was agreed on 3 May 2021 by the group."
    assert _dates(text) == [("SCR205", "3 May 2021", 4, text.index("3 May 2021") + 1)]


@pytest.mark.parametrize("cue", ["She was born in Leeds.", "The draft was revised.",
                                 "The review was published by the Board."])
def test_dates_far_from_a_cue_are_found_as_in_a_paragraph_without_one(cue):
    """A cue word elsewhere in the paragraph changes nothing about a date it is not near."""
    plain = "They met on 3 March 2019, 4.5.2020 and 12/11/19 at the clinic. "
    found = list(dates.find(plain))
    with_cue = [h for h in dates.find(plain + cue) if h.start < len(plain)]
    assert [h.rule for h in found] == [FULL_DATE] * 3
    assert with_cue == found


#: ``DATE`` as it was written before its forms that start with a day were
#: joined and made atomic: each form after another, every reading of the day
#: tried in each.  The two must find the same dates in any text.
ONE_FORM_AFTER_ANOTHER = regex.compile(
    rf"(?<![\w.])(?=[0-9tJFMASOND])(?:"
    rf"(?:the\s+)?{dates._DAY}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{dates.MONTHS})\.?"
    rf"(?:,?\s+{dates._YEAR})?"
    rf"|(?:{dates.MONTHS})\s+{dates._DAY}(?:st|nd|rd|th)?(?:,?\s+{dates._YEAR})?"
    rf"|{dates._DAY}/(?:1[0-2]|0?[1-9])/(?:{dates._YEAR}|\d\d)"
    rf"|{dates._DAY}-(?:1[0-2]|0?[1-9])-{dates._YEAR}"
    rf"|{dates._DAY}\.(?:1[0-2]|0?[1-9])\.{dates._YEAR}"
    rf"|(?:[12]\d|3[01]|0[1-9])([.-])(?:1[0-2]|0[1-9])\1\d\d(?!\.\d)"
    rf"|{dates._YEAR}/(?:1[0-2]|0[1-9])/(?:[12]\d|3[01]|0[1-9])"
    rf"|{dates._YEAR}-(?:1[0-2]|0[1-9])-(?:[12]\d|3[01]|0[1-9])"
    rf")(?![\w/])"
)
DATE_PIECES = st.sampled_from([
    "0", "1", "2", "3", "9", "01", "10", "12", "13", "21", "29", "31", "32", "05", "19", "20",
    "2019", "1899", ".", "/", "-", ",", " ", "  ", "\n", "the ", "of ", "st", "nd", "th",
    "March", "Mar", "May", "Sept", "Dec", "a", "x", "_", "²", "é",
])


@given(st.lists(DATE_PIECES, max_size=14).map("".join))
def test_the_date_pattern_finds_what_one_form_after_another_found(text):
    assert ([m.span() for m in dates.DATE.finditer(text)]
            == [m.span() for m in ONE_FORM_AFTER_ANOTHER.finditer(text)])


@pytest.mark.parametrize("text", [
    "21.10.21, 13.11.15", "1.2.2019 and 01.02.19", "5/1/2019, 05/01/19, 10/11/12",
    "2019-10-21 and 21-10-2019", "3rd of March 2019, the 21st March, March 21, 2019",
    "4.4.10 and 21.10.21.5", "12/13/2019", "32.10.2019", "21.1O.21",
])
def test_the_date_pattern_on_each_form(text):
    assert ([m.span() for m in dates.DATE.finditer(text)]
            == [m.span() for m in ONE_FORM_AFTER_ANOTHER.finditer(text)])


AGE_PIECES = st.sampled_from([
    "3", "12", "1234", "two", "twenty", "-", " ", ", ", " and ", "days", "day", "weeks",
    "months", "month", "years", "old", "aged ", ". ", ".", "x", "_", "²", "Twenty",
])


@given(st.lists(AGE_PIECES, max_size=30).map("".join), st.integers(1, 12))
@example("\u00b23 days old. x", 1)  # a number in a run with a digit that is no word character
def test_ages_searched_a_window_at_a_time_are_the_ages_of_the_whole_text(text, window):
    """Windows a few characters long, so that short texts are cut into many."""
    with mock.patch.object(dates, "WINDOW", 10 ** 9):
        whole = list(dates.find(text))
    with mock.patch.object(dates, "WINDOW", window):
        assert list(dates.find(text)) == whole
