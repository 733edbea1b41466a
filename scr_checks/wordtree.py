"""Many identifiers found at once: a tree of their words, matched over a stand-in text.

The masker hides a report's identifiers wherever they stand, in any case and
with any spaces between their words.  Tried one ``regex`` pattern at a time
where each identifier's first word stood, a report naming hundreds of people
with the same first names had hundreds of patterns tried at each mention.
Here they make one tree of words, compiled once by the standard engine (in a
fraction of the time ``regex`` takes over their alternation), and matched
over a stand-in of the text, of the same length, in which:

- each character is replaced by the one standing for all that ``regex``,
  ignoring case, takes for one another (``data/case_folds.txt``);
- a space, to ``regex``, becomes a plain space;
- any other letter or digit that no identifier holds becomes ``WORD``, and
  any other character that no identifier holds ``OTHER``.

So the standard engine compares single characters, and needs nothing of its
own idea of letters, spaces or case.  One difference from ``regex``: it takes
"i" and "I" for dotted "İ" and dotless "ı" both ways (``regex`` pairs each
Turkish i with one of them only), so that it masks more, never less.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import cache
from typing import Any

import regex

from scr_checks.patterns import compiled
from scr_checks.shipped import shipped_file

#: Stand-in for a letter or digit that no identifier holds: one the standard
#: engine, too, takes for a letter, and lowering leaves as it is (an Adlam
#: small letter).
WORD = "\U0001E922"
#: Stand-in for any other character that no identifier holds.
OTHER = "\x02"
#: The most words an identifier in a tree may have: the pattern nests a
#: group for each word, and the engine's parser recurses into them.
MOST_WORDS = 40
_SPACE = compiled(r"\s")
_LETTER = compiled(r"\w")
#: The spaces of a stand-in text, where every space (to ``regex``) is a plain
#: one: short, since the pattern repeats it between each two words, and the
#: engine's parser reads a pattern a character at a time.
_SPACES = " +"
#: The spaces, to ``regex``, of ASCII but the plain one.
_ASCII_SPACES = "\t\n\v\f\r"
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


@cache
def case_folds() -> dict[str, str]:
    """Each character that ``regex``, ignoring case, takes for another -> the one
    character standing for them all (a small letter, an ASCII one first)."""
    folds = {}
    text = shipped_file("scr_checks", "data", "case_folds.txt").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            members = [chr(int(code, 16)) for code in line.split()]
            folds.update(dict.fromkeys(members, members[0]))
    return folds


def fold(text: str) -> str:
    """``text`` with each character replaced by its :func:`case_folds` stand-in
    (of the same length: ASCII lowered)."""
    if text.isascii():
        return text.lower()
    return text.translate(_fold_table())


@cache
def _fold_table() -> dict[int, str]:
    return {ord(char): stand_in for char, stand_in in case_folds().items()}


def regex_case_classes() -> list[list[str]]:
    """The characters that ``regex``, ignoring case, takes for one another, as
    classes of two or more (the first standing for the class): what
    ``data/case_folds.txt`` holds, made by a maintainer's script and checked by
    the tests, since working it out takes a second.

    Each character that lowering, raising, title-casing or case-folding
    changes is matched against all the others; those that match join a class.
    """
    characters = [char for char in map(chr, range(sys.maxunicode + 1))
                  if any(other != char for other in
                         (char.lower(), char.upper(), char.title(), char.casefold()))]
    everything = "".join(characters)
    joined = {char: char for char in characters}

    def root(char: str) -> str:
        while joined[char] != char:
            char = joined[char]
        return char

    for char in characters:
        for other in regex.findall(regex.escape(char), everything, regex.IGNORECASE):
            joined[root(other)] = root(char)
    classes: dict[str, list[str]] = {}
    for char in characters:
        classes.setdefault(root(char), []).append(char)
    return [sorted(members, key=lambda c: (not c.islower(), not c.isascii(), c))
            for members in sorted(classes.values()) if len(members) > 1]


class _StandIns(dict[int, str]):
    """Each character's stand-in before lowering (see :meth:`WordTree.stand_in`),
    ASCII's itself, worked out when first met: a :meth:`str.translate` table."""

    def __init__(self, alphabet: frozenset[str], folded: bool) -> None:
        super().__init__((code, chr(code)) for code in range(128))
        self.alphabet = alphabet
        self.folded = folded

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if _SPACE.match(char):
            stand_in = " "
        else:
            folded = case_folds().get(char, char) if self.folded else char
            stand_in = folded if folded in self.alphabet else (
                WORD if _LETTER.match(char) else OTHER)
        self[code] = stand_in
        return stand_in


