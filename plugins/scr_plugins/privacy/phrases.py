"""Whole-phrase lookup: a set of phrases found without compiling a pattern.

Compiling a list of a hundred phrases into one ``regex`` alternation costs
several milliseconds of every run's start-up; looking each word run up in a
dict keyed by its phrases' first word costs nothing to build.  A
:class:`PhraseSet` finds exactly what :func:`scr_plugins.privacy.gazetteer.alternation`
would (the tests compare the two): a phrase starts and ends between letters
or digits, a space in it matches any run of white space, the longest phrase
at a place wins, and matches do not overlap.  A paragraph none of whose
words can open a phrase is passed over after one set lookup.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

import regex

from scr_checks import FrozenRecord, compile_pattern, fold_case, word_runs

#: A run of letters and digits: the only place a phrase can start.
_RUN = compile_pattern(r"[\p{L}\p{N}]+")
_LETTER = compile_pattern(r"[\p{L}\p{N}]")
#: What may not come before a match when a word boundary is also required.
_WORD = compile_pattern(r"[\w\p{L}\p{N}]")
_SPACE = compile_pattern(r"\s+")


class PhraseMatch(FrozenRecord):
    """One phrase found: the part of a regex match the checkers use; frozen.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("begin", "finish", "text")
    begin: int
    finish: int
    text: str

    def __init__(self, begin: int, finish: int, text: str) -> None:
        self.__dict__.update(begin=begin, finish=finish, text=text)

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return self.begin, self.finish

    def __getitem__(self, group: int) -> str:
        if group != 0:
            raise IndexError(group)
        return self.text


def _whole_runs(text: str, run: str, pos: int) -> Iterator[int]:
    """Where ``run`` stands in ``text`` from ``pos`` on as a whole run of letters and digits."""
    start = text.find(run, pos)
    while start >= 0:
        end = start + len(run)
        if not (start and _letter_at(text, start - 1)) and not _letter_at(text, end):
            yield start
        start = text.find(run, start + 1)


def _letter_at(text: str, i: int) -> bool:
    """``_LETTER.match(text, i)``: whether ``text[i]`` is a letter or digit.

    An ASCII character, as most are, is asked of itself (``str.isalnum``
    reads ASCII as the pattern does), not of the engine: a paragraph of a
    thousand street names asked it twice at each.
    """
    if i >= len(text):
        return False
    char = text[i]
    if char < "\x80":
        return char.isalnum()
    return _LETTER.match(char) is not None


#: Phrases closer together than this many characters on average: no
#: :class:`Reach` is looked at, the text is searched whole.
DENSE = 30


class Reach(NamedTuple):
    """Where a match holding a phrase may start: ``phrase`` matches (text of a
    pattern) where one of the phrases starts, ``back``, matched in reverse
    from there, covers every place a match holding it could start, and
    ``opening`` finds those places."""

    phrase: str
    back: regex.Pattern[str]
    opening: regex.Pattern[str]


class _Gate:
    """Which of a list of phrases a text holds whole, as written, from its set of words."""

    def __init__(self, phrases: Iterable[str]) -> None:
        #: Each phrase's first run, case-folded -> for each phrase it opens, its
        #: runs case-folded and its runs as written.
        self._phrases: dict[str, list[tuple[frozenset[str], tuple[str, ...]]]] = {}
        #: A phrase of no letters or digits may be anywhere: every text may hold one.
        self.anywhere = False
        for phrase in phrases:
            runs = tuple(_RUN.findall(phrase))
            if not runs:
                self.anywhere = True
                continue
            self._phrases.setdefault(fold_case(runs[0]), []).append(
                (frozenset(map(fold_case, runs)), runs))
        self.needs = frozenset(self._phrases)

    def holds(self, words: frozenset[str], text: str) -> bool:
        """Whether ``text`` (whose runs are ``words``) may hold one of the phrases."""
        if self.anywhere:
            return True
        for first in self.needs.intersection(words):
            for runs, written in self._phrases[first]:
                if runs <= words and all(run in text for run in written):
                    return True
        return False

    def written(self, words: frozenset[str], text: str) -> Iterator[tuple[str, ...]]:
        """The runs, as written, of each phrase whose runs are all in ``text``."""
        return (written for first in self.needs.intersection(words)
                for runs, written in self._phrases[first]
                if runs <= words and all(run in text for run in written))


