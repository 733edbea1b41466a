"""pyphen's hyphenation points, from patterns parsed once and kept between runs.

pyphen parses all 14,000 patterns of its en_GB dictionary when it loads it
(about 40 ms, a tenth of a one-page run).  The parsed table is plain data,
so the first run keeps it in the cache (``scr_checks.kept_data``) and later
runs read it back in a few milliseconds.  Where nothing can be kept, the
file's patterns are filed under their letters and each is parsed only when
a word needs it (a report's words look up a few thousand).  The points are
pyphen's own: the same patterns, the same rule for a repeated or all-zero
pattern, and the same walk (Liang's algorithm) over the word; the tests
compare the two.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from scr_checks import kept_data

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

#: As pyphen splits a pattern ("a1b" -> letters "ab", digits 0, 1, 0).
_PARSE = re.compile(r"(\d?)(\D?)").findall
_HEX = re.compile(r"\^{2}([0-9a-f]{2})")
_DIGITS = re.compile(r"\d")
_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN",
            "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
#: Letters -> the pattern as bytes, its offset then its digits (one object a
#: pattern, which the cache reads back twice as fast as a tuple), or the
#: pattern lines with those letters in file order, replaced by the parsed
#: pattern on first use (empty if all its digits are zero); every beginning of
#: a pattern's letters is a key too (empty if it is no pattern's letters), so
#: that a walk along a word stops where no pattern can go on.
_Table = dict[str, list[str] | bytes]


class Hyphenator:
    """Where a word can be hyphenated, as ``pyphen.Pyphen(filename=path).positions``."""

    def __init__(self, path: Traversable | Path, left: int = 2, right: int = 2,
                 kept: str = "") -> None:
        """``kept`` names the parsed table in the cache kept between runs; "" keeps nothing."""
        self.left, self.right = left, right
        self._table = (kept_data(kept, lambda: _parsed(path), [path],
                                 otherwise=lambda: _unparsed(path))
                       if kept else _unparsed(path))

    def positions(self, word: str) -> list[int]:
        right = len(word) - self.right
        return [i for i in self._points(word.lower()) if self.left <= i <= right]

    def _points(self, word: str) -> list[int]:
        table = self._table
        find = table.get
        pointed = f".{word}."
        size = len(pointed)
        references = [0] * (size + 1)
        for i in range(size - 1):
            for j in range(i + 1, size + 1):
                pattern = find(pointed[i:j])
                if pattern is None:
                    break  # no pattern's letters start so: none longer either
                if not pattern:
                    continue  # only the beginning of some pattern's letters
                if isinstance(pattern, list):
                    pattern = table[pointed[i:j]] = _parse(pattern)
                    if not pattern:
                        continue
                at = i + pattern[0]
                for value in pattern[1:]:
                    if value > references[at]:
                        references[at] = value
                    at += 1
        return [i - 1 for i, reference in enumerate(references) if reference & 1]


def _unparsed(path: Traversable | Path) -> _Table:
    """The file's pattern lines under their letters, in file order."""
    with path.open("rb") as handle:
        encoding = handle.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    lines = [line for line in map(str.strip, path.read_text(encoding).split("\n")[1:])
             if line and not line.startswith(_IGNORED)]
    if any("^^" in line or ("/" in line and "=" in line) for line in lines):
        lines = [_plain(line) for line in lines]
    table: _Table = {}
    keys = _DIGITS.sub("", "\n".join(lines)).split("\n")
    for key, line in zip(keys, lines, strict=True):
        table.setdefault(key, []).append(line)  # type: ignore[union-attr]
    return _with_beginnings(table)


def _parsed(path: Traversable | Path) -> _Table:
    """Every pattern parsed, as plain data; one whose digits are all zero is left out."""
    return _with_beginnings({key: parsed for key, lines in _unparsed(path).items()
                             if isinstance(lines, list) and (parsed := _parse(lines))})


def _with_beginnings(table: _Table) -> _Table:
    """``table`` with every beginning of its keys a key, empty unless it was one."""
    for key in list(table):
        for end in range(1, len(key)):
            table.setdefault(key[:end], b"")
    return table


def _parse(lines: list[str]) -> bytes:
    """The offset and digits of the last of ``lines`` with a non-zero digit, as pyphen keeps."""
    for line in reversed(lines):
        values = tuple(int(digit or "0") for digit, _ in _PARSE(line))
        if max(values) == 0:
            continue
        start, end = 0, len(values)
        while not values[start]:
            start += 1
        while not values[end - 1]:
            end -= 1
        return bytes((start, *values[start:end]))
    return b""


def _plain(line: str) -> str:
    """A pattern with ``^^hh`` spelt out and a nonstandard alternative dropped.

    An alternative ("ff=f") changes how a word is spelt when hyphenated, not
    where it can be, so the points do not need it.
    """
    line = _HEX.sub(lambda m: chr(int(m.group(1), 16)), line)
    return line.split("/", 1)[0] if "/" in line and "=" in line else line


@cache
def british() -> Hyphenator:
    """pyphen's en_GB dictionary."""
    return Hyphenator(_dictionary("en_GB"), kept="hyphenation-en_GB")


def _dictionary(language: str) -> Traversable | Path:
    """pyphen's file for ``language``, found without importing pyphen when it can be.

    Importing pyphen lists all its dictionaries; only one file is needed.
    """
    spec = find_spec("pyphen")
    if spec is not None and spec.origin:
        path = Path(spec.origin).parent / "dictionaries" / f"hyph_{language}.dic"
        if path.is_file():
            return path
    import pyphen

    return pyphen.LANGUAGES[language]  # type: ignore[no-any-return]
