"""Named places: institution and street head nouns, and what only describes a place."""

import pytest
import regex
from scr_plugins.privacy import places
from scr_plugins.privacy.gazetteer import lexicon

from scr_checks.testing import check_text


def _places(text):
    run = check_text(text, config={"select": ["SCR207", "SCR215"], "show_identifiers": True})
    assert not run.errors
    return [(f.rule_id, f.secret, f.location.line, f.location.column) for f in run.findings]


@pytest.mark.parametrize("place", [
    "Kingsmead Maternity Unit", "Rowan Ward", "Abbeydale Medical Practice",
    "Parkside Practice", "Hillcrest Children's Centre", "Brambles Pre-school",
    "Meadowview Children's Home", "St Oswald's Hospice", "Oakwood Centre",
    "Station Approach", "Elm Vale", "Foxes Croft", "Riverside Wharf", "Hollybush Heights",
    "Weavers Court", "Abbey Lane Surgery",
])
def test_a_name_before_an_institution_or_street_word_is_a_place(place):
    text = f"In 2020 the family went to {place} twice.\n"
    assert _places("Title\n=====\n\n" + text) == [
        ("SCR215", place, 4, text.index(place) + 1),
    ]


def test_a_house_number_before_a_new_street_word_is_an_address():
    text = "Title\n=====\n\nShe moved into a flat at 41b Station\nApproach, Dunmore.\n"
    assert _places(text) == [("SCR207", "41b Station Approach", 4, 26)]


@pytest.mark.parametrize("text", [
    "He was moved from the Special Care Baby Unit to the Neonatal Intensive Care Unit.",
    "Mother stayed on the Mother and Baby Unit, then the Children's Ward.",
    "She went to the Sexual Assault Referral Centre and the Urgent Treatment Centre.",
    "The Sure Start Children's Centre and the Children's Centre held groups.",
    "The Domestic Abuse Unit and the Public Protection Unit shared information.",
    "The Family Court, the Crown Court and the Coroner's Court sat.",
    "The Local Child Safeguarding Practice Review went to the National Panel.",
    "Agencies used the Signs of Safety Approach and the Whole Family Approach.",
    "The review asks for Reflective Practice, Good Practice and Trauma-Informed Practice.",
    "Multi-Agency Practice was weak; a Safe Place and a Safe House were found.",
])
def test_words_that_describe_a_kind_of_place_are_not_a_place(text):
    assert _places(text + "\n") == []


def test_a_word_the_report_uses_in_lower_case_does_not_name_an_institution():
    text = "Title\n=====\n\nStaff said Joined Practice worked; they joined up.\n"
    assert _places(text) == []


@pytest.mark.parametrize("place", [
    "Ysgol Gynradd Pen-y-Bryn", "Ysgol Glan Clwyd", "Ysbyty Maes Derw", "Capel Bethesda",
    "Eglwys Sant Teilo", "Meddygfa Tywi", "Canolfan Iechyd Aberaeron", "Heol y Felin",
    "Ffordd yr Orsaf", "Lôn Las", "Hospital of St Cross", "Church of St Peter",
    "St Mary's", "St Thomas'",
])
def test_a_name_after_a_head_word_is_a_place(place):
    text = f"In 2020 the family went to {place} twice.\n"
    assert _places("Title\n=====\n\n" + text) == [
        ("SCR215", place, 4, text.index(place) + 1),
    ]


def test_a_head_word_name_ends_before_a_role_word():
    text = "Title\n=====\n\nAt Capel Bethesda Mother met the minister.\n"
    assert _places(text) == [("SCR215", "Capel Bethesda", 4, 4)]


def test_a_house_number_before_a_welsh_street_is_an_address():
    text = ("Title\n=====\n\nThe family lived at 12 Heol y Felin, and then at\n"
            "Flat 2, 7 Stryd Fawr.\n")
    assert _places(text) == [
        ("SCR207", "12 Heol y Felin", 4, 21),
        ("SCR207", "Flat 2, 7 Stryd Fawr", 5, 1),
    ]


