"""Reader limits on text and blocks: a report over one is one line for that file,
stopped before its parser fills the memory."""

from __future__ import annotations

import importlib.util
import zlib
from pathlib import Path

import pytest

from scr_checks import ReaderError
from scr_checks.document import HiddenContent, Report, blocks, new_document
from scr_checks.readers import check_extent
from scr_checks.readers.docx import DocxReader
from scr_checks.readers.html import HtmlReader
from scr_checks.readers.markdown import MarkdownReader
from scr_checks.readers.pdf import PdfReader, _check_streams
from scr_checks.readers.rst import RstReader
from scr_checks.readers.text import TextReader
from scr_checks.readers.tree import TreeBuilder
from scr_checks.testing import check_paths

_spec = importlib.util.spec_from_file_location(
    "scr_hostile", Path(__file__).with_name("hostile.py"))
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)

TEXT_READERS = [TextReader, MarkdownReader, RstReader]


@pytest.mark.parametrize("reader", TEXT_READERS)
def test_a_text_report_over_max_text_size_is_refused_before_parsing(reader):
    with pytest.raises(ReaderError) as caught:
        reader({"max_text_size": 1000}).read("x", hostile.long_line_text(2000))
    assert caught.value.reason.startswith("the text is 2,")
    assert "over the limit of 1,000 (max_text_size)" in caught.value.reason


@pytest.mark.parametrize("reader", TEXT_READERS)
def test_a_text_report_over_max_blocks_is_refused_before_parsing(reader):
    with pytest.raises(ReaderError) as caught:
        reader({"max_blocks": 100}).read("x", hostile.many_blocks_text(200))
    assert caught.value.reason.startswith("more than 100 blocks")
    assert "(max_blocks)" in caught.value.reason


def test_a_text_report_at_the_limits_is_read():
    data = hostile.many_blocks_text(98)
    report = TextReader({"max_blocks": 100, "max_text_size": len(data)}).read("x", data)
    assert hostile.IDENTIFIER in report.document.astext()


def test_an_html_comment_bomb_is_refused_before_parsing():
    with pytest.raises(ReaderError) as caught:
        HtmlReader({"max_blocks": 100}).read("x.html", hostile.comment_bomb_html(101))
    assert caught.value.reason.startswith("more than 100 blocks")


def test_an_html_page_with_too_many_tags_is_refused_before_parsing():
    page = b"<html><body>" + b"<p>x</p>" * 2600 + b"</body></html>"
    with pytest.raises(ReaderError) as caught:
        HtmlReader({"max_blocks": 100}).read("x.html", page)
    assert caught.value.reason.startswith("the page holds more than 5,000 tags")


def test_an_html_page_over_max_blocks_is_refused_as_its_tree_is_built():
    def page(paragraphs: int) -> bytes:
        return b"<html><body>" + b"<p>Words.</p><p></p>" * paragraphs + b"</body></html>"

    assert len(blocks(HtmlReader({"max_blocks": 100}).read("x.html", page(100)))) == 100
    with pytest.raises(ReaderError) as caught:
        HtmlReader({"max_blocks": 100}).read("x.html", page(101))
    assert caught.value.reason.startswith("more than 100 blocks")


def _element_with(attributes: int, separator: str) -> bytes:
    """A page whose one paragraph has this many attributes, quoted values holding
    spaces and a ">" among them, written with ``separator`` between."""
    listed = separator.join(f"a{i}='x y'" if i % 2 else f'b{i} = "q>r"'
                            for i in range(attributes))
    return f"<html><body>\n\n<p {listed}>Words.</p></body></html>".encode()


@pytest.mark.parametrize("separator", [" ", "", "\n"])
def test_an_element_with_too_many_attributes_is_refused_before_parsing(separator):
    from scr_checks.readers.html import MAX_ATTRIBUTES

    assert HtmlReader().read("x.html", _element_with(MAX_ATTRIBUTES, separator))
    with pytest.raises(ReaderError) as caught:
        HtmlReader().read("x.html", _element_with(MAX_ATTRIBUTES + 1, separator))
    assert caught.value.reason == (
        f"line 3: an element with more than {MAX_ATTRIBUTES:,} attributes, "
        "so the page was not read")


