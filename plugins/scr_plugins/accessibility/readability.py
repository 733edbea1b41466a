"""Flesch reading ease and Flesch–Kincaid grade, on pyphen syllable counts.

textstat 0.7.9 and later download a pronunciation dictionary at run time,
so the formulas are implemented here.  A word's syllables are pyphen's
hyphenation points (:mod:`scr_plugins.accessibility.hyphenation`) plus one; for words
of up to six letters, which pyphen will not split ("area", "baby"), at least
their vowel groups; scores are therefore a little higher than textstat's, and
the thresholds are tuned to this implementation.
"""

from __future__ import annotations

from collections.abc import Iterable

from scr_checks import Record, compile_pattern
from scr_plugins.accessibility.hyphenation import british

_VOWEL_GROUPS = compile_pattern(r"[aeiouy]+")


def syllables(word: str) -> int:
    """The syllables of a word, as the scores count them."""
    return _SYLLABLES[word]


def _count(word: str) -> int:
    """The syllables of a word in lower case (too short for a hyphen: pyphen is not asked)."""
    hyphenated = len(british().positions(word)) + 1 if len(word) > 3 else 1
    if len(word) > 6:
        return hyphenated
    groups = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return max(hyphenated, groups, 1)


class _Known(dict[str, int]):
    """Each word's syllables, counted once a run: a word in capitals once, as
    its lower case.  Looked up in a dictionary, a word already counted costs
    no call of Python code."""

    def __missing__(self, word: str) -> int:
        if len(self) >= _MOST:
            self.clear()  # a text of endless distinct "words" does not fill the memory
        lower = word.lower()
        count = self[word] = _count(word) if lower == word else self[lower]
        return count


#: How many words :data:`_SYLLABLES` holds at most.
_MOST = 65536
_SYLLABLES = _Known()


class Counts(Record):
    """Words, sentences and syllables of some prose; added up per section.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("words", "sentences", "syllables")
    words: int
    sentences: int
    syllables: int

    def __init__(self, words: int = 0, sentences: int = 0, syllables: int = 0) -> None:
        self.words = words
        self.sentences = sentences
        self.syllables = syllables


    def add(self, words: list[str], sentences: int) -> None:
        self.words += len(words)
        self.sentences += sentences
        self.syllables += sum(map(_SYLLABLES.__getitem__, words))

    @classmethod
    def total(cls, parts: Iterable[Counts]) -> Counts:
        """The parts together: the whole report from its sections, each word counted once."""
        out = cls()
        for part in parts:
            out.words += part.words
            out.sentences += part.sentences
            out.syllables += part.syllables
        return out

    @property
    def reading_ease(self) -> float:
        """Flesch reading ease: 100 is very easy, below 30 needs a graduate."""
        if not self.words or not self.sentences:
            return 100.0
        return (206.835 - 1.015 * self.words / self.sentences
                - 84.6 * self.syllables / self.words)

    @property
    def grade(self) -> float:
        """Flesch–Kincaid grade level (US school grade)."""
        if not self.words or not self.sentences:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59
