"""Named professionals (role nouns and titles), name particles and authorship lines."""

import pytest

from scr_checks.testing import check_text

LOWER = " The family was seen in the home by the team in the end.\n"


def _names(text):
    run = check_text("Title\n=====\n\n" + text + LOWER,
                     config={"select": ["SCR201", "SCR202", "SCR203"], "show_identifiers": True})
    assert not run.errors
    return [(f.rule_id, f.secret, f.location.line, f.location.column) for f in run.findings]


@pytest.mark.parametrize(("text", "name"), [
    ("The social worker, Femi Adeyinka, visited the ward.", "Femi Adeyinka"),
    ("Femi Adeyinka, the social worker, visited the ward.", "Femi Adeyinka"),
    ("The health visitor, Niamh, called.", "Niamh"),
    ("The Youth Justice Service worker, Seán Mulcahy, called.", "Seán Mulcahy"),
    ("The family's housing adviser, Zoë Pritchard, called.", "Zoë Pritchard"),
    ("The youth worker, Obinna Eze, made a referral.", "Obinna Eze"),
    ("Detective Sergeant Hughes interviewed Mother.", "Sergeant Hughes"),
    ("Mother spoke to Sergeant Bellamy.", "Sergeant Bellamy"),
    ("Inspector Rowe attended.", "Inspector Rowe"),
    ("Mother spoke to DC Okafor.", "DC Okafor"),
    ("Head teacher Mrs Okoro called Mother.", "Mrs Okoro"),
    ("The Head of Year, Mrs Okonkwo-Hughes, described him.", "Mrs Okonkwo-Hughes"),
    ("Mother spoke to the GP, Dr Chaudhry, twice.", "Dr Chaudhry"),
    ("She was seen by the practice nurse (Mrs Okafor) in May.", "Mrs Okafor"),
    ("Social Worker 3 (Mr Brennan) visited the home.", "Mr Brennan"),
    ("The vicar, Revd Alison Hale, knew the family.", "Revd Alison Hale"),
    ("Mother asked Pastor Adebayo for help.", "Pastor Adebayo"),
])
def test_a_name_beside_a_role_or_professional_title_is_a_named_professional(text, name):
    assert _names(text) == [("SCR203", name, 4, text.index(name) + 1)]


@pytest.mark.parametrize("text", [
    "In Eastbridge, the social worker visited.",
    "The police officer, Eastbridge Police, attended.",
    "The social worker, Mother said, had not visited.",
    "The team manager, Sibling 2 and Mother met.",
    "The Inspector Report from Ofsted was read.",
])
def test_a_place_agency_or_role_beside_a_role_is_not_a_name(text):
    assert _names(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Adult E's father, Mr Rhodri ap Gwyn, lived nearby.", "Mr Rhodri ap Gwyn"),
    ("Her neighbour Ana de Souza called the police.", "Ana de Souza"),
    ("Mother wrote to Rhodri ap Gwyn.", "Rhodri ap Gwyn"),
])
def test_a_name_particle_joins_one_name(text, name):
    assert _names(text) == [("SCR201", name, 4, text.index(name) + 1)]


@pytest.mark.parametrize("line", [
    "Reviewers: Eleri Vaughan and Dr Tomasz Zielinski",
    "Lead reviewer: Dr Rosalind Peake",
    "Co-authors: Gethin Rowlands and Sergeant Mair Hughes",
    "Report prepared by: Dr Anwen Price",
])
def test_names_in_an_authorship_line_are_not_reported(line):
    assert _names("| " + line + "\n|\n") == []
