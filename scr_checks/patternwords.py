"""What words a word-list pattern's matches start with or must hold, read from its text.

A word list is one case-insensitive alternation; knowing its entries' words
lets it be searched faster.  If every entry starts with a letter or digit, a
match also starts at a word boundary, which the engine tests quickly.  If
every match must hold one of a few known words, a paragraph holding none of
them need not be searched at all: most paragraphs hold none.  The reading is
cautious: whatever it does not understand (a class range, ``\\w``, a repeated
letter, an inline flag) answers "unknown", and the list is then searched
everywhere as before.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

#: An inline flag or a group of another kind than (?:, (?=, (?!, (?<= and (?<!.
_FLAGS = regex.compile(r"\(\?[\w^-]")
#: Pattern characters that match only a character outside a run of letters and digits.
_BREAKS = frozenset(" -'’,/&:;!\"#%<>=@~_‘“”–—")
#: More words than this in one place of an entry and it is searched everywhere.
_MOST_WORDS = 256
#: What the reading knows of a match so far: its first (or last) word, and
#: whether that word has ended.  A match's first word is the run of letters and
#: digits at its start; a match starts and ends where a word does (a word
#: list's pattern is wrapped in ``(?<![\\w'’-])`` and ``(?![\\w-])``).
_State = tuple[str, bool]
#: An item that matches no character: the word goes on unchanged.
_ZERO_WIDTH: frozenset[_State] = frozenset({("", False)})
#: An item that matches a character outside a word: the word ends.
_BREAK: frozenset[_State] = frozenset({("", True)})
#: One item of a pattern: what it adds to a word (a group's text, read when
#: the direction is known; None if not understood), and its quantifier.
_Item = tuple[frozenset[_State] | str | None, str]


def required_words(pattern: str) -> frozenset[str] | None:
    """Words, case-folded, of which every match of ``pattern`` holds one; None if unknown.

    For each alternative, of the sets the reading can prove (its first words,
    its last words, or the words in one place between two spaces every match
    has, as "(?:clear|obvious)" in "it was (?:clear|obvious) that"), the one
    whose shortest word is longest: short words ("it", "to") are in most
    paragraphs.
    """
    if _FLAGS.search(pattern):
        return None
    needed: set[str] = set()
    for branch in _split(pattern):
        proven = [_end_words(branch, backward=False), _end_words(branch, backward=True),
                  *map(_whole_words, _spaced(branch))]
        found = [words for words in proven if words]
        if not found:
            return None
        needed |= max(found, key=lambda words: (min(map(len, words)), -len(words)))
    return frozenset(needed)


def _end_words(branch: str, backward: bool) -> set[str] | None:
    """The words a match of ``branch`` can start (or end) with."""
    states = _read(branch, backward)
    if states is None or any(not word for word, _ in states):
        return None
    return {word for word, _ in states}


def _spaced(branch: str) -> list[str]:
    """The parts of ``branch`` between spaces that every match has."""
    parts, start = [], 0
    for i, char, depth in _structure(branch):
        if char == " " and depth == 0 and branch[i + 1:i + 2] not in ("?", "*", "{"):
            parts.append(branch[start:i])
            start = i + 1
    return [*parts, branch[start:]]


def _whole_words(part: str) -> set[str] | None:
    """The words ``part`` matches if it only ever matches one whole word."""
    states = _read(part, backward=False)
    if states is None or any(ended or not word for word, ended in states):
        return None
    return {word for word, _ in states}


def _alternatives(pattern: str, backward: bool) -> frozenset[_State] | None:
    out: set[_State] = set()
    for branch in _split(pattern):
        states = _read(branch, backward)
        if states is None:
            return None
        out |= states
    return frozenset(out)


def _read(branch: str, backward: bool) -> set[_State] | None:
    """The first (or last) words of one alternative, read until every one has ended."""
    items, complete = _items(branch)
    if backward and not complete:
        return None
    states: set[_State] = {("", False)}
    for options, quantifier in reversed(items) if backward else items:
        if all(ended for _, ended in states):
            break
        if isinstance(options, str):
            options = _alternatives(options, backward)
        quantified = _quantified(options, quantifier)
        if quantified is None:
            return None
        following: set[_State] = set()
        for word, ended in states:
            if ended:
                following.add((word, True))
            else:
                following.update(((more + word) if backward else (word + more), stop)
                                 for more, stop in quantified)
        if len(following) > _MOST_WORDS:
            return None
        states = following
    else:
        if not complete and not all(ended for _, ended in states):
            return None
    return states


def _quantified(options: frozenset[_State] | None, quantifier: str) -> frozenset[_State] | None:
    """An item's options under its quantifier: "?" may skip it, a break may repeat."""
    if options is None:
        return None
    if quantifier == "?":
        return options | _ZERO_WIDTH
    if quantifier in ("*", "+") and options == _BREAK:
        return options | _ZERO_WIDTH if quantifier == "*" else options
    return options if not quantifier else None


