"""Word lists as data: each entry a pattern, a category, why and a suggestion.

Checkers that look for words (tone, jargon, a local area's own list) share
this loader and matcher.  A list is compiled once into a single alternation,
so a block is scanned in one pass however long the list is, and a block
holding none of the words its entries' matches need is not scanned at all
(:mod:`scr_checks.patternwords`).  Patterns are
``regex`` syntax, matched case-insensitively between word boundaries; a space
in a pattern matches any run of white space, so a phrase broken across two
source lines still matches.

A list shipped in a package's folder is read, and its patterns' words read
from their text, once: the result is kept between runs
(:mod:`scr_checks.datacache`).  A list a configuration names from elsewhere
is read afresh each run and never kept.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from scr_checks import patternwords, stdpatterns
from scr_checks.datacache import kept
from scr_checks.document import TextBlock
from scr_checks.patterns import compiled
from scr_checks.patternwords import first_words, may_hold_full_stop, starts_word, word_sets
from scr_checks.prose import WINDOW, fold_case, windows_to_search, word_runs
from scr_checks.records import FrozenRecord

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

FIELDS = ("pattern", "category", "why", "suggestion")
#: Each alternative's sets of words, of each of which its every match holds one.
_Sets = list[list[frozenset[str]]]
#: The words a pattern's matches can start with, and the beginnings of such words.
_Openings = tuple[frozenset[str], frozenset[str]]
#: What is known of a pattern without reading it again: its :func:`word_sets`
#: (None: unknown), whether every match starts a word, and its
#: :func:`first_words` (None: unknown).
_Reading = tuple[_Sets | None, bool, _Openings | None]
#: Patterns of the shipped lists this run read from the cache, and their readings.
_known: dict[str, _Reading] = {}
#: A text at least twice this long is searched a window at a time
#: (:func:`~scr_checks.prose.sentence_windows`).
_WINDOW = WINDOW


class WordEntry(FrozenRecord):
    """One entry of a word list; frozen.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("pattern", "category", "why", "suggestion")
    pattern: str
    category: str
    why: str
    suggestion: str

    def __init__(self, pattern: str, category: str = "", why: str = "",
                 suggestion: str = "") -> None:
        self.__dict__.update(pattern=pattern, category=category, why=why,
                             suggestion=suggestion)

    @classmethod
    def from_data(cls, data: str | Mapping[str, Any], category: str = "") -> WordEntry:
        """An entry from a bare pattern string or a table with the four fields."""
        if isinstance(data, str):
            return cls(pattern=data, category=category)
        unknown = set(data) - set(FIELDS)
        if unknown or "pattern" not in data:
            raise ValueError(
                f"a word-list entry needs 'pattern' and may have {', '.join(FIELDS[1:])}; "
                f"got {sorted(data)}"
            )
        values = {key: str(data.get(key, "")) for key in FIELDS}
        values["category"] = values["category"] or category
        return cls(**values)


