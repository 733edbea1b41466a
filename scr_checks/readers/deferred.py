"""The Word, PDF, HTML and Markdown readers as registered: their modules load
on first use.

Importing these reader modules took 12 ms of every run's start-up, though a
run seldom reads more than one format.  Each class here names its format and
suffixes; the real reader subclasses it and is imported on the first read.
"""

from __future__ import annotations

from typing import ClassVar

from scr_checks.document import Report
from scr_checks.lazy import load
from scr_checks.readers import Reader


class DeferredReader(Reader):
    """A reader whose ``read`` is the one of ``real`` ("module:Class")."""

    real: ClassVar[str] = ""

    def read(self, path: str, data: bytes) -> Report:
        reader: Reader = load(self.real)(self.options)
        return reader.read(path, data)


class WordReader(DeferredReader):
    format = "docx"
    suffixes = (".docx", ".docm")
    real = "scr_checks.readers.docx:DocxReader"


class PortableDocumentReader(DeferredReader):
    format = "pdf"
    suffixes = (".pdf",)
    real = "scr_checks.readers.pdf:PdfReader"


class HypertextReader(DeferredReader):
    format = "html"
    suffixes = (".html", ".htm", ".xhtml")
    real = "scr_checks.readers.html:HtmlReader"


class CommonMarkReader(DeferredReader):
    format = "markdown"
    suffixes = (".md", ".markdown")
    real = "scr_checks.readers.markdown:MarkdownReader"
