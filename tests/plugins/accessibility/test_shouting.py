"""A block mostly in capitals is a banner, not prose with acronyms in it."""

from hypothesis import given
from hypothesis import strategies as st
from scr_plugins.accessibility import _capitals, _letters, _shouting


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


@given(st.text(alphabet=st.sampled_from("aBZ@[`{ ÉéⒶⓐǅ’“\ud800\U0001d400")) | st.text())
def test_capitals_are_counted_as_each_character_would_say(text):
    assert _capitals(text) == sum(map(str.isupper, text))


@given(st.text(alphabet=st.sampled_from("aBZz@[`{ 1ÉéªⒶⓐǅ’“\ud800\U0001d400")) | st.text())
def test_letters_are_counted_as_each_character_would_say(text):
    assert _letters(text) == sum(map(str.isalpha, text))
