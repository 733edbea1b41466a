"""The registered deferred readers read as the real ones, with the same options."""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_checks import ReaderError
from scr_checks.document import blocks
from scr_checks.readers.deferred import (
    CommonMarkReader,
    HypertextReader,
    PortableDocumentReader,
    WordReader,
)
from scr_checks.readers.docx import DocxReader
from scr_checks.readers.html import HtmlReader
from scr_checks.readers.markdown import MarkdownReader
from scr_checks.readers.pdf import PdfReader

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"


@pytest.mark.parametrize(("deferred", "real", "path"), [
    (WordReader, DocxReader, FIXTURES / "readers" / "numbered.docx"),
    (PortableDocumentReader, PdfReader, FIXTURES / "reports" / "same" / "report.pdf"),
    (HypertextReader, HtmlReader, FIXTURES / "reports" / "same" / "report.html"),
    (CommonMarkReader, MarkdownReader, FIXTURES / "reports" / "same" / "report.md"),
])
def test_the_deferred_reader_reads_as_the_real_one(deferred, real, path):
    data = path.read_bytes()
    got, expected = deferred().read(path.name, data), real().read(path.name, data)
    assert (got.format, got.hidden) == (expected.format, expected.hidden)
    assert got.document.pformat() == expected.document.pformat()
    assert [b.text for b in blocks(got)] == [b.text for b in blocks(expected)]
    assert (real.format, real.suffixes) == (deferred.format, deferred.suffixes)


def test_the_deferred_reader_passes_its_limits_on():
    path = FIXTURES / "readers" / "numbered.docx"
    with pytest.raises(ReaderError):
        WordReader({"max_unpacked_size": 10}).read(path.name, path.read_bytes())
