"""Findings and recommendations in every form published reports use."""

from __future__ import annotations

import csv
import json
import textwrap
from pathlib import Path

import pytest

from scr_checks.cli import main
from scr_checks.testing import check_paths, check_text, findings_of, rule_ids

LINKAGE = Path(__file__).resolve().parents[2] / "fixtures" / "linkage"
OPENING = textwrap.dedent("""\
    Introduction
    ============

    The review was commissioned after Child K was injured at home.

    Methodology
    ===========

    The review drew on agency records and conversations with practitioners.

    Analysis
    ========

    4.1 The referral form has no field for health observations, so they were lost.

    """)


def linkage(text: str, suffix: str = ".rst") -> dict:
    run = check_text(OPENING + textwrap.dedent(text), suffix=suffix,
                     config={"select": ["SCR5"], "kind": "full_report",
                             "show_identifiers": True})
    return run.files[0].extras["linkage"]


def test_a_labelled_finding_runs_over_its_numbered_paragraphs():
    data = linkage("""\
        Findings
        ========

        5.1 Finding 1: Referral forms lose health observations.

        5.2 The health visitor saw the bruising and recorded it.

        5.3 This happened because the form has no field for it (see paragraph 4.1).

        5.4 Finding 2: Visits stopped when the family moved.
        """)
    first, second = data["findings"]
    assert first["label"] == "Finding 1" and first["form"] == "label"
    assert first["title"] == "Referral forms lose health observations."
    assert "because the form has no field" in first["text"]
    assert first["cites"][0]["paragraphs"] == ["4.1"]
    assert second["text"].endswith("Visits stopped when the family moved.")


def test_a_label_may_name_what_it_answers_before_its_colon():
    data = linkage("""\
        Findings
        ========

        5.1 Finding 1: Referral forms lose health observations.

        Recommendations
        ===============

        6.1 Recommendation 1 (Finding 1): The Partnership should add a health field to
        the referral form.

        6.2 Recommendation 2 cites paragraph 4.1 and is prose about a recommendation.
        """)
    (first,) = data["recommendations"]
    assert first["label"] == "Recommendation 1"
    assert "The Partnership should add a health field" in first["title"]
    assert first["findings"] == ["Finding 1"]


def test_findings_as_prose_sub_headings():
    data = linkage("""\
        Findings
        ========

        Health and school records were not brought together
        ----------------------------------------------------

        Each practitioner decided on part of the picture (see paragraph 4.1).

        Visits stopped when the family moved
        ------------------------------------

        Nobody passed the case on.
        """)
    assert [(f["form"], f["title"]) for f in data["findings"]] == [
        ("heading", "Health and school records were not brought together"),
        ("heading", "Visits stopped when the family moved")]


def test_plain_paragraphs_are_findings_that_no_one_can_point_at():
    text = OPENING + "Findings\n========\n\nThe strategy discussion was not held.\n\n" \
        "The bruising was not referred.\n"
    run = check_text(text, config={"kind": "full_report",
                                   "select": ["SCR102", "SCR401", "SCR501"]})
    assert rule_ids(run).count("SCR401") == 2 and rule_ids(run).count("SCR501") == 2
    (unmarked,) = findings_of(run, "SCR102")
    assert "are plain paragraphs, with no number or title" in unmarked.message


def test_a_sentence_introducing_a_list_is_not_an_item():
    data = linkage("""\
        Recommendations
        ===============

        The review makes these recommendations:

        #. The Partnership should add a field to the referral form.
        #. The Partnership should audit its use within six months.
        """)
    assert [(r["form"], r["number"]) for r in data["recommendations"]] == [
        ("list", "1"), ("list", "2")]


def test_a_recommendations_table_gives_one_item_a_row_with_owner_and_finding():
    data = linkage("""\
        Findings
        ========

        5.1 Finding 1: Referral forms lose health observations (paragraph 4.1).

        Recommendations
        ===============

        +-----+---------------------------------+---------------+---------+
        | No. | Recommendation                  | Lead agency   | Finding |
        +=====+=================================+===============+=========+
        | 1   | Add a field to the form.        | Westshire ICB | 1       |
        +-----+---------------------------------+---------------+---------+
        | 2   | Audit the form's use.           | Westshire ICB | 1       |
        +-----+---------------------------------+---------------+---------+
        """)
    records = [(r["label"], r["form"], r["text"], r["owner"]) for r in data["recommendations"]]
    assert records == [
        ("Recommendation 1", "row", "Add a field to the form.", "Westshire ICB"),
        ("Recommendation 2", "row", "Audit the form's use.", "Westshire ICB")]


