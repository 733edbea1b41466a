"""Context that makes a capitalised word a name even when no list knows it.

Reviews introduce the people around a child in a few set ways: a relation
and a comma ("the maternal grandmother, X,"), a possessive and a relation
("Mother's friend X"), a naming verb ("named X") or a surname phrase
("their surname, X").  The phrases are data (``data/name_cues.tsv``) so a
local area can see and extend them; this module only compiles them.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from scr_checks import compile_pattern, fold_case
from scr_plugins.privacy.gates import last_words
from scr_plugins.privacy.gazetteer import Lexicon, alternation_source

_QUOTE = r"[\"“'‘]?"
#: Who a relation belongs to: "his", "their", "Mother's", "Child A's".
_POSSESSOR = r"(?:his|her|their|my|our|your|\p{L}+['’]s)"
#: Up to two describing words between possessor and relation ("older", "new").
_DESCRIBED = r"(?:\p{Ll}[\p{L}-]*\s+){0,2}"
#: How far before a word a cue can start.
REACH = 60
#: A word joined to the next or previous by "and" or "&".
AND_BEFORE = compile_pattern(r"(?<![\p{L}'’-])(\p{Lu}[\p{L}'’-]+)\s+(?:and|&)\s+$")
AND_AFTER = compile_pattern(r"\s+(?:and|&)\s+(\p{Lu}[\p{L}'’-]+)(?![\p{L}'’-])")
#: Read backwards from a name: what may stand between a cue and it, then the cue's last word.
_GAP = compile_pattern(r"[\s,\"“'‘]*", regex.REVERSE)
_RUN_BEFORE = compile_pattern(r"[\p{L}\p{N}]+", regex.REVERSE)


@lru_cache(maxsize=8)
def _patterns(lexicon: Lexicon) -> tuple[tuple[str, regex.Pattern[str], frozenset[str]], ...]:
    """Each kind of cue's pattern, and the last words of its phrases: a pattern
    is searched only after one of them (each search tries every character)."""
    def cues(kind: str) -> list[str]:
        return [cue for cue, k in lexicon.name_cues.items() if k == kind]

    relation, name, surname = cues("relation"), cues("name"), cues("surname")
    rel = alternation_source(relation)
    flags = regex.IGNORECASE
    return (
        ("surname", compile_pattern(rf"{alternation_source(surname)}\s*,?\s*{_QUOTE}$", flags),
         last_words(surname)),
        ("name", compile_pattern(rf"{alternation_source(name)}\s+{_QUOTE}$", flags),
         last_words(name)),
        ("relation", compile_pattern(rf"{rel}\s*,\s*{_QUOTE}$", flags), last_words(relation)),
        ("relation", compile_pattern(rf"\b{_POSSESSOR}\s+{_DESCRIBED}{rel}\s+$", flags),
         last_words(relation)),
    )


@lru_cache(maxsize=8)
def cue_words(lexicon: Lexicon) -> frozenset[str]:
    """The last word of every cue: :func:`cue_before` finds a cue only where one
    of these is the word before, whole, so only in a paragraph holding one.

    A word cut by the edge of the reach is never a cue's: every cue pattern
    needs a character that is no letter or digit before its phrase, and a
    phrase ending with the cut word would start at or before that edge.
    """
    return last_words(lexicon.name_cues)


def word_before(text: str, start: int) -> str:
    """The run of letters and digits, case-folded, that ends before ``text[start]``
    with only white space, a comma or an opening quote after it, cut where the
    window of ``REACH`` characters starts; "" if there is none.

    Every cue ends with a word of its list followed by only those: a search
    for it can match only where this word is one of its list's last words.
    """
    window = max(0, start - REACH)
    gap = _GAP.match(text, window, start)
    run = _RUN_BEFORE.match(text, window, gap.start()) if gap is not None else None
    return fold_case(run[0]) if run is not None else ""


def cue_before(text: str, start: int, lexicon: Lexicon) -> str | None:
    """The kind of cue that ends just before ``text[start]``, where a word starts, if any.

    Each pattern is searched (the engine tries every character of the window)
    only if the word just before is one its phrases end with.
    """
    last = word_before(text, start)
    if not last:
        return None
    for kind, pattern, needs in _patterns(lexicon):
        if last in needs and pattern.search(text, max(0, start - REACH), start):
            return kind
    return None


def partners(text: str, start: int, end: int) -> list[str]:
    """Capitalised words joined by "and" to ``text[start:end]``: "X and Y"."""
    found = []
    before = AND_BEFORE.search(text, max(0, start - REACH), start)
    if before:
        found.append(before[1])
    after = AND_AFTER.match(text, end)
    if after:
        found.append(after[1])
    return found
