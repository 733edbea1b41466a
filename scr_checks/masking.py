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
import string
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cached_property
from typing import Any

import regex

from scr_checks.patterns import compiled
from scr_checks.prose import is_plain
from scr_checks.results import FileResult, Finding, Location, ToolError
from scr_checks.rules import RuleRegistry

#: What an identifier found by a rule that names no kind is masked as.
DEFAULT_KIND = "identifier"
#: The kind of a person's name, whose surname is masked on its own as well.
NAME = "name"
_RUN = compiled(r"\w+")
#: The word characters (``\\w``) of ASCII: a plain text has no others.
_ASCII_WORD = frozenset(string.ascii_letters + string.digits + "_")
#: Every byte but those of :data:`_ASCII_WORD`, as a space.
_NOT_WORD = bytes(byte if chr(byte) in _ASCII_WORD else 32 for byte in range(256))
#: What ``\\s`` matches among the characters of plain text
#: (:func:`~scr_checks.prose.is_plain`): not "\\x1c" to "\\x1f", which
#: :meth:`str.split` takes for spaces too.
PLAIN_SPACE = " \t\n\v\f\r\u00a0"
#: The spaces between two words of an identifier in plain text, as ``\\s+``
#: matches them there.
_PLAIN_SPACES = f"[{PLAIN_SPACE}]+"
#: Characters that have no case: an identifier of them alone, with no space
#: (a date or a number written in figures), matches only as it is written.
_CASELESS = frozenset(string.digits + string.punctuation)


def mask(kind: str = DEFAULT_KIND) -> str:
    """The mask of an identifier of ``kind``: ``[name]``, ``[date]`` …"""
    return f"[{kind or DEFAULT_KIND}]"


def surname(name: str) -> str:
    """The last word of a name of two or more words, when it reads as a surname
    (a capital, then at least one more letter, apostrophe or hyphen); else ``""``."""
    words = name.split()
    last = words[-1] if len(words) > 1 else ""
    if (len(last) > 1 and last[0].isupper() and last[1:].replace("'", "").replace("’", "")
            .replace("-", "").isalpha()):
        return last
    return ""


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _literal(secret: str) -> tuple[str, bool] | None:
    """``secret`` as the text its :func:`_pattern` matches, and whether that
    pattern refuses a word character after it, when it has no case and no
    space: the pattern is then that text, found by comparing strings (its
    compilation cost ``regex`` more than a whole report's matching)."""
    word = secret.strip()
    if not word or not _CASELESS.issuperset(word):
        return None
    return word, regex.search(r"\w$", word) is not None


def _pattern(secret: str) -> str:
    """``secret`` as a pattern: any run of white space between its words, whole words only."""
    body = r"\s+".join(regex.escape(part) for part in secret.split())
    head = r"(?<!\w)" if regex.match(r"\w", secret.strip()) else ""
    tail = r"(?!\w)" if regex.search(r"\w$", secret.strip()) else ""
    return head + body + tail


def _literal_at(text: str, start: int, literals: list[tuple[str, bool]]) -> int:
    """Where the first of ``literals`` that stands at ``start`` ends, as their
    alternation's patterns would match there (each starts with a word
    character, so none follows one); 0 if none does."""
    if start and _RUN.match(text, start - 1):
        return 0
    for word, whole in literals:
        if text.startswith(word, start):
            end = start + len(word)
            if not (whole and _RUN.match(text, end)):
                return end
    return 0


#: The most words an identifier found through :class:`_Words` may have: its
#: pattern nests a group for each word, and the engine's parser recurses into them.
MOST_WORDS = 40


def _tree(identifiers: Iterable[str]) -> dict[str, Any]:
    """``identifiers`` (words between single spaces) as a tree of their words;
    the key ``""`` marks where one ends."""
    tree: dict[str, Any] = {}
    for identifier in identifiers:
        node = tree
        for word in identifier.split(" "):
            node = node.setdefault(word, {})
        node[""] = {}
    return tree


