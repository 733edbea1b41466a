"""``scr-checks redact`` for Word: each identifier a tracked change to a placeholder.

Every occurrence of an identifier in the text (body, tables, lists,
footnotes, text boxes, running headers and footers) becomes a deletion of its runs and an
insertion of the placeholder, both by the author ``scr-checks``, so the
author accepts or rejects each one in Word.  What a reader of the file does
not see but can recover is reported when it holds an identifier, and removed
with ``strip``: comments, document properties, hidden text, earlier tracked
deletions, field codes and link targets.  A text box's VML copy for older
programs is dropped when it holds an identifier (see
:func:`_drop_stale_fallbacks`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import regex
from lxml import etree

from scr_checks.document import blocks
from scr_checks.editing.comments import Comments, text_parts
from scr_checks.editing.identifiers import Identifier, finder, lookup
from scr_checks.editing.package import DOCUMENT, RELS, EditablePackage
from scr_checks.editing.runs import (
    Ids,
    cut,
    element,
    insert,
    lift,
    runs_between,
    text_element,
)
from scr_checks.editing.textmap import Point, TextMap, TracingBuilder
from scr_checks.readers.docx import NS, w

AUTHOR = "scr-checks"
#: Document-property parts, whose values travel with the file.
PROPERTY_PARTS = ("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml")
_MARK = "{urn:scr-checks:redact}mark"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: Elements renamed inside a deleted run.
_DELETED = {w("t"): w("delText"), w("instrText"): w("delInstrText")}


@dataclass(frozen=True)
class Replacement:
    """An occurrence of an identifier in the text, and whether it was replaced."""

    where: str
    identifier: Identifier
    done: bool = True


@dataclass(frozen=True)
class Leak:
    """An identifier in a part of the file a reader does not see."""

    where: str
    kind: str
    identifier: Identifier
    removed: bool = False


@dataclass
class WordRedaction:
    replacements: list[Replacement] = field(default_factory=list)
    leaks: list[Leak] = field(default_factory=list)


def redact_word(builder: TracingBuilder, report: Any, identifiers: list[Identifier],
                strip: bool) -> WordRedaction:
    """Edit the builder's package in place; what was replaced and what leaks."""
    package = builder.parts
    out = WordRedaction()
    pattern = finder(identifiers)
    if pattern is None:
        return out
    known = lookup(identifiers)
    new_id = Ids(package.xml(name) for name in [*text_parts(package),
                                                Comments(package).name or ""] if name)
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    hidden = _Hidden(package, pattern, known, strip, new_id)
    hidden.find_all(builder)
    out.leaks = hidden.leaks
    change = _Change(new_id, date)
    for block in blocks(report):
        matches = list(pattern.finditer(block.text))
        if not matches:
            continue
        where = (f"footnote {sorted(builder.citations).index(block.index) + 1}"
                 if block.index in builder.citations else block.location().describe())
        text_map = builder.text_map(block.index, block.text)
        _replace(text_map, matches, known, change, where, out)
        for paragraph in builder.sources.get(block.index, [])[:1]:
            package.changed_root(paragraph)
    for name in text_parts(package):
        if name == DOCUMENT or ("header" not in name and "footer" not in name):
            continue
        root = package.xml(name)
        for paragraph in root.iter(w("p")) if root is not None else ():
            pieces = builder.pieces([paragraph])
            text = "".join(piece.text for piece in pieces)
            matches = list(pattern.finditer(text))
            if matches:
                _replace(TextMap.align(text, pieces), matches, known, change,
                         name.split("/")[-1].removesuffix(".xml"), out)
                package.changed(name)
    for name in text_parts(package):
        if _drop_stale_fallbacks(package.xml(name), pattern):
            package.changed(name)
    return out


