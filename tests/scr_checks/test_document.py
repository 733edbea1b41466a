"""Cutting a report into blocks: heading paths."""

from __future__ import annotations

import json
import zipfile

from scr_checks.cli import main
from scr_checks.document import blocks
from scr_checks.readers.docx import DocxReader
from scr_checks.readers.rst import RstReader


def test_a_title_heading_path_names_its_section_once():
    text = "Top\n===\n\nIntro.\n\nSub\n---\n\nBody.\n"
    report = RstReader().read("r.rst", text.encode("utf-8"))
    assert [(b.text, b.heading_path) for b in blocks(report)] == [
        ("Top", ("Top",)),
        ("Intro.", ("Top",)),
        ("Sub", ("Top", "Sub")),
        ("Body.", ("Top", "Sub")),
    ]


def test_only_a_text_block_gives_characters_places_in_the_source(make_docx):
    from scr_checks.readers.docx import DocxReader

    report = DocxReader().read("r.docx", make_docx())
    block = next(b for b in blocks(report) if b.text.startswith("1.1"))
    assert block.source_position(4) is None
    text = "Title\n=====\n\nThe *family*\nmoved.\n"
    block = blocks(RstReader().read("r.rst", text.encode("utf-8")))[1]
    assert block.text == "The family moved."
    assert block.source_position(4) == (4, 5)  # "f", after the "*"
    assert block.source_position(11) == (5, 0)  # "moved", on the next line
    assert block.source_position(len(block.text)) is None


def _word_with_footnotes(tmp_path):
    """Three paragraphs; the first cites note id 7, the second note id 3 (Word
    numbers notes in the order they are cited, not by id)."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def cite(text: str, note: str) -> str:
        return (f"<w:p><w:r><w:t>{text}</w:t></w:r>"
                f'<w:r><w:footnoteReference w:id="{note}"/></w:r></w:p>')

    body = (cite("The plan was agreed.", "7") + cite("Nobody reviewed it.", "3")
            + "<w:p><w:r><w:t>The case closed.</w:t></w:r></w:p>")
    notes = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
                    "</w:footnote>" for i, text in (("3", "Told by Jane Moss."),
                                                    ("7", "Minutes of the meeting.")))
    path = tmp_path / "notes.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml",
                         f"<w:document {w}><w:body>{body}</w:body></w:document>")
        package.writestr("word/footnotes.xml", f"<w:footnotes {w}>{notes}</w:footnotes>")
    return path


def test_words_in_a_word_footnote_are_located_by_the_note_s_number(tmp_path):
    path = _word_with_footnotes(tmp_path)
    report = DocxReader().read(path.name, path.read_bytes())
    shown = {b.text: b.location().describe() for b in blocks(report)}
    assert shown == {"The plan was agreed.": "paragraph 1",
                     "Minutes of the meeting.": "footnote 1",
                     "Nobody reviewed it.": "paragraph 2",
                     "Told by Jane Moss.": "footnote 2",
                     "The case closed.": "paragraph 3"}


def test_a_finding_in_a_footnote_says_which_note(tmp_path, capsys):
    path = _word_with_footnotes(tmp_path)
    main(["check", str(path), "--select", "SCR201", "--no-color", "-q", "--json",
          str(tmp_path / "out.json")])
    assert f"{path}: footnote 2: SCR201 [error] Personal name: '[name]'." in \
        capsys.readouterr().out
    found = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert found["files"][0]["findings"][0]["location"]["footnote"] == "2"


def test_hidden_content_behaves_as_the_frozen_dataclass_it_was(like_dataclass):
    from scr_checks import HiddenContent

    like_dataclass(HiddenContent, lambda cls: cls("comment", "Check this.", "comment 2"),
                   lambda cls: cls("comment", "Check this.", "comment 3"))
