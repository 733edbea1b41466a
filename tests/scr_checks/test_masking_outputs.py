"""Property: no identifier a run found appears in any byte of any output.

Reports are generated with people's names in headings, table cells, list
items, long sentences, Word comments and document properties; every output
format registered (and the baseline file) is rendered with identifiers
masked, and none may hold a name the run found, in any case or spacing.
"""

from __future__ import annotations

import io
import json
import tempfile
from functools import cache
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scr_checks.runner import Session
from scr_checks.suppressions import baseline_data
from scr_checks.testing import make_session

FIRST_NAMES = ["Kayleigh", "Kerry", "Shannon", "Demi", "Tyler", "Jordan", "Courtney",
               "Bethany", "Callum", "Declan", "Leanne", "Jodie"]
SURNAMES = ["Blackwood", "Brennan", "Whitworth", "Ashcroft", "Pemberton", "Holloway",
            "Thackeray", "Fairbairn", "Lockwood", "Kershaw", "Gallagher", "Rowntree"]
TEXT_PLACES = ["heading", "table", "list", "long sentence", "paragraph"]
#: Document properties a name goes in, one name each (at most four names are placed).
PROPERTY_FIELDS = ["author", "last_modified_by", "title", "subject"]
WORD_PLACES = ["comment", "property"]
LONG = ("In the weeks that followed the referral the health visitor, the school nurse and "
        "the duty social worker each recorded that {name} had been present at the home "
        "during visits, although none of them asked who {name} was or shared what they "
        "had seen with the other agencies involved.")

people = st.lists(st.tuples(st.sampled_from(FIRST_NAMES), st.sampled_from(SURNAMES)),
                  min_size=1, max_size=4, unique_by=lambda p: p[1])


@st.composite
def reports(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]]]:
    """A format, and where each name goes in it."""
    fmt = draw(st.sampled_from(["docx", "rst", "md"]))
    places = TEXT_PLACES + (WORD_PLACES if fmt == "docx" else [])
    return fmt, [(f"{first} {surname}", draw(st.sampled_from(places)))
                 for first, surname in draw(people)]


def sections(placed: list[tuple[str, str]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(kind, text)]) for every section: the report's shape in any format."""
    headings = [f"Contact with {name}" for name, where in placed if where == "heading"]
    body: list[tuple[str, str]] = [("paragraph", "1.1 The health visitor failed to call.")]
    for name, where in placed:
        if where == "table":
            body.append(("table", name))
        elif where == "list":
            body.append(("list", f"{name} attended the strategy meeting."))
        elif where == "long sentence":
            body.append(("paragraph", LONG.format(name=name)))
        elif where in ("paragraph", "heading"):
            body.append(("paragraph", f"Child A stayed with {name} over the summer."))
    return [(heading, body) for heading in headings] or [("Analysis", body)]


def write_text(placed: list[tuple[str, str]], markdown: bool) -> str:
    lines = ["# Serious Case Review" if markdown else "Serious Case Review\n" + "=" * 19, ""]
    for heading, body in sections(placed):
        lines += [f"## {heading}" if markdown else f"{heading}\n{'-' * len(heading)}", ""]
        for kind, text in body:
            if kind == "table":
                lines += (["| Person | Role |", "| --- | --- |", f"| {text} | Aunt |"]
                          if markdown else
                          ["====================  ====", "Person                Role",
                           "====================  ====", f"{text:<20}  Aunt",
                           "====================  ===="])
            elif kind == "list":
                lines.append(f"- {text}")
            else:
                lines.append(text)
            lines.append("")
    return "\n".join(lines)


def write_docx(placed: list[tuple[str, str]]) -> bytes:
    document = docx.Document()
    document.add_heading("Serious Case Review", level=0)
    for heading, body in sections(placed):
        document.add_heading(heading, level=1)
        for kind, text in body:
            if kind == "table":
                table = document.add_table(rows=1, cols=2)
                table.cell(0, 0).text = text
                table.cell(0, 1).text = "Aunt"
            else:
                document.add_paragraph(text, style="List Bullet" if kind == "list" else None)
    anchor = document.add_paragraph("The review panel met twice.")
    fields = iter(PROPERTY_FIELDS)
    for name, where in placed:
        if where == "comment":
            document.add_comment(anchor.runs, text=f"Check this with {name} first.")
        elif where == "property":
            setattr(document.core_properties, next(fields), name)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@cache
def session(show: bool) -> Session:
    checking = make_session(config={"show_identifiers": show})
    checking.record_paragraphs = True  # the HTML page quotes each finding's paragraph
    return checking


def folded(text: str) -> str:
    return " ".join(text.split()).casefold()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(report=reports())
def test_no_identifier_the_run_found_is_in_any_output(report):
    fmt, placed = report
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"report.{fmt}"
        if fmt == "docx":
            path.write_bytes(write_docx(placed))
        else:
            path.write_text(write_text(placed, markdown=fmt == "md"), encoding="utf-8")
        shown = session(True).run([str(path)])
        masked = session(False).run([str(path)])
    assert not masked.errors
    found = {f.secret for f in shown.findings if f.secret}
    assert {name for name, _ in placed} <= found  # every name placed is found: the test bites
    if any(where == "long sentence" for _, where in placed):
        assert any(f.rule_id == "SCR604" for f in masked.findings)
    checked = session(False)
    outputs = {name: checked.formatters[name](checked.config).render(masked)
               for name in checked.formatters}
    outputs["baseline"] = json.dumps(baseline_data(masked))
    assert set(outputs) >= {"text", "json", "sarif", "junit", "html", "baseline"}
    leaks = [(secret, name) for name, text in outputs.items() for secret in found
             if folded(secret) in folded(text)]
    assert leaks == []
