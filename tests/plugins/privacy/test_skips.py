"""A detector that skips a paragraph lacking the words it needs finds what a full search finds."""

import pytest
from scr_plugins.privacy import conditions, dates
from scr_plugins.privacy.gazetteer import lexicon

AGES = [
    "He was 14 years, 5 months and 3 days old.",
    "aged 3 DAYS at the time",
    "a six-week-old baby and a 2 Day-old sibling",
    "She was aged ten dayſ then.",   # the long s folds to "s", as in the pattern
    "Aged 9 mONTHS, she was seen.",
    "The child, 4 weeks old, was seen; daysx and years2 are no units.",
    "Nothing here is an age: 12 days.",
    "",
]
EPONYMS = [
    "The boy has Ehlers-Danlos syndrome and Crohn's disease.",
    "Rare: a Wilms tumour, a Wilms tumor, a Chiari malformation.",
    "A Smith Syndrome is not matched: the head word is lower case in the pattern.",
    "A Smith syndromes list; a Smith syndrome_x.",
    "Heart disease is common.",
]


@pytest.mark.parametrize("text", AGES)
def test_ages_are_found_as_the_patterns_find_them(text):
    expected = [("SCR206", m.span()) for m in dates.EXACT_AGE.finditer(text)]
    expected += [("", m.span()) for m in dates.AGE.finditer(text)]
    found = [(h.rule.id if h.rule else "", (h.start, h.end))
             for h in dates.find(text) if h.category == "age"]
    assert found == expected


@pytest.mark.parametrize("text", EPONYMS)
def test_eponymous_conditions_are_found_as_the_pattern_finds_them(text):
    expected = [m.span() for m in conditions.EPONYM.finditer(text)
                if not conditions.SENTENCE_START.match(text, m.start())]
    found = [(h.start, h.end) for h in conditions.find(text, lexicon())
             if h.text not in {m[0] for m in lexicon().conditions.finditer(text)}]
    assert found == expected
