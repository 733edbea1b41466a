"""Word documents, read from the OOXML inside the zip with lxml.

python-docx is not used for reading: it silently drops tracked insertions,
simple fields and content controls, and cannot give the list numbers
("3.2") that reports cite.  Here the text is the *final view* (insertions
kept, deletions dropped, hidden text and comments left out); headings come
from the paragraph style's name ("Title", "Heading N") or outline level;
numbers are computed from ``numbering.xml`` and set as ``node["number"]``;
footnotes and endnotes follow the paragraph that cites them (a note nothing
cites comes at the end), and the paragraphs of a text box follow the
paragraph it is anchored in.  The text of SmartArt diagrams and charts
(their labels, titles and category and series names) follows the paragraph
that draws them (or comes at the end), each as a note named "diagram 1",
"chart 2" after its part.  Comments, running
headers and footers, tracked changes, hidden text and document properties
are returned as hidden content.
A document embedded as HTML or plain text (``altChunk``) is read where it
stands; one in any other format is an error, never text left unchecked.

A DOCX is a zip of XML written by whoever sent it: member sizes and
compression ratios are checked before anything is decompressed, and the XML
parser neither loads DTDs nor expands entities nor reaches the network.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from scr_checks.document import HiddenContent, Report
from scr_checks.readers import Reader, ReaderError, check_markup
from scr_checks.readers.tree import TreeBuilder, text_node

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
NS = {
    "w": W,
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}

#: Most members a DOCX may hold (sizes and ratios are configured limits).
MAX_MEMBERS = 10_000

_DECIMAL_NUMBER = re.compile(r"\d+(?:\.\d+)*")
_PROPERTIES = (
    ("docProps/core.xml", "dc:creator", "author"),
    ("docProps/core.xml", "cp:lastModifiedBy", "last modified by"),
    ("docProps/core.xml", "dc:title", "title"),
    ("docProps/core.xml", "dc:subject", "subject"),
    ("docProps/core.xml", "cp:keywords", "keywords"),
    ("docProps/core.xml", "dc:description", "comments"),
    ("docProps/app.xml", "ep:Company", "company"),
    ("docProps/app.xml", "ep:Manager", "manager"),
)


#: Word's running header and footer parts: word/header1.xml, word/footer2.xml …
_MARGIN_PART = re.compile(r"word/((?:header|footer)[0-9]*)\.xml")
#: The parts that hold the text of SmartArt (word/diagrams/data1.xml) and of
#: charts (word/charts/chart2.xml, word/charts/chartEx1.xml).
_GRAPHIC_PART = re.compile(r"word/(?:diagrams/(data)|charts/(chart|chartEx))([0-9]*)\.xml")
_DRAWING_TEXT = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
#: Chart elements whose values are numbers (or formulas), not words shown.
_DIAGRAM_REFERENCE = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds"
_CHART_REFERENCES = ("{http://schemas.openxmlformats.org/drawingml/2006/chart}chart",
                     "{http://schemas.microsoft.com/office/drawing/2014/chartex}chart")
_CHART_NUMBERS = frozenset({"numCache", "numLit", "numDim", "numRef", "f"})


def w(name: str) -> str:
    return f"{{{W}}}{name}"


_ALTERNATE = f"{{{MC}}}AlternateContent"
_TEXT_BOX = w("txbxContent")


def _descend(element: Any) -> Any:
    """``element``'s descendants in document order, each text once.

    Of an ``mc:AlternateContent`` only the first ``mc:Choice`` (else the
    ``mc:Fallback``) is followed: Word writes a text box twice, as a drawing
    and as its VML fallback.  A text box (``w:txbxContent``) is yielded but
    not entered; its paragraphs are read on their own.
    """
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child.tag, str):
            continue
        if child.tag == _ALTERNATE:
            branch = child.find(f"{{{MC}}}Choice")
            if branch is None:
                branch = child.find(f"{{{MC}}}Fallback")
            if branch is not None:
                stack.append(iter(branch))
            continue
        yield child
        if child.tag != _TEXT_BOX:
            stack.append(iter(child))


def _paragraphs(element: Any) -> Any:
    """Every ``w:p`` in ``element``, those of its text boxes after their anchor."""
    for child in _descend(element):
        if child.tag == w("p"):
            yield child
        elif child.tag == _TEXT_BOX:
            yield from _paragraphs(child)


class DocxReader(Reader):
    format = "docx"
    suffixes = (".docx", ".docm")

    def read(self, path: str, data: bytes) -> Report:
        return self.read_with_builder(path, data)[0]

    def read_with_builder(self, path: str, data: bytes) -> tuple[Report, _Builder]:
        """The report, and the builder that walked the XML.

        The commands that edit a Word file override :meth:`package` and
        :meth:`builder` to keep the parsed parts and to remember which element
        each block came from.
        """
        package = self.package(path, data)
        package.max_blocks = self.limit("max_blocks")
        document = package.xml("word/document.xml")
        if document is None:
            raise ReaderError(path, "not a Word document (no word/document.xml in the file)")
        body = document.find(w("body"))
        if body is None:
            raise ReaderError(path, "word/document.xml has no body")
        try:
            reader = self.builder(path, package)
            reader.blocks(body)
            reader.uncited_notes()
            reader.graphics()
        except _NotANumber as exc:
            raise ReaderError(path, str(exc)) from None
        reader.properties()
        reader.margins()
        return Report(path=path, format=self.format, document=reader.document,
                      hidden=reader.hidden), reader

    def package(self, path: str, data: bytes) -> Package:
        return Package(path, data, self.limit("max_unpacked_size"),
                       self.limit("max_compression_ratio"))

    def builder(self, path: str, package: Package) -> _Builder:
        return _Builder(path, package)


class Package:
    """The zip's members, checked for size before any is decompressed."""

    #: ``max_blocks``, which bounds the elements of a part before it is parsed.
    max_blocks: int | None = None

    def __init__(self, path: str, data: bytes, max_unpacked: int, max_ratio: int) -> None:
        from lxml import etree

        self.path = path
        self.parser = etree.XMLParser(resolve_entities=False, no_network=True,
                                      load_dtd=False, huge_tree=False, remove_comments=True)
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
            members = self.zip.infolist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError,
                NotImplementedError) as exc:  # e.g. "zip file version 8.4" in a damaged index
            raise ReaderError(path, f"not a valid DOCX (damaged zip: {exc})") from None
        if len(members) > MAX_MEMBERS:
            raise ReaderError(path, f"zip holds {len(members):,} members; refusing to read")
        total = sum(m.file_size for m in members)
        if total > max_unpacked:
            raise ReaderError(path, f"zip would expand to {total:,} bytes, over the limit of "
                                    f"{max_unpacked:,} (max_unpacked_size; possible zip bomb)")
        for member in members:
            if member.file_size > 1_000_000 and member.file_size > max_ratio * max(
                    member.compress_size, 1):
                ratio = member.file_size // max(member.compress_size, 1)
                raise ReaderError(path, f"zip member {member.filename} is compressed {ratio}:1, "
                                        f"over {max_ratio}:1 (max_compression_ratio; possible "
                                        "zip bomb)")
        self.names = {m.filename for m in members}

    def _tags(self, name: str) -> int:
        """How many tags part ``name`` holds, counted 1 MB at a time, so that a
        part too large to parse is refused without being held whole."""
        count = 0
        with self.zip.open(name) as stream:
            while chunk := stream.read(1 << 20):
                count += chunk.count(b"<")
        return count

    def read(self, name: str) -> bytes:
        """The bytes of member ``name`` (its size already checked)."""
        try:
            return self.zip.read(name)
        except (KeyError, zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError,
                zlib.error, RuntimeError, NotImplementedError) as exc:
            raise ReaderError(self.path, f"damaged zip member {name}: {exc}") from None

    def target(self, relationship: str) -> str | None:
        """The member a relationship of ``word/document.xml`` leads to, if it is one."""
        rels = self.xml("word/_rels/document.xml.rels")
        target = ""
        for rel in rels.iterfind(f"{{{PACKAGE_RELATIONSHIPS}}}Relationship") \
                if rels is not None else ():
            if rel.get("Id") == relationship:
                target = rel.get("Target") or ""
        name = target.lstrip("/") if target.startswith("/") else f"word/{target}"
        name = re.sub(r"[^/]+/\.\./", "", name)
        return name if target and name in self.names else None

    def embedded(self, relationship: str) -> tuple[str, str]:
        """The part an ``altChunk`` relationship leads to, and its content type."""
        name = self.target(relationship)
        if name is None:
            raise ReaderError(self.path, f"an embedded document (altChunk {relationship!r}) "
                                         "is missing from the file, so it was not checked")
        types = self.xml("[Content_Types].xml")
        kind = ""
        for entry in types if types is not None else ():
            if entry.get("PartName", "").lstrip("/") == name:
                kind = entry.get("ContentType", "")
                break
            if entry.get("Extension") and name.lower().endswith(
                    "." + entry.get("Extension", "").lower()) and not kind:
                kind = entry.get("ContentType", "")
        return name, kind.split(";")[0].strip().lower()

    def xml(self, name: str) -> Any:
        from lxml import etree

        if name not in self.names:
            return None
        try:
            if self.max_blocks is not None:
                check_markup(self.path, name, self._tags(name), self.max_blocks)
            return etree.fromstring(self.zip.read(name), self.parser)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, zlib.error,
                RuntimeError, NotImplementedError) as exc:  # damaged, encrypted, odd method
            raise ReaderError(self.path, f"damaged zip member {name}: {exc}") from None
        except etree.XMLSyntaxError as exc:
            raise ReaderError(self.path, f"{name} {_xml_problem(exc)}") from None


