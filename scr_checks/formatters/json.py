"""The findings as JSON data, for scripts: a contract, with a schema.

The layout is described by ``scr_checks/data/results.schema.json`` (JSON
Schema 2020-12), shipped with the package and published in the docs, and
``schema_version`` says which layout a file has: it changes when a key is
removed, renamed or changes meaning, not when one is added.  Data plugins
attach for the outputs is under each file's ``extras``, each plugin's under
its own key, so no plugin can overwrite ``findings``.  Keys are sorted and
there is no timestamp, so the same inputs give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields
from typing import Any

from scr_checks.formatters import Formatter, encodable
from scr_checks.formatters.streaming import Items, json_parts
from scr_checks.results import FileResult, Finding, Location, RunResult, ToolError
from scr_checks.shipped import shipped_file

#: The layout this formatter writes; see the schema's ``schema_version``.
SCHEMA_VERSION = 1
#: A location's fields, in the order they are written.
_LOCATION_FIELDS = tuple(f.name for f in fields(Location))


def schema() -> dict[str, Any]:
    """The JSON Schema of the output, as shipped in the package."""
    text = shipped_file("scr_checks", "data", "results.schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def finding_data(finding: Finding) -> dict[str, Any]:
    """What a finding shows: never its identifier or context, only their masked traces."""
    where = finding.location
    # The fields read directly: ``asdict`` copied each value deeply, for every finding.
    location = {name: value for name in _LOCATION_FIELDS
                if (value := getattr(where, name)) is not None and value != ()}
    location["heading_path"] = list(where.heading_path)
    suppression = finding.suppression
    return {
        "rule_id": finding.rule_id,
        "message": finding.message,
        "severity": str(finding.severity),
        "location": location,
        "snippet": finding.snippet,
        "suggestion": finding.suggestion,
        "fingerprint": finding.fingerprint,
        "suppression": None if suppression is None else {
            "kind": suppression.kind, "justification": suppression.justification},
        "properties": finding.properties,
    }


def error_data(error: ToolError) -> dict[str, Any]:
    return {"path": error.path, "message": error.message, "plugin": error.plugin}


def file_data(file: FileResult) -> dict[str, Any]:
    return {
        "path": file.path,
        "format": file.format,
        "read": file.read_ok,
        "findings": [finding_data(f) for f in file.findings],
        "errors": [error_data(e) for e in file.errors],
        "extras": file.extras,
    }


class JsonFormatter(Formatter):
    name = "json"
    description = "Every finding and error as JSON data, for scripts."

    def render(self, run: RunResult) -> str:
        return "".join(self.render_parts(run))

    def render_parts(self, run: RunResult) -> Iterator[str]:
        """The document a file at a time: an archive's is never held whole."""
        data = {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "scr-checks", "version": run.version},
            "identifiers_shown": bool(self.config.get("show_identifiers")),
            "rules": [
                {"id": r.id, "name": r.name, "question": r.question,
                 "severity": str(r.severity), "short": r.short, "help_uri": r.help_uri,
                 "precision": r.precision}
                for r in run.rules
            ],
            "files": Items(file_data(file) for file in run.files),
            "errors": [error_data(e) for e in run.run_errors],
        }
        for part in json_parts(data):
            yield encodable(part)
        yield "\n"
