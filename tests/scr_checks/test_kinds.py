"""Kinds of document, and a file that holds only part of a report."""

from __future__ import annotations

import textwrap

import pytest

from scr_checks.testing import check_paths, check_text, rule_ids

FULL = "".join(f"{title}\n{'=' * len(title)}\n\nText about {title.lower()}.\n\n" for title in (
    "Introduction", "Methodology", "Analysis", "Findings", "Recommendations"))


def card(run) -> dict[int, dict]:
    return {entry["question"]: entry for entry in run.files[0].extras["scorecard"]}


def test_an_opening_whose_contents_page_promises_more_gets_one_finding():
    run = check_text(textwrap.dedent("""\
        Serious Case Review: Child K

        Contents

        1. Introduction .............. 3

        2. Methodology ............... 4

        3. Analysis .................. 6

        4. Findings .................. 12

        5. Recommendations ........... 14

        1. Introduction

        1.1 The review was commissioned after Child K was injured at home.
        """), suffix=".txt")
    assert rule_ids(run).count("SCR107") == 1
    assert "SCR101" not in rule_ids(run)
    (finding,) = [f for f in run.findings if f.rule_id == "SCR107"]
    assert "contents page lists Analysis, Findings, Methodology and Recommendations" in (
        finding.message)
    gaps = card(run)[1]["not_checked"]
    assert gaps and gaps[0]["rules"] == ["SCR101", "SCR105"]
    assert gaps[0]["reason"] == "the file holds only part of the report"


def test_a_few_paragraphs_without_sections_are_part_of_a_report():
    run = check_text("The review was commissioned after Child K was injured at home. "
                     "It met four times.\n")
    assert rule_ids(run).count("SCR107") == 1
    assert not {"SCR101", "SCR503", "SCR801", "SCR602"} & set(rule_ids(run))


def test_a_fragment_s_finding_keeps_its_fingerprint_when_a_paragraph_is_added(tmp_path):
    opening = "The review was commissioned after Child K was injured at home.\n"
    path = tmp_path / "k.rst"
    runs = []
    for text in (opening, opening + "\nIt met four times in 2020.\n"):
        path.write_text(text, encoding="utf-8")
        runs.append(check_paths([path], config={"select": ["SCR107"]}).findings)
    before, after = runs
    assert [f.fingerprint for f in before] == [f.fingerprint for f in after]
    assert "fewer than 3,000 words of text" in before[0].message


def test_a_whole_report_gets_no_completeness_finding():
    run = check_text(FULL, config={"select": ["SCR101", "SCR105", "SCR107"]})
    assert rule_ids(run) == []


def test_an_excerpt_set_in_the_configuration_is_not_reported_but_not_checked_either():
    run = check_text("The review met four times.\n", config={"kind": "excerpt"})
    assert "SCR107" not in rule_ids(run)
    reasons = [gap["reason"] for gap in card(run)[1]["not_checked"]]
    assert reasons == ["set as an excerpt in the configuration"]


def test_the_configuration_can_say_a_short_file_is_a_whole_report():
    run = check_text("Introduction\n============\n\nText.\n",
                     config={"kind": "full_report", "select": ["SCR101", "SCR107"]})
    assert rule_ids(run).count("SCR101") == 4
    assert "SCR107" not in rule_ids(run)


@pytest.mark.parametrize(("title", "kind_needs"), [
    ("Seven minute briefing: Child K", ["Findings"]),
    ("Executive Summary", ["Findings", "Recommendations"]),
])
def test_a_briefing_or_summary_needs_only_its_own_sections(title, kind_needs):
    body = "".join(f"{t}\n{'=' * len(t)}\n\nText about {t.lower()}.\n\n"
                   for t in ("Introduction", "Background", "What happened", "Context"))
    run = check_text(f"{title}\n\n{body}" + "More words. " * 1600 + "\n",
                     config={"select": ["SCR101", "SCR107"]})
    missing = sorted(f.message.split("'")[1] for f in run.findings if f.rule_id == "SCR101")
    assert missing == kind_needs


def test_a_briefing_is_not_asked_for_a_methodology_or_citations():
    text = textwrap.dedent("""\
        Seven minute briefing: Child K

        What we found
        =============

        - Pre-birth assessments did not draw on the father's history.
        - Information about the family was not shared before the birth.
        """)
    run = check_text(text)
    assert not {"SCR401", "SCR501", "SCR503", "SCR801"} & set(rule_ids(run))
    reasons = {gap["reason"] for entry in card(run).values() for gap in entry["not_checked"]}
    assert "not applicable to a briefing" in reasons


def test_no_problems_found_is_never_said_of_rules_with_nothing_to_check():
    headings_only = FULL.replace("Text about findings.", "").replace(
        "Text about recommendations.", "")
    run = check_text(headings_only, config={"select": ["SCR3", "SCR4"]})
    for question in (3, 4):
        entry = card(run)[question]
        assert entry["status"] == "not checked"
        assert entry["not_checked"][0]["reason"].startswith("no ")


def test_a_contents_page_alone_leaves_the_wording_questions_not_checked():
    run = check_text("Contents\n\n1. Introduction ........ 3\n\n2. Findings .......... 9\n\n"
                     "3. Recommendations ..... 12\n", suffix=".txt")
    for question in (6, 7):
        entry = card(run)[question]
        assert entry["status"] != "no problems found"
        assert entry["not_checked"][0]["reason"] == (
            "the file has no prose beyond headings and contents")


def test_one_paragraph_of_prose_is_enough_for_the_wording_questions_to_look():
    run = check_text("The review was commissioned after Child K was injured at home.\n")
    assert not any(gap["reason"].startswith("the file has no prose")
                   for question in (6, 7) for gap in card(run)[question]["not_checked"])



def test_a_kind_behaves_as_the_frozen_dataclass_it_was(like_dataclass):
    from scr_checks.kinds import Kind

    like_dataclass(Kind, lambda cls: cls("full", "default", ("findings",), missing=("a",)),
                   lambda cls: cls("full", "default", ("findings",), whole=False))
    assert Kind("full", "default", ()).whole is True
