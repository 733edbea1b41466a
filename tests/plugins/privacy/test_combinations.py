"""SCR217: kinds of detail counted per paragraph, as a reader would combine them."""

import pytest

from scr_checks.testing import check_text


def _combined(text):
    run = check_text("Title\n=====\n\n" + text + "\n",
                     config={"select": ["SCR217"], "show_identifiers": True})
    assert not run.errors
    return [(f.rule_id, f.secret, f.location.line, f.location.column) for f in run.findings]


@pytest.mark.parametrize(("text", "first"), [
    # a date, an ethnicity and the town the family moved from
    ("On 14 August 2018 Child K, whose family is of Somali heritage, moved with\n"
     "Mother from Eastbridge to a rented house.", "14 August 2018"),
    # a date, a Welsh hospital and a faith in the plural
    ("On 2021-06-30 Child D was admitted to Ysbyty Maes Derw. Staff recorded that\n"
     "the family were Jehovah's Witnesses.", "2021-06-30"),
    # an age in months with a named condition
    ("At 19 months old Sibling 2 was diagnosed with Prader-Willi syndrome.", "19 months old"),
])
def test_three_kinds_or_an_age_with_a_condition_are_a_combination(text, first):
    assert _combined(text) == [("SCR217", first, 4, text.index(first) + 1)]


@pytest.mark.parametrize("text", [
    # two dates and one place are two kinds, not three
    "On 3 May 2020 and on 9 May 2020 Child A was seen at Oakfield Surgery.",
    # a nation is too wide to count as a place
    "On 14 August 2018 the family, who are Somali, moved from Wales.",
    # a first name after "moved in with" is a person, not a town
    "On 14 August 2018 the Somali family moved to stay near Tyler in the city.",
    # the town is in a different paragraph from the other details
    "On 14 August 2018 the family, who are Somali, arrived.\n\nThey had lived in Eastbridge.",
])
def test_fewer_than_three_kinds_in_a_paragraph_are_no_combination(text):
    assert _combined(text) == []