def _branches(tree: dict[str, Any]) -> str:
    """A pattern of the standard engine that matches, where a run starts, the
    longest identifier of ``tree`` (:func:`_tree`) as its alternation would.

    Of two words that both match at one place, one is the start of the other,
    and only the longer can go on (the shorter is followed by a character
    that is not a space), so the longer is tried first; after a word, going
    on to the next is tried before ending there, which needs no word character
    next when the word ends in one.
    """
    branches = []
    for word in sorted((word for word in tree if word), key=lambda word: (-len(word), word)):
        after = tree[word]
        end = r"(?!\w)" if word[-1] in _ASCII_WORD else ""
        more = {next_word: node for next_word, node in after.items() if next_word}
        going_on = f"{_PLAIN_SPACES}(?:{_branches(more)})" if more else ""
        branches.append(re.escape(word) + (
            f"(?:{going_on}|{end})" if going_on and "" in after else going_on or end))
    return "|".join(branches)


class _Words:
    """The identifiers that start with one run, all plain text, as a tree of
    their words in one pattern of the standard engine.

    A report that names hundreds of people sharing a first name tried hundreds
    of patterns at each mention; the tree tries a word once, and the standard
    engine compiles it in a fraction of the time ``regex`` takes over the
    alternation.  In plain text the two engines agree on letters, digits,
    spaces and case (the tests check the matches against the alternation's).
    """

    def __init__(self) -> None:
        #: The identifiers found in any case, in lower case, a space between words.
        self.any_case: set[str] = set()
        #: The identifiers found only as written, a space between words.
        self.as_written: set[str] = set()

    def add(self, identifier: str, as_written: bool) -> None:
        words = " ".join(identifier.split())
        (self.as_written if as_written else self.any_case).add(
            words if as_written else words.lower())

    @cached_property
    def _any_case(self) -> re.Pattern[str] | None:
        return _compiled(self.any_case)

    @cached_property
    def _as_written(self) -> re.Pattern[str] | None:
        return _compiled(self.as_written)

    def match(self, text: str, lowered: str, start: int) -> int:
        """Where the longest identifier standing at ``start`` of plain ``text``
        ends (``start`` begins a run), or 0; ``lowered`` is ``text`` in lower case."""
        found = self._any_case.match(lowered, start) if self._any_case is not None else None
        end = found.end() if found is not None else 0
        found = self._as_written.match(text, start) if self._as_written is not None else None
        return max(end, found.end()) if found is not None else end


def _compiled(identifiers: set[str]) -> re.Pattern[str] | None:
    """The pattern of :func:`_branches` for ``identifiers``, if there are any."""
    return re.compile(_branches(_tree(identifiers)), re.ASCII) if identifiers else None