class GatedPattern:
    """A pattern each match of which holds one of ``phrases`` whole, as written.

    It is compiled on first need and searched only in a text holding one of
    those phrases' runs, so a report that never names a street never pays for
    the street pattern.  The text's word set is case-folded ("way", "close"
    and "court" are in most paragraphs, "Children" opens "Children's Centre"
    in most reviews): a phrase is looked for only where every run of it is a
    word of the text, then each run as written ("Way"), a plain substring
    search.  ``kept`` says whether the compiled pattern may go into the cache
    kept between runs: only a pattern made from the shipped lists may, never
    one holding words from a configuration.  A pattern whose matches each
    hold a phrase of a second list too (``also``) is searched only in a text
    holding one of each.

    A pattern whose matches start only a few words before the phrase they
    hold ("Alder Brook Road") may also say so (:class:`Reach`).  It is then
    tried only at the places a match could start near each phrase, not at
    every word of the text: on a paragraph of capitalised words it took five
    tries to turn down each.  Where the phrases stand closer together than
    every ``DENSE`` characters, the whole text is searched: there, looking
    back from each phrase costs more than it saves.
    """

    def __init__(self, source: str, phrases: Iterable[str], kept: bool = True,
                 reach: Reach | None = None, also: Iterable[str] = ()) -> None:
        self.source = source
        self.reach = reach
        self._phrase: regex.Pattern[str] | None = None
        self._gate = _Gate(phrases)
        #: Phrases of which each match also holds one ("House" or "The" as well as
        #: "Road"), if there are such.
        self._also = _Gate(also) if also else None
        self.needs = self._gate.needs
        self.kept = kept
        self._compiled: regex.Pattern[str] | None = None

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        words = word_runs(text)
        if not self._gate.holds(words, text) or (
                self._also is not None and not self._also.holds(words, text)):
            return iter(())
        if self._compiled is None:
            self._compiled = (compile_pattern(self.source) if self.kept
                              else regex.compile(self.source))
        if self.reach is None or self._gate.anywhere:
            return self._compiled.finditer(text)
        firsts = {written[0] for written in self._gate.written(words, text)}
        if sum(map(text.count, firsts)) * DENSE > len(text):
            return self._compiled.finditer(text)
        starts = sorted({start for run in firsts for start in _whole_runs(text, run, 0)})
        return self._near(text, starts, self._compiled, self.reach)

    def _near(self, text: str, starts: list[int], compiled: regex.Pattern[str],
              reach: Reach) -> Iterator[regex.Match[str]]:
        """``compiled.finditer(text)``, tried only at the openings within reach
        of each place a phrase starts (``starts``, in order).

        A match holding a phrase starts within the phrase's reach, or within
        the reach of a phrase inside its name, found before: the first
        opening from the last match's end that matches, looking from each
        phrase in turn, is the next match.  Openings once turned down are
        not tried again from the next phrase.
        """
        if self._phrase is None:
            self._phrase = (compile_pattern(reach.phrase) if self.kept
                            else regex.compile(reach.phrase))
        done = 0
        tried = (0, 0)
        for start in starts:
            if start <= done or self._phrase.match(text, start) is None:
                continue
            near = reach.back.match(text, done, start)
            first = near.start() if near is not None else start
            place = reach.opening.search(
                text, tried[1] if tried[0] <= first < tried[1] else first, start)
            while place is not None:
                found = compiled.match(text, place.start())
                if found is not None:
                    yield found
                    done = found.end()
                    break
                place = reach.opening.search(text, place.end(), start)
            else:
                tried = (first, start)


