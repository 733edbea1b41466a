"""Reports written for Sphinx: :ref:, :numref: and :doc: parse cleanly."""

from __future__ import annotations

from scr_checks.testing import check_text, findings_of, rule_ids

REPORT = """\
Analysis
========

.. _sharing:

Information sharing
-------------------

4.1 The form had no field for health observations.

Findings
========

Finding 1: Forms do not carry observations
------------------------------------------

5.1 Because the form has no field for them, observations do not travel with
the referral (see :ref:`the analysis <sharing>`, :numref:`sharing` and
:doc:`appendix`).
"""


def test_sphinx_roles_are_not_markup_problems_and_the_citation_resolves():
    run = check_text(REPORT, config={"select": ["SCR100", "SCR501", "SCR502"]})
    assert rule_ids(run) == []


def test_a_reference_to_an_unknown_label_is_a_markup_problem_on_its_line():
    broken = REPORT.replace(":numref:`sharing`", ":numref:`no-such-label`")
    run = check_text(broken, config={"select": ["SCR100"]})
    (finding,) = findings_of(run, "SCR100")
    assert finding.message == 'Markup problem: Unknown target name: "no-such-label".'
    assert finding.location.line == 18


def test_a_dangling_plain_reference_is_reported_too():
    run = check_text("Intro\n=====\n\nSee `Nowhere`_ for more.\n", config={"select": ["SCR100"]})
    (finding,) = findings_of(run, "SCR100")
    assert "Unknown target name" in finding.message
    assert finding.location.line == 4
