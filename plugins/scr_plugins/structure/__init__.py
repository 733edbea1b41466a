"""Structure checker: can a reader find the analysis and findings? (question 1)

Registered through the ``scr_checks.plugins`` entry point like any
third-party plugin, and uses only the public API.
"""

from __future__ import annotations

from collections.abc import Iterator

from scr_checks import (
    CheckContext,
    Config,
    ConfigError,
    Finding,
    OptionParser,
    Outline,
    TextBlock,
    hookimpl,
    section_catalogue,
)
from scr_plugins.structure import numbering
from scr_plugins.structure.rules import (
    EXECUTIVE_SUMMARY,
    FINDINGS_NOT_IDENTIFIABLE,
    HEADING_LEVEL_SKIPPED,
    INCOMPLETE_REPORT,
    PARAGRAPH_NUMBERING,
    RECOMMENDATIONS_NOT_IDENTIFIABLE,
    REQUIRED_SECTION,
    RULES,
)

NAMESPACE = "structure"
#: Kinds whose required sections are the ``required_sections`` option.
FULL_LENGTH = ("full_report", "thematic_review")
EXCERPT = "excerpt"
DEFAULT_REQUIRED = [
    "introduction", "methodology", "analysis", "findings", "recommendations",
]


@hookimpl
def scr_addoption(parser: OptionParser) -> None:
    parser.add_option(
        NAMESPACE, "required_sections", list, DEFAULT_REQUIRED,
        "Canonical sections every report must have: any of introduction, "
        "terms_of_reference, methodology, family_involvement, analysis, findings, "
        "recommendations, executive_summary, glossary, or a name given in 'headings'.",
    )
    parser.add_option(
        NAMESPACE, "summary_words", int, 5000,
        "Reports longer than this many words should have an executive summary.",
    )


@hookimpl
def scr_configure(config: Config) -> None:
    known = set(section_catalogue()) | set(config.option("", "headings"))
    for name in config.option(NAMESPACE, "required_sections"):
        if name not in known:
            source = config.path or "configuration"
            raise ConfigError(
                f"{source}: 'structure.required_sections' names an unknown section "
                f"{name!r} (known: {', '.join(sorted(known))}; add others under 'headings')"
            )


@hookimpl
def scr_register_rules() -> list:
    return RULES


@hookimpl
def scr_check_document(context: CheckContext) -> Iterator[Finding]:
    outline = Outline.of(context)
    yield from _completeness(outline, context)
    yield from _required_sections(outline, context)
    yield from _findings_identifiable(outline, context)
    yield from _numbering(outline, context)
    yield from _heading_levels(outline, context)
    yield from _executive_summary(outline, context)


def _completeness(outline: Outline, context: CheckContext) -> Iterator[Finding]:
    """Say once that the file is part of a report, not once per absent section."""
    kind = outline.kind
    if kind.whole or kind.name == EXCERPT:
        return
    yield context.finding(
        INCOMPLETE_REPORT,
        f"This file holds only part of the report: {kind.why_not_whole}. Checks that need "
        "the whole report were not run.",
        suggestion="check the whole report, or set kind = \"excerpt\" if this is meant "
        "to be an extract",
        missing=list(kind.missing),
    )


def _required_sections(outline: Outline, context: CheckContext) -> Iterator[Finding]:
    labels = section_catalogue()
    kind = outline.kind
    required = (context.option(NAMESPACE, "required_sections")
                if kind.name in FULL_LENGTH else kind.required)
    for key in required:
        if key not in outline.kinds:
            label = labels.get(key, {}).get("label", key)
            yield context.finding(
                REQUIRED_SECTION,
                f"No '{label}' section: no heading was recognised as one"
                + (f" (a {kind.label} needs one)." if kind.name not in FULL_LENGTH else "."),
                suggestion="add a section with a heading such as "
                f"'{label.split(' / ')[0]}'",
            )


