"""The report model: a docutils document plus what a location needs.

Every reader returns a :class:`Report`.  The core then cuts the tree into
:class:`TextBlock` objects, one for each block of prose (paragraph, title,
list-item paragraph, table-cell paragraph, definition term …), which is what
``scr_check_node`` receives.  A block knows its heading path, its paragraph
number and how to turn an offset in its text into a :class:`Location`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from docutils import frontend, nodes, utils

from scr_checks.locations import Aligner, SourceText, utf16_column
from scr_checks.patterns import compiled
from scr_checks.prose import word_runs
from scr_checks.records import FrozenRecord
from scr_checks.results import NAMED_NOTES, Location

#: A paragraph number at the start of a block: "3.2", "4.12.3", "10.1." …
PARAGRAPH_NUMBER = compiled(r"\s*((?:\d{1,3}\.){1,4}\d{1,3})\.?(?=\s)")

#: Node kinds whose text is never prose: code, markup, comments, targets.
_NOT_PROSE = (nodes.FixedTextElement, nodes.Inline, nodes.Invisible, nodes.system_message)


class HiddenContent(FrozenRecord):
    """Text a published file carries beyond what a reader sees on the page.

    ``kind`` is one of ``comment``, ``insertion``, ``deletion``,
    ``hidden-text``, ``property`` (document properties and PDF metadata),
    ``annotation`` or ``header-footer`` (Word's running headers and footers,
    which are printed but are not part of the body); ``where`` says where to find it ("comment 2",
    "document properties: author").  Frozen; a plain class, as a dataclass's
    generated methods are compiled at every start-up.
    """

    __match_args__ = ("kind", "text", "where")
    kind: str
    text: str
    where: str

    def __init__(self, kind: str, text: str, where: str) -> None:
        self.__dict__.update(kind=kind, text=text, where=where)

    @property
    def place(self) -> str:
        """Where it is, for a message: the kind named when ``where`` alone would
        send a reader to a paragraph that does not show it ("a tracked deletion
        in paragraph 9")."""
        if self.kind == "header-footer":
            margin = "footer" if self.where.startswith("footer") else "header"
            return f"a page {margin} ({self.where})"
        kind = _HIDDEN_PLACES.get(self.kind)
        return f"{kind} in {self.where}" if kind else self.where

    @property
    def remedy(self) -> str:
        """What takes it out of the file, or ``""`` when the words are printed
        (a running header) and the finding's own suggestion applies."""
        if self.kind == "property":
            return next((fix for start, fix in _PROPERTY_REMEDIES
                         if self.where.startswith(start)), _PROPERTY_REMEDY)
        return _HIDDEN_REMEDIES.get(self.kind, "")


#: Kinds of hidden content whose ``where`` is a visible paragraph.
_HIDDEN_PLACES = {"deletion": "a tracked deletion", "insertion": "a tracked insertion",
                  "hidden-text": "hidden text"}
_HIDDEN_REMEDIES = {
    "deletion": "accept the change: the deleted words stay in the file until it is accepted",
    "hidden-text": "delete the hidden text: it is not shown but stays in the file",
    "comment": "delete the comment before publishing",
    "annotation": "delete the annotation before publishing",
}
#: A person's name in a property, by the ``where`` the readers give it.
_PROPERTY_REMEDIES = (
    ("comment ", "delete the comments before publishing; Word's Inspect Document "
     "(File > Info > Check for Issues) removes them and their authors' names"),
    ("page ", "delete the annotation, or set its author to the organisation's name"),
    ("meta ", "remove the author from the page's meta tags"),
)
_PROPERTY_REMEDY = ("clear the author fields of the document properties (in Word: File > "
                    "Info > Check for Issues > Inspect Document > Document Properties and "
                    "Personal Information)")


@dataclass
class Report:
    """A parsed report: its tree, and its source lines when it is a text format."""

    path: str
    format: str
    document: nodes.document
    #: The decoded lines for text formats; ``None`` for DOCX and PDF.
    source: SourceText | None = None
    #: Problems the parser noticed: (line or None, level 2-4, message).
    parse_messages: list[tuple[int | None, int, str]] = field(default_factory=list)
    #: Comments, tracked changes, properties and metadata (DOCX and PDF).
    hidden: list[HiddenContent] = field(default_factory=list)

    @property
    def binary(self) -> bool:
        return self.source is None


def new_document(path: str) -> nodes.document:
    """An empty document with quiet settings, for readers that build a tree by hand."""
    settings = frontend.get_default_settings()
    settings.report_level = 5
    settings.halt_level = 5
    settings.warning_stream = False
    return utils.new_document(path, settings)


def node_line(node: nodes.Node) -> int | None:
    """The node's source line, or its nearest ancestor's or first descendant's."""
    if node.line:
        return node.line
    for child in node.findall(include_self=False):
        if isinstance(child, nodes.Element) and child.line:
            return child.line
    parent = node.parent
    while parent is not None:
        if parent.line:
            return parent.line
        parent = parent.parent
    return None


@dataclass
class TextBlock:
    """One block of prose, as a checker sees it.

    ``text`` has every hard line break folded into a space, so offsets in it
    are offsets in ``node.astext()`` too.
    """

    node: nodes.Element
    text: str
    path: str
    heading_path: tuple[str, ...] = ()
    paragraph_number: str | None = None
    #: 1-based position of this block in reading order.
    index: int = 0
    page: int | None = None
    #: For PDF, the block's first line on its page.
    page_line: int | None = None
    #: Which part of the report the block is in: ``front``, ``contents``,
    #: ``furniture``, ``body``, ``glossary`` or ``appendix`` (see
    #: :mod:`scr_checks.layout`); set by the core before any check runs.
    part: str = "body"
    #: Its place among the paragraphs of its section, headings not counted (0: a heading).
    section_paragraph: int | None = None
    #: The footnote the block is in ("2"), or ``None``.
    footnote: str | None = None
    _aligner: Aligner | None = None

    @property
    def kind(self) -> str:
        """The docutils node name: ``paragraph``, ``title``, ``term`` …"""
        return self.node.tagname

    @cached_property
    def words(self) -> frozenset[str]:
        """The block's distinct runs of letters and digits, case-folded
        (:func:`scr_checks.word_runs`), kept while the block lives."""
        return word_runs(self.text)

    @property
    def is_heading(self) -> bool:
        return isinstance(self.node, nodes.title)

    @property
    def in_table(self) -> bool:
        return _has_ancestor(self.node, nodes.entry)

    @property
    def in_list(self) -> bool:
        return _has_ancestor(self.node, nodes.list_item)

    @property
    def in_block_quote(self) -> bool:
        """Inside a block quotation (Markdown's ``>``; in reST, any indented block)."""
        return _has_ancestor(self.node, nodes.block_quote)

    def source_position(self, offset: int) -> tuple[int, int] | None:
        """Where ``text[offset]`` is in a text format's source: (line, index in the
        line, in characters); ``None`` for Word and PDF."""
        if self._aligner is None or not 0 <= offset < len(self.text):
            return None
        return self._aligner.position(offset)

    def location(self, start: int = 0, end: int | None = None) -> Location:
        """The location of ``text[start:end]``; the whole block by default."""
        if end is None:
            end = len(self.text)
        end = max(end, start)

        if self._aligner is None:  # Word, PDF: columns within the paragraph's text
            start = min(start, len(self.text))
            return self._located(None, utf16_column(self.text, start), None,
                                 utf16_column(self.text, min(end, len(self.text))))
        aligner = self._aligner
        if not self.text:
            line = aligner.start[0]
            return self._located(line, 1, line, 1)
        # The end first: aligning up to it aligns the start too, in one step.
        last = aligner.position(min(max(end - 1, start), len(self.text) - 1))
        first = aligner.position(min(start, len(self.text) - 1))
        source = aligner.source
        return self._located(first[0], utf16_column(source.line(first[0]), first[1]),
                             last[0], utf16_column(source.line(last[0]), last[1] + 1))

    def _located(self, line: int | None, column: int, end_line: int | None,
                 end_column: int) -> Location:
        return Location(path=self.path, line=line, column=column, end_line=end_line,
                        end_column=end_column, heading_path=self.heading_path,
                        paragraph_number=self.paragraph_number, paragraph_index=self.index,
                        page=self.page, page_line=self.page_line,
                        section_paragraph=self.section_paragraph, footnote=self.footnote)


def _has_ancestor(node: nodes.Node, kind: type) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kind):
            return True
        parent = parent.parent
    return False