def _items(branch: str) -> tuple[list[_Item], bool]:
    """The items of ``branch`` in order, and whether all of it was read."""
    items: list[_Item] = []
    i = 0
    while i < len(branch):
        item = _item(branch, i)
        if item is None:
            return items, False
        options, i = item
        quantifier = branch[i:i + 1] if branch[i:i + 1] in ("?", "*", "+", "{") else ""
        if quantifier == "{":
            close = branch.find("}", i)
            if close < 0:
                return items, False
            i = close + 1
        elif quantifier:
            i += 1
        if quantifier and branch[i:i + 1] in ("?", "+"):
            i += 1  # lazy or possessive: the same words
        items.append((options, quantifier))
    return items, True


def _item(branch: str, i: int) -> tuple[frozenset[_State] | str | None, int] | None:
    """What the item at ``branch[i]`` adds to a word, and where it ends; None if lost."""
    char = branch[i]
    if char.isascii() and char.isalnum():
        return frozenset({(char.lower(), False)}), i + 1
    if char in _BREAKS:
        return _BREAK, i + 1
    if char in "^$":
        return _ZERO_WIDTH, i + 1
    if char == ".":
        return None, i + 1
    if char == "\\":
        escaped = branch[i + 1:i + 2]
        if escaped in ("b", "A", "Z"):
            return _ZERO_WIDTH, i + 2
        if escaped == "s" or (escaped and escaped.isascii() and not escaped.isalnum()):
            return _BREAK, i + 2
        return (None, i + 2) if escaped in ("w", "W", "d", "D", "S", "B") else None
    if char == "[":
        return _class(branch, i)
    if char == "(":
        close = _closing(branch[i:])
        if close is None:
            return None
        inner, end = branch[i + 1:i + close], i + close + 1
        if inner.startswith(("?=", "?!", "?<=", "?<!")):
            return _ZERO_WIDTH, end  # it only narrows the matches
        if inner.startswith("?:"):
            return inner[2:], end
        return (None, end) if inner.startswith("?") else (inner, end)
    return None


def _class(branch: str, i: int) -> tuple[frozenset[_State] | None, int] | None:
    """A class of single letters, digits and breaks ("[ey]", "[- ]", "[\\s-]"); no ranges."""
    j = i + 1 + (branch[i + 1:i + 2] == "^")
    j += branch[j:j + 1] == "]"  # a "]" first is a member
    understood = branch[i + 1:i + 2] not in ("^", "]")
    options: set[_State] = set()
    while j < len(branch) and branch[j] != "]":
        char = branch[j]
        if char == "\\":
            escaped = branch[j + 1:j + 2]
            if escaped == "s" or (escaped and escaped.isascii() and not escaped.isalnum()):
                options |= _BREAK
            else:
                understood = False
            j += 2
            continue
        if char == "-" and j != i + 1 and branch[j + 1:j + 2] != "]":
            understood = False  # a range
        elif char.isascii() and char.isalnum():
            options.add((char.lower(), False))
        elif char in _BREAKS or char == ".":
            options |= _BREAK
        else:
            understood = False
        j += 1
    if j >= len(branch):
        return None
    return (frozenset(options) if understood and options else None), j + 1


def starts_word(pattern: str) -> bool:
    """True only if every match of ``pattern`` starts with a letter or digit.

    A cautious reading of the pattern: each alternative must open with an
    ASCII letter or digit, ``\\w`` or ``\\d``, or a group that does, after any
    look-around; an optional first part must be followed by one that does.
    Anything else (a class, a space, an escape) counts as "may not".
    """
    if _FLAGS.search(pattern):  # "(?w)" anywhere changes what \\b means
        return False
    return all(_branch_starts_word(b) for b in _split(pattern))


def _branch_starts_word(branch: str) -> bool:
    if not branch:
        return False
    if branch[0].isascii() and branch[0].isalnum():
        size, proven = 1, True
    elif branch[:2] in (r"\w", r"\d"):
        size, proven = 2, True
    elif branch[0] == "(":
        close = _closing(branch)
        if close is None:
            return False
        inner = branch[1:close]
        if inner.startswith(("?=", "?!", "?<=", "?<!")):
            return _branch_starts_word(branch[close + 1:])  # zero width
        if inner.startswith("?:"):
            inner = inner[2:]
        elif inner.startswith("?"):
            return False  # flags, named groups and the like: not read here
        size, proven = close + 1, starts_word(inner)
    else:
        return False
    rest = branch[size:]
    if rest[:1] in ("?", "*", "{"):  # the first part may be absent
        return proven and _branch_starts_word(rest.lstrip("?*+").lstrip("?"))
    return proven


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each character outside escapes and classes, with the group depth after it."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth += (char == "(") - (char == ")")
            yield i, char, depth
        i += 1


def _split(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``."""
    out, start = [], 0
    for i, char, depth in _structure(pattern):
        if char == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    return [*out, pattern[start:]]


def _closing(pattern: str) -> int | None:
    """The index of the parenthesis closing the one ``pattern`` opens with."""
    return next((i for i, char, depth in _structure(pattern) if char == ")" and depth == 0),
                None)


