"""Explanation checker: do findings explain practice, not only describe it? (question 4)

A finding counts as explanatory when its text uses any word of
``data/explanations.tsv`` (causal connectives, systemic factors, tools,
guidance, workload, culture, generalisation beyond the case).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources

from scr_checks import CheckContext, Finding, OptionParser, Outline, WordEntry, WordList, hookimpl
from scr_explanation.rules import RULES

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


@cache
def explanations(extra: tuple[str, ...]) -> WordList:
    shipped = WordList.load(resources.files(__package__).joinpath("data/explanations.tsv"))
    return shipped.extend(WordEntry(pattern, "local") for pattern in extra)


@hookimpl
def scr_check_document(context: CheckContext) -> Iterator[Finding]:
    words = explanations(tuple(context.option(NAMESPACE, "explanations")))
    for item in Outline.of(context).findings:
        if any(True for _ in words.finditer(item.text)):
            continue
        yield context.finding(
            "SCR401",
            f"{item.label} describes what happened but not why: it gives no causal or "
            "systemic explanation (such as the tools, guidance, workload, supervision or "
            "culture that shaped practice, or whether the issue is peculiar to this case).",
            item.block, item.start, item.end,
            suggestion="use the SCIE Learning Together format: state the systemic issue, "
            "how it showed in this case, how widespread it is and why it matters",
        )
