"""The core's own plugin: options, its two rules (markup problems, unused
suppressions), readers, formatters, suppressions.

It is registered like any plugin, through the hooks, but cannot be disabled.
"""

from __future__ import annotations

from scr_checks import hookimpl
from scr_checks.config import OptionParser, add_core_options
from scr_checks.context import CheckContext
from scr_checks.document import Report
from scr_checks.formatters.text import TextFormatter
from scr_checks.locations import utf16_column
from scr_checks.readers.rst import RstReader
from scr_checks.registry import Deferred
from scr_checks.results import Finding, Location
from scr_checks.rules import Rule, Severity
from scr_checks.suppressions import apply_markers, comment_scopes, line_scopes, unused_findings

MARKUP_PROBLEM = Rule(
    id="SCR100",
    name="markup-problem",
    short="The report's markup could not be parsed cleanly.",
    full=(
        "The parser reported a problem in the report's markup (for example an "
        "unclosed emphasis or a malformed table). Sections, numbering and "
        "findings near it may not be recognised, so other checks may miss them."
    ),
    fix="Correct the markup at the line given; the message says what the parser expected.",
    severity=Severity.WARNING,
    question=1,
    tags=("structure", "markup"),
    bad_example="The family *moved often.",
    good_example="The family *moved* often.",
)

UNUSED_SUPPRESSION = Rule(
    id="SCR106",
    name="unused-suppression",
    short="A scr-checks: disable marker suppresses nothing.",
    full=(
        "A 'scr-checks: disable' marker in the report covers no finding of the rules "
        "it names: the problem it was written for has been fixed, or its rule ids "
        "are wrong. A stale marker would silently hide a new problem written in the "
        "text it covers. Reported only when every rule the marker names ran, so a "
        "run of fewer rules does not report markers for the others."
    ),
    fix="Remove the marker, or correct the rule ids it names.",
    severity=Severity.NOTE,
    question=1,
    tags=("suppression",),
    bad_example=(
        ".. scr-checks: disable=SCR701\n"
        "\n"
        "The worker did not visit."
    ),
    good_example=(
        ".. scr-checks: disable=SCR701 -- the panel's wording, agreed with the family\n"
        "\n"
        "The worker failed to visit."
    ),
)


@hookimpl
def scr_addoption(parser: OptionParser) -> None:
    add_core_options(parser)


@hookimpl
def scr_register_rules() -> list[Rule]:
    return [MARKUP_PROBLEM, UNUSED_SUPPRESSION]


#: The readers a run of reST reports never uses (the others' modules import a
#: parser: markdown-it, lxml, PDFium), and the formatters most runs never use:
#: imported when first used.
DEFERRED_READERS = (
    Deferred("scr_checks.readers.text:TextReader", format="text", suffixes=(".txt", ".text")),
    Deferred("scr_checks.readers.markdown:MarkdownReader", format="markdown",
             suffixes=(".md", ".markdown")),
    Deferred("scr_checks.readers.html:HtmlReader", format="html",
             suffixes=(".html", ".htm", ".xhtml")),
    Deferred("scr_checks.readers.docx:DocxReader", format="docx", suffixes=(".docx", ".docm")),
    Deferred("scr_checks.readers.pdf:PdfReader", format="pdf", suffixes=(".pdf",)),
)
DEFERRED_FORMATTERS = (
    Deferred("scr_checks.formatters.json:JsonFormatter", name="json",
             description="Every finding and error as JSON data, for scripts."),
    Deferred("scr_checks.formatters.sarif:SarifFormatter", name="sarif",
             description="SARIF 2.1.0, for GitHub code scanning and SARIF viewers."),
    Deferred("scr_checks.formatters.junit:JunitFormatter", name="junit",
             description="JUnit XML (Jenkins junit-10 dialect): a testcase per report and rule."),
    Deferred("scr_checks.formatters.html:HtmlFormatter", name="html",
             description=("One self-contained page for people: scorecards, findings in "
                          "their paragraphs, linkage maps."),
             shows_paragraphs=True),
)


@hookimpl
def scr_register_readers() -> list[object]:
    return [RstReader, *DEFERRED_READERS]


@hookimpl
def scr_register_formatters() -> list[object]:
    return [TextFormatter, *DEFERRED_FORMATTERS]


@hookimpl
def scr_check_document(report: Report, context: CheckContext) -> list[Finding]:
    """The problems the parser reported in the report's markup, at their lines."""
    if MARKUP_PROBLEM.id not in context.config.selection:
        return []
    out = []
    for line, _level, message in report.parse_messages:
        finding = context.finding(MARKUP_PROBLEM, f"Markup problem: {message}")
        if line and report.source is not None:
            text = report.source.line(line)
            finding = finding.evolve(location=Location(
                path=report.path, line=line, column=1, end_line=line,
                end_column=utf16_column(text, len(text)),
            ), context=text)
        out.append(finding)
    return out


@hookimpl
def scr_modify_findings(findings: list[Finding], context: CheckContext) -> None:
    """Mark the findings the report's own ``scr-checks: disable`` markers cover.

    Markers that cover nothing are then reported; those findings are never
    themselves suppressed by a marker.
    """
    scopes = comment_scopes(context.blocks)
    if context.report.source is not None:
        scopes += line_scopes(context.report.source.lines, context.blocks)
    unused = apply_markers(findings, scopes)
    if unused and UNUSED_SUPPRESSION.id in context.config.selection:
        findings += unused_findings(UNUSED_SUPPRESSION.id, unused, context)