def _letter(alphabet: frozenset[str]) -> str:
    """What a stand-in text's letters and digits are to the standard engine:
    ``\\w``, but for the identifiers' characters on which it and ``regex`` differ
    (an accent alone is one of ``regex``'s, "²" one of its own; any other
    character is a stand-in, the same to both)."""
    plus = "".join(sorted(c for c in alphabet if _LETTER.match(c) and not re.match(r"\w", c)))
    minus = "".join(sorted(c for c in alphabet if re.match(r"\w", c) and not _LETTER.match(c)))
    word = f"[^\\W{re.escape(minus)}]" if minus else r"\w"
    return f"(?:{word}|[{re.escape(plus)}])" if plus else word


def _plain_spaces(text: str) -> str:
    """``text`` with each of ASCII's spaces, to ``regex``, made a plain one."""
    for space in _ASCII_SPACES:
        if space in text:
            text = text.replace(space, " ")
    return text


class WordTree:
    """Identifiers, all of them starting with a letter, digit or "_", as one pattern.

    ``folded``: found in any case (else only as written).  Each identifier's
    words are what :meth:`str.split` makes of it, as its ``regex`` pattern
    has them.
    """

    def __init__(self, identifiers: Iterable[str], folded: bool) -> None:
        self.folded = folded
        words = [(fold(identifier) if folded else identifier).split()
                 for identifier in identifiers]
        alphabet = frozenset(char for identifier in words for word in identifier for char in word)
        self._stand_ins = _StandIns(alphabet, folded)
        self._letter = _letter(alphabet)
        tree: dict[str, Any] = {}
        for identifier in words:
            node = tree
            for word in identifier:
                node = node.setdefault(word, {})
            node[""] = {}
        self._letter_at = re.compile(self._letter).match
        # Grouped by their first character, and with no look behind first,
        # the words that start an identifier let the engine pass over the
        # characters that start none without trying a branch there.
        firsts: dict[str, list[str]] = {}
        for word, rest in self._branches(tree):
            firsts.setdefault(word[0], []).append(re.escape(word[1:]) + rest)
        self._pattern = re.compile("|".join(
            f"{re.escape(first)}(?:{'|'.join(rests)})" if len(rests) > 1
            else re.escape(first) + rests[0] for first, rests in firsts.items()))

    def _branches(self, tree: dict[str, Any]) -> list[tuple[str, str]]:
        """Each word of the top of ``tree``, and a pattern for what may follow it,
        in the order that matches the longest identifier where one starts.

        Of two words that both match at one place, one is the start of the
        other, and only the longer can go on (the shorter is followed by a
        character that is not a space), so the longer is tried first; after a
        word, going on to the next is tried before ending there, which needs
        no letter or digit next when the word ends in one.
        """
        branches = []
        for word in sorted((word for word in tree if word), key=lambda word: (-len(word), word)):
            after = tree[word]
            end = f"(?!{self._letter})" if _LETTER.match(word[-1]) else ""
            more = {next_word: node for next_word, node in after.items() if next_word}
            nested = "|".join(re.escape(next_word) + rest
                              for next_word, rest in self._branches(more))
            going_on = _SPACES + (f"(?:{nested})" if len(more) > 1 else nested) if more else ""
            branches.append((word, f"(?:{going_on}|{end})" if going_on and "" in after
                             else going_on or end))
        return branches

    def stand_in(self, text: str) -> str:
        """``text`` as this tree's pattern reads it (see the module's docstring).

        Each character but an ASCII one is replaced by its stand-in, then the
        text is lowered if the tree is folded (which leaves every stand-in as
        it is: the tests check them all), and ASCII's spaces made plain.  A
        few such characters in a long text are replaced one by one, for
        translating looks up every character.
        """
        if not text.isascii():
            if len(text.encode("utf-8", "surrogatepass")) - len(text) > len(text) // 16:
                text = text.translate(self._stand_ins)
            else:
                text = _NOT_ASCII.sub(self._replacement, text)
        return _plain_spaces(text.lower() if self.folded else text)

    def _replacement(self, found: re.Match[str]) -> str:
        return self._stand_ins[ord(found[0])]

    def search(self, stand_in: str, start: int) -> tuple[int, int] | None:
        """The span of the first identifier at or after ``start`` of a :meth:`stand_in`
        text (the longest, of those that start there), or None."""
        found = self._pattern.search(stand_in, start)
        # Where a letter comes before, a word starts none: on from the next.
        while found is not None and found.start() and self._letter_at(stand_in,
                                                                      found.start() - 1):
            found = self._pattern.search(stand_in, found.start() + 1)
        return found.span() if found is not None else None


def eligible(identifier: str) -> bool:
    """Whether a tree can hold ``identifier``: no stand-in character, and at most
    :data:`MOST_WORDS` words."""
    return WORD not in identifier and OTHER not in identifier and \
        len(identifier.split()) <= MOST_WORDS
