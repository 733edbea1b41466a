"""annotate: every finding a Word comment on exactly its words, nothing else changed."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import docx
import pytest
from lxml import etree

from scr_checks.document import blocks
from scr_checks.editing.annotate import Annotated, annotate
from scr_checks.readers.docx import DocxReader

COMMENTS = "word/comments.xml"
#: Parts annotate may write: the text, and the comments part with its declarations.
EDITED = {"word/document.xml", COMMENTS, "[Content_Types].xml",
          "word/_rels/document.xml.rels"}


def run(word, path: Path, data: bytes | None = None, *options: str) -> Annotated:
    return annotate(word.session(*options), path, data or path.read_bytes(), path.name)


def squeeze(text: str) -> str:
    return " ".join(text.split())


def text_of(data: bytes) -> list[str]:
    return [block.text for block in blocks(DocxReader().read("r.docx", data))]


@pytest.fixture(scope="module", params=[0, 1, 2, 3], ids=["same", "layout", "numbered",
                                                        "identifiers"])
def annotated(request, word):
    path = word.fixtures[request.param]
    return path, run(word, path, None, "--show-identifiers")


def test_every_finding_is_a_comment_on_exactly_its_words(annotated, word):
    path, done = annotated
    report = DocxReader().read(path.name, path.read_bytes())
    ordered = blocks(report)
    title = next((b for b in ordered[:12] if b.is_heading), ordered[0])
    footnotes = {b.index for b in ordered if b.node.parent.tagname == "footnote"}
    expected = Counter()
    for finding in done.result.findings:
        loc = finding.location
        if loc.column is None:
            words = title.text
        elif loc.paragraph_index in footnotes:
            words = ""  # on the footnote's mark in the text
        else:
            words = finding.snippet
        expected[finding.rule_id, squeeze(words)] += 1
    ranges = word.anchored(done.data)
    found = Counter()
    for number, author, lines in word.comments(done.data):
        if author == "scr-checks" and not lines[0].startswith("Quality marker"):
            found[lines[0].split()[0], squeeze(ranges[number][0])] += 1
    assert found == expected
    assert not done.on_title or all(why == "" for _, why in done.on_title)


def test_the_text_and_every_other_part_are_unchanged(annotated, word):
    path, done = annotated
    original, edited = word.parts(path.read_bytes()), word.parts(done.data)
    assert text_of(done.data) == text_of(path.read_bytes())
    changed = {name for name in original if original[name] != edited.get(name)}
    assert changed <= EDITED
    assert set(edited) - set(original) <= {COMMENTS, "word/_rels/document.xml.rels"}
    if COMMENTS in original:  # its declarations were there already
        assert changed <= {"word/document.xml", COMMENTS}
    assert canonical(edited["word/document.xml"], own_ids(done.data, word)) == canonical(
        original["word/document.xml"], set())


def test_the_scorecard_is_a_comment_on_the_title(annotated, word):
    path, done = annotated
    card = [lines for _, author, lines in word.comments(done.data)
            if author == "scr-checks" and lines[0].startswith("Quality marker")]
    assert len(card) == 1
    assert any(line.startswith("Q2 ") for line in card[0])
    number = next(n for n, _, lines in word.comments(done.data)
                  if lines[0].startswith("Quality marker"))
    report = DocxReader().read(path.name, path.read_bytes())
    titles = [b.text for b in blocks(report)[:12] if b.is_heading]
    assert squeeze(word.anchored(done.data)[number][0]) == squeeze(titles[0])


def test_annotating_again_replaces_its_comments_and_keeps_peoples(annotated, word):
    path, done = annotated
    again = run(word, path, done.data, "--show-identifiers")
    assert again.replaced == len([c for c in word.comments(done.data) if c[1] == "scr-checks"])
    assert word.parts(again.data) == word.parts(done.data)
    people = [c for c in word.comments(path.read_bytes())]
    assert [c for c in word.comments(again.data) if c[1] != "scr-checks"] == people
    before, after = word.anchored(path.read_bytes()), word.anchored(again.data)
    assert {n: after[n] for n, _, _ in people} == {n: before[n] for n, _, _ in people}


def test_python_docx_opens_the_copy_and_reads_the_comments(word):
    path = word.fixtures[3]
    done = run(word, path)
    document = docx.Document(io.BytesIO(done.data))
    ours = [c for c in document.comments if c.author == "scr-checks"]
    assert len(ours) == done.on_words + len(done.on_title) + 1  # and the scorecard
    assert {c.initials for c in ours} == {"SC"}
    assert {c.author for c in document.comments} == {"scr-checks", "Reviewer One",
                                                    "Reviewer Two"}


def test_comments_say_rule_message_and_suggestion_and_mask_identifiers(word):
    done = run(word, word.fixtures[3])
    named = [lines for _, author, lines in word.comments(done.data)
             if author == "scr-checks" and lines[0].startswith("SCR201 personal-name")]
    assert named
    # A name in the report's own comments or hidden text is fixed by deleting them.
    assert {lines[2] for lines in named} == {
        "Suggestion: use a pseudonym or their role ('Child A', 'Mother', 'Adult B')",
        "Suggestion: delete the comment before publishing",
        "Suggestion: delete the hidden text: it is not shown but stays in the file"}
    text = " ".join(" ".join(lines) for _, author, lines in word.comments(done.data)
                    if author == "scr-checks")
    assert "Personal name: '[name]'." in text
    assert "Kayleigh" not in text and "Brennan" not in text


def test_a_name_over_runs_in_different_formatting_keeps_its_formatting(word):
    done = run(word, word.fixtures[3])
    root = etree.fromstring(word.parts(done.data)["word/document.xml"])
    runs = {"".join(t.text or "" for t in r.iter(word.w("t"))): r for r in root.iter(word.w("r"))}
    assert runs["Kayleigh"].find(f"{word.w('rPr')}/{word.w('b')}") is not None
    assert runs["Brennan"].find(f"{word.w('rPr')}/{word.w('i')}") is not None


@pytest.mark.parametrize("words", ["Sarah Collins", "jane.moss@example.com",
                                   "Oakfield Primary School", "Jane Moss"])
def test_words_in_a_hyperlink_a_field_or_a_tracked_insertion_are_covered(word, words):
    done = run(word, word.fixtures[3])
    assert words in {squeeze(text) for text, _ in word.anchored(done.data).values()}


def test_a_footnote_finding_is_on_the_footnote_mark_and_says_so(word):
    done = run(word, word.fixtures[3])
    ranges = word.anchored(done.data)
    in_note = [(n, lines) for n, author, lines in word.comments(done.data)
               if author == "scr-checks" and "(In footnote 1.)" in lines]
    assert {lines[0].split()[0] for _, lines in in_note} == {"SCR201", "SCR215"}
    for number, _ in in_note:
        assert ranges[number] == ("", "word/document.xml")
    root = etree.fromstring(word.parts(done.data)["word/document.xml"])
    starts = {n.get(word.w("id")): n for n in root.iter(word.w("commentRangeStart"))}
    for number, _ in in_note:
        mark = starts[number].getnext()
        while mark.tag == word.w("commentRangeStart"):
            mark = mark.getnext()
        assert mark.find(word.w("footnoteReference")) is not None


def test_the_comment_mark_is_outside_tracked_insertions(word):
    done = run(word, word.fixtures[3])
    root = etree.fromstring(word.parts(done.data)["word/document.xml"])
    for reference in root.iter(word.w("commentReference")):
        assert all(a.tag != word.w("ins") for a in reference.iterancestors())


def own_ids(data: bytes, word) -> set[str]:
    return {n for n, author, _ in word.comments(data) if author == "scr-checks"}


def canonical(document: bytes, ids: set[str]) -> bytes:
    """``document.xml`` without scr-checks' anchors and with split runs joined again."""
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.fromstring(document)
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        for node in list(root.iter(f"{{{W}}}{tag}")):
            if node.get(f"{{{W}}}id") in ids:
                parent = node.getparent()
                parent.remove(node)
                if parent.tag == f"{{{W}}}r" and len(parent) == 0:
                    parent.getparent().remove(parent)
    for parent in list(root.iter()):
        kept: list = []
        for child in list(parent):
            if kept and _joinable(kept[-1], child, W):
                kept[-1].find(f"{{{W}}}t").text += child.find(f"{{{W}}}t").text or ""
                parent.remove(child)
            else:
                kept.append(child)
    for t in root.iter(f"{{{W}}}t"):
        t.attrib.pop("{http://www.w3.org/XML/1998/namespace}space", None)
    return etree.tostring(root)


def _joinable(first, second, W: str) -> bool:
    if first.tag != f"{{{W}}}r" or second.tag != f"{{{W}}}r" or first.getparent() is None:
        return False
    def shape(run):
        return [c.tag for c in run if c.tag != f"{{{W}}}rPr"]
    properties = [etree.tostring(r.find(f"{{{W}}}rPr")) if r.find(f"{{{W}}}rPr") is not None
                  else b"" for r in (first, second)]
    return (shape(first) == shape(second) == [f"{{{W}}}t"] and properties[0] == properties[1]
            and dict(first.attrib) == dict(second.attrib))
