"""What a word-list pattern can start with, read cautiously from its text."""

import pytest

from scr_checks.patternstarts import first_words, starts_word


@pytest.mark.parametrize(("pattern", "starts"), [
    ("chaotic", True), ("a?b", True), ("(local )?(child )?safeguarding", True),
    ("s\\.? ?47", True), ("(?<=^|[.;:!?\\d] )(?:clearly|obviously)", True), ("\\w+", True),
    ("(?:x)?", False), ("\\.x", False), ("[ab]c", False), ("(?i)x", False), ("a|", False),
    ("", False), ("x{0,2}y", False), (" x", False), ("£5", False), ("-ish", False),
    ("a(?w)b", False), ("(?P<n>a)", False), ("_x", False),
])
def test_which_patterns_surely_start_a_word(pattern, starts):
    assert starts_word(pattern) is starts


@pytest.mark.parametrize(("pattern", "words"), [
    ("chaotic", {"chaotic"}),
    ("fail(?:s|ed|ing)? to(?! thrive)", {"fail", "fails", "failed", "failing"}),
    ("(?:un)?necessary", {"necessary", "unnecessary"}),
    ("s\\.? ?47 enquir(?:y|ies)", {"s", "s47"}),
    ("co-?morbid(?:ity)?", {"co", "comorbid", "comorbidity"}),
    ("(?<=^|[.;:!?\\d] )(?:clearly|obviously)", {"clearly", "obviously"}),
    ("inevitabl[ey]", {"inevitable", "inevitably"}),
    ("start[- ]again", {"start"}),
    ("DNA(?:'?d)?", {"dna", "dnad"}),
    ("forms?(?! of)", {"form", "forms"}),
    ("(cognitive|optimism) bias(es)?", {"cognitive", "optimism"}),
    ("kid[\\s-]+s", {"kid"}),
    ("\\bHIV\\b", {"hiv"}),
])
def test_the_words_a_match_can_start_with(pattern, words):
    assert first_words(pattern) == words


@pytest.mark.parametrize("pattern", [
    "\\w+ed", "LGBT\\w*", "sk(?:i|y)+", "x{1,2}", "[a-z]+", "[^x]y", "-ish", "(?:x)?",
    "(?i)x", "(?P<n>a)", "é", ".x", "a|", "\\d+ years", "(?:a|b)*c",
])
def test_unknown_or_wordless_starts_are_none(pattern):
    assert first_words(pattern) is None


def test_too_many_first_words_are_none():
    assert len(first_words("x" + "[ab]?" * 7)) == 255
    assert first_words("x" + "[ab]?" * 8) is None
