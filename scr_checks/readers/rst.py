"""reStructuredText, parsed by docutils itself, safely and quietly.

A report must not read other files, so ``include``, ``raw`` and file
insertion are off and docutils' own configuration files are ignored.  Parse
problems are collected (not printed) and become findings of rule SCR100.
"""

from __future__ import annotations

import importlib
import io
import re
import sys
import types
from functools import partial
from typing import Any


def _import_code_analyzer_plain() -> None:
    """Import docutils' code analyser as it is where Pygments is not installed.

    A report's code is read, never highlighted: its text is the same either
    way, and Pygments, where installed, cost 5 ms of every run to import
    (a sixtieth of a one-page run) and made an unknown language's name a
    markup problem only where it was installed.  A process that imported
    Pygments or the analyser before (Sphinx, building a report) keeps them.
    """
    if "pygments" in sys.modules or "docutils.utils.code_analyzer" in sys.modules:
        return
    sys.modules["pygments"] = None  # type: ignore[assignment]  # import fails
    try:
        importlib.import_module("docutils.utils.code_analyzer")
    finally:
        del sys.modules["pygments"]


_import_code_analyzer_plain()

import docutils.core  # noqa: E402
from docutils import nodes  # noqa: E402
from docutils.parsers.rst import roles  # noqa: E402

from scr_checks.document import Report  # noqa: E402
from scr_checks.locations import SourceText  # noqa: E402
from scr_checks.readers import (  # noqa: E402
    MAX_NESTING,
    Reader,
    ReaderError,
    decode_text,
    too_deep,
)
from scr_checks.readers.rstparser import QuickParser  # noqa: E402
from scr_checks.readers.rstreader import QuickReader  # noqa: E402

#: docutils reads no line longer than this: it drops the whole document with
#: only a markup warning, so such a line is an error here.
LINE_LENGTH_LIMIT = 1_000_000

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
    "line_length_limit": LINE_LENGTH_LIMIT,
}


#: docutils' directive modules that bind ``urllib.request.urlopen`` and
#: ``urllib.error.URLError`` as they are imported: ``tables`` (for
#: ``csv-table``'s ``:url:``) and ``misc``, which it imports (for ``include``
#: and ``raw`` of a URL).
URL_DIRECTIVES = ("docutils.parsers.rst.directives.misc",
                  "docutils.parsers.rst.directives.tables")


def import_url_directives() -> None:
    """Import :data:`URL_DIRECTIVES` without loading ``urllib.request`` or ``urllib.error``.

    A report's tables need the ``tables`` module, but the URLs it would fetch
    are never read here (file insertion is off), and ``urllib.request`` brings
    http.client, email and ssl with it (7% of a one-page run) and
    ``urllib.error`` tempfile and random.  While the two modules are imported, each is a
    stand-in: ``urlopen`` imports the real module when it is called, and
    ``URLError`` is :class:`OSError`, which the modules only ever catch beside
    ``OSError`` itself, of which it is a subclass.  Any other name asked of a
    stand-in loads the real module there and then.
    """
    if all(name in sys.modules for name in URL_DIRECTIVES):
        return
    stand_ins = {}
    for name, names in (("urllib.request", {"urlopen": _urlopen}),
                        ("urllib.error", {"URLError": OSError})):
        if name not in sys.modules:
            stand_in = types.ModuleType(name, f"Stands in for {name} until used.")
            vars(stand_in).update(names, __getattr__=partial(_real_attribute, name))
            stand_ins[name] = sys.modules[name] = stand_in
    try:
        for name in URL_DIRECTIVES:
            importlib.import_module(name)
    finally:
        for name, stand_in in stand_ins.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]


def _urlopen(*args: Any, **kwargs: Any) -> Any:
    """``urllib.request.urlopen``, imported when it is first called."""
    from urllib.request import urlopen

    return urlopen(*args, **kwargs)


def _real_attribute(module: str, name: str) -> Any:
    """A name of the real ``module``, which replaces its stand-in.

    Dunder names are what the import system asks of any module (``__path__``):
    a stand-in has none of them.
    """
    if name.startswith("__") and name.endswith("__"):
        raise AttributeError(name)
    current = sys.modules.get(module)
    if current is not None and getattr(vars(current).get("__getattr__"), "func", None) \
            is _real_attribute:
        del sys.modules[module]
    return getattr(importlib.import_module(module), name)


_EXPLICIT_TARGET = re.compile(r"(?s)(.*?)\s*<([^<>]+)>\s*$")


def _sphinx_role(name: str, rawtext: str, text: str, lineno: int, inliner: Any,
                 options: Any = None, content: Any = None) -> tuple[list[nodes.Node], list]:
    """Sphinx's cross-reference roles, for reports written to be built by Sphinx.

    ``:ref:`` and ``:numref:`` become internal references that resolve to the
    report's own ``.. _label:`` targets (an unknown label is a markup problem,
    as a broken reference is); ``:doc:`` names another document, which a
    single report cannot resolve, so it is kept as its text.
    """
    match = _EXPLICIT_TARGET.match(text)
    title, target = (match.group(1), match.group(2)) if match else (text, text)
    if name == "doc":
        return [nodes.inline(rawtext, title or target)], []
    reference = nodes.reference(rawtext, title or target,
                                refname=nodes.fully_normalize_name(target))
    inliner.document.note_refname(reference)
    return [reference], []


