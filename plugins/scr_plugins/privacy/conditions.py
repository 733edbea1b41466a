"""Exact diagnoses and chronic conditions, and a specific ethnicity or faith.

The quality marker's own example of a precise identifier is the exact
chronic health condition.  Common, non-identifying terms (ADHD, autism, a
fracture, mental ill-health) are deliberately not listed.
"""

from __future__ import annotations

from collections.abc import Iterator

from scr_checks import compile_pattern, word_runs
from scr_plugins.privacy import rules
from scr_plugins.privacy.gazetteer import Lexicon
from scr_plugins.privacy.hits import Hit

#: The words an eponymous condition ends with (in lower case, as ``word_runs``
#: gives them): a paragraph without one is not searched for ``EPONYM`` at all.
EPONYM_HEADS = frozenset({
    "syndrome", "disease", "dystrophy", "palsy", "anaemia", "atrophy", "ataxia", "sarcoma",
    "lymphoma", "tumor", "tumour", "malformation", "encephalitis",
})
#: An eponymous syndrome or disease: "Ehlers-Danlos syndrome", "Crohn's disease".
#: Not tried at each word of a hyphenated chain ("Aa-Bb-Cc…"), only at its
#: first, which matches wherever a later one would: trying every one read the
#: rest of the chain each time.
EPONYM = compile_pattern(
    r"(?<![\p{L}])(?<!(?<![\p{L}])\p{Lu}\p{Ll}+[-–])\p{Lu}\p{Ll}+(?:[-–]\p{Lu}\p{Ll}+)*(?:['’]s)?\s+"
    rf"(?:{'|'.join(sorted(EPONYM_HEADS))})\b"
)
#: Only a capital inside a sentence marks a proper name ("Heart disease" does not).
#: Matched at the condition's first word; the look-behind reads back only over
#: the spaces, mark or number before it, not the whole text.
SENTENCE_START = compile_pattern(r"(?<=^\n?|[.!?:;]\s+|^\s*[\d.]+\s+)")


def find(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    for m in lexicon.conditions.finditer(text):
        alternative = lexicon.alternatives.get(" ".join(m[0].lower().split()), "a health condition")
        yield Hit(rules.NAMED_CONDITION, m.start(), m.end(), m[0], "named health condition",
                  f"say '{alternative}' instead", "condition")
    eponyms = () if EPONYM_HEADS.isdisjoint(word_runs(text)) else EPONYM.finditer(text)
    for m in eponyms:
        if SENTENCE_START.match(text, m.start()):
            continue
        yield Hit(rules.NAMED_CONDITION, m.start(), m.end(), m[0], "named health condition",
                  "say 'a rare genetic condition' or 'a serious health condition' instead",
                  "condition")
    for m in lexicon.origins.finditer(text):
        yield Hit(None, m.start(), m.end(), m[0], category="origin")
