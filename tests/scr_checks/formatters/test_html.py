"""The HTML page: self-contained, escaped, accessible in its markup, and saying what it checked."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
from pathlib import Path

import lxml.html
import pytest

from scr_checks.cli import main
from scr_checks.formatters.html import text
from scr_checks.results import RunResult, Suppression
from scr_checks.testing import make_session

REPO = Path(__file__).resolve().parents[3]
LINKAGE = REPO / "fixtures" / "linkage"


def page_of(paths: list[str | Path], **config) -> tuple[lxml.html.HtmlElement, str, RunResult]:
    """Check ``paths`` as ``--html`` does; the parsed page, its text and the run."""
    session = make_session(config=config)
    session.record_paragraphs = True
    run = session.run([str(p) for p in paths])
    html = session.formatters["html"](session.config).render(run)
    return lxml.html.document_fromstring(html), html, run


@pytest.fixture(scope="module")
def fixture_page():
    return page_of([REPO / "fixtures" / "reports"])


def sha256(body: str) -> str:
    return base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")


def test_the_page_needs_nothing_from_elsewhere_and_its_policy_allows_only_its_own_code(
        fixture_page):
    page, _, _ = fixture_page
    assert page.xpath("//link | //script[@src] | //img | //iframe | //object | //@style") == []
    assert all(href.startswith("#") for href in page.xpath("//a/@href"))
    (policy,) = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    (style,), (script,) = page.xpath("//style/text()"), page.xpath("//script/text()")
    assert f"style-src 'sha256-{sha256(style)}'" in policy
    assert f"script-src 'sha256-{sha256(script)}'" in policy
    assert "default-src 'none'" in policy


def test_headings_descend_one_level_at_a_time_and_every_report_has_its_own(fixture_page):
    page, _, run = fixture_page
    levels = [int(h.tag[1]) for h in page.iter("h1", "h2", "h3", "h4")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels))
    reports = page.xpath("//section[@class='report']/h2/text()")
    assert reports == [file.path for file in run.files]
    assert page.xpath("//h2/text()")[:2] == ["Filter the findings", "Overview"]


def test_tables_have_captions_and_header_scopes(fixture_page):
    page, _, run = fixture_page
    tables = page.xpath("//table")
    # The overview; per report a scorecard and the linkage map's two tables.
    assert len(tables) == 1 + 3 * len(run.files)
    assert all(t.xpath("caption") for t in tables)
    assert all(th.get("scope") in ("col", "row") for th in page.xpath("//th"))


def test_every_filter_has_a_label_and_the_form_waits_for_the_script(fixture_page):
    page, _, run = fixture_page
    (form,) = page.xpath("//form[@id='filters']")
    assert form.get("hidden") is not None  # without the script, every finding shows
    boxes = form.xpath(".//input[@type='checkbox']")
    assert all(box.getparent().tag == "label" for box in boxes)
    assert [f.xpath("legend/text()")[0] for f in form.xpath("fieldset")] == [
        "Question", "Severity", "Rule"]
    rules = sorted({f.rule_id for f in run.findings if not f.suppressed})
    assert form.xpath(".//input[@name='rule']/@value") == rules


def test_the_overview_shows_each_reports_status_on_each_question(fixture_page):
    page, _, run = fixture_page
    rows = page.xpath("//table[@class='overview']/tbody/tr")
    assert len(rows) == len(run.files)
    for row, file in zip(rows, run.files, strict=True):
        cells = row.xpath("td/text()")
        assert cells[0] == str(sum(1 for f in file.findings if not f.suppressed))
        card = file.extras["scorecard"]
        assert cells[1:] == [str(sum(e["findings"].values())) if e["status"] == "needs attention"
                             else "none" if e["status"] == "no problems found"
                             else "not checked" for e in card]
    (total,) = page.xpath("//table[@class='overview']/tfoot/tr/th/text()")
    assert total == f"All {len(run.files)} reports"


def test_a_finding_shows_its_paragraph_with_its_own_words_marked(fixture_page):
    page, _, run = fixture_page
    sample = page.xpath("//section[@class='report'][h2='fixtures/reports/sample.rst']")[0]
    items = sample.xpath(".//li[@class='finding'][@data-rule='SCR703']")
    assert [item.xpath(".//mark/text()") for item in items] == [["chaotic"], ["non-compliant"]]
    paragraph = items[0].xpath(".//blockquote")[0].text_content()
    assert paragraph.startswith("4.1.2 The social worker failed to read")
    file = next(f for f in run.files if f.path == "fixtures/reports/sample.rst")
    assert len(sample.xpath(".//li[@class='finding']")) == len(file.findings)


def test_a_hostile_report_cannot_add_markup_or_script(tmp_path):
    name = "<img src=x onerror=alert(1)>.txt"
    hostile = ("Introduction\n\n1.1 The worker failed to visit. <script>alert(2)</script> "
               "<img src=x onerror=\"alert(3)\"> ]]> </blockquote> <!-- \"'&amp; \x07\n")
    (tmp_path / name).write_text(hostile, encoding="utf-8")
    page, html, _ = page_of([tmp_path / name])
    assert len(page.xpath("//script")) == 1
    assert page.xpath("//img | //@onerror | //comment()") == []
    assert "<script>alert" not in html and "<img src=x" not in html
    (quoted,) = page.xpath("//li[@data-rule='SCR701']//blockquote")
    assert "<script>alert(2)</script> <img src=x onerror=\"alert(3)\">" in quoted.text_content()
    assert "&amp;" in quoted.text_content() and "\x07" not in quoted.text_content()
    assert page.xpath("//section[@class='report']/h2")[0].text_content().endswith(name)


def test_text_escapes_quotes_and_replaces_control_characters():
    assert text("<a href=\"x\" title='y'>&\x00\x1b[31m") == (
        "&lt;a href=&quot;x&quot; title=&#x27;y&#x27;&gt;&amp;\ufffd\ufffd[31m")


def test_the_scorecard_says_not_checked_and_why():
    page, _, run = page_of([REPO / "fixtures" / "reports" / "sample.rst"], kind="excerpt")
    rows = {row.get("data-question"): row for row in page.xpath(
        "//table[@class='scorecard']/tbody/tr")}
    assert len(rows) == 8
    for entry in run.files[0].extras["scorecard"]:
        row = rows[str(entry["question"])]
        assert row.xpath("td[1]/text()") == [entry["status"]]
        reasons = [li.text_content() for li in row.xpath("td[3]//li")]
        assert reasons == [f"{', '.join(gap['rules'])}: {gap['reason']}"
                           for gap in entry["not_checked"]]
    assert rows["4"].xpath("td[1]/text()") == ["not checked"]
    assert rows["4"].xpath("td[3]//li/text()") == [
        "SCR401: set as an excerpt in the configuration"]


def linkage_rows(page, caption_start: str) -> dict[str, list[list[str]]]:
    (table,) = page.xpath(f"//table[@class='linkage'][starts-with(caption, '{caption_start}')]")
    return {row.xpath("th")[0].text_content(): [[li.text_content() for li in cell.xpath(".//li")]
                                                for cell in row.xpath("td")]
            for row in table.xpath("tbody/tr")}


def test_the_linkage_map_says_what_each_finding_cites_is_tied_to_and_lacks():
    page, _, _ = page_of([LINKAGE / "findings-prose.md"])
    findings = linkage_rows(page, "Each finding")
    assert findings["Finding 1: Children's social care did not hold a strategy discussion."] == [
        [], [], ["cites no analysis", "no recommendation is tied to it",
                 "no number or title to refer to it by"]]
    recommendations = linkage_rows(page, "Each recommendation")
    assert recommendations["Recommendation 1: Agencies should improve communication."][2] == [
        "answers no finding", "no number or title to refer to it by"]


def test_the_linkage_map_shows_citations_recommendations_and_audiences():
    page, _, _ = page_of([LINKAGE / "audience.txt"])
    (finding,) = linkage_rows(page, "Each finding").values()
    assert finding == [["paragraph 3.1, in 3. Analysis"],
                       ["Recommendation 1", "Recommendation 2"], []]
    recommendations = linkage_rows(page, "Each recommendation")
    assert [cells[:2] for cells in recommendations.values()] == [
        [["Recommendations to the Partnership"], ["Finding 1"]],
        [["Single agency recommendations"], ["Finding 1"]]]


def test_one_report_has_no_overview_and_suppressed_findings_are_counted_not_listed():
    session = make_session()
    session.record_paragraphs = True
    run = session.run([str(REPO / "fixtures" / "reports" / "sample.rst")])
    file = run.files[0]
    file.findings[0] = file.findings[0].evolve(suppression=Suppression("inSource", "agreed"))
    page = lxml.html.document_fromstring(session.formatters["html"](session.config).render(run))
    assert page.xpath("//table[@class='overview']") == []
    assert len(page.xpath("//li[@class='finding']")) == len(file.findings) - 1
    assert "1 suppressed, not shown" in page.xpath("//section[@class='report']/p")[0].text


def test_a_file_that_could_not_be_read_says_so(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    page, _, _ = page_of([bad, REPO / "fixtures" / "reports" / "well_formed.rst"])
    (section,) = page.xpath("//section[@class='report'][1]")
    assert "not checked" in section.xpath("p")[0].text
    assert "cannot read" in section.xpath("ul[@class='errors']/li")[0].text
    assert page.xpath("//table[@class='overview']/tbody/tr[1]/td[1]/text()") == ["not read"]


def test_the_overview_never_shows_green_for_reports_that_were_not_checked(tmp_path):
    reports = []
    for name in ("a.docx", "b.docx", "c.pdf"):
        reports.append(tmp_path / name)
        reports[-1].write_bytes(b"not a report")
    page, _, _ = page_of([*reports, REPO / "fixtures" / "reports" / "well_formed.rst"])
    (total,) = page.xpath("//table[@class='overview']/tfoot/tr/th/text()")
    assert total == "All 4 reports (3 not checked)"
    cells = page.xpath("//table[@class='overview']/tfoot/tr/td[contains(@class, 'status')]")
    assert cells and all("clear" not in cell.get("class") for cell in cells)
    assert all(cell.text.endswith("; 3 of 4 not checked") for cell in cells)


def test_the_same_run_gives_the_same_bytes(fixture_page):
    _, html, run = fixture_page
    session = make_session()
    assert session.formatters["html"](session.config).render(run) == html


def test_html_from_the_command_line_to_a_file_and_to_standard_output(tmp_path, capsys):
    report = REPO / "fixtures" / "reports" / "sample.rst"
    target, data = tmp_path / "page.html", tmp_path / "out.json"
    assert main(["check", str(report), "--html", str(target), "--json", str(data), "-q"]) == 1
    page = lxml.html.document_fromstring(target.read_text(encoding="utf-8"))
    assert page.xpath("//mark")
    assert "paragraphs" in json.loads(data.read_text(encoding="utf-8"))["files"][0]["extras"]
    capsys.readouterr()
    assert main(["check", str(report), "--format", "html"]) == 1
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert main(["check", str(report), "--json", str(data), "-q"]) == 1
    assert "paragraphs" not in json.loads(data.read_text(encoding="utf-8"))["files"][0]["extras"]
