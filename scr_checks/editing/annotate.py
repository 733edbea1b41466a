"""``scr-checks annotate``: a Word file's findings as comments on their words.

The earlier run's comments (author ``scr-checks``) are removed first and the
file is checked as it was before them, so annotating twice gives the same
file as annotating once.  Each finding becomes one comment on exactly the
words it is about; findings about the whole report, or about parts that are
not in the text (properties, comments, running headers), go on the title, as
does the scorecard.  Only the document part and the comments part (with its
relationship and content type, when it is new) change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scr_checks.config import READER_LIMITS
from scr_checks.document import TextBlock, blocks
from scr_checks.editing.comments import Comments, reference_run, text_parts
from scr_checks.editing.runs import Ids, cut, element, insert, lift
from scr_checks.editing.textmap import EditingReader, Point, TextMap, TracingBuilder
from scr_checks.formatters import encodable
from scr_checks.formatters.text import TextFormatter
from scr_checks.results import FileResult, Finding
from scr_checks.runner import Session

#: Characters XML 1.0 cannot hold; a comment drops them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: How far into the file the title is looked for before the first paragraph is used.
TITLE_WITHIN = 12


@dataclass
class Annotated:
    """The annotated file and what went into it."""

    data: bytes
    result: FileResult
    #: Comments on the words of their finding.
    on_words: int = 0
    #: Findings whose comment is on the title: about the whole report, or about
    #: something outside the text; each with the reason.
    on_title: list[tuple[Finding, str]] = field(default_factory=list)
    #: Comments of an earlier run that were replaced.
    replaced: int = 0


@dataclass
class _Mark:
    comment: str
    start: Point
    end: Point


def annotate(session: Session, path: Path, data: bytes, shown: str) -> Annotated:
    """Check the Word file ``data`` and return it with its findings as comments."""
    reader = EditingReader({key: session.config.get(key) for key in READER_LIMITS})
    _, before = reader.open(shown, data)
    earlier = Comments(before.parts)
    replaced = earlier.remove(earlier.own())
    if replaced:
        data = before.parts.save()
    report, builder = reader.open(shown, data)
    result = session.check_report(report, source=path)
    annotated = Annotated(data=data, result=result, replaced=replaced)
    if not result.read_ok:
        return annotated
    package = builder.parts
    comments = Comments(package)
    new_id = Ids(package.xml(name) for name in [*text_parts(package), comments.name or ""]
                 if name)
    by_index = {block.index: block for block in blocks(report)}
    maps: dict[int, TextMap | None] = {}

    def text_map(block: TextBlock) -> TextMap | None:
        if block.index not in maps:
            maps[block.index] = builder.text_map(block.index, block.text)
        return maps[block.index]

    title = _title(list(by_index.values()), text_map)
    marks: dict[int, list[_Mark]] = {}
    on_title: list[tuple[list[str], str]] = []
    for finding in result.findings:
        if finding.suppressed:
            continue
        span, why = _span(finding, by_index, text_map, builder.citations)
        lines = comment_lines(finding, session)
        if finding.location.paragraph_index in builder.citations:
            lines.append(f"(In footnote {_label(builder, finding)}.)")
        if span is None:
            annotated.on_title.append((finding, why))
            on_title.append((lines, why))
            continue
        number = new_id()
        comments.add(number, lines)
        marks.setdefault(finding.location.paragraph_index or 0, []).append(
            _Mark(number, *span))
        annotated.on_words += 1
    card = result.extras.get("scorecard")
    title_comments = ([_scorecard_lines(session, card, shown)] if card else []) + [
        lines + ([why] if why else []) for lines, why in on_title]
    title_map = text_map(title) if title is not None else None
    first = title_map.start(0) if title_map is not None else None
    last = title_map.end(len(title.text)) if title_map is not None and title else None
    if title is not None and first is not None and last is not None:
        for lines in title_comments:
            number = new_id()
            comments.add(number, lines)
            marks.setdefault(title.index, []).append(_Mark(number, first, last))
    for block_marks in marks.values():
        _place(block_marks, new_id)
        for mark in block_marks:
            package.changed_root(mark.start.element)
    annotated.data = package.save()
    return annotated


def _span(finding: Finding, by_index: dict[int, TextBlock], text_map: Any,
          citations: dict[int, Any]) -> tuple[tuple[Point, Point] | None, str]:
    """The points around a finding's words, or None with why it goes on the title.

    A finding in a footnote is put on the footnote's mark in the text:
    LibreOffice cannot open a Word file with a comment inside a footnote.
    """
    loc = finding.location
    block = by_index.get(loc.paragraph_index or 0)
    if block is None or loc.column is None:
        return None, ""
    mark = citations.get(block.index)
    if mark is not None:
        return (Point(mark, 0, (0, 0)), Point(mark, 1, (0, 1))), ""
    found = text_map(block)
    if found is None:
        return None, f"(Not placed on its words: {loc.describe()}.)"
    start = character(block.text, loc.column)
    end = character(block.text, loc.end_column) if loc.end_column else len(block.text)
    if end <= start:
        start, end = 0, len(block.text)
    first, last = found.start(start), found.end(end)
    if first is None or last is None or (first.element is last.element and
                                         first.index >= last.index):
        return None, f"(Not placed on its words: {loc.describe()}.)"
    return (first, last), ""


def character(text: str, column: int) -> int:
    """The index in ``text`` of a 1-based column counted in UTF-16 code units, as a
    Word finding's column counts within its paragraph."""
    units = 1
    for index, ch in enumerate(text):
        if units >= column:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _label(builder: TracingBuilder, finding: Finding) -> int:
    """The footnote's number as printed: its place among the footnotes cited."""
    return sorted(builder.citations).index(finding.location.paragraph_index or 0) + 1


