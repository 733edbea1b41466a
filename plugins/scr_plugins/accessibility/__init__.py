"""Accessibility checker: acronyms, jargon, long sentences, readability (question 6).

Registered through the ``scr_checks.plugins`` entry point like any
third-party plugin, and uses only the public API.
"""

from __future__ import annotations

import csv
import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from scr_checks import (
    APPARATUS,
    FRONT,
    GLOSSARY,
    CheckContext,
    Finding,
    OptionParser,
    Report,
    TextBlock,
    WordEntry,
    WordMatch,
    hookimpl,
    postnominals,
    quoted_spans,
    sentence_spans,
    words_between,
)
from scr_plugins.accessibility import acronyms, jargon
from scr_plugins.accessibility.readability import Counts
from scr_plugins.accessibility.rules import (
    ACRONYM_BEFORE_DEFINITION,
    ACRONYM_UNDEFINED,
    HARD_TO_READ,
    JARGON,
    LONG_SENTENCE,
    RULES,
)

NAMESPACE = "accessibility"
DATA = Path(__file__).parent / "data"


@hookimpl
def scr_addoption(parser: OptionParser) -> None:
    add = parser.add_option
    add(NAMESPACE, "known_acronyms", list, [],
        "Acronyms your readers know, never reported (added to UK, NHS, GP …).")
    add(NAMESPACE, "acronyms", dict, {},
        "Expansions for local acronyms, used in messages: { DSCB = 'Dorset …' }.")
    add(NAMESPACE, "glossary_headings", list, [],
        "More words that mark a heading as a glossary (Glossary, Abbreviations … built in).")
    add(NAMESPACE, "extra_jargon", dict, {},
        "More jargon: a table of pattern = plain-English suggestion.")
    add(NAMESPACE, "allowed", list, [], "Jargon words and phrases never reported.")
    add(NAMESPACE, "max_sentence_words", int, 40,
        "Sentences with more words than this are reported (SCR604).")
    add(NAMESPACE, "min_reading_ease", float, 30.0,
        "Sections with a lower Flesch reading ease are reported (SCR605).")
    add(NAMESPACE, "min_section_words", int, 60,
        "Sections with fewer words are not scored for readability.")


@hookimpl
def scr_register_rules() -> list:
    return RULES


