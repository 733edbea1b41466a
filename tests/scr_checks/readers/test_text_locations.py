"""Markdown, HTML and plain text findings point at the exact line and column."""

from __future__ import annotations

import pytest

from scr_checks.testing import check_paths, findings_of


def locate(path, plugin):
    run = check_paths([path], plugins=[plugin], config={"select": ["TST"]})
    assert not run.errors
    return [(f.location.line, f.location.column, f.location.end_line, f.location.end_column)
            for f in findings_of(run, "TST101")]


MARKDOWN = [
    ("paragraph", "# Intro\n\nFirst line here.\nSecond has flagme in it.\n", (4, 12, 4, 18)),
    ("heading", "# Intro\n\n## The flagme section\n\nText.\n", (3, 8, 3, 14)),
    ("setext heading", "Intro\n=====\n\nThe flagme part\n---------------\n", (4, 5, 4, 11)),
    ("bullet item", "# Intro\n\n- one item\n- two flagme item\n  continues\n", (4, 7, 4, 13)),
    ("numbered item starting with a number", "# Intro\n\n1. 1 child flagme\n", (3, 12, 3, 18)),
    ("table cell", "# T\n\n| Date | Event |\n|---|---|\n| May | a flagme here |\n",
     (5, 11, 5, 17)),
    ("inline markup", "# I\n\nSome *emphasis* and `code` then flagme.\n", (3, 33, 3, 39)),
    ("link text", "# I\n\nSee [the flagme](https://example.org/a) now.\n", (3, 10, 3, 16)),
    ("block quote", "# I\n\n> quoted\n> and flagme\n", (4, 7, 4, 13)),
]

HTML = [
    ("paragraph", "<h1>Intro</h1>\n<p>First line here.\nSecond has flagme in it.</p>\n",
     (3, 12, 3, 18)),
    ("heading", "<h1>Intro</h1>\n<h2>The flagme section</h2>\n", (2, 9, 2, 15)),
    ("list item", "<h1>I</h1>\n<ul><li>one</li><li>two flagme</li></ul>\n", (2, 25, 2, 31)),
    ("table cell on one line", "<h1>T</h1>\n<table><tr><td>May</td><td>a flagme here</td></tr>"
     "</table>\n", (2, 30, 2, 36)),
    ("markup and entities", "<h1>I</h1>\n<p>Tom &amp; <b>Jerry</b> flagme</p>\n",
     (2, 27, 2, 33)),
    ("two paragraphs on a line", "<h1>I</h1>\n<p>flagme one</p><p>two flagme</p>\n",
     (2, 4, 2, 10)),
]

TEXT = [
    ("paragraph", "Intro\n=====\n\nFirst line here.\nSecond has flagme in it.\n",
     (5, 12, 5, 18)),
    ("underlined heading", "Intro\n=====\n\nThe flagme part\n---------------\n\nText.\n",
     (4, 5, 4, 11)),
    ("numbered heading", "1. Introduction\n\n2.1 The flagme episode\n\nText.\n", (3, 9, 3, 15)),
    ("bullet item", "Intro\n=====\n\n- one item\n- two flagme item\n  continues\n",
     (5, 7, 5, 13)),
    ("numbered item starting with a number", "Intro\n=====\n\n1. 1 child flagme.\n",
     (4, 12, 4, 18)),
    ("table cell", "T\n=\n\n+-----+---------------+\n| May | a flagme here |\n"
     "+-----+---------------+\n", (5, 11, 5, 17)),
    ("indented paragraph", "Intro\n=====\n\n    Indented flagme.\n", (4, 14, 4, 20)),
]


@pytest.mark.parametrize(("name", "text", "where"), MARKDOWN, ids=[c[0] for c in MARKDOWN])
def test_markdown(write_report, flag_plugin, name, text, where):
    assert locate(write_report(text, "report.md"), flag_plugin) == [where]


@pytest.mark.parametrize(("name", "text", "where"), HTML, ids=[c[0] for c in HTML])
def test_html(write_report, flag_plugin, name, text, where):
    found = locate(write_report(text, "report.html"), flag_plugin)
    assert found[0] == where


def test_html_second_paragraph_on_the_same_line(write_report, flag_plugin):
    path = write_report("<h1>I</h1>\n<p>flagme one</p><p>two flagme</p>\n", "report.html")
    assert locate(path, flag_plugin) == [(2, 4, 2, 10), (2, 25, 2, 31)]


def test_html_many_elements_on_one_line_each_point_at_their_own(write_report, flag_plugin):
    """The start tags of a line are found once for the line; each element still
    takes its own, however many of its name, and of other names, come first."""
    items = "".join(f"<p>p{i} flagme</p><li>l{i} flagme</li>" for i in range(40))
    path = write_report(f"<h1>I</h1>\n<ul>{items}</ul>\n", "report.html")
    line = f"<ul>{items}</ul>"
    expected = []
    for i in range(40):
        for text in (f"p{i} flagme", f"l{i} flagme"):
            column = line.index(text) + len(text) - len("flagme") + 1  # from 1
            expected.append((2, column, 2, column + 6))
    assert locate(path, flag_plugin) == expected


@pytest.mark.parametrize(("name", "text", "where"), TEXT, ids=[c[0] for c in TEXT])
def test_plain_text(write_report, flag_plugin, name, text, where):
    assert locate(write_report(text, "report.txt"), flag_plugin) == [where]
