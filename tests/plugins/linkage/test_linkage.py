"""Linkage rules SCR501-SCR504 and the linkage map."""

from __future__ import annotations

import pytest

from scr_checks.testing import check_text, findings_of

REPORT = """\
3. Methodology
==============

3.1 The review read agency records and spoke to practitioners.

4. Analysis
===========

4.1 Referrals
-------------

4.1.1 The referral form had no field for health observations.

4.2 Supervision
---------------

4.2.1 Supervision was cancelled twice.

5. Findings
===========

Finding 1: Referral forms lose health observations
--------------------------------------------------

5.1 The form loses what health visitors see (see paragraph 4.1.1).

6. Recommendations
==================

6.1 Recommendation 1: The Partnership should change the form (Finding 1).
"""


def run(text: str, *rules: str, **config):
    result = check_text(text, config={"select": list(rules or ["SCR5"]), **config})
    assert not result.files[0].errors
    return result


def test_uncited_finding_points_at_its_label():
    text = REPORT.replace(" (see paragraph 4.1.1)", "")
    (finding,) = findings_of(run(text, "SCR501"), "SCR501")
    loc = finding.location
    assert (loc.line, loc.column, loc.end_column) == (22, 1, 10)


@pytest.mark.parametrize("citation", ["(para 4.1.1)", "(4.1.1)", "(see section 4.1)",
                                      "(see `4.1 Referrals`_)"])
def test_each_form_of_citation_counts(citation):
    text = REPORT.replace("(see paragraph 4.1.1)", citation)
    assert findings_of(run(text, "SCR501", "SCR502"), "SCR501") == []
    assert findings_of(run(text, "SCR502"), "SCR502") == []


def test_broken_reference_points_at_the_number():
    text = REPORT.replace("4.1.1).", "4.1.7).")
    (finding,) = findings_of(run(text, "SCR502"), "SCR502")
    loc = finding.location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (25, 60, 25, 65)
    assert finding.snippet == "4.1.7"
    assert finding.message == ("The reference to paragraph 4.1.7 points nowhere: this "
                               "report has no paragraph 4.1.7.")


def test_a_broken_reference_to_a_finding_is_quoted_as_the_report_labels_it():
    text = REPORT.replace("4.1.1).", "4.1.1, Finding 9).")
    messages = [f.message for f in findings_of(run(text, "SCR502"), "SCR502")]
    assert messages == ["The reference to Finding 9 points nowhere: this report has no "
                        "Finding 9."]


def test_a_recommendation_answering_a_missing_finding_is_its_own_problem():
    text = REPORT.replace("(Finding 1)", "(Finding 3)")
    result = run(text, "SCR502", "SCR305")
    assert findings_of(result, "SCR502") == []
    (finding,) = findings_of(result, "SCR305")
    assert finding.snippet == "3"
    assert (finding.location.line, finding.location.column) == (30, 71)
    assert finding.message == "Recommendation 1 answers Finding 3, which this report does not have."


def test_other_documents_and_statutory_sections_are_not_our_references():
    text = REPORT.replace(
        "had no field for health observations.",
        "had no field (section 5 of Working Together); a section 47 enquiry followed.")
    assert findings_of(run(text, "SCR502"), "SCR502") == []


def test_methodology_without_sources_and_no_methodology():
    bare = REPORT.replace("read agency records and spoke to practitioners", "was thorough")
    (finding,) = findings_of(run(bare, "SCR503"), "SCR503")
    assert (finding.location.line, finding.location.column) == (1, 1)
    assert "'3. Methodology' does not say what the review drew on" in finding.message
    gone = REPORT.replace("3. Methodology\n==============", "3. Timeline\n===========")
    (finding,) = findings_of(run(gone.replace("read agency records and spoke to practitioners",
                                              "was thorough"), "SCR503"), "SCR503")
    assert finding.message.startswith("No methodology section")
    assert findings_of(run(REPORT, "SCR503"), "SCR503") == []


def test_analysis_theme_no_finding_cites():
    (finding,) = findings_of(run(REPORT, "SCR504"), "SCR504")
    assert "'4.2 Supervision'" in finding.message
    assert (finding.location.line, finding.location.column) == (14, 1)


def test_linkage_map_follows_finding_to_analysis_to_recommendation():
    linkage = run(REPORT).files[0].extras["linkage"]
    (finding,) = linkage["findings"]
    assert finding["label"] == "Finding 1"
    assert finding["location"] == {"line": 22, "paragraph_index": 9}
    assert finding["cites"] == [{"reference": "4.1.1", "kind": "paragraph", "resolved": True,
                                 "paragraphs": ["4.1.1"], "themes": ["4.1 Referrals"]}]
    assert finding["recommendations"] == ["Recommendation 1"]
    assert linkage["recommendations"][0]["findings"] == ["Finding 1"]
    assert [(a["theme"], a["cited_by"]) for a in linkage["analysis"]] == [
        ("4.1 Referrals", ["Finding 1"]), ("4.2 Supervision", [])]
