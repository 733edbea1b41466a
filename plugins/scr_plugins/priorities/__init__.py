"""Priorities checker: do the recommendations follow from the findings? (question 3)

Uses the shared report outline for which paragraphs are recommendations and
findings, and word lists in ``data/`` for addressees and generic wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from scr_checks import (
    CheckContext,
    Finding,
    Item,
    OptionParser,
    Outline,
    WordEntry,
    WordList,
    compile_pattern,
    hookimpl,
    shipped_file,
)
from scr_plugins.priorities.rules import (
    GENERIC,
    NO_ACTOR,
    NOT_TIED,
    RULES,
    TOO_MANY,
    UNKNOWN_FINDING,
)

NAMESPACE = "priorities"


@cache
def wordlist(name: str) -> WordList:
    return WordList.load(shipped_file(__package__, "data", f"{name}.tsv"), name)


@hookimpl
def scr_addoption(parser: OptionParser) -> None:
    parser.add_option(
        NAMESPACE, "max_recommendations", int, 10,
        "More recommendations than this is reported as hard to prioritise.",
    )
    parser.add_option(
        NAMESPACE, "actors", list, [],
        "Extra patterns for bodies a recommendation may be addressed to.",
    )


@hookimpl
def scr_register_rules() -> list:
    return RULES


@hookimpl
def scr_check_document(context: CheckContext) -> Iterator[Finding]:
    outline = Outline.of(context)
    if not outline.recommendations:
        context.not_checked([r.id for r in RULES], "no recommendations were recognised")
    actors = _actors(tuple(context.option(NAMESPACE, "actors")))
    limit = context.option(NAMESPACE, "max_recommendations")
    for position, item in enumerate(outline.recommendations, start=1):
        yield from _tied(outline, item, context)
        if not item.owner and not _names_actor(item.statement or item.text, actors):
            yield context.finding(
                NO_ACTOR,
                f"{item.label} does not say who is to act: no partnership, board or "
                "agency is named.",
                item.block, item.start, item.end,
                suggestion="address it to a body, e.g. 'The Partnership should ...'",
            )
        for block in item.blocks:
            for match in wordlist("generic").finditer(block):
                yield context.finding(
                    GENERIC,
                    f"{item.label} is generic: '{match.text}' {match.entry.why}.",
                    block, match.start, match.end, suggestion=match.entry.suggestion,
                )
        if position == limit + 1:
            total = len(outline.recommendations)
            yield context.finding(
                TOO_MANY,
                f"The report makes {total} recommendations, more than {limit}: so many "
                "are hard to prioritise and monitor.",
                item.block, item.start, item.end,
                suggestion="merge related recommendations and keep the ones that "
                "answer the main findings",
            )


#: The verb a recommendation turns on: the body that is to act comes before it
#: ("The Partnership should ..."); after it, a body is only what is acted on
#: ("Notification ... to the health visiting service should be made").
MODAL = compile_pattern(r"\b(?:should|must|shall|will|needs? to|is to|are to|is asked to|"
                      r"are asked to|recommends? that)\b", regex.IGNORECASE)


#: A preposition just before a body makes it what is acted on, not who acts.
#: Matched at the body's name: the look-behind reads back over a few words,
#: where a search from the subject's start read it all at every body named.
OBJECT_OF = compile_pattern(r"(?<=\b(?:to|of|for|from|with|by|within|between|in|into|across)\s+"
                          r"(?:the\s+|all\s+|each\s+)?)", regex.IGNORECASE)


def _names_actor(text: str, actors: WordList) -> bool:
    """Whether the recommendation says who is to act, as its subject where it has one."""
    modal = MODAL.search(text)
    subject = text[:modal.start()] if modal else text
    if regex.search(r"\brecommends?\s+that\s*$", subject + (modal[0] if modal else ""),
                    regex.IGNORECASE):
        subject = text[modal.end():] if modal else text
    return any(not OBJECT_OF.match(subject, match.start)
               for match in actors.finditer(subject))


@cache
def _actors(extra: tuple[str, ...]) -> WordList:
    return wordlist("actors").extend(WordEntry(pattern) for pattern in extra)


def _tied(outline: Outline, item: Item, context: CheckContext) -> Iterator[Finding]:
    if any(finding.section is not None and finding.section.contains(item.block)
           for finding in outline.findings if finding.block.is_heading):
        return
    unknown = []
    for ref in outline.references_of(item):
        if ref.kind == "recommendation":
            continue
        targets = outline.resolve(ref)
        if not targets and ref.kind == "finding":
            unknown.append(ref)
        for target in targets:
            owner = outline.item_of(target)
            if owner is not None and owner.kind == "finding":
                return
    for ref in unknown:
        yield context.finding(
            UNKNOWN_FINDING,
            f"{item.label} answers Finding {ref.target}, which this report does not have.",
            ref.block, ref.start, ref.end,
            suggestion="correct the finding number, or name the finding it answers",
        )
    if unknown:
        return
    yield context.finding(
        NOT_TIED,
        f"{item.label} cites no finding, so it cannot be traced to the learning it "
        "answers.",
        item.block, item.start, item.end,
        suggestion="say which finding it answers, e.g. '(Finding 1)'",
    )
