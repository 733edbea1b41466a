"""PDF, through pypdfium2: structure recovered from the text layer's geometry.

A PDF has no paragraphs, only positioned lines.  The reader:

1. takes each page's lines with their font size, weight, extent and baseline
   (pdfium's own line-end de-hyphenation is undone so lines stay lines);
2. drops running headers and footers (a line repeated on most pages near the
   same edge) and page numbers ("Page 4", "4 of 12");
3. finds the body font size (the one most characters are set in); a short
   line larger or bolder than it, not ending like a sentence, is a heading,
   and heading levels follow the rank of the heading styles' sizes;
4. starts a new paragraph where the baseline step is more than 1.6 times the
   font size, or a line starts with a paragraph number ("4.2.1 ") — unless
   the line before ends with "see paragraphs", "and" … (a wrapped
   cross-reference), or a bullet;
5. carries a paragraph over a page break when its last line was full or did
   not end a sentence;
6. joins a word hyphenated at a line end unless the hyphen belongs to it;
7. reads lines split into cells by wide gaps, in consecutive rows, as a table.

Encrypted PDFs and PDFs without a text layer (scans) raise ReaderError.
"""

from __future__ import annotations

import ctypes
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from scr_checks.document import HiddenContent, Report
from scr_checks.readers import Reader, ReaderError
from scr_checks.readers.tree import TreeBuilder

PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|-\s*\d{1,4}\s*-",
                         re.IGNORECASE)
PARAGRAPH_START = re.compile(r"\d{1,3}(?:\.\d{1,3}){1,4}\.?\s")
CROSS_REFERENCE_END = re.compile(
    r"(?:\b(?:paragraphs?|paras?|sections?|see|and|or|to|in|at|of|under|also)|[,–—-])\s*$",
    re.IGNORECASE)
BULLET = re.compile(r"[•●▪◦‣∙·\-–*]\s+")
SENTENCE_END = re.compile(r"[.!?:;)\"'”’]\s*$")
#: Edge bands (fraction of the page height) where running heads and feet live.
EDGE_BAND = 0.12
HEADING_MAX_WORDS = 20
PARAGRAPH_STEP = 1.6
CELL_GAP = 1.5


@dataclass
class Line:
    page: int
    text: str
    size: float
    bold: bool
    x0: float
    x1: float
    #: Baseline, in points from the bottom of a page ``height`` points high.
    y: float
    height: float
    #: (x, text) of each cell when the line has wide gaps, else one cell.
    cells: list[tuple[float, str]] = field(default_factory=list)
    #: The line ended with a hyphen at the line end.
    hyphen: bool = False
    #: Its place among the page's lines, counted from the top as a reader does.
    number: int = 0

    @property
    def style(self) -> tuple[float, bool]:
        return (round(self.size, 1), self.bold)


class PdfReader(Reader):
    format = "pdf"
    suffixes = (".pdf",)

    def read(self, path: str, data: bytes) -> Report:
        import pypdfium2 as pdfium

        _check_streams(path, data, self.limit("max_unpacked_size"))
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            message = str(exc).lower()
            if "password" in message:
                raise ReaderError(path, "the PDF is encrypted (password protected); "
                                        "check the unprotected file instead") from None
            if b"%PDF-" not in data[:1024]:  # where every PDF says what it is
                raise ReaderError(path, "not a PDF: it does not start as one does (another "
                                        "kind of file named .pdf?)") from None
            raise ReaderError(path, f"not a readable PDF ({exc})") from None
        try:
            if len(pdf) > self.limit("max_pages"):
                raise ReaderError(path, f"the PDF has {len(pdf):,} pages, over the limit of "
                                        f"{self.limit('max_pages'):,} (max_pages)")
            pages = []
            characters = 0
            for number in range(len(pdf)):
                lines, count = _page_lines(pdf, number, self.limit("max_text_size") - characters)
                characters += count
                if characters > self.limit("max_text_size"):
                    self.check_size(path, characters, f"text of pages 1-{number + 1}")
                pages.append(lines)
                self.check_blocks(path, sum(len(page) for page in pages))
            hidden = _hidden(pdf, data)
        except pdfium.PdfiumError as exc:
            raise ReaderError(path, f"damaged PDF ({exc})") from None
        finally:
            pdf.close()
        lines = [line for page in pages for line in page]
        if not any(line.text.strip() for line in lines):
            raise ReaderError(path, "the PDF has no text layer (a scan or images of text?); "
                                    "check the source document or an OCR'd copy")
        body = _drop_furniture(pages)
        builder = TreeBuilder(path)
        _Structure(body, builder).build()
        return Report(path=path, format=self.format, document=builder.document, hidden=hidden)


