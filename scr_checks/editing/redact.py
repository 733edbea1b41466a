"""``scr-checks redact``: check a report, then replace what the privacy rules found.

The file is checked as ``check`` would check it; the identifiers of the
findings get their placeholders (:mod:`scr_checks.editing.identifiers`) and
the format's own redactor writes the copy.  A Word copy is then read back
as a reader would see it with every change accepted, and any identifier
still in its text is reported: a redaction that missed one says so.  An
identifier in a Word file's SmartArt or chart text is refused: no copy is
written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scr_checks.config import READER_LIMITS
from scr_checks.document import Report, blocks
from scr_checks.editing import WORD_SUFFIXES
from scr_checks.editing.identifiers import Identifier, assign, finder, lookup, pseudonyms
from scr_checks.editing.redact_text import encode_like, redact_text
from scr_checks.editing.redact_word import Leak, Replacement, redact_word
from scr_checks.editing.textmap import EditingReader
from scr_checks.exceptions import UsageError
from scr_checks.masking import Masker
from scr_checks.readers.docx import DocxReader
from scr_checks.readers.html import declared_encoding
from scr_checks.results import GRAPHICS, FileResult, Finding
from scr_checks.runner import Session


@dataclass
class Redacted:
    """The redacted copy (``None`` when the file could not be checked) and its table."""

    data: bytes | None
    result: FileResult
    identifiers: list[Identifier] = field(default_factory=list)
    replacements: list[Replacement] = field(default_factory=list)
    leaks: list[Leak] = field(default_factory=list)

    @property
    def remaining(self) -> list[Leak | Replacement]:
        """What still holds an identifier in the copy."""
        return [*(r for r in self.replacements if not r.done),
                *(leak for leak in self.leaks if not leak.removed)]


def redact(session: Session, path: Path, data: bytes, shown: str, strip: bool) -> Redacted:
    """Check ``data`` (the file at ``path``) and return its redacted copy."""
    suffix = path.suffix.lower()
    names = pseudonyms(session.config.option("redact", "pseudonyms"),
                       str(session.config.path or "configuration"))
    if suffix in WORD_SUFFIXES:
        reader = EditingReader({key: session.config.get(key) for key in READER_LIMITS})
        report, builder = reader.open(shown, data)
        result, findings = _check(session, report, path)
        out = Redacted(None, result)
        if not result.read_ok:
            return out
        out.identifiers = assign(findings, session.rules, names, _text(report))
        word = redact_word(builder, report, out.identifiers, strip)
        _refuse_graphics(shown, word.replacements)
        out.replacements, out.leaks = word.replacements, word.leaks
        out.data = builder.parts.save()
        out.leaks += _left_in_word(out.data, shown, out.identifiers)
        return out
    report = session.read_bytes(data, suffix, shown)
    result, findings = _check(session, report, path)
    out = Redacted(None, result)
    if not result.read_ok:
        return out
    out.identifiers = assign(findings, session.rules, names, _text(report))
    text = redact_text(report, out.identifiers, strip)
    out.replacements, out.leaks = text.replacements, text.leaks
    out.data = encode_like(text.text, data,
                           declared_encoding(shown, data) if report.format == "html" else None)
    return out


def _refuse_graphics(shown: str, replacements: list[Replacement]) -> None:
    """Refuse to write a copy whose SmartArt or chart text holds an identifier.

    That text is not replaced (a diagram keeps a second copy in its cached
    drawing, a chart in its embedded workbook), so a copy would keep it.
    """
    where = sorted({r.where for r in replacements if r.where.startswith(GRAPHICS)})
    if where:
        raise UsageError(f"{shown}: cannot redact: {', '.join(where)} (SmartArt or chart) "
                         "holds an identifier, which redact does not replace; edit it in "
                         "Word, then run redact again")


def _check(session: Session, report: Report, path: Path) -> tuple[FileResult, list[Finding]]:
    """The file's result, masked as the configuration says, and its findings with
    their identifiers, which are what redaction replaces."""
    result = session.check_report(report, source=path, masked=False)
    findings = list(result.findings)
    if not session.config.get("show_identifiers"):
        Masker.of(findings, session.rules).file(result)
    return result, findings


def _text(report: Report) -> str:
    return "\n".join(block.text for block in blocks(report))


def _left_in_word(data: bytes, shown: str, identifiers: list[Identifier]) -> list[Leak]:
    """Identifiers still in the copy's text once every change is accepted."""
    pattern = finder(identifiers)
    if pattern is None:
        return []
    known = lookup(identifiers)
    report: Report = DocxReader().read(shown, data)
    texts = [(block.location().describe(), block.text) for block in blocks(report)]
    texts += [(item.where, item.text) for item in report.hidden
              if item.kind == "header-footer"]
    return [Leak(where, "not replaced", known[" ".join(match[0].split())])
            for where, text in texts for match in pattern.finditer(text)]
