"""Reading edited Word files back: accepting and rejecting changes, comment ranges.

Plain lxml over the zip, independent of the code under test, so a test can
say what Word would show.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import etree

from scr_checks.cli import build_parser, cli_session
from scr_checks.runner import Session

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "fixtures"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AUTHOR = "scr-checks"
#: Every Word fixture a reader can read (the hostile ones are refused by design).
WORD_FIXTURES = [
    FIXTURES / "reports" / "same" / "report.docx",
    FIXTURES / "reports" / "layout" / "report.docx",
    FIXTURES / "readers" / "numbered.docx",
    FIXTURES / "editing" / "identifiers.docx",
]


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def rezip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return out.getvalue()


def _edit_parts(data: bytes, edit) -> bytes:
    members = parts(data)
    for name, raw in members.items():
        if name.endswith(".xml") and name.startswith("word/"):
            root = etree.fromstring(raw)
            edit(root)
            members[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                           standalone=True)
    return rezip(members)


def _unwrap(node) -> None:
    for child in list(node):
        node.addprevious(child)
    node.getparent().remove(node)


def accept_all(data: bytes) -> bytes:
    """Every tracked change accepted, as Word's Accept All Changes does."""
    def edit(root) -> None:
        for tag in ("del", "moveFrom"):
            for node in list(root.iter(w(tag))):
                if node.getparent() is not None and node.getparent().tag != w("rPr"):
                    node.getparent().remove(node)
        for tag in ("ins", "moveTo"):
            for node in list(root.iter(w(tag))):
                if node.getparent() is not None and node.getparent().tag != w("rPr"):
                    _unwrap(node)
    return _edit_parts(data, edit)


def reject_own(data: bytes) -> bytes:
    """scr-checks' tracked changes rejected: its insertions gone, its deletions kept."""
    def edit(root) -> None:
        for node in list(root.iter(w("ins"))):
            if node.get(w("author")) == AUTHOR:
                node.getparent().remove(node)
        for node in list(root.iter(w("del"))):
            if node.get(w("author")) == AUTHOR:
                for text in node.iter(w("delText"), w("delInstrText")):
                    text.tag = w("t") if text.tag == w("delText") else w("instrText")
                _unwrap(node)
    return _edit_parts(data, edit)


def _hidden(run) -> bool:
    vanish = run.find(f"{{{W}}}rPr/{{{W}}}vanish")
    return vanish is not None and vanish.get(w("val")) not in ("0", "false")


def visible(node) -> bool:
    """Whether text inside ``node`` shows in the final view."""
    for ancestor in [node, *node.iterancestors()]:
        if ancestor.tag in (w("del"), w("moveFrom")):
            return False
        if ancestor.tag == w("r") and _hidden(ancestor):
            return False
    return True


def anchored(data: bytes) -> dict[str, tuple[str, str]]:
    """Each comment id -> (the final-view text its range covers, the part it is in)."""
    out = {}
    for name, raw in parts(data).items():
        if not (name.startswith("word/") and name.endswith(".xml")):
            continue
        root = etree.fromstring(raw)
        open_ranges: dict[str, list[str]] = {}
        for node in root.iter():
            if node.tag == w("commentRangeStart"):
                open_ranges[node.get(w("id"))] = []
            elif node.tag == w("commentRangeEnd"):
                text = open_ranges.pop(node.get(w("id")), None)
                if text is not None:
                    out[node.get(w("id"))] = ("".join(text), name)
            elif node.tag in (w("t"), w("tab")) and visible(node):
                piece = node.text or "" if node.tag == w("t") else "\t"
                for collected in open_ranges.values():
                    collected.append(piece)
    return out


def comments(data: bytes) -> list[tuple[str, str, list[str]]]:
    """(id, author, paragraphs) of every comment."""
    members = parts(data)
    if "word/comments.xml" not in members:
        return []
    root = etree.fromstring(members["word/comments.xml"])
    return [(c.get(w("id")), c.get(w("author")),
             ["".join(t.text or "" for t in p.iter(w("t"))) for p in c.iter(w("p"))])
            for c in root.iter(w("comment"))]


def session(*options: str) -> Session:
    """The session ``scr-checks annotate``/``redact`` would use, without a config file."""
    args = build_parser().parse_args(["check", "x", "--isolated", *options])

    def settings(config):
        if "--show-identifiers" in options:
            config.override("show_identifiers", True, "--show-identifiers")

    with cli_session(args, [], settings) as started:
        return started


def model():
    """``fixtures/editing.py`` as a module: what its reports hold."""
    spec = importlib.util.spec_from_file_location("scr_fixture_editing",
                                                  FIXTURES / "editing.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def word() -> SimpleNamespace:
    return SimpleNamespace(parts=parts, rezip=rezip, accept_all=accept_all,
                           reject_own=reject_own, anchored=anchored, comments=comments,
                           session=session, visible=visible, fixtures=WORD_FIXTURES,
                           root=ROOT, w=w, model=model())
