"""A word list compiled as a tree matches what the list joined longest first would."""

import pytest
import regex
from scr_plugins.privacy.gazetteer import alternation, alternation_source


def _longest_first(phrases, flags=0, suffix=""):
    parts = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in parts)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body}){suffix}(?![\p{{L}}\p{{N}}])", flags)


PHRASES = ["cleft lip", "cleft palate", "cleft", "hepatitis B", "hepatitis C", "Down syndrome",
           "Down's syndrome", "trisomy 13", "trisomy 18", "22q11 deletion syndrome", "HIV"]
TEXT = ("A cleft  lip, a Cleft palate and a cleft.  Hepatitis b, hepatitis Bx, Down's\n"
        "syndrome, down syndrome, trisomy 131, trisomy 18; 22q11 deletion syndrome, HIVs, hiv.")


@pytest.mark.parametrize("flags", [0, regex.IGNORECASE])
def test_the_tree_matches_the_phrases_longest_first(flags):
    tree, plain = alternation(PHRASES, flags), _longest_first(PHRASES, flags)
    assert [m.span() for m in tree.finditer(TEXT)] == [m.span() for m in plain.finditer(TEXT)]
    assert len(tree.findall(TEXT)) == (9 if flags else 5)


def test_a_suffix_follows_every_phrase():
    pattern = alternation(["Somali", "Somalian", "Roma"], suffix="(?:e?s)?")
    assert pattern.findall("Somalis, Somalians, Romaes, Romany") == ["Somalis", "Somalians",
                                                                       "Romaes"]


@pytest.mark.parametrize("flags", [0, regex.IGNORECASE])
def test_the_source_is_the_compiled_alternations_text(flags):
    source = alternation_source(PHRASES, ignore_case=bool(flags), suffix="s?")
    assert source == alternation(PHRASES, flags, suffix="s?").pattern
    assert regex.compile(source, flags).findall(TEXT) == \
        alternation(PHRASES, flags, suffix="s?").findall(TEXT)
