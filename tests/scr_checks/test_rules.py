"""Which rules a selection runs."""

from __future__ import annotations

import pytest

from scr_checks.rules import Selection


def test_an_empty_selection_runs_every_rule():
    assert "SCR101" in Selection()


def test_the_longest_matching_prefix_decides():
    selection = Selection(select=("SCR7", "SCR701"), ignore=("SCR7",))
    assert "SCR701" in selection
    assert "SCR702" not in selection
    assert "SCR101" not in selection  # a select that names other rules leaves it out


def test_a_plugin_rule_without_a_link_has_none_and_a_built_in_rule_links_to_the_docs():
    from scr_checks import Rule
    from scr_checks.formatters.sarif import rule_descriptor

    local = Rule("WMS701", "house-term", "Short.", "Full.", "warning", 7)
    built_in = Rule("SCR799", "example-rule", "Short.", "Full.", "warning", 7)
    linked = Rule("WMS702", "house-term-two", "Short.", "Full.", "warning", 7,
                  help_uri="https://example.org/rules#wms702")
    assert local.help_uri == "" and "helpUri" not in rule_descriptor(local)
    assert built_in.help_uri.endswith("rules.html#scr799")
    assert rule_descriptor(linked)["helpUri"] == "https://example.org/rules#wms702"


def test_a_rule_behaves_as_the_frozen_dataclass_it_was(like_dataclass):
    from scr_checks.rules import Rule, RuleError, Severity

    def make(cls):
        return cls("WMS701", "house-term", "Short.", "Full.", Severity.WARNING, 7,
                   tags=("style",), precision="high")

    like_dataclass(Rule, make, lambda cls: cls("WMS701", "house-term", "Short.", "Full.",
                                               Severity.WARNING, 7, tags=("tone",)))
    # The checks and conversions __post_init__ made still happen on construction.
    built_in = Rule("SCR799", "example-rule", "Short.", "Full.", "warning", 7)
    assert built_in.severity is Severity.WARNING and built_in.help_uri.endswith("#scr799")
    with pytest.raises(RuleError, match="kebab-case"):
        Rule("WMS701", "House Term", "Short.", "Full.", Severity.WARNING, 7)