class WordMatch(FrozenRecord):
    """A match of a list in a text: the span, the words, and the entry; frozen.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("start", "end", "text", "entry")
    start: int
    end: int
    text: str
    entry: WordEntry

    def __init__(self, start: int, end: int, text: str, entry: WordEntry) -> None:
        self.__dict__.update(start=start, end=end, text=text, entry=entry)


class WordList:
    """Entries compiled into one case-insensitive alternation."""

    def __init__(self, name: str, entries: Iterable[WordEntry] = (),
                 allowed: Iterable[str] = ()) -> None:
        self.name = name
        self.entries = list(entries)
        #: Words or phrases never reported, whatever pattern matches them.
        self.allowed = {_normal(a) for a in allowed}
        self._compiled: regex.Pattern[str] | None = None

    @classmethod
    def load(cls, path: str | os.PathLike[str] | Traversable, name: str | None = None) -> WordList:
        """Read a ``.tsv`` (header row: pattern, category, why, suggestion) or
        ``.toml`` (an array of tables ``[[entry]]``) word list: a path, or a
        package's file as ``importlib.resources.files`` names it."""
        path = Path(str(path))
        if not _shipped(path):
            return cls(name or path.stem, _entries(path))
        rows = kept(f"wordlist-{path.parent.parent.name}-{path.stem}",
                    lambda: [(e.pattern, e.category, e.why, e.suggestion,
                              word_sets(e.pattern), starts_word(e.pattern),
                              first_words(e.pattern)) for e in _entries(path)],
                    [path], code=[patternwords])
        for row in rows:
            _known.setdefault(row[0], (row[4], row[5], row[6]))
        return cls(name or path.stem, [WordEntry(*row[:4]) for row in rows])

    def extend(self, entries: Iterable[WordEntry], allowed: Iterable[str] = ()) -> WordList:
        """A new list with more entries and allowed words (this one is unchanged)."""
        return WordList(self.name, [*self.entries, *entries],
                        [*self.allowed, *allowed])

    @property
    def pattern(self) -> regex.Pattern[str]:
        if self._compiled is None:
            parts = [
                f"(?P<e{i}>{_spaces(entry.pattern)})" for i, entry in enumerate(self.entries)
            ]
            body = "|".join(parts) or "(?!)"
            # Where every entry starts with a letter or digit, a match starts at a
            # word boundary too, which the engine tests faster than the look-behind
            # alone (a quarter of the matching time).
            boundary = r"\b" if all(_starts_word(e.pattern) for e in self.entries) else ""
            # Kept between runs only when made from shipped lists: a pattern
            # made from a configuration's words is never written to the cache.
            compile_ = compiled if self._shipped_only else regex.compile
            self._compiled = compile_(
                rf"{boundary}(?<![\w'’-])(?:{body})(?![\w-])", regex.IGNORECASE
            )
        return self._compiled

    @property
    def _shipped_only(self) -> bool:
        """Whether every entry is one of a shipped list's."""
        return all(entry.pattern in _known for entry in self.entries)

    @cached_property
    def words_needed(self) -> frozenset[str] | None:
        """Case-folded words of which every match holds one; None if some entry's are unknown."""
        others = self._others_needed
        return None if others is None else frozenset(others)

    @cached_property
    def _others_needed(self) -> dict[str, list[list[frozenset[str]]]] | None:
        """Each word of :attr:`words_needed` -> for each alternative it is
        needed by, the other sets of words that alternative also needs; None
        if some entry's words are unknown."""
        others: dict[str, list[list[frozenset[str]]]] = {}
        for entry in self.entries:
            sets = _word_sets(entry.pattern)
            if sets is None:
                return None
            for first, *rest in sets:
                for word in first:
                    others.setdefault(word, []).append(rest)
        return others

    @cached_property
    def _starts(self) -> re.Pattern[str] | None:
        """Where in the case-folded text a match may start: a first word of an
        entry (:func:`first_words`), a whole run of letters and digits there,
        or the beginning of a run that one of the entries' first words has.
        None if some entry's first words are unknown.

        The engine tries the alternation at every word of the text; a plain
        search for the first words is several times quicker, and the
        alternation is then tried only where it finds one (a paragraph of a
        megabyte holds some word of most lists: no gate spares it).
        """
        words: set[str] = set()
        beginnings: set[str] = set()
        for entry in self.entries:
            firsts = _first_words(entry.pattern)
            if firsts is None:
                return None
            words |= firsts[0]
            beginnings |= firsts[1]
        parts = [_alternation(words) + "(?![a-z0-9])"] if words else []
        if beginnings:
            parts.append(_alternation(beginnings))
        if not parts:
            return None
        pattern = rf"(?<![a-z0-9])(?:{'|'.join(parts)})"
        if self._shipped_only:
            with stdpatterns.keeping():  # made from shipped lists only
                return re.compile(pattern)
        return re.compile(pattern)

    def _matches(self, text: str) -> Iterator[regex.Match[str]]:
        """``self.pattern.finditer(text)``, tried only where a match may start.

        No match starts elsewhere, so the first match at or after each place
        the search goes on from is the same.  :func:`fold_case` keeps every
        character where it is, and makes each one that matching takes for an
        ASCII letter or digit that letter or digit: a match's first word is
        a whole run of the folded text (no ASCII letter or digit either side).
        """
        starts = self._starts
        if starts is None:
            yield from self.pattern.finditer(text)
            return
        folded = fold_case(text)
        match_at = self.pattern.match
        done = 0
        for begin, end in self._searched(text):
            for start in [found.start() for found in starts.finditer(folded, begin, end)]:
                if start < done:
                    continue
                match = match_at(text, start)
                if match is not None:
                    done = match.end()
                    yield match

    def _searched(self, text: str) -> list[tuple[int, int]]:
        """The parts of ``text`` a match may be in: all of it, or in a long
        text whose matches cannot cross a full stop, each window
        (:func:`sentence_windows`) that :meth:`_may_match` lets through.

        A paragraph of a megabyte holds a word of every set each list needs,
        and each list was searched all through; cut into windows the size of
        a paragraph, most are passed over as most paragraphs are.  A window
        ends just after a full stop, which no match holds, so every match
        lies in one window, and holds words of that window's own.
        """
        if not self._stays_in_sentences:
            return [(0, len(text))]
        return windows_to_search(text, self._may_match, _WINDOW)

    @cached_property
    def _stays_in_sentences(self) -> bool:
        """Whether no entry's match can hold a full stop, and the words each needs are known."""
        return self._others_needed is not None and not any(
            may_hold_full_stop(entry.pattern) for entry in self.entries)

    def _may_match(self, words: frozenset[str]) -> bool:
        """Whether some entry could match a text of these words: one of the
        words it needs first is there, and a word of each other set it needs.

        Most paragraphs that hold a list's word hold only the common half of
        a phrase ("safeguarding" without "contextual") and are not searched.
        """
        others = self._others_needed
        if others is None:
            return True
        return any(all(not more.isdisjoint(words) for more in rest)
                   for word in self._firsts_needed & words for rest in others[word])

    @cached_property
    def _firsts_needed(self) -> frozenset[str]:
        """The keys of :attr:`_others_needed`: a set, whose intersection with a
        paragraph's words is made from the smaller of the two."""
        return frozenset(self._others_needed or ())

    def finditer(self, text: str | TextBlock) -> Iterator[WordMatch]:
        """Every match in ``text`` (or a block's text), in order; at one position
        the first entry wins."""
        if isinstance(text, TextBlock):
            words, text = text.words, text.text
        else:
            words = word_runs(text)
        if not self._may_match(words):
            return
        for match in self._matches(text):
            words = match.group()
            if _normal(words) in self.allowed:
                continue
            entry = self.entries[int(match.lastgroup[1:])]
            yield WordMatch(match.start(), match.end(), words, entry)

    def __len__(self) -> int:
        return len(self.entries)


