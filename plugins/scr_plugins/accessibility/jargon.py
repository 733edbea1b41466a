"""Professional jargon: the first unexplained use of each term in a report."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from scr_checks import WordEntry, WordList, WordMatch, compile_pattern

DATA = Path(__file__).parent / "data"

#: Text right after a term that explains it: "(a meeting of …)", ", which means".
EXPLAINED = compile_pattern(
    r"\s*(?:\((?![A-Z][A-Za-z&]*[A-Z]s?\))[^)]{8,}\)|,? (?:which|that) (?:is|means)\b|:)"
)


@cache
def shipped() -> WordList:
    return WordList.load(DATA / "jargon.tsv")


def configured(extra: dict[str, str], allowed: list[str]) -> WordList:
    """The shipped list plus ``[accessibility] extra_jargon`` (pattern = suggestion)."""
    entries = [WordEntry(p, "local jargon", "", s) for p, s in extra.items()]
    return shipped().extend(entries, allowed)


def explained_at(text: str, match: WordMatch) -> bool:
    return EXPLAINED.match(text, match.end) is not None