@pytest.mark.parametrize("text", [
    "Child D went to the Ysgol Gynradd and then to the Ysgol Gyfun.",
    "The Church of England school and the Hospital of the Year award.",
    "Mother said that St Helens was far away.",
])
def test_a_head_word_with_no_naming_word_is_not_a_place(text):
    assert _places("Title\n=====\n\n" + text + "\n") == []


def test_a_saint_before_an_institution_word_is_one_place():
    text = "Title\n=====\n\nShe joined St Mary's Primary School near St Anne's Road.\n"
    assert _places(text) == [
        ("SCR215", "St Mary's Primary School", 4, 12),
        ("SCR215", "St Anne's Road", 4, 42),
    ]


@pytest.mark.parametrize("place", [
    "Rose and Crown", "Horse & Groom", "Cat and Fiddle", "Nag's Head", "Kings Arms",
    "Greenway Inn", "Red Lion pub", "Patel's Stores", "Hillside Pharmacy",
])
def test_pubs_and_shops_are_places(place):
    text = f"In 2020 Mother often met him at the {place} after work.\n"
    assert _places("Title\n=====\n\n" + text) == [
        ("SCR215", place, 4, text.index(place) + 1),
    ]


@pytest.mark.parametrize("text", [
    "The Police and Crime Commissioner and the Children and Families Act.",
    "Officers from the Fire and Rescue attended.",
    "The Mother and Father both attended; the school's Head of Year did not.",
    "Findings and Good Practice were shared.",
])
def test_titles_joined_by_and_are_not_pubs(text):
    assert _places("Title\n=====\n\n" + text + "\n") == []


def test_a_place_word_in_a_title_case_heading_is_not_a_place():
    text = "Title\n=====\n\n3. History and Key Practice Episodes\n"
    assert _places(text) == []


def test_a_street_after_on_is_its_own_place():
    text = ("Title\n=====\n\nThey met at the Dog and Duck on Mill Road and Patel's Stores on\n"
            "Cavendish Street.\n")
    assert _places(text) == [
        ("SCR215", "Dog and Duck", 4, 17),
        ("SCR215", "Mill Road", 4, 33),
        ("SCR215", "Patel's Stores", 4, 47),
        ("SCR215", "Cavendish Street", 5, 1),
    ]


@pytest.mark.parametrize(("text", "address"), [
    ("The family lived at Rose Cottage, Mill Lane, Stokeby, until 2020.",
     "Rose Cottage, Mill Lane, Stokeby"),
    ("They moved to The Willows, Station Road in March.", "The Willows, Station Road"),
    ("Home was Ashdown Farm, Long Drove Lane, Upper Hatherley.",
     "Ashdown Farm, Long Drove Lane, Upper Hatherley"),
])
def test_a_house_name_before_a_street_is_an_address(text, address):
    assert _places("Title\n=====\n\n" + text + "\n") == [
        ("SCR207", address, 4, text.index(address) + 1),
    ]


@pytest.mark.parametrize("place", ["Meddygfa'r Bont", "Ysgol'r Graig", "Canolfan'r Afon"])
def test_a_welsh_head_word_with_the_article_r_is_a_place(place):
    text = f"In 2020 the family went to {place} twice.\n"
    assert _places("Title\n=====\n\n" + text) == [
        ("SCR215", place, 4, text.index(place) + 1),
    ]


@pytest.mark.parametrize("place", [
    "Royal Oak", "White Hart", "Golden Fleece", "Blue Anchor", "Starlight Amusements",
    "Seaview Arcade", "Northgate Shopping Centre",
])
def test_pubs_without_a_head_word_and_arcades_are_places(place):
    text = f"In 2020 Mother often met him at the {place} after work.\n"
    assert _places("Title\n=====\n\n" + text) == [
        ("SCR215", place, 4, text.index(place) + 1),
    ]