def _drop_stale_fallbacks(root: Any, pattern: regex.Pattern[str]) -> bool:
    """Remove each ``mc:Fallback`` that still holds an identifier; whether any was.

    Word writes a text box twice: as a drawing (``mc:Choice``, which Word
    2010 and later show and which the reader reads and redaction edits) and
    as a VML copy (``mc:Fallback``) for older programs.  The copy would keep
    the identifier, so it goes: OOXML makes the fallback optional, and
    mirroring the tracked changes into a second copy of the paragraphs would
    give two changes with each id.
    """
    dropped = False
    for fallback in list(root.iter(_FALLBACK)) if root is not None else ():
        text = " ".join("".join(t.text or "" for t in p.iter(w("t")))
                        for p in fallback.iter(w("p")))
        if pattern.search(" ".join(text.split())):
            fallback.getparent().remove(fallback)
            dropped = True
    return dropped


def _replace(text_map: TextMap | None, matches: list[regex.Match[str]],
             known: dict[str, Identifier], change: _Change, where: str,
             out: WordRedaction) -> None:
    """Replace the matches in one block, last first so earlier points stay valid."""
    for match in reversed(matches):
        identifier = known[" ".join(match[0].split())]
        first = text_map.start(match.start()) if text_map else None
        last = text_map.end(match.end()) if text_map else None
        done = first is not None and last is not None
        if first is not None and last is not None:
            change.replace(first, last, identifier.placeholder)
        out.replacements.append(Replacement(where, identifier, done))
    out.replacements[-len(matches):] = out.replacements[-len(matches):][::-1]


class _Change:
    """Makes the deletion and insertion pairs, each with its own id."""

    def __init__(self, new_id: Callable[[], str], date: str) -> None:
        self.new_id = new_id
        self.date = date

    def tracked(self, tag: str) -> Any:
        return element(tag, id=self.new_id(), author=AUTHOR, date=self.date)

    def replace(self, first: Point, last: Point, placeholder: str) -> None:
        end_parent, end_at = cut(last)
        end = etree.Element(_MARK)
        end_parent.insert(end_at, end)
        start_parent, start_at = cut(first)
        start = etree.Element(_MARK)
        start_parent.insert(start_at, start)
        runs = list(runs_between(start, end))
        for run in runs:
            deletion = self.tracked("del")
            run.addprevious(deletion)
            deletion.append(run)
            for node in run.iter(*_DELETED):
                node.tag = _DELETED[node.tag]
        insertion = self.tracked("ins")
        run = element("r")
        properties = next((r.find(w("rPr")) for r in runs if r.find(w("rPr")) is not None),
                          None)
        if properties is not None:
            properties = etree.fromstring(etree.tostring(properties))
            for vanish in properties.findall(w("vanish")):
                properties.remove(vanish)
            run.append(properties)
        run.append(text_element("t", placeholder))
        insertion.append(run)
        holder = end.getparent()
        insert(*lift(holder, holder.index(end), self.new_id), [insertion])
        for mark in (start, end):
            mark.getparent().remove(mark)