def _page_lines(pdf: Any, number: int, room: int) -> tuple[list[Line], int]:
    """The lines of page ``number``, and its count of characters; no lines when
    that count is over ``room`` (the text is then too large to take)."""
    import pypdfium2.raw as raw

    page = pdf[number]
    textpage = page.get_textpage()
    count = textpage.count_chars()
    if count > room:
        page.close()
        return [], count
    height = page.get_height()
    handle = textpage.raw
    text = textpage.get_text_range()
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    x, y = ctypes.c_double(), ctypes.c_double()
    out = []
    for match in re.finditer(r"[^\r\n\ufffe]+\ufffe?", text):
        start, end = match.span()
        raw_line = match.group()
        hyphen = raw_line.endswith("\ufffe")
        if hyphen:
            end -= 1
        words = text[start:end]
        if not words.strip():
            continue
        first = start + len(words) - len(words.lstrip())
        last = start + len(words.rstrip()) - 1
        size = raw.FPDFText_GetFontSize(handle, first)
        raw.FPDFText_GetFontInfo(handle, first, buffer, len(buffer), ctypes.byref(flags))
        weight = raw.FPDFText_GetFontWeight(handle, first)
        font = buffer.value.decode("latin-1").lower()
        bold = weight >= 600 or any(w in font for w in ("bold", "black", "heavy", "semibold"))
        raw.FPDFText_GetCharOrigin(handle, first, ctypes.byref(x), ctypes.byref(y))
        left = textpage.get_charbox(first)[0]
        right = textpage.get_charbox(last)[2]
        cells = _cells(textpage, raw, text, first, last + 1, size)
        out.append(Line(page=number + 1, text=words.strip(), size=size, bold=bold,
                        x0=left, x1=right, y=y.value, height=height,
                        cells=cells, hyphen=hyphen))
    page.close()
    baselines = sorted({round(line.y, 1) for line in out}, reverse=True)
    rank = {y: i for i, y in enumerate(baselines, start=1)}
    for line in out:
        line.number = rank[round(line.y, 1)]
    return out, count


#: A stream's data starts after "stream" and one end of line.
_STREAM = re.compile(rb"\bstream\r?\n")
#: How much of a stream's dictionary, before "stream", is searched for its filter.
_DICTIONARY = 1024
#: Inflated at a time while a stream's size is measured.
_CHUNK = 1 << 20


#: Streams whose bytes are not page content: images, fonts, metadata, files.
_NOT_CONTENT = (b"/Image", b"/Length1", b"/Length2", b"/Length3", b"/FontFile", b"/Type1C",
                b"/CIDFontType0C", b"/OpenType", b"/Metadata", b"/EmbeddedFile", b"/ObjStm",
                b"/XRef")
#: A literal string (its escapes included) or a hex string in a content stream.
_STRING = re.compile(rb"\([^()\\]*(?:\\.[^()\\]*)*\)|<[0-9A-Fa-f\s]+>")
#: More characters than any page holds: a content stream showing more is refused
#: before PDFium builds its text (some 230 bytes of memory a character).
MAX_STREAM_TEXT = 1_000_000


def _check_streams(path: str, data: bytes, limit: int) -> None:
    """Refuse a PDF whose streams would take PDFium more memory than a report's.

    PDFium inflates a content stream whole, and a small file can hold a
    stream that inflates a thousandfold: each stream filtered with
    FlateDecode is inflated here first, 1 MB at a time and thrown away, and
    the file is refused when they inflate past ``limit`` bytes in all
    (images are left out: their data is not decoded to read the text).  The
    bytes of strings a content stream shows bound the characters PDFium
    will hold for it; a stream showing more than :data:`MAX_STREAM_TEXT` is
    refused too.
    """
    import zlib

    total = 0
    for match in _STREAM.finditer(data):
        head = data[max(0, match.start() - _DICTIONARY) : match.start()]
        dictionary = head[head.rfind(b"obj") + 1 :]
        if b"/Image" in dictionary:
            continue  # PDFium does not decode images to read the text
        content = not any(marker in dictionary for marker in _NOT_CONTENT)
        end = data.find(b"endstream", match.end())
        pending = data[match.end() : end if end >= 0 else len(data)]
        inflater = zlib.decompressobj() if b"/FlateDecode" in dictionary else None
        shown = 0
        try:
            while pending:
                if inflater is None:
                    chunk, pending = pending[:_CHUNK], pending[_CHUNK:]
                else:
                    chunk = inflater.decompress(pending, _CHUNK)
                    pending = b"" if inflater.eof else inflater.unconsumed_tail
                    total += len(chunk)
                if total > limit:
                    raise ReaderError(path, f"its compressed streams inflate to more than "
                                            f"{limit:,} bytes, over the limit "
                                            "(max_unpacked_size; possible zip bomb), so it "
                                            "was not read")
                if content:
                    shown += sum(len(m) for m in _STRING.findall(chunk))
                    if shown > MAX_STREAM_TEXT:
                        raise ReaderError(path, f"a page's content shows more than "
                                                f"{MAX_STREAM_TEXT:,} characters of text, "
                                                "more than any page holds, so it was not read")
        except zlib.error:
            continue  # damaged: PDFium decides what to make of it