def _xml_problem(exc: Exception) -> str:
    """What is wrong with a part that lxml would not parse, in a reviewer's words."""
    message = str(exc)
    if "depth" in message.lower() and "XML_PARSE_HUGE" in message:
        return "nests elements deeper than 256 levels, so the document was not read"
    if "XML_PARSE_HUGE" in message:
        return ("holds a single text or attribute over 10 MB, more than is read, so the "
                "document was not read")
    if "amplification" in message.lower() or "entity reference loop" in message.lower():
        return ("defines entities that expand to far more text than the file holds (an "
                "'entity bomb'), so the document was not read")
    return f"is not well-formed XML: {message}"


class _NotANumber(ValueError):
    """A number in the numbering or styles XML that is not one."""


def _number(value: str | None, default: int, what: str) -> int:
    """A whole number from the numbering or styles XML; anything else is an error
    (not a traceback: "invalid literal for int()", or 4,300 digits)."""
    if value is None:
        return default
    if not re.fullmatch(r"\s*-?\d{1,9}\s*", value):
        raise _NotANumber(f"a list number that is not a number ({what} {value[:20]!r})")
    return int(value)


@dataclass
class _Style:
    name: str = ""
    outline: int | None = None
    based_on: str | None = None
    num: tuple[str, int] | None = None