def _entries(path: Path) -> list[WordEntry]:
    import csv  # a shipped list is read from the cache, without either
    import tomllib

    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        return [WordEntry.from_data(e) for e in tomllib.loads(text).get("entry", [])]
    rows = csv.DictReader(
        (line for line in text.splitlines() if line and not line.startswith("#")),
        delimiter="\t",
    )
    return [WordEntry.from_data({k: v or "" for k, v in row.items() if k}) for row in rows]


def _shipped(path: Path) -> bool:
    """Whether a list is a package's own data: its folder or the one above is a package."""
    return any((folder / "__init__.py").is_file() for folder in (path.parent, path.parent.parent))


def _word_sets(pattern: str) -> _Sets | None:
    known = _known.get(pattern)
    return known[0] if known is not None else word_sets(pattern)


def _starts_word(pattern: str) -> bool:
    known = _known.get(pattern)
    return known[1] if known is not None else starts_word(pattern)


def _alternation(words: set[str]) -> str:
    """``words`` as a group of alternatives, longest first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


def _first_words(pattern: str) -> _Openings | None:
    known = _known.get(pattern)
    return known[2] if known is not None else first_words(pattern)


def _spaces(pattern: str) -> str:
    """Let a space in a pattern match a line break or several spaces."""
    return regex.sub(r" +", lambda _: r"\s+", pattern)


def _normal(words: str) -> str:
    return " ".join(words.lower().split())