def prose_nodes(document: nodes.document) -> Iterator[tuple[nodes.Element, tuple[str, ...]]]:
    """Each block of prose with the titles of the sections around it, outermost first.

    One walk of the tree, in document order: a section's title is read once
    rather than once for every block below it, and the subtree of a node that
    is not prose (code, comments, inline markup) is skipped whole.
    """
    stack: list[tuple[nodes.Node, tuple[str, ...]]] = [(document, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, _NOT_PROSE):
            continue
        if isinstance(node, nodes.section) and node.children and isinstance(
                node.children[0], nodes.title):
            path = (*path, " ".join(node.children[0].astext().split()))
        if isinstance(node, nodes.TextElement):
            yield node, path
        if isinstance(node, nodes.Element):
            stack.extend((child, path) for child in reversed(node.children))


def paragraph_number(node: nodes.Element, text: str) -> str | None:
    """The report's own number for this paragraph ("3.2"), if it has one."""
    number = node.get("number")
    if number:
        return str(number)
    match = PARAGRAPH_NUMBER.match(text)
    return match.group(1) if match else None


def _footnote(node: nodes.Element, seen: dict[int, str]) -> str | None:
    """The number of the footnote ``node`` is in: its label, or else its place
    among the report's footnotes (a Word note follows the paragraph citing it,
    so that is the number Word shows); a Word endnote's name ("endnote 2");
    ``None`` outside a note."""
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.footnote):
        parent = parent.parent
    if parent is None:
        return None
    key = id(parent)
    named = [name for name in parent["names"] if name.startswith(NAMED_NOTES)]
    if named:  # a Word endnote, diagram or chart, numbered apart from the footnotes
        return named[0]
    if key not in seen:
        label = next((child.astext().strip() for child in parent.children
                      if isinstance(child, nodes.label)), "")
        seen[key] = label or str(len(seen) + 1)
    return seen[key]


def blocks(report: Report) -> list[TextBlock]:
    """Cut the report into prose blocks, in reading order."""
    out: list[TextBlock] = []
    counted: Counter[tuple[str, ...]] = Counter()
    notes: dict[int, str] = {}
    for node, path in prose_nodes(report.document):
        text = node.astext().replace("\n", " ")
        if not text.strip():
            continue
        heading = isinstance(node, nodes.title)
        note = _footnote(node, notes)
        if not heading and note is None:  # a note is not one of its section's paragraphs
            counted[path] += 1
        aligner = None
        if report.source is not None:
            line = node_line(node) or 1
            aligner = Aligner(text, report.source, line, int(node.get("column", 0)))
        out.append(
            TextBlock(
                node=node,
                text=text,
                path=report.path,
                heading_path=path,
                paragraph_number=paragraph_number(node, text),
                index=int(node.get("index", len(out) + 1)),
                page=node.get("page"),
                page_line=node.get("page_line"),
                section_paragraph=None if note is not None else 0 if heading
                else counted[path],
                footnote=note,
                _aligner=aligner,
            )
        )
    return out
