"""The plugin scr-checks loads through the ``scr_checks.plugins`` entry point.

Two checks show the two kinds of hook: ``scr_check_node`` reads one block of
prose at a time (house terms); ``scr_check_document`` looks at the whole
report (a required section).
"""

from __future__ import annotations

import re
from functools import cache

from scr_checks import (
    CheckContext,
    Finding,
    OptionParser,
    Rule,
    Severity,
    TextBlock,
    WordEntry,
    WordList,
    hookimpl,
    shipped_file,
)

#: The table of this plugin's options in scr-checks.toml: ``[northshire]``.
NAMESPACE = "northshire"

HOUSE_TERM = Rule(
    id="NSH701",
    name="house-term",
    short="Use the partnership's agreed wording.",
    full=(
        "Northshire's partnership agreed a list of words its reports avoid, because "
        "they label families or name services inaccurately."
    ),
    fix="Replace the word with the suggested wording.",
    severity=Severity.WARNING,
    question=7,
    tags=("northshire", "tone"),
    bad_example="The family were hard to reach.",
    good_example="The family were not reached by services.",
)

LEARNING_SECTION = Rule(
    id="NSH101",
    name="learning-section",
    short="The report needs the partnership's learning section.",
    full=(
        "Northshire's reports end with a section that says what the partnership "
        "will do with the learning, under an agreed heading, so readers find it."
    ),
    fix="Add a section with the agreed heading (option northshire.learning_section).",
    severity=Severity.WARNING,
    question=1,
    tags=("northshire", "structure"),
    # It says what a report lacks: not said of a file that holds only part of one.
    whole_report=True,
    bad_example="Conclusion\n==========\n\nThe partnership will act on this review.",
    good_example=("Learning for Northshire\n=======================\n\n"
                  "The partnership will act on this review."),
)


#: A heading's own number, which the learning section's heading may carry ("9. ").
SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+")


@hookimpl
def scr_addoption(parser: OptionParser) -> None:
    parser.add_option(
        NAMESPACE, "extra_terms", dict, {},
        "More house terms: a table of term = preferred wording.",
    )
    parser.add_option(
        NAMESPACE, "learning_section", str, "Learning for Northshire",
        "The heading the learning section must have (case does not matter).",
    )


@hookimpl
def scr_register_rules() -> list[Rule]:
    return [HOUSE_TERM, LEARNING_SECTION]


@cache
def house_terms(extra: tuple[tuple[str, str], ...]) -> WordList:
    """The shipped list plus the configured terms, compiled once per run's settings."""
    words = WordList.load(shipped_file(__package__, "data", "house_terms.tsv"))
    return words.extend(
        WordEntry(pattern=term, category="local", suggestion=better) for term, better in extra
    )


@hookimpl
def scr_check_node(block: TextBlock, context: CheckContext) -> list[Finding]:
    extra = tuple(sorted(context.option(NAMESPACE, "extra_terms").items()))
    return [
        context.finding(
            HOUSE_TERM.id,
            f"Northshire reports avoid '{match.text}'. {match.entry.why}".rstrip(),
            block, match.start, match.end,
            suggestion=match.entry.suggestion,
        )
        for match in house_terms(extra).finditer(block)
    ]


@hookimpl
def scr_check_document(context: CheckContext) -> list[Finding]:
    wanted = context.option(NAMESPACE, "learning_section")
    headings = {
        SECTION_NUMBER.sub("", " ".join(b.text.split())).casefold()
        for b in context.blocks if b.is_heading
    }
    if wanted.casefold() in headings:
        return []
    return [context.finding(LEARNING_SECTION.id, f"No '{wanted}' section.")]
