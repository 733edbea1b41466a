"""HTML through lxml's HTML parser, with no network and no entity expansion.

``h1``-``h6`` open sections, ``p`` are paragraphs, ``ul``/``ol``/``li`` lists
and ``table``/``tr``/``td``/``th`` tables; loose text in a ``div`` becomes a
paragraph.  lxml gives each element its source line (capped at 65,535 by
libxml2); the column is found by counting start tags of the same name on
that line, so the core's aligner, which skips tags, starts at the right one.
Comments and ``<meta name="author">`` are hidden content.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from docutils import nodes

from scr_checks.document import HiddenContent, Report
from scr_checks.locations import SourceText
from scr_checks.readers import (
    MAX_NESTING,
    Reader,
    ReaderError,
    check_markup,
    decode_text,
    too_deep,
    too_many_blocks,
)
from scr_checks.readers.tree import TreeBuilder, text_node

HEADINGS = {f"h{n}": n for n in range(1, 7)}
SKIPPED = {"head", "script", "style", "template", "noscript", "svg", "math", "iframe", "object"}
BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote",
    "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "pre", "figure",
    "figcaption", "dl", "dt", "dd", "address", "details", "summary", "form", "fieldset",
    "body", "html", "hr", "caption", "center", *HEADINGS,
}
_SPACE = re.compile(r"\s+")


class HtmlReader(Reader):
    format = "html"
    suffixes = (".html", ".htm", ".xhtml")

    def read(self, path: str, data: bytes) -> Report:
        from lxml import etree

        text = decode_text(path, _declared_to_utf8(path, data))
        self.check_blocks(path, text.count("<!--"))  # each comment is read, as hidden text
        check_markup(path, "the page", text.count("<"), self.limit("max_blocks"))
        _check_attributes(path, text)
        # ``huge_tree`` lifts libxml2's cuts (256 levels, 10 MB in one text
        # or attribute, such as an embedded image), after which a recovering
        # parser drops the rest of the page without a word; the depth is
        # bounded below instead, and the file size by ``max_file_size``.
        parser = etree.HTMLParser(no_network=True, remove_pis=True, recover=True,
                                  default_doctype=False, huge_tree=True)
        text = re.sub(r"^\s*<\?xml[^>]*>", lambda m: " " * len(m.group()), text)
        root = etree.fromstring(text, parser) if text.strip() else None
        _stopped(path, parser.error_log)
        if root is None:
            raise ReaderError(path, "no HTML content")
        _check_depth(path, root)
        builder = _Builder(path, root, text.split("\n"), self.limit("max_blocks"))
        body = root.find("body")
        builder.walk(body if body is not None else root)
        builder.flush()
        return Report(path=path, format=self.format, document=builder.document,
                      source=SourceText(text.split("\n"), "html"), hidden=builder.hidden)


#: ``<meta charset=...>``, ``<meta http-equiv=... content="...; charset=...">``
#: or an XML declaration's ``encoding``, as a browser's prescan finds them.
_DECLARED = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE)
#: What the HTML standard reads these labels as (Word's "Web Page" says
#: windows-1252; older pages say ISO-8859-1 and mean it).
_LABELS = {"iso-8859-1": "windows-1252", "latin1": "windows-1252", "us-ascii": "windows-1252",
           "ascii": "windows-1252"}


def declared_encoding(path: str, data: bytes) -> str | None:
    """The codec a page declares in its first 1,024 bytes, as a browser reads
    it, or ``None`` for UTF-8, a byte-order mark or no declaration."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # a byte-order mark outranks any declaration
    found = _DECLARED.search(data[:1024])
    if not found:
        return None
    label = (found.group(1) or found.group(2)).decode("ascii").lower()
    label = _LABELS.get(label, label)
    try:
        encoding = codecs.lookup(label).name
    except LookupError:
        raise ReaderError(path, f"declares the encoding {label!r}, which is unknown; "
                                "save the page as UTF-8") from None
    # UTF-16 or -32 declared in a page whose declaration reads as ASCII is a
    # wrong label: the bytes, through decode_text, decide.
    return None if encoding.startswith("utf") else encoding


def _declared_to_utf8(path: str, data: bytes) -> bytes:
    """The page as UTF-8 when it declares another encoding: Word saves a report
    as a web page in windows-1252, and refusing that file would leave it
    unchecked."""
    encoding = declared_encoding(path, data)
    if encoding is None:
        return data
    try:
        return data.decode(encoding).encode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReaderError(path, f"not {encoding} as it declares (byte 0x{data[exc.start]:02x} "
                                f"at offset {exc.start}); save the page as UTF-8") from None
    except (LookupError, UnicodeError, ValueError):  # a transform such as rot13, not a text codec
        raise ReaderError(path, f"declares the encoding {encoding!r}, which is not one a page "
                                "can be in; save the page as UTF-8") from None


