"""Tone checker: blame, hindsight, judgemental, emotive and speculative words (question 7).

Registered through the ``scr_checks.plugins`` entry point like any
third-party plugin, and uses only the public API.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Iterator

import regex

from scr_checks import (
    APPARATUS,
    CheckContext,
    Config,
    Finding,
    OptionParser,
    Severity,
    TextBlock,
    compile_pattern,
    hookimpl,
    quoted_spans,
    sentence_spans,
)
from scr_plugins.tone.lists import LIST_NAMES, NAMESPACE, configured, prepare, words_needed
from scr_plugins.tone.rules import RULE_FOR_LIST, RULES

#: A writer openly acknowledging hindsight ("with hindsight, …").
ACKNOWLEDGED = compile_pattern(r"\b(?:with|in) (?:the benefit of )?hindsight\b", regex.IGNORECASE)
#: Lists whose findings a hindsight acknowledgement in the sentence lowers to a note.
HINDSIGHT_LISTS = {"blame", "hindsight", "speculation"}
#: A sentence saying what a review is not for ("reviews are not inquiries into
#: who is to blame", "the purpose is not to apportion blame"): good practice,
#: not blame.  Both a negation and a word for the review's purpose are needed.
DISCLAIMER_NEGATION = compile_pattern(r"\b(?:not|nor|never|no)\b", regex.IGNORECASE)
DISCLAIMER_SUBJECT = compile_pattern(
    r"\b(?:reviews?|scrs?|csprs?|purpose|aim|inquir(?:y|ies)|process|report)\b", regex.IGNORECASE)


@hookimpl
def scr_addoption(parser: OptionParser) -> None:
    lists = ", ".join(LIST_NAMES)
    parser.add_option(
        NAMESPACE, "extra_words", dict, {},
        f"More entries per list ({lists}): a pattern string, or a table with "
        "pattern, category, why and suggestion.",
    )
    parser.add_option(
        NAMESPACE, "word_files", dict, {},
        "A TSV or TOML word list per list name, relative to the configuration file.",
    )
    parser.add_option(
        NAMESPACE, "allowed", list, [],
        "Words and phrases never reported, whatever list matches them.",
    )
    parser.add_option(
        NAMESPACE, "quoted", str, "note",
        "Words inside quotation marks: 'note' reports them as notes, 'ignore' skips them.",
        choices=("note", "ignore"),
    )


@hookimpl
def scr_configure(config: Config) -> None:
    prepare(config)


@hookimpl
def scr_register_rules() -> list:
    return RULES


@hookimpl
def scr_check_document(context: CheckContext) -> None:
    context.not_checked_without_prose(rule.id for rule in RULES)


@hookimpl
def scr_check_node(block: TextBlock, context: CheckContext) -> Iterator[Finding]:
    if block.part in APPARATUS:
        return  # a contents entry or a running header says nothing about tone
    needed = words_needed(context)
    if needed is not None and needed.isdisjoint(block.words):
        return
    quoted: list[tuple[int, int]] | None = None
    acknowledged: list[tuple[int, int]] | None = None
    disclaimers: list[tuple[int, int]] | None = None
    for name, words in configured(context).items():
        for match in words.finditer(block):
            if quoted is None:
                quoted = _quoted(block, context)
                acknowledged = _acknowledged(block.text)
            if name == "blame":
                if disclaimers is None:
                    disclaimers = _disclaimers(block.text)
                if _within(disclaimers, match.start, match.end):
                    continue
            lower = ""
            if _within(quoted, match.start, match.end):
                if context.option(NAMESPACE, "quoted") == "ignore":
                    continue
                lower = "in quotation marks"
            elif name in HINDSIGHT_LISTS and _within(acknowledged, match.start, match.end):
                lower = "hindsight acknowledged"
            entry = match.entry
            message = f"'{match.text}' ({entry.category}): {entry.why}".rstrip(": ")
            if lower:
                message += f" [{lower}]"
            finding = context.finding(
                RULE_FOR_LIST[name], message, block, match.start, match.end,
                suggestion=entry.suggestion, category=entry.category, list=name,
            )
            if lower:
                finding = finding.evolve(severity=Severity.NOTE)
            yield finding


def _quoted(block: TextBlock, context: CheckContext) -> list[tuple[int, int]]:
    """The block's quotations: words in quotation marks, or the whole block when
    Markdown marks it as quoted (``>``), as a family member's words usually are.
    A reST block quote is only indented text, often by accident, so it is not."""
    if context.report.format == "markdown" and block.in_block_quote:
        return [(0, len(block.text))]
    return quoted_spans(block.text)


def _acknowledged(text: str) -> list[tuple[int, int]]:
    """Sentences in which the writer says they are using hindsight."""
    if "hindsight" not in text.lower():
        return []
    return [(s, e) for s, e in sentence_spans(text) if ACKNOWLEDGED.search(text, s, e)]


def _disclaimers(text: str) -> list[tuple[int, int]]:
    """Sentences that say what a review is not for."""
    return [(s, e) for s, e in sentence_spans(text)
            if DISCLAIMER_NEGATION.search(text, s, e) and DISCLAIMER_SUBJECT.search(text, s, e)]


def _within(spans: list[tuple[int, int]] | None, start: int, end: int) -> bool:
    """True if ``start:end`` lies in one of ``spans`` (in text order, not overlapping).

    Only the last span starting by ``start`` can hold it: a binary search, so
    a paragraph of many quotations and many words is not read per word.
    """
    if not spans:
        return False
    i = bisect_right(spans, (start, sys.maxsize))
    return i > 0 and end <= spans[i - 1][1]
