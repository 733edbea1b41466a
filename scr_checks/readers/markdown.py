"""Markdown (CommonMark plus pipe tables) through markdown-it-py's tokens.

markdown-it-py gives every block token a ``map`` of source lines, table rows
included, so each node gets its exact first line; the column where its words
start is computed from that line (after ``#``, list markers, ``>`` and table
pipes) so that the core's aligner starts in the right place.  MyST is not
used: it would pull in Sphinx, and review authors do not write directives.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes

from scr_checks.document import Report
from scr_checks.locations import SourceText
from scr_checks.readers import Reader, decode_text
from scr_checks.readers.tree import TreeBuilder, text_node

_QUOTE = re.compile(r"(?:[ \t]*>)*[ \t]*")
_LIST_MARKERS = re.compile(r"(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))*")
_ATX = re.compile(r"[ \t]*#{1,6}[ \t]+")
_PIPE = re.compile(r"(?<!\\)\|")


class MarkdownReader(Reader):
    format = "markdown"
    suffixes = (".md", ".markdown")

    def read(self, path: str, data: bytes) -> Report:
        from markdown_it import MarkdownIt

        text = decode_text(path, data)
        lines = text.split("\n")
        tokens = MarkdownIt("commonmark").enable("table").parse(text)
        builder = _Builder(path, lines)
        builder.build(tokens)
        return Report(path=path, format=self.format, document=builder.document,
                      source=SourceText(lines, "markdown"))


def inline_text(token: Any) -> str:
    """The plain text of an inline token: link text kept, markup dropped."""
    out = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "image":
            out.append(inline_text(child))
    return "".join(out)


def cell_columns(line: str) -> list[int]:
    """Where each pipe-table cell's text starts in ``line`` (0-based)."""
    bounds = [m.start() for m in _PIPE.finditer(line)]
    if not line.strip().startswith("|"):
        bounds.insert(0, -1)
    columns = []
    for at in bounds:
        start = at + 1
        while start < len(line) and line[start] in " \t":
            start += 1
        if start < len(line):
            columns.append(start)
    return columns


class _Builder(TreeBuilder):
    def __init__(self, path: str, lines: list[str]) -> None:
        super().__init__(path)
        self.lines = lines
        #: Open lists, list items and block quotes, innermost last.
        self.stack: list[nodes.Element] = []
        self.item_line: int | None = None

    def _where(self, token: Any, pattern: re.Pattern[str]) -> dict[str, int]:
        first = token.map[0] if token.map else 0
        source = self.lines[first] if first < len(self.lines) else ""
        match = pattern.match(source)
        return {"line": first + 1, "column": match.end() if match else 0}

    def _append(self, node: nodes.Element) -> None:
        (self.stack[-1] if self.stack else self.container).append(node)

    def build(self, tokens: list[Any]) -> None:
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind == "heading_open":
                self.stack.clear()
                pattern = _ATX if token.markup.startswith("#") else _QUOTE
                self.heading(int(token.tag[1]), inline_text(tokens[i + 1]),
                             **self._where(token, pattern))
                i += 3
                continue
            if kind == "paragraph_open":
                first_in_item = token.map and self.item_line == token.map[0]
                where = self._where(token, _LIST_MARKERS if first_in_item else _QUOTE)
                self._append(text_node(nodes.paragraph, inline_text(tokens[i + 1]), **where))
                i += 3
                continue
            if kind in ("bullet_list_open", "ordered_list_open"):
                bullet = kind == "bullet_list_open"
                node = nodes.bullet_list() if bullet else nodes.enumerated_list()
                node.line = token.map[0] + 1
                self._append(node)
                self.stack.append(node)
            elif kind in ("list_item_open", "blockquote_open"):
                node = nodes.list_item() if kind == "list_item_open" else nodes.block_quote()
                node.line = token.map[0] + 1
                self.item_line = token.map[0]
                self._append(node)
                self.stack.append(node)
            elif kind in ("bullet_list_close", "ordered_list_close", "list_item_close",
                          "blockquote_close"):
                if self.stack:  # empty when a heading inside the list reset it
                    self.stack.pop()
            elif kind == "table_open":
                i = self._table(tokens, i)
                continue
            elif kind in ("fence", "code_block"):
                block = nodes.literal_block(token.content, token.content)
                block.line = token.map[0] + 1
                self._append(block)
            i += 1

    def _table(self, tokens: list[Any], i: int) -> int:
        start = tokens[i]
        rows: list[list[list[tuple[str, dict[str, int]]]]] = []
        header_rows = 0
        in_head = False
        while tokens[i].type != "table_close":
            token = tokens[i]
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                line = token.map[0]
                columns = cell_columns(self.lines[line])
                rows.append([])
                header_rows += in_head
            elif token.type in ("th_open", "td_open"):
                column = len(rows[-1])
                at = {"line": line + 1,
                      "column": columns[column] if column < len(columns) else 0}
                rows[-1].append([(inline_text(tokens[i + 1]), at)])
            i += 1
        table = self.table(rows, header_rows, line=start.map[0] + 1)
        if self.stack:
            table.parent.remove(table)
            self._append(table)
        return i + 1
