"""SARIF 2.1.0, for GitHub code scanning and SARIF viewers such as VS Code's.

One run per invocation.  Every result has a location with a region, because
GitHub rejects a whole file for one result without a location and shows no
result without a line.  Text reports get a line/column region (UTF-16
columns, as VS Code counts).  Word and PDF files have no lines, so their
region counts paragraphs instead: the line is the paragraph's place in
reading order and the columns count within its text, as the location's
``regionUnits`` property and docs/formats.rst say; the heading path and
paragraph are the logical location, the page a property, and the message
ends with the readable position.

Nothing here leaks what privacy rules found: every text from the report was
masked before a formatter sees it, snippets are written only when the user
asked to see identifiers, and paths are relative to the checkout.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import fields
from functools import lru_cache
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from scr_checks.fingerprints import VERSION as FINGERPRINT_VERSION
from scr_checks.formatters import Formatter, encodable
from scr_checks.formatters.pipeline import automation_details
from scr_checks.formatters.streaming import Items, json_parts
from scr_checks.results import Finding, Location, RunResult, ToolError
from scr_checks.rules import DOCS_URL, Rule, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
TOOL_NAME = "scr-checks"
#: GitHub's limit on description and help texts.
MAX_TEXT = 1024
#: GitHub rejects a run with more results than this.
MAX_RESULTS = 25_000

#: By reader format, and by file suffix for files that could not be read.
MIME_TYPES = {
    "rst": "text/x-rst",
    "markdown": "text/markdown",
    "md": "text/markdown",
    "html": "text/html",
    "text": "text/plain",
    "txt": "text/plain",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}

#: Formats without lines: their regions count paragraphs (:func:`paragraph_region`).
BINARY_FORMATS = {"docx", "pdf"}

#: GitHub's ``problem.severity`` words for non-security rules.
PROBLEM_SEVERITY = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.NOTE: "recommendation",
}

#: Location fields that a region or the logical location already carries.
_REGION_FIELDS = {"path", "line", "column", "end_line", "end_column", "heading_path",
                  "paragraph_number"}

#: What the region of a Word or PDF result counts (the location's ``regionUnits``).
PARAGRAPH_UNITS = ("line: the paragraph's place in reading order (paragraphIndex); "
                   "columns: UTF-16 code units within its text")

#: ``partialFingerprints`` key of the fingerprint recipe in use.
FINGERPRINT_KEY = f"scrFinding/v{FINGERPRINT_VERSION}"

#: The kinds of notification a run can give, as ``tool.driver.notifications``.
NOTIFICATIONS = {
    "input-error": "An input could not be found or read, so it was not checked.",
    "plugin-error": "A plugin failed on a report: the results of its rules for that "
                    "report are incomplete.",
    "output-error": "An output of the run could not be written.",
    "results-limit": "The run found more results than GitHub accepts; the least severe "
                     "were left out.",
    "pipeline-variables": "The Azure Pipelines variables were incomplete, so the run does "
                          "not name its pipeline.",
}
_NOTIFICATION_INDEX = {name: i for i, name in enumerate(NOTIFICATIONS)}


def pascal_case(name: str) -> str:
    """``hindsight-language`` -> ``HindsightLanguage`` (SARIF2012 asks for it)."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("-"))