@dataclass
class Numbering:
    """Counters for auto-numbered paragraphs, as Word renders them."""

    #: numId -> (abstractNumId, {ilvl: start override})
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    #: abstractNumId -> {ilvl: (numFmt, lvlText, start, isLgl)}
    levels: dict[str, dict[int, tuple[str, str, int, bool]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Any) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iterfind("w:abstractNum", NS):
            levels = {}
            for lvl in abstract.iterfind("w:lvl", NS):
                levels[_number(lvl.get(w("ilvl")), 0, "list level")] = (
                    _val(lvl, "w:numFmt") or "decimal",
                    _val(lvl, "w:lvlText") or "",
                    _number(_val(lvl, "w:start"), 1, "list start"),
                    lvl.find("w:isLgl", NS) is not None,
                )
            numbering.levels[abstract.get(w("abstractNumId"), "")] = levels
        for num in root.iterfind("w:num", NS):
            overrides = {}
            for override in num.iterfind("w:lvlOverride", NS):
                start = _val(override, "w:startOverride")
                if start is not None:
                    overrides[_number(override.get(w("ilvl")), 0, "list level")] = \
                        _number(start, 1, "list start")
            numbering.nums[num.get(w("numId"), "")] = (
                _val(num, "w:abstractNumId") or "", overrides)
        return numbering

    def next(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the list and return (format, rendered text) of its next number."""
        if num_id not in self.nums or num_id == "0":
            return None
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(num_id, {})
        start = overrides.get(ilvl, levels[ilvl][2])
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _, legal = levels[ilvl]

        def level(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            kfmt = "decimal" if legal else levels.get(k, ("decimal",))[0]
            value = counters.get(k, overrides.get(k, levels.get(k, ("", "", 1))[2]))
            return _format(value, kfmt)

        return fmt, re.sub(r"%(\d)", level, text)


def _embedded_blocks(name: str, kind: str, data: bytes,
                     path: str) -> list[tuple[int, str]]:
    """(heading level or 0, text) of each block of an embedded HTML or text part."""
    from scr_checks.document import blocks
    from scr_checks.readers import decode_text
    from scr_checks.readers.html import HtmlReader

    try:
        if kind == "text/plain":
            text = decode_text(name, data)
            return [(0, " ".join(part.split())) for part in re.split(r"\n\s*\n", text)
                    if part.strip()]
        report = HtmlReader().read(name, data)
    except ReaderError as exc:
        raise ReaderError(path, f"embedded document {name}: {exc.reason}") from None
    return [(len(block.heading_path) if block.is_heading else 0, block.text)
            for block in blocks(report)]


def _graphic_texts(root: Any, chart: bool) -> list[str]:
    """Each label of a diagram's or chart's part: a DrawingML paragraph's runs
    (``a:p``/``a:t``), or a chart's category or series name (``c:v``)."""
    out = []
    for node in root.iter() if root is not None else ():
        if not isinstance(node.tag, str):
            continue
        if node.tag == f"{_DRAWING_TEXT}p":
            text = "".join(t.text or "" for t in node.iter(f"{_DRAWING_TEXT}t"))
        elif chart and node.tag.rpartition("}")[2] in ("v", "pt") and len(node) == 0 and \
                not any(isinstance(up.tag, str) and up.tag.rpartition("}")[2] in _CHART_NUMBERS
                        for up in node.iterancestors()):
            text = node.text or ""
        else:
            continue
        text = " ".join(text.split())
        if text:
            out.append(text)
    return out


def _val(element: Any, path: str) -> str | None:
    found = element.find(path, NS)
    return None if found is None else found.get(w("val"))


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(97 + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("bullet", "none"):
        return ""
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                            (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                            (4, "iv"), (1, "i")):
        while value >= number:
            out += letters
            value -= number
    return out


class _Builder(TreeBuilder):
    def __init__(self, path: str, package: Package) -> None:
        super().__init__(path)
        self.path = path
        self.package = package
        self.hidden: list[HiddenContent] = []
        self.index = 0
        #: "contents" inside Word's table-of-contents field.
        self.part: str | None = None
        self.styles = self._styles(package.xml("word/styles.xml"))
        self.numbering = Numbering.load(package.xml("word/numbering.xml"))
        self.footnotes = self._notes(package.xml("word/footnotes.xml"), "w:footnote")
        self.endnotes = self._notes(package.xml("word/endnotes.xml"), "w:endnote")
        #: The notes already placed after the paragraph citing them: ("footnote", id).
        self.cited: set[tuple[str, str]] = set()
        #: Comment text by id, for the paragraphs the comments are anchored to.
        self.comment_texts: dict[str, str] = {}
        #: The diagram and chart parts not yet read: name -> (kind, number).
        self.graphic_parts: dict[str, tuple[str, int]] = {}
        for name in package.names:
            match = _GRAPHIC_PART.fullmatch(name)
            if match:
                self.graphic_parts[name] = (
                    {"data": "diagram", "chart": "chart", "chartEx": "extended chart"}[
                        match.group(1) or match.group(2)], int(match.group(3) or 0))
        #: The indexes of the blocks read from diagrams and charts.
        self.graphic_blocks: set[int] = set()
        self._comments(package.xml("word/comments.xml"))

    # -- package parts ---------------------------------------------------

    @staticmethod
    def _styles(root: Any) -> dict[str, _Style]:
        styles: dict[str, _Style] = {}
        if root is None:
            return styles
        for style in root.iterfind("w:style", NS):
            ppr = style.find("w:pPr", NS)
            outline = _val(ppr, "w:outlineLvl") if ppr is not None else None
            num = ppr.find("w:numPr", NS) if ppr is not None else None
            styles[style.get(w("styleId"), "")] = _Style(
                name=(_val(style, "w:name") or "").lower(),
                outline=_number(outline, 9, "outline level") if outline is not None else None,
                based_on=_val(style, "w:basedOn"),
                num=(_val(num, "w:numId") or "0", _number(_val(num, "w:ilvl"), 0, "list level"))
                if num is not None else None,
            )
        return styles

    def _notes(self, root: Any, tag: str) -> dict[str, str]:
        notes: dict[str, str] = {}
        if root is None:
            return notes
        for note in root.iterfind(tag, NS):
            if note.get(w("type")) in ("separator", "continuationSeparator",
                                       "continuationNotice"):
                continue
            text = " ".join(self.text(p) for p in _paragraphs(note))
            if text.strip():
                notes[note.get(w("id"), "")] = " ".join(text.split())
        return notes

    def _comments(self, root: Any) -> None:
        if root is None:
            return
        for comment in root.iterfind("w:comment", NS):
            number = comment.get(w("id"), "")
            number = str(int(number) + 1) if number.isdigit() and len(number) < 10 else number
            text = " ".join(" ".join(self.text(p) for p in _paragraphs(comment)).split())
            self.comment_texts[comment.get(w("id"), "")] = text
            self.hidden.append(HiddenContent("comment", text, f"comment {number}"))
            for attribute, what in (("author", "author"), ("initials", "initials")):
                value = comment.get(w(attribute))
                if value:
                    self.hidden.append(HiddenContent(
                        "property", value, f"comment {number}: {what}"))

    def properties(self) -> None:
        for part, path, what in _PROPERTIES:
            root = self.package.xml(part)
            found = root.find(path, NS) if root is not None else None
            if found is not None and (found.text or "").strip():
                self.hidden.append(HiddenContent(
                    "property", found.text.strip(), f"document properties: {what}"))

    def margins(self) -> None:
        """Running headers and footers: printed on every page, so checked too."""
        seen = set()
        for name in sorted(self.package.names):
            match = _MARGIN_PART.fullmatch(name)
            if match is None:
                continue
            root = self.package.xml(name)
            if root is None:
                continue
            text = " ".join(" ".join(self.text(p) for p in _paragraphs(root)).split())
            if text and text not in seen:
                seen.add(text)
                self.hidden.append(HiddenContent("header-footer", text, match.group(1)))

    # -- the body --------------------------------------------------------

    def blocks(self, parent: Any) -> None:
        for child in parent:
            if child.tag == w("p"):
                self.paragraph_element(child)
            elif child.tag == w("tbl"):
                self.table_element(child)
            elif child.tag == w("sdt"):
                content = child.find("w:sdtContent", NS)
                if content is not None:
                    gallery = child.find("w:sdtPr/w:docPartObj/w:docPartGallery", NS)
                    outer = self.part
                    if gallery is not None and gallery.get(w("val")) == "Table of Contents":
                        self.part = "contents"
                    self.blocks(content)
                    self.part = outer
            elif child.tag == _ALTERNATE:
                choice = child.find(f"{{{MC}}}Choice")
                if choice is None:
                    choice = child.find(f"{{{MC}}}Fallback")
                if choice is not None:
                    self.blocks(choice)
            elif child.tag == w("altChunk"):
                self.embedded(child)
            elif child.tag == w("customXml"):
                self.blocks(child)

    def _style_chain(self, style_id: str | None) -> list[_Style]:
        chain: list[_Style] = []
        while style_id and style_id in self.styles and len(chain) < 20:
            style = self.styles[style_id]
            chain.append(style)
            style_id = style.based_on
        return chain

    def _heading_level(self, ppr: Any, chain: list[_Style]) -> int | None:
        outline = _val(ppr, "w:outlineLvl") if ppr is not None else None
        if outline is not None and _number(outline, 9, "outline level") < 9:
            return _number(outline, 9, "outline level") + 1
        for style in chain:
            if style.name == "title":
                return 0
            match = re.fullmatch(r"heading (\d)", style.name)
            if match:
                return int(match.group(1))
            if style.outline is not None and style.outline < 9:
                return style.outline + 1
        return None

    def _number(self, ppr: Any, chain: list[_Style]) -> tuple[str, str] | None:
        num = ppr.find("w:numPr", NS) if ppr is not None else None
        if num is not None:
            num_id = _val(num, "w:numId") or "0"
            ilvl = _number(_val(num, "w:ilvl"), 0, "list level")
            return self.numbering.next(num_id, ilvl)
        for style in chain:
            if style.num is not None:
                return self.numbering.next(*style.num)
        return None

    def paragraph_element(self, p: Any, cell: list | None = None) -> None:
        """Add paragraph ``p`` (to ``cell`` when in a table), then the notes it
        cites and its text boxes: these follow it, even when it is empty.

        Notes cited in a table come at the end, with those nothing cites.
        """
        text = " ".join(self.text(p, record=True).split("\n")).strip()
        ppr = p.find("w:pPr", NS)
        chain = self._style_chain(_val(ppr, "w:pStyle") if ppr is not None else None)
        number = self._number(ppr, chain)
        if text:
            self._paragraph_block(p, text, ppr, chain, number, cell)
        if cell is None:
            self.notes_cited_in(p)
        self.text_boxes(p, cell)
        if cell is None:
            self.graphics_in(p)

    def _paragraph_block(self, p: Any, text: str, ppr: Any, chain: list[_Style],
                         number: tuple[str, str] | None, cell: list | None) -> None:
        self.index += 1
        where: dict[str, Any] = {"index": self.index, "comments": self.anchored(p) or None}
        if self.part or any(s.name.startswith("toc ") for s in chain):
            where["part"] = "contents"  # Word's own contents field or TOC styles
        if cell is not None:
            cell.append((text, where))
            return
        level = self._heading_level(ppr, chain)
        shown = number[1].strip().rstrip(".") if number else ""
        if level is not None:
            if shown and _DECIMAL_NUMBER.fullmatch(shown):
                where["number"] = shown
            self.heading(level, text, **where)
        elif number and (number[0] == "bullet" or any(s.name.startswith("list") for s in chain)):
            self.list_item(text, bullet=number[0] == "bullet", **where)
        else:
            if shown and _DECIMAL_NUMBER.fullmatch(shown):
                where["number"] = shown
            self.paragraph(text, **where)

    def notes_cited_in(self, p: Any) -> None:
        """Put the notes ``p`` cites after it (those its text boxes cite follow them)."""
        for ref in _descend(p):
            for kind, notes in (("footnote", self.footnotes), ("endnote", self.endnotes)):
                if ref.tag != w(f"{kind}Reference"):
                    continue
                label = ref.get(w("id"), "")
                if label in notes and (kind, label) not in self.cited:
                    self.cited.add((kind, label))
                    self.note(kind, label, notes[label])

    def uncited_notes(self) -> None:
        """Notes no paragraph of the body cites are still checked, at the end."""
        for kind, notes in (("footnote", self.footnotes), ("endnote", self.endnotes)):
            for label, text in notes.items():
                if (kind, label) not in self.cited:
                    self.cited.add((kind, label))
                    self.note(kind, label, text)

    def text_boxes(self, p: Any, cell: list | None) -> None:
        """The paragraphs of the text boxes anchored in ``p``, after it (in its cell)."""
        for box in _descend(p):
            if box.tag != _TEXT_BOX:
                continue
            if cell is None:
                self.blocks(box)
            else:
                for inner in _descend(box):
                    if inner.tag == w("p"):
                        self.paragraph_element(inner, cell)

    def graphics_in(self, p: Any) -> None:
        """The text of the SmartArt diagrams and charts drawn in body paragraph ``p``,
        after it (a drawing and its fallback name the same part: it is read once)."""
        for node in p.iter(_DIAGRAM_REFERENCE, *_CHART_REFERENCES):
            relationship = node.get(f"{{{R}}}dm" if node.tag == _DIAGRAM_REFERENCE
                                    else f"{{{R}}}id", "")
            name = self.package.target(relationship) if relationship else None
            if name is not None and name in self.graphic_parts:
                self.graphic(name)

    def graphics(self) -> None:
        """The text of SmartArt diagrams and charts no body paragraph draws (those
        in headers, notes or tables, or drawn nowhere), at the end."""
        for name in sorted(self.graphic_parts, key=self.graphic_parts.__getitem__):
            self.graphic(name)

    def graphic(self, name: str) -> None:
        """A diagram's or chart's text, once: a note named for its part ("diagram 1"
        for ``word/diagrams/data1.xml``, "chart 2" for ``word/charts/chart2.xml``),
        one paragraph for each label, so that a finding says where to look.
        Word's cached drawing of a diagram repeats its data and is not read."""
        from docutils import nodes

        kind, number = self.graphic_parts.pop(name)
        texts = _graphic_texts(self.package.xml(name), kind != "diagram")
        if not texts:
            return
        note = nodes.footnote(names=[f"{kind} {number}"])
        for text in texts:
            self.index += 1
            self.graphic_blocks.add(self.index)
            note += text_node(nodes.paragraph, text, index=self.index)
        self.container.append(note)

    def note(self, kind: str, label: str, text: str) -> None:
        """A footnote or an endnote, as a block of its own."""
        if kind == "footnote":
            self.footnote(label, text)
        else:
            self._note_block(f"{kind} {label}", text)

    def anchored(self, p: Any) -> list[str]:
        """Texts of the comments whose range starts (or whose mark is) in ``p``."""
        ids: dict[str, None] = {}
        for tag in ("commentRangeStart", "commentReference"):
            ids.update((mark.get(w("id"), ""), None) for mark in p.iter(w(tag)))
        return [self.comment_texts[i] for i in ids if i in self.comment_texts]

    def footnote(self, label: str, text: str) -> None:
        self._note_block(f"footnote {label}", text)

    def _note_block(self, name: str, text: str) -> None:
        from docutils import nodes

        self.index += 1
        footnote = nodes.footnote(names=[name])
        footnote += text_node(nodes.paragraph, text, index=self.index)
        self.container.append(footnote)

    def embedded(self, chunk: Any, cell: list | None = None) -> None:
        """An ``altChunk``: a document in another format, shown where it stands.

        HTML and plain text are read here; any other format (RTF, MHTML, a
        Word file) is an error, so that its text is not passed unchecked.
        """
        target, kind = self.package.embedded(chunk.get(f"{{{R}}}id", ""))
        if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
            raise ReaderError(self.path, f"embedded document {target} "
                                         f"({kind or 'of no known type'}) is in a format that "
                                         "cannot be read, so it was not checked; paste its text "
                                         "into the document instead")
        for level, text in _embedded_blocks(target, kind, self.package.read(target), self.path):
            self.index += 1
            where: dict[str, Any] = {"index": self.index}
            if cell is not None:
                cell.append((text, where))
            elif level:
                self.heading(level, text, **where)
            else:
                self.paragraph(text, **where)

    def table_element(self, table: Any) -> None:
        rows: list[list[list[tuple[str, dict[str, Any]]]]] = []
        header_rows = 0
        for tr in table.iterfind("w:tr", NS):
            cells = []
            for tc in tr.iterfind("w:tc", NS):
                paragraphs: list[tuple[str, dict[str, Any]]] = []
                for p in _descend(tc):
                    if p.tag == w("p"):
                        self.paragraph_element(p, paragraphs)
                    elif p.tag == w("altChunk"):
                        self.embedded(p, paragraphs)
                cells.append(paragraphs)
            trpr = tr.find("w:trPr", NS)
            if trpr is not None and trpr.find("w:tblHeader", NS) is not None and \
                    header_rows == len(rows):
                header_rows += 1
            rows.append(cells)
        if rows:
            self.table(rows, header_rows)

    # -- runs ------------------------------------------------------------

    def text(self, p: Any, record: bool = False) -> str:
        """The final visible text of a paragraph; hidden parts noted when ``record``."""
        out: list[str] = []
        self._runs(p, out, record)
        return "".join(out)

    def _runs(self, element: Any, out: list[str], record: bool) -> None:
        for child in element:
            tag = child.tag
            if tag == w("r"):
                self._run(child, out, record)
            elif tag == w("del"):
                if record:
                    deleted = "".join(t.text or "" for t in child.iter(w("delText")))
                    self._note("deletion", deleted)
            elif tag in (w("ins"), w("moveTo")):
                if record:
                    inserted = "".join(t.text or "" for t in child.iter(w("t")))
                    self._note("insertion", inserted)
                self._runs(child, out, record)
            elif tag == w("moveFrom"):
                continue
            elif tag == _ALTERNATE:
                choice = child.find(f"{{{MC}}}Choice")
                if choice is None:
                    choice = child.find(f"{{{MC}}}Fallback")
                if choice is not None:
                    self._runs(choice, out, record)
            elif tag in (w("pPr"), w("rPr")):
                continue
            else:  # hyperlink, fldSimple, smartTag, sdt/sdtContent, customXml …
                self._runs(child, out, record)

    def _run(self, run: Any, out: list[str], record: bool) -> None:
        rpr = run.find("w:rPr", NS)
        hidden = rpr is not None and rpr.find("w:vanish", NS) is not None and \
            _val(rpr, "w:vanish") not in ("0", "false")
        parts = []
        for child in run:
            tag = child.tag
            if tag == w("t"):
                # An unexpanded entity reference is a child; keep the text after it.
                parts.append((child, "".join([child.text or "",
                                              *(ref.tail or "" for ref in child)])))
            elif tag in (w("tab"), w("ptab")):
                parts.append((child, "\t"))
            elif tag in (w("br"), w("cr")):
                parts.append((child, "\n"))
            elif tag == w("noBreakHyphen"):
                parts.append((child, "-"))
        if hidden:
            if record:
                self._note("hidden-text", "".join(text for _, text in parts))
            return
        for child, text in parts:
            self.emit(out, child, text)

    def emit(self, out: list[str], element: Any, text: str) -> None:
        """Add the visible ``text`` of one element of a run (a ``w:t``, a tab …)."""
        out.append(text)

    def _note(self, kind: str, text: str) -> None:
        if text.strip():
            self.hidden.append(HiddenContent(kind, text.strip(),
                                             f"paragraph {self.index + 1}"))
