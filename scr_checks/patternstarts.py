"""What a word-list pattern can start with, read from its text.

A word list is one case-insensitive alternation; knowing how each entry can
begin lets it be searched faster.  If every entry starts with a letter or
digit, a match also starts at a word boundary, which the engine tests
quickly.  If every entry's first word is one of a few known words, a
paragraph holding none of them need not be searched at all: most paragraphs
hold none.  The reading is cautious: whatever it does not understand (a
class range, ``\\w``, a repeated letter, an inline flag) answers "may", and
the list is then searched everywhere as before.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

#: An inline flag or a group of another kind than (?:, (?=, (?!, (?<= and (?<!.
_FLAGS = regex.compile(r"\(\?[\w^-]")
#: Pattern characters that match only a character outside a run of letters and digits.
_BREAKS = frozenset(" -'’.,/&:;!\"#%<>=@~_‘“”–—")
#: More first words than this for one entry and it is searched everywhere.
_MOST_WORDS = 256
#: What the reading knows of a match so far: its first word, and whether it has ended.
_State = tuple[str, bool]
#: An item that matches no character: the word goes on unchanged.
_ZERO_WIDTH: set[_State] = {("", False)}
#: An item that matches a character outside a word: the word ends.
_BREAK: set[_State] = {("", True)}


def first_words(pattern: str) -> frozenset[str] | None:
    """Every word a match of ``pattern`` can start with, case-folded; None if unknown.

    A match's first word is the run of letters and digits at its start, and
    a match ends where a word does (a word list's pattern ends with
    ``(?![\\w-])``), so a text whose words (:func:`scr_checks.word_runs`,
    folded) include none of these holds no match.
    """
    if _FLAGS.search(pattern):
        return None
    states = _alternatives(pattern)
    if states is None or any(not word for word, _ in states):
        return None
    return frozenset(word for word, _ in states)


def _alternatives(pattern: str) -> set[_State] | None:
    out: set[_State] = set()
    for branch in _split(pattern):
        states = _sequence(branch)
        if states is None:
            return None
        out |= states
    return out


def _sequence(branch: str) -> set[_State] | None:
    """The first words of one alternative, read until every one has ended."""
    states: set[_State] = {("", False)}
    i = 0
    while i < len(branch) and not all(ended for _, ended in states):
        item = _item(branch, i)
        if item is None:
            return None
        options, i = item
        following: set[_State] = set()
        for word, ended in states:
            if ended:
                following.add((word, True))
            else:
                following.update((word + more, stop) for more, stop in options)
        if len(following) > _MOST_WORDS:
            return None
        states = following
    return states


def _item(branch: str, i: int) -> tuple[set[_State], int] | None:
    """What the item at ``branch[i]`` adds to a first word, and where the next begins."""
    char = branch[i]
    if char.isascii() and char.isalnum():
        options, end = {(char.lower(), False)}, i + 1
    elif char in _BREAKS:
        options, end = _BREAK, i + 1
    elif char in "^$":
        return _ZERO_WIDTH, i + 1
    elif char == "\\":
        escaped = branch[i + 1:i + 2]
        if escaped in ("b", "A", "Z"):
            return _ZERO_WIDTH, i + 2
        if escaped != "s" and (not escaped or escaped.isalnum() or not escaped.isascii()):
            return None
        options, end = _BREAK, i + 2
    elif char == "[":
        found = _class(branch, i)
        if found is None:
            return None
        options, end = found
    elif char == "(":
        close = _closing(branch[i:])
        if close is None:
            return None
        inner, end = branch[i + 1:i + close], i + close + 1
        if inner.startswith(("?=", "?!", "?<=", "?<!")):
            return _ZERO_WIDTH, end  # it only narrows the matches
        if inner.startswith("?:"):
            inner = inner[2:]
        elif inner.startswith("?"):
            return None
        found_inner = _alternatives(inner)
        if found_inner is None:
            return None
        options = found_inner
    else:
        return None
    return _quantified(branch, options, end)


def _quantified(branch: str, options: set[_State], end: int) -> tuple[set[_State], int] | None:
    """Apply the quantifier after an item: "?" may skip it, a break may repeat."""
    quantifier = branch[end:end + 1]
    lazy_or_possessive = branch[end + 1:end + 2] in ("?", "+")
    if quantifier == "?":
        return options | _ZERO_WIDTH, end + 1 + lazy_or_possessive
    if quantifier in ("*", "+") and options == _BREAK:
        return options | (_ZERO_WIDTH if quantifier == "*" else set()), end + 1 + lazy_or_possessive
    if quantifier in ("*", "+", "{"):
        return None
    return options, end


def _class(branch: str, i: int) -> tuple[set[_State], int] | None:
    """A class of single letters, digits and breaks ("[ey]", "[- ]", "[\\s-]"); no ranges."""
    j = i + 1
    options: set[_State] = set()
    while j < len(branch) and branch[j] != "]":
        char = branch[j]
        if char == "\\":
            escaped = branch[j + 1:j + 2]
            if escaped != "s" and (not escaped or escaped.isalnum() or not escaped.isascii()):
                return None
            options |= _BREAK
            j += 2
            continue
        if char == "^" and j == i + 1:
            return None
        if char == "-" and j != i + 1 and branch[j + 1:j + 2] != "]":
            return None  # a range
        if char.isascii() and char.isalnum():
            options.add((char.lower(), False))
        elif char in _BREAKS:
            options |= _BREAK
        else:
            return None
        j += 1
    return (options, j + 1) if j < len(branch) and options else None


def starts_word(pattern: str) -> bool:
    """True only if every match of ``pattern`` starts with a letter or digit.

    A cautious reading of the pattern: each alternative must open with an
    ASCII letter or digit, ``\\w`` or ``\\d``, or a group that does, after any
    look-around; an optional first part must be followed by one that does.
    Anything else (a class, a space, an escape) counts as "may not".
    """
    if _FLAGS.search(pattern):  # "(?w)" anywhere changes what \\b means
        return False
    return all(_branchstarts_word(b) for b in _split(pattern))


def _branchstarts_word(branch: str) -> bool:
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
            return _branchstarts_word(branch[close + 1:])  # zero width
        if inner.startswith("?:"):
            inner = inner[2:]
        elif inner.startswith("?"):
            return False  # flags, named groups and the like: not read here
        size, proven = close + 1, starts_word(inner)
    else:
        return False
    rest = branch[size:]
    if rest[:1] in ("?", "*", "{"):  # the first part may be absent
        return proven and _branchstarts_word(rest.lstrip("?*+").lstrip("?"))
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


