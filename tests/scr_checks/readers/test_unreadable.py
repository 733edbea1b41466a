"""Encodings, and unreadable files: one clear error each, the others still checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from docutils import nodes
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_checks import ReaderError
from scr_checks.cli import main
from scr_checks.document import blocks
from scr_checks.readers.html import HtmlReader
from scr_checks.readers.markdown import MarkdownReader
from scr_checks.readers.text import TextReader
from scr_checks.testing import check_paths, check_text

EDGE = Path(__file__).resolve().parents[3] / "fixtures" / "readers"
SAME = Path(__file__).resolve().parents[3] / "fixtures" / "reports" / "same"


@pytest.mark.parametrize("name", ["utf8-bom.md", "utf16.md"])
def test_utf8_bom_and_utf16_bom_are_read(name):
    report = MarkdownReader().read(name, (EDGE / name).read_bytes())
    texts = [b.text for b in blocks(report)]
    assert "Serious Case Review: Child M (format fixture)" in texts
    assert any("Wéstshire" in t for t in texts)
    assert report.source.lines[0].startswith("# Serious")


def test_latin1_is_a_clear_error_naming_the_byte():
    with pytest.raises(ReaderError) as caught:
        MarkdownReader().read("latin1.md", (EDGE / "latin1.md").read_bytes())
    assert caught.value.reason.startswith("not UTF-8 (byte 0xe9 at offset ")
    assert "save the file as UTF-8" in caught.value.reason


def test_each_unreadable_file_is_one_error_and_the_good_one_is_checked():
    bad = sorted(p for p in EDGE.iterdir()
                 if p.name.split(".")[0] in {"not-a-zip", "no-document", "zip-bomb",
                                             "entity-bomb", "truncated", "encrypted",
                                             "scanned", "latin1"})
    run = check_paths([*bad, SAME / "report.md"])
    by_path = {Path(f.path).name: f for f in run.files}
    for path in bad:
        [error] = by_path[path.name].errors
        assert error.message.startswith("cannot read: ")
        assert Path(error.path).name == path.name
    assert by_path["report.md"].errors == []
    assert by_path["report.md"].findings


def test_cli_exits_2_and_still_reports_the_other_file(capsys):
    status = main(["check", str(EDGE / "encrypted.pdf"), str(SAME / "report.txt")])
    out = capsys.readouterr()
    assert status == 2
    assert "encrypted.pdf: cannot read: the PDF is encrypted" in out.out + out.err
    assert "report.txt:" in out.out


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
       reader=st.sampled_from([MarkdownReader, HtmlReader, TextReader]))
def test_any_text_gives_a_tree_or_a_reader_error(text, reader):
    try:
        report = reader().read("x", text.encode("utf-8"))
    except ReaderError:
        return
    assert isinstance(report.document, nodes.document)
    for block in blocks(report):
        location = block.location(0, len(block.text))
        assert location.line is not None and location.line >= 1
        assert location.column >= 1


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=200),
       reader=st.sampled_from([MarkdownReader, HtmlReader, TextReader]))
def test_any_bytes_give_a_tree_or_a_reader_error(data, reader):
    try:
        reader().read("x", data)
    except ReaderError:
        pass


@pytest.mark.parametrize(
    ("suffix", "text"),
    [(".md", "- # Heading in a list\n- an item\n\nAfter.\n"),
     (".html", "<ul><li><h2>Heading in a list</h2>text</li></ul><p>After.</p>")],
    ids=["markdown", "html"],
)
def test_heading_inside_a_list_is_read(suffix, text):
    from scr_checks.testing import check_text

    run = check_text(text, suffix=suffix, config={"select": ["SCR101"]})
    assert not run.errors
    assert run.files[0].read_ok


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\n\n   \n", b"\xef\xbb\xbf\r\n"])
def test_a_file_of_a_byte_order_mark_or_blank_lines_is_empty_not_clean(data):
    run = check_text(data, suffix=".md")
    assert [e.message for e in run.errors] == ["cannot read: file is empty (white space only)"]
    assert run.files[0].findings == []