#: The most attributes one element may have.  libxml2's HTML parser compares
#: each attribute with every one before it in its element: 10,000 took 0.1 s,
#: 40,000 took 1.9 s, and a megabyte of them ran into the time limit.  A
#: page's elements have a few.
MAX_ATTRIBUTES = 1_000
#: A start tag, to its first ``>`` outside a quoted value (or to an unclosed
#: quote).  Possessive, so each character is read once: a match never ends
#: in a quote it could not close, and the next search starts after it.
_START_TAG = re.compile(r"""<[A-Za-z](?:[^>"']++|"[^"]*+"|'[^']*+')*+""")
_QUOTED = re.compile(r""""[^"]*+"|'[^']*+'""")
#: An attribute, once each quoted value is a letter and a space (a name may follow
#: a value with no space between): its name, and any value after "=".
_ATTRIBUTE = re.compile(r"[^\s=]++(?:\s*+=\s*+[^\s=]*+)?+")


def _check_attributes(path: str, text: str) -> None:
    """Refuse a page with an element of over :data:`MAX_ATTRIBUTES` attributes,
    counted before the parser reads it.  Only a tag long enough to hold so
    many (each is at least a character and a space) is counted; a count that
    takes a value's words for attributes errs towards refusing."""
    for tag in _START_TAG.finditer(text):
        if tag.end() - tag.start() > 2 * MAX_ATTRIBUTES and sum(
                1 for _ in _ATTRIBUTE.finditer(_QUOTED.sub("v ", tag[0]))) - 1 > MAX_ATTRIBUTES:
            line = text.count("\n", 0, tag.start()) + 1
            raise ReaderError(path, f"line {line}: an element with more than "
                                    f"{MAX_ATTRIBUTES:,} attributes, so the page was not read")


def _stopped(path: str, log: Any) -> None:
    """Fail if the parser gave up part-way: what followed would go unchecked.

    Recovery mends broken markup (an unclosed tag, a stray ``</div>``), which
    libxml2 logs as errors; a fatal error is where it stopped reading.
    """
    from lxml import etree

    for entry in log:
        if entry.level >= etree.ErrorLevels.FATAL:
            if "depth" in entry.message.lower():
                raise ReaderError(path, f"line {entry.line}: {too_deep(MAX_NESTING)}")
            reason = " ".join(entry.message.replace("XML_PARSE_HUGE", "").split())
            raise ReaderError(path, f"line {entry.line}: the HTML parser stopped here "
                                    f"({reason.rstrip(', ')}); the rest could not be read")


def _check_depth(path: str, root: Any) -> None:
    """Refuse a page nested deeper than :data:`MAX_NESTING` elements.

    The builder follows the tree recursively; a page nested deeper than any
    report would otherwise end in a stack overflow, or in text not read.
    """
    from lxml import etree

    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if depth > MAX_NESTING:
            raise ReaderError(path, f"line {element.sourceline}: {too_deep(MAX_NESTING)}")


def _tag(element: Any) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


#: Classes that mark a contents list ("toc", "table-of-contents").
_CONTENTS_CLASS = re.compile(r"\b(?:toc|table-of-contents|contents)\b", re.IGNORECASE)


def _part(element: Any) -> str | None:
    """What the page's markup says an element is: a contents list, or page furniture.

    A ``nav`` (or an element classed "toc") holds contents; a ``header`` or
    ``footer`` of the page itself, not of an article, holds running text.
    """
    for node in (element, *element.iterancestors()):
        tag = _tag(node)
        if tag == "nav" or node.get("role") == "navigation" or _CONTENTS_CLASS.search(
                node.get("class") or ""):
            return "contents"
        if tag in ("header", "footer") and _tag(node.getparent()) == "body":
            return "furniture"
    return None