def _cells(textpage: Any, raw: Any, text: str, start: int, end: int,
           size: float) -> list[tuple[float, str]]:
    """Split a line where pdfium put a generated space over a wide gap."""
    cuts = []
    for i in range(start + 1, end - 1):
        if text[i] == " " and raw.FPDFText_IsGenerated(textpage.raw, i):
            gap = textpage.get_charbox(i + 1)[0] - textpage.get_charbox(i - 1)[2]
            if gap > CELL_GAP * size:
                cuts.append(i)
    bounds = [start - 1, *cuts, end]
    cells = []
    for left, right in itertools.pairwise(bounds):
        words = text[left + 1 : right].strip()
        if words:
            cells.append((textpage.get_charbox(left + 1)[0], words))
    return cells


def _edge_key(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text.lower())


def _drop_furniture(pages: list[list[Line]]) -> list[Line]:
    """Remove running headers, footers and page numbers."""
    at_edges: Counter[str] = Counter()
    for page in pages:
        seen = {_edge_key(line) for line in page if _at_edge(line)}
        at_edges.update(seen)
    repeated = {key for key, count in at_edges.items()
                if len(pages) > 1 and count >= max(2, len(pages) // 2)}
    out = []
    for page in pages:
        for line in page:
            if _at_edge(line) and (_edge_key(line) in repeated or
                                   PAGE_NUMBER.fullmatch(line.text.strip())):
                continue
            out.append(line)
    return out


def _at_edge(line: Line) -> bool:
    where = line.y / line.height if line.height else 0.5
    return where > 1 - EDGE_BAND or where < EDGE_BAND


class _Structure:
    """Group lines into headings, paragraphs, list items and tables."""

    def __init__(self, lines: list[Line], builder: TreeBuilder) -> None:
        self.lines = lines
        self.builder = builder
        sizes: Counter[float] = Counter()
        for line in lines:
            sizes[round(line.size, 1)] += len(line.text)
        self.body_size = sizes.most_common(1)[0][0] if sizes else 0.0
        self.right_margin = max((ln.x1 for ln in lines if not self._is_heading(ln)),
                                default=0.0)
        styles = sorted({ln.style for ln in lines if self._is_heading(ln)},
                        key=lambda s: (-s[0], not s[1]))
        self.levels = {style: rank + 1 for rank, style in enumerate(styles)}
        self.words = Counter(re.findall(r"[\w'-]+", " ".join(ln.text.lower() for ln in lines)))
        self.index = 0

    def _is_heading(self, line: Line) -> bool:
        if len(line.cells) > 1 or BULLET.match(line.text):
            return False
        emphasised = line.size > self.body_size * 1.1 or (
            line.bold and line.size >= self.body_size * 0.95)
        return (emphasised and len(line.text.split()) <= HEADING_MAX_WORDS
                and not line.text.rstrip().endswith("."))

    def _kind(self, line: Line) -> str:
        if len(line.cells) > 1:
            return "table"
        if self._is_heading(line):
            return "heading"
        if BULLET.match(line.text):
            return "bullet"
        return "body"

    def build(self) -> None:
        group: list[Line] = []
        kind = ""
        for line in self.lines:
            new_kind = self._kind(line)
            if group and self._continues(group, kind, line, new_kind):
                group.append(line)
                continue
            if group:
                self._emit(kind, group)
            group, kind = [line], new_kind
        if group:
            self._emit(kind, group)

    def _continues(self, group: list[Line], kind: str, line: Line, new_kind: str) -> bool:
        last = group[-1]
        if kind == "table":
            return new_kind == "table"
        if new_kind == "heading" and kind == "heading":
            return line.style == last.style and line.page == last.page and \
                self._close(last, line)
        if new_kind not in ("body",) or kind not in ("body", "bullet"):
            return False
        if PARAGRAPH_START.match(line.text) and not CROSS_REFERENCE_END.search(last.text):
            return False
        if line.page != last.page:
            return self._carries_over(last, line)
        if kind == "bullet" and line.x0 < group[0].x0 + 2 and \
                not CROSS_REFERENCE_END.search(last.text):
            return False
        return self._close(last, line)

    def _close(self, last: Line, line: Line) -> bool:
        pitch = last.y - line.y
        return 0 < pitch <= PARAGRAPH_STEP * max(last.size, line.size)

    def _carries_over(self, last: Line, line: Line) -> bool:
        """Does a paragraph go on over the page break?"""
        if not SENTENCE_END.search(last.text) or last.hyphen:
            return True
        first_word = line.text.split()[0] if line.text.split() else ""
        return last.x1 + len(first_word) * line.size * 0.5 > self.right_margin

    def _join(self, lines: list[Line]) -> str:
        out = ""
        for number, line in enumerate(lines):
            if not out:
                out = line.text
            elif lines[number - 1].hyphen:
                out = self._dehyphenate(out, line.text)
            else:
                out += "\n" + line.text
        return out

    def _dehyphenate(self, before: str, after: str) -> str:
        head = re.search(r"[\w']+$", before)
        tail = re.match(r"[\w']+", after)
        if not head or not tail:
            return before + "-" + after
        hyphenated = f"{head.group()}-{tail.group()}".lower()
        joined = (head.group() + tail.group()).lower()
        keep = tail.group()[0].isupper() or self.words[hyphenated] > 0 or (
            self.words[joined] == 0 and not _pyphen_allows(joined, len(head.group())))
        return before + ("-" if keep else "") + after

    def _emit(self, kind: str, lines: list[Line]) -> None:
        self.index += 1
        where = {"index": self.index, "page": lines[0].page, "page_line": lines[0].number}
        if kind == "heading":
            level = self.levels.get(lines[0].style, len(self.levels) + 1)
            self.builder.heading(level, self._join(lines), **where)
        elif kind == "bullet":
            text = BULLET.sub("", self._join(lines), count=1)
            self.builder.list_item(text, bullet=True, **where)
        elif kind == "table":
            self.index -= 1
            rows = []
            for line in lines:
                row = []
                for _, text in line.cells:
                    self.index += 1
                    row.append([(text, {"index": self.index, "page": line.page,
                                        "page_line": line.number})])
                rows.append(row)
            header = 1 if lines[0].bold and not all(ln.bold for ln in lines) else 0
            self.builder.table(rows, header, page=lines[0].page)
        else:
            self.builder.paragraph(self._join(lines), **where)


def _pyphen_allows(word: str, position: int) -> bool:
    """Is ``position`` a hyphenation point of ``word`` (so the hyphen was soft)?"""
    import pyphen

    return position in pyphen.Pyphen(lang="en_GB").positions(word)


def _hidden(pdf: Any, data: bytes) -> list[HiddenContent]:
    """Document information, XMP metadata and annotation text."""
    import pypdfium2.raw as raw

    found = []
    for key, value in pdf.get_metadata_dict(skip_empty=True).items():
        if key not in ("CreationDate", "ModDate"):
            found.append(HiddenContent("property", value, f"document information: {key}"))
    found += _xmp(data)
    for number in range(len(pdf)):
        page = pdf[number]
        for index in range(raw.FPDFPage_GetAnnotCount(page.raw)):
            annot = raw.FPDFPage_GetAnnot(page.raw, index)
            if not annot:
                continue
            for key, what in (("Contents", "annotation"), ("T", "annotation author")):
                text = _annot_string(raw, annot, key)
                if text.strip():
                    kind = "annotation" if key == "Contents" else "property"
                    found.append(HiddenContent(kind, text.strip(),
                                               f"page {number + 1}: {what} {index + 1}"))
            raw.FPDFPage_CloseAnnot(annot)
        page.close()
    return found


def _annot_string(raw: Any, annot: Any, key: str) -> str:
    size = raw.FPDFAnnot_GetStringValue(annot, key.encode(), None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    raw.FPDFAnnot_GetStringValue(annot, key.encode(), ctypes.cast(buffer, ctypes.POINTER(
        raw.FPDF_WCHAR)), size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")


_XMP = re.compile(rb"<x:xmpmeta.*?</x:xmpmeta>", re.DOTALL)
_XMP_FIELDS = {"creator": "author", "Author": "author", "CreatorTool": "creator tool",
               "title": "title", "description": "description", "Producer": "producer"}


def _xmp(data: bytes) -> list[HiddenContent]:
    """Fields of an uncompressed XMP packet (where PDF writers put it)."""
    from lxml import etree

    match = _XMP.search(data)
    if match is None:
        return []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=True, recover=True)  # bounded by max_file_size
    try:
        root = etree.fromstring(match.group(), parser)
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name in _XMP_FIELDS:
            text = " ".join(t.strip() for t in element.itertext() if t.strip())
            if text:
                found.append(HiddenContent("property", text, f"XMP metadata: {name}"))
    return found
