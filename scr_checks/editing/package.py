"""A Word file opened for editing: parts parsed once, the rest copied as it was.

Only the parts an edit touches are written anew; every other member of the
zip keeps its bytes, its name and its order.  Parsing keeps XML comments and
entity references (nothing is dropped on the way back out) and, as the
reader does, neither loads DTDs nor reaches the network.
"""

from __future__ import annotations

import posixpath
import zipfile
from io import BytesIO
from typing import Any

from lxml import etree

from scr_checks.readers.docx import Package

RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
DOCUMENT = "word/document.xml"


class EditablePackage(Package):
    """The reader's checked zip, with each part parsed once and kept for writing."""

    def __init__(self, path: str, data: bytes, max_unpacked: int, max_ratio: int) -> None:
        super().__init__(path, data, max_unpacked, max_ratio)
        self.parser = etree.XMLParser(resolve_entities=False, no_network=True,
                                      load_dtd=False, huge_tree=False)
        self._parsed: dict[str, Any] = {}
        self._changed: set[str] = set()
        self._added: dict[str, Any] = {}

    def xml(self, name: str) -> Any:
        if name in self._added:
            return self._added[name]
        if name not in self._parsed:
            self._parsed[name] = super().xml(name)
        return self._parsed[name]

    def changed(self, name: str) -> None:
        """Mark a parsed part as edited, so :meth:`save` writes it anew."""
        self._changed.add(name)

    def changed_root(self, node: Any) -> None:
        """Mark the part that holds ``node`` as edited."""
        root = node.getroottree().getroot()
        for name, parsed in self._parsed.items():
            if parsed is root:
                self.changed(name)

    def add(self, name: str, root: Any, content_type: str) -> None:
        """A new part, with its content type declared."""
        self._added[name] = root
        types = self.xml("[Content_Types].xml")
        override = etree.SubElement(types, f"{{{CONTENT_TYPES}}}Override")
        override.set("PartName", "/" + name)
        override.set("ContentType", content_type)
        self.changed("[Content_Types].xml")

    def related(self, source: str, kind: str) -> str | None:
        """The part ``source`` relates to with a relationship of ``kind``, if any.

        ``kind`` is the last segment of the relationship type, which Microsoft's
        own later parts (``commentsExtended`` …) keep under other prefixes.
        """
        rels = self.xml(_rels_name(source))
        if rels is None:
            return None
        for rel in rels.iterfind(f"{{{RELS}}}Relationship"):
            if rel.get("Type", "").endswith(f"/{kind}") and rel.get("TargetMode") != "External":
                return _resolve(source, rel.get("Target", ""))
        return None

    def relate(self, source: str, kind: str, target: str) -> None:
        """Add a relationship of ``kind`` from ``source`` to the part ``target``."""
        name = _rels_name(source)
        rels = self.xml(name)
        if rels is None:
            rels = etree.Element(f"{{{RELS}}}Relationships", nsmap={None: RELS})
            self._added[name] = rels
        taken = {rel.get("Id") for rel in rels}
        number = len(taken) + 1
        while f"rId{number}" in taken:
            number += 1
        rel = etree.SubElement(rels, f"{{{RELS}}}Relationship")
        rel.set("Id", f"rId{number}")
        rel.set("Type", f"{OFFICE_RELS}/{kind}")
        rel.set("Target", posixpath.relpath(target, posixpath.dirname(source)))
        self.changed(name)

    def save(self) -> bytes:
        """The zip with the edited parts rewritten and every other member as it was."""
        out = BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in self.zip.infolist():
                if info.filename in self._changed and info.filename in self._parsed:
                    target.writestr(_like(info), serialise(self._parsed[info.filename]))
                else:
                    target.writestr(info, self.zip.read(info))
            for name, root in self._added.items():
                target.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)),
                                serialise(root), zipfile.ZIP_DEFLATED)
        return out.getvalue()


def serialise(root: Any) -> bytes:
    """A part as Word writes one: UTF-8, with a standalone declaration."""
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8",
                          standalone=True)


def _like(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A member header for a rewritten part: same name and time, compressed."""
    fresh = zipfile.ZipInfo(info.filename, info.date_time)
    fresh.compress_type = zipfile.ZIP_DEFLATED
    fresh.external_attr = info.external_attr
    return fresh


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
