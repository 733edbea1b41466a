"""The quality-marker scorecard: each question met, needing attention, or not checked.

Computed by the core after every check of a file, so it reflects the final
findings (suppressed ones do not count) and which rules actually ran: a
question none of whose selected rules ran, because none was selected or its
plugin failed on this file, is "not checked", never "met".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from scr_checks.results import Finding
from scr_checks.rules import QUESTIONS, Rule

MET = "met"
NEEDS_ATTENTION = "needs attention"
NOT_CHECKED = "not checked"


def scorecard(
    findings: Iterable[Finding],
    rules: Iterable[Rule],
    failed_plugins: set[str],
    owner: Callable[[str], str],
) -> list[dict[str, Any]]:
    """One entry per question (1-7, then 8 for the knowledge-base items)."""
    ran = {rule.id: rule for rule in rules if owner(rule.id) not in failed_plugins}
    counts = Counter(f.rule_id for f in findings if not f.suppressed and f.rule_id in ran)
    card = []
    for question, title in QUESTIONS.items():
        checked = sorted(rule_id for rule_id, rule in ran.items() if rule.question == question)
        found = {rule_id: counts[rule_id] for rule_id in checked if counts[rule_id]}
        status = NOT_CHECKED if not checked else NEEDS_ATTENTION if found else MET
        card.append({
            "question": question,
            "title": title,
            "status": status,
            "rules": checked,
            "findings": found,
        })
    return card
