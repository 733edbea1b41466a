"""Sentences, words and quotations in a block of prose, as offsets.

Checkers report exact spans, so these helpers return ``(start, end)``
offsets into the block's text rather than copies of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import regex

from scr_checks.patterns import compiled

#: Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = (
    "e.g", "i.e", "etc", "cf", "vs", "Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "St",
    "No", "para", "paras", "Para", "ch", "approx", "incl", "Ltd", "Co", "Rev", "s", "ss",
)
#: A sentence's end: marks, closing quotes or brackets, then white space and
#: a capital or digit; not after an abbreviation.  The first mark is read
#: before the abbreviations are looked for behind it, and only if what
#: follows it may end a sentence: a paragraph of dotted dates
#: ("21.10.21 13.11.15") has two full stops a date, and looking behind each
#: was most of the time of cutting it into sentences.
_SENTENCE_END = compiled(
    r"[.!?](?=[.!?\"'”’)\]\s])"
    r"(?<!\b(?:" + "|".join(regex.escape(a) for a in _ABBREVIATIONS) + r")[.!?])"
    r"[.!?]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])"
)
#: How long a window of a long paragraph is (:func:`sentence_windows`), in
#: characters: about the length of two ordinary paragraphs.
WINDOW = 1000
#: How far before a position :func:`sentence_at` first reads back, in
#: characters (four times as far each time no sentence ends in what it read).
_READ_BACK = 256
#: A leading paragraph number ("4.1.2 ") is a label, not part of the sentence.
_LEADING_NUMBER = compiled(r"\s*(?:\d{1,3}\.){1,4}\d{0,3}\.?\s+")
#: A letter is a word character but no digit or underscore; written as a set
#: difference (version 1 syntax) the engine finds words twice as fast as with
#: the equivalent "[^\\W\\d_]" (the tests compare the two on all of Unicode).
_WORD = compiled(r"(?V1)[\w--\d--_]+(?:['’-][\w--\d--_]+)*")
#: A run of letters and digits.
_RUN = compiled(r"[\p{L}\p{N}]+")
#: Typographic marks common in reports that are neither letters, digits nor
#: word characters, and have no other case (the tests check each).
_MARKS = ("\u00a0\u00a3\u00a7\u00a9\u00ab\u00ae\u00b0\u00b7\u00bb"
          "\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac")
#: A character that makes a text other than plain: not ASCII, nor one of the marks.
_NOT_PLAIN = re.compile(f"[^\x00-\x7f{_MARKS}]")
#: :data:`_WORD` for plain text, whose only letters and digits are ASCII: the
#: standard engine finds them two or three times as fast.
_PLAIN_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
#: Every byte but a lower-case ASCII letter or a digit, as a space: the runs
#: of a plain text, lowered, are the words of its bytes so translated.
_NOT_RUN = bytes(byte if chr(byte) in "abcdefghijklmnopqrstuvwxyz0123456789" else 32
                 for byte in range(256))
#: Characters that case-insensitive ``regex`` matches to an ASCII letter but
#: ``str.lower`` does not turn into it ("İ", the long s).
_FOLD = str.maketrans({"\u0130": "i", "\u017f": "s"})

#: Opening and closing marks of a quotation.  A straight single quote opens
#: only after a space or bracket, so apostrophes ("mother's") are not quotes.
_QUOTE = compiled(
    r"“[^”]*”"
    r"|(?<![\w])\"[^\"]*\""
    r"|‘[^’]*’(?![\w])"
    r"|(?<![\w'])'(?=\w)[^']*(?<=[\w.,!?])'(?![\w])"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each sentence, without a leading paragraph number."""
    spans = []
    lead = _LEADING_NUMBER.match(text)
    start = lead.end() if lead else 0
    for match in _SENTENCE_END.finditer(text, start):
        spans.append((start, match.end()))
        start = _skip_spaces(text, match.end())
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def sentence_at(text: str, position: int) -> tuple[int, int] | None:
    """The last of :func:`sentence_spans` starting at or before ``position``,
    found by reading only the text around it; None if none starts there.

    A match of the sentence end holds no white space, so a search that
    starts at a space finds from there on the ends a search of the whole text
    finds: the text is read back from ``position`` to the end of the sentence
    before, not from its beginning (a paragraph of a megabyte is twenty
    thousand sentences, and one checker asks about a few of them).
    """
    lead = _LEADING_NUMBER.match(text)
    first = lead.end() if lead else 0
    if position < first:
        return None
    reach = _READ_BACK
    while True:
        begin = first if position - reach <= first else text.rfind(" ", first, position - reach)
        begin = max(begin, first)
        start = first if begin == first else None
        for match in _SENTENCE_END.finditer(text, begin):
            after = _skip_spaces(text, match.end())
            if after > position:
                if start is not None:
                    return start, match.end()
                break
            start = after
        else:
            if start is not None and text[start:].strip():
                return start, len(text.rstrip())
            if start is not None or begin == first:
                # The position is in the blank end after the last sentence.
                spans = sentence_spans(text)
                return spans[-1] if spans else None
        reach *= 4


