"""Word documents, read from the OOXML inside the zip with lxml.

python-docx is not used for reading: it silently drops tracked insertions,
simple fields and content controls, and cannot give the list numbers
("3.2") that reports cite.  Here the text is the *final view* (insertions
kept, deletions dropped, hidden text and comments left out); headings come
from the paragraph style's name ("Title", "Heading N") or outline level;
numbers are computed from ``numbering.xml`` and set as ``node["number"]``;
footnotes follow the paragraph that cites them.  Comments, tracked changes,
hidden text and document properties are returned as hidden content.

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
from scr_checks.readers import Reader, ReaderError
from scr_checks.readers.tree import TreeBuilder, text_node

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
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


def w(name: str) -> str:
    return f"{{{W}}}{name}"


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
        document = package.xml("word/document.xml")
        if document is None:
            raise ReaderError(path, "not a Word document (no word/document.xml in the file)")
        body = document.find(w("body"))
        if body is None:
            raise ReaderError(path, "word/document.xml has no body")
        reader = self.builder(path, package)
        reader.blocks(body)
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

    def __init__(self, path: str, data: bytes, max_unpacked: int, max_ratio: int) -> None:
        from lxml import etree

        self.path = path
        self.parser = etree.XMLParser(resolve_entities=False, no_network=True,
                                      load_dtd=False, huge_tree=False, remove_comments=True)
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
            members = self.zip.infolist()
        except (zipfile.BadZipFile, ValueError, OSError) as exc:
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

    def xml(self, name: str) -> Any:
        from lxml import etree

        if name not in self.names:
            return None
        try:
            raw = self.zip.read(name)
            return etree.fromstring(raw, self.parser)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, zlib.error,
                RuntimeError, NotImplementedError) as exc:  # damaged, encrypted, odd method
            raise ReaderError(self.path, f"damaged zip member {name}: {exc}") from None
        except etree.XMLSyntaxError as exc:
            raise ReaderError(self.path, f"{name} is not well-formed XML: {exc}") from None


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
                levels[int(lvl.get(w("ilvl"), "0"))] = (
                    _val(lvl, "w:numFmt") or "decimal",
                    _val(lvl, "w:lvlText") or "",
                    int(_val(lvl, "w:start") or 1),
                    lvl.find("w:isLgl", NS) is not None,
                )
            numbering.levels[abstract.get(w("abstractNumId"), "")] = levels
        for num in root.iterfind("w:num", NS):
            overrides = {}
            for override in num.iterfind("w:lvlOverride", NS):
                start = _val(override, "w:startOverride")
                if start is not None:
                    overrides[int(override.get(w("ilvl"), "0"))] = int(start)
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
        self.package = package
        self.hidden: list[HiddenContent] = []
        self.index = 0
        #: "contents" inside Word's table-of-contents field.
        self.part: str | None = None
        self.styles = self._styles(package.xml("word/styles.xml"))
        self.numbering = Numbering.load(package.xml("word/numbering.xml"))
        self.footnotes = self._notes(package.xml("word/footnotes.xml"), "w:footnote")
        #: Comment text by id, for the paragraphs the comments are anchored to.
        self.comment_texts: dict[str, str] = {}
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
                outline=int(outline) if outline is not None else None,
                based_on=_val(style, "w:basedOn"),
                num=(_val(num, "w:numId") or "0", int(_val(num, "w:ilvl") or 0))
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
            text = " ".join(self.text(p) for p in note.iter(w("p")))
            if text.strip():
                notes[note.get(w("id"), "")] = " ".join(text.split())
        return notes

    def _comments(self, root: Any) -> None:
        if root is None:
            return
        for comment in root.iterfind("w:comment", NS):
            number = comment.get(w("id"), "")
            number = str(int(number) + 1) if number.isdigit() else number
            text = " ".join(" ".join(self.text(p) for p in comment.iter(w("p"))).split())
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
            text = " ".join(" ".join(self.text(p) for p in root.iter(w("p"))).split())
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
            elif child.tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    self.blocks(choice)

    def _style_chain(self, style_id: str | None) -> list[_Style]:
        chain: list[_Style] = []
        while style_id and style_id in self.styles and len(chain) < 20:
            style = self.styles[style_id]
            chain.append(style)
            style_id = style.based_on
        return chain

    def _heading_level(self, ppr: Any, chain: list[_Style]) -> int | None:
        outline = _val(ppr, "w:outlineLvl") if ppr is not None else None
        if outline is not None and int(outline) < 9:
            return int(outline) + 1
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
            num_id, ilvl = _val(num, "w:numId") or "0", int(_val(num, "w:ilvl") or 0)
            return self.numbering.next(num_id, ilvl)
        for style in chain:
            if style.num is not None:
                return self.numbering.next(*style.num)
        return None

    def paragraph_element(self, p: Any, cell: list | None = None) -> None:
        text = " ".join(self.text(p, record=True).split("\n")).strip()
        ppr = p.find("w:pPr", NS)
        chain = self._style_chain(_val(ppr, "w:pStyle") if ppr is not None else None)
        number = self._number(ppr, chain)
        if not text.strip():
            return
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
        for ref in p.iter(w("footnoteReference")):
            note = self.footnotes.get(ref.get(w("id"), ""))
            if note:
                self.footnote(ref.get(w("id"), ""), note)

    def anchored(self, p: Any) -> list[str]:
        """Texts of the comments whose range starts (or whose mark is) in ``p``."""
        ids: dict[str, None] = {}
        for tag in ("commentRangeStart", "commentReference"):
            ids.update((mark.get(w("id"), ""), None) for mark in p.iter(w(tag)))
        return [self.comment_texts[i] for i in ids if i in self.comment_texts]

    def footnote(self, label: str, text: str) -> None:
        from docutils import nodes

        self.index += 1
        footnote = nodes.footnote(names=[f"footnote {label}"])
        footnote += text_node(nodes.paragraph, text, index=self.index)
        self.container.append(footnote)

    def table_element(self, table: Any) -> None:
        rows: list[list[list[tuple[str, dict[str, Any]]]]] = []
        header_rows = 0
        for tr in table.iterfind("w:tr", NS):
            cells = []
            for tc in tr.iterfind("w:tc", NS):
                paragraphs: list[tuple[str, dict[str, Any]]] = []
                for p in tc.iter(w("p")):
                    self.paragraph_element(p, paragraphs)
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
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
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
