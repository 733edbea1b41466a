"""The paragraphs findings are about, in pieces that say which finding flagged which words.

The HTML page shows each finding's paragraph with the flagged words
highlighted.  The text comes from the report, so it reaches the outputs as
plain data in the file's extras (``extras["paragraphs"]``), which the masking
step masks as it masks every other text of the report: it hides each
identifier within one string.  So no cut between pieces, nor the trimming of
a long paragraph, is made inside an identifier a rule found: such a cut is
moved out to the identifier's edge, and the identifier stays whole in one
piece for the masking step to find.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

import regex

from scr_checks.document import TextBlock
from scr_checks.results import Finding
from scr_checks.wordtree import fold

#: A paragraph longer than this many characters is shown in part: from a
#: little before its first flagged word to a little after its last.
LONG = 1500
#: How many characters of a long paragraph are kept on each side of its flagged words.
MARGIN = 400
#: What stands for the words left out of a long paragraph.
ELLIPSIS = "…"


def flagged_paragraphs(findings: Sequence[Finding], blocks: Iterable[TextBlock],
                       secrets: Iterable[str]) -> list[dict[str, Any]]:
    """Each paragraph a finding is about, once, in reading order.

    A paragraph is ``{"paragraph_index": i, "segments": [...]}``; each
    segment is ``{"text": ...}``, with ``"marks"``, the positions in
    ``findings`` of the findings that flagged its words, when any did.
    ``secrets`` are the identifiers the rules found in the report.
    """
    by_index = {block.index: block for block in blocks}
    spans: dict[int, list[tuple[int, int, int]]] = {}
    for number, finding in enumerate(findings):
        index = finding.location.paragraph_index
        if index is None or index not in by_index:
            continue
        marked = spans.setdefault(index, [])
        size = len(by_index[index].text)
        if finding.span is not None:
            start, end = max(0, finding.span[0]), min(size, finding.span[1])
            if end > start:
                marked.append((start, end, number))
    patterns = _patterns(secrets)
    return [{"paragraph_index": index,
             "segments": _segments(by_index[index].text, spans[index], patterns)}
            for index in sorted(spans)]


def _patterns(secrets: Iterable[str]) -> list[regex.Pattern[str]]:
    """Each identifier, case folded as the masking step folds it, matched in any
    spacing, inside words too (in a text folded the same way).

    Looser than the masking step's whole-word match on purpose: every place
    it masks is found here, so no cut can fall inside one.
    """
    words = {fold(" ".join(secret.split())) for secret in secrets if secret.strip()}
    return [regex.compile(r"\s+".join(regex.escape(part) for part in secret.split()))
            for secret in sorted(words)]


def _guarded(text: str, patterns: list[regex.Pattern[str]]) -> list[tuple[int, int]]:
    """The stretches of ``text`` no cut may fall inside: identifiers, overlaps merged."""
    folded = fold(text)
    found = sorted((m.start(), m.end()) for pattern in patterns
                   for m in pattern.finditer(folded, overlapped=True))
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _outward(at: int, guarded: list[tuple[int, int]], leftward: bool) -> int:
    """``at``, or the edge of the identifier it falls inside, on the side asked."""
    for start, end in guarded:
        if start < at < end:
            return start if leftward else end
    return at


def _segments(text: str, spans: list[tuple[int, int, int]],
              patterns: list[regex.Pattern[str]]) -> list[dict[str, Any]]:
    guarded = _guarded(text, patterns)
    marks = [(_outward(start, guarded, True), _outward(end, guarded, False), number)
             for start, end, number in spans]
    low, high = 0, len(text)
    if len(text) > LONG:
        first = min((start for start, _, _ in marks), default=0)
        last = max((end for _, end, _ in marks), default=min(len(text), LONG - MARGIN))
        low = _outward(_word_start(text, max(0, first - MARGIN)), guarded, True)
        high = _outward(_word_end(text, min(len(text), last + MARGIN)), guarded, False)
    cuts = sorted({low, high, *(min(max(at, low), high) for start, end, _ in marks
                                for at in (start, end))})
    segments: list[dict[str, Any]] = [{"text": ELLIPSIS}] if low > 0 else []
    for start, end in pairwise(cuts):
        segment: dict[str, Any] = {"text": text[start:end]}
        covering = [number for first, last, number in marks if first <= start and end <= last]
        if covering:
            segment["marks"] = covering
        segments.append(segment)
    if high < len(text):
        segments.append({"text": ELLIPSIS})
    return segments


def _word_start(text: str, at: int) -> int:
    """``at`` moved back to the start of the word it is in."""
    while 0 < at < len(text) and not text[at - 1].isspace():
        at -= 1
    return at


def _word_end(text: str, at: int) -> int:
    """``at`` moved on to the end of the word it is in."""
    while 0 < at < len(text) and not text[at].isspace():
        at += 1
    return at
