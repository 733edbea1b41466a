"""Each rule's precision (rule data) agrees with its documented blind-set figures."""

from __future__ import annotations

from pathlib import Path

import regex

from scr_checks.testing import make_session

ROOT = Path(__file__).resolve().parents[2]
ROW = regex.compile(r"   \* - (?P<rule>SCR\d{3})\n     - (?P<set>.*)\n     -(?P<found>.*)\n"
                    r"     -(?P<right>.*)\n     -(?P<ratio>.*)\n     - (?P<level>\S+)\n")


def level(found: int, right: int) -> str:
    """The documented mapping from a rule's blind-set figures to SARIF's words."""
    share = right / found if found else 0.0
    if found >= 10 and share >= 0.95:
        return "very-high"
    if found >= 3 and share >= 0.90:
        return "high"
    if found >= 3 and share < 0.70:
        return "low"
    return "medium"


def test_every_rule_has_the_precision_its_figures_give():
    text = (ROOT / "docs" / "evaluation.rst").read_text(encoding="utf-8")
    table = {m["rule"]: m for m in ROW.finditer(text)}
    rules = list(make_session().rules)
    assert set(table) == {rule.id for rule in rules}
    for rule in rules:
        row = table[rule.id]
        found = int(row["found"] or 0)
        right = int(regex.sub(r"\D", "", row["right"].split("[")[0]) or 0)
        assert row["level"] == rule.precision == level(found, right), rule.id
        if found:
            assert row["ratio"].strip() == f"{right / found:.2f}"
