"""``scr-checks extract``: each finding and recommendation of every report, as one record."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from scr_checks.cli import main
from scr_checks.extract import COLUMNS, records
from scr_checks.paths import display_path
from scr_checks.testing import check_paths

REPO = Path(__file__).resolve().parents[2]
REPORTS = REPO / "fixtures" / "reports"
LINKAGE = REPO / "fixtures" / "linkage"
NAMES = [column.name for column in COLUMNS]


def records_of(*paths: Path, **config) -> list[dict]:
    return records(check_paths(list(paths), config=config))


def by_label(rows: list[dict]) -> dict[str, dict]:
    return {row["label"]: row for row in rows}


@pytest.mark.parametrize("folder", ["same", "layout"])
@pytest.mark.parametrize("suffix", ["md", "html", "txt", "docx", "pdf"])
def test_every_input_format_gives_the_same_records(folder, suffix):
    def placeless(path: Path) -> list[dict]:
        return [{k: v for k, v in row.items() if k not in ("report", "location")}
                for row in records_of(path)]

    expected = placeless(REPORTS / folder / "report.rst")
    assert len(expected) == 2
    assert placeless(REPORTS / folder / f"report.{suffix}") == expected


def test_a_record_holds_the_report_the_item_and_its_links():
    (finding, recommendation) = records_of(REPORTS / "layout" / "report.md")
    assert finding == {
        "report": display_path(REPORTS / "layout" / "report.md"),
        "report_title": "Serious Case Review: Child P", "year": "2024",
        "kind": "finding", "label": "Finding 1", "number": "1",
        "title": "Referral forms do not carry health observations",
        "text": "Finding 1: Referral forms do not carry health observations 4.1 Health "
                "observations do not reach the MASH because the form has no place for them "
                "(see paragraph 3.1). This is a systemic issue that is not peculiar to this "
                "case.",
        "form": "label", "paragraph": "4.1", "location": "line 67",
        "cites": ["3.1"], "themes": ["3. Appraisal of practice and analysis"],
        "unresolved": [], "recommendations": ["Recommendation 1"], "findings": [],
        "owner": "", "audience": "", "questions": [], "rules": [], "checker_findings": []}
    assert (recommendation["kind"], recommendation["findings"], recommendation["audience"]) == (
        "recommendation", ["Finding 1"], "Actions for the Partnership")
    assert list(finding) == NAMES


def test_the_checker_findings_raised_against_each_item_and_their_questions():
    rows = by_label(records_of(LINKAGE / "findings-prose.md"))
    assert rows["Finding 2"]["rules"] == ["SCR401", "SCR501"]
    assert rows["Finding 2"]["questions"] == ["4", "5"]
    assert rows["Finding 2"]["checker_findings"][0].startswith(
        "SCR401: Finding 2 describes what happened")
    assert rows["Recommendation 1"]["rules"] == ["SCR301", "SCR302", "SCR304"]
    assert rows["Recommendation 1"]["questions"] == ["3"]
    assert rows["Recommendation 1"]["form"] == "paragraph"


def test_owners_and_the_findings_a_table_row_answers():
    rows = by_label(records_of(LINKAGE / "recommendations-table.md"))
    assert [(rows[f"Recommendation {n}"]["owner"], rows[f"Recommendation {n}"]["findings"])
            for n in (1, 2, 3)] == [
        ("Westshire Safeguarding Children Partnership", ["Finding 1"]),
        ("Westshire Council", ["Finding 2"]),
        ("", [])]
    assert rows["Recommendation 3"]["rules"] == ["SCR302", "SCR305"]
    assert rows["Finding 1"]["recommendations"] == ["Recommendation 1"]


def test_suppressed_checker_findings_are_not_raised_against_an_item():
    run = check_paths([LINKAGE / "findings-prose.md"])
    file = run.files[0]
    file.findings = [f.evolve(suppression=object()) if f.rule_id == "SCR401" else f
                     for f in file.findings]
    assert by_label(records(run))["Finding 2"]["rules"] == ["SCR501"]


#: Texts a spreadsheet must keep whole in one cell.
AWKWARD = ('Commas, "quotes", \'single\'', "two\nlines\r\nand a tab\t",
           "Ünïcödé – ‘curly’ 😀 ﬁ", "=HYPERLINK(\"http://example.invalid\",\"x\")",
           "-1+2", "@SUM(A1)", "")


def awkward_rows() -> list[dict]:
    rows = []
    for number, value in enumerate(AWKWARD):
        row = {name: "" for name in NAMES}
        row.update(report=f"r{number}.md", kind="finding", title=value, text=value * 2,
                   cites=[value, "3.1"], checker_findings=[value])
        rows.append(row)
    return rows


def test_csv_reads_back_one_row_per_item_with_every_cell_whole():
    from scr_checks.tables import JOINER, as_csv

    rows = awkward_rows()
    written = as_csv(rows, COLUMNS)
    assert written.startswith("\ufeff")  # so Excel reads it as UTF-8
    read = list(csv.reader(io.StringIO(written[1:], newline="")))
    assert read[0] == NAMES
    assert len(read) == len(rows) + 1
    for row, cells in zip(rows, read[1:], strict=True):
        assert len(cells) == len(NAMES)
        shown = dict(zip(NAMES, cells, strict=True))
        for name in ("title", "text", "cites", "checker_findings"):
            value = JOINER.join(row[name]) if isinstance(row[name], list) else row[name]
            if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                value = "'" + value  # a formula a spreadsheet would run, kept as text
            assert shown[name] == value


def test_xlsx_reads_back_the_same_cells_all_of_them_text(tmp_path):
    from scr_checks.tables import JOINER, as_xlsx

    rows = awkward_rows()
    target = tmp_path / "learning.xlsx"
    target.write_bytes(as_xlsx(rows, COLUMNS))
    sheet = openpyxl.load_workbook(target).active
    table = list(sheet.iter_rows())
    assert [c.value for c in table[0]] == NAMES
    assert len(table) == len(rows) + 1
    for row, cells in zip(rows, table[1:], strict=True):
        shown = {name: cell for name, cell in zip(NAMES, cells, strict=True)}
        assert all(cell.data_type == "s" for cell in cells if cell.value is not None)
        for name in ("title", "cites", "checker_findings"):
            value = JOINER.join(row[name]) if isinstance(row[name], list) else row[name]
            assert (shown[name].value or "") == value


def test_json_keeps_lists_and_names_its_columns():
    from scr_checks.tables import as_json

    data = json.loads(as_json(awkward_rows(), COLUMNS))
    assert data["columns"] == NAMES
    assert data["records"][0]["cites"] == [AWKWARD[0], "3.1"]


def test_xlsx_without_openpyxl_is_one_clear_error(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(__import__("sys").modules, "openpyxl", None)
    target = tmp_path / "out.xlsx"
    assert main(["extract", str(REPORTS / "layout" / "report.md"), "--format", "xlsx",
                 "-o", str(target)]) == 2
    assert capsys.readouterr().err.strip() == (
        "scr-checks: error: writing xlsx needs openpyxl: pip install 'scr-checks[xlsx]'")
    assert not target.exists()


def test_extract_from_the_command_line_in_every_format(tmp_path, capsys):
    inputs = [str(LINKAGE), str(REPORTS / "layout" / "report.md")]
    expected = records_of(*map(Path, inputs))
    assert len(expected) > 40
    assert main(["extract", *inputs, "-o", str(tmp_path / "out.csv")]) == 0
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as stream:
        assert len(list(csv.DictReader(stream))) == len(expected)
    assert main(["extract", *inputs, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["records"] == expected
    assert main(["extract", *inputs, "--format", "xlsx", "-o", str(tmp_path / "out.xlsx")]) == 0
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    assert sheet.max_row == len(expected) + 1


def test_bad_inputs_are_errors_and_the_other_records_are_still_written(tmp_path, capsys):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    target = tmp_path / "out.csv"
    assert main(["extract", str(bad), str(REPORTS / "layout" / "report.md"),
                 "-o", str(target)]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 1 and "bad.docx: cannot read" in errors[0]
    with target.open(encoding="utf-8-sig", newline="") as stream:
        assert [row["label"] for row in csv.DictReader(stream)] == [
            "Finding 1", "Recommendation 1"]


def test_without_the_linkage_plugin_there_is_nothing_to_extract(capsys):
    path = REPORTS / "layout" / "report.md"
    assert main(["extract", str(path), "-p", "no:linkage", "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["records"] == []
    assert "the linkage plugin's rules did not run" in captured.err


def test_xlsx_needs_a_file_and_standard_input_is_refused(capsys):
    assert main(["extract", str(REPORTS), "--format", "xlsx"]) == 2
    assert "name the file to write with -o FILE" in capsys.readouterr().err
    assert main(["extract", "-"]) == 2
    assert "not standard input" in capsys.readouterr().err


def test_an_output_that_is_an_input_is_refused(tmp_path, capsys):
    report = tmp_path / "report.md"
    report.write_text((REPORTS / "layout" / "report.md").read_text(encoding="utf-8"),
                      encoding="utf-8")
    before = report.read_bytes()
    assert main(["extract", str(report), "-o", str(report)]) == 2
    assert "is one of the inputs" in capsys.readouterr().err
    assert report.read_bytes() == before


def _records_of_text(text: str, suffix: str = ".md") -> list[dict]:
    from scr_checks.testing import check_text

    return records(check_text(text, suffix=suffix))


RECOMMENDATIONS = """# Serious Case Review: Child Z

