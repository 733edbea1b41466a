"""Which rules a selection runs."""

from __future__ import annotations

from scr_checks.rules import Selection


def test_an_empty_selection_runs_every_rule():
    assert "SCR101" in Selection()


def test_the_longest_matching_prefix_decides():
    selection = Selection(select=("SCR7", "SCR701"), ignore=("SCR7",))
    assert "SCR701" in selection
    assert "SCR702" not in selection
    assert "SCR101" not in selection  # a select that names other rules leaves it out
