"""The linkage map reads the same from one report in every input format."""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_checks.testing import check_paths

SAME = Path(__file__).parents[3] / "fixtures" / "reports" / "same"


def chain(path: Path) -> dict:
    """The linkage map without locations, which differ by format by design."""
    run = check_paths([path], config={"select": ["SCR5"]})
    assert not run.files[0].errors
    linkage = run.files[0].extras["linkage"]
    return {
        "findings": [(f["label"], f["cites"], f["recommendations"]) for f in linkage["findings"]],
        "recommendations": [(r["label"], r["findings"]) for r in linkage["recommendations"]],
        "analysis": [(a["theme"], a["cited_by"]) for a in linkage["analysis"]],
    }


def test_the_reference_report_gives_the_expected_chain():
    assert chain(SAME / "report.rst") == {
        "findings": [("Finding 1", [], [])],
        "recommendations": [("Recommendation 1", [])],
        "analysis": [("2.1 Information sharing", []), ("2.2 Assessment of the household", [])],
    }


@pytest.mark.parametrize("suffix", ["md", "html", "txt", "docx", "pdf"])
def test_every_format_gives_the_same_chain(suffix):
    assert chain(SAME / f"report.{suffix}") == chain(SAME / "report.rst")


def records(path: Path) -> dict:
    """The report's title and year, and each item's record but where it is in the file."""
    linkage = check_paths([path], config={"select": ["SCR5"]}).files[0].extras["linkage"]
    placed = ("location", "paragraph_indexes")
    return {"report": linkage["report"],
            "items": [{k: v for k, v in item.items() if k not in placed}
                      for item in linkage["findings"] + linkage["recommendations"]]}


@pytest.mark.parametrize("folder", ["same", "layout"])
@pytest.mark.parametrize("suffix", ["md", "html", "txt", "docx", "pdf"])
def test_every_format_gives_the_same_records_title_and_year(folder, suffix):
    reports = SAME.parent / folder
    assert records(reports / f"report.{suffix}") == records(reports / "report.rst")


def test_the_layout_reports_records():
    found = records(SAME.parent / "layout" / "report.rst")
    assert found["report"] == {"title": "Serious Case Review: Child P", "year": "2024"}
    assert [(i["label"], i["paragraph"]) for i in found["items"]] == [
        ("Finding 1", "4.1"), ("Recommendation 1", "5.1")]


def test_an_items_paragraphs_are_its_own():
    linkage = check_paths([SAME.parent / "layout" / "report.md"]).files[0].extras["linkage"]
    (finding,), (recommendation,) = linkage["findings"], linkage["recommendations"]
    assert finding["paragraph_indexes"][0] == finding["location"]["paragraph_index"]
    assert len(finding["paragraph_indexes"]) == 2  # the heading and paragraph 4.1
    assert recommendation["paragraph_indexes"] == [recommendation["location"]["paragraph_index"]]
