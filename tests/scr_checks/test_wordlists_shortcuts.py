"""The shortcuts (a word boundary, skipping a text without an opening word, trying
the list only where an entry's first word is) change no match."""

from pathlib import Path
from unittest import mock

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from scr_checks import WordEntry, WordList, fold_case, wordlists
from scr_checks.patternwords import may_hold_full_stop
from scr_checks.wordlists import _spaces

DATA = sorted(p for p in (Path(__file__).resolve().parents[2] / "plugins" / "scr_plugins")
              .glob("*/data/*.tsv")
              if p.parent.parent.name in {"tone", "priorities", "coverage", "linkage",
                                          "explanation"}
              or p.name == "jargon.tsv")


def reference(entries: list[str]) -> regex.Pattern[str]:
    """The list's pattern without the shortcuts: the look-behind alone, on every text."""
    body = "|".join(f"(?P<e{i}>{_spaces(e)})" for i, e in enumerate(entries)) or "(?!)"
    return regex.compile(rf"(?<![\w'’-])(?:{body})(?![\w-])", regex.IGNORECASE)


def spans(entries: list[str], text: str) -> tuple[list, list]:
    words = WordList("t", [WordEntry(e) for e in entries])
    ours = [(m.start, m.end, m.entry.pattern) for m in words.finditer(text)]
    theirs = [(m.start(), m.end(), entries[int(m.lastgroup[1:])])
              for m in reference(entries).finditer(text)]
    return ours, theirs


@pytest.mark.parametrize("path", DATA, ids=lambda p: p.stem)
def test_shipped_lists_take_the_shortcuts(path):
    words = WordList.load(path)
    assert words.pattern.pattern.startswith("\\b")
    # "LGBT\\w*" and the like leave the equality list's first words unknown.
    assert (words.words_needed is None) == (path.name == "equality.tsv")
    # "( \\w+){0,3}" after a first word leaves the generic list's first words
    # unknown; "LGBT\\w*" gives a beginning of one.
    assert (words._starts is None) == (path.stem == "generic")
    # No tone entry's match holds a full stop: a long paragraph is searched
    # a window at a time.
    if path.parent.parent.name == "tone":
        assert words._stays_in_sentences


def test_the_list_is_tried_only_where_a_first_word_is():
    entries = ["fail(?:s|ed)? to", "to blame"]
    text = "unfailed to; FAILED TO, FA\u0130LED to, to blame"
    assert WordList("t", [WordEntry(e) for e in entries])._starts.findall(fold_case(text)) == [
        "to", "failed", "to", "failed", "to", "to"]
    ours, theirs = spans(entries, text)
    assert ours == theirs
    assert [text[start:end] for start, end, _ in ours] == ["FAILED TO", "FA\u0130LED to",
                                                           "to blame"]


ENTRIES = st.lists(st.sampled_from([
    "care", "care plan", "a?b", "(local )?police", "-ish", "£5", "(?:x|y)z", "\\.net",
    "non-?compliant", "’s", "s\\.? ?47", "(?<=^|[.;] )(?:clearly)", "x*",
    "(?:un)?necessary", "inevitabl[ey]", "co-?morbid(?:ity)?", "DNA(?:'?d)?", "forms?(?! of)",
    "start[- ]again", "fail(?:s|ed)? to", "kid[\\s-]?s", "\\w+ed", "sk(?:i|y)+",
    "(?:was |were )?(?:entirely )?preventable", "x.y", "a (?:very )?big dog", "it (?:is|was) y",
    "LGBT\\w*", "co\\w+ed", "ab|fo\\w*",
]), min_size=1, max_size=5)
TEXT = st.lists(st.sampled_from([
    "care", "plan", "a", "b", "ab", "local", "police", "-", "ish", "£5", "£", "5", "xz", "yz",
    ".net", "non", "compliant", "’", "'", "s", "47", "clearly", ".", ";", " ", "\n", "é",
    "un", "necessary", "inevitabl", "e", "y", "co", "morbid", "ity", "DNA", "d", "form", "of",
    "start", "again", "fail", "ed", "to", "kid", "İ", "ſ", "\u212a", "NECESSARY", "i", "_",
    "was", "were", "entirely", "preventable", "x", "y", "big", "dog", "very", "it", "is",
    "LGBT", "lgbtq", "fo", "foo", "_",
]), max_size=25).map("".join)


