"""JSON output: a contract with a shipped schema that every fixture's output meets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from scr_checks.formatters.json import SCHEMA_VERSION, schema
from scr_checks.results import ToolError
from scr_checks.testing import check_paths, make_session

REPO = Path(__file__).resolve().parents[3]
SUFFIXES = {".rst", ".md", ".html", ".txt", ".docx", ".pdf"}
FIXTURES = sorted(
    p.relative_to(REPO).as_posix() for p in (REPO / "fixtures").rglob("*")
    if p.suffix in SUFFIXES and p.name not in ("README.rst", "NOTES.md"))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema())


def problems(validator: Draft202012Validator, text: str) -> list[str]:
    data = json.loads(text)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


@pytest.mark.parametrize("show", [False, True])
def test_every_fixture_report_gives_output_the_schema_accepts(in_repo, render, validator, show):
    assert len(FIXTURES) > 50
    run = check_paths(FIXTURES, config={"show_identifiers": show})
    text = render("json", run, show_identifiers=show)
    assert problems(validator, text) == []
    data = json.loads(text)
    assert data["schema_version"] == SCHEMA_VERSION == schema()["properties"][
        "schema_version"]["const"]
    assert data["identifiers_shown"] is show
    assert [f["path"] for f in data["files"]] == FIXTURES
    assert any(not f["read"] for f in data["files"])  # the damaged readers' fixtures
    assert {"scorecard", "linkage", "readability"} <= set(data["files"][0]["extras"])


def test_run_errors_are_listed_and_valid(in_repo, render, validator):
    run = check_paths(["fixtures/reports/sample.rst"])
    run.run_errors.append(ToolError("out.xml", "cannot write: Permission denied"))
    text = render("json", run)
    assert problems(validator, text) == []
    assert json.loads(text)["errors"] == [
        {"path": "out.xml", "message": "cannot write: Permission denied", "plugin": ""}]


def test_a_plugin_cannot_overwrite_the_findings(in_repo, make_plugin, render, validator):
    name = make_plugin(
        "from scr_checks import hookimpl\n"
        "@hookimpl\ndef scr_check_document(report, context):\n"
        "    context.extras['findings'] = 'none at all'\n"
        "    context.extras['path'] = 'elsewhere.rst'\n")
    run = check_paths(["fixtures/reports/sample.rst"], plugins=[name])
    text = render("json", run)
    assert problems(validator, text) == []
    (file,) = json.loads(text)["files"]
    assert file["path"] == "fixtures/reports/sample.rst"
    assert len(file["findings"]) == len(run.findings) > 5
    assert file["extras"]["findings"] == "none at all"
    assert file["extras"]["path"] == "elsewhere.rst"


def test_the_identifier_and_context_of_a_finding_are_never_written(in_repo, render):
    run = check_paths(["fixtures/reports/sample.rst"], config={"show_identifiers": True})
    assert any(f.secret for f in run.findings)
    for finding in json.loads(render("json", run, show_identifiers=True))["files"][0][
            "findings"]:
        assert "secret" not in finding and "context" not in finding


def test_the_paragraphs_a_run_keeps_for_the_html_page_meet_the_schema(in_repo, render, validator):
    session = make_session()
    session.record_paragraphs = True
    run = session.run(["fixtures/reports/sample.rst", "fixtures/reports/same/report.docx"])
    text = render("json", run)
    assert problems(validator, text) == []
    marks = [mark for file in json.loads(text)["files"]
             for paragraph in file["extras"]["paragraphs"]
             for segment in paragraph["segments"] for mark in segment.get("marks", ())]
    assert len(marks) > 10
