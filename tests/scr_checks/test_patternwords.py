"""What words a word-list pattern's matches start with or must hold, read cautiously."""

import pytest

from scr_checks.patternwords import first_words, required_words, starts_word, word_sets


@pytest.mark.parametrize(("pattern", "starts"), [
    ("chaotic", True), ("a?b", True), ("(local )?(child )?safeguarding", True),
    ("s\\.? ?47", True), ("(?<=^|[.;:!?\\d] )(?:clearly|obviously)", True), ("\\w+", True),
    ("(?:x)?", False), ("\\.x", False), ("[ab]c", False), ("(?i)x", False), ("a|", False),
    ("", False), ("x{0,2}y", True), ("x{0,2}", False), (" x", False), ("£5", False),
    ("-ish", False), ("a(?w)b", False), ("(?P<n>a)", False), ("_x", False), ("^x", False),
])
def test_which_patterns_surely_start_a_word(pattern, starts):
    assert starts_word(pattern) is starts


@pytest.mark.parametrize(("pattern", "words", "beginnings"), [
    ("chaotic", {"chaotic"}, set()),
    ("fail(?:s|ed|ing)? to(?! thrive)", {"fail", "fails", "failed", "failing"}, set()),
    ("(?:un)?necessary", {"necessary", "unnecessary"}, set()),
    ("s\\.? ?47", {"s", "s47"}, set()),
    ("start[- ]again|at fault", {"start", "at"}, set()),
    ("(?<=^|[.;:!?\\d] )(?:clearly|obviously)", {"clearly", "obviously"}, set()),
    ("DNA(?:'?d)?", {"dna", "dnad"}, set()),
    ("(?:was )?preventable", {"was", "preventable"}, set()),
    ("sexuality|LGBT\\w*|adolescen\\w+", {"sexuality"}, {"lgbt", "adolescen"}),
    ("\\w+ (?:ignored|overlooked)", None, None),
    ("-?ish", None, None),
    ("x|\\d+ years", None, None),
    ("LGBT?\\w*", None, None),
    ("(?i)x", None, None),
])
def test_the_words_a_match_can_start_with(pattern, words, beginnings):
    assert first_words(pattern) == (None if words is None else (words, beginnings))


@pytest.mark.parametrize(("pattern", "words"), [
    ("chaotic", {"chaotic"}),
    ("fail(?:s|ed|ing)? to(?! thrive)", {"fail", "fails", "failed", "failing"}),
    ("(?:un)?necessary", {"necessary", "unnecessary"}),
    ("s\\.? ?47 enquir(?:y|ies)", {"enquiry", "enquiries"}),
    ("co-?morbid(?:ity)?", {"morbid", "morbidity", "comorbid", "comorbidity"}),
    ("-ish", {"ish"}),
    ("(?:was |were )?(?:entirely )?(?:preventable|predictable)", {"preventable", "predictable"}),
    ("s\\.?[.]? ?17", {"17", "s17"}),
    ("(?<=^|[.;:!?\\d] )(?:clearly|obviously)", {"clearly", "obviously"}),
    ("inevitabl[ey]", {"inevitable", "inevitably"}),
    ("start[- ]again", {"start"}),
    ("DNA(?:'?d)?", {"dna", "dnad"}),
    ("forms?(?! of)", {"form", "forms"}),
    ("(cognitive|optimism) bias(es)?", {"cognitive", "optimism"}),
    ("kid[\\s-]+s", {"kid"}),
    ("\\bHIV\\b", {"hiv"}),
    ("(?:it|this|the risk) (?:was|is) (?:clear|obvious)", {"clear", "obvious"}),
    ("in denial", {"denial"}),
    ("should(?: not|n't)? have been", {"should", "shouldn"}),
    ("\\w+ (?:ignored|overlooked)", {"ignored", "overlooked"}),
    ("known  to (?:services|agencies)", {"services", "agencies"}),
    ("\\d+ years", {"years"}),
    ("a (?:very )?big dog", {"dog"}),
    ("x+ co-?morbid", {"morbid", "comorbid"}),
    ("ab|\\w+ed", None),
])
def test_the_words_a_match_must_hold(pattern, words):
    assert required_words(pattern) == words


@pytest.mark.parametrize("pattern", [
    "\\w+ed", "LGBT\\w*", "sk(?:i|y)+", "x{1,2}", "[a-z]+", "[^x]y", "x.y", "(?:x)?",
    "(?i)x", "(?P<n>a)", "é", ".x", "a|", "\\d+", "(?:a|b)*c",
])
def test_unknown_words_are_none(pattern):
    assert required_words(pattern) is None


def test_too_many_words_in_one_place_are_none():
    assert len(required_words("x" + "[ab]?" * 7)) == 255
    assert required_words("x" + "[ab]?" * 8) is None


@pytest.mark.parametrize(("pattern", "sets"), [
    # The rarer-looking word first, then every other word a match must hold.
    ("contextual safeguarding", [[{"safeguarding"}, {"contextual"}]]),
    ("it was (?:clear|obvious) that", [[{"clear", "obvious"}, {"it"}, {"that"}, {"was"}]]),
    ("blame|at fault", [[{"blame"}], [{"fault"}, {"at"}]]),
    ("(?:was )?preventable", [[{"preventable"}, {"was", "preventable"}]]),
    ("ab|\\w+ed", None),
])
def test_every_set_of_words_a_match_must_hold(pattern, sets):
    found = word_sets(pattern)
    if sets is None:
        assert found is None
    else:
        assert [[set(words) for words in branch][:1] + sorted(
            (set(words) for words in branch[1:]), key=sorted) for branch in found] == sets
        assert required_words(pattern) == {word for branch in found for word in branch[0]}
