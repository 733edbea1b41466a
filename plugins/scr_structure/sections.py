"""Recognising a heading as one of the canonical report sections."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

import regex

#: "3.", "3.2", "Part 2:", "Section 4 -", "Chapter 1." before a heading's words.
_NUMBER_PREFIX = regex.compile(
    r"^\s*(?:(?:part|section|chapter|appendix)\s+[0-9ivxlc]+\s*[.:)\-–—]*\s*"
    r"|[0-9]+(?:\.[0-9]+)*\s*[.):\-–—]*\s+"
    r"|(?:[ivxlc]+|[a-z])[.)]\s+)",
    regex.IGNORECASE,
)


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, object]]:
    """The canonical sections, from the data file shipped with the plugin."""
    text = resources.files(__package__).joinpath("data/sections.toml").read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=64)
def matcher(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> dict[str, regex.Pattern[str]]:
    """One compiled pattern per canonical section, extra headings included."""
    headings: dict[str, list[str]] = {
        key: list(entry["headings"]) for key, entry in catalogue().items()  # type: ignore[call-overload]
    }
    for key, patterns in extra:
        headings.setdefault(key, []).extend(patterns)
    return {
        key: regex.compile(r"(?:" + "|".join(patterns) + r")\b", regex.IGNORECASE)
        for key, patterns in headings.items()
    }


def strip_number(title: str) -> str:
    """The heading's words without its number: "4.2 Analysis" -> "Analysis"."""
    return _NUMBER_PREFIX.sub("", title, count=1).strip()


def classify(title: str, patterns: dict[str, regex.Pattern[str]]) -> set[str]:
    """Every canonical section a heading counts as (one heading may be two)."""
    words = strip_number(title)
    return {key for key, pattern in patterns.items() if pattern.match(words)}
