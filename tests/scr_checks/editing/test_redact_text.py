"""redact (text formats): the same format back, identifiers replaced, markup kept."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
import regex

from scr_checks.document import blocks
from scr_checks.editing.redact import Redacted, redact

FORMATS = ["md", "rst", "txt", "html"]


def run(word, path: Path, strip: bool = False, data: bytes | None = None) -> Redacted:
    return redact(word.session(), path, data or path.read_bytes(), path.name, strip)


def fixture(word, suffix: str) -> Path:
    return word.root / "fixtures" / "editing" / f"identifiers.{suffix}"


def read(word, path: Path, data: bytes):
    return word.session().read_bytes(data, path.suffix, path.name)


@pytest.mark.parametrize("suffix", FORMATS)
def test_the_copy_reads_as_the_report_with_placeholders_for_identifiers(word, suffix):
    path = fixture(word, suffix)
    done = run(word, path)
    original, copy = read(word, path, path.read_bytes()), read(word, path, done.data)
    expected = []
    for block in blocks(original):
        text = block.text
        for identifier in done.identifiers:  # longest first
            words = r"\s+".join(regex.escape(w) for w in identifier.text.split())
            text = regex.sub(rf"(?<![\w]){words}(?![\w])", identifier.placeholder, text)
        # A Markdown autolink that was only the address goes with it.
        text = text.replace("mailto:[e-mail address]", "[e-mail address]")
        expected.append(" ".join(text.split()))
    assert [" ".join(b.text.split()) for b in blocks(copy)] == expected
    assert copy.parse_messages == original.parse_messages
    assert done.replacements and all(r.done for r in done.replacements)


@pytest.mark.parametrize("suffix", FORMATS)
def test_with_strip_no_identifier_is_left_anywhere_in_the_file(word, suffix):
    path = fixture(word, suffix)
    done = run(word, path, strip=True)
    text = " ".join(done.data.decode("utf-8").split())
    assert [i.text for i in done.identifiers if i.text in text] == []


@pytest.mark.parametrize(("suffix", "line"), [("md", 5), ("rst", 8), ("html", 11)])
def test_a_comment_outside_the_text_is_reported_and_kept_without_strip(word, suffix, line):
    done = run(word, fixture(word, suffix))
    assert (f"line {line}", "markup", "Jane Moss") in {
        (leak.where, leak.kind, leak.identifier.text) for leak in done.leaks}
    assert b"Confirm the dates with Jane Moss" in done.data


@pytest.mark.parametrize(("suffix", "before", "after"), [
    ("md", "**Kayleigh** *Brennan*,", "**[Person 1]**,"),
    ("rst", "**Kayleigh** *Brennan*,", "**[Person 1]**,"),
    ("html", "<b>Kayleigh</b> <i>Brennan</i>,", "<b>[Person 1]</b>,"),
    ("md", "[Sarah Collins](https://example.org/team)",
     "[[Professional 1]](https://example.org/team)"),
    ("rst", "`Sarah Collins <https://example.org/team>`_",
     "`[Professional 1] <https://example.org/team>`_"),
    ("md", "spoke to Jane\nMoss about", "spoke to [Person 2]\nabout"),
    ("md", "e-mail, <mailto:jane.moss@example.com>, was", "e-mail, [e-mail address], was"),
    ("rst", "spoke to Jane\nMoss about", "spoke to [Person 2]\nabout"),
])
def test_markup_around_and_inside_a_name_survives(word, suffix, before, after):
    path = fixture(word, suffix)
    assert before in path.read_text(encoding="utf-8")
    assert after in run(word, path).data.decode("utf-8")


def test_the_encoding_and_line_endings_are_kept(word, tmp_path):
    text = "# Review\r\n\r\nThe family lived at 12 Harbour Row.\r\n"
    path = tmp_path / "r.md"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    done = run(word, path)
    assert done.data == codecs.BOM_UTF8 + text.replace("12 Harbour Row",
                                                       "[Address 1]").encode("utf-8")


def test_a_pseudonym_in_html_is_escaped(word, tmp_path):
    path = tmp_path / "r.html"
    path.write_text("<h1>Review</h1><p>Her aunt, Kayleigh Brennan, visited.</p>\n",
                    encoding="utf-8")
    session = word.session()
    session.config.values["redact.pseudonyms"] = {"Kayleigh Brennan": "Aunt <A & B>"}
    done = redact(session, path, path.read_bytes(), path.name, False)
    assert b"Her aunt, Aunt &lt;A &amp; B&gt;, visited." in done.data


def test_a_page_in_windows_1252_is_redacted_in_windows_1252(word, tmp_path):
    path = tmp_path / "r.html"
    path.write_bytes(('<html><head><meta charset="windows-1252"></head><body>\n'
                      "<h1>Review</h1><p>The family\u2019s home at 12 Harbour Row.</p>\n"
                      "</body></html>\n").encode("cp1252"))
    done = run(word, path)
    assert b"The family\x92s home at [Address 1]." in done.data
