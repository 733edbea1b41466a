"""Tone checker: blame, hindsight, judgemental, emotive and speculative words (question 7).

Registered through the ``scr_checks.plugins`` entry point like any
third-party plugin, and uses only the public API.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Callable, Iterator

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
    sentence_at,
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
    sentences = _Sentences(block.text)
    for name, words in configured(context).items():
        for match in words.finditer(block):
            if quoted is None:
                quoted = _quoted(block, context)
            if name == "blame" and sentences.disclaims(match.start, match.end):
                continue
            lower = ""
            if _within(quoted, match.start, match.end):
                if context.option(NAMESPACE, "quoted") == "ignore":
                    continue
                lower = "in quotation marks"
            elif name in HINDSIGHT_LISTS and sentences.acknowledges(match.start, match.end):
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


class _Sentences:
    """A block's sentences, found once a match needs them, and whether the one a
    match is in acknowledges hindsight or says what a review is not for.

    Only a sentence holding a match is read, once, and only the text about
    it is read to find it (:func:`sentence_at`): a paragraph of a megabyte
    is twenty thousand sentences, and reading each for both was a third of
    the checker's time on it, and cutting it into sentences a sixth.  Once
    the sentences read that way add up to half the text, it is cut into
    sentences once instead: a megabyte with no full stop is one sentence,
    which each match read back to its start, for time in the square of the
    text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        #: The text's sentences, once the ones read about matches add up to half of it.
        self._spans: list[tuple[int, int]] | None = None
        #: How many characters the sentences read about matches hold.
        self._read = 0
        #: Whether the text says "hindsight" at all; None until asked.
        self._hindsight: bool | None = None
        #: (question, sentence's start) -> the answer.
        self._known: dict[tuple[str, int], bool] = {}

    def _holding(self, start: int, end: int) -> tuple[int, int] | None:
        """The sentence ``start:end`` lies in, if one does: only the last
        sentence starting by ``start`` can hold it."""
        if self._spans is not None:
            i = bisect_right(self._spans, (start, sys.maxsize))
            sentence = self._spans[i - 1] if i > 0 else None
        else:
            sentence = sentence_at(self.text, start)
            if sentence is not None:
                self._read += sentence[1] - sentence[0]
                if 2 * self._read >= len(self.text):
                    self._spans = sentence_spans(self.text)
        return sentence if sentence is not None and end <= sentence[1] else None

    def acknowledges(self, start: int, end: int) -> bool:
        """Whether the writer says, in the sentence ``start:end`` is in, that they use hindsight."""
        if self._hindsight is None:
            self._hindsight = "hindsight" in self.text.lower()
        if not self._hindsight:
            return False
        return self._asked("hindsight", start, end, lambda s, e: bool(
            ACKNOWLEDGED.search(self.text, s, e)))

    def disclaims(self, start: int, end: int) -> bool:
        """Whether the sentence ``start:end`` is in says what a review is not for."""
        return self._asked("disclaimer", start, end, lambda s, e: bool(
            DISCLAIMER_NEGATION.search(self.text, s, e)
            and DISCLAIMER_SUBJECT.search(self.text, s, e)))

    def _asked(self, question: str, start: int, end: int,
               answer: Callable[[int, int], bool]) -> bool:
        sentence = self._holding(start, end)
        if sentence is None:
            return False
        key = (question, sentence[0])
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = answer(*sentence)
        return known


def _within(spans: list[tuple[int, int]] | None, start: int, end: int) -> bool:
    """True if ``start:end`` lies in one of ``spans`` (in text order, not overlapping).

    Only the last span starting by ``start`` can hold it: a binary search, so
    a paragraph of many quotations and many words is not read per word.
    """
    if not spans:
        return False
    i = bisect_right(spans, (start, sys.maxsize))
    return i > 0 and end <= spans[i - 1][1]