class _Hidden:
    """Finds (and with ``strip`` removes) identifiers where readers do not look."""

    def __init__(self, package: EditablePackage, pattern: regex.Pattern[str],
                 known: dict[str, Identifier], strip: bool, new_id: Callable[[], str]) -> None:
        self.package = package
        self.pattern = pattern
        self.known = known
        self.strip = strip
        self.new_id = new_id
        self.leaks: list[Leak] = []

    def found(self, text: str) -> list[Identifier]:
        seen: dict[str, Identifier] = {}
        for match in self.pattern.finditer(text):
            identifier = self.known[" ".join(match[0].split())]
            seen.setdefault(identifier.text, identifier)
        return list(seen.values())

    def note(self, where: str, kind: str, text: str, part: str,
             remove: Callable[[], None]) -> None:
        identifiers = self.found(text)
        if not identifiers:
            return
        if self.strip:
            remove()
            self.package.changed(part)
        self.leaks.extend(Leak(where, kind, i, self.strip) for i in identifiers)

    def find_all(self, builder: TracingBuilder) -> None:
        self.comments(builder)
        self.properties()
        for name in text_parts(self.package):
            root = self.package.xml(name)
            if root is None:
                continue
            label = "the body" if name == DOCUMENT else name.split("/")[-1].removesuffix(".xml")
            self.deletions(root, name, label)
            self.hidden_text(root, name, label)
            self.field_codes(root, name, label)
            self.links(root, name, label)

    def comments(self, builder: TracingBuilder) -> None:
        comments = Comments(self.package)
        if comments.root is None or comments.name is None:
            return
        for number, comment in enumerate(list(comments.root.iterfind(w("comment"))), 1):
            text = " ".join(builder.text(p) for p in comment.iter(w("p")))
            who = " ".join(filter(None, (comment.get(w("author")), comment.get(w("initials")))))
            identifiers = self.found(f"{text}\n{who}")
            if not identifiers:
                continue
            if self.strip:
                comments.remove([comment])
            self.leaks.extend(Leak(f"comment {number}", "comment", i, self.strip)
                              for i in identifiers)

    def properties(self) -> None:
        for part in PROPERTY_PARTS:
            root = self.package.xml(part)
            for node in root.iter() if root is not None else ():
                if isinstance(node.tag, str) and node.text and node.text.strip():
                    name = etree.QName(node).localname
                    self.note(f"document properties: {name}", "property", node.text, part,
                              partial(_clear, node))

    def deletions(self, root: Any, part: str, label: str) -> None:
        for change in [*root.iter(w("del")), *root.iter(w("moveFrom"))]:
            if change.get(w("author")) == AUTHOR:
                continue
            text = "".join(t.text or "" for t in change.iter(w("delText"), w("t")))
            self.note(label, "deletion", text, part, partial(_remove, [change]))

    def hidden_text(self, root: Any, part: str, label: str) -> None:
        for paragraph in root.iter(w("p")):
            runs = [r for r in paragraph.iter(w("r")) if _vanished(r)]
            text = "".join(t.text or "" for r in runs for t in r.iter(w("t")))
            self.note(label, "hidden-text", text, part, partial(_remove, runs))

    def field_codes(self, root: Any, part: str, label: str) -> None:
        for code in root.iter(w("instrText")):
            self.note(label, "field-code", code.text or "", part,
                      partial(self.replace_text, code))
        for simple in root.iter(w("fldSimple")):
            self.note(label, "field-code", simple.get(w("instr"), ""), part,
                      partial(self.replace_attribute, simple, w("instr")))

    def links(self, root: Any, part: str, label: str) -> None:
        folder, name = part.rsplit("/", 1)
        rels_name = f"{folder}/_rels/{name}.rels"
        rels = self.package.xml(rels_name)
        if rels is None:
            return
        for rel in list(rels.iterfind(f"{{{RELS}}}Relationship")):
            if rel.get("Type", "").endswith("/hyperlink"):
                users = [h for h in root.iter(w("hyperlink"))
                         if h.get(f"{{{NS_R}}}id") == rel.get("Id")]
                self.note(label, "link", rel.get("Target", ""), rels_name,
                          partial(self.unlink, rel, users, part))

    def unlink(self, rel: Any, users: list[Any], part: str) -> None:
        """Remove a link whose target holds an identifier; its words stay."""
        for link in users:
            for child in list(link):
                link.addprevious(child)
            link.getparent().remove(link)
        rel.getparent().remove(rel)
        self.package.changed(part)

    def replace_text(self, node: Any) -> None:
        node.text = self.replaced(node.text)

    def replace_attribute(self, node: Any, name: str) -> None:
        node.set(name, self.replaced(node.get(name)))

    def replaced(self, text: str | None) -> str:
        return self.pattern.sub(lambda m: self.known[" ".join(m[0].split())].placeholder,
                                text or "")


NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _vanished(run: Any) -> bool:
    vanish = run.find("w:rPr/w:vanish", NS)
    return vanish is not None and vanish.get(w("val")) not in ("0", "false")


def _clear(node: Any) -> None:
    node.text = None


def _remove(nodes: list[Any]) -> None:
    for node in nodes:
        node.getparent().remove(node)
