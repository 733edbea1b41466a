"""The one masking step every output goes through.

A privacy rule reports the identifier it found as ``Finding.secret``.  Once
an identifier is found anywhere in a report, it is hidden everywhere that
report's text reaches an output: the message, snippet, suggestion and
properties of every finding (whatever its rule), the headings of every
location, suppression justifications, errors and the data plugins attach
for the outputs.  The session masks each file's result before any
formatter, baseline or hook sees it, so a new output format cannot forget to.

A mask says what kind of thing was hidden and nothing of its shape: a name
becomes ``[name]`` whatever its length, initials or number of words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from functools import cached_property, partial
from typing import Any

import regex

from scr_checks.patterns import compiled
from scr_checks.prose import ascii_runs
from scr_checks.results import FileResult, Finding, Location, ToolError
from scr_checks.rules import RuleRegistry
from scr_checks.wordtree import WordTree, eligible, fold

#: What an identifier found by a rule that names no kind is masked as.
DEFAULT_KIND = "identifier"
#: The kind of a person's name, whose surname is masked on its own as well.
NAME = "name"
_RUN = compiled(r"\w+")
#: Words before a name that say nothing about which person it is.
TITLE = compiled(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Rev|Revd)\.?")
#: Ranks and forms of address that may come before a name, never a given name.
_RANK = compiled(r"(?:Reverend|Sergeant|Sgt|Constable|Inspector|Insp|Detective|Father|Sister|"
                 r"Brother|Nurse|Doctor|Lady|Lord|Cllr|Councillor|Judge|Master|Officer)\.?")
#: The first run of ASCII letters and digits of a folded word (see :func:`ascii_runs`).
_ASCII_RUN = re.compile("[0-9a-z]*")
#: The letters beyond ASCII that fold to an ASCII one, or lower to one.
_ASCII_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def mask(kind: str = DEFAULT_KIND) -> str:
    """The mask of an identifier of ``kind``: ``[name]``, ``[date]`` …"""
    return f"[{kind or DEFAULT_KIND}]"


def surname(name: str) -> str:
    """The last word of a name of two or more words, when it reads as a surname
    (a capital, then at least one more letter, apostrophe or hyphen); else ``""``."""
    words = name.split()
    last = words[-1] if len(words) > 1 else ""
    return last if _reads_as_name(last) else ""


def given_name(name: str) -> str:
    """The first word of a name of two or more words after any title or rank
    ("Zoë" of "Ms Zoë Marchetti"), when it reads as a name and is not in
    capitals ("PC" of "PC Jones" is a rank); else ``""``."""
    words = [word for word in name.split()
             if not TITLE.fullmatch(word) and not _RANK.fullmatch(word)]
    first = words[0] if len(words) > 1 else ""
    return first if _reads_as_name(first) and not first[1:].isupper() else ""


def _reads_as_name(word: str) -> bool:
    """A capital, then at least one more letter, apostrophe or hyphen."""
    return len(word) > 1 and word[0].isupper() and word[1:].replace("'", "").replace(
        "’", "").replace("-", "").isalpha()


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _pattern(secret: str) -> str:
    """``secret`` as a pattern: any run of white space between its words, whole words only."""
    body = r"\s+".join(regex.escape(part) for part in secret.split())
    head = r"(?<!\w)" if regex.match(r"\w", secret.strip()) else ""
    tail = r"(?!\w)" if regex.search(r"\w$", secret.strip()) else ""
    return head + body + tail


class Masker:
    """Replaces each of a report's identifiers, in any case and spacing, by its mask."""

    def __init__(self, kinds: Mapping[str, str], as_written: Iterable[str] = ()) -> None:
        """``kinds`` maps each identifier to the kind its mask names; those
        also in ``as_written`` are masked only as written or in capitals (a
        surname on its own: "Young" and "YOUNG" but not "young people")."""
        self.kinds = {_key(secret): kind for secret, kind in kinds.items()
                      if any(ch.isalnum() for ch in secret)}
        originals = {_key(s): s for s in kinds}
        exact = {_key(s) for s in as_written}
        ordered = sorted(self.kinds, key=lambda k: (-len(k), k))

        def pattern(k: str) -> str:
            if k not in exact:
                return _pattern(originals[k])
            return f"(?-i:{_pattern(originals[k])}|{_pattern(originals[k].upper())})"

        #: Whether every identifier starts with a letter or digit, so that a
        #: match can start only where a run of them does (see :meth:`_mask`).
        self._at_runs = all(_RUN.match(originals[k].strip()) for k in ordered)
        #: The identifiers that :class:`~scr_checks.wordtree.WordTree` can hold
        #: (all of them, nearly always), in any case and as written.
        self._in_trees: dict[bool, list[str]] = {True: [], False: []}
        #: Each other identifier's first run of letters or digits -> the
        #: patterns of the identifiers it starts, longest first: at a run, only
        #: the identifiers that start with it can match there.
        self._by_first: dict[str, list[str]] = {}
        #: The other identifiers themselves.
        self._others: list[str] = []
        for k in ordered:
            if self._at_runs and eligible(originals[k]):
                self._in_trees[k not in exact].append(originals[k])
                if k in exact and originals[k].upper() != originals[k]:
                    self._in_trees[False].append(originals[k].upper())
            else:
                self._by_first.setdefault(_RUN.findall(k)[0], []).append(pattern(k))
                self._others.append(originals[k])
        #: Each first run's identifiers as one pattern, compiled when a text
        #: first holds that run.
        self._first_patterns: dict[str, regex.Pattern[str]] = {}
        #: Every identifier, for the rare report with one that starts with
        #: neither a letter nor a digit.
        self._pattern = None if self._at_runs or not ordered else regex.compile(
            "|".join(map(pattern, ordered)), regex.IGNORECASE)
        #: Texts already masked: a report's headings, sentences and messages
        #: reach the masker many times (its outputs, then its fingerprints).
        self._done: dict[str, str] = {}

    @classmethod
    def of(cls, findings: Iterable[Finding], rules: RuleRegistry) -> Masker:
        """The masker of a report from all its findings: the first rule to find one names it.

        A name's surname and given name are masked on their own too, as
        written or in capitals: a report that names "Margaret Thornbury" once
        goes on to say "Thornbury failed to record it", "Margaret said" and
        "THORNBURY", which no rule flags again.
        """
        kinds: dict[str, str] = {}
        for finding in sorted(findings, key=Finding.sort_key):
            if finding.secret and finding.secret not in kinds:
                rule = rules[finding.rule_id] if finding.rule_id in rules else None
                kinds[finding.secret] = rule.masked_as if rule else DEFAULT_KIND
        found = {_key(secret) for secret in kinds}
        alone = {word for secret, kind in kinds.items() if kind == NAME
                 for word in [surname(secret), given_name(secret)]
                 if word and _key(word) not in found}
        return cls({**kinds, **dict.fromkeys(alone, NAME)}, alone)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def text(self, text: str) -> str:
        if not self.kinds or not text:
            return text
        masked = self._done.get(text)
        if masked is None:
            masked = self._done[text] = self._mask(text)
        return masked

    def _mask(self, text: str) -> str:
        if self._pattern is not None:
            if self._by_first.keys().isdisjoint(_RUN.findall(text.casefold())):
                return text
            return self._pattern.sub(lambda m: mask(self.kinds.get(_key(m.group()), "")), text)
        if not self._may_hold(text):
            return text
        pieces, done = [], 0
        for start, end in self._spans(text):
            pieces += [text[done:start], mask(self.kinds.get(_key(text[start:end]), ""))]
            done = end
        return "".join(pieces) + text[done:] if pieces else text

    @cached_property
    def _first_runs(self) -> frozenset[str] | None:
        """Each identifier's first run of ASCII letters and digits, folded, or None
        if one starts with none (see :meth:`_may_hold`)."""
        runs = {_ASCII_RUN.match(fold(identifier.split()[0]))[0]  # type: ignore[index]
                for identifiers in (*self._in_trees.values(), self._others)
                for identifier in identifiers}
        return None if "" in runs else frozenset(runs)

    def _may_hold(self, text: str) -> bool:
        """Whether ``text`` may hold an identifier: not when none of its
        :func:`~scr_checks.prose.ascii_runs` (the few letters beyond ASCII that
        fold to an ASCII one folded first) is the first of one's.

        Where an identifier starts, its first word's first such run is the
        whole of such a run of the text.  Most texts hold none, and splitting
        a text's bytes tells so in a fraction of the time of looking.
        """
        if self._first_runs is None:
            return True
        if not text.isascii() and _ASCII_FOLDS.search(text):
            text = _ASCII_FOLDS.sub(lambda found: fold(found[0]), text)
        return not self._first_runs.isdisjoint(ascii_runs(text))

    @cached_property
    def _trees(self) -> list[WordTree]:
        """The identifiers found in any case, then those found as written, each
        as a tree, built when a text is first masked."""
        return [WordTree(identifiers, folded) for folded, identifiers in self._in_trees.items()
                if identifiers]

    def _spans(self, text: str) -> Iterator[tuple[int, int]]:
        """The span of each identifier in ``text``, in order, the longest of those
        starting at one place, from each tree and the other identifiers' patterns."""
        searches: list[Callable[[int], tuple[int, int] | None]] = [
            partial(tree.search, tree.stand_in(text)) for tree in self._trees]
        if self._by_first:
            searches.append(self._search_runs(text))
        found = [search(0) for search in searches]
        while True:
            starts = [span[0] for span in found if span is not None]
            if not starts:
                return
            start = min(starts)
            end = max(span[1] for span in found if span is not None and span[0] == start)
            yield start, end
            found = [span if span is None or span[0] >= end else search(end)
                     for span, search in zip(found, searches, strict=True)]

    def _search_runs(self, text: str) -> Callable[[int], tuple[int, int] | None]:
        """A search of ``text``, from a given place on, for the identifiers no tree
        holds: each run that starts one is tried with their patterns."""
        runs = [(run.start(), first) for run in _RUN.finditer(text)
                for first in [run[0].casefold()] if first in self._by_first]
        todo = iter(runs)

        def search(start: int) -> tuple[int, int] | None:
            for at, first in todo:
                if at < start:
                    continue
                pattern = self._first_patterns.get(first)
                if pattern is None:
                    pattern = self._first_patterns[first] = regex.compile(
                        "|".join(self._by_first[first]), regex.IGNORECASE)
                found = pattern.match(text, at)
                if found is not None:
                    return at, found.end()
            return None

        return search

    def value(self, value: Any) -> Any:
        """Strings anywhere in plain data (dict keys too), masked; other values as they are."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {self.value(k): self.value(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return type(value)(self.value(v) for v in value)
        return value

    def location(self, location: Location) -> Location:
        """The location with its headings and cue masked: the same one when they hold
        no identifier, as most do (a new location for each finding cost more than
        masking it)."""
        headings = tuple(self.text(h) for h in location.heading_path)
        cue = self.text(location.cue) if location.cue else location.cue
        if headings == location.heading_path and cue == location.cue:
            return location
        return replace(location, heading_path=headings, cue=cue)

    def finding(self, finding: Finding) -> Finding:
        """Every text of the finding masked; the identifier itself and its context dropped."""
        suppression = finding.suppression
        if suppression is not None and suppression.justification:
            suppression = replace(suppression, justification=self.text(suppression.justification))
        return finding.evolve(
            message=self.text(finding.message),
            snippet=self.text(finding.snippet),
            suggestion=self.text(finding.suggestion),
            location=self.location(finding.location),
            suppression=suppression,
            properties=self.value(finding.properties),
            secret="",
            context="",
        )

    def file(self, result: FileResult) -> None:
        """Mask, in place, everything of one report's result that reaches an output.

        Each finding is replaced in the result's list as it is masked, so that
        the findings before and after are not held together.
        """
        findings = result.findings
        for index, finding in enumerate(findings):
            findings[index] = self.finding(finding)
        result.errors = [ToolError(e.path, self.text(e.message), e.plugin)
                         for e in result.errors]
        result.extras = self.value(result.extras)