def _skip_spaces(text: str, start: int) -> int:
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each word (letters, apostrophes, inner hyphens)."""
    end = len(text) if end is None else end
    return [m.span() for m in _words(text, start, end).finditer(text, start, end)]


def words_between(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words of ``text[start:end]`` that :func:`word_spans` places, as text:
    what a count of words or syllables needs, without making their offsets."""
    end = len(text) if end is None else end
    return _words(text, start, end).findall(text, start, end)


def _words(text: str, start: int, end: int) -> re.Pattern[str] | regex.Pattern[str]:
    """The faster of the patterns that find the same words in ``text[start:end]``."""
    return _PLAIN_WORD if is_plain(text, start, end) else _WORD


def is_plain(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds only ASCII and the common typographic marks."""
    end = len(text) if end is None else end
    return text.isascii() or _NOT_PLAIN.search(text, start, end) is None


def fold_case(text: str) -> str:
    """``text`` in lower case, as case-insensitive ``regex`` matching sees ASCII letters.

    Every character that such a match takes for an ASCII letter or digit
    becomes that letter or digit (the tests check all of Unicode).  A text
    without the two characters :meth:`str.lower` does not fold so is only
    lowered: looking for them is far quicker than translating.
    """
    if text.isascii() or ("\u0130" not in text and "\u017f" not in text):
        return text.lower()
    return text.translate(_FOLD).lower()


def word_runs(text: str) -> frozenset[str]:
    """The distinct runs of letters and digits in ``text``, case-folded (:func:`fold_case`).

    A quick test of whether a paragraph holds a word at all before a costly
    search that needs it: most word lists find nothing in most paragraphs.
    A checker that has the block asks for ``block.words``, which keeps them
    for as long as the block lives; the few latest texts asked for here are
    kept too, as one paragraph's detectors ask in turn.  Folding keeps every
    character in or out of a run (the tests check all of Unicode), so the
    runs of the folded text are the folded runs; in a plain text (ASCII and
    common typographic marks) they are the runs of ASCII letters and digits.
    """
    return _recent_runs(text)


@lru_cache(maxsize=16)
def _recent_runs(text: str) -> frozenset[str]:
    return _runs(text)


def _runs(text: str) -> frozenset[str]:
    """:func:`word_runs`, not kept: for a text asked about once (a window of a
    long paragraph), which would push the paragraphs' own out of the few kept."""
    if is_plain(text):
        return ascii_runs(text)
    return frozenset(_RUN.findall(fold_case(text)))


def ascii_runs(text: str) -> frozenset[str]:
    """The distinct runs of ASCII letters and digits in ``text`` lowered, any
    other character (one beyond ASCII too) ending a run.

    A character beyond ASCII becomes "?" and then a space: no search, no
    pattern, a fraction of the time of finding the runs one by one.
    """
    return frozenset(text.lower().encode("ascii", "replace").translate(_NOT_RUN)
                     .decode("ascii").split())


@lru_cache(maxsize=2)
def sentence_windows(text: str, size: int) -> list[tuple[int, int, frozenset[str]]]:
    """``text`` cut just after the first full stop and space at least ``size``
    characters into each window, with each window's :func:`word_runs`.

    A paragraph of a megabyte holds a word of everything a checker looks
    for; cut into windows the size of paragraphs, most can be passed over as
    most paragraphs are, by a search none of whose matches holds a full stop
    (each lies in one window).  A full stop and a white space either side of
    the cut: a window's runs are the runs of the whole text that lie in it.
    Kept for the checkers that ask in turn (give the size as a position).
    """
    windows = []
    begin = 0
    while begin < len(text):
        cut = text.find(". ", begin + size)
        end = len(text) if cut < 0 else cut + 1
        windows.append((begin, end, _runs(text[begin:end])))
        begin = end
    return windows


def windows_to_search(text: str, may_hold: Callable[[frozenset[str]], bool],
                      size: int = WINDOW) -> list[tuple[int, int]]:
    """Where in ``text`` a search none of whose matches holds a full stop need
    look: all of a text under two windows long, and in a longer one each
    window (:func:`sentence_windows`) whose word runs ``may_hold`` a match."""
    if len(text) < 2 * size:
        return [(0, len(text))]
    return [(begin, end) for begin, end, words in sentence_windows(text, size)
            if may_hold(words)]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each quotation, marks included."""
    return [m.span() for m in _QUOTE.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``start:end`` lies within one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)
