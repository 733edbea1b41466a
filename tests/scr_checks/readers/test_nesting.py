"""Nesting up to the limit is read whole; past it, the file is an error naming
the line, never a document read in part."""

from __future__ import annotations

import pytest

from scr_checks import ReaderError
from scr_checks.readers import MAX_NESTING
from scr_checks.readers.html import HtmlReader
from scr_checks.readers.markdown import MarkdownReader
from scr_checks.readers.rst import RstReader

LAST = "Zedra Quillon lived at ZZ99 3AB."


def html(levels: int) -> bytes:
    # html and body are two levels of the limit
    return ("<html><body>" + "<div>" * levels + "<p>x</p>" + "</div>" * levels
            + f"<p>{LAST}</p></body></html>").encode()


def markdown(levels: int) -> bytes:
    quotes = "".join(">" * n + " Quote.\n" + ">" * n + "\n" for n in range(1, levels + 1))
    return f"# Title\n\n{quotes}{'>' * levels} {LAST}\n".encode()


def rst(levels: int) -> bytes:
    quotes = "".join(" " * n + f"Quote {n}.\n\n" for n in range(levels))
    return f"Title\n=====\n\n{quotes}{' ' * levels}{LAST}\n".encode()


@pytest.mark.parametrize(("reader", "make", "deepest"), [
    (HtmlReader, html, MAX_NESTING - 3),
    (MarkdownReader, markdown, MAX_NESTING),
    (RstReader, rst, MAX_NESTING - 1),
])
def test_nesting_up_to_the_limit_is_read_to_the_end(reader, make, deepest):
    assert LAST in reader().read("x", make(deepest)).document.astext()
    with pytest.raises(ReaderError) as caught:
        reader().read("x", make(deepest + 1))
    assert caught.value.reason.startswith("line ")
    assert f"nesting deeper than {MAX_NESTING} levels" in caught.value.reason


def rst_with_tabs(levels: int) -> bytes:
    """Quotes indented four columns deeper each, by tabs (eight columns) and spaces."""
    def indent(n: int) -> str:
        return "\t" * (n // 2) + "    " * (n % 2)

    quotes = "".join(f"{indent(n)}Quote {n}.\n\n" for n in range(levels))
    return f"Title\n=====\n\n{quotes}{indent(levels)}{LAST}\n".encode()


def test_a_tab_indents_to_the_next_eighth_column_as_docutils_reads_it():
    assert LAST in RstReader().read("x", rst_with_tabs(MAX_NESTING - 1)).document.astext()
    with pytest.raises(ReaderError) as caught:
        RstReader().read("x", rst_with_tabs(MAX_NESTING))
    assert f"nesting deeper than {MAX_NESTING} levels" in caught.value.reason


def test_an_embedded_image_over_10_mb_does_not_end_the_page():
    page = (f"<html><body><img src=\"data:image/png;base64,{'A' * 10_500_000}\">"
            f"<p>{LAST}</p></body></html>").encode()
    assert LAST in HtmlReader().read("x.html", page).document.astext()


def test_a_rest_line_over_a_million_characters_is_an_error_not_a_warning():
    with pytest.raises(ReaderError) as caught:
        RstReader().read("x.rst", f"{LAST}\n\n{'x' * 1_000_001}\n".encode())
    assert caught.value.reason.startswith("line 3 is 1,000,001 characters long")
