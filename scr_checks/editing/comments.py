"""The comments of a Word file: adding scr-checks' own, removing the last run's.

A comment is a ``w:comment`` in the comments part, anchored in the text by a
``w:commentRangeStart``/``w:commentRangeEnd`` pair and a run holding its
``w:commentReference``.  Comments scr-checks writes carry the author
:data:`AUTHOR`, which is how a later run finds and replaces them; comments
written by people are never touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml import etree

from scr_checks.editing.package import DOCUMENT, EditablePackage
from scr_checks.editing.runs import element, text_element
from scr_checks.readers.docx import W, w

AUTHOR = "scr-checks"
INITIALS = "SC"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
#: Word 2013+ keeps a comment's thread, done state and durable id in parts of
#: their own, keyed by the paragraph id of the comment's last paragraph or by
#: the durable id: (relationship, namespace, element, key, durable id attribute).
SIDE_PARTS = (
    ("commentsExtended", "http://schemas.microsoft.com/office/word/2012/wordml",
     "commentEx", "paraId", ""),
    ("commentsIds", "http://schemas.microsoft.com/office/word/2016/wordml/cid",
     "commentId", "paraId", "durableId"),
    ("commentsExtensible", "http://schemas.microsoft.com/office/word/2018/wordml/cex",
     "commentExtensible", "durableId", ""),
)
ANCHORS = ("commentRangeStart", "commentRangeEnd", "commentReference")


def text_parts(package: EditablePackage) -> list[str]:
    """The parts that hold text and so may hold comment anchors."""
    return [name for name in sorted(package.names) if name == DOCUMENT or (
        name.startswith("word/") and name.endswith(".xml") and name.count("/") == 1 and
        name[5:].startswith(("header", "footer", "footnotes", "endnotes")))]


class Comments:
    """The file's comments part, created on the first comment added."""

    def __init__(self, package: EditablePackage) -> None:
        self.package = package
        self.name = package.related(DOCUMENT, "comments")
        self.root = package.xml(self.name) if self.name else None

    def own(self) -> list[Any]:
        """The comments an earlier run of scr-checks wrote."""
        if self.root is None:
            return []
        return [c for c in self.root.iterfind(w("comment")) if c.get(w("author")) == AUTHOR]

    def remove(self, comments: Iterable[Any]) -> int:
        """Remove ``comments`` with their anchors and their entries in Word's side parts."""
        ids: set[str | None] = set()
        paragraph_ids: set[str | None] = set()
        for comment in comments:
            ids.add(comment.get(w("id")))
            paragraph_ids.update(p.get(f"{{{W14}}}paraId") for p in comment.iter(w("p")))
            comment.getparent().remove(comment)
        if not ids:
            return 0
        assert self.name is not None
        self.package.changed(self.name)
        for name in text_parts(self.package):
            if remove_anchors(self.package.xml(name), ids):
                self.package.changed(name)
        keys: dict[str, set[str | None]] = {"paraId": paragraph_ids, "durableId": set()}
        for kind, namespace, tag, key, durable in SIDE_PARTS:
            part = self.package.related(DOCUMENT, kind)
            root = self.package.xml(part) if part else None
            if part is None or root is None:
                continue
            stale = [e for e in root.iter(f"{{{namespace}}}{tag}")
                     if e.get(f"{{{namespace}}}{key}") in keys[key]]
            for entry in stale:
                entry.getparent().remove(entry)
                if durable:
                    keys[durable].add(entry.get(f"{{{namespace}}}{durable}"))
            if stale:
                self.package.changed(part)
        return len(ids)

    def add(self, number: str, lines: list[str]) -> None:
        """A comment by :data:`AUTHOR`, one paragraph per line."""
        if self.root is None:
            self.name = "word/comments.xml"
            self.root = etree.Element(w("comments"), nsmap={"w": W})
            self.package.add(self.name, self.root, CONTENT_TYPE)
            self.package.relate(DOCUMENT, "comments", self.name)
        comment = etree.SubElement(self.root, w("comment"))
        comment.set(w("id"), number)
        comment.set(w("author"), AUTHOR)
        comment.set(w("initials"), INITIALS)
        for at, line in enumerate(lines):
            paragraph = etree.SubElement(comment, w("p"))
            if at == 0:
                mark = etree.SubElement(paragraph, w("r"))
                mark.append(element("annotationRef"))
            run = etree.SubElement(paragraph, w("r"))
            run.append(text_element("t", line))
        self.package.changed(self.name or "")


def remove_anchors(root: Any, ids: set[str | None]) -> bool:
    """Remove the anchors of comments ``ids`` from a part; whether any was there."""
    if root is None:
        return False
    found = [e for tag in ANCHORS for e in root.iter(w(tag)) if e.get(w("id")) in ids]
    for anchor in found:
        parent = anchor.getparent()
        parent.remove(anchor)
        if parent.tag == w("r") and all(c.tag == w("rPr") for c in parent):
            parent.getparent().remove(parent)
    return bool(found)


def reference_run(number: str) -> Any:
    """The run that shows a comment's mark in the text."""
    run = element("r")
    run.append(element("commentReference", id=number))
    return run
