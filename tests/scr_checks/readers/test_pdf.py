"""PDF: structure from geometry, page locations, furniture, hidden content."""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_checks import ReaderError
from scr_checks.document import blocks
from scr_checks.readers.pdf import PdfReader

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"


def read(path: Path):
    return PdfReader().read(path.name, path.read_bytes())


@pytest.fixture(scope="module")
def report():
    return read(FIXTURES / "reports" / "same" / "report.pdf")


def by_number(report, number):
    [block] = [b for b in blocks(report) if b.paragraph_number == number]
    return block


def test_running_header_and_page_numbers_are_removed(report):
    texts = " ".join(b.text for b in blocks(report))
    assert "Child M review: format fixture" not in texts
    assert "Page 2" not in texts


def test_paragraph_over_a_page_break_is_one_paragraph_on_its_first_page(report):
    block = by_number(report, "2.2.2")
    assert block.text.endswith("adults who come and go.")
    assert block.page == 2
    location = block.location(len(block.text) - 4)
    assert location.describe() == (
        "page 2, line 17, paragraph 2.2.2, under Serious Case Review: Child M (format fixture) > "
        "2. Analysis > 2.2 Assessment of the household")


def test_wrapped_cross_reference_is_not_a_new_paragraph(report):
    block = by_number(report, "2.1.2")
    assert "(see paragraphs 2.2.1 and 3.1)" in " ".join(block.text.split())
    assert block.page == 2
    assert not any(b.text.startswith("2.2.1 and") for b in blocks(report))


def test_line_end_hyphen_of_a_split_word_is_removed(report):
    assert "the safeguarding guidance" in by_number(report, "2.1.1").text


def test_title_over_two_lines_is_one_heading_at_the_top_level(report):
    first = blocks(report)[0]
    assert first.is_heading
    assert first.text == "Serious Case Review: Child M (format fixture)"
    assert first.heading_path == ("Serious Case Review: Child M (format fixture)",)


def test_indexes_and_pages(report):
    found = blocks(report)
    assert [b.index for b in found] == list(range(1, len(found) + 1))
    assert found[-1].page == 3


def test_metadata_is_hidden_content(report):
    assert ("property", "A. Drafter", "document information: Author") in [
        (h.kind, h.text, h.where) for h in report.hidden]


def test_hyphen_kept_when_the_document_spells_the_word_with_one(generate):
    model = [("heading", 1, "T"),
             ("para", "1.1 The injuries were non-accidental, said the consultant who saw "
                      "the child on the ward."),
             ("para", "1.2 Doctors thought the injuries were non\u00adaccidental too.")]
    report = PdfReader().read("x.pdf", generate.to_pdf(model))
    assert "non-accidental too" in by_number(report, "1.2").text


@pytest.mark.parametrize(("name", "reason"), [
    ("encrypted.pdf", "encrypted (password protected)"),
    ("scanned.pdf", "no text layer"),
    ("truncated.pdf", "not a readable PDF"),
])
def test_unreadable_pdfs_raise_one_reader_error(name, reason):
    with pytest.raises(ReaderError) as caught:
        read(FIXTURES / "readers" / name)
    assert caught.value.path == name
    assert reason in caught.value.reason


def test_another_kind_of_file_named_pdf_is_said_to_be_no_pdf():
    from scr_checks.readers.pdf import PdfReader

    with pytest.raises(ReaderError) as caught:
        PdfReader().read("notes.pdf", b"Introduction\n\nThis is a text file.\n")
    assert caught.value.reason == ("not a PDF: it does not start as one does (another kind "
                                   "of file named .pdf?)")


def test_page_line_counts_the_lines_a_reader_sees_from_the_top(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from scr_checks.readers.pdf import PdfReader

    path = tmp_path / "lines.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    top = A4[1] - 72
    texts = ["1.1 The first paragraph starts here and", "runs on to a second line.", "",
             "1.2 The second paragraph is on the fourth", "line of text that the page shows."]
    for number, text in enumerate(texts):
        if text:
            pdf.drawString(72, top - number * 14, text)
    pdf.showPage()
    pdf.save()

    report = PdfReader().read(str(path), path.read_bytes())
    located = {b.paragraph_number: (b.page, b.page_line) for b in blocks(report)}
    assert located == {"1.1": (1, 1), "1.2": (1, 3)}
