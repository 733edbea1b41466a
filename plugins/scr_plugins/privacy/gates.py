"""Cheap tests a paragraph must pass before a costly pattern is searched in it.

Most paragraphs hold no digit, no postcode and no age: a plain scan for a
digit, or a look at the paragraph's set of words (``word_runs``, made once
and shared by every detector), rules a pattern out before the ``regex``
engine tries it at every character.  A gate only ever skips a search that
could find nothing, so what is found is the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from scr_checks import compile_pattern, fold_case, word_runs

_DIGIT = compile_pattern(r"\d")
_RUN = compile_pattern(r"[\p{L}\p{N}]+")
#: Number words an age may be written with (``dates._NUMBER``), and every run
#: of one to three ASCII digits, as ``word_runs`` gives them.
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split()
) | frozenset(f"{n:0{width}d}" for width in (1, 2, 3) for n in range(10 ** width))


@lru_cache(maxsize=16)
def has_digit(text: str) -> bool:
    """True if ``text`` holds a digit (``\\d``): every number, date and postcode needs one."""
    return _DIGIT.search(text) is not None


class Numerals(NamedTuple):
    """What a paragraph's runs of letters and digits (``word_runs``) say of its digits.

    A number with a letter against it ("SW1A", "NV19C00482", "1st") or a
    digit outside ASCII makes a run of both: ``mixed``.  Without one, every
    number stands alone, a run of ASCII digits in ``plain`` ("2019", "4"),
    and a pattern that needs a letter beside a digit cannot match.
    """

    plain: frozenset[str]
    mixed: bool


@lru_cache(maxsize=16)
def numerals(text: str) -> Numerals:
    """The paragraph's numbers, read from its word runs (asked by several detectors)."""
    numeric = [run for run in word_runs(text) if not run.isalpha()]
    plain = frozenset(run for run in numeric if run.isascii() and run.isdigit())
    return Numerals(plain, len(plain) < len(numeric))


@lru_cache(maxsize=16)
def run_text(text: str) -> str:
    """The paragraph's word runs, case-folded, joined by spaces: a word of
    letters is in the paragraph, in any case, only if it is in this string.

    A plain search here answers what a search of the folded paragraph did,
    without folding it (``fold_case`` reads a text outside ASCII a
    character at a time, and most prose has a curly quote).
    """
    return " ".join(word_runs(text))


def has_number(text: str) -> bool:
    """True if ``text`` may hold a number of one to three digits or a number word
    standing alone.  Outside ASCII one may also stand in a run of its own with
    a digit that is no ``\\d`` ("²two": "²" is no word character, so "two" is a
    word there) or next to a digit of another script: both make a run of both."""
    return not NUMBER_WORDS.isdisjoint(word_runs(text)) or (
        not text.isascii() and numerals(text).mixed)


def last_words(phrases: Iterable[str]) -> frozenset[str]:
    """The last run of letters and digits of each phrase, case-folded.

    A pattern that must end at a place in a text, with a phrase of a list
    before it ("the health visitor, "), can only match where one of these is
    among the words just before that place.  Every phrase of a list must
    end in a letter or digit (the shipped lists do); one that did not could
    end anywhere, and would make the test useless, so it is refused.
    """
    ends = set()
    for phrase in phrases:
        folded = fold_case(phrase)
        runs = _RUN.findall(folded)
        if not runs or not folded.endswith(runs[-1]):
            raise ValueError(f"a phrase must end with a letter or digit: {phrase!r}")
        ends.add(runs[-1])
    return frozenset(ends)


def first_words(phrases: Iterable[str]) -> frozenset[str]:
    """The first run of letters and digits of each phrase, case-folded.

    A pattern that must start at a place in a text with a phrase of a list
    (", the health visitor") can only match where one of these is a word of
    the text.  As for :func:`last_words`, a phrase must start with a letter
    or digit.
    """
    starts = set()
    for phrase in phrases:
        folded = fold_case(phrase)
        runs = _RUN.findall(folded)
        if not runs or not folded.startswith(runs[0]):
            raise ValueError(f"a phrase must start with a letter or digit: {phrase!r}")
        starts.add(runs[0])
    return frozenset(starts)


def words_before(text: str, start: int, reach: int) -> frozenset[str]:
    """The runs of letters and digits, case-folded, of the ``reach`` characters
    before ``text[start]`` (a word cut at the window's edge counts as its part
    inside, as a search of that window would read it)."""
    return frozenset(_RUN.findall(fold_case(text[max(0, start - reach) : start])))


class Window:
    """The ``reach`` characters before ``text[start]``, where a word starts
    (``text[start - 1]`` is no letter or digit): which words may be in it.
    ``paragraph`` is ``word_runs(text)``, found once by the caller: asked
    here at every name, a paragraph pushed out of its cache by other words
    would be read again each time.

    A search that must end at ``start`` with a phrase of a list is tried by
    the engine at every character of the window; it can only match if the
    last word of one of the phrases (:func:`last_words`) is a word there.
    Most paragraphs hold none of them anywhere, which their set of words
    tells at once; then only a word cut by the window's edge can be one (the
    end of "grandmother" is "mother"), and it is looked at once.
    """

    __slots__ = ("_cut", "_words", "paragraph", "reach", "start", "text")

    def __init__(self, text: str, start: int, reach: int, paragraph: frozenset[str]) -> None:
        self.text = text
        self.start = start
        self.reach = reach
        self.paragraph = paragraph
        self._words: frozenset[str] | None = None
        self._cut: str | None = None

    def may_hold(self, ends: frozenset[str], in_paragraph: bool | None = None) -> bool:
        """False only if none of ``ends`` is a word of the window; ``in_paragraph``
        is whether one is a word of the paragraph, if the caller has asked."""
        if in_paragraph is None:
            in_paragraph = not ends.isdisjoint(self.paragraph)
        if in_paragraph:
            if self._words is None:
                self._words = words_before(self.text, self.start, self.reach)
            return not ends.isdisjoint(self._words)
        if self._cut is None:
            edge = self.start - self.reach
            cut = _RUN.match(self.text, edge, self.start) if edge > 0 else None
            self._cut = fold_case(cut[0]) if cut is not None else ""
        return self._cut in ends
