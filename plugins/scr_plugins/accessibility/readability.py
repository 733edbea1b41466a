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
from dataclasses import dataclass
from functools import lru_cache

from scr_checks import compile_pattern
from scr_plugins.accessibility.hyphenation import british

_VOWEL_GROUPS = compile_pattern(r"[aeiouy]+")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    word = word.lower()
    hyphenated = len(british().positions(word)) + 1
    if len(word) > 6:
        return hyphenated
    groups = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return max(hyphenated, groups, 1)


@dataclass
class Counts:
    """Words, sentences and syllables of some prose; added up per section."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0

    def add(self, words: list[str], sentences: int) -> None:
        self.words += len(words)
        self.sentences += sentences
        self.syllables += sum(map(syllables, words))

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
