"""Cheap tests a paragraph must pass before a costly pattern is searched in it.

Most paragraphs hold no digit, no postcode and no age: a plain scan for a
digit, or a look at the paragraph's set of words (``word_runs``, made once
and shared by every detector), rules a pattern out before the ``regex``
engine tries it at every character.  A gate only ever skips a search that
could find nothing, so what is found is the same.
"""

from __future__ import annotations

from functools import lru_cache

from scr_checks import compile_pattern, word_runs

_DIGIT = compile_pattern(r"\d")
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


def has_number(text: str) -> bool:
    """True if ``text`` may hold a number of one to three digits or a number word
    standing alone: a text not in ASCII is taken to (its digits may be others)."""
    return not NUMBER_WORDS.isdisjoint(word_runs(text)) or (
        not text.isascii() and has_digit(text))