def _findings_identifiable(outline: Outline, context: CheckContext) -> Iterator[Finding]:
    for section in outline.sections_of_kind("findings"):
        if "recommendations" in section.kinds or section.within("executive_summary"):
            continue
        if section.parent is not None and section.parent.within("findings"):
            continue
        items = [item for item in outline.findings if section.contains(item.block)]
        if items and any(item.form != "paragraph" for item in items):
            continue
        how = "are plain paragraphs, with no number or title" if items else (
            "are not numbered or titled")
        yield context.finding(
            FINDINGS_NOT_IDENTIFIABLE,
            f"The findings in '{section.name}' {how}, so a reader cannot tell where one "
            "finding ends and the next begins.",
            section.title,
            suggestion="start each finding with 'Finding 1:' or give it a sub-heading",
        )
    for section in outline.sections_of_kind("recommendations"):
        if section.within("executive_summary") or (
                section.parent is not None and section.parent.within("recommendations")):
            continue
        items = [item for item in outline.recommendations if section.contains(item.block)]
        if not items or any(item.identifiable for item in items):
            continue
        form = {"paragraph": "plain paragraphs", "list": "an unnumbered list",
                "row": "rows of a table without a number column"}[items[0].form]
        yield context.finding(
            RECOMMENDATIONS_NOT_IDENTIFIABLE,
            f"The {len(items)} recommendation{'s' if len(items) != 1 else ''} in "
            f"'{section.name}' {'are' if len(items) != 1 else 'is'} {form}: a partnership "
            "cannot report progress on each by number.",
            section.title,
            suggestion="number them ('Recommendation 1: ...', a numbered list or a 'No.' "
            "column)",
        )


def _numbering(outline: Outline, context: CheckContext) -> Iterator[Finding]:
    previous: numbering.Number | None = None
    seen: dict[numbering.Number, TextBlock] = {}
    for block in outline.blocks:
        text = outline.number_of(block)
        if not text or block.in_table or block.in_list:
            continue  # numbered first: most blocks need not climb the tree
        current = numbering.parse(text)
        problem = ""
        if current in seen:
            problem = f"Paragraph number {text} is used twice (first {_where(seen[current])})."
        elif previous is not None and current < previous:
            problem = (f"Paragraph number {text} comes after {numbering.show(previous)}: "
                       "the numbering goes backwards.")
        elif previous is not None and not numbering.follows(previous, current):
            missing = numbering.show(numbering.expected(previous, current))
            problem = (f"Paragraph number {text} follows {numbering.show(previous)}: "
                       f"{missing} is missing.")
        if problem:
            start = block.text.find(text)
            span = (start, start + len(text)) if start >= 0 else (0, None)
            yield context.finding(PARAGRAPH_NUMBERING, problem, block, *span)
        seen.setdefault(current, block)
        previous = current


def _where(block) -> str:
    location = block.location(0, 0)
    if location.line is not None:
        return f"line {location.line}"
    return location.describe() or f"paragraph {block.index}"


#: Formats whose heading levels are guessed by the reader (from capitals,
#: numbering or font sizes), not set by the author: a skipped level there is
#: the guess's, not the report's.
GUESSED_LEVELS = frozenset({"text", "pdf"})


def _heading_levels(outline: Outline, context: CheckContext) -> Iterator[Finding]:
    if context.report.format in GUESSED_LEVELS:
        context.not_checked(HEADING_LEVEL_SKIPPED.id, "plain text and PDF give no heading "
                            "levels, only the reader's guesses")
        return
    previous = 0
    for section in outline.sections:
        if section.level > previous + 1 and previous:
            yield context.finding(
                HEADING_LEVEL_SKIPPED,
                f"Heading '{section.name}' is at level {section.level} straight after "
                f"level {previous}.",
                section.title,
                suggestion=f"make it a level {previous + 1} heading",
            )
        previous = section.level


def _executive_summary(outline: Outline, context: CheckContext) -> Iterator[Finding]:
    if "executive_summary" in outline.kinds:
        return  # the words are counted only for a report without one
    limit = context.option(NAMESPACE, "summary_words")
    words = sum(len(b.text.split()) for b in context.blocks if not b.is_heading)
    if words > limit:
        yield context.finding(
            EXECUTIVE_SUMMARY,
            f"The report has {words:,} words but no executive summary "
            f"(expected above {limit:,} words).",
            suggestion="add an 'Executive summary' section near the start",
        )