for _name in ("ref", "numref", "doc"):
    roles.register_local_role(_name, _sphinx_role)


class RstReader(Reader):
    format = "rst"
    suffixes = (".rst", ".rest")

    def read(self, path: str, data: bytes) -> Report:
        text = decode_text(path, data)
        self.check_source(path, text)
        lines = text.split("\n")
        _check_shape(path, lines)
        settings = dict(SAFE_SETTINGS, warning_stream=io.StringIO())
        import_url_directives()
        try:
            document = docutils.core.publish_doctree(
                source=text, source_path=path, reader=QuickReader(), parser=QuickParser(),
                settings_overrides=settings
            )
        except RecursionError:
            raise ReaderError(path, too_deep(MAX_NESTING, "quotes, lists and directives")) \
                from None
        except ValueError as exc:
            if "integer string conversion" not in str(exc):
                raise
            raise ReaderError(path, "a list number that is not a number (more than 4,300 "
                                    "digits), so the document was not read") from None
        messages = _take_messages(document, lines)
        fix_title_lines(document, lines)
        return Report(
            path=path,
            format=self.format,
            document=document,
            source=SourceText(lines, "rst"),
            parse_messages=messages,
        )


def _check_shape(path: str, lines: list[str]) -> None:
    """Refuse what docutils would drop or could not follow: an over-long line,
    or indentation nested deeper than :data:`MAX_NESTING` levels.

    Each indented block is a quote, list or directive body parsed by a nested
    state machine that copies its lines, so deep indentation costs time and
    memory with every level as well as Python's stack.
    """
    indents = [0]
    for number, line in enumerate(lines, 1):
        if len(line) > LINE_LENGTH_LIMIT:
            raise ReaderError(path, f"line {number} is {len(line):,} characters long, over "
                                    f"the {LINE_LENGTH_LIMIT:,} the reStructuredText parser "
                                    "reads, so the document was not read")
        if not line or line.isspace():
            continue
        if "\t" in line:
            line = line.expandtabs(8)
        indent = len(line) - len(line.lstrip())
        while indent < indents[-1]:
            indents.pop()
        if indent > indents[-1]:
            indents.append(indent)
            if len(indents) > MAX_NESTING:
                raise ReaderError(path, f"line {number}: "
                                        f"{too_deep(MAX_NESTING, 'indented blocks')}")


#: What docutils adds to an anonymous links' mismatch for those who read its
#: tree: a report's author has no "backrefs" to look at.
_FOR_DEVELOPERS = 'See "backrefs" attribute for IDs.'


def _take_messages(document: nodes.document,
                   lines: list[str]) -> list[tuple[int | None, int, str]]:
    """Remove docutils' system messages from the tree and return them.

    Messages from transforms (an unknown reference target, say) may never be
    attached to the tree, so those are read from the document's list too.
    """
    found = []
    unattached = [m for m in document.transform_messages if m.parent is None]
    for message in [*document.findall(nodes.system_message), *unattached]:
        level = message.get("level", 0)
        if level >= 2:
            text = message.children[0].astext() if message.children else ""
            line = _line_of_problem(document, message, lines)
            text = text.replace(_FOR_DEVELOPERS, "")
            found.append((line, level, " ".join(text.split())))
        if message.parent is not None:
            message.parent.remove(message)
    for section in list(document.findall(nodes.section)):
        if "system-messages" in section.get("classes", []):
            section.parent.remove(section)
    return found


def _line_of_problem(document: nodes.document, message: nodes.system_message,
                     lines: list[str]) -> int | None:
    """The line of the markup a message is about, not of its paragraph's start.

    docutils gives a transform's message (an unknown target, say) the line of
    the paragraph; the marked-up text itself is found from there on.
    """
    line = message.get("line")
    for backref in message.get("backrefs", []):
        problem = document.ids.get(backref)
        raw = problem.rawsource if isinstance(problem, nodes.problematic) else ""
        first = raw.split("\n", 1)[0].strip()
        if line and first:
            for number in range(line, min(line + 50, len(lines)) + 1):
                if first in lines[number - 1]:
                    return number
    return line


def _is_adornment(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= 2 and not stripped[0].isalnum() and len(set(stripped)) == 1


def fix_title_lines(document: nodes.document, lines: list[str]) -> None:
    """docutils gives a title the underline's line; point it at the words."""
    for title in document.findall(nodes.title):
        line = title.line or (title.parent.line if title.parent else None)
        if not line:
            continue
        if 1 <= line <= len(lines) and _is_adornment(lines[line - 1]) and line > 1:
            line -= 1
        title.line = line
