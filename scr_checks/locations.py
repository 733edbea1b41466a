"""Map offsets in a block's prose back to the source line and column.

Checkers see each block's text with hard line breaks folded into spaces, so
that a name broken across two lines is still one match.  docutils keeps no
columns and drops markup, so the position of a character is recovered by
aligning the block's text against the source lines, skipping markup
characters (``*``, backquotes, tags, entities) that the text does not have.
The alignment is done lazily: only when a checker reports a finding, and
only as far into the block as the finding's last character.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from scr_checks.records import FrozenRecord

#: How far past the expected position a character may be before the
#: aligner gives up on it (markup such as a long URL target is skipped).
WINDOW = 400
#: A run of characters that are not white space as ``str.isspace`` counts it
#: (``re``'s ``\s`` is the same test).
_NON_SPACE = re.compile(r"\S+")
#: Two white-space characters in a row, or one at the end: the search steps
#: over all of the source's white space at once, so these are not verbatim.
_SPACES = re.compile(r"\s(?:\s|\Z)")


class SourceText(FrozenRecord):
    """The decoded lines of a text report, shared by all its blocks; frozen.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("lines", "markup")
    lines: Sequence[str]
    #: "html" makes the aligner skip whole tags.
    markup: str

    def __init__(self, lines: Sequence[str], markup: str = "plain") -> None:
        self.__dict__.update(lines=lines, markup=markup)

    def line(self, number: int) -> str:
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1]
        return ""


def utf16_column(line: str, index: int) -> int:
    """1-based column counted in UTF-16 code units, as SARIF and VS Code count."""
    index = slice(index).indices(len(line))[1]  # as ``line[:index]`` ends, without a copy
    if line.isascii():  # a flag of the string: no character of two units
        return index + 1
    return index + bisect_left(_astral(line), index) + 1


@lru_cache(maxsize=8)
def _astral(line: str) -> list[int]:
    """Where each character outside the Basic Multilingual Plane (two UTF-16
    units) stands in ``line``: found once per line, not once per finding, so
    a one-line report with many findings stays linear."""
    return [m.start() for m in _ASTRAL.finditer(line)]


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Aligner:
    """Finds, for each character of a block's text, its (line, index) in source."""

    def __init__(self, text: str, source: SourceText, line: int, column: int = 0):
        self.text = text
        self.source = source
        self.start = (line, column)
        #: The alignment so far as runs: the text index where each starts, and
        #: where in the source; the run's next characters follow in its line.
        self._starts: list[int] = []
        self._places: list[tuple[int, int]] = []
        #: How many characters are aligned.
        self._aligned = 0
        #: Where the next character's search starts, once the alignment has begun.
        self._cursor: tuple[int, int] | None = None

    def position(self, index: int) -> tuple[int, int]:
        """The (line, index in line) of ``text[index]``; ``index`` within the text."""
        if index >= self._aligned:
            self._align(index + 1)
        run = bisect_right(self._starts, index) - 1
        line, col = self._places[run]
        return line, col + index - self._starts[run]

    def _align(self, count: int) -> None:
        """Extend the alignment to the first ``count`` characters.

        Where the text goes on as the source line does (no markup, single
        spaces), the run is placed whole, as the search one character at a
        time would place it; so is a word the source has verbatim where the
        search would start.  Any other character is searched for.
        """
        skip_tags = self.source.markup == "html"
        lines = self.source.lines
        line, col = self._cursor if self._cursor is not None else self._anchor()
        starts, places = self._starts, self._places
        text = self.text
        index = self._aligned
        while index < count:
            ch = text[index]
            starts.append(index)
            if ch.isspace():
                places.append((line, col))
                line, col = self._skip_space(line, col)
                index += 1
                continue
            src = lines[line - 1] if line <= len(lines) else ""
            run = _verbatim(text, index, count, src, col, skip_tags)
            if run:
                places.append((line, col))
                col += run
                index += run
                continue
            found = self._find(ch, line, col, skip_tags)
            if found is None:
                places.append((line, col))
            else:
                line, col = found
                places.append((line, col))
                col += 1
            index += 1
        self._aligned = index
        self._cursor = (line, col)

    def _skip_space(self, line: int, col: int) -> tuple[int, int]:
        """Step over source white space, line breaks and indentation included."""
        lines = self.source.lines
        while line <= len(lines):
            src = lines[line - 1]
            while col < len(src) and src[col].isspace():
                col += 1
            if col < len(src) or line == len(lines):
                return line, col
            line, col = line + 1, 0
        return line, col

    def _anchor(self) -> tuple[int, int]:
        """Start at the first word of the text, so list markers are skipped."""
        line, col = self.start
        word = self.text.split(None, 1)[0] if self.text.strip() else ""
        for number in range(line, min(line + 3, len(self.source.lines) + 1)):
            src = self.source.line(number)
            at = src.find(word, col if number == line else 0) if word else -1
            if at >= 0:
                return number, at
        return line, col

    def _find(
        self, ch: str, line: int, col: int, skip_tags: bool
    ) -> tuple[int, int] | None:
        lines = self.source.lines
        budget = WINDOW
        while line <= len(lines) and budget > 0:
            src = lines[line - 1]
            while col < len(src) and budget > 0:
                c = src[col]
                if skip_tags and c == "<":
                    end = src.find(">", col)
                    col = len(src) if end < 0 else end + 1
                    continue
                if c == ch:
                    return line, col
                col += 1
                budget -= 1
            line, col = line + 1, 0
        return None


def _verbatim(text: str, index: int, count: int, src: str, col: int, skip_tags: bool) -> int:
    """How many characters from ``text[index]`` (up to ``count``) the source line
    has as they are at ``src[col]``, so that searching for them one at a time
    would find each at the next column: the rest of the line, or else one word.
    """
    rest = src[col:col + count - index]
    if text.startswith(rest, index) and not _SPACES.search(rest) and not (
            skip_tags and "<" in rest):
        return len(rest)
    word = _NON_SPACE.match(text, index, count)
    if word is not None and src.startswith(word.group(), col) and not (
            skip_tags and "<" in word.group()):
        return len(word.group())
    return 0
