"""DOCX: final text, computed list numbers, hidden content, hostile zips."""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_checks import ReaderError
from scr_checks.document import blocks
from scr_checks.readers.docx import DocxReader

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"


def read(path: Path):
    return DocxReader().read(path.name, path.read_bytes())


@pytest.fixture(scope="module")
def numbered():
    report = read(FIXTURES / "readers" / "numbered.docx")
    return report, {b.text: b for b in blocks(report)}


def test_numbers_come_from_numbering_xml(numbered):
    _, by_text = numbered
    assert by_text["Introduction"].paragraph_number == "1"
    assert by_text["The review began in May."].paragraph_number == "1.1"
    assert by_text["It met four times."].paragraph_number == "1.2"
    assert by_text["Analysis"].paragraph_number == "2"
    assert by_text["Practice was mixed."].paragraph_number == "2.1"
    assert by_text["Records were incomplete."].paragraph_number == "2.2"
    assert by_text["Restarted list."].paragraph_number == "7"


def test_location_is_index_heading_path_and_number(numbered):
    _, by_text = numbered
    location = by_text["Records were incomplete."].location(0, 7)
    assert (location.line, location.paragraph_index) == (None, 9)
    assert location.heading_path == ("Analysis",)
    assert location.describe() == "paragraph 2.2, under Analysis"


def test_heading_from_outline_level(numbered):
    _, by_text = numbered
    assert by_text["Chapter by outline level"].is_heading
    assert by_text["Restarted list."].heading_path == ("Analysis", "Chapter by outline level")


def test_final_view_of_fields_moves_and_alternate_content(numbered):
    _, by_text = numbered
    for text in ("Moved words.", "Field result text.", "Chosen text.",
                 "Inside a content control."):
        assert text in by_text
    assert not any("Fallback" in text for text in by_text)


def test_hidden_text_is_not_read_but_reported(numbered):
    report, by_text = numbered
    assert not any("Sam Ruler" in text for text in by_text)
    assert ("hidden-text", "Draft note: ask Sam Ruler.", "paragraph 9") in [
        (h.kind, h.text, h.where) for h in report.hidden]


def test_footnote_follows_the_paragraph_citing_it(numbered):
    _, by_text = numbered
    note = by_text["Working Together to Safeguard Children."]
    assert note.node.parent.tagname == "footnote"
    assert note.index == 4
    assert note.heading_path == ("Introduction",)


def test_bullet_style_gives_a_bullet_list(numbered):
    _, by_text = numbered
    assert by_text["A bullet item"].in_list


def test_fixture_report_tracked_changes_comment_and_properties():
    report = read(FIXTURES / "reports" / "same" / "report.docx")
    texts = [b.text for b in blocks(report)]
    assert any("who had recently joined the household" in t for t in texts)
    assert not any("newly" in t for t in texts)
    assert not any("health team" in t for t in texts)
    hidden = {(h.kind, h.text) for h in report.hidden}
    assert ("insertion", "recently") in hidden
    assert ("deletion", "newly") in hidden
    assert ("comment", "Please check the age given here with the health team.") in hidden
    assert ("property", "Reviewer One") in hidden
    assert ("property", "A. Drafter") in hidden
    assert ("property", "B. Editor") in hidden
    assert not any("format fixture" in t and "Child M review" in t for t in texts)


def test_fixture_report_indexes_count_every_block_in_reading_order():
    report = read(FIXTURES / "reports" / "same" / "report.docx")
    found = blocks(report)
    assert [b.index for b in found] == list(range(1, len(found) + 1))


@pytest.mark.parametrize(("name", "reason"), [
    ("not-a-zip.docx", "not a valid DOCX (damaged zip"),
    ("truncated.docx", "not a valid DOCX (damaged zip"),
    ("no-document.docx", "not a Word document (no word/document.xml"),
    ("zip-bomb.docx", "possible zip bomb"),
    ("entity-bomb.docx", "word/document.xml defines entities that expand to far more text "
                         "than the file holds (an 'entity bomb'), so the document was not read"),
])
def test_bad_files_raise_one_reader_error(name, reason):
    with pytest.raises(ReaderError) as caught:
        read(FIXTURES / "readers" / name)
    assert caught.value.path == name
    assert reason in caught.value.reason


def test_a_zip_index_claiming_a_later_zip_version_is_one_reader_error():
    """Found by fuzzing: zipfile raises NotImplementedError for such an index."""
    data = bytearray((FIXTURES / "reports" / "same" / "report.docx").read_bytes())
    entry = data.index(b"PK\x01\x02")
    data[entry + 6:entry + 8] = (84).to_bytes(2, "little")  # "version needed": 8.4
    with pytest.raises(ReaderError) as caught:
        DocxReader().read("odd.docx", bytes(data))
    assert caught.value.reason == "not a valid DOCX (damaged zip: zip file version 8.4)"


def test_external_entity_is_not_resolved():
    report = read(FIXTURES / "readers" / "external-entity.docx")
    assert [" ".join(b.text.split()) for b in blocks(report)] == ["Before after"]


def test_running_header_and_footer_are_checked_for_identifiers(tmp_path):
    import docx

    from scr_checks.testing import check_paths, findings_of

    document = docx.Document()
    document.add_heading("Introduction", level=1)
    document.add_paragraph("1.1 The review looked at the care of Child A.")
    section = document.sections[0]
    section.header.paragraphs[0].text = "Draft 3"
    section.footer.paragraphs[0].text = "Prepared by Margaret Okonkwo-Hale"
    path = tmp_path / "margins.docx"
    document.save(path)

    report = DocxReader().read(str(path), path.read_bytes())
    margins = [(h.where, h.text) for h in report.hidden if h.kind == "header-footer"]
    assert ("footer1", "Prepared by Margaret Okonkwo-Hale") in margins
    assert ("header1", "Draft 3") in margins

    run = check_paths([path], config={"select": ["SCR2"]})
    names = [f for f in findings_of(run, "SCR201") if "footer1" in f.message]
    assert len(names) == 1
    assert "Margaret" not in names[0].message
