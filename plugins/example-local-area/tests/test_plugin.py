"""Northshire's checks, run through the real scr-checks pipeline.

``autoload=False`` with ``plugins=[...]`` loads this plugin and no other
installed one (the built-ins still load), and ``select`` keeps its rules, so
the tests see its findings alone and pass whether or not it is installed.
"""

from __future__ import annotations

from scr_checks.testing import check_text, findings_of

PLUGIN = ["scr_northshire.plugin"]

REPORT = """\
1. Introduction
===============

The family were described as hard to reach by the
safeguarding hub.

9. Learning for Northshire
==========================

The partnership will act on this review.
"""


def run(text, **config):
    """A short text stands for a whole report, so that whole-report rules run on it."""
    return check_text(text, plugins=PLUGIN, autoload=False,
                      config={"select": ["NSH"], "kind": "full_report", **config})


def test_house_terms_are_found_where_they_are():
    found = findings_of(run(REPORT), "NSH701")
    assert [(f.location.line, f.location.column, f.location.end_line, f.location.end_column,
             f.snippet, f.suggestion) for f in found] == [
        (4, 30, 4, 43, "hard to reach", "not reached by services"),
        (5, 1, 5, 17, "safeguarding hub", "Northshire Front Door"),
    ]
    assert found[0].message.startswith("Northshire reports avoid 'hard to reach'.")


def test_extra_terms_come_from_the_configuration():
    text = REPORT.replace("The partnership", "The LADO")
    found = findings_of(run(text, northshire={"extra_terms": {"LADO": "the designated officer"}}),
                        "NSH701")
    assert [(f.location.line, f.location.column, f.suggestion) for f in found][-1] == (
        10, 5, "the designated officer")


def test_numbered_learning_section_satisfies_the_document_check():
    assert findings_of(run(REPORT), "NSH101") == []


def test_missing_learning_section_is_reported_at_the_start():
    text = REPORT.replace("9. Learning for Northshire", "9. What happens next     ")
    found = findings_of(run(text), "NSH101")
    assert [(f.message, f.location.line, f.location.column) for f in found] == [
        ("No 'Learning for Northshire' section.", 1, 1)
    ]


def test_learning_section_is_not_asked_of_a_file_holding_part_of_a_report():
    text = REPORT.replace("9. Learning for Northshire", "9. What happens next     ")
    assert findings_of(run(text, kind="excerpt"), "NSH101") == []


def test_the_heading_is_configurable():
    text = REPORT.replace("9. Learning for Northshire", "9. What happens next     ")
    found = findings_of(run(text, northshire={"learning_section": "What happens next"}),
                        "NSH101")
    assert found == []


def test_each_rule_flags_its_bad_example_and_not_its_good_one():
    """The examples are rule data: ``scr-checks rule NSH701`` and the docs show them."""
    from scr_northshire.plugin import HOUSE_TERM, LEARNING_SECTION

    for rule in (HOUSE_TERM, LEARNING_SECTION):
        assert findings_of(run(rule.bad_example + "\n"), rule.id)
        assert not findings_of(run(rule.good_example + "\n"), rule.id)
