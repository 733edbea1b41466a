"""The annotated and redacted Word files open in a real office suite.

Each is converted to PDF by LibreOffice (``soffice --headless``), with comments
exported as PDF notes, and the PDF is read back: the report's text is all
there; every scr-checks comment is a note at the end of the words it is on;
every redaction shows as the identifier struck through and its placeholder.
CI installs LibreOffice (``.ci/run`` sets ``SCR_CHECKS_REQUIRE_OFFICE``, under
which a missing ``soffice`` fails instead of skipping).
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from scr_checks.document import blocks
from scr_checks.editing.annotate import annotate
from scr_checks.editing.redact import redact
from scr_checks.readers.docx import DocxReader

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
#: Notes (comments) become PDF annotations; LibreOffice 7.4 has no margin option.
EXPORT = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
#: The Word fixtures an office suite can open: the reader's edge case
#: (readers/numbered.docx) is a bare package without relationships for its
#: parts, which neither Word nor LibreOffice opens even before any edit.
OPENABLE = [0, 1, 3]
TEXT_NOTE, POPUP = 1, 16


@pytest.fixture(scope="module")
def office(word, tmp_path_factory) -> dict[str, Path]:
    """Every openable fixture annotated and redacted, converted to PDF in one run."""
    if SOFFICE is None:
        if os.environ.get("SCR_CHECKS_REQUIRE_OFFICE"):
            pytest.fail("LibreOffice (soffice) is not installed, and this run requires it")
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("office")
    inputs = []
    for number in OPENABLE:
        path = word.fixtures[number]
        stem = path.parent.name
        for kind, data in (
                ("annotated", annotate(word.session(), path, path.read_bytes(), path.name).data),
                ("redacted", redact(word.session(), path, path.read_bytes(), path.name,
                                    True).data)):
            target = folder / f"{stem}-{kind}.docx"
            assert data is not None
            target.write_bytes(data)
            inputs.append(target)
    profile = (folder / "profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", EXPORT, "--outdir", str(folder),
                    *map(str, inputs)], check=True, capture_output=True, timeout=600)
    return {docx.stem: docx for docx in inputs}


def pdf_of(docx: Path) -> pdfium.PdfDocument:
    pdf = docx.with_suffix(".pdf")
    assert pdf.exists(), f"LibreOffice could not open {docx.name}"
    return pdfium.PdfDocument(pdf)


def squeeze(text: str) -> str:
    return " ".join(text.split())


def page_text(document: pdfium.PdfDocument) -> str:
    return squeeze(" ".join(page.get_textpage().get_text_range() for page in document))


def notes(page) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The page's text notes: contents and rectangle (left, bottom, right, top)."""
    out = []
    for index in range(raw.FPDFPage_GetAnnotCount(page)):
        annotation = raw.FPDFPage_GetAnnot(page, index)
        if raw.FPDFAnnot_GetSubtype(annotation) == TEXT_NOTE:
            size = raw.FPDFAnnot_GetStringValue(annotation, b"Contents", None, 0)
            buffer = ctypes.create_string_buffer(size)
            raw.FPDFAnnot_GetStringValue(annotation, b"Contents", ctypes.cast(
                buffer, ctypes.POINTER(raw.FPDF_WCHAR)), size)
            rect = raw.FS_RECTF()
            raw.FPDFAnnot_GetRect(annotation, rect)
            out.append((buffer.raw.decode("utf-16-le").rstrip("\x00"),
                        (rect.left, rect.bottom, rect.right, rect.top)))
        raw.FPDFPage_CloseAnnot(annotation)
    return out


def word_ends(page, words: str) -> list[tuple[float, float, float]]:
    """Where each occurrence of ``words`` on the page ends: (right, bottom, top)."""
    text_page = page.get_textpage()
    search = text_page.search(words, match_case=True)
    ends = []
    while (found := search.get_next()) is not None:
        _, bottom, right, top = text_page.get_charbox(found[0] + found[1] - 1)
        ends.append((right, bottom, top))
    return ends


@pytest.mark.parametrize("number", OPENABLE)
def test_an_annotated_report_opens_with_its_text_and_every_comment(office, word, number):
    path = word.fixtures[number]
    docx = office[f"{path.parent.name}-annotated"]
    document = pdf_of(docx)
    text = page_text(document)
    report = DocxReader().read(path.name, path.read_bytes())
    for deleted in (h.text for h in report.hidden if h.kind == "deletion"):
        text = text.replace(f"{squeeze(deleted)} ", "")  # shown struck through
    for block in blocks(report):
        if block.node.parent.tagname != "footnote" and not block.in_table:
            assert squeeze(block.text) in text
    ours = sorted("\n".join(lines) for _, author, lines in word.comments(docx.read_bytes())
                  if author == "scr-checks")
    shown = sorted(contents for page in document for contents, _ in notes(page))
    assert [c for c in shown if c in ours] == ours


def test_each_comment_is_a_note_at_the_end_of_its_words(office, word):
    docx = office["editing-annotated"]
    data = docx.read_bytes()
    ranges = word.anchored(data)
    # Masked, two comments of one rule can read the same: each may be on either's words.
    on_words: dict[str, list[str]] = {}
    for number, author, lines in word.comments(data):
        words = squeeze(ranges[number][0])
        if author == "scr-checks" and words and len(words) <= 40:  # not the title's
            on_words.setdefault("\n".join(lines), []).append(words)
    checked = 0
    for page in pdf_of(docx):
        for contents, (left, bottom, _, top) in notes(page):
            if contents not in on_words:
                continue
            ends = [end for words in on_words[contents] for end in word_ends(page, words)]
            assert any(abs(left - right) < 4 and bottom <= (low + high) / 2 <= top
                       for right, low, high in ends), contents
            checked += 1
    assert checked >= 15


@pytest.mark.parametrize("number", OPENABLE)
def test_a_redacted_report_opens_showing_each_change(office, word, number):
    path = word.fixtures[number]
    done = redact(word.session(), path, path.read_bytes(), path.name, True)
    text = page_text(pdf_of(office[f"{path.parent.name}-redacted"]))
    for replacement in done.replacements:
        identifier = replacement.identifier
        struck = f"{re.escape(squeeze(identifier.text))} ?{re.escape(identifier.placeholder)}"
        assert re.search(struck, text), identifier.text


def test_ci_installs_libreoffice_and_does_not_let_this_test_skip(word):
    script = (word.root / ".ci" / "run").read_text(encoding="utf-8")
    install = script.index("libreoffice-writer-nogui")
    assert "apt-get install" in script[install - 200:install]
    assert script.index("export SCR_CHECKS_REQUIRE_OFFICE=1") < script.index("python -m pytest")
