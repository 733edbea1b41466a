"""The findings as plain JSON data, for scripts.

Keys are sorted and there is no timestamp, so the same inputs give the same
bytes.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from scr_checks.formatters import encodable
from scr_checks.formatters.deferred import JsonOutput
from scr_checks.results import Finding, RunResult


def finding_data(finding: Finding) -> dict[str, Any]:
    data = asdict(finding)
    data["severity"] = str(finding.severity)
    data["location"] = {k: v for k, v in data["location"].items() if v not in (None, ())}
    data["location"]["heading_path"] = list(finding.location.heading_path)
    for private in ("secret", "context"):
        data.pop(private)
    return data


class JsonFormatter(JsonOutput):

    def render(self, run: RunResult) -> str:
        data = {
            "tool": {"name": "scr-checks", "version": run.version},
            "rules": [
                {"id": r.id, "name": r.name, "question": r.question,
                 "severity": str(r.severity), "short": r.short, "help_uri": r.help_uri}
                for r in run.rules
            ],
            "files": [
                {
                    "path": file.path,
                    "format": file.format,
                    "read": file.read_ok,
                    "findings": [finding_data(f) for f in file.findings],
                    "errors": [
                        {"message": e.message, "plugin": e.plugin} for e in file.errors
                    ],
                    **{key: file.extras[key] for key in sorted(file.extras)},
                }
                for file in run.files
            ],
        }
        return encodable(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)) + "\n"
