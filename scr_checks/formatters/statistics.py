"""``--statistics``: how many findings each rule made, most first, as ruff shows it."""

from __future__ import annotations

from collections import Counter, defaultdict

from scr_checks.formatters import Formatter
from scr_checks.results import RunResult
from scr_checks.rules import Severity
from scr_checks.terminal import terminal_safe as safe


class StatisticsFormatter(Formatter):
    name = "statistics"
    description = "How many findings each rule made, most first (--statistics)."

    def render(self, run: RunResult) -> str:
        counts = Counter(f.rule_id for f in run.findings if not f.suppressed)
        # The severities the findings were given (configured, or lowered for a
        # quotation), which decide the exit status: not the rules' defaults.
        given: dict[str, set[Severity]] = defaultdict(set)
        for finding in run.findings:
            if not finding.suppressed:
                given[finding.rule_id].add(finding.severity)
        rules = {rule.id: rule for rule in run.rules}
        width = len(str(max(counts.values(), default=0)))
        lines = []
        for rule_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            rule = rules.get(rule_id)
            levels = "/".join(str(level) for level in sorted(given[rule_id], reverse=True))
            about = f"[{levels}] {rule.name}" if rule else f"[{levels}]"
            lines.append(f"{count:>{width}}  {safe(rule_id)}  {safe(about)}".rstrip())
        total = sum(counts.values())
        files = len(run.files)
        lines.append(f"{total} finding{'s' if total != 1 else ''} in {files} "
                     f"report{'s' if files != 1 else ''}")
        return "\n".join(lines) + "\n"