def test_a_word_part_with_too_many_elements_is_refused_before_parsing():
    data = hostile.big_docx(100_000)
    with pytest.raises(ReaderError) as caught:
        DocxReader({"max_blocks": 100}).read("x.docx", data)
    assert caught.value.reason.startswith("word/document.xml holds more than 5,000 tags")
    assert hostile.IDENTIFIER in DocxReader().read("x.docx", data).document.astext()


def test_a_pdf_stream_that_inflates_past_the_limit_is_refused():
    data = hostile.flate_pdf(3_000_000)
    with pytest.raises(ReaderError) as caught:
        PdfReader({"max_unpacked_size": 2_000_000}).read("x.pdf", data)
    assert "compressed streams inflate to more than 2,000,000 bytes" in caught.value.reason
    assert hostile.IDENTIFIER in PdfReader().read("x.pdf", data).document.astext()


def test_stream_inflation_is_counted_across_streams_and_skips_images():
    stream = zlib.compress(b"q Q\n" * 1000)
    one = (b"1 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
           + stream + b"\nendstream\nendobj\n")
    image = one.replace(b"/Filter", b"/Subtype /Image /Filter")
    _check_streams("x.pdf", one * 2 + image * 10, 8000)
    with pytest.raises(ReaderError):
        _check_streams("x.pdf", one * 3, 8000)


def test_a_content_stream_showing_more_text_than_a_page_holds_is_refused():
    data = hostile.text_operators_pdf(130_000)  # 130,000 strings of 10 bytes
    with pytest.raises(ReaderError) as caught:
        PdfReader().read("x.pdf", data)
    assert caught.value.reason.startswith("a page's content shows more than 1,000,000 characters")
    compressed = hostile.flate_pdf(0).replace(b"q Q", b"")
    assert hostile.IDENTIFIER in PdfReader().read("x.pdf", compressed).document.astext()


def test_pdf_text_over_max_text_size_is_refused():
    with pytest.raises(ReaderError) as caught:
        PdfReader({"max_text_size": 20}).read("x.pdf", hostile.flate_pdf(100))
    assert caught.value.reason.startswith("the text of pages 1-1 is ")


def _report(paragraphs: int, hidden: int = 0) -> Report:
    builder = TreeBuilder("x")
    for _ in range(paragraphs):
        builder.paragraph("Some words.")
    return Report(path="x", format="text", document=builder.document,
                  hidden=[HiddenContent("comment", "A note.", "comment") for _ in range(hidden)])


def test_check_extent_counts_blocks_hidden_content_and_text():
    assert check_extent("x", _report(60, 40), {"max_blocks": 100}).path == "x"
    with pytest.raises(ReaderError, match=r"more than 100 blocks"):
        check_extent("x", _report(60, 41), {"max_blocks": 100})
    with pytest.raises(ReaderError, match=r"more than 100 characters of text"):
        check_extent("x", _report(10), {"max_text_size": 100})
    empty = Report(path="x", format="text", document=new_document("x"))
    assert check_extent("x", empty, {}) is empty


def test_the_run_applies_the_limits_to_every_reader(tmp_path):
    path = tmp_path / "report.html"
    path.write_bytes(b"<html><body>" + b"<p>Words.</p>" * 50 + b"</body></html>")
    other = tmp_path / "other.txt"
    other.write_text(hostile.IDENTIFIER)
    run = check_paths([path, other], config={"max_blocks": 20})
    by_name = {Path(f.path).name: f for f in run.files}
    [error] = by_name["report.html"].errors
    assert error.message.startswith("cannot read: more than 20 blocks")
    assert by_name["other.txt"].findings


def test_a_rest_list_number_of_thousands_of_digits_is_said_so():
    text = "Title\n=====\n\n" + "9" * 5000 + ". item\n"
    with pytest.raises(ReaderError) as caught:
        RstReader().read("x.rst", text.encode())
    assert caught.value.reason.startswith("a list number that is not a number")
