"""An HTML page is read in the encoding it declares, as a browser reads it."""

from __future__ import annotations

import pytest

from scr_checks import ReaderError
from scr_checks.document import blocks
from scr_checks.readers.html import HtmlReader, declared_encoding

#: What Word's "Save as Web Page" writes at the top of a page.
WORD_HEAD = ('<html><head><meta http-equiv=Content-Type '
             'content="text/html; charset=windows-1252"></head><body>\n')


def page(head: str, body: str, encoding: str) -> bytes:
    return (head + body + "\n</body></html>\n").encode(encoding)


def texts(data: bytes) -> list[str]:
    return [block.text for block in blocks(HtmlReader().read("r.html", data))]


@pytest.mark.parametrize("head", [
    WORD_HEAD,
    '<html><head><meta charset="ISO-8859-1"></head><body>\n',
    "<?xml version='1.0' encoding='windows-1252'?><html><body>\n",
])
def test_a_page_in_its_declared_single_byte_encoding_is_read(head):
    data = page(head, "<p>The social worker\u2019s caf\u00e9 visit \u2013 in May.</p>",
                "cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert texts(data) == ["The social worker\u2019s caf\u00e9 visit \u2013 in May."]


def test_columns_count_characters_of_the_declared_encoding():
    report = HtmlReader().read("r.html", page(WORD_HEAD, "<p>Caf\u00e9 \u2013 Ms Moss.</p>",
                                              "cp1252"))
    block = next(b for b in blocks(report) if "Moss" in b.text)
    line, column = block.source_position(block.text.index("Moss"))
    assert report.source.lines[line - 1][column:column + 4] == "Moss"


def test_a_utf8_page_that_says_so_is_read_as_before():
    data = page('<meta charset="utf-8"><body>', "<p>Caf\u00e9.</p>", "utf-8")
    assert declared_encoding("r.html", data) is None
    assert texts(data) == ["Caf\u00e9."]


def test_a_page_without_a_declaration_must_still_be_utf8():
    with pytest.raises(ReaderError, match=r"not UTF-8 \(byte 0xe9"):
        HtmlReader().read("r.html", page("<body>", "<p>Caf\u00e9.</p>", "cp1252"))


def test_an_unknown_declared_encoding_is_one_clear_error():
    with pytest.raises(ReaderError, match="declares the encoding 'x-klingon', which is unknown"):
        HtmlReader().read("r.html", page('<meta charset="x-klingon"><body>', "<p>A.</p>",
                                         "ascii"))


def test_bytes_the_declared_encoding_lacks_are_one_clear_error():
    data = page('<meta charset="windows-1252"><body>', "<p>A</p>", "ascii").replace(
        b"A", b"\x81")
    with pytest.raises(ReaderError, match=r"not cp1252 as it declares \(byte 0x81"):
        HtmlReader().read("r.html", data)


def test_a_byte_order_mark_outranks_the_declaration():
    data = b"\xef\xbb\xbf" + page('<meta charset="windows-1252"><body>', "<p>Caf\u00e9.</p>",
                                  "utf-8")
    assert texts(data) == ["Caf\u00e9."]


@pytest.mark.parametrize("label", ["rot13", "hex", "undefined", "unicode_escape"])
def test_a_codec_no_page_can_be_in_is_one_clear_error(label):
    data = page(f'<meta charset="{label}"><body>', "<p>A \\x.</p>", "ascii")
    with pytest.raises(ReaderError, match="save the page as UTF-8"):
        HtmlReader().read("r.html", data)
