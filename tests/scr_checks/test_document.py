"""Cutting a report into blocks: heading paths."""

from __future__ import annotations

from scr_checks.document import blocks
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
