"""The quality-marker scorecard: for each question, what was found and what was not looked at.

Computed by the core after every check of a file, so it reflects the final
findings (suppressed ones do not count) and which rules actually ran.  A
question is "no problems found" only when its rules looked and found
nothing; a rule that could not look (not selected, its plugin failed on
this file, the file holds only part of the report, nothing for it to read
such as no recognised recommendations) is listed as not checked, with the
reason, and a question none of whose rules looked is "not checked" (if none
of its rules was selected, that is the reason given, with no rules listed).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from scr_checks.results import Finding
from scr_checks.rules import QUESTIONS, Rule

NO_PROBLEMS = "no problems found"
NEEDS_ATTENTION = "needs attention"
NOT_CHECKED = "not checked"
#: Why a question whose rules were all left out by select/ignore was not checked.
NONE_SELECTED = "none of its rules is selected"


def scorecard(
    findings: Iterable[Finding],
    rules: Iterable[Rule],
    failed_plugins: set[str],
    owner: Callable[[str], str],
    unchecked: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """One entry per question (1-7, then 8 for the knowledge-base items).

    ``unchecked`` maps a rule id to why it could not check this file.
    """
    selected = list(rules)
    why: dict[str, str] = {}
    for rule in selected:
        if owner(rule.id) in failed_plugins:
            why[rule.id] = f"the {owner(rule.id)} plugin failed on this file"
        elif unchecked and rule.id in unchecked:
            why[rule.id] = unchecked[rule.id]
    counts = Counter(f.rule_id for f in findings if not f.suppressed)
    card = []
    for question, title in QUESTIONS.items():
        ids = sorted(rule.id for rule in selected if rule.question == question)
        ran = [rule_id for rule_id in ids if rule_id not in why]
        found = {rule_id: counts[rule_id] for rule_id in ran if counts[rule_id]}
        if found:
            status = NEEDS_ATTENTION
        elif not ran:
            status = NOT_CHECKED
        else:
            status = NO_PROBLEMS
        reasons: dict[str, list[str]] = {}
        for rule_id in ids:
            if rule_id in why:
                reasons.setdefault(why[rule_id], []).append(rule_id)
        if not ids:
            reasons[NONE_SELECTED] = []
        card.append({
            "question": question,
            "title": title,
            "status": status,
            "rules": ran,
            "findings": found,
            "not_checked": [{"rules": r, "reason": reason} for reason, r in reasons.items()],
        })
    return card


def rescored(card: list[dict[str, Any]], findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """``card`` again after some of its findings were suppressed (a baseline):
    the same rules looked, but only the findings still open count."""
    counts = Counter(f.rule_id for f in findings if not f.suppressed)
    out = []
    for entry in card:
        found = {rule_id: counts[rule_id] for rule_id in entry["rules"] if counts[rule_id]}
        status = NEEDS_ATTENTION if found else NO_PROBLEMS if entry["rules"] else NOT_CHECKED
        out.append({**entry, "findings": found, "status": status})
    return out


def run_scorecard(cards: Iterable[list[dict[str, Any]]], unread: int = 0) -> list[dict[str, Any]]:
    """The scorecard of a whole run, from each file's.

    A question needs attention if it does in any file, has no problems found
    if every file that checked it found none, and is not checked if no file
    checked it; ``unchecked_files`` counts the files that did not check it,
    ``unread`` files (that could not be read, so have no scorecard) among
    them, and each reason a rule was not checked says in how many files.
    """
    merged: dict[int, dict[str, Any]] = {}
    gaps: dict[int, Counter[tuple[tuple[str, ...], str]]] = {}
    for card in cards:
        for entry in card:
            question = entry["question"]
            total = merged.setdefault(question, {
                "question": question, "title": entry["title"], "status": NOT_CHECKED,
                "rules": [], "findings": Counter(), "unchecked_files": 0})
            total["findings"].update(entry["findings"])
            total["rules"] = sorted({*total["rules"], *entry["rules"]})
            if entry["status"] == NOT_CHECKED:
                total["unchecked_files"] += 1
            else:
                total["status"] = max(total["status"], entry["status"], key=_RANK.index)
            gaps.setdefault(question, Counter()).update(
                (tuple(gap["rules"]), gap["reason"]) for gap in entry.get("not_checked", ()))
    for question, total in merged.items():
        total["unchecked_files"] += unread
        total["findings"] = dict(sorted(total["findings"].items()))
        total["not_checked"] = [{"rules": list(rules), "reason": reason, "files": count}
                                for (rules, reason), count in gaps[question].items()]
    return [merged[question] for question in sorted(merged)]


#: Statuses from least to most telling, for merging files' scorecards.
_RANK = [NOT_CHECKED, NO_PROBLEMS, NEEDS_ATTENTION]
