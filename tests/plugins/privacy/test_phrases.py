"""A phrase set finds exactly what the compiled alternation of the same phrases finds."""

import functools
import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from scr_plugins.privacy.gazetteer import _lines, alternation
from scr_plugins.privacy.phrases import PhraseSet

PHRASES = ["cleft lip", "cleft palate", "cleft", "Down's syndrome", "Down syndrome",
           "trisomy 13", "Multi-Agency Hub", "Children Act", "Children and Families Act",
           "Marks & Spencer", "HIV", "Roma", "Somali", "Somalian"]
TEXT = ("A cleft  lip, a Cleft palate, cleftx and a cleft.  Down's\nsyndrome, down syndrome, "
        "trisomy 131, trisomy 13; non-Multi-Agency Hub, _Children Act, x²Children Act, "
        "Children and\u00a0Families Acts, Children Act's, MARKS & SPENCER, HİV, ſomali, "
        "Somalis, Somalians, Romaes, Romany, \u212aids, Roma\u0301, Roma\x1cHIV")


def _spans(found):
    return [m.span() for m in found]


@pytest.mark.parametrize("ignore_case", [False, True])
@pytest.mark.parametrize("plural", [False, True])
@pytest.mark.parametrize(("pos", "endpos"), [(0, None), (3, None), (2, 30), (77, 160)])
def test_the_set_matches_the_alternation(ignore_case, plural, pos, endpos):
    phrases = PhraseSet(PHRASES, ignore_case=ignore_case, plural=plural)
    pattern = alternation(PHRASES, regex.IGNORECASE if ignore_case else 0,
                          "(?:e?s)?" if plural else "")
    end = len(TEXT) if endpos is None else endpos
    assert _spans(phrases.finditer(TEXT, pos, endpos)) == _spans(pattern.finditer(TEXT, pos, end))


def test_spans_and_text_of_a_match():
    found = list(PhraseSet(PHRASES, ignore_case=True).finditer("See the Cleft  Palate clinic."))
    assert [(m.start(), m.end(), m[0]) for m in found] == [(8, 21, "Cleft  Palate")]


@pytest.mark.parametrize(("name", "ignore_case"), [("not_people.txt", False),
                                                   ("origins.txt", False), ("roles.txt", True)])
def test_the_privacy_lists_match_as_their_alternations(name, ignore_case):
    phrases = _lines(name)
    text = " ".join(phrases) + ". " + ", ".join(p.upper() for p in phrases)
    pattern = alternation(phrases, regex.IGNORECASE if ignore_case else 0)
    assert _spans(PhraseSet(phrases, ignore_case=ignore_case).finditer(text)) == _spans(
        pattern.finditer(text))


def test_case_folding_and_white_space_agree_with_regex():
    """Every character ``regex`` matches to an ASCII letter or digit case-insensitively,
    and every white-space character, is treated alike by the set."""
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"
    phrases = PhraseSet(letters, ignore_case=True)
    for char in map(chr, range(sys.maxunicode + 1)):
        if "\ud800" <= char <= "\udfff":
            continue
        expected = bool(regex.fullmatch(rf"(?i)[{letters}]", char))
        assert bool(list(phrases.finditer(char))) == expected, hex(ord(char))
    spaced = PhraseSet(["a b"])
    for char in map(chr, range(0x3001)):
        expected = bool(regex.fullmatch(r"\s", char))
        assert bool(list(spaced.finditer(f"a{char}b"))) == expected, hex(ord(char))


def test_a_phrase_must_start_with_a_letter_or_digit():
    with pytest.raises(ValueError, match="must start"):
        PhraseSet(["-ish"])


@pytest.mark.parametrize("ignore_case", [False, True])
def test_a_whole_text_matches_as_the_alternations_fullmatch(ignore_case):
    roles = _lines("roles.txt")
    texts = [*PHRASES, *roles, *(r.upper() for r in roles), *(r.title() for r in roles),
             *(r + "s" for r in roles), *(r[:-1] for r in roles), *(" " + r for r in roles),
             "cleft  lip", "cleft lip ", "Cleftlip", "HİV", "ſomali", "\u212aids", "", "Roma\u0301",
             "Children and\u00a0Families Act", "Somali's", "x"]
    for phrases in (PHRASES, roles):
        found = PhraseSet(phrases, ignore_case=ignore_case)
        pattern = alternation(phrases, regex.IGNORECASE if ignore_case else 0)
        for text in texts:
            got, expected = found.fullmatch(text), pattern.fullmatch(text)
            assert (got and got.span()) == (expected and expected.span()), repr(text)


TOKENS = st.sampled_from([
    "cleft", "lip", "Cleft", "LIP", "palate", "Down", "'s", "’s", "syndrome", "trisomy", "13",
    "Roma", "Somali", "s", "es", "an", "HIV", "HİV", "ſomali", "Marks", "&", "Spencer", "x",
    "_", "é", "\u0301", " ", "  ", "\n", "\u00a0", ",", ".", "-", "²",
])


@functools.cache
def _both(ignore_case, plural):
    return (PhraseSet(PHRASES, ignore_case=ignore_case, plural=plural),
            alternation(PHRASES, regex.IGNORECASE if ignore_case else 0,
                        "(?:e?s)?" if plural else ""))


@settings(max_examples=300)
@given(st.lists(TOKENS, max_size=30).map("".join), st.booleans(), st.booleans(),
       st.integers(0, 5))
def test_any_text_gives_the_alternations_matches(text, ignore_case, plural, pos):
    phrases, pattern = _both(ignore_case, plural)
    assert _spans(phrases.finditer(text, pos)) == _spans(pattern.finditer(text, pos))


@pytest.mark.parametrize("plural", [False, True])
def test_a_word_is_held_whole_as_fullmatch_finds_it(plural):
    roles = _lines("roles.txt")
    words = [w for r in roles for w in (r, r.upper(), r.title(), r + "s", r[:-1], r + "'s")
             if not any(c.isspace() for c in w)]
    words += ["HİV", "ſomali", "\u212aids", "", "Roma\u0301", "Somali's", "x", "Cleft-lip",
              "Down's", "Roma-", "-Roma"]
    for phrases in (PHRASES, roles):
        for ignore_case in (False, True):
            found = PhraseSet(phrases, ignore_case=ignore_case, plural=plural)
            for word in words:
                assert found.holds_word(word) == (found.fullmatch(word) is not None), repr(word)


def test_findall_gives_each_texts_matches_though_it_keeps_the_last():
    phrases = PhraseSet(PHRASES)
    other = "the Children Act and the Children and Families Act"
    for text in (TEXT, TEXT, other, TEXT):
        assert _spans(phrases.findall(text)) == _spans(phrases.finditer(text))


def test_a_match_behaves_as_the_frozen_dataclass_it_was(like_dataclass):
    from scr_plugins.privacy.phrases import PhraseMatch

    like_dataclass(PhraseMatch, lambda cls: cls(3, 8, "Grace"), lambda cls: cls(3, 8, "grace"))
    assert {PhraseMatch(3, 8, "Grace"), PhraseMatch(3, 8, "Grace")} == {PhraseMatch(3, 8, "Grace")}


def test_a_letter_or_digit_is_read_as_the_pattern_reads_it():
    """ASCII is asked of the character itself, the rest of the engine: the same answer."""
    from scr_plugins.privacy.phrases import _LETTER, _letter_at

    for code in [*range(0x80), *range(0x80, sys.maxunicode + 1, 7)]:
        text = f"a{chr(code)}"
        assert _letter_at(text, 1) == (_LETTER.match(text, 1) is not None), hex(code)
    assert not _letter_at("ab", 2)
