"""Linkage checker: can a reader follow evidence -> finding -> recommendation? (question 5)

Also publishes the linkage map as ``extras["linkage"]`` in the JSON output.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from scr_checks import (
    CheckContext,
    Finding,
    Outline,
    Reference,
    WordList,
    hookimpl,
    shipped_file,
)
from scr_plugins.linkage import linkmap
from scr_plugins.linkage.rules import (
    BROKEN_REFERENCE,
    NO_METHOD,
    ORPHAN_ANALYSIS,
    RULES,
    UNCITED_FINDING,
)

#: Sections where a report says how the review was done.
METHOD_KINDS = ("methodology", "terms_of_reference", "introduction")


@hookimpl
def scr_register_rules() -> list:
    return RULES


@cache
def sources() -> WordList:
    return WordList.load(shipped_file(__package__, "data", "sources.tsv"))


@hookimpl
def scr_check_document(context: CheckContext) -> Iterator[Finding]:
    outline = Outline.of(context)
    context.extras["linkage"] = linkmap.build(outline, context.blocks)
    if not outline.findings:
        context.not_checked([UNCITED_FINDING.id, ORPHAN_ANALYSIS.id], "no findings were recognised")
    yield from _uncited(outline, context)
    yield from _broken(outline, context)
    yield from _method(outline, context)
    yield from _orphans(outline, context)


def _uncited(outline: Outline, context: CheckContext) -> Iterator[Finding]:
    for item in outline.findings:
        if not any(ref.kind in ("paragraph", "section", "link")
                   for ref in outline.references_of(item)):
            yield context.finding(
                UNCITED_FINDING,
                f"{item.label} cites no paragraph or section of the analysis, so the "
                "reader must take it on trust.",
                item.block, item.start, item.end,
                suggestion="cite the analysis it rests on, e.g. '(see paragraph 4.2)'",
            )


def _broken(outline: Outline, context: CheckContext) -> Iterator[Finding]:
    for block in outline.blocks:
        answering = outline.item_of(block)
        for ref in outline.references(block):
            if ref.kind == "finding" and answering is not None and (
                    answering.kind == "recommendation"):
                continue  # a recommendation answering no finding is SCR305's
            if not outline.resolve(ref):
                yield context.finding(BROKEN_REFERENCE, _broken_message(ref),
                                      block, ref.start, ref.end)


def _broken_message(ref: Reference) -> str:
    """What a reference names and that nothing has that name: a number is quoted
    with its kind ('paragraph 9.9'), as the report wrote it."""
    if ref.kind == "link":
        return f"The link '{ref.text}' points to no section of this report."
    kind = ref.kind.capitalize() if ref.kind in ("finding", "recommendation") else ref.kind
    named = f"{kind} {ref.text}"
    return f"The reference to {named} points nowhere: this report has no {named}."


def _method(outline: Outline, context: CheckContext) -> Iterator[Finding]:
    sections = [s for kind in METHOD_KINDS for s in outline.sections_of_kind(kind)]
    words = sources()
    for section in sections:
        if any(True for b in section.blocks for _ in words.finditer(b)):
            return
    method = outline.sections_of_kind("methodology")
    if method:
        yield context.finding(
            NO_METHOD,
            f"The section '{method[0].name}' does not say what the review drew on "
            "(records, agency reports, conversations with practitioners or the family).",
            method[0].title,
            suggestion="list the review's sources and how they were used",
        )
    else:
        yield context.finding(
            NO_METHOD,
            "No methodology section says how the review was done or what it drew on.",
            suggestion="add a 'Methodology' section listing the review's sources",
        )


def _orphans(outline: Outline, context: CheckContext) -> Iterator[Finding]:
    if not outline.findings:
        return
    cited = set()
    for item in outline.findings:
        for ref in outline.references_of(item):
            for target in outline.resolve(ref):
                theme = outline.theme_of(target)
                if theme is not None:
                    cited.add(id(theme))
    for theme in outline.themes:
        if id(theme) not in cited:
            yield context.finding(
                ORPHAN_ANALYSIS,
                f"No finding cites the analysis in '{theme.name}': it leads to no finding.",
                theme.title,
                suggestion="cite it from the finding it supports, or cut or move it",
            )
