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
