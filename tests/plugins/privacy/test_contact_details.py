"""An organisation's contact details are told apart from a family's in one pass per search."""

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from scr_plugins.privacy import gives_organisation_contact

#: The test as it was first written: one pattern of two look-aheads matched at
#: the block's start, whose time grew with the square of the block.
_LOOK_AHEADS = regex.compile(
    r"(?=.*\b(?:contact(?:\s+details)?\s*:|tel(?:ephone)?\.?\s*:|e-?mail\s*:|web(?:site)?\s*:"
    r"|www\.))(?=.*\b(?:board|partnership|council|safeguarding|trust|service|centre|office"
    r"|ltd|limited|department|government)\b)",
    regex.IGNORECASE | regex.DOTALL,
)

_PIECES = st.sampled_from([
    "Contact", "contact details", " :", ":", "Tel", "telephone.", "E-mail", "email", "WEB",
    "website", "www.", "Board", "boards", "Partnership", "council", "SAFEGUARDING", "Trust",
    "service", "centre", "Office", "ltd", "limited", "department", "Government", "x", "é",
    " ", "\n", ".", "-", "020 7946 0321", "\u017f",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_contact_details_are_found_as_the_look_aheads_found_them(text):
    assert gives_organisation_contact(text) == (_LOOK_AHEADS.match(text) is not None)


def test_a_block_naming_both_in_either_order_gives_an_organisations_contact():
    assert gives_organisation_contact("Tel: 020 7946 0321, Westshire Safeguarding Board")
    assert gives_organisation_contact("The Partnership office.\nContact: 020 7946 0321")
    assert not gives_organisation_contact("Tel: 020 7946 0321 (the mother's mobile)")
