"""Readers turn a file's bytes into a :class:`~scr_checks.document.Report`.

A reader is a class registered through ``scr_register_readers``; the runner
picks one by file suffix.  Readers raise :class:`ReaderError` with a reason a
user can act on; anything else they raise is reported the same way, naming
the file.
"""

from __future__ import annotations

import codecs
import re
from typing import ClassVar

from scr_checks.config import READER_LIMITS
from scr_checks.document import Report
from scr_checks.exceptions import ReaderError

__all__ = ["MAX_NESTING", "Reader", "ReaderError", "check_extent", "decode_text", "too_deep"]

#: The deepest nesting (elements in elements, quotes in quotes, lists in
#: lists) a reader follows.  Reports nest a few levels; the parsers stop
#: silently (or overflow Python's stack) somewhere past this, so a document
#: nested deeper is an error rather than one read in part.
MAX_NESTING = 100


def too_deep(levels: int = MAX_NESTING, what: str = "elements inside elements") -> str:
    """The reason given for a document nested past ``levels`` of ``what``."""
    return f"nesting deeper than {levels} levels ({what}), so it was not read"


class Reader:
    """Base class of every reader.

    Subclasses set ``format`` (a short name shown to users), ``suffixes``
    (lower-case, with the dot) and implement :meth:`read`.
    """

    format: ClassVar[str] = ""
    suffixes: ClassVar[tuple[str, ...]] = ()

    def __init__(self, options: dict[str, object] | None = None) -> None:
        self.options = options or {}

    def read(self, path: str, data: bytes) -> Report:
        """Parse ``data`` (the whole file) read from ``path`` (as displayed)."""
        raise NotImplementedError

    def limit(self, name: str) -> int:
        """A configured limit such as ``max_pages``, or its default.

        A hostile file must fail with a :class:`ReaderError` at the limit
        rather than exhaust memory or time.
        """
        value = self.options.get(name)
        return value if isinstance(value, int) else READER_LIMITS[name]

    def check_size(self, path: str, characters: int, what: str = "text") -> None:
        """Refuse ``characters`` of ``what`` over ``max_text_size``, before they are parsed."""
        limit = self.limit("max_text_size")
        if characters > limit:
            raise ReaderError(path, f"the {what} is {characters:,} characters, over the limit "
                                    f"of {limit:,} (max_text_size), so it was not checked")

    def check_source(self, path: str, text: str) -> None:
        """Refuse a text report over ``max_text_size`` characters, or with more
        paragraphs (runs of lines between blank lines) than ``max_blocks``,
        before it is parsed: the parser's memory grows with both."""
        self.check_size(path, len(text))
        self.check_blocks(path, sum(1 for _ in _BLANK_LINES.finditer(text)))

    def check_blocks(self, path: str, count: int) -> None:
        """Refuse a report once it has more than ``max_blocks`` blocks."""
        if count > self.limit("max_blocks"):
            raise ReaderError(path, too_many_blocks(self.limit("max_blocks")))


_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


#: Most markup elements (HTML or XML tags) a document may hold for each block
#: ``max_blocks`` allows: Word writes 10 to 30 a paragraph, and libxml2 takes
#: about 70 bytes for each, so the default allows 5,000,000 (some 350 MB).
ELEMENTS_PER_BLOCK = 50


def check_markup(path: str, name: str, tags: int, max_blocks: int) -> None:
    """Refuse markup with more than :data:`ELEMENTS_PER_BLOCK` tags a block,
    counted before a parser builds them."""
    if tags > ELEMENTS_PER_BLOCK * max_blocks:
        raise ReaderError(path, f"{name} holds more than {ELEMENTS_PER_BLOCK * max_blocks:,} "
                                f"tags, over the limit ({ELEMENTS_PER_BLOCK} for each of "
                                "max_blocks), so it was not read")


def too_many_blocks(limit: int) -> str:
    return (f"more than {limit:,} blocks (headings, paragraphs, list items, table cells, "
            "comments), over the limit (max_blocks), so it was not checked")


def check_extent(path: str, report: Report, limits: dict[str, object]) -> Report:
    """``report``, unless its text or its blocks are over ``max_text_size`` or
    ``max_blocks``: what checkers hold in memory grows with both, so a report
    over either is an error for that file rather than a run out of memory.

    The runner applies this to every reader's report, a plugin's included;
    the built-in readers also stop early, before a parser fills the memory.
    """
    from docutils import nodes

    text_limit = _limit(limits, "max_text_size")
    block_limit = _limit(limits, "max_blocks")
    count = len(report.hidden)
    size = sum(len(item.text) for item in report.hidden)
    for node in report.document.findall(nodes.TextElement):
        count += 1
        size += len(node.astext())
        if count > block_limit:
            raise ReaderError(path, too_many_blocks(block_limit))
        if size > text_limit:
            raise ReaderError(path, f"more than {text_limit:,} characters of text, over the "
                                    "limit (max_text_size), so it was not checked")
    return report


def _limit(limits: dict[str, object], name: str) -> int:
    value = limits.get(name)
    return value if isinstance(value, int) else READER_LIMITS[name]


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(path: str, data: bytes) -> str:
    """Decode a text report: UTF-8 (BOM or not), or UTF-16/32 with a BOM.

    Anything else is an error that says where the first bad byte is, rather
    than a guess that would put wrong characters (and wrong columns) in
    every finding.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReaderError(path, f"invalid {encoding} at byte {exc.start}") from None
            break
    else:
        if b"\x00" in data[:8192]:
            raise ReaderError(path, "binary data (NUL bytes), not a text report")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = data[exc.start : exc.start + 1].hex()
            raise ReaderError(
                path,
                f"not UTF-8 (byte 0x{bad} at offset {exc.start}); "
                "save the file as UTF-8",
            ) from None
    if "\x00" in text:
        raise ReaderError(path, "binary data (NUL characters), not a text report")
    return text.replace("\r\n", "\n").replace("\r", "\n")
