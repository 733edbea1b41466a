"""Suggestions for a name that matches nothing."""

from __future__ import annotations

import pytest

from scr_checks.suggest import did_you_mean

RULES = ["SCR201", "SCR202", "SCR219", "SCR701", "SCR702"]


@pytest.mark.parametrize(("given", "known", "suggestion"), [
    ("scr7", RULES, "; did you mean 'SCR7'?"),
    ("SCR2O1", RULES, "; did you mean 'SCR201'?"),
    ("fail_levl", ["fail_level", "format", "timeout"], "; did you mean 'fail_level'?"),
    ("SCR9", ["SCR1", "SCR2", "SCR8"], ""),  # equally near to several: no guess
    # ... unless they share its family: they are named.
    ("SCR799", RULES, "; did you mean one of 'SCR701', 'SCR702'?"),
    ("SCR799", [f"SCR70{n}" for n in range(1, 8)], "; did you mean a rule starting 'SCR70'?"),
    ("zzz", RULES, ""),
])
def test_the_nearest_name_or_none(given, known, suggestion):
    assert did_you_mean(given, known) == suggestion
