"""Builders of small Word and PDF files, good ones to damage and hostile ones.

Session-scoped, as plain functions, so hypothesis tests can use them too.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from types import SimpleNamespace

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def _docx(replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> bytes:
    """A small Word report; ``replace`` swaps parts' bytes, ``drop`` leaves parts out."""
    document = docx.Document()
    document.add_heading("Introduction", level=1)
    document.add_paragraph("1.1 The review began in 2023.")
    document.add_paragraph("A list item.", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Agency"
    table.cell(0, 1).text = "Role"
    buffer = io.BytesIO()
    document.save(buffer)
    if not replace and not drop:
        return buffer.getvalue()
    source = zipfile.ZipFile(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in drop:
                target.writestr(info.filename, (replace or {}).get(info.filename)
                                or source.read(info))
    return out.getvalue()


def _pdf(lines: tuple[str, ...] = ("Introduction", "1.1 The review began in 2023."),
         pages: int = 1, encrypt: str | None = None) -> bytes:
    """A PDF with ``lines`` of text on each page; no lines gives a page of drawing only."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt)
    for _ in range(pages):
        page.setFont("Helvetica", 11)
        for number, line in enumerate(lines):
            page.drawString(72, 760 - 20 * number, line)
        if not lines:  # what a scanner leaves: marks, no text layer
            page.rect(72, 500, 300, 200, fill=1)
        page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.fixture(scope="session")
def make_docx() -> Callable[..., bytes]:
    return _docx


@pytest.fixture(scope="session")
def make_pdf() -> Callable[..., bytes]:
    return _pdf


def document_xml(body: str, doctype: str = "") -> bytes:
    """A ``word/document.xml`` with ``body`` inside one paragraph."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + doctype +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p></w:body></w:document>"
    ).encode()


@pytest.fixture(scope="session")
def builders() -> SimpleNamespace:
    """All three builders, for tables of faults that need one or another."""
    return SimpleNamespace(docx=_docx, pdf=_pdf, document_xml=document_xml)
