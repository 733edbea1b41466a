"""SCR106: a suppression marker that covers nothing is reported, so it cannot go stale."""

from __future__ import annotations

import io

import docx

from scr_checks.pluginmanager import BUILTIN_PLUGINS
from scr_checks.testing import check_text, findings_of

SELECT = {"select": ["TST", "SCR106"]}

REPORT = """\
Intro
=====

.. scr-checks: disable=TST101 -- quoted

A flagme here.

.. scr-checks: disable=TST101

Nothing to see.

.. scr-checks: disable=TST1O1

Another flagme.

.. scr-checks: disable=SCR100

Markup problems would be here.
"""


def _unused(run):
    return [(f.location.line, f.location.column, f.location.end_column, f.message, f.suppressed)
            for f in findings_of(run, "SCR106")]


def test_unused_and_mistyped_markers_are_reported_at_their_line(flag_plugin):
    run = check_text(REPORT, plugins=[flag_plugin], autoload=False, config=SELECT)
    assert _unused(run) == [
        (8, 1, 30, "The marker 'scr-checks: disable=TST101' suppresses nothing; remove it, "
         "or correct its rule ids, so that it cannot hide a future problem", False),
        (12, 1, 30, "The marker 'scr-checks: disable=TST1O1' suppresses nothing: no rule's "
         "id begins 'TST1O1' (did you mean 'TST101'?); remove it, or correct its rule ids, "
         "so that it cannot hide a future problem", False),
    ]
    (unused, _) = findings_of(run, "SCR106")
    assert str(unused.severity) == "note"
    assert unused.snippet == ".. scr-checks: disable=TST101"


def test_marker_for_a_rule_that_did_not_run_is_left_alone(flag_plugin):
    """SCR100 did not run: in a full run its marker may well be used."""
    run = check_text(REPORT, plugins=[flag_plugin], autoload=False, config=SELECT)
    assert 16 not in [f.location.line for f in findings_of(run, "SCR106")]


def test_nothing_is_reported_unless_scr106_runs(flag_plugin):
    run = check_text(REPORT, plugins=[flag_plugin], autoload=False, config={"select": ["TST"]})
    assert findings_of(run, "SCR106") == []


def test_a_marker_made_redundant_by_a_section_marker_still_counts_as_used(flag_plugin):
    text = ("Intro\n=====\n\n.. scr-checks: disable-section=TST\n\n"
            ".. scr-checks: disable=TST101 -- quoted\n\nA flagme.\n")
    run = check_text(text, plugins=[flag_plugin], autoload=False, config=SELECT)
    assert findings_of(run, "SCR106") == []
    assert [f.suppressed for f in findings_of(run, "TST101")] == [True]


def test_a_disable_everything_marker_cannot_suppress_its_own_report(flag_plugin):
    text = "Intro.\n\n.. scr-checks: disable\n\nClean text.\n"
    # The built-ins blocked: a marker naming every rule is reported only when
    # every rule ran, and here every rule is the core's and the test plugin's.
    run = check_text(text, plugins=[flag_plugin], autoload=False,
                     blocked=list(BUILTIN_PLUGINS), config={"select": ["TST", "SCR1"]})
    assert _unused(run) == [(3, 1, 23, "The marker 'scr-checks: disable' suppresses nothing; "
                             "remove it, or correct its rule ids, so that it cannot hide a "
                             "future problem", False)]


def test_markdown_marker_is_reported_too(flag_plugin):
    text = "# Intro\n\n<!-- scr-checks: disable-section=TST -->\n\nClean text.\n"
    run = check_text(text, suffix=".md", plugins=[flag_plugin], autoload=False, config=SELECT)
    assert [(f.location.line, f.message.split(" suppresses")[0])
            for f in findings_of(run, "SCR106")] == [
        (3, "The marker 'scr-checks: disable-section=TST'")]


def test_word_comment_marker_is_reported_at_its_paragraph(flag_plugin):
    document = docx.Document()
    document.add_heading("Analysis", level=1)
    used = document.add_paragraph("A flagme moment.")
    stale = document.add_paragraph("Clean now.")
    document.add_comment(used.runs, text="scr-checks: disable=TST101")
    document.add_comment(stale.runs, text="scr-checks: disable=TST101 -- old")
    out = io.BytesIO()
    document.save(out)
    run = check_text(out.getvalue(), suffix=".docx", plugins=[flag_plugin], autoload=False,
                     config=SELECT)
    assert [(f.location.paragraph_index, f.location.line, f.snippet)
            for f in findings_of(run, "SCR106")] == [(3, None, "")]
