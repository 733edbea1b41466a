"""Lower-case words of addresses are left out exactly as one substitution leaves them,
and a text without a lower-case word is not read for addresses."""

from hypothesis import given
from hypothesis import strategies as st
from scr_plugins.privacy.names import ADDRESS_LIKE, LOWER_WORD, _lower_words, _without_addresses

from scr_checks import compile_pattern

#: A run of non-space characters with an "@", a "/" or a "." that does not end it.
MARKED_RUN = compile_pattern(r"(?<!\S)[^\s@/.]*+(?:[@/]|\.(?=\S))\S*")

PIECES = st.sampled_from([
    "a", "Bc", "é", "1", ".", "@", "/", "-", "_", ")", " ", "  ", "\n", "\t", "\u00a0",
    "\u2028", "\x1c", "www", "gov.uk", "e.g.", "4.2.1", "nhs.net/x", "a@b", "café",
])


@given(st.lists(PIECES, max_size=40).map("".join))
def test_each_marked_run_alone_is_the_whole_substitution(text):
    assert _without_addresses(text) == ADDRESS_LIKE.sub(" ", text)
    assert _without_addresses(text) == MARKED_RUN.sub(lambda r: ADDRESS_LIKE.sub(" ", r[0]), text)


@given(st.lists(PIECES | st.sampled_from(["B", "Éa", "A.b", "A/b", "1.a", "x_"]),
                max_size=40).map("".join))
def test_the_lower_case_words_outside_addresses(text):
    assert _lower_words(text) == LOWER_WORD.findall(ADDRESS_LIKE.sub(" ", text))


def test_addresses_and_paragraph_numbers():
    text = "See www.example.org/help, e-mail jo@mail.example or paragraph 4.2.1. Done."
    assert _without_addresses(text) == ADDRESS_LIKE.sub(" ", text)
    assert "example" not in _without_addresses(text)
