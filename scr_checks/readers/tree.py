"""Build the one tree shape every reader produces.

Readers for formats other than reST see a flat run of headings (with a
level), paragraphs, list items and table rows.  :class:`TreeBuilder` turns
that run into nested ``section`` nodes with a ``title``, ``paragraph``,
``bullet_list``/``enumerated_list`` with ``list_item``, and ``table``
(tgroup/tbody/row/entry, one paragraph per cell paragraph), so that checkers
never need to know which format a report came from.

Location attributes are passed through as keyword arguments: ``line`` (the
1-based source line, text formats), ``column`` (0-based index in that line
where the block's words start), ``index`` (1-based paragraph index, DOCX and
PDF), ``page`` (PDF) and ``number`` (a list number such as "3.2" that is not
part of the text).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docutils import nodes

from scr_checks.document import new_document

#: ``comments``: texts of the (Word) comments anchored to the block, which
#: suppression markers are read from; ``part``: the part of the report the
#: file itself says the block is in (a Word contents field, an HTML ``nav``),
#: which :mod:`scr_checks.layout` takes over its own reading of the text.
_NODE_ATTRIBUTES = ("column", "index", "page", "page_line", "number", "comments", "part")


def locate(node: nodes.Element, **where: Any) -> nodes.Element:
    """Set ``line`` and the location attributes the core reads on ``node``."""
    line = where.get("line")
    if line is not None:
        node.line = line
    for key in _NODE_ATTRIBUTES:
        if where.get(key) is not None:
            node[key] = where[key]
    return node


def text_node(kind: type[nodes.TextElement], text: str, **where: Any) -> nodes.Element:
    """A paragraph or title holding ``text`` as one Text child."""
    return locate(kind(text, text), **where)


class TreeBuilder:
    """Accumulates blocks in reading order into a sectioned docutils tree."""

    def __init__(self, path: str) -> None:
        self.document = new_document(path)
        self.document["source"] = path
        #: Open sections, outermost first, with their heading level.
        self._sections: list[tuple[float, nodes.section]] = []
        self._list: nodes.Element | None = None
        self._list_bullet: bool | None = None

    @property
    def container(self) -> nodes.Element:
        """Where the next block goes: the innermost open section, or the document."""
        return self._sections[-1][1] if self._sections else self.document

    def heading(self, level: float, text: str, **where: Any) -> nodes.section:
        """Open a section at ``level``; smaller numbers are outer sections."""
        self.end_list()
        while self._sections and self._sections[-1][0] >= level:
            self._sections.pop()
        section = nodes.section()
        if float(level).is_integer():
            section["level"] = int(level)  # the file's own level: "####" under "##" skips one
        name = nodes.fully_normalize_name(text)
        section["names"].append(name)
        section["ids"].append(nodes.make_id(name) or f"section-{len(self.document.ids)}")
        self.document.ids[section["ids"][0]] = section
        if where.get("line") is not None:
            section.line = where["line"]
        section += text_node(nodes.title, text, **where)
        self.container.append(section)
        self._sections.append((level, section))
        return section

    def paragraph(self, text: str, **where: Any) -> nodes.Element:
        self.end_list()
        node = text_node(nodes.paragraph, text, **where)
        self.container.append(node)
        return node

    def list_item(self, text: str, bullet: bool = True, **where: Any) -> nodes.Element:
        """Add an item, starting a new list when the kind of list changes."""
        if self._list is None or self._list_bullet != bullet:
            self.end_list()
            self._list = nodes.bullet_list() if bullet else nodes.enumerated_list()
            if where.get("line") is not None:
                self._list.line = where["line"]
            self.container.append(self._list)
            self._list_bullet = bullet
        item = nodes.list_item()
        if where.get("line") is not None:
            item.line = where["line"]
        paragraph = text_node(nodes.paragraph, text, **where)
        item += paragraph
        self._list += item
        return paragraph

    def end_list(self) -> None:
        self._list = None
        self._list_bullet = None

    def table(self, rows: Sequence[Sequence[Sequence[tuple[str, dict[str, Any]]]]],
              header_rows: int = 0, **where: Any) -> nodes.table:
        """Add a table: ``rows`` of cells, each cell a list of (text, where) paragraphs."""
        self.end_list()
        width = max((len(row) for row in rows), default=0)
        table = locate(nodes.table(), **where)
        group = nodes.tgroup(cols=width)
        table += group
        for _ in range(width):
            group += nodes.colspec(colwidth=1)
        head = nodes.thead()
        body = nodes.tbody()
        for number, cells in enumerate(rows):
            row = nodes.row()
            for cell in cells:
                entry = nodes.entry()
                for text, at in cell:
                    if text.strip():
                        entry += text_node(nodes.paragraph, text, **at)
                row += entry
            for _ in range(width - len(cells)):
                row += nodes.entry()
            (head if number < header_rows else body).append(row)
        if header_rows:
            group += head
        group += body
        self.container.append(table)
        return table
