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

from functools import lru_cache
from typing import Any, NamedTuple

from scr_checks.patterns import compiled

#: An inline flag or a group of another kind than (?:, (?=, (?!, (?<= and (?<!.
_FLAGS = compiled(r"\(\?[\w^-]")
#: Pattern characters that match only a character outside a run of letters and digits.
_BREAKS = frozenset(" -'’,/&:;!\"#%<>=@~_‘“”–—")
#: A run of ASCII letters and digits in a pattern.
_LETTERS = compiled(r"[A-Za-z0-9]+")
#: How a group opens, longest first; "(" alone is a capturing group.
_OPENINGS = ("(?<=", "(?<!", "(?:", "(?=", "(?!", "(")
#: Escapes that stand for one character the reading does not follow.
_UNREAD_ESCAPES = frozenset("wWdDSB")
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


class _Item(NamedTuple):
    """One item of a pattern, with its quantifier ("", "?", "*", "+" or "{")."""

    #: What it adds to a word; a group's alternatives; None if not understood.
    options: frozenset[_State] | tuple[tuple[_Item, ...], ...] | None
    quantifier: str
    #: The item's own text: "a", " ", "\\w", "(?:…)".
    text: str


_Alternation = tuple[tuple[_Item, ...], ...]


def required_words(pattern: str) -> frozenset[str] | None:
    """Words, case-folded, of which every match of ``pattern`` holds one; None if unknown.

    For each alternative, of the sets the reading can prove (its first words,
    its last words, or the words in one place between two spaces every match
    has, as "(?:clear|obvious)" in "it was (?:clear|obvious) that"), the one
    whose shortest word is longest: short words ("it", "to") are in most
    paragraphs.
    """
    branches = word_sets(pattern)
    if branches is None:
        return None
    return frozenset(word for sets in branches for word in sets[0])


def word_sets(pattern: str) -> list[list[frozenset[str]]] | None:
    """For each alternative of ``pattern``, the sets of words, case-folded, of
    each of which its every match holds one; None if some alternative has none.

    An alternative's first set is the one :func:`required_words` takes for
    it; the others (its first words, its last, a whole word between spaces)
    must be present too, so a paragraph holding a word of the first but none
    of another ("safeguarding" without "contextual") cannot match.
    """
    alternation = _parsed(pattern)
    if alternation is None:
        return None
    out: list[list[frozenset[str]]] = []
    for branch in alternation:
        proven = [_end_words(branch, backward=False), _end_words(branch, backward=True),
                  *map(_whole_words, _spaced(branch))]
        found = list(dict.fromkeys(frozenset(words) for words in proven if words))
        if not found:
            return None
        best = max(found, key=lambda words: (min(map(len, words)), -len(words)))
        out.append([best, *(words for words in found if words != best)])
    return out