@cache
def _known() -> frozenset[str]:
    lines = (DATA / "known.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


@cache
def _common_words() -> frozenset[str]:
    """Ordinary English words: in capitals they are shouting, not acronyms."""
    lines = [*(DATA / "common_words.txt").read_text(encoding="utf-8").splitlines(),
             *(DATA / "report_words.txt").read_text(encoding="utf-8").splitlines()]
    return frozenset(x for x in lines if x and not x.startswith("#"))


@cache
def _expansions() -> dict[str, str]:
    with (DATA / "acronyms.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader((x for x in handle if not x.startswith("#")), delimiter="\t")
        return {acronyms.key_of(r["acronym"]): r["expansion"] for r in rows}


@hookimpl
def scr_check_document(report: Report, context: CheckContext) -> Iterator[Finding]:
    if context.not_checked_without_prose(rule.id for rule in RULES):
        return
    extra_headings = context.option(NAMESPACE, "glossary_headings")
    glossary, prose, front = [], [], []
    # Whether the headings above a block make it a glossary's: asked once per section.
    glossaries: dict[tuple[str, ...], bool] = {}
    for block in context.blocks:
        if block.part in APPARATUS:
            continue  # contents entries and running headers are not prose
        path = block.heading_path
        if path not in glossaries:
            glossaries[path] = acronyms.in_glossary(block, extra_headings)
        if block.part == GLOSSARY or glossaries[path]:
            glossary.append(block)
        elif block.part == FRONT:
            front.append(block)
        else:
            prose.append(block)
    yield from _acronym_findings(context, glossary, prose, front)
    yield from _jargon_findings(context, glossary, prose)
    yield from _readability_findings(context, prose)


def _acronym_findings(
    context: CheckContext, glossary: list[TextBlock], prose: list[TextBlock],
    front: list[TextBlock],
) -> Iterator[Finding]:
    """First uses in the text without a definition before them.

    The title page and other front matter may define an acronym ("… Board
    (BBSCB)") but its uses there are not the first use a reader meets in the
    text: a title page does not spell out the board's initials.
    """
    known = _known() | {acronyms.key_of(a) for a in context.option(NAMESPACE, "known_acronyms")}
    expansions = {**_expansions(),
                  **{acronyms.key_of(k): str(v)
                     for k, v in context.option(NAMESPACE, "acronyms").items()}}
    in_glossary = {u.key for b in glossary for u in acronyms.uses(b)}
    found = {id(b): acronyms.tokens(b) for b in (*front, *prose)}
    people = acronyms.person_codes((b, found[id(b)]) for b in (*front, *prose))
    defined: dict[str, acronyms.Use] = {}
    first: dict[str, acronyms.Use] = {}
    for block in front:
        for use in acronyms.definitions(block):
            defined.setdefault(use.key, use)
    for block in prose:
        for use in acronyms.definitions(block):
            defined.setdefault(use.key, use)
        # A block without acronym-like words need not be read for capitals.
        if not found[id(block)] or block.is_heading or _shouting(block.text):
            continue
        for use in acronyms.uses(block, found[id(block)]):
            if use.key in known or use.key in people or acronyms.ROMAN.fullmatch(use.key):
                continue
            if use.key in postnominals() and acronyms.after_name(use):
                continue  # "Jane Smith MSc, CQSW": letters after a name
            if use.key not in expansions and use.key.lower() in _common_words():
                continue  # an ordinary word in capitals ("CONTENTS", "THE PANEL")
            first.setdefault(use.key, use)
    for key, use in first.items():
        meaning = expansions.get(key)
        said = f" It usually stands for {meaning}." if meaning else ""
        spelt = f"'{meaning} ({key})'" if meaning else "the words in full"
        token = use.block.text[use.start:use.end]
        definition = defined.get(key)
        if key in in_glossary or (definition and definition.order <= use.order):
            continue
        if definition:
            where = _where(definition)
            yield context.finding(
                ACRONYM_BEFORE_DEFINITION,
                f"'{token}' is used before it is defined ({where}).{said}",
                use.block, use.start, use.end,
                suggestion=f"spell it out here: {spelt}", acronym=key,
            )
        else:
            yield context.finding(
                ACRONYM_UNDEFINED, f"'{token}' is not defined in the text or a glossary.{said}",
                use.block, use.start, use.end,
                suggestion=f"write {spelt} at its first use, or add it to a glossary",
                acronym=key,
            )


def _where(use: acronyms.Use) -> str:
    location = use.block.location(use.start, use.end)
    if location.line is not None:
        return f"line {location.line}"
    return location.describe() or f"paragraph {use.block.index}"


def _shouting(text: str) -> bool:
    """A block mostly in capitals (a banner, a heading typed as a paragraph)."""
    # Over 0.6 of more than 12 letters is 8 capitals at least: most blocks stop here.
    capitals = _capitals(text)
    if capitals < 8:
        return False
    # A paragraph of prose has far fewer capitals of any kind than 0.6 of its
    # letters: it stops here without a list of its letters.
    letters = _letters(text)
    if letters <= 12 or capitals <= 0.6 * letters:
        return False
    return _counted(text, _NOT_CAPITAL, _capital_letter) > 0.6 * letters


def _capital_letter(char: str) -> bool:
    """A capital that is a letter: "Ⓐ" is a capital but no letter."""
    return char.isupper() and char.isalpha()


#: A character outside ASCII, asked about on its own.
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
#: Every byte but those of the capitals A to Z, and of the letters of ASCII.
_NOT_CAPITAL = bytes(byte for byte in range(256) if not chr(byte).isupper() or byte > 127)
_NOT_LETTER = bytes(byte for byte in range(256) if not chr(byte).isalpha() or byte > 127)


def _capitals(text: str) -> int:
    """How many characters of ``text`` are capitals (:meth:`str.isupper`)."""
    return _counted(text, _NOT_CAPITAL, str.isupper)


def _letters(text: str) -> int:
    """How many characters of ``text`` are letters (:meth:`str.isalpha`)."""
    return _counted(text, _NOT_LETTER, str.isalpha)


def _counted(text: str, others: bytes, test: Callable[[str], bool]) -> int:
    """How many characters of ``text`` pass ``test``, whose ASCII characters
    that pass are those whose bytes ``others`` leaves out.

    They are counted in the text's UTF-8 bytes, where no other character has
    a byte of theirs, far quicker than asking each character; any other
    character is asked in turn (most texts have none, or a few quotation
    marks).
    """
    count = len(text.encode("utf-8", "surrogatepass").translate(None, others))
    if not text.isascii():
        count += sum(map(test, _NOT_ASCII.findall(text)))
    return count


def _jargon_findings(
    context: CheckContext, glossary: list[TextBlock], prose: list[TextBlock]
) -> Iterator[Finding]:
    words = jargon.configured(context.option(NAMESPACE, "extra_jargon"),
                              context.option(NAMESPACE, "allowed"))
    explained = {m.entry for b in glossary for m in words.finditer(b)}
    first: dict[WordEntry, tuple[TextBlock, WordMatch]] = {}
    for block in prose:
        quoted = None
        for match in words.finditer(block):
            if match.entry in explained or match.entry in first:
                continue
            if quoted is None:
                quoted = quoted_spans(block.text)
            if _within(quoted, match.start, match.end):
                continue
            if jargon.explained_at(block.text, match):
                explained.add(match.entry)
                continue
            first[match.entry] = (block, match)
    for block, match in first.values():
        entry = match.entry
        yield context.finding(
            JARGON, f"'{match.text}' is professional jargon ({entry.category}). {entry.why}",
            block, match.start, match.end, suggestion=entry.suggestion,
        )


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True if ``start:end`` lies in one of ``spans`` (in text order, not overlapping):
    a binary search, as a paragraph may hold many quotations."""
    i = bisect_right(spans, (start, sys.maxsize))
    return i > 0 and end <= spans[i - 1][1]


def _readability_findings(context: CheckContext, prose: list[TextBlock]) -> Iterator[Finding]:
    limit = context.option(NAMESPACE, "max_sentence_words")
    sections: dict[tuple[str, ...], Counts] = {}
    titles: dict[tuple[str, ...], TextBlock] = {}
    for block in prose:
        if block.is_heading:
            titles.setdefault(block.heading_path, block)
            continue
        counts = sections.setdefault(block.heading_path, Counts())
        scored = not block.in_table  # asked once a block: it climbs the tree
        for start, end in sentence_spans(block.text):
            words = words_between(block.text, start, end)
            if scored:
                counts.add(words, 1)
            if len(words) > limit:
                yield context.finding(
                    LONG_SENTENCE, f"Sentence of {len(words)} words (the limit is {limit}).",
                    block, start, end, words=len(words),
                )
    yield from _hard_sections(context, sections, titles)
    whole = Counts.total(sections.values())
    context.extras["readability"] = {
        "reading_ease": round(whole.reading_ease, 1),
        "grade": round(whole.grade, 1),
        "words": whole.words,
        "sections": [
            {"heading": list(path), "words": c.words, "reading_ease": round(c.reading_ease, 1),
             "grade": round(c.grade, 1)}
            for path, c in sections.items() if c.words
        ],
    }


def _hard_sections(
    context: CheckContext, sections: dict[tuple[str, ...], Counts],
    titles: dict[tuple[str, ...], TextBlock],
) -> Iterator[Finding]:
    threshold = context.option(NAMESPACE, "min_reading_ease")
    minimum = context.option(NAMESPACE, "min_section_words")
    for path, counts in sections.items():
        if counts.words < minimum or counts.reading_ease >= threshold:
            continue
        name = path[-1] if path else "the opening"
        where = titles.get(path) or next(
            b for b in context.blocks if b.heading_path == path and not b.is_heading
        )
        yield context.finding(
            HARD_TO_READ,
            f"Section '{name}' has a Flesch reading ease of "
            f"{_score(counts.reading_ease, threshold)} (grade {counts.grade:.0f}); the "
            f"threshold is {threshold:g}.",
            where, suggestion="shorten sentences and prefer short, common words",
            reading_ease=round(counts.reading_ease, 1), grade=round(counts.grade, 1),
            words=counts.words,
        )


def _score(value: float, threshold: float) -> str:
    """The score rounded, with a decimal where rounding would meet the threshold."""
    shown = f"{value:.0f}"
    return f"{value:.1f}" if float(shown) >= threshold else shown
