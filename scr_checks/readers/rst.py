"""reStructuredText, parsed by docutils itself, safely and quietly.

A report must not read other files, so ``include``, ``raw`` and file
insertion are off and docutils' own configuration files are ignored.  Parse
problems are collected (not printed) and become findings of rule SCR100.
"""

from __future__ import annotations

import io

import docutils.core
from docutils import nodes

from scr_checks.document import Report
from scr_checks.locations import SourceText
from scr_checks.readers import Reader, decode_text

SAFE_SETTINGS = {
    "_disable_config": True,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "report_level": 2,
    "halt_level": 5,
    "doctitle_xform": False,
    "sectsubtitle_xform": False,
    "docinfo_xform": False,
    "syntax_highlight": "none",
    "input_encoding": "unicode",
    "line_length_limit": 1_000_000,
}


class RstReader(Reader):
    format = "rst"
    suffixes = (".rst", ".rest")

    def read(self, path: str, data: bytes) -> Report:
        text = decode_text(path, data)
        settings = dict(SAFE_SETTINGS, warning_stream=io.StringIO())
        document = docutils.core.publish_doctree(
            source=text, source_path=path, settings_overrides=settings
        )
        lines = text.split("\n")
        messages = _take_messages(document)
        _fix_title_lines(document, lines)
        return Report(
            path=path,
            format=self.format,
            document=document,
            source=SourceText(lines, "rst"),
            parse_messages=messages,
        )


def _take_messages(document: nodes.document) -> list[tuple[int | None, int, str]]:
    """Remove docutils' system messages from the tree and return them."""
    found = []
    for message in list(document.findall(nodes.system_message)):
        level = message.get("level", 0)
        if level >= 2:
            text = message.children[0].astext() if message.children else ""
            found.append((message.get("line"), level, " ".join(text.split())))
        message.parent.remove(message)
    for section in list(document.findall(nodes.section)):
        if "system-messages" in section.get("classes", []):
            section.parent.remove(section)
    return found


def _is_adornment(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= 2 and not stripped[0].isalnum() and len(set(stripped)) == 1


def _fix_title_lines(document: nodes.document, lines: list[str]) -> None:
    """docutils gives a title the underline's line; point it at the words."""
    for title in document.findall(nodes.title):
        line = title.line or (title.parent.line if title.parent else None)
        if not line:
            continue
        if 1 <= line <= len(lines) and _is_adornment(lines[line - 1]) and line > 1:
            line -= 1
        title.line = line
