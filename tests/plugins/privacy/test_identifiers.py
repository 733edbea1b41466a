"""Dates, ages, addresses, contacts, numbers, places, conditions, combinations."""

import pytest

from scr_checks.testing import check_text, rule_ids


def _hits(text):
    run = check_text(text, config={"select": ["SCR2"], "show_identifiers": True})
    assert not run.errors
    return [(f.rule_id, f.secret, f.location.line, f.location.column) for f in run.findings]


@pytest.mark.parametrize(("text", "rule", "secret"), [
    ("Child P was born on 3 June 2016 at home.", "SCR204", "3 June 2016"),
    ("His date of birth, 2005-11-05, was given.", "SCR204", "2005-11-05"),
    ("The police came on 12/11/2016 at night.", "SCR205", "12/11/2016"),
    ("They met on the 3rd of May 2019 at noon.", "SCR205", "the 3rd of May 2019"),
    ("At 11 weeks and 3 days old he was admitted.", "SCR206", "11 weeks and 3 days old"),
    ("The family lived at 14 Larch Close for a year.", "SCR207", "14 Larch Close"),
    ("They moved to the area around EX12 4QT last year.", "SCR208", "EX12 4QT"),
    ("Her grandmother could be reached on 07700 900461 daily.", "SCR209", "07700 900461"),
    ("She wrote from kayleigh.b1990@example.com twice.", "SCR210", "kayleigh.b1990@example.com"),
    ("He posted on facebook.com/kayleigh.brennan.5 often.", "SCR211",
     "facebook.com/kayleigh.brennan.5"),
    ("The NHS number 999 000 0018 was on the form.", "SCR212", "999 000 0018"),
    ("Her number JT 48 26 13 B was on file.", "SCR213", "JT 48 26 13 B"),
    ("Police crime reference 14/55321/16 was cited.", "SCR214", "14/55321/16"),
    ("She attended Oakfield Primary School then.", "SCR215", "Oakfield Primary School"),
    ("Child P had cystic fibrosis from birth.", "SCR216", "cystic fibrosis"),
    ("He has Wolf-Hirschhorn syndrome, diagnosed late.", "SCR216", "Wolf-Hirschhorn syndrome"),
    ("Baby R was born with exomphalos, repaired at six days.", "SCR216", "exomphalos"),
    ("Her brother was treated for a neuroblastoma in 2019.", "SCR216", "neuroblastoma"),
    ("The child had hypoplastic left heart syndrome.", "SCR216",
     "hypoplastic left heart syndrome"),
    ("He was being treated for Ewing's sarcoma at the time.", "SCR216", "Ewing's sarcoma"),
    ("She had a Wilms tumour removed in 2018.", "SCR216", "Wilms tumour"),
    ("His sister has phenylketonuria and a special diet.", "SCR216", "phenylketonuria"),
])
def test_each_identifier_kind_is_found_exactly(text, rule, secret):
    hits = _hits(text + "\n")
    assert (rule, secret, 1, text.index(secret) + 1) in hits


@pytest.mark.parametrize("text", [
    "Paragraph 4.4.10 of the agency report and 4.12.3 of the chronology agree.",
    "In July 2015 Child S moved; in spring 2016 the family returned.",
    "Version 3, published 02.02.2021.",
    "Document reference: CYSUR 4 2019, Case C13.",
    "The review discussed at length the life at home.",
    "Child T was a two month old baby, and at eight weeks old was seen again.",
    "The Partnership can be contacted at scp@southbridge.example.gov.uk or on its "
    "helpline, 0300 123 4567.",
    "Grace attended School 1 and was registered with GP Practice 1 near Home 2.",
    "Westmoor NHS Foundation Trust and Westmoor Constabulary agreed.",
    "Child B might have ADHD, autism or a life-limiting condition; he had a fracture.",
    "Practitioners attended the Emergency Department and the Family Court.",
])
def test_ordinary_review_prose_is_not_an_identifier(text):
    assert _hits(text + "\n") == []


def test_a_combination_in_one_paragraph():
    text = ("Mother is of Polish heritage and has Ehlers-Danlos syndrome. The older "
            "sibling attended Oakfield Primary School.\n")
    hits = _hits(text)
    assert ("SCR217", "Polish", 1, 14) in hits


def test_two_details_are_no_combination():
    assert "SCR217" not in rule_ids(check_text(
        "Mother is of Polish heritage and attended Oakfield Primary School.\n",
        config={"select": ["SCR2"]}))


def test_age_in_weeks_with_a_condition_is_a_combination():
    assert ("SCR217" in rule_ids(check_text(
        "At 17 weeks old she was found to have cystic fibrosis.\n",
        config={"select": ["SCR2"]})))


def test_extra_patterns_from_configuration():
    run = check_text("The file ESCC-123456 was opened.\n",
                     config={"select": ["SCR2"], "show_identifiers": True,
                             "privacy": {"patterns": {"SCR214": [r"ESCC-\d{6}"]}}})
    assert [(f.rule_id, f.secret) for f in run.findings] == [("SCR214", "ESCC-123456")]
