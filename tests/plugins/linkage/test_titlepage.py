"""The report's title and year, read from its title page."""

from __future__ import annotations

import pytest

from scr_checks.testing import check_text

BODY = """
## 1. Introduction

1.1 This review was commissioned in 2019 after Child P, aged three, was
admitted to hospital in March 2018.

## 2. Findings

### Finding 1: Referral forms do not carry health observations

2.1 Health observations do not reach the MASH (see paragraph 1.1).
"""


def title_page(*lines: str) -> dict:
    text = "\n\n".join(lines) + "\n" + BODY
    return check_text(text, suffix=".md", config={"select": ["SCR5"]}).files[0].extras[
        "linkage"]["report"]


@pytest.mark.parametrize(("line", "year"), [
    ("Published 14 March 2024", "2024"),
    ("Date of publication: June 2019", "2019"),
    ("Publication date – 3rd June 2015", "2015"),
    ("Final version, March 2017", "2017"),
    ("Report endorsed by the Partnership in January 2021", "2021"),
    ("November 2016", "2016"),
])
def test_the_year_the_title_page_states(line, year):
    report = title_page("Westshire Safeguarding Children Partnership",
                        "# Serious Case Review: Child P", line)
    assert report == {"title": "Serious Case Review: Child P", "year": year}


def test_publication_wins_over_another_date_on_the_title_page():
    report = title_page("# Serious Case Review: Child P", "Version 3 dated May 2019",
                        "Published September 2020")
    assert report["year"] == "2020"


@pytest.mark.parametrize(("lines", "year"), [
    (("Serious Case Review", "Child P", "Author A. Writer, January 2019"), "2019"),
    (("Child P Overview Report November 2018",), "2018"),
    (("Serious Case Review", "Child P", "Child P was born in March 2018.",
      "Overview report, May 2020"), None),
])
def test_a_year_near_the_title_of_a_report_without_a_title_page(lines, year):
    text = "\n\n".join(lines) + "\n\n1. Introduction\n\n1.1 The review began.\n"
    report = check_text(text, suffix=".txt", config={"select": ["SCR5"]}).files[0].extras[
        "linkage"]["report"]
    assert report["year"] == year


def test_years_in_the_reports_text_are_events_not_its_date():
    assert title_page("# Serious Case Review: Child P")["year"] is None


def test_the_title_is_the_heading_that_names_a_review_not_the_partnerships():
    assert title_page("# Westshire Safeguarding Children Partnership",
                      "# Child Practice Review: Baby Q", "Published 2022") == {
        "title": "Child Practice Review: Baby Q", "year": "2022"}


def test_a_report_without_a_title_has_none():
    assert check_text(BODY, suffix=".md").files[0].extras["linkage"]["report"] == {
        "title": "", "year": None}
