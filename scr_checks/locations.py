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
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

#: How far past the expected position a character may be before the
#: aligner gives up on it (markup such as a long URL target is skipped).
WINDOW = 400


@dataclass(frozen=True)
class SourceText:
    """The decoded lines of a text report, shared by all its blocks."""

    lines: Sequence[str]
    #: "html" makes the aligner skip whole tags.
    markup: str = "plain"

    def line(self, number: int) -> str:
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1]
        return ""


def utf16_column(line: str, index: int) -> int:
    """1-based column counted in UTF-16 code units, as SARIF and VS Code count."""
    index = slice(index).indices(len(line))[1]  # as ``line[:index]`` ends, without a copy
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
        self._positions: list[tuple[int, int]] = []
        #: Where the next character's search starts, once the alignment has begun.
        self._cursor: tuple[int, int] | None = None

    def position(self, index: int) -> tuple[int, int]:
        """The (line, index in line) of ``text[index]``; ``index`` within the text."""
        if index >= len(self._positions):
            self._align(index + 1)
        return self._positions[index]

    def _align(self, count: int) -> None:
        """Extend the alignment to the first ``count`` characters."""
        skip_tags = self.source.markup == "html"
        line, col = self._cursor if self._cursor is not None else self._anchor()
        out = self._positions
        for ch in self.text[len(out):count]:
            if ch.isspace():
                out.append((line, col))
                line, col = self._skip_space(line, col)
                continue
            found = self._find(ch, line, col, skip_tags)
            if found is None:
                out.append((line, col))
                continue
            line, col = found
            out.append((line, col))
            col += 1
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
