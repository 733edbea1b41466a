"""Every part of a Word file that holds text is read, once, and findings in it
point at the right place."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest

from scr_checks import ReaderError
from scr_checks.document import blocks
from scr_checks.readers import ELEMENTS_PER_BLOCK
from scr_checks.readers.docx import DocxReader
from scr_checks.testing import check_paths

_spec = importlib.util.spec_from_file_location(
    "scr_hostile", Path(__file__).with_name("hostile.py"))
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)

BODY_PARTS = ("text-box", "table-text-box", "footnote", "endnote", "uncited-footnote",
              "footnote-text-box", "altchunk-html", "altchunk-text", "smartart", "chart")


@pytest.mark.parametrize("where", BODY_PARTS)
def test_the_text_is_one_block_read_once(where):
    report = DocxReader().read("x.docx", hostile.docx_part(where))
    holding = [b for b in blocks(report) if hostile.IDENTIFIER in b.text]
    assert len(holding) == 1  # a text box's VML fallback is not read again


@pytest.mark.parametrize(("where", "name"), [("footnote", "footnote 2"),
                                             ("endnote", "endnote 2"),
                                             ("uncited-footnote", "footnote 5")])
def test_a_note_is_a_block_named_for_the_note(where, name):
    report = DocxReader().read("x.docx", hostile.docx_part(where))
    [block] = [b for b in blocks(report) if hostile.IDENTIFIER in b.text]
    assert block.node.parent["names"] == [name]


def test_a_text_box_follows_its_paragraph():
    report = DocxReader().read("x.docx", hostile.docx_part("text-box"))
    texts = [b.text for b in blocks(report)]
    at = texts.index("The chronology is summarised in the box.")
    assert texts[at + 1] == hostile.IDENTIFIER


def test_an_endnote_finding_has_exact_columns(tmp_path):
    path = tmp_path / "endnote.docx"
    path.write_bytes(hostile.docx_part("endnote"))
    [result] = check_paths([path]).files
    [postcode] = [f for f in result.findings if f.rule_id == "SCR208"]
    report = DocxReader().read("x.docx", path.read_bytes())
    [block] = [b for b in blocks(report) if hostile.IDENTIFIER in b.text]
    start = hostile.IDENTIFIER.index("ZZ99 3AB")
    assert postcode.location.paragraph_index == block.index
    assert (postcode.location.column, postcode.location.end_column) == (start + 1, start + 9)
    assert postcode.location.footnote.startswith("endnote ")  # not counted as a footnote


@pytest.mark.parametrize(("where", "shown"), [("comment", "comment 1"),
                                              ("header", "a page header (header1)"),
                                              ("footer", "a page footer (footer1)")])
def test_comments_headers_and_footers_say_where(tmp_path, where, shown):
    path = tmp_path / f"{where}.docx"
    path.write_bytes(hostile.docx_part(where))
    [result] = check_paths([path]).files
    [phone] = [f for f in result.findings if f.rule_id == "SCR209"]
    assert shown in phone.message


@pytest.mark.parametrize(("where", "shown"), [("smartart", "diagram 1"), ("chart", "chart 2")])
def test_smartart_and_chart_findings_name_the_graphic(tmp_path, where, shown):
    path = tmp_path / f"{where}.docx"
    path.write_bytes(hostile.docx_part(where))
    [result] = check_paths([path]).files
    found = {f.rule_id: f.location.describe() for f in result.findings
             if f.rule_id in hostile.RULES}
    assert found == {rule: shown for rule in hostile.RULES}


def test_a_chart_reads_its_labels_not_its_numbers_after_its_paragraph():
    report = DocxReader().read("x.docx", hostile.docx_part("chart"))
    texts = [b.text for b in blocks(report)]
    at = texts.index("Referrals by year are charted.")
    assert texts[at + 1:at + 3] == ["Referrals", hostile.IDENTIFIER]
    assert "7700900123" not in " ".join(texts)


def test_a_diagram_follows_the_paragraph_that_draws_it():
    report = DocxReader().read("x.docx", hostile.docx_part("smartart"))
    texts = [b.text for b in blocks(report)]
    at = texts.index("The agencies are shown in the diagram.")
    assert texts[at + 1] == hostile.IDENTIFIER


def test_a_diagram_no_paragraph_draws_is_read_at_the_end():
    data = hostile.docx_part("smartart")
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {name: source.read(name) for name in source.namelist()}
    members["word/_rels/document.xml.rels"] = members["word/_rels/document.xml.rels"].replace(
        b'Id="rIdDm"', b'Id="rIdOther"')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in members.items():
            target.writestr(name, content)
    [*_, last] = blocks(DocxReader().read("x.docx", out.getvalue()))
    assert (last.text, last.location().describe()) == (hostile.IDENTIFIER, "diagram 1")


def test_a_diagram_over_the_tag_limit_is_refused():
    """The limits that bound the document's own XML bound a diagram's too."""
    data = ('<dgm:dataModel xmlns:dgm="x" xmlns:a="y">'
            + "<a:p/>" * (ELEMENTS_PER_BLOCK * 50) + "</dgm:dataModel>")
    word = hostile.docx(hostile.paragraph(hostile.TITLE), {"word/diagrams/data1.xml": data})
    DocxReader({"max_blocks": 60}).read("x.docx", word)
    with pytest.raises(ReaderError) as caught:
        DocxReader({"max_blocks": 40}).read("x.docx", word)
    assert caught.value.reason.startswith("word/diagrams/data1.xml holds more than")


def test_an_embedded_rtf_document_is_refused():
    with pytest.raises(ReaderError) as caught:
        DocxReader().read("x.docx", hostile.docx_part("altchunk-rtf"))
    assert caught.value.reason.startswith(
        "embedded document word/chunk.rtf (application/rtf) is in a format that cannot be read")


def test_a_list_number_that_is_not_a_number_is_said_so():
    for value in ("x", "9" * 5000):
        with pytest.raises(ReaderError) as caught:
            DocxReader().read("x.docx", hostile.bad_list_number_docx(value))
        assert caught.value.reason.startswith("a list number that is not a number")