@given(ENTRIES, TEXT)
def test_same_matches_with_and_without_the_shortcut(entries, text):
    ours, theirs = spans(entries, text)
    assert ours == theirs


#: Phrases whose words are each needed: a text holding the common word of one
#: but not the rest is not searched.
PHRASES = st.lists(st.sampled_from([
    "care plan", "contextual safeguarding", "(?:was |were )?(?:entirely )?preventable",
    "a (?:very )?big dog", "fail(?:s|ed)? to", "it (?:is|was) y", "at fault", "to blame",
    "(?:met|meet|below) (?:the )?thresholds?", "blame",
]), min_size=1, max_size=4)
WORDS = st.lists(st.sampled_from([
    "care", "plan", "contextual", "safeguarding", "was", "were", "entirely", "preventable",
    "a", "very", "big", "dog", "fail", "fails", "failed", "to", "it", "is", "y", "at",
    "fault", "blame", "met", "meet", "below", "the", "threshold", "thresholds", "Care",
]), max_size=12).map(" ".join)


@given(PHRASES, WORDS)
def test_a_text_without_every_word_of_a_phrase_loses_no_match(entries, text):
    ours, theirs = spans(entries, text)
    assert ours == theirs


@pytest.mark.parametrize(("pattern", "may"), [
    ("fail(?:s|ed)? to", False), ("(?<=^|[.;:!?\\d] )(?:clearly)", False),
    ("kid[\\s-]?s", False), ("\\w+ed", False), ("a{1,2}b", False), ("[a-z0-9]+", False),
    ("x.y", True), ("\\.net", True), ("s\\.? ?47", True), ("[^a]", True), ("a[.]", True),
    ("[+-/]", True), ("\\W", True), ("\\x2e", True), ("(?V1)a", True), ("a{e<=1}", True),
    ("[[:punct:]]", True), ("(?(1)a|b)", True), ("a(?=b", True),
])
def test_a_match_may_hold_a_full_stop_unless_the_pattern_shows_it_cannot(pattern, may):
    assert may_hold_full_stop(pattern) is may


#: Pieces of long paragraphs, full stops among them.
SENTENCES = st.lists(st.sampled_from([
    "care plan", "contextual safeguarding", "was", "entirely", "preventable", "a big dog",
    "failed to", "to blame", "it was y", "at fault", "clearly", "the", ". ", ".", " ", "\n",
    ".  ", ". Clearly", "; clearly", "fail", "x.y", "İ", "Σ", "σ.", "non-compliant", " it",
]), max_size=40).map("".join)


@given(st.lists(st.sampled_from([
    "care plan", "contextual safeguarding", "(?:was |were )?(?:entirely )?preventable",
    "a (?:very )?big dog", "fail(?:s|ed)? to", "it (?:is|was) y", "at fault", "to blame",
    "(?<=^|[.;] )(?:clearly)", "x.y", "non-?compliant", "blame\\. it", "fault.? clearly",
]), min_size=1, max_size=4), SENTENCES, st.integers(1, 12))
@example(["blame\\. it"], "to blame. it was y", 3)  # a match holding the cut's full stop
def test_a_long_text_searched_a_window_at_a_time_loses_no_match(entries, text, window):
    """Windows a few characters long, so that short texts are cut into many."""
    with mock.patch.object(wordlists, "_WINDOW", window):
        ours, theirs = spans(entries, text)
    assert ours == theirs
