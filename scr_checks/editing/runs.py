"""Cutting Word runs at a character, so that marks can go between any two letters.

A comment's range and a tracked change are siblings of runs, so to put one
exactly around some words the runs holding their first and last letters are
split there: the run's properties are copied to both halves, so the text and
its formatting are unchanged.  Marks whose container cannot hold them (a
tracked insertion cannot hold another) are lifted out by splitting the
container the same way.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from lxml import etree

from scr_checks.editing.textmap import Point
from scr_checks.readers.docx import W, w

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: Containers of runs that a tracked change of our own must not be put inside.
CHANGES = (w("ins"), w("del"), w("moveTo"), w("moveFrom"))


def element(tag: str, **attributes: str) -> Any:
    made = etree.Element(w(tag))
    for name, value in attributes.items():
        made.set(w(name), value)
    return made


def text_element(tag: str, text: str) -> Any:
    made = element(tag)
    made.text = text
    made.set(XML_SPACE, "preserve")
    return made


def cut(point: Point) -> tuple[Any, int]:
    """Split the run at ``point``; return (parent, index) to insert a mark there."""
    piece = point.element
    run = piece.getparent()
    before = piece
    if piece.tag == w("t") and len(piece) == 0 and 0 < point.index < len(piece.text or ""):
        rest = copy.copy(piece)
        rest.text = piece.text[point.index:]
        piece.text = piece.text[:point.index]
        for half in (piece, rest):
            half.set(XML_SPACE, "preserve")
        piece.addnext(rest)
        before = rest
    elif point.index > 0:
        before = piece.getnext()
    return split_before(run, before)


class Ids:
    """New ``w:id`` numbers for comments and tracked changes, above every one in use."""

    def __init__(self, roots: Iterable[Any]) -> None:
        used = [int(value) for root in roots if root is not None
                for value in root.xpath("//@w:id", namespaces={"w": W})
                if value.lstrip("-").isdigit()]
        self.last = max(used, default=0)

    def __call__(self) -> str:
        self.last += 1
        return str(self.last)


def split_before(container: Any, child: Any | None,
                 new_id: Callable[[], str] | None = None) -> tuple[Any, int]:
    """Split ``container`` before ``child`` (its end when None); the place between.

    The second half gets a copy of the container's attributes (with a new
    ``w:id`` from ``new_id``) and properties (``w:rPr``); a half that would
    hold nothing is not made.
    """
    parent = container.getparent()
    at = parent.index(container)
    content = [c for c in container if c.tag not in (w("rPr"), w("pPr"))]
    if child is None:
        return parent, at + 1
    if not content or child is content[0]:
        return parent, at
    second = etree.Element(container.tag, dict(container.attrib))
    if new_id is not None and second.get(w("id")) is not None:
        second.set(w("id"), new_id())
    properties = container.find(w("rPr"))
    if properties is not None and container.tag == w("r"):
        second.append(copy.deepcopy(properties))
    moving = False
    for node in list(container):
        moving = moving or node is child
        if moving:
            second.append(node)
    container.addnext(second)
    return parent, at + 1


def lift(parent: Any, index: int, new_id: Callable[[], str]) -> tuple[Any, int]:
    """The same place, moved out of tracked changes (splitting them there)."""
    while parent.tag in CHANGES:
        child = parent[index] if index < len(parent) else None
        parent, index = split_before(parent, child, new_id)
    return parent, index


def insert(parent: Any, index: int, marks: list[Any]) -> None:
    for number, mark in enumerate(marks):
        parent.insert(index + number, mark)


def runs_between(first: Any, last: Any) -> Iterator[Any]:
    """The runs after the mark ``first`` and before the mark ``last``, in document
    order, leaving out runs already deleted."""
    paragraph = next(first.iterancestors(w("p")), None)
    root = paragraph if paragraph is not None and any(
        a is paragraph for a in last.iterancestors()) else first.getroottree().getroot()
    inside = False
    for node in root.iter():
        if node is first:
            inside = True
        elif node is last:
            return
        elif inside and node.tag == w("r") and not any(
                a.tag in (w("del"), w("moveFrom")) for a in node.iterancestors()):
            yield node