def camel_case(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def shorten(text: str, limit: int = MAX_TEXT) -> str:
    """At most ``limit`` characters, cut at a word with an ellipsis."""
    text = encodable(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut + "…"


def artifact_uri(path: str) -> tuple[str, str | None]:
    """The uri and its base: relative to the checkout (``%SRCROOT%``, the folder
    scr-checks ran in), even for a file given by an absolute path outside it, so
    no absolute folder is written; only a file with no relative path from there
    (another drive) gets a ``file://`` URI."""
    return _artifact_uri(path, os.getcwd())


@lru_cache(maxsize=64)
def _artifact_uri(path: str, folder: str) -> tuple[str, str | None]:
    """:func:`artifact_uri` from ``folder``, worked out once: every result names
    its file, and a report with a hundred thousand results named it as often."""
    native = PurePath(path)
    if native.is_absolute():
        try:
            native = PurePath(os.path.relpath(native, folder))
        except ValueError:
            return native.as_uri(), None
    return quote(native.as_posix()), SRCROOT


def artifact_location(path: str, index: int | None = None) -> dict[str, Any]:
    uri, base = artifact_uri(encodable(path))
    out: dict[str, Any] = {"uri": uri}
    if base:
        out["uriBaseId"] = base
    if index is not None:
        out["index"] = index
    return out


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    fix = rule.fix or rule.full
    markdown = f"{rule.full}\n\n**How to fix:** {fix}" if rule.fix else rule.full
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": pascal_case(rule.name),
        "shortDescription": {"text": shorten(rule.short)},
        "fullDescription": {"text": shorten(rule.full)},
        "help": {"text": shorten(fix), "markdown": shorten(markdown)},
        "helpUri": rule.help_uri,
        "defaultConfiguration": {"level": str(rule.severity)},
        "properties": {
            "tags": [*rule.tags, f"Q{rule.question}"][:20],
            "precision": rule.precision,
            "problem.severity": PROBLEM_SEVERITY[rule.severity],
            "question": rule.question,
        },
    }
    if not rule.help_uri:  # a plugin's rule documented nowhere: no link to nowhere
        del descriptor["helpUri"]
    return descriptor


def notification_descriptor(kind: str) -> dict[str, Any]:
    """A kind of notification, described as GitHub and Azure DevOps want rules described."""
    text = NOTIFICATIONS[kind]
    return {"id": kind, "name": pascal_case(kind), "shortDescription": {"text": text},
            "fullDescription": {"text": text}, "help": {"text": text},
            "helpUri": f"{DOCS_URL}ci.html"}


class SarifFormatter(Formatter):
    name = "sarif"
    description = "SARIF 2.1.0, for GitHub code scanning and SARIF viewers."

    def render(self, run: RunResult) -> str:
        return "".join(self.render_parts(run))

    def render_parts(self, run: RunResult) -> Iterator[str]:
        """The log a result at a time: an archive's is never held whole."""
        log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [self.run(run)]}
        yield from json_parts(log)
        yield "\n"

    @property
    def show_identifiers(self) -> bool:
        return bool(self.config.get("show_identifiers"))

    def run(self, run: RunResult) -> dict[str, Any]:
        rule_index = {rule.id: i for i, rule in enumerate(run.rules)}
        artifacts = [file for file in run.files if file.format]
        artifact_index = {file.path: i for i, file in enumerate(artifacts)}
        findings = [f for file in run.files for f in file.findings
                    if not (f.suppressed and self.config.get("sarif_suppressed") == "omit")]
        kept, dropped = limit_results(findings)
        automation, pipeline_problem = automation_details(
            self.config.get("sarif_category"), os.environ)
        notifications = [notification(e, "input-error" if not e.plugin else "plugin-error")
                         for file in run.files for e in file.errors]
        notifications += [notification(e, "output-error") for e in run.run_errors]
        if dropped:
            notifications.append(notice("results-limit", "warning",
                                        f"{dropped} results left out: GitHub accepts at most "
                                        f"{MAX_RESULTS:,} a run (the least severe were "
                                        "dropped)."))
        if pipeline_problem:
            notifications.append(notice("pipeline-variables", "warning", pipeline_problem))
        binary = {file.path for file in run.files if file.format in BINARY_FORMATS}
        return {
            "tool": {"driver": self.driver(run), **self.extensions(run)},
            "automationDetails": automation,
            "originalUriBaseIds": {
                SRCROOT: {"description": {"text": "The folder scr-checks was run from, "
                                                  "normally the repository root."}},
            },
            "invocations": [{
                "executionSuccessful": not run.errors,
                "toolExecutionNotifications": notifications,
                **self.overrides(run, rule_index),
            }],
            "columnKind": "utf16CodeUnits",
            "artifacts": [
                {
                    "location": artifact_location(file.path),
                    "roles": ["analysisTarget"],
                    **({"mimeType": MIME_TYPES[file.format]}
                       if file.format in MIME_TYPES else {}),
                }
                for file in artifacts
            ],
            "results": Items(
                self.result(f, rule_index, artifact_index.get(f.location.path),
                            f.location.path in binary)
                for f in kept
            ),
        }

    def overrides(self, run: RunResult, rule_index: dict[str, int]) -> dict[str, Any]:
        """``ruleConfigurationOverrides`` for each rule whose level ``[severity]`` changed."""
        configured = self.config.get("severity")
        changed = [
            {"descriptor": {"id": rule.id, "index": rule_index[rule.id]},
             "configuration": {"level": str(level)}}
            for rule in run.rules
            if rule.id in configured
            and (level := Severity.parse(configured[rule.id])) != rule.severity
        ]
        return {"ruleConfigurationOverrides": changed} if changed else {}

    def driver(self, run: RunResult) -> dict[str, Any]:
        return {
            "name": TOOL_NAME,
            "fullName": f"{TOOL_NAME} {run.version}",
            "version": run.version,
            "semanticVersion": run.version,
            "informationUri": DOCS_URL,
            "rules": [rule_descriptor(rule) for rule in run.rules],
            "notifications": [notification_descriptor(name) for name in NOTIFICATIONS],
        }

    def extensions(self, run: RunResult) -> dict[str, Any]:
        """Plugins from other distributions, so a result can be traced to its code."""
        by_dist: dict[tuple[str, str], list[str]] = {}
        for plugin, (dist, version) in run.plugins.items():
            if dist != TOOL_NAME:
                by_dist.setdefault((dist, version), []).append(plugin)
        if not by_dist:
            return {}
        return {"extensions": [
            {"name": dist, "version": version, "properties": {"plugins": sorted(plugins)}}
            for (dist, version), plugins in sorted(by_dist.items())
        ][:100]}

    def result(self, finding: Finding, rule_index: dict[str, int],
               artifact: int | None, binary: bool) -> dict[str, Any]:
        loc = finding.location
        text = finding.message
        if finding.suggestion:
            text += f" ({finding.suggestion})"
        if not loc.has_region and loc.describe():
            text += f" [{loc.describe()}]"
        out: dict[str, Any] = {
            "ruleId": finding.rule_id,
            "level": str(finding.severity),
            "message": {"text": encodable(text)},
            "locations": [self.location(finding, artifact, binary)],
            "partialFingerprints": {
                "primaryLocationLineHash": finding.fingerprint,
                FINGERPRINT_KEY: finding.fingerprint,
            },
            "suppressions": [],
        }
        if finding.rule_id in rule_index:
            out["ruleIndex"] = rule_index[finding.rule_id]
        if finding.suppression is not None:
            suppression = {"kind": finding.suppression.kind, "status": "accepted"}
            if finding.suppression.justification:
                suppression["justification"] = encodable(finding.suppression.justification)
            out["suppressions"] = [suppression]
        return out

    def location(self, finding: Finding, artifact: int | None, binary: bool) -> dict[str, Any]:
        loc = finding.location
        physical: dict[str, Any] = {"artifactLocation": artifact_location(loc.path, artifact)}
        out: dict[str, Any] = {"physicalLocation": physical}
        if loc.has_region:
            physical["region"] = region(loc)
            if self.show_identifiers and finding.snippet:
                physical["region"]["snippet"] = {"text": encodable(finding.snippet)}
        else:
            physical["region"] = paragraph_region(loc)
            extra = {camel_case(f.name): getattr(loc, f.name) for f in fields(loc)
                     if f.name not in _REGION_FIELDS and getattr(loc, f.name) is not None}
            if binary or extra:
                out["properties"] = {**extra, "regionUnits": PARAGRAPH_UNITS}
        logical = logical_location(loc)
        if logical:
            out["logicalLocations"] = [logical]
        return out