class _Builder(TreeBuilder):
    def __init__(self, path: str, root: Any, lines: list[str], max_blocks: int) -> None:
        super().__init__(path)
        self.path = path
        self.max_blocks = max_blocks
        #: Blocks located so far (each is located once, as it is made).
        self.located = 0
        self.source_lines = lines
        self.hidden: list[HiddenContent] = []
        self.stack: list[nodes.Element] = []
        self.loose: list[str] = []
        self.loose_at: dict[str, int] = {}
        self._rank = self._rank_on_line(root)
        self._ends: dict[tuple[int, str], list[int]] = {}
        for meta in root.iter("meta"):
            if (meta.get("name") or "").lower() in ("author", "creator", "publisher"):
                self.hidden.append(HiddenContent("property", meta.get("content") or "",
                                                 f"meta {meta.get('name')}"))

    @staticmethod
    def _rank_on_line(root: Any) -> dict[Any, int]:
        """For each element, how many same-named elements start before it on its line.

        Keyed by the element itself, not ``id()``: lxml makes a new proxy
        object each time an element is reached unless one is still alive, so
        an id can be reused by another element (keeping them here keeps them
        alive).
        """
        seen: dict[tuple[int, str], int] = {}
        rank: dict[Any, int] = {}
        for element in root.iter():
            tag = _tag(element)
            if not tag or element.sourceline is None:
                continue
            key = (element.sourceline, tag)
            rank[element] = seen.get(key, 0)
            seen[key] = seen.get(key, 0) + 1
        return rank

    def where(self, element: Any) -> dict[str, Any]:
        """Where a block starts, as it is made; past ``max_blocks`` of them the page
        is refused then, before the rest of its tree fills the memory (ten
        megabytes of short paragraphs took over 1.5 GB)."""
        self.located += 1
        if self.located > self.max_blocks:
            raise ReaderError(self.path, too_many_blocks(self.max_blocks))
        line = element.sourceline or 1
        starts = self._tag_ends(line, _tag(element))
        rank = self._rank.get(element, 0)
        where: dict[str, Any] = {"line": line, "column": starts[rank] if rank < len(starts) else 0}
        part = _part(element)
        if part:
            where["part"] = part
        return where

    def _tag_ends(self, line: int, tag: str) -> list[int]:
        """Where each start tag named ``tag`` on ``line`` ends, found once a line and
        tag: a page written on one line holds every element, and searching the
        line again for each took time in the square of the page."""
        key = (line, tag)
        ends = self._ends.get(key)
        if ends is None:
            source = self.source_lines[line - 1] if line <= len(self.source_lines) else ""
            ends = self._ends[key] = [m.end() for m in re.finditer(
                rf"<{re.escape(tag)}\b[^>]*>", source, re.IGNORECASE)]
        return ends

    def _append(self, node: nodes.Element) -> None:
        (self.stack[-1] if self.stack else self.container).append(node)

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.loose)).strip()
        if text:
            self._append(text_node(nodes.paragraph, text, **self.loose_at))
        self.loose = []

    def inline(self, element: Any) -> str:
        """The text of ``element``, ``<br>`` as a line break, comments noted."""
        out = [element.text or ""]
        for child in element:
            tag = _tag(child)
            if not tag:
                self._comment(child)
            elif tag == "br":
                out.append("\n")
            elif tag not in SKIPPED:
                out.append(self.inline(child))
            out.append(child.tail or "")
        return "".join(out)

    def _comment(self, node: Any) -> None:
        if node.tag.__name__ == "Comment" and (node.text or "").strip():
            self.hidden.append(HiddenContent("comment", node.text.strip(),
                                             f"HTML comment at line {node.sourceline}"))

    def walk(self, element: Any) -> None:
        if element.text and element.text.strip():
            self._loose(element.text, element)
        for child in element:
            tag = _tag(child)
            if not tag:
                self._comment(child)
            elif tag in SKIPPED:
                pass
            elif tag not in BLOCKS:
                self._loose(self.inline(child), child)
            else:
                self.flush()
                self.block(child, tag)
            if child.tail and child.tail.strip():
                self._loose(child.tail, element)
        self.flush()

    def _loose(self, text: str, element: Any) -> None:
        if not self.loose or not "".join(self.loose).strip():
            self.loose_at = self.where(element)
        self.loose.append(text)

    def block(self, element: Any, tag: str) -> None:
        if tag in HEADINGS:
            self.stack.clear()
            text = _SPACE.sub(" ", self.inline(element)).strip()
            if text:
                self.heading(HEADINGS[tag], text, **self.where(element))
        elif tag == "p":
            text = _SPACE.sub(" ", self.inline(element)).strip()
            if text:
                self._append(text_node(nodes.paragraph, text, **self.where(element)))
        elif tag in ("ul", "ol"):
            node = nodes.bullet_list() if tag == "ul" else nodes.enumerated_list()
            node.line = element.sourceline
            self._nested(node, element)
        elif tag == "li":
            item = nodes.list_item()
            item.line = element.sourceline
            self._nested(item, element)
        elif tag == "table":
            self._table(element)
        elif tag == "pre":
            text = "".join(element.itertext())
            block = nodes.literal_block(text, text)
            block.line = element.sourceline
            self._append(block)
        elif tag == "hr":
            pass
        else:
            self.walk(element)

    def _nested(self, node: nodes.Element, element: Any) -> None:
        self._append(node)
        self.stack.append(node)
        self.walk(element)
        if self.stack and self.stack[-1] is node:  # a heading inside resets the stack
            self.stack.pop()

    def _table(self, element: Any) -> None:
        rows: list[list[list[tuple[str, dict[str, Any]]]]] = []
        header_rows = 0
        for row in element.iter("tr"):
            if any(_tag(a) == "table" for a in row.iterancestors() if a is not element):
                continue
            cells = []
            for cell in row:
                if _tag(cell) not in ("td", "th"):
                    continue
                paragraphs = [p for p in cell.iter("p")] or [cell]
                cells.append([(_SPACE.sub(" ", self.inline(p)).strip(), self.where(p))
                              for p in paragraphs])
            if all(_tag(c) == "th" for c in row if _tag(c)) and len(rows) == header_rows:
                header_rows += 1
            rows.append(cells)
        table = self.table(rows, header_rows, line=element.sourceline)
        if self.stack:
            table.parent.remove(table)
            self._append(table)