def _title(ordered: list[TextBlock], text_map: Any) -> TextBlock | None:
    """The report's title: its first heading near the start, else its first block
    (of those whose words can be found in the XML)."""
    first = None
    for block in ordered[:TITLE_WITHIN]:
        if text_map(block) is None:
            continue
        if block.is_heading:
            return block
        first = first or block
    return first or next((b for b in ordered if text_map(b) is not None), None)


def _place(marks: list[_Mark], new_id: Any) -> None:
    """Put each comment's range and reference into the text, last point first.

    Working backwards keeps every point not yet used valid: cutting a run
    only moves what follows the cut.
    """
    at: dict[tuple[int, int], tuple[Point, list[str], list[str]]] = {}
    for mark in marks:
        at.setdefault(mark.end.order, (mark.end, [], []))[1].append(mark.comment)
        at.setdefault(mark.start.order, (mark.start, [], []))[2].append(mark.comment)
    for order in sorted(at, reverse=True):
        point, ends, starts = at[order]
        parent, index = cut(point)
        placed = [_anchor("commentRangeEnd", n) for n in ends]
        insert(parent, index, placed + [_anchor("commentRangeStart", n) for n in starts])
        for anchor, number in zip(placed, ends, strict=True):
            holder = anchor.getparent()
            after = lift(holder, holder.index(anchor) + 1, new_id)
            insert(*after, [reference_run(number)])


def _anchor(tag: str, number: str) -> Any:
    return element(tag, id=number)


def comment_lines(finding: Finding, session: Session) -> list[str]:
    """A finding as a comment: rule and severity, message, suggestion."""
    rule = session.rules[finding.rule_id] if finding.rule_id in session.rules else None
    name = f" {rule.name}" if rule is not None else ""
    lines = [f"{finding.rule_id}{name} ({finding.severity})", finding.message]
    if finding.suggestion:
        lines.append(f"Suggestion: {finding.suggestion}")
    return [xml_safe(line) for line in lines]


def _scorecard_lines(session: Session, card: list[dict[str, Any]], shown: str) -> list[str]:
    lines = TextFormatter(session.config).scorecard(card, "this report")
    return [xml_safe(line.strip()) for line in lines if line.strip()]


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", encodable(text))
