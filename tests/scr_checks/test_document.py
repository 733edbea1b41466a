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
