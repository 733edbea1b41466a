"""The headings published reviews give their sections, and what each counts as.

Reports name the same sections in many ways ("Methodology", "The review
process", "Scope and methodology"); ``data/sections.toml`` lists the ways,
and a local area adds its own with the ``headings`` configuration key.  Both
the layout (what a contents page promises) and the outline (which sections a
report has) classify headings here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from scr_checks.datacache import kept
from scr_checks.patterns import compiled
from scr_checks.shipped import shipped_file

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

#: "3.", "3.2", "Part 2:", "Section 4 -", "Chapter 1." before a heading's words.
_NUMBER_PREFIX = compiled(
    r"^\s*(?:(?:part|section|chapter|appendix)\s+)?"
    r"(?:[0-9]+(?:\.[0-9]+)*\s*[.):\-–—]*|(?:[ivxlc]+|[a-z])[.):\-–—]+)?\s*",
    regex.IGNORECASE,
)

@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, Any]]:
    """The canonical sections and the headings that count as each."""
    path = shipped_file("scr_checks", "data", "sections.toml")
    return kept("sections", lambda: _toml(path), [path])


def _toml(path: Traversable) -> dict[str, Any]:
    import tomllib  # parsed once and kept: later runs need not import it

    return tomllib.loads(path.read_text("utf-8"))


class Section:
    """What a heading of one canonical section looks like.

    A heading counts if it starts with one of ``start``, or if its first line
    holds one of the ``anywhere`` phrases as whole words.  The two were one
    pattern, ``start|.*?anywhere``, matched at the heading's start: on a
    paragraph of a megabyte taken for a title, the lazy ``.*?`` tried the
    phrases at every character, slower than a search for them.
    """

    __slots__ = ("anywhere", "start")

    def __init__(self, start: regex.Pattern[str], anywhere: regex.Pattern[str] | None) -> None:
        self.start = start
        self.anywhere = anywhere

    def match(self, words: str) -> bool:
        """Whether ``start|.*?anywhere`` matches at the start of ``words``."""
        if self.start.match(words):
            return True
        found = self.anywhere.search(words) if self.anywhere is not None else None
        if found is None:
            return False
        # ``.`` stops at a newline, so the phrase must start on the first line.
        newline = words.find("\n")
        return newline < 0 or found.start() <= newline


@lru_cache(maxsize=64)
def matcher(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> dict[str, Section]:
    """What a heading of each canonical section looks like, extra headings included.

    A heading counts if it starts with one of the section's ``headings``, or
    holds one of its ``anywhere`` phrases as whole words.
    """
    headings = {key: (list(entry["headings"]), list(entry.get("anywhere", ())))
                for key, entry in catalogue().items()}
    for key, patterns in extra:
        headings.setdefault(key, ([], []))[0].extend(patterns)
    return {
        key: Section(
            compiled(r"(?:" + "|".join(start) + r")\b", regex.IGNORECASE),
            compiled(r"\b(?:" + "|".join(anywhere) + r")", regex.IGNORECASE) if anywhere else None)
        for key, (start, anywhere) in headings.items()
    }


def strip_number(title: str) -> str:
    """The heading's words without its number: "4.2 Analysis" -> "Analysis"."""
    return _NUMBER_PREFIX.sub("", title, count=1).strip()


def classify(title: str, patterns: dict[str, Section]) -> frozenset[str]:
    """Every canonical section a heading counts as (one heading may be two)."""
    words = strip_number(title)
    return frozenset(key for key, pattern in patterns.items() if pattern.match(words))
