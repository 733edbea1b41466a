"""The HTML page and extract's tables go through the one masking step, paragraphs too."""

from __future__ import annotations

import io

import openpyxl
import pytest

from scr_checks.extract import COLUMNS, records
from scr_checks.tables import FORMATS
from scr_checks.testing import make_session

#: Identifiers in a heading, in an analysis paragraph beside a word the tone rules
#: flag, in a finding's title and text, and in a recommendation (with two spaces).
REPORT = """\
# Serious Case Review: Child A

## 1. Introduction

1.1 Child A stayed with Kayleigh Blackwood over the summer. The social worker
failed to visit the flat at 12 Harbour Row, ZZ99 3AB.

## 2. Analysis

2.1 Child A stayed with Courtney Pemberton in March. Courtney Pemberton was
chaotic, and the school did not know because the plan was closed.

## 3. Findings

### Finding 1: Nobody asked who Kayleigh Blackwood was

3.1 The health visitor failed to ask who Kayleigh Blackwood was, because the
form had no place for other adults (see paragraph 2.1).

## 4. Recommendations

4.1 Recommendation 1: The Partnership should ask agencies to record who else
lives with the child, such as Kayleigh  Blackwood (Finding 1).
"""
IDENTIFIERS = {"Kayleigh Blackwood", "Courtney Pemberton", "12 Harbour Row", "ZZ99 3AB"}


def folded(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    path = tmp_path_factory.mktemp("masking") / "report.md"
    path.write_text(REPORT, encoding="utf-8")
    out = {}
    for show in (True, False):
        session = make_session(config={"show_identifiers": show})
        session.record_paragraphs = True
        out[show] = (session, session.run([str(path)]))
    return out


def outputs(session, run) -> dict[str, str]:
    """The page, and the extract in every format (a workbook as its cells' text)."""
    rows = records(run)
    book = openpyxl.load_workbook(io.BytesIO(FORMATS["xlsx"](rows, COLUMNS))).active
    return {"html": session.formatters["html"](session.config).render(run),
            "csv": FORMATS["csv"](rows, COLUMNS), "json": FORMATS["json"](rows, COLUMNS),
            "xlsx": "\n".join(str(c.value) for row in book.iter_rows() for c in row)}


def test_the_identifiers_are_found_and_shown_when_asked(runs):
    session, run = runs[True]
    found = {" ".join(f.secret.split()) for f in run.findings if f.secret}
    assert found == IDENTIFIERS
    shown = outputs(session, run)
    assert all("Kayleigh Blackwood" in shown[name] for name in shown)  # the test bites
    assert "Courtney Pemberton was <mark>chaotic</mark>" in shown["html"]


def test_no_identifier_reaches_the_page_or_the_tables(runs):
    session, run = runs[False]
    written = outputs(session, run)
    leaks = [(secret, name) for name, text in written.items() for secret in IDENTIFIERS
             if folded(secret) in folded(text)]
    assert leaks == []
    assert "[name] was <mark>chaotic</mark>" in written["html"]
    assert "<mark>[postcode]</mark>" in written["html"]
    (finding, recommendation) = records(run)
    assert finding["title"] == "Nobody asked who [name] was"
    assert recommendation["text"].endswith("such as [name] (Finding 1).")
