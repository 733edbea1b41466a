"""Readable terminal output: one line per finding, then a summary.

``path:line:col: SCR201 [error] message`` is the shape editors and terminals
turn into links.  Word and PDF findings have no lines, so they say where the
paragraph is instead.  Every text that comes from a report or a file name is
passed through :func:`~scr_checks.terminal.terminal_safe`, so it cannot
forge a line or move the cursor.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

from scr_checks.formatters import Formatter, encodable
from scr_checks.results import FileResult, Finding, RunResult
from scr_checks.rules import QUESTIONS, Severity
from scr_checks.scorecard import NEEDS_ATTENTION, NO_PROBLEMS, NOT_CHECKED, run_scorecard
from scr_checks.terminal import terminal_safe as safe

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.NOTE: "36"}
#: :func:`terminal_safe` of a finding's texts, remembered: a file's path, the
#: rule ids, and a masked message or suggestion come again and again (a
#: paragraph of dates gives a hundred thousand findings with the same few).
_safe = lru_cache(maxsize=1024)(safe)


class TextFormatter(Formatter):
    name = "text"
    description = "One line per finding and a summary, for people."

    def _paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def position(self, finding: Finding) -> str:
        loc = finding.location
        path = _safe(loc.path)
        if loc.line is not None:
            return f"{path}:{loc.line}:{loc.column or 1}:"
        where = safe(loc.describe())
        return f"{path}: {where}:" if where else f"{path}:"

    def line(self, finding: Finding) -> str:
        level = self._paint(f"[{finding.severity}]", _COLOURS[finding.severity])
        text = (f"{self.position(finding)} {_safe(finding.rule_id)} {level} "
                f"{_safe(finding.message)}")
        if finding.suggestion:
            text += f" ({_safe(finding.suggestion)})"
        return text

    def render(self, run: RunResult) -> str:
        out: list[str] = []
        for file in run.files:
            for error in [] if self.errors_elsewhere else file.errors:
                out.append(self._paint(f"{safe(error.path)}: error: ", "31;1")
                           + safe(_error_text(error)))
            out.extend(self.line(f) for f in file.findings if not f.suppressed)
        for error in [] if self.errors_elsewhere else run.run_errors:
            out.append(self._paint(f"{safe(error.path)}: error: ", "31;1")
                       + safe(_error_text(error)))
        if self.config.get("summary"):
            out.append("")
            out.extend(self.summary(file) for file in run.files)
            if len(run.files) > 1:
                out.append(self.total(run))
            if not self.config.get("scorecard"):
                out.extend(self.questions(run))
        if self.config.get("scorecard"):
            if self.config.get("scorecard_per_file"):
                for file in run.files:
                    out.extend(self.scorecard(file.extras.get("scorecard"), safe(file.path)))
            else:
                cards = [f.extras["scorecard"] for f in run.files if f.extras.get("scorecard")]
                unread = len(run.files) - len(cards)
                count = f"{len(run.files)} report{'s' if len(run.files) != 1 else ''}" + (
                    f" ({unread} not checked)" if unread else "")
                out.extend(self.scorecard(run_scorecard(cards, unread) if cards else None,
                                          count))
        # Nothing to say (--quiet, no finding) is no output, not an empty line.
        return encodable("\n".join(out)) + "\n" if out else ""

    def total(self, run: RunResult) -> str:
        """The grand total of a run of several files."""
        checked = sum(1 for file in run.files if file.read_ok)
        counts = Counter(f.severity for f in run.findings if not f.suppressed)
        parts = [f"{counts[level]} {level}{'s' if counts[level] != 1 else ''}"
                 for level in (Severity.ERROR, Severity.WARNING, Severity.NOTE)]
        suppressed = sum(1 for f in run.findings if f.suppressed)
        if suppressed:
            parts.append(f"{suppressed} suppressed")
        unread = len(run.files) - checked
        if unread:
            parts.append(f"{unread} not checked")
        return (f"Total: {checked} report{'s' if checked != 1 else ''} checked, "
                + ", ".join(parts))

    def scorecard(self, card: list[dict[str, Any]] | None, what: str) -> list[str]:
        """A quality-marker scorecard (a file's or the run's), one line per question."""
        if not card:
            return []
        lines = ["", f"Quality marker 'The report' - {what}:"]
        for entry in card:
            status = entry["status"]
            colour = {NO_PROBLEMS: "32", NEEDS_ATTENTION: "33"}.get(status, "2")
            found = ", ".join(f"{rule} x{count}" for rule, count in entry["findings"].items())
            unchecked = entry.get("unchecked_files")
            lines.append(
                f"  Q{entry['question']} {self._paint(f'{status:<17}', colour)} {entry['title']}"
                + (f" ({found})" if found else "")
                + (f" (not checked in {unchecked} report{'s' if unchecked != 1 else ''})"
                   if unchecked and status != NOT_CHECKED else "")
            )
            lines.extend(_gap_line(gap) for gap in entry.get("not_checked", ()))
        return lines

    def summary(self, file: FileResult) -> str:
        if not file.read_ok:
            return f"{safe(file.path)}: not checked"
        counts = Counter(f.severity for f in file.findings if not f.suppressed)
        parts = [
            f"{counts[level]} {level}{'s' if counts[level] != 1 else ''}"
            for level in (Severity.ERROR, Severity.WARNING, Severity.NOTE)
        ]
        suppressed = sum(1 for f in file.findings if f.suppressed)
        if suppressed:
            parts.append(f"{suppressed} suppressed")
        failed = sum(1 for e in file.errors if e.plugin)
        if failed:
            parts.append(f"{failed} plugin error{'s' if failed != 1 else ''}")
        return f"{safe(file.path)}: " + ", ".join(parts)

    def questions(self, run: RunResult) -> list[str]:
        by_question: Counter[int] = Counter()
        rules = {rule.id: rule for rule in run.rules}
        for finding in run.findings:
            if not finding.suppressed and finding.rule_id in rules:
                by_question[rules[finding.rule_id].question] += 1
        if not by_question:
            return []
        lines = ["", "By quality-marker question:"]
        for question in sorted(by_question):
            lines.append(f"  Q{question} {QUESTIONS[question]}: {by_question[question]}")
        return lines


def _error_text(error: object) -> str:
    text = str(error)
    path = getattr(error, "path", "")
    return text[len(path) + 2:] if path and text.startswith(path + ": ") else text


def _gap_line(gap: dict[str, Any]) -> str:
    """The rules of a question that could not look, and why (no rules when none was selected)."""
    rules = ", ".join(gap["rules"])
    files = gap.get("files")
    return (f"       {rules + ' ' if rules else ''}not checked: {safe(gap['reason'])}"
            + (f" (in {files} report{'s' if files != 1 else ''})" if files is not None else ""))
