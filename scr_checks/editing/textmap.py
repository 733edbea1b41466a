"""Where each character of a Word block's text is in the XML.

The reader builds a block's text from the ``w:t``, ``w:tab`` … elements of
its runs, joining and trimming on the way.  Reading the file again with a
builder that also notes each element's text, and aligning that against the
block's text, gives for every character the element and the index in it it
came from — so a finding's columns lead to the exact runs, whatever runs,
fields, hyperlinks or tracked insertions the words are split across.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scr_checks.document import Report
from scr_checks.editing.package import EditablePackage
from scr_checks.readers.docx import DocxReader, Package, _Builder, _paragraphs, w


@dataclass(frozen=True)
class Piece:
    """The visible text of one element of a run; ``element`` is None for a space
    the reader put between two paragraphs of one block (a footnote's)."""

    element: Any
    text: str


@dataclass(frozen=True)
class Point:
    """The place just before character ``index`` of ``element``'s text.

    ``order`` sorts points in document order within one part.
    """

    element: Any
    index: int
    order: tuple[int, int]


class TextMap:
    """Each character of a block's text, mapped to the piece it came from."""

    def __init__(self, pieces: list[Piece], origins: list[tuple[int, int] | None]) -> None:
        self.pieces = pieces
        #: For each character of the block's text: (piece number, index in piece).
        self.origins = origins

    @classmethod
    def align(cls, text: str, pieces: list[Piece]) -> TextMap | None:
        """Map ``text`` onto the pieces' characters; ``None`` when they disagree.

        The reader folds line breaks into spaces, trims the ends and (in
        footnotes) collapses runs of white space, so white space may be
        skipped on either side; any other difference means the block did not
        come from these pieces.
        """
        raw = [(number, at, ch) for number, piece in enumerate(pieces)
               for at, ch in enumerate(piece.text)]
        origins: list[tuple[int, int] | None] = []
        j = 0
        for ch in text:
            while j < len(raw) and raw[j][2] != ch and raw[j][2].isspace() and not (
                    ch.isspace()):
                j += 1
            if j < len(raw) and (raw[j][2] == ch or (ch.isspace() and raw[j][2].isspace())):
                origins.append(raw[j][:2] if pieces[raw[j][0]].element is not None else None)
                j += 1
            elif ch.isspace():
                origins.append(None)
            else:
                return None
        return cls(pieces, origins)

    def start(self, offset: int) -> Point | None:
        """The point before the first mapped character at or after ``offset``."""
        for origin in self.origins[offset:]:
            if origin is not None:
                return self._point(*origin)
        return None

    def end(self, offset: int) -> Point | None:
        """The point after the last mapped character before ``offset``."""
        for origin in reversed(self.origins[:offset]):
            if origin is not None:
                return self._point(origin[0], origin[1] + 1)
        return None

    def _point(self, number: int, index: int) -> Point:
        return Point(self.pieces[number].element, index, (number, index))


class TracingBuilder(_Builder):
    """The reader's builder, also noting which paragraphs each block came from."""

    def __init__(self, path: str, package: Package) -> None:
        assert isinstance(package, EditablePackage)
        #: The parts, kept for editing.
        self.parts = package
        #: Block index -> the ``w:p`` elements its text came from.
        self.sources: dict[int, list[Any]] = {}
        #: Block index of a footnote -> the ``w:footnoteReference`` citing it.
        self.citations: dict[int, Any] = {}
        self._paragraph: Any = None
        self._trace: list[Piece] | None = None
        super().__init__(path, package)

    def emit(self, out: list[str], element: Any, text: str) -> None:
        super().emit(out, element, text)
        if self._trace is not None:
            self._trace.append(Piece(element, text))

    def paragraph_element(self, p: Any, cell: list | None = None) -> None:
        before = self.index
        self._paragraph = p
        super().paragraph_element(p, cell)
        if self.index > before and before + 1 not in self.sources and \
                before + 1 not in self.graphic_blocks:  # else a text box's or a chart's
            self.sources[before + 1] = [p]

    def footnote(self, label: str, text: str) -> None:
        """The footnote's paragraphs and the mark citing it, when they hold its text
        (a note of another kind, read the same way, is then left unmapped)."""
        super().footnote(label, text)
        notes = self.parts.xml("word/footnotes.xml")
        for note in notes.iterfind(w("footnote")) if notes is not None else ():
            paragraphs = list(_paragraphs(note))  # a text box's once, not its VML copy
            if note.get(w("id")) == label and " ".join(
                    self.text(p) for p in paragraphs).split() == text.split():
                self.sources[self.index] = paragraphs
                self.citations.update(
                    (self.index, reference)
                    for reference in self._paragraph.iter(w("footnoteReference"))
                    if reference.get(w("id")) == label)

    def pieces(self, paragraphs: list[Any]) -> list[Piece]:
        """The visible text of ``paragraphs``, element by element, a space between them."""
        out: list[Piece] = []
        for number, p in enumerate(paragraphs):
            if number:
                out.append(Piece(None, " "))
            self._trace = []
            self._runs(p, [], False)
            out.extend(self._trace)
        self._trace = None
        return out

    def text_map(self, index: int, text: str) -> TextMap | None:
        """The map of block ``index`` (whose text is ``text``), if it can be made."""
        paragraphs = self.sources.get(index)
        return TextMap.align(text, self.pieces(paragraphs)) if paragraphs else None


class EditingReader(DocxReader):
    """The Word reader, keeping the parsed parts and the blocks' elements."""

    def package(self, path: str, data: bytes) -> EditablePackage:
        return EditablePackage(path, data, self.limit("max_unpacked_size"),
                               self.limit("max_compression_ratio"))

    def builder(self, path: str, package: Package) -> TracingBuilder:
        return TracingBuilder(path, package)

    def open(self, path: str, data: bytes) -> tuple[Report, TracingBuilder]:
        report, builder = self.read_with_builder(path, data)
        assert isinstance(builder, TracingBuilder)
        return report, builder
