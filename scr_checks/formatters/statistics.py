"""``--statistics``: how many findings each rule made, most first, as ruff shows it."""

from __future__ import annotations

from collections import Counter

from scr_checks.formatters import Formatter
from scr_checks.results import RunResult
from scr_checks.terminal import terminal_safe as safe


class StatisticsFormatter(Formatter):
    name = "statistics"
    description = "How many findings each rule made, most first (--statistics)."

    def render(self, run: RunResult) -> str:
        counts = Counter(f.rule_id for f in run.findings if not f.suppressed)
        rules = {rule.id: rule for rule in run.rules}
        width = len(str(max(counts.values(), default=0)))
        lines = []
        for rule_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            rule = rules.get(rule_id)
            about = f"[{rule.severity}] {rule.name}" if rule else ""
            lines.append(f"{count:>{width}}  {safe(rule_id)}  {safe(about)}".rstrip())
        total = sum(counts.values())
        files = len(run.files)
        lines.append(f"{total} finding{'s' if total != 1 else ''} in {files} "
                     f"report{'s' if files != 1 else ''}")
        return "\n".join(lines) + "\n"
