"""Every rule's own examples (rule data) behave as the docs say they do.

The bad example is flagged by its rule and the good one is not, run with
every rule and the defaults, as ``scr-checks check`` would.  A new rule
fails here until it is given both.
"""

import pytest

from scr_checks.testing import check_text, make_session

RULES = list(make_session().rules)

#: Each example stands for a whole report, so rules that need one run on it.
WHOLE = {"kind": "full_report"}

#: The configuration each rule's examples run with, where not ``WHOLE``.
CONFIG = {
    # The default limit is too large for a short example; the docs say the
    # limit is an option, and the examples show the shape at a lower one.
    "SCR105": {**WHOLE, "structure": {"summary_words": 20}},
    # The examples are about whether the file holds the whole report.
    "SCR107": {},
}




def suffix(example: str) -> str:
    """The format an example is written in: HTML, Markdown or reST."""
    if example.lstrip().startswith("<"):
        return ".html"
    return ".md" if example.startswith("# ") else ".rst"


def flagged(rule_id: str, example: str) -> bool:
    run = check_text(example + "\n", suffix=suffix(example),
                     config=CONFIG.get(rule_id, WHOLE))
    assert not run.errors, run.errors
    return any(f.rule_id == rule_id and not f.suppressed for f in run.findings)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_rule_has_both_examples(rule):
    assert rule.bad_example and rule.good_example


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_the_bad_example_is_flagged_and_the_good_one_is_not(rule):
    assert flagged(rule.id, rule.bad_example)
    assert not flagged(rule.id, rule.good_example)
