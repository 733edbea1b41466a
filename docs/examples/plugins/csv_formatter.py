"""A formatter of a local format: one line a finding, as comma-separated values.

``scr-checks check reports/ --format findings-csv -o findings.csv``.  A
formatter renders the whole run at once (the outputs are written atomically
by the command), from the findings as every output gets them: identifiers
already masked.
"""

import csv
import io

from scr_checks import Formatter, hookimpl


class FindingsCsv(Formatter):
    name = "findings-csv"
    description = "one line a finding: file, line, rule, severity, message"

    def render(self, run) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["file", "line", "rule", "severity", "message"])
        for finding in run.findings:
            if not finding.suppressed:
                writer.writerow([finding.location.path, finding.location.line or "",
                                 finding.rule_id, str(finding.severity), finding.message])
        return out.getvalue()


@hookimpl
def scr_register_formatters():
    return [FindingsCsv]
