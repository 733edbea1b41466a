"""Trees of identifiers' words, matched over stand-in texts."""

from __future__ import annotations

import itertools

import regex
from hypothesis import given
from hypothesis import strategies as st

from scr_checks.masking import Masker
from scr_checks.wordtree import OTHER, WORD, WordTree, case_folds, fold, regex_case_classes

#: The one class of characters that ``regex``, ignoring case, does not pair
#: every way: it takes "i" for "İ" and "I" for "ı", not the other way round.
TURKISH_I = {"i", "I", "İ", "ı"}


def test_the_shipped_case_folds_are_the_classes_regex_matches_as_one():
    """``data/case_folds.txt`` is what the installed ``regex`` makes of case
    (``scripts/build_case_folds.py`` makes it anew when this fails)."""
    shipped: dict[str, list[str]] = {}
    for char, stand_in in case_folds().items():
        shipped.setdefault(stand_in, []).append(char)
    made = regex_case_classes()
    assert {members[0]: sorted(members) for members in made} == {
        stand_in: sorted(members) for stand_in, members in shipped.items()}


def test_within_a_class_regex_matches_each_character_for_each_but_the_turkish_i():
    classes: dict[str, set[str]] = {}
    for char, stand_in in case_folds().items():
        classes.setdefault(stand_in, set()).add(char)
    unmatched = {(a, b) for members in classes.values()
                 for a, b in itertools.permutations(members, 2)
                 if not regex.fullmatch(regex.escape(a), b, regex.IGNORECASE)}
    assert unmatched and all({a, b} <= TURKISH_I for a, b in unmatched)


def test_the_turkish_i_is_taken_for_i_every_way_so_that_more_is_masked():
    masker = Masker({"Tim Lee": "name", "Ida": "name"})
    assert masker.text("TİM LEE, tım lee, İDA, ıda.") == (
        "[identifier], [identifier], [identifier], [identifier].")
    assert masker.text("Tim Lee, IDA.") == "[name], [name]."


def test_a_stand_in_text_keeps_the_length_and_only_what_identifiers_hold():
    tree = WordTree(["Zoë Lee", "O’Neil"], folded=True)
    text = "ZOË\u2009Lee\u00a0→ o’neil,\tJosé x²\u0301"
    stand_in = tree.stand_in(text)
    assert len(stand_in) == len(text)
    assert stand_in == f"zoë lee {OTHER} o’neil, jos{WORD} x{OTHER}{WORD}"
    assert tree.search(stand_in, 0) == (0, 7)
    assert tree.search(stand_in, 1) == (10, 16)
    assert tree.search(stand_in, 11) is None


def test_an_ascii_text_s_stand_in_is_itself_lowered_with_plain_spaces():
    text = "Ann\tLee\x1c of\x0bthe 12/04 Road."
    assert WordTree(["Ann Lee"], folded=True).stand_in(text) == (
        "ann lee\x1c of the 12/04 road.")
    assert WordTree(["Lee"], folded=False).stand_in(text) == "Ann Lee\x1c of the 12/04 Road."


def test_written_identifiers_match_only_in_their_own_case():
    tree = WordTree(["Young", "Zoë"], folded=False)
    stand_in = tree.stand_in("young Young YOUNG zoë Zoë")
    assert tree.search(stand_in, 0) == (6, 11)
    assert tree.search(stand_in, 11) == (22, 25)


def test_folding_gives_each_character_the_one_standing_for_its_class():
    """A small letter, an ASCII one first."""
    assert fold("STRAẞE ſam K ΣΟΦΟΣ İ") == "straße sam k ςοφος i"


_IDENTIFIERS = st.lists(st.sampled_from(["Zoë Lee", "Ann", "O’Neil", "x_y", "12/04", "Σοφος",
                                         "Jose\u0301", "Kerry Ann Road"]), min_size=1)
_TEXTS = st.text(st.sampled_from([*"AaZzOoéË’'_x/12 \t\n\x1c\u2009Σσς\u0301→\x02",
                                  "\U0001E922", "İ", "ı", "K", "ſ"]), max_size=80)


@given(identifiers=_IDENTIFIERS, folded=st.booleans(), text=_TEXTS, repeat=st.integers(1, 40))
def test_a_stand_in_text_is_each_character_s_stand_in_however_many_are_not_ascii(
        identifiers, folded, text, repeat):
    """Long texts with few characters beyond ASCII have those replaced one by one,
    others are translated whole: the same stand-ins either way."""
    tree = WordTree(identifiers, folded)
    long_text = "a b. " * repeat * 10 + text
    expected = "".join(
        " " if char in "\t\n\v\f\r" else (char.lower() if folded else char) if char.isascii()
        else tree._stand_ins[ord(char)] for char in long_text)
    assert tree.stand_in(long_text) == expected
    assert tree.stand_in(text) == expected[len(long_text) - len(text):]


def test_every_stand_in_is_left_as_it_is_by_lowering():
    """A text is lowered after its characters are replaced (see ``WordTree.stand_in``)."""
    stand_ins = {*case_folds().values(), WORD, OTHER, " "}
    assert all(char.lower() == char for char in stand_ins)