class PhraseSet:
    """Phrases of words, looked up by their first run of letters and digits.

    ``ignore_case`` folds as case-insensitive ``regex`` does for phrases
    written in ASCII; ``plural`` allows "s" or "es" after a phrase.
    """

    def __init__(self, phrases: Iterable[str], ignore_case: bool = False,
                 plural: bool = False) -> None:
        self.ignore_case = ignore_case
        self.plural = plural
        parts = {self._fold(p) for p in phrases if p}
        #: The phrases, folded as they are looked up.
        self.phrases = frozenset(parts)
        if any((ignore_case and not p.isascii()) or "  " in p for p in parts):
            raise ValueError("a case-insensitive phrase must be ASCII, single-spaced")
        self._before = _WORD if all(p[0].isalnum() for p in parts) else _LETTER
        self._by_first: dict[str, list[str]] = {}
        for phrase in sorted(parts, key=len, reverse=True):
            first = _RUN.match(phrase)
            if first is None:
                raise ValueError(f"a phrase must start with a letter or digit: {phrase!r}")
            self._by_first.setdefault(first[0], []).append(phrase)
        endings = ("", "s", "es") if plural else ("",)
        #: Each word run that can open a match, case-folded as ``word_runs`` gives
        #: it -> the runs to look for in the text (most texts hold none of them).
        self._openers: dict[str, set[str]] = {}
        for key in self._by_first:
            for ending in endings:
                self._openers.setdefault(fold_case(key + ending), set()).add(key + ending)
        #: Each opener -> the runs of each phrase it opens, case-folded: a phrase
        #: matches only where every one of its runs is a run of the text ("Child"
        #: opens phrases in most paragraphs, "Child Safeguarding Practice Review"
        #: is in few).  A plural ending changes the last run, so not for those.
        self._runs: dict[str, list[frozenset[str]]] | None = None
        if not plural:
            self._runs = {}
            for key, phrases_of in self._by_first.items():
                self._runs.setdefault(fold_case(key), []).extend(
                    frozenset(_RUN.findall(fold_case(phrase))) for phrase in phrases_of)
        #: The text last searched whole and what was found: a paragraph's
        #: detectors ask in turn.
        self._last: tuple[str, list[PhraseMatch]] | None = None

    def _fold(self, text: str) -> str:
        return fold_case(text) if self.ignore_case else text

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[PhraseMatch]:
        """Each match in ``text[pos:endpos]``, in order, as the alternation finds them."""
        if pos <= 1 and endpos is None:
            yield from self._finditer(text, pos)
            return
        # A match is decided by its own characters and the one before it:
        # look at that part alone, not at (and folding) the whole text.
        offset = max(0, pos - 1)
        for m in self._finditer(text[offset:endpos], pos - offset):
            yield PhraseMatch(m.begin + offset, m.finish + offset, m.text)

    def findall(self, text: str) -> list[PhraseMatch]:
        """Every match in ``text``, as ``list(finditer(text))``; the last text's are kept."""
        if self._last is None or self._last[0] != text:
            self._last = (text, list(self._finditer(text, 0)))
        return self._last[1]

    def _finditer(self, text: str, pos: int) -> Iterator[PhraseMatch]:
        words = word_runs(text)
        present = self._openers.keys() & words
        if present and self._runs is not None:
            present = {key for key in present
                       if any(runs <= words for runs in self._runs[key])}
        if not present:
            return
        # Only the runs that open a phrase are visited, found by plain search;
        # folding keeps every character's place, so offsets hold in ``text``.
        haystack = self._fold(text)
        runs = {start: run for word in present for run in self._openers[word]
                for start in _whole_runs(haystack, run, pos)}
        resume = pos
        for start, run in sorted(runs.items()):
            if start < resume or (start and self._before.match(text, start - 1)):
                continue
            for phrase in self._candidates(run):
                end = self._match(phrase, text, start)
                if end is not None:
                    yield PhraseMatch(start, end, text[start:end])
                    resume = end
                    break

    def fullmatch(self, text: str) -> PhraseMatch | None:
        """The match if the whole of ``text`` is one phrase, as the alternation's."""
        first = next(self.finditer(text), None)
        return first if first is not None and first.span() == (0, len(text)) else None

    def holds_word(self, word: str) -> bool:
        """``fullmatch(word) is not None`` for a word with no white space in it.

        Such a word is a whole phrase only if it is one of the phrases, as
        folded: a set lookup, where ``fullmatch`` gathered the word's runs
        and searched it as a paragraph (asked of every capitalised word).
        """
        if self.plural:
            return self.fullmatch(word) is not None
        return self._fold(word) in self.phrases

    def _candidates(self, run: str) -> list[str]:
        """The phrases that may start with ``run``, longest first."""
        if not self.plural:
            return self._by_first.get(run, [])
        # "Somalis": the run may end with a phrase's plural ending.
        found = [p for key in {run, run[:-1], run[:-2]} for p in self._by_first.get(key, [])]
        return sorted(found, key=len, reverse=True)

    def _match(self, phrase: str, text: str, start: int) -> int | None:
        """Where ``phrase`` found at ``start`` ends, or None."""
        i = start
        for word_index, word in enumerate(phrase.split(" ")):
            if word_index:
                space = _SPACE.match(text, i)
                if space is None:
                    return None
                i = space.end()
            if self._fold(text[i:i + len(word)]) != word:
                return None
            i += len(word)
        for ending in ("es", "s", "") if self.plural else ("",):
            if text.startswith(ending, i) and not _LETTER.match(text, i + len(ending)):
                return i + len(ending)
        return None