def first_words(pattern: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The words, case-folded, that a match of ``pattern`` can start with, and the
    beginnings of words it can start with; None if unknown.

    A match's first word is its run of letters and digits at its start, and
    what follows it is no letter or digit: a break or, at the match's end,
    none (a word list's pattern is wrapped in ``(?![\\w-])``).  So a match
    can only start where one of the words is a whole run of the case-folded
    text, or where a run starts with one of the beginnings: an alternative
    of letters and then any word characters ("LGBT\\w*") gives its letters.
    """
    alternation = _parsed(pattern)
    if alternation is None:
        return None
    words: set[str] = set()
    beginnings: set[str] = set()
    for branch in alternation:
        found = _end_words(branch, backward=False)
        if found is not None:
            words |= found
        elif len(branch) > 1 and _letters(branch[0]) and branch[1].text == "\\w" \
                and branch[1].quantifier in ("*", "+"):
            beginnings.add(branch[0].text.lower())
        else:
            return None
    return frozenset(words), frozenset(beginnings)


def _letters(item: _Item) -> bool:
    """Whether ``item`` is a run of ASCII letters and digits, matched once."""
    return not item.quantifier and item.text.isascii() and item.text.isalnum()


def starts_word(pattern: str) -> bool:
    """True only if every match of ``pattern`` starts with a letter or digit.

    Each alternative must open with an ASCII letter or digit, ``\\w`` or
    ``\\d``, or a group that does, after any look-around; an optional first
    part must be followed by one that does.  Anything else (a class, a space,
    an escape) counts as "may not".
    """
    alternation = _parsed(pattern)
    return alternation is not None and _all_start_word(alternation)


def _all_start_word(alternation: _Alternation) -> bool:
    return all(_starts_word(branch) for branch in alternation)


def _starts_word(branch: tuple[_Item, ...]) -> bool:
    for index, item in enumerate(branch):
        if item.options == _ZERO_WIDTH and item.text.startswith("(?"):
            continue  # a look-around
        if isinstance(item.options, tuple):
            proven = _all_start_word(item.options)
        else:
            proven = (item.text.isascii() and item.text.isalnum()) or item.text in ("\\w", "\\d")
        if item.quantifier in ("?", "*", "{"):
            return proven and _starts_word(branch[index + 1:])
        return proven
    return False


def may_hold_full_stop(pattern: str) -> bool:
    """Whether a match of ``pattern`` may hold a full stop; True when unsure.

    Cautious: a pattern not all understood (an inline flag, an escape other
    than a mark or ``\\w``, ``\\s``, ``\\d``, ``\\b``, ``\\B``, a group of
    another kind, a "{" that is no count, as ``regex``'s "{e<=1}" allows
    errors), an unescaped or escaped ".", a class that holds, spans or
    negates a full stop, or a named group.  Look-arounds match no character
    and are not read.
    """
    if _NOT_A_COUNT.search(pattern):
        return True
    alternation = _parsed(pattern)
    return alternation is None or _holds_full_stop(alternation)


#: A "{" that does not open a count such as "{2}" or "{1,3}".
_NOT_A_COUNT = compiled(r"\{(?!\d*,?\d*\})")
#: Escapes of a class that matches no full stop, as written after the backslash.
_NO_STOP_ESCAPES = frozenset("wsdbB")


def _holds_full_stop(alternation: _Alternation) -> bool:
    for branch in alternation:
        for item in branch:
            text = item.text
            if isinstance(item.options, tuple):
                if _holds_full_stop(item.options):
                    return True
            elif text.startswith(("(?=", "(?!", "(?<=", "(?<!")):
                continue  # a look-around: no character of the match
            elif text.startswith("("):
                return True  # a named group, whose alternatives are not kept
            elif text.startswith("["):
                if not _class_without_full_stop(text[1:-1]):
                    return True
            elif text == "." or (text.startswith("\\") and not _plain_escape(text[1:])):
                return True
    return False


def _plain_escape(char: str) -> bool:
    """Whether an escape of ``char`` matches no full stop: a mark that is itself, or a class."""
    return char != "" and (char in _NO_STOP_ESCAPES or (not char.isalnum() and char != "."))


def _class_without_full_stop(body: str) -> bool:
    """Whether a class of this body matches no full stop (its ranges read from end to end)."""
    if body.startswith("^") or "[" in body:
        return False
    j = 0
    while j < len(body):
        if body[j] == "\\":
            if not _plain_escape(body[j + 1:j + 2]):
                return False
            j += 2
            continue
        if body[j] == "." or (body[j] == "-" and 0 < j < len(body) - 1
                              and body[j - 1] <= "." <= body[j + 1]):
            return False
        j += 1
    return True


def _end_words(branch: tuple[_Item, ...], backward: bool) -> set[str] | None:
    """The words a match of ``branch`` can start (or end) with."""
    states = _read(branch, backward)
    if states is None or any(not word for word, _ in states):
        return None
    return {word for word, _ in states}


def _spaced(branch: tuple[_Item, ...]) -> list[tuple[_Item, ...]]:
    """The parts of ``branch`` between spaces that every match has."""
    parts: list[tuple[_Item, ...]] = []
    start = 0
    for index, item in enumerate(branch):
        if item.text == " " and item.quantifier in ("", "+"):
            parts.append(branch[start:index])
            start = index + 1
    return [*parts, branch[start:]]


def _whole_words(part: tuple[_Item, ...]) -> set[str] | None:
    """The words ``part`` matches if it only ever matches one whole word."""
    states = _read(part, backward=False)
    if states is None or any(ended or not word for word, ended in states):
        return None
    return {word for word, _ in states}


def _read(branch: tuple[_Item, ...], backward: bool) -> set[_State] | None:
    """The first (or last) words of one alternative, read until every one has ended."""
    states: set[_State] = {("", False)}
    for options, quantifier, _ in reversed(branch) if backward else branch:
        if all(ended for _, ended in states):
            break
        if isinstance(options, tuple):
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
    return states


def _alternatives(alternation: _Alternation, backward: bool) -> frozenset[_State] | None:
    out: set[_State] = set()
    for branch in alternation:
        states = _read(branch, backward)
        if states is None:
            return None
        out |= states
    return frozenset(out)


def _quantified(options: frozenset[_State] | None, quantifier: str) -> frozenset[_State] | None:
    """An item's options under its quantifier: "?" may skip it, a break may repeat."""
    if options is None:
        return None
    if quantifier == "?":
        return options | _ZERO_WIDTH
    if quantifier in ("*", "+") and options == _BREAK:
        return options | _ZERO_WIDTH if quantifier == "*" else options
    return options if not quantifier else None


# -- reading a pattern's text ---------------------------------------------------


@lru_cache(maxsize=1024)
def _parsed(pattern: str) -> _Alternation | None:
    """``pattern`` as alternatives of items; None where it is not all understood."""
    if _FLAGS.search(pattern):  # "(?w)" anywhere changes what \\b means
        return None
    parsed = _alternation(pattern, 0, 0)
    if parsed is None or parsed[1] != len(pattern):
        return None
    return parsed[0]


def _alternation(pattern: str, i: int, depth: int) -> tuple[_Alternation, int] | None:
    """The alternatives from ``pattern[i]`` up to the ")" closing this depth, and its index."""
    branches: list[list[_Item]] = [[]]
    while i < len(pattern):
        char = pattern[i]
        if char == "|":
            branches.append([])
            i += 1
            continue
        if char == ")":
            if not depth:
                return None
            break
        run = _LETTERS.match(pattern, i)
        if run is not None:
            # One item for "preventable", not eleven: far fewer steps to read.
            # A quantifier after the run repeats its last letter only.
            end = run.end() - (pattern[run.end():run.end() + 1] in ("?", "*", "+", "{"))
            if end > i:
                text = pattern[i:end]
                branches[-1].append(_Item(frozenset({(text.lower(), False)}), "", text))
                i = end
                continue
        item = _item(pattern, i, depth)
        if item is None:
            return None
        options, end = item
        quantified = _quantifier(pattern, end)
        if quantified is None:
            return None
        quantifier, after = quantified
        branches[-1].append(_Item(options, quantifier, pattern[i:end]))
        i = after
    else:
        if depth:
            return None  # a group never closed
    return tuple(tuple(branch) for branch in branches), i


def _item(pattern: str, i: int, depth: int) -> tuple[Any, int] | None:
    """What the item at ``pattern[i]`` adds to a word, and where it ends; None if lost."""
    char = pattern[i]
    if char.isascii() and char.isalnum():
        return frozenset({(char.lower(), False)}), i + 1
    if char in _BREAKS:
        return _BREAK, i + 1
    if char in "^$":
        return _ZERO_WIDTH, i + 1
    if char == "\\":
        escaped = pattern[i + 1:i + 2]
        if escaped in ("b", "A", "Z"):
            return _ZERO_WIDTH, i + 2
        if escaped == "s" or (escaped and escaped.isascii() and not escaped.isalnum()):
            return _BREAK, i + 2
        return (None, i + 2) if escaped in _UNREAD_ESCAPES else None
    if char == "[":
        return _class(pattern, i)
    if char == "(":
        return _group(pattern, i, depth)
    if char in "*+?{":
        return None  # a quantifier with nothing to repeat
    return None, i + 1  # ".", or a character outside ASCII


def _group(pattern: str, i: int, depth: int) -> tuple[Any, int] | None:
    """A group: its alternatives; a look-around is zero width, it only narrows matches."""
    if pattern.startswith("(?P<", i):
        name_end = pattern.find(">", i)
        if name_end < 0:
            return None
        opening = pattern[i:name_end + 1]
    else:
        opening = next(o for o in _OPENINGS if pattern.startswith(o, i))
        if opening == "(" and pattern.startswith("(?", i):
            return None  # (?>…), (?#…) and the like: not read here
    inner = _alternation(pattern, i + len(opening), depth + 1)
    if inner is None:
        return None
    alternatives, close = inner
    if opening in ("(?=", "(?!", "(?<=", "(?<!"):
        return _ZERO_WIDTH, close + 1
    return (None if opening.startswith("(?P") else alternatives), close + 1


def _quantifier(pattern: str, i: int) -> tuple[str, int] | None:
    """The quantifier at ``pattern[i]`` (or "") and where it ends; a lazy or possessive
    mark after it changes no word."""
    quantifier = pattern[i:i + 1]
    if quantifier not in ("?", "*", "+", "{"):
        return "", i
    if quantifier == "{":
        close = pattern.find("}", i)
        if close < 0:
            return None
        i = close
    i += 1
    return quantifier, i + (pattern[i:i + 1] in ("?", "+"))


def _class(pattern: str, i: int) -> tuple[frozenset[_State] | None, int] | None:
    """A class of single letters, digits and breaks ("[ey]", "[- ]", "[\\s-]"); no ranges."""
    j = i + 1 + (pattern[i + 1:i + 2] == "^")
    j += pattern[j:j + 1] == "]"  # a "]" first is a member
    understood = pattern[i + 1:i + 2] not in ("^", "]")
    options: set[_State] = set()
    while j < len(pattern) and pattern[j] != "]":
        char = pattern[j]
        if char == "\\":
            escaped = pattern[j + 1:j + 2]
            if escaped == "s" or (escaped and escaped.isascii() and not escaped.isalnum()):
                options |= _BREAK
            else:
                understood = False
            j += 2
            continue
        if char == "-" and j != i + 1 and pattern[j + 1:j + 2] != "]":
            understood = False  # a range
        elif char.isascii() and char.isalnum():
            options.add((char.lower(), False))
        elif char in _BREAKS or char == ".":
            options |= _BREAK
        else:
            understood = False
        j += 1
    if j >= len(pattern):
        return None
    return (frozenset(options) if understood and options else None), j + 1