class Masker:
    """Replaces each of a report's identifiers, in any case and spacing, by its mask."""

    def __init__(self, kinds: Mapping[str, str], as_written: Iterable[str] = ()) -> None:
        """``kinds`` maps each identifier to the kind its mask names; those
        also in ``as_written`` are masked only in the case they are written in
        (a surname on its own: "Young" but not "young people")."""
        self.kinds = {_key(secret): kind for secret, kind in kinds.items()
                      if any(ch.isalnum() for ch in secret)}
        originals = {_key(s): s for s in kinds}
        exact = {_key(s) for s in as_written}
        ordered = sorted(self.kinds, key=lambda k: (-len(k), k))
        patterns = {k: f"(?-i:{_pattern(originals[k])})" if k in exact else _pattern(originals[k])
                    for k in ordered}
        #: Whether every identifier starts with a letter or digit, so that a
        #: match can start only where a run of them does (see :meth:`_mask`).
        self._at_runs = all(_RUN.match(originals[k].strip()) for k in ordered)
        #: Each identifier's first run of letters or digits -> the patterns of
        #: the identifiers it starts, longest first: at a run, only the
        #: identifiers that start with it can match there.
        self._by_first: dict[str, list[str]] = {}
        literals: dict[str, list[tuple[str, bool] | None]] = {}
        #: Each first run's identifiers as :class:`_Words`, when all of them are
        #: plain text of at most :data:`MOST_WORDS` words (else the run is left
        #: out): in plain text they are found through it, not the alternation.
        self._words: dict[str, _Words] = {}
        mixed = set()
        for k in ordered:
            first = _RUN.findall(k)[0]
            self._by_first.setdefault(first, []).append(patterns[k])
            literals.setdefault(first, []).append(_literal(originals[k]))
            if is_plain(originals[k]) and len(k.split()) <= MOST_WORDS and first not in mixed:
                self._words.setdefault(first, _Words()).add(originals[k], k in exact)
            else:
                mixed.add(first)
                self._words.pop(first, None)
        #: The first runs whose identifiers are all :func:`_literal`, and those
        #: literals, in the order of their patterns.
        self._literals: dict[str, list[tuple[str, bool]]] = {
            first: [w for w in words if w is not None] for first, words in literals.items()
            if None not in words}
        #: Each first run's identifiers as one pattern, compiled when a text
        #: first holds that run.
        self._first_patterns: dict[str, regex.Pattern[str]] = {}
        #: Every identifier, for the rare report with one that starts with
        #: neither a letter nor a digit.
        self._pattern = None if self._at_runs or not ordered else regex.compile(
            "|".join(patterns.values()), regex.IGNORECASE)
        #: Texts already masked: a report's headings, sentences and messages
        #: reach the masker many times (its outputs, then its fingerprints).
        self._done: dict[str, str] = {}

    @classmethod
    def of(cls, findings: Iterable[Finding], rules: RuleRegistry) -> Masker:
        """The masker of a report from all its findings: the first rule to find one names it.

        A name's surname is masked on its own too, as written: a report that
        names "Margaret Thornbury" once goes on to say "Thornbury failed to
        record it" and "Thornbury's partner", which no rule flags again.
        """
        kinds: dict[str, str] = {}
        for finding in sorted(findings, key=Finding.sort_key):
            if finding.secret and finding.secret not in kinds:
                rule = rules[finding.rule_id] if finding.rule_id in rules else None
                kinds[finding.secret] = rule.masked_as if rule else DEFAULT_KIND
        found = {_key(secret) for secret in kinds}
        surnames = {word for secret, kind in kinds.items() if kind == NAME
                    for word in [surname(secret)] if word and _key(word) not in found}
        return cls({**kinds, **dict.fromkeys(surnames, NAME)}, surnames)

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
        # A pattern is tried only at the start of a run whose letters start an
        # identifier, and only that run's identifiers, not all of them at every
        # character: what one alternation's ``sub`` finds, for a tenth of the
        # time on a report with a few hundred identifiers (and half again on a
        # paragraph with thousands); a text whose runs start none passes unchanged.
        lowered = text.lower() if is_plain(text) else None
        starts = (self._plain_starts(lowered) if lowered is not None
                  else [(run.start(), run[0].casefold()) for run in _RUN.finditer(text)])
        pieces, done = [], 0
        for start, first in starts:
            if start < done:
                continue
            end = self._end(text, lowered, start, first)
            if end:
                pieces += [text[done:start], mask(self.kinds.get(_key(text[start:end]), ""))]
                done = end
        return "".join(pieces) + text[done:] if pieces else text

    def _end(self, text: str, lowered: str | None, start: int, first: str) -> int:
        """Where the longest identifier standing at ``start`` of ``text`` ends, or 0;
        ``first`` is the run there, folded, and ``lowered`` the text in lower case
        if it is plain (else None)."""
        literals = self._literals.get(first)
        if literals is not None:
            return _literal_at(text, start, literals)
        words = self._words.get(first) if lowered is not None else None
        if words is not None and lowered is not None:
            return words.match(text, lowered, start)
        pattern = self._first_patterns.get(first)
        if pattern is None:
            if first not in self._by_first:
                return 0
            pattern = self._first_patterns[first] = regex.compile(
                "|".join(self._by_first[first]), regex.IGNORECASE)
        found = pattern.match(text, start)
        return 0 if found is None else found.end()

    def _plain_starts(self, folded: str) -> list[tuple[int, str]]:
        """Where each run of a plain text (:func:`~scr_checks.prose.is_plain`),
        given in lower case, that starts an identifier stands, and the run, in
        text order.

        Each match of the run pattern costs the engine as much as searching a
        few hundred characters, and a report's findings quote most of its
        text.  A plain text's runs are of ASCII letters, digits and "_", which
        lowering (casefolding, for them) leaves in place: its bytes, all else
        made spaces, split into them at once, and only the runs among them
        that start an identifier are looked for, each where it stands whole.
        """
        runs = folded.encode("ascii", "replace").translate(_NOT_WORD).decode("ascii").split()
        found = []
        for first in self._by_first.keys() & runs:
            at = folded.find(first)
            while at >= 0:
                end = at + len(first)
                if not (at and folded[at - 1] in _ASCII_WORD) and \
                        folded[end:end + 1] not in _ASCII_WORD:
                    found.append((at, first))
                at = folded.find(first, at + 1)
        found.sort()
        return found

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
