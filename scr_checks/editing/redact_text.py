"""``scr-checks redact`` for reST, Markdown, HTML and plain text: a redacted copy.

Each occurrence of an identifier in a block's text is traced back to its
characters in the source, so markup inside it survives: ``**Jane** Moss``
becomes ``**[Person 1]**``.  The placeholder goes where the identifier's
last line starts, and a line the identifier filled is removed, so a name
wrapped over two lines leaves no blank line (a paragraph break) behind.
What is left in the source outside the text — comments, metadata, link
targets — is reported, and replaced too with ``strip``.
"""

from __future__ import annotations

import codecs
import html
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from scr_checks.document import Report, TextBlock, blocks
from scr_checks.editing.identifiers import Identifier, finder, lookup
from scr_checks.editing.redact_word import Leak, Replacement
from scr_checks.patterns import compiled

#: Byte-order marks and the codec of the text after each (UTF-32 LE before UTF-16 LE,
#: whose mark it starts with).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))


#: The start of a Markdown autolink just before an identifier: "<", "<mailto:".
AUTOLINK = compiled(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:)?$")


@dataclass
class TextRedaction:
    text: str
    replacements: list[Replacement] = field(default_factory=list)
    leaks: list[Leak] = field(default_factory=list)


def redact_text(report: Report, identifiers: list[Identifier], strip: bool) -> TextRedaction:
    """The report's source with every identifier in its text replaced."""
    assert report.source is not None
    lines = list(report.source.lines)
    out = TextRedaction("\n".join(lines))
    pattern = finder(identifiers)
    if pattern is None:
        return out
    known = lookup(identifiers)
    edits: dict[int, dict[int, str]] = defaultdict(dict)
    markup: Callable[[str], str] = html.escape if report.format == "html" else str
    for block in blocks(report):
        for match in pattern.finditer(block.text):
            identifier = known[" ".join(match[0].split())]
            done = _plan(block, match.start(), match.end(), lines,
                         markup(identifier.placeholder), edits, report.format == "markdown")
            out.replacements.append(Replacement(_line_of(block, match.start()), identifier,
                                                done))
    kept = []
    for number, line in enumerate(lines, 1):
        changes = edits.get(number)
        if not changes:
            kept.append(line)
            continue
        new = "".join(changes.get(at, ch) for at, ch in enumerate(line))
        if new.strip() or not line.strip():
            kept.append(new)
    out.text = "\n".join(kept)
    out.leaks, out.text = _leftovers(out.text, pattern, known, strip, markup)
    return out


def _line_of(block: TextBlock, offset: int) -> str:
    position = block.source_position(offset)
    return f"line {position[0]}" if position else "the text"


def _plan(block: TextBlock, start: int, end: int, lines: list[str], placeholder: str,
          edits: dict[int, dict[int, str]], autolink: bool = False) -> bool:
    """Note the edits that replace ``block.text[start:end]``; False if it cannot be
    traced to its characters exactly (an entity, say), so nothing is changed.

    The identifier's letters fall into segments: letters on one line with only
    white space between them.  The first segment becomes the placeholder; a
    later one is removed with the space before it and, when its own markup
    wraps it ("*Brennan*", "<i>Brennan</i>"), that markup too, so no empty
    emphasis is left.  A segment that starts a line takes the space after it,
    so the line keeps its indentation.  With ``autolink`` (Markdown), an
    identifier that is a whole ``<mailto:…>`` link replaces the link.
    """
    letters: list[tuple[int, int]] = []
    for offset in range(start, end):
        if block.text[offset].isspace():
            continue
        position = block.source_position(offset)
        if position is None:
            return False
        line, at = position
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        if at >= len(source) or source[at] != block.text[offset] or at in edits[line]:
            return False
        letters.append(position)
    if not letters:
        return False
    segments: list[list[tuple[int, int]]] = []
    for line, at in letters:
        previous = segments[-1][-1] if segments else None
        if previous and previous[0] == line and not lines[line - 1][previous[1] + 1:at].strip():
            segments[-1].append((line, at))
        else:
            segments.append([(line, at)])
    for number, segment in enumerate(segments):
        line, first = segment[0]
        final = segment[-1][1]
        text = lines[line - 1]
        for at in range(first, final + 1):
            edits[line][at] = ""
        if number == 0:
            edits[line][first] = placeholder
            opening = AUTOLINK.search(text, 0, first) if autolink else None
            if opening and text.startswith(">", final + 1):  # <mailto:…>: no link left
                for at in [*range(opening.start(), first), final + 1]:
                    edits[line][at] = ""
            continue
        before = segments[number - 1][-1]
        gap_start = before[1] + 1 if before[0] == line else 0
        gap = text[gap_start:first]
        # The markup just before this segment, after the space that ends the one
        # before ("** *Brennan": "*"); none inside a word ("Kay**leigh**").
        separated = before[0] != line or any(ch.isspace() for ch in gap)
        opening = gap.split()[-1] if gap and not gap[-1].isspace() and separated else ""
        closing = _closing(opening)
        wrapped = bool(opening) and text.startswith(closing, final + 1)
        if before[0] == line:
            cut_from = first - (len(opening) if wrapped else 0)
            cut_from -= len(text[gap_start:cut_from]) - len(text[gap_start:cut_from].rstrip())
            for at in range(cut_from, first):
                edits[line][at] = ""
        else:
            for at in range(first - (len(opening) if wrapped else 0), first):
                edits[line][at] = ""
        after = final + 1 + (len(closing) if wrapped else 0)
        for at in range(final + 1, after):
            edits[line][at] = ""
        if before[0] != line and not text[:first - (len(opening) if wrapped else 0)].strip():
            while after < len(text) and text[after].isspace():
                edits[line][after] = ""
                after += 1
    return True


def _closing(opening: str) -> str:
    """The markup that closes ``opening``: ``</i>`` for ``<i>``, ``**`` for ``**``."""
    if opening.startswith("<") and opening.endswith(">"):
        name = opening[1:-1].split()[0] if opening[1:-1].split() else ""
        return f"</{name}>"
    return opening[::-1]


def _leftovers(text: str, pattern: regex.Pattern[str], known: dict[str, Identifier],
               strip: bool, markup: Callable[[str], str]) -> tuple[list[Leak], str]:
    """Identifiers still in the source (outside the text), replaced when ``strip``."""
    leaks = []
    for match in pattern.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        leaks.append(Leak(f"line {line}", "markup", known[" ".join(match[0].split())], strip))
    if strip:
        text = pattern.sub(lambda m: markup(known[" ".join(m[0].split())].placeholder), text)
    return leaks, text


def encode_like(text: str, original: bytes, declared: str | None = None) -> bytes:
    """``text`` in the original file's encoding (its byte-order mark kept, or the
    ``declared`` codec of an HTML page) and with its line endings."""
    bom, codec = next(((b, c) for b, c in _BOMS if original.startswith(b)),
                      (b"", declared or "utf-8"))
    if "\r\n".encode(codec) in original[:65536]:
        text = text.replace("\n", "\r\n")
    # A page's own encoding may lack a placeholder's character: HTML spells it
    # as a character reference.
    return bom + text.encode(codec, "xmlcharrefreplace" if declared else "strict")