@pytest.mark.parametrize("text", [
    "The Royal College of Nursing and the Royal Infirmary were consulted.",
    "The Red Team reviewed the case; the team met again.",
    "The Golden Hour was missed; the first hour matters.",
])
def test_a_pub_word_before_a_describing_word_is_not_a_pub(text):
    assert _places("Title\n=====\n\n" + text + "\n") == []


@pytest.mark.parametrize(("text", "address"), [
    ("They moved to Pen y Bont Farm, Heol y Castell in 2021.",
     "Pen y Bont Farm, Heol y Castell"),
    ("The family lived at Bryn Hyfryd Cottage, Lôn Ganol, Llanfair, for a year.",
     "Bryn Hyfryd Cottage, Lôn Ganol, Llanfair"),
])
def test_a_house_name_before_a_welsh_street_is_an_address(text, address):
    assert _places("Title\n=====\n\n" + text + "\n") == [
        ("SCR207", address, 4, text.index(address) + 1),
    ]


@pytest.mark.parametrize(("text", "address"), [
    ("Mother was housed at Flat 3, Alder Court, Station Road until May.",
     "Flat 3, Alder Court, Station Road"),
    ("The hostel at 22 Mercer House, Quarry\nLane was full.", "22 Mercer House, Quarry\nLane"),
])
def test_a_numbered_building_and_its_street_are_one_address(text, address):
    assert _places("Title\n=====\n\n" + text + "\n") == [
        ("SCR207", " ".join(address.split()), 4, text.index(address) + 1),
    ]


@pytest.mark.parametrize("text", [
    "They lived at 12 O'Neill-Smith Road, Little Whitcombe, near St. Mary's Hospital.",
    "The Old Forge-, Church Lane; The Old Forge, Church Lane, Little Whitcombe",
    "Heol y Felin- and 12 Heol y Felin’s end, Ysgol Pen-y-Bryn's gate, Capel Bethesda’",
    "Flat 3, 14 Canterbury House, Fenwick Road- by the Fox and Hounds on Moor Road",
    "Saint Anne's School, St Cross Primary School and Hospital of St Cross-",
    "Alder Brook Cedar Road School Street Primary School Trust Road 4 Castle Road",
])
def test_place_words_match_as_if_they_could_give_back_letters(text):
    """A place word takes all its letters at once: nothing it is followed by could use them."""
    from scr_plugins.privacy.gazetteer import lexicon
    from scr_plugins.privacy.places import _WORD, _patterns

    giving = _WORD.replace("*+", "*")
    patterns = [p for p in _patterns(lexicon()) if _WORD in p.source]
    assert len(patterns) == 4
    for pattern in patterns:
        found = [(m.span(), m.groupdict()) for m in regex.finditer(pattern.source, text)]
        assert found == [(m.span(), m.groupdict())
                         for m in regex.finditer(pattern.source.replace(_WORD, giving), text)]


def test_a_word_describes_before_an_institution_and_names_before_a_street_in_one_paragraph():
    """Whether a word describes is kept per word and per kind of keyword: "Green"
    judged before "School" (where words used in lower case describe) does not
    decide it before "Road" or "Lane" (where they do not)."""
    text = "They went from Green Road to Green School and Green Lane, then Green School."
    found = [h.text for h in places.find(text, lexicon(), {"green"})]
    assert found == ["Green Road", "Green Lane"]
    assert [h.text for h in places.find(text, lexicon(), set())] == [
        "Green Road", "Green School", "Green Lane", "Green School"]


def test_the_group_numbers_find_reads_are_the_patterns_groups():
    named, address, *_ = places._patterns(lexicon())
    assert regex.compile(named.source).groupindex == places.NAMED_GROUPS
    assert regex.compile(address.source).groupindex == places.ADDRESS_GROUPS