def test_recommendations_kept_apart_by_audience():
    data = linkage("""\
        Recommendations
        ===============

        Recommendations to the Partnership
        ----------------------------------

        #. The Partnership should add a field to the referral form.

        Single agency recommendations
        -----------------------------

        #. The police should share missing-episode records with schools.
        """)
    assert [(r["audience"], r["text"][:16]) for r in data["recommendations"]] == [
        ("Recommendations to the Partnership", "The Partnership "),
        ("Single agency recommendations", "The police shoul")]


def test_unnumbered_recommendations_cannot_be_reported_on():
    text = OPENING + "Recommendations\n===============\n\n" \
        "The Partnership should add a field.\n\nThe Partnership should audit it.\n"
    run = check_text(text, config={"kind": "full_report", "select": ["SCR108"]})
    (finding,) = run.findings
    assert finding.message.startswith("The 2 recommendations in 'Recommendations' are plain "
                                      "paragraphs")
    assert finding.location.line == text.splitlines().index("Recommendations") + 1


def test_numbers_typed_before_paragraphs_number_the_recommendations():
    # As Word keeps a list typed by hand: "1." is the paragraph's own text.
    body = ("Recommendations\n===============\n\n"
            "1\\. The Partnership should add a field to the referral form.\n\n"
            "It should say who completes it.\n\n"
            "2\\. The Partnership should audit its use within six months.\n")
    run = check_text(OPENING + body, config={"kind": "full_report", "select": ["SCR108"]})
    assert run.findings == []
    data = linkage(body)
    assert [(r["label"], r["number"], r["form"]) for r in data["recommendations"]] == [
        ("Recommendation 1", "1", "numbered"), ("Recommendation 2", "2", "numbered")]


@pytest.mark.parametrize("numbers", [("2", "3"), ("1", "3")])
def test_numbers_that_do_not_count_from_one_are_not_a_typed_list(numbers):
    body = ("Recommendations\n===============\n\n"
            f"{numbers[0]}\\. The Partnership should add a field.\n\n"
            f"{numbers[1]}\\. The Partnership should audit it.\n")
    run = check_text(OPENING + body, config={"kind": "full_report", "select": ["SCR108"]})
    assert [f.rule_id for f in run.findings] == ["SCR108"]


def test_the_json_linkage_map_is_a_spreadsheet_of_the_reports_learning(tmp_path, monkeypatch):
    monkeypatch.chdir(LINKAGE)
    out = tmp_path / "out.json"
    main(["check", "recommendations-table.md", "--format", "json", "-o", str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    (file,) = data["files"]
    extras = file.get("extras", file)
    records = extras["linkage"]["recommendations"]
    assert [(r["number"], r["owner"], r["findings"]) for r in records] == [
        ("1", "Westshire Safeguarding Children Partnership", ["Finding 1"]),
        ("2", "Westshire Council", ["Finding 2"]),
        ("3", "", [])]
    finding = extras["linkage"]["findings"][0]
    assert finding["recommendations"] == ["Recommendation 1"]
    assert finding["location"] == {"line": 29, "paragraph_index": finding["location"][
        "paragraph_index"]}


def _labels(sidecar: Path) -> list[tuple[str, int]]:
    with sidecar.open(encoding="utf-8", newline="") as handle:
        return sorted((r["rule"], int(r["line"])) for r in csv.DictReader(handle, delimiter="\t"))


@pytest.mark.parametrize("sidecar", sorted(LINKAGE.glob("*.labels.tsv")),
                         ids=lambda p: p.name.removesuffix(".labels.tsv"))
def test_each_linkage_fixture_gets_exactly_the_findings_written_down_for_it(sidecar):
    report = next(p for p in LINKAGE.iterdir() if p.name.startswith(
        sidecar.name.removesuffix("labels.tsv")) and not p.name.endswith(".tsv"))
    run = check_paths([report], config={"select": ["SCR1", "SCR3", "SCR4", "SCR5"]})
    assert sorted((f.rule_id, f.location.line) for f in run.findings) == _labels(sidecar)


def test_beggars_belief_is_not_a_discussion_of_religion():
    text = OPENING.replace("so they were lost.", "so they were lost, which beggars belief. "
                           "Men and women of every age attended.")
    run = check_text(text, config={"kind": "full_report", "select": ["SCR801"],
                                   "coverage": {"equality_min_categories": 1}})
    assert rule_ids(run) == ["SCR801"]
    considered = text + "\nThe family's faith and first language were considered at every visit.\n"
    run = check_text(considered, config={"kind": "full_report", "select": ["SCR801"]})
    assert rule_ids(run) == []
