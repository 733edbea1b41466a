"""The capitalised words names are sought among are the same whichever engine finds them,
and what is asked of each is answered as its pattern answers it."""

import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st
from scr_plugins.privacy.gazetteer import lexicon
from scr_plugins.privacy.names import (
    BARE,
    LONG,
    SENTENCE_START,
    START,
    TOKEN,
    DocumentNames,
    NameFinder,
    _runs,
)

#: Spaces after a text make it long enough for the standard engine, and add no word.
PAD = " " * LONG

PIECES = st.sampled_from([
    "A", "Bc", "MOTHER", "z", "É", "é", "ß", "ǅ", "中", "1", "²", "_", "'", "’", "-", "@", ".",
    "/", "“", " ", "\n", "O'Neil", "Jones’s", "Smith-Jones", "van", "de", "2nd",
])


def _words(text: str) -> list[tuple[int, int, str]]:
    """Every word of every run of the text made long, without its possessive-free form."""
    return [(start, end, word) for run, _ in _runs(text + PAD) for start, end, word, _ in run]


def _pattern_words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m[0]) for m in TOKEN.finditer(text + PAD)]


@given(st.lists(PIECES, max_size=30).map("".join))
def test_pieces_give_the_patterns_words(text):
    assert _words(text) == _pattern_words(text)


@given(st.text(alphabet=st.characters(max_codepoint=sys.maxunicode), max_size=30))
def test_any_text_gives_the_patterns_words(text):
    assert _words(text) == _pattern_words(text)


def test_each_character_beside_ascii_words():
    """A letter or number outside ASCII, before or inside a word, is read as the pattern
    reads it: "²Anna" is no word, "AnnaÉ" one word."""
    for code in range(0x80, sys.maxunicode + 1, 7):
        char = chr(code)
        text = f"A{char}b {char}Cd E-{char}f"
        assert _words(text) == _pattern_words(text), hex(code)


def test_ascii_words_and_their_possessives():
    text = "Met O'Neil, Jones’s son and Smith-Jones at 2Nd Street; mail@Anna.uk"
    runs = [[(word, bare) for _, _, word, bare in run] for run, _ in _runs(text + PAD)]
    assert [[(w, b) for _, _, w, b in run] for run, _ in _runs(text)] == runs
    assert runs == [[("Met", "Met"), ("O'Neil", "O'Neil")], [("Jones’s", "Jones")],
                    [("Smith-Jones", "Smith-Jones")], [("Street", "Street")]]


SENTENCE_PIECES = st.sampled_from([
    "Grace", "Grace", " ", " ", "  ", "\n", ".", ":", "(", "“", "\"", "1", "2.", "a", "é", "ß",
    "中", "²", "_", "'", ",", "Mr",
])


@settings(max_examples=300)
@given(st.lists(SENTENCE_PIECES, max_size=20).map("".join))
@example("Mr Grace. Grace said 1 Grace")
@example("a Grace ² Grace é Grace")
def test_a_first_name_that_is_also_a_word_is_one_where_no_sentence_starts(text):
    """Whether "Grace" (a first name and a word) starts a sentence is read as
    ``SENTENCE_START`` reads it, where it is told without the engine too."""
    finder = NameFinder(lexicon(), DocumentNames())
    for run, _ in _runs(text):
        for token in run:
            if token[BARE] == "Grace":
                expected = SENTENCE_START.match(text, token[START]) is None
                assert finder._first(token, text) == expected


@given(st.lists(PIECES, max_size=30).map("".join), st.booleans())
def test_a_run_marks_each_word_a_name_may_start_at_asking_once_a_word(text, long):
    asked = []

    def opens(bare, word):
        asked.append(word)
        return bare.istitle() and word != "Bc"

    text = text + PAD if long else text
    for run, openers in _runs(text, opens=opens):
        assert openers == [i for i, (_, _, word, bare) in enumerate(run)
                           if bare.istitle() and word != "Bc"]
    assert sorted(asked) == sorted({word for run, _ in _runs(text) for _, _, word, _ in run})
