"""redact (Word): identifiers as tracked changes that accepted leave none, rejected leave
the original."""

from __future__ import annotations

import importlib.util
import io
import re
from pathlib import Path

import docx
import pytest
from lxml import etree

from scr_checks.document import blocks
from scr_checks.editing.redact import Redacted, redact
from scr_checks.exceptions import UsageError
from scr_checks.readers.docx import DocxReader

IDENTIFIERS_DOCX = 3


def run(word, path: Path, strip: bool = True, *options: str) -> Redacted:
    return redact(word.session(*options), path, path.read_bytes(), path.name, strip)


def reader_view(data: bytes) -> tuple[list[str], list[tuple[str, str, str]]]:
    report = DocxReader().read("r.docx", data)
    return [b.text for b in blocks(report)], [(h.kind, h.text, h.where) for h in report.hidden]


def package_text(data: bytes, word) -> dict[str, str]:
    """Every part's words as Word would join them, attributes and link targets included."""
    out = {}
    for name, raw in word.parts(data).items():
        if not name.endswith((".xml", ".rels")):
            continue
        root = etree.fromstring(raw)
        words = []
        for paragraph in root.iter(word.w("p")):
            words.append("".join(t.text or "" for t in paragraph.iter(word.w("t"))))
        words.extend(" ".join(root.itertext()).split("\n"))
        words.extend(value for node in root.iter() for value in node.attrib.values())
        out[name] = " ".join(" ".join(words).split())
    return out


@pytest.fixture(scope="module", params=[0, 1, 2, 3], ids=["same", "layout", "numbered",
                                                        "identifiers"])
def redacted(request, word):
    path = word.fixtures[request.param]
    return path, run(word, path)


def test_accepting_every_change_leaves_none_of_the_identifiers(redacted, word):
    _, done = redacted
    accepted = package_text(word.accept_all(done.data), word)
    assert "word/document.xml" in accepted
    for identifier in done.identifiers:
        needle = " ".join(identifier.text.split())
        assert not [name for name, text in accepted.items() if needle in text], identifier


def test_rejecting_its_changes_gives_the_original_text(redacted, word):
    path, done = redacted
    original_blocks, original_hidden = reader_view(path.read_bytes())
    rejected_blocks, rejected_hidden = reader_view(word.reject_own(done.data))
    assert rejected_blocks == original_blocks
    removed = {(leak.where, leak.kind) for leak in done.leaks if leak.removed}
    if not removed:
        assert rejected_hidden == original_hidden


def test_without_strip_rejecting_gives_back_everything(word):
    path = word.fixtures[IDENTIFIERS_DOCX]
    done = run(word, path, strip=False)
    assert reader_view(word.reject_own(done.data)) == reader_view(path.read_bytes())


def test_the_identifiers_fixture_finds_every_planted_identifier(word):
    planted = word.model.IDENTIFIERS
    done = run(word, word.fixtures[IDENTIFIERS_DOCX])
    found = {i.text: i.rule_id for i in done.identifiers}
    assert {text: found.get(text) for text in planted} == planted


def test_each_change_is_a_deletion_and_an_insertion_by_scr_checks(word):
    done = run(word, word.fixtures[IDENTIFIERS_DOCX])
    root = etree.fromstring(word.parts(done.data)["word/document.xml"])
    ours = [n for n in root.iter(word.w("ins"), word.w("del"))
            if n.get(word.w("author")) == "scr-checks"]
    assert ours and all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", n.get(word.w("date")))
                        for n in ours)
    placeholders = {i.placeholder for i in done.identifiers}
    insertions = ["".join(n.itertext()) for n in ours if n.tag == word.w("ins")]
    assert insertions and set(insertions) <= placeholders
    ids = [n.get(word.w("id")) for n in root.iter() if n.get(word.w("id")) is not None
           and n.tag in (word.w("ins"), word.w("del"))]
    assert len(ids) == len(set(ids))


def test_the_same_identifier_gets_the_same_placeholder_everywhere(word):
    done = run(word, word.fixtures[IDENTIFIERS_DOCX])
    by_text: dict[str, set[str]] = {}
    for replacement in done.replacements:
        by_text.setdefault(replacement.identifier.text, set()).add(
            replacement.identifier.placeholder)
    assert all(len(placeholders) == 1 for placeholders in by_text.values())
    where = {r.where for r in done.replacements if r.identifier.text == "Jane Moss"}
    assert {"header1", "footnote 1"} <= where
    assert all(r.done for r in done.replacements)


