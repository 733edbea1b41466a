"""Coverage checker: equality and diversity, statutory guidance (knowledge base, question 8)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from scr_checks import (
    CheckContext,
    Finding,
    OptionParser,
    Outline,
    TextBlock,
    WordList,
    compile_pattern,
    hookimpl,
    shipped_file,
)
from scr_plugins.coverage.rules import EQUALITY, RULES, STATUTORY

NAMESPACE = "coverage"
GUIDANCE = [
    "Working Together to Safeguard Children",
    "Working Together to Safeguard People",
    "Child Safeguarding Practice Review and Relevant Agency",
]
#: Headings that show a section is about equality and diversity.
EQUALITY_HEADING = compile_pattern(
    r"equality|diversity|race|ethnicity|culture|identity|protected characteristics",
    regex.IGNORECASE,
)


@hookimpl
def scr_addoption(parser: OptionParser) -> None:
    parser.add_option(
        NAMESPACE, "statutory_guidance", list, GUIDANCE,
        "Titles of statutory guidance; the report should name at least one.",
    )
    parser.add_option(
        NAMESPACE, "equality_min_categories", int, 2,
        "Without an equality section, how many identity categories (ethnicity, "
        "culture, religion, language, disability, gender, sexuality, age) the report "
        "must discuss.",
    )


@hookimpl
def scr_register_rules() -> list:
    return RULES


@cache
def equality() -> WordList:
    return WordList.load(shipped_file(__package__, "data", "equality.tsv"))


@hookimpl
def scr_check_document(context: CheckContext) -> Iterator[Finding]:
    outline = Outline.of(context)
    prose = [b for b in outline.blocks if not b.is_heading]
    has_section = any(EQUALITY_HEADING.search(s.name) for s in outline.sections)
    wanted = context.option(NAMESPACE, "equality_min_categories")
    categories = set() if has_section else _categories(prose, wanted)
    if not has_section and len(categories) < wanted:
        found = ", ".join(sorted(categories)) or "none"
        yield context.finding(
            EQUALITY,
            f"The report does not appear to consider equality and diversity: no section "
            f"on it, and {len(categories)} of the identity categories discussed "
            f"({found}; at least {wanted} expected).",
            suggestion="say how ethnicity, culture, religion, language, disability, "
            "gender and age were considered, in terms broad enough not to identify",
        )
    titles = context.option(NAMESPACE, "statutory_guidance")
    if titles and not _names_any(context.blocks, [" ".join(t.split()).casefold() for t in titles]):
        yield context.finding(
            STATUTORY,
            f"The report names no statutory guidance (looked for: {'; '.join(titles)}).",
            suggestion="name the guidance and edition the review was held under",
        )


def _names_any(blocks: list[TextBlock], titles: list[str]) -> bool:
    """Whether the report's text, its spacing evened out and case folded, holds a title.

    Looked for paragraph by paragraph, so that a report naming one early is
    not read to the end; then in the whole text, where a title may run from
    one paragraph into the next.
    """
    texts = []
    for block in blocks:
        text = " ".join(block.text.split()).casefold()
        if any(title in text for title in titles):
            return True
        texts.append(text)
    whole = " ".join(texts)
    return any(title in whole for title in titles)


@cache
def considered() -> regex.Pattern[str]:
    """Words that make a paragraph a discussion of identity (``data/considered.txt``)."""
    text = shipped_file(__package__, "data", "considered.txt").read_text("utf-8")
    words = [line.strip() for line in text.splitlines()
             if line.strip() and not line.startswith("#")]
    return compile_pattern(r"\b(?:" + "|".join(regex.escape(w) for w in words) + ")",
                         regex.IGNORECASE)


def _categories(prose: list[TextBlock], wanted: int) -> set[str]:
    """The identity categories the prose discusses, read until ``wanted`` are found.

    A category counts only in a paragraph that discusses it ("no interpreter
    was offered", "her faith was not considered"), not wherever one of its
    words appears ("beggars belief", "aged three").
    """
    found: set[str] = set()
    for block in prose:
        categories = {m.entry.category for m in equality().finditer(block)}
        if categories - found and considered().search(block.text):
            found.update(categories)
        found.discard("equality")
        if len(found) >= wanted:
            break
    return found