def region(loc: Location) -> dict[str, Any]:
    """Every line and column, as GitHub requires; no end column is an empty span."""
    start = loc.column or 1
    return {"startLine": loc.line, "startColumn": start, "endLine": loc.end_line or loc.line,
            "endColumn": loc.end_column if loc.end_column is not None else start}


def paragraph_region(loc: Location) -> dict[str, Any]:
    """A Word or PDF location's region: paragraph ``n`` is line ``n``; the document is line 1."""
    line = loc.paragraph_index or 1
    start = loc.column or 1
    return {"startLine": line, "startColumn": start, "endLine": line,
            "endColumn": max(loc.end_column or start, start)}


def logical_location(loc: Location) -> dict[str, Any] | None:
    """The section and paragraph, as a reader of the report would cite them."""
    paragraph = loc.paragraph_number or (
        str(loc.paragraph_index) if loc.paragraph_index is not None else None)
    parts = [encodable(h) for h in loc.heading_path]
    if paragraph is None and not parts:
        return None
    name = f"paragraph {paragraph}" if paragraph else parts[-1]
    return {
        "name": name,
        "fullyQualifiedName": " > ".join(parts + ([name] if paragraph else [])),
        "kind": "paragraph" if paragraph else "section",
    }


def notice(kind: str, level: str, text: str) -> dict[str, Any]:
    """A ``toolExecutionNotification`` of one of the :data:`NOTIFICATIONS` kinds."""
    return {"descriptor": {"id": kind, "index": _NOTIFICATION_INDEX[kind]},
            "level": level, "message": {"text": encodable(text)}}


def notification(error: ToolError, kind: str) -> dict[str, Any]:
    """An unreadable input, a failing plugin or an output not written, naming the file."""
    out = notice(kind, "error", error.message)
    if error.path not in ("", "-"):
        out["locations"] = [
            {"physicalLocation": {"artifactLocation": artifact_location(error.path)}}
        ]
    if error.plugin:
        out["properties"] = {"plugin": encodable(error.plugin)}
    return out


def limit_results(findings: list[Finding]) -> tuple[list[Finding], int]:
    """At most ``MAX_RESULTS``, keeping the most severe, in their original order."""
    if len(findings) <= MAX_RESULTS:
        return findings, 0
    ranked = sorted(range(len(findings)), key=lambda i: (-findings[i].severity, i))
    keep = sorted(ranked[:MAX_RESULTS])
    return [findings[i] for i in keep], len(findings) - MAX_RESULTS
