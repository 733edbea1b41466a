"""A block mostly in capitals is a banner, not prose with acronyms in it."""

from hypothesis import given
from hypothesis import strategies as st
from scr_plugins.accessibility import _shouting


def _by_letters(text: str) -> bool:
    """The definition: over 0.6 of more than 12 letters are capitals."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 12 and sum(map(str.isupper, letters)) > 0.6 * len(letters)


@given(st.text(alphabet=st.sampled_from("aBcDEFGHIJ ÉéⒶⓐ1.-ǅ")) | st.text())
def test_the_quick_tests_decide_as_the_definition_does(text):
    assert _shouting(text) == _by_letters(text)


def test_a_banner_shouts_and_a_paragraph_with_acronyms_does_not():
    assert _shouting("THE CHILD'S JOURNEY THROUGH SERVICES")
    assert not _shouting("The GP, the CAMHS team and the LADO met the MASH in May.")
