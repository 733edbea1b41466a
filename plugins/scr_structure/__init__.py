"""Structure checker: can a reader find the analysis and findings? (question 1)

Registered through the ``scr_checks.plugins`` entry point like any
third-party plugin, and uses only the public API.
"""

from __future__ import annotations

from collections.abc import Iterator

from scr_checks import CheckContext, Finding, OptionParser, Report, hookimpl
from scr_structure.rules import RULES
from scr_structure.sections import catalogue, classify, matcher

NAMESPACE = "structure"
DEFAULT_REQUIRED = [
    "introduction", "methodology", "analysis", "findings", "recommendations",
]


@hookimpl
def scr_addoption(parser: OptionParser) -> None:
    parser.add_option(
        NAMESPACE, "required_sections", list, DEFAULT_REQUIRED,
        "Canonical sections every report must have (see the structure checker's "
        "section catalogue for the names and the headings each accepts).",
    )
    parser.add_option(
        NAMESPACE, "headings", dict, {},
        "Extra heading patterns per canonical section, e.g. "
        "{ findings = ['what we learned'] }.",
    )


@hookimpl
def scr_register_rules() -> list:
    return RULES


def _patterns(context: CheckContext):
    extra = context.option(NAMESPACE, "headings")
    return matcher(tuple(sorted((k, tuple(v)) for k, v in extra.items())))


@hookimpl
def scr_check_document(report: Report, context: CheckContext) -> Iterator[Finding]:
    patterns = _patterns(context)
    present: set[str] = set()
    for block in context.blocks:
        if block.is_heading:
            present |= classify(block.text, patterns)
    labels = catalogue()
    for key in context.option(NAMESPACE, "required_sections"):
        if key not in present:
            label = labels.get(key, {}).get("label", key)
            yield context.finding(
                "SCR101",
                f"No '{label}' section: no heading was recognised as one.",
                suggestion="add a section with a heading such as "
                f"'{label.split(' / ')[0]}'",
            )