## 1. Findings

### Finding 1: Referrals lose the health visitor's observations

1.1 The form has no field for them.

## 2. Recommendations

2.1 (Finding 1): The Partnership and the ICB should add a field for health
observations to the referral form.

2.2 Consideration should be given to training (Finding 1).
"""


def test_a_recommendation_s_owner_is_the_body_its_text_says_should_act():
    rows = by_label(_records_of_text(RECOMMENDATIONS))
    assert rows["2.1"]["owner"] == "The Partnership and the ICB"
    assert rows["2.2"]["owner"] == ""  # passive: nobody is named


@pytest.mark.parametrize(("text", "owner"), [
    ("The review recommends that health agencies must audit referrals.", "Health agencies"),
    ("That the Board should ask agencies to report.", "The Board"),
    ("Training for GPs should include coercive control.", ""),
    ("It should be ensured that plans are reviewed.", ""),
    ("Practice must improve.", ""),
    ("Recommendation 3 - (Finding 1): The Board should audit it.", "The Board"),
    ("(b) Schools should record every call.", "Schools"),
])
def test_stated_owner(text, owner):
    from scr_checks.extract import stated_owner

    assert stated_owner(text) == owner


def test_a_leading_finding_reference_is_not_part_of_the_title():
    rows = by_label(_records_of_text(RECOMMENDATIONS))
    assert rows["2.1"]["title"] == ("The Partnership and the ICB should add a field for "
                                    "health observations to the referral form.")


def test_a_report_without_findings_or_recommendations_still_has_its_row():
    rows = _records_of_text("# Serious Case Review: Child Y\n\nPublished May 2020\n\n"
                            "## 1. Introduction\n\n1.1 The review began in 2019.\n")
    assert len(rows) == 1
    assert {k: v for k, v in rows[0].items() if v} == {
        "report": rows[0]["report"], "report_title": "Serious Case Review: Child Y",
        "year": "2020"}
    assert set(rows[0]) == set(NAMES)
