"""Context cues that make a word a name though no list knows it."""

import pytest

from scr_checks.testing import check_text


def _names(text):
    run = check_text(text, config={"select": ["SCR201", "SCR202", "SCR203"],
                                   "show_identifiers": True})
    assert not run.errors
    return [(f.rule_id, f.secret, f.location.line, f.location.column) for f in run.findings]


@pytest.mark.parametrize(("text", "rule", "name"), [
    ("The family asked that their surname, Adeyemi, be kept out.", "SCR201", "Adeyemi"),
    ("Mother's maiden name Oyelaran appears in the notes.", "SCR201", "Oyelaran"),
    ("Mother's friend Chidi Okonkwo called an ambulance.", "SCR201", "Chidi Okonkwo"),
    ("Her older brother Tobenna was at home.", "SCR202", "Tobenna"),
    ("The maternal grandmother, Ngozi, visited daily.", "SCR202", "Ngozi"),
    ("His partner Zsofia moved in that spring.", "SCR202", "Zsofia"),
    ("A man named Kwabena came to the door.", "SCR202", "Kwabena"),
    ("She spent time with an older boy, Kwame, at the park.", "SCR202", "Kwame"),
    ("A young woman, Zainab, sometimes collected the children.", "SCR202", "Zainab"),
    ("Her friend, Okafor, helped with the shopping.", "SCR201", "Okafor"),
    ("In the evening Jayden and Tunde went out.", "SCR202", "Tunde"),
    ("In the evening Tunde and Jayden went out.", "SCR202", "Tunde"),
])
def test_a_cue_makes_an_unlisted_word_a_name(text, rule, name):
    assert (rule, name, 3, text.index(name) + 1) in _names("Title\n=====\n" + text + "\n")


@pytest.mark.parametrize("text", [
    "She lived with her partner Adult B and his brother Sibling 2.",
    "Her mother, Maternal Grandmother, helped; her brother, Older Brother, did not.",
    "Her friend Pupil B and her partner, Male 1, were there.",
    "Her carer, Foster Carer 1, and the family friend, Adult E, stayed.",
    "Mother called Childline, then called Early Help.",
    "Westmoor and Southbridge agreed; Mother and Child A moved.",
    "Mother's Partner attended; her stepfather, Stepfather, was known to police.",
])
def test_roles_codes_and_agencies_after_a_cue_are_not_names(text):
    assert _names(text + "\n") == []


@pytest.mark.parametrize("text", [
    "A learning event was held in Autumn 2022 and another in Summer 2023.",
    "The older boy, Child B, was not at home.",
])
def test_a_season_before_a_year_or_a_code_after_a_cue_is_not_a_name(text):
    assert _names("Title\n=====\n\n" + text + "\n") == []