def test_hidden_identifiers_are_reported_and_left_without_strip(word):
    done = run(word, word.fixtures[IDENTIFIERS_DOCX], strip=False)
    kinds = {(leak.kind, leak.identifier.text) for leak in done.leaks}
    assert {("comment", "Jane Moss"), ("property", "Tom Ashby"),
            ("deletion", "14 March 2021"), ("hidden-text", "Sarah Collins"),
            ("field-code", "jane.moss@example.com")} <= kinds
    assert not any(leak.removed for leak in done.leaks)
    text = package_text(done.data, word)
    assert "Tom Ashby" in text["docProps/core.xml"]
    assert "Confirm the dates with Jane Moss" in text["word/comments.xml"]


def test_strip_removes_them_and_python_docx_reads_the_result(word):
    done = run(word, word.fixtures[IDENTIFIERS_DOCX])
    assert done.leaks and all(leak.removed for leak in done.leaks)
    document = docx.Document(io.BytesIO(done.data))
    assert document.core_properties.author == ""
    assert [c.author for c in document.comments] == []
    text = package_text(done.data, word)["word/document.xml"]
    assert word.model.HIDDEN not in text  # hidden text
    assert "14 March 2021 birthday" not in text  # an earlier tracked deletion
    assert 'HYPERLINK "mailto:[e-mail address]"' in text  # a field code


def test_a_pseudonym_from_the_configuration_is_used_first(word, tmp_path):
    path = word.fixtures[IDENTIFIERS_DOCX]
    session = word.session()
    session.config.values["redact.pseudonyms"] = {"Kayleigh Brennan": "Aunt",
                                                  "Harbour Row": "the street"}
    done = redact(session, path, path.read_bytes(), path.name, True)
    placeholders = {i.text: i.placeholder for i in done.identifiers}
    assert placeholders["Kayleigh Brennan"] == "Aunt"
    assert placeholders["Harbour Row"] == "the street"
    assert placeholders["Sarah Collins"] == "[Professional 1]"


def _hostile():
    """``tests/scr_checks/readers/hostile.py``: Word files with an identifier in one part."""
    spec = importlib.util.spec_from_file_location(
        "scr_hostile_redact", Path(__file__).parents[1] / "readers" / "hostile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hostile = _hostile()


@pytest.mark.parametrize("where", ["text-box", "table-text-box", "footnote-text-box"])
def test_no_copy_of_a_text_box_identifier_is_left(word, tmp_path, where):
    """The text box's VML fallback (read by no one but older programs) held the
    identifier after its drawing copy was redacted."""
    path = tmp_path / "box.docx"
    path.write_bytes(hostile.docx_part(where))
    done = run(word, path)
    assert done.identifiers and all(r.done for r in done.replacements) and not done.remaining
    accepted = word.parts(word.accept_all(done.data))
    for identifier in done.identifiers:
        assert not [name for name, raw in accepted.items() if identifier.text.encode() in raw]
    texts, _ = reader_view(word.reject_own(done.data))
    assert [t for t in texts if hostile.IDENTIFIER in t]  # rejected, the box is back


def test_a_text_box_holding_no_identifier_keeps_its_fallback(word, tmp_path):
    path = tmp_path / "box.docx"
    path.write_bytes(hostile.docx(hostile.paragraph(hostile.TITLE)
                                  + hostile.paragraph("The box.", hostile.text_box("Agencies."))
                                  + hostile.paragraph(hostile.IDENTIFIER)))
    done = run(word, path)
    assert b"mc:Fallback" in word.parts(done.data)["word/document.xml"]


@pytest.mark.parametrize(("where", "shown"), [("smartart", "diagram 1"), ("chart", "chart 2")])
def test_an_identifier_in_smartart_or_a_chart_is_refused(word, tmp_path, where, shown):
    path = tmp_path / f"{where}.docx"
    path.write_bytes(hostile.docx_part(where))
    with pytest.raises(UsageError) as caught:
        run(word, path)
    assert str(caught.value) == (
        f"{where}.docx: cannot redact: {shown} (SmartArt or chart) holds an identifier, "
        "which redact does not replace; edit it in Word, then run redact again")
