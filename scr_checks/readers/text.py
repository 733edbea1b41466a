"""Plain text: blocks are separated by blank lines; structure is recovered.

A heading is a line underlined (or over- and underlined) with a repeated
punctuation character, as in reST and most plain-text reports; or a single
short line that starts with a section number ("4.1 Information sharing") and
does not end like a sentence; or a single line in capitals; or a single short
line in title case ("Methodology and Report Structure").  As in reST,
heading levels follow the order in which each style first appears, numbered
headings having one style per depth.  Lines starting with "-", "*", "•" are
bullet items, "1." / "(a)" / "a)" enumerated items, and lines framed with
"|" (with "+---+" rules) a table.  A line with dotted leaders is a contents
entry, never a heading, and a line longer than an editor wraps is a paragraph
of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from scr_checks.document import Report
from scr_checks.locations import SourceText
from scr_checks.readers import Reader, decode_text
from scr_checks.readers.tree import TreeBuilder

ADORNMENT = re.compile(r"([=\-~*#^+_:.'\"`])\1{2,}\s*")
NUMBERED_HEADING = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+[A-Z(\"'‘“]")
BULLET = re.compile(r"(\s*)[-*•–]\s+")
ORDERED = re.compile(r"(\s*)(?:\d{1,3}[.)]|\([a-zA-Z0-9]{1,4}\)|[a-z][.)])\s+")
TABLE_RULE = re.compile(r"\s*\+[-=+:]+\+?\s*")
RULE_CELL = re.compile(r"[-=:]+")
MAX_HEADING_WORDS = 14
#: A line of this many words or fewer, every word capitalised but the small
#: ones, is a heading ("Methodology and Report Structure").
MAX_TITLE_CASE_WORDS = 8
SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of",
                         "on", "or", "the", "to", "with"})
#: Longer lines are paragraphs on one line, not lines wrapped by an editor.
PARAGRAPH_LINE = 200
#: Dotted leaders: a contents entry, never a heading.
LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}")


class TextReader(Reader):
    format = "text"
    suffixes = (".txt", ".text")

    def read(self, path: str, data: bytes) -> Report:
        text = decode_text(path, data)
        self.check_source(path, text)
        lines = text.split("\n")
        builder = TreeBuilder(path)
        styles: list[object] = []
        for first, block in _blocks(lines):
            _add_block(builder, styles, first, block)
        return Report(path=path, format=self.format, document=builder.document,
                      source=SourceText(lines, "plain"))


def _blocks(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """Runs of non-blank lines with the 1-based number of their first line.

    A line longer than any wrapped line is a whole paragraph (text copied from
    a web page or a PDF's text layer), so it ends its block.
    """
    block: list[str] = []
    first = 0
    for number, line in enumerate(lines, 1):
        if line.strip():
            if not block:
                first = number
            block.append(line)
            if len(line) > PARAGRAPH_LINE:
                yield first, block
                block = []
        elif block:
            yield first, block
            block = []
    if block:
        yield first, block


def _level(styles: list[object], style: object) -> int:
    if style not in styles:
        styles.append(style)
    return styles.index(style) + 1


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_adornment(line: str, title: str | None = None) -> bool:
    if not ADORNMENT.fullmatch(line.strip()):
        return False
    return title is None or len(line.strip()) >= min(len(title.strip()), 3)


def _add_block(builder: TreeBuilder, styles: list[object], first: int, block: list[str]) -> None:
    if len(block) >= 3 and _is_adornment(block[0]) and _is_adornment(block[2], block[1]):
        level = _level(styles, ("over", block[0].strip()[0]))
        builder.heading(level, block[1].strip(), line=first + 1, column=_indent(block[1]))
        rest, offset = block[3:], 3
    elif len(block) >= 2 and not _is_adornment(block[0]) and _is_adornment(block[1], block[0]):
        level = _level(styles, ("under", block[1].strip()[0]))
        builder.heading(level, block[0].strip(), line=first, column=_indent(block[0]))
        rest, offset = block[2:], 2
    else:
        _add_body(builder, styles, first, block)
        return
    if rest:
        _add_block(builder, styles, first + offset, rest)


def _heading_style(line: str) -> object | None:
    text = line.strip()
    words = text.split()
    if len(words) > MAX_HEADING_WORDS or text[-1] in ".,;:!" or LEADER.search(text):
        return None
    match = NUMBERED_HEADING.match(text)
    if match and len(words) > 1:
        return ("number", match.group(1).count(".") + 1)
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return ("capitals",)
    if _title_case(words) and text[-1] not in "?":
        return ("title case",)
    return None


def _title_case(words: list[str]) -> bool:
    """"Methodology and Report Structure": every word but the small ones capitalised."""
    if len(words) > MAX_TITLE_CASE_WORDS:
        return False
    capitalised = [w for w in words if w[:1].isalpha() and w.lower() not in SMALL_WORDS]
    return bool(capitalised) and all(w[0].isupper() for w in capitalised) and any(
        c.islower() for c in "".join(words))


def _add_body(builder: TreeBuilder, styles: list[object], first: int, block: list[str]) -> None:
    if len(block) == 1:
        style = _heading_style(block[0])
        if style is not None:
            builder.heading(_level(styles, style), block[0].strip(), line=first,
                            column=_indent(block[0]))
            return
    if all(line.lstrip()[:1] in "|+" for line in block) and any("|" in line for line in block):
        _add_table(builder, first, block)
        return
    for pattern, bullet in ((BULLET, True), (ORDERED, False)):
        if pattern.match(block[0]) and not LEADER.search(block[0]):
            _add_list(builder, first, block, pattern, bullet)
            return
    builder.paragraph("\n".join(line.strip() for line in block), line=first,
                      column=_indent(block[0]))


def _add_list(builder: TreeBuilder, first: int, block: list[str],
              pattern: re.Pattern[str], bullet: bool) -> None:
    indent = _indent(block[0])
    items: list[tuple[int, int, list[str]]] = []
    for number, line in enumerate(block, first):
        match = pattern.match(line)
        if match and len(match.group(1)) == indent:
            items.append((number, match.end(), [line[match.end():].strip()]))
        else:
            items[-1][2].append(line.strip())
    for number, column, parts in items:
        builder.list_item("\n".join(parts), bullet=bullet, line=number, column=column)


def _add_table(builder: TreeBuilder, first: int, block: list[str]) -> None:
    rows: list[list[list[tuple[str, dict[str, Any]]]]] = []
    header_rows = 0
    for number, line in enumerate(block, first):
        if TABLE_RULE.fullmatch(line) or not line.strip():
            if "=" in line and rows and not header_rows:
                header_rows = len(rows)
            continue
        cells = []
        bounds = [m.start() for m in re.finditer(r"\|", line)]
        for left, right in zip(bounds, [*bounds[1:], len(line)], strict=True):
            cell = line[left + 1 : right]
            if right == len(line) and not cell.strip():
                continue
            column = left + 1 + _indent(cell)
            cells.append([(cell.strip(), {"line": number, "column": column})])
        if all(RULE_CELL.fullmatch(cell[0][0]) for cell in cells):
            header_rows = header_rows or len(rows)
            continue
        rows.append(cells)
    builder.table(rows, header_rows, line=first)
