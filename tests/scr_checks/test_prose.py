"""Sentence, word and quotation spans; word runs and case folding."""

import sys
from bisect import bisect_right
from unittest import mock

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from scr_checks import (
    fold_case,
    prose,
    quoted_spans,
    sentence_at,
    sentence_spans,
    sentence_windows,
    word_runs,
    word_spans,
    words_between,
)

RUN = regex.compile(r"[\p{L}\p{N}]+")
#: Every code point but the surrogates.
UNICODE = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]


def texts(text, spans):
    return [text[s:e] for s, e in spans]


def test_sentences_skip_paragraph_number_and_abbreviations():
    text = "4.1.2 Dr. Lee saw the child, e.g. at home. She wrote it down! Then? no"
    assert texts(text, sentence_spans(text)) == [
        "Dr. Lee saw the child, e.g. at home.", "She wrote it down!", "Then? no",
    ]


def test_sentence_ending_in_a_closing_quote():
    text = 'She said "not today." The visit ended.'
    assert texts(text, sentence_spans(text)) == ['She said "not today."', "The visit ended."]


SENTENCE_TEXT = st.lists(st.sampled_from([
    "4.1.", "2 ", "Dr", ". ", ".", "!", "?", "...", " ", "  ", "\n", "A", "b", "Cc", "9",
    "e.g", "\"", "”", ")", "(", "’", "she", "No", "\t", "etc", "i.e", "“", "‘", "[", "]", "'",
    "Mrs", "s",
]), max_size=30).map("".join)


#: The sentence end as it was written before its first mark was read ahead of
#: the abbreviations: the two must find the same ends in any text.
ABBREVIATIONS_FIRST = regex.compile(
    r"(?<!\b(?:" + "|".join(regex.escape(a) for a in prose._ABBREVIATIONS) + r"))"
    r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


@given(SENTENCE_TEXT)
@example("It ended.) Then.] Then!” Then?' Then etc.. Then Dr. Lee e.g. 9.1.2 No 4")
def test_the_sentence_end_is_found_where_it_was_with_the_abbreviations_read_first(text):
    assert ([m.span() for m in prose._SENTENCE_END.finditer(text)]
            == [m.span() for m in ABBREVIATIONS_FIRST.finditer(text)])


@given(SENTENCE_TEXT, st.integers(0, 60), st.integers(1, 8))
def test_the_sentence_at_a_position_is_the_last_of_the_spans_starting_by_it(text, position,
                                                                            read_back):
    """Read back a few characters at a time, as in a long paragraph."""
    spans = sentence_spans(text)
    i = bisect_right(spans, (position, sys.maxsize))
    with mock.patch.object(prose, "_READ_BACK", read_back):
        assert sentence_at(text, position) == (spans[i - 1] if i else None)


@given(SENTENCE_TEXT, st.integers(1, 12))
def test_windows_cut_a_text_after_full_stops_and_hold_its_runs(text, size):
    windows = sentence_windows(text, size)
    assert "".join(text[begin:end] for begin, end, _ in windows) == text
    for begin, end, words in windows:
        assert words == word_runs(text[begin:end])
        if end < len(text):
            assert text[end - 1:end + 1] == ". " and end - begin > size


def test_words_keep_apostrophes_and_inner_hyphens():
    text = "the mother's multi-agency plan, 2019"
    assert texts(text, word_spans(text)) == ["the", "mother's", "multi-agency", "plan"]


@given(text=st.text(), start=st.integers(0, 30), length=st.integers(0, 30))
def test_words_between_are_the_texts_of_the_word_spans(text, start, length):
    end = min(len(text), start + length)
    assert words_between(text, start, end) == texts(text, word_spans(text, start, end))
    assert words_between(text) == texts(text, word_spans(text))


def test_quotations_of_every_kind_but_not_apostrophes():
    text = "Mother's view: “chaotic”, \"fine\" and 'messy, really.' not the child's"
    assert texts(text, quoted_spans(text)) == ["“chaotic”", '"fine"', "'messy, really.'"]


def test_word_runs_are_the_case_folded_runs_of_letters_and_digits():
    text = "Anna's 2nd HİV test, ſomali x_y Ⅻ"
    assert word_runs(text) == {"anna", "s", "2nd", "hiv", "test", "somali", "x", "y", "ⅻ"}


def test_folding_turns_what_case_insensitive_regex_takes_for_an_ascii_letter_into_it():
    ascii_letter = regex.compile("[a-z0-9]", regex.IGNORECASE)
    for char in UNICODE:
        if ascii_letter.fullmatch(char):
            assert regex.fullmatch(regex.escape(fold_case(char)), char, regex.IGNORECASE), \
                hex(ord(char))
            assert len(fold_case(char)) == 1 and fold_case(char).isascii(), hex(ord(char))


def test_the_runs_of_a_folded_text_are_the_folded_runs_of_the_text():
    """Folding keeps each character of Unicode in or out of a word run."""
    for char in UNICODE:
        text = f"a{char}b"
        assert word_runs(text) == {fold_case(r) for r in RUN.findall(text)}, hex(ord(char))


def test_a_word_letter_is_a_word_character_but_no_digit_or_underscore():
    letter = regex.compile(r"[^\W\d_]")
    for char in UNICODE:
        assert word_spans(char) == ([(0, 1)] if letter.fullmatch(char) else []), hex(ord(char))


def test_the_typographic_marks_taken_as_plain_are_no_letters_digits_or_word_characters():
    """What lets a plain text's words and runs be found with ASCII classes."""
    for char in prose._MARKS:
        assert not regex.match(r"[\w\p{L}\p{N}]", char), hex(ord(char))
        assert char.lower() == char, hex(ord(char))


PLAIN = st.text(alphabet=st.sampled_from([*map(chr, range(128)), *prose._MARKS]))
ANY = st.one_of(PLAIN, st.text(), st.text(alphabet="aZ9 ’'-İſé\u0301ⅫĲ_“"))


@given(text=ANY, start=st.integers(0, 40), length=st.integers(0, 40))
def test_words_are_those_of_the_unicode_pattern_in_plain_text_and_any_other(text, start, length):
    end = min(len(text), start + length)
    assert words_between(text, start, end) == prose._WORD.findall(text, start, end)
    assert word_spans(text, start, end) == [m.span() for m in
                                             prose._WORD.finditer(text, start, end)]


@given(text=ANY)
def test_runs_are_those_of_the_unicode_pattern_in_plain_text_and_any_other(text):
    assert word_runs(text) == {fold_case(r) for r in RUN.findall(text)}
    assert fold_case(text) == text.translate(prose._FOLD).lower()


def test_windows_to_search_are_the_whole_short_text_or_the_windows_that_may_hold():
    from scr_checks import windows_to_search

    short = "The plan failed. It was seen."
    assert windows_to_search(short, lambda words: False, size=len(short)) == [(0, len(short))]
    text = "Care plan agreed. Nothing here. Care plan failed. Nothing more."
    windows = sentence_windows(text, 10)
    assert [(b, e) for b, e, _ in windows] == [(0, 17), (17, 31), (31, 49), (49, len(text))]
    assert windows_to_search(text, lambda words: "plan" in words, size=10) == [(0, 17), (31, 49)]
    assert windows_to_search(text, lambda words: "more" in words, size=10) == [(49, len(text))]
