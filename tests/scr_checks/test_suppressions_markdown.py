"""Suppression markers in Markdown: HTML comments, found in the source lines."""

from __future__ import annotations

from scr_checks.document import blocks
from scr_checks.readers.markdown import MarkdownReader
from scr_checks.suppressions import line_scopes


def test_markdown_comment_marker_covers_the_next_paragraph():
    source = "# T\n\n<!-- scr-checks: disable=TST101 -->\n\nA flagme.\n\nB flagme.\n"
    report = MarkdownReader().read("r.md", source.encode("utf-8"))
    scopes = line_scopes(report.source.lines, blocks(report))
    assert [(s.blocks, s.lines) for s in scopes] == [(frozenset({2}), range(3, 6))]
