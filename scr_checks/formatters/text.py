"""Readable terminal output: one line per finding, then a summary.

``path:line:col: SCR201 [error] message`` is the shape editors and terminals
turn into links.  Word and PDF findings have no lines, so they say where the
paragraph is instead.
"""

from __future__ import annotations

from collections import Counter

from scr_checks.formatters import Formatter, encodable
from scr_checks.results import FileResult, Finding, RunResult
from scr_checks.rules import QUESTIONS, Severity
from scr_checks.scorecard import NEEDS_ATTENTION, NO_PROBLEMS

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.NOTE: "36"}


class TextFormatter(Formatter):
    name = "text"
    description = "One line per finding and a summary, for people."

    def _paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def position(self, finding: Finding) -> str:
        loc = finding.location
        if loc.line is not None:
            return f"{loc.path}:{loc.line}:{loc.column or 1}:"
        where = loc.describe()
        return f"{loc.path}: {where}:" if where else f"{loc.path}:"

    def line(self, finding: Finding) -> str:
        level = self._paint(f"[{finding.severity}]", _COLOURS[finding.severity])
        text = f"{self.position(finding)} {finding.rule_id} {level} {finding.message}"
        if finding.suggestion:
            text += f" ({finding.suggestion})"
        return text

    def render(self, run: RunResult) -> str:
        out: list[str] = []
        for file in run.files:
            for error in file.errors:
                out.append(self._paint(f"{error.path}: error: ", "31;1") + _error_text(error))
            out.extend(self.line(f) for f in file.findings if not f.suppressed)
        out.append("")
        out.extend(self.summary(file) for file in run.files)
        if self.config.get("scorecard"):
            for file in run.files:
                out.extend(self.scorecard(file))
        else:
            out.extend(self.questions(run))
        return encodable("\n".join(out)) + "\n"

    def scorecard(self, file: FileResult) -> list[str]:
        """The file's quality-marker scorecard, one line per question."""
        card = file.extras.get("scorecard")
        if not card:
            return []
        lines = ["", f"Quality marker 'The report' - {file.path}:"]
        for entry in card:
            status = entry["status"]
            colour = {NO_PROBLEMS: "32", NEEDS_ATTENTION: "33"}.get(status, "2")
            found = ", ".join(f"{rule} x{count}" for rule, count in entry["findings"].items())
            lines.append(
                f"  Q{entry['question']} {self._paint(f'{status:<17}', colour)} {entry['title']}"
                + (f" ({found})" if found else "")
            )
            lines.extend(
                f"       {', '.join(gap['rules'])} not checked: {gap['reason']}"
                for gap in entry.get("not_checked", ()))
        return lines

    def summary(self, file: FileResult) -> str:
        if not file.read_ok:
            return f"{file.path}: not checked"
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
        return f"{file.path}: " + ", ".join(parts)

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

