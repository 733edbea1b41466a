"""Explanation checker: do findings explain practice, not only describe it? (question 4)

A finding counts as explanatory when it gives a cause ("because", "as a
result of") or a systemic account: a tool, guidance or condition of work
that it says something about ("the protocol did not cover ...", "there was no
guidance"), not one it only names as not followed ("did not follow the
protocol").  See :mod:`scr_plugins.explanation.evidence`.
"""

from __future__ import annotations

from collections.abc import Iterator

from scr_checks import CheckContext, Finding, OptionParser, Outline, hookimpl
from scr_plugins.explanation.evidence import judge, lexicon
from scr_plugins.explanation.rules import DESCRIBES_ONLY, RULES

NAMESPACE = "explanation"


@hookimpl
def scr_addoption(parser: OptionParser) -> None:
    parser.add_option(
        NAMESPACE, "explanations", list, [],
        "Extra patterns that count as explaining practice (e.g. a local model's terms).",
    )


@hookimpl
def scr_register_rules() -> list:
    return RULES


@hookimpl
def scr_check_document(context: CheckContext) -> Iterator[Finding]:
    lex = lexicon(tuple(context.option(NAMESPACE, "explanations")))
    findings = Outline.of(context).findings
    if not findings:
        context.not_checked([r.id for r in RULES], "no findings were recognised")
    for item in findings:
        verdict = judge((b.text for b in item.blocks), lex)
        if verdict.explained:
            continue
        named = ""
        if verdict.omitted:
            named = (f"it names {_and(verdict.omitted)} only as something that was or was "
                     "not followed or used, which is description; ")
        yield context.finding(
            DESCRIBES_ONLY,
            f"{item.label} describes what happened but not why: {named}it gives no cause "
            "(such as 'because', 'as a result of', 'which meant that') and no systemic "
            "account (the tools, guidance, workload, supervision or culture that shaped "
            "practice, or whether the issue is peculiar to this case).",
            item.block, item.start, item.end,
            suggestion="use the SCIE Learning Together format: a title that states the "
            "systemic issue, then 'How did the issue manifest in this case?', 'How do we "
            "know it is not peculiar to this case?', 'How widespread is the pattern?' and "
            "'Why does it matter?'",
        )


def _and(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
