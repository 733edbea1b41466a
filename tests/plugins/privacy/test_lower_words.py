"""The words a report uses in lower case are the same whichever engine finds them."""

import sys

from hypothesis import given
from hypothesis import strategies as st
from scr_plugins.privacy.names import LOWER_WORD, lower_words

PIECES = st.sampled_from([
    "a", "the", "Bc", "MOTHER", "z", "é", "É", "ß", "ǅ", "ʰ", "中", "1", "_", "'", "’", "-",
    "“", "”", "–", " ", "\n", ".", "2nd", "well-known", "mother’s", "Anglo-saxon", "x'y",
])


@given(st.lists(PIECES, max_size=30).map("".join))
def test_pieces_give_the_patterns_words(text):
    assert lower_words(text) == LOWER_WORD.findall(text)


@given(st.text(alphabet=st.characters(max_codepoint=sys.maxunicode), max_size=30))
def test_any_text_gives_the_patterns_words(text):
    assert lower_words(text) == LOWER_WORD.findall(text)


def test_each_character_beside_ascii_words():
    """Characters across all of Unicode, before and inside words, read as the pattern reads them:
    a letter outside ASCII (of any version of Unicode the pattern knows) makes
    the text one the standard engine does not read."""
    for code in range(0x80, sys.maxunicode + 1, 7):
        char = chr(code)
        text = f"a{char}b {char}c d-{char}e"
        assert lower_words(text) == LOWER_WORD.findall(text), hex(code)


def test_ascii_prose():
    text = "The social worker’s visit (2nd) was well-known; Anglo-saxon x'y A-b."
    assert lower_words(text) == ["social", "worker’s", "visit", "nd", "was", "well-known",
                                 "saxon", "x'y", "b"]
