"""SARIF output: valid for the schema and for GitHub, exact, masked, deterministic."""

from __future__ import annotations

import json
from pathlib import Path

from scr_checks.cli import main
from scr_checks.document import blocks
from scr_checks.formatters.sarif import (
    MAX_RESULTS,
    NOTIFICATIONS,
    PARAGRAPH_UNITS,
    artifact_uri,
    pascal_case,
)
from scr_checks.results import FileResult, Finding, Location, RunResult, Suppression, ToolError
from scr_checks.rules import Rule, Severity
from scr_checks.testing import check_paths, make_session

RULE = Rule(id="TST701", name="flag-word", short="A flagged word.",
            full="The word 'flagme' is flagged.", severity=Severity.WARNING,
            question=7, tags=("tone",), fix="Say something else.")


def finding(path="r.rst", severity=Severity.WARNING, message="A flagged word.", **where):
    location = Location(path=path, **where)
    return Finding(rule_id=RULE.id, message=message, severity=severity,
                   location=location, fingerprint="0123456789abcdef:1")


def run_of(*findings, path="r.rst", errors=(), fmt="rst"):
    return RunResult(files=[FileResult(path=path, findings=list(findings), errors=list(errors),
                                       format=fmt)], rules=[RULE], version="0.1.0")


def reports(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix()
                  for p in (root / "fixtures" / "reports").rglob("*") if p.is_file())


def test_every_fixture_report_gives_a_log_github_accepts(in_repo, render, valid_sarif):
    paths = reports(in_repo)
    run = check_paths(paths)
    log = valid_sarif(render("sarif", run))
    (sarif_run,) = log["runs"]
    assert len(sarif_run["results"]) == len(run.findings) > 0
    assert [a["location"]["uri"] for a in sarif_run["artifacts"]] == [f.path for f in run.files]
    assert {a["mimeType"] for a in sarif_run["artifacts"]} >= {
        "text/x-rst", "application/pdf", "text/markdown",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    assert sarif_run["invocations"] == [
        {"executionSuccessful": True, "toolExecutionNotifications": []}]
    assert sarif_run["columnKind"] == "utf16CodeUnits"
    assert sarif_run["automationDetails"] == {"id": "scr-checks/"}


def test_driver_declares_every_rule_that_ran_with_help_and_question(in_repo, render,
                                                                     valid_sarif):
    run = check_paths(["fixtures/reports/well_formed.rst"])
    driver = valid_sarif(render("sarif", run))["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [r.id for r in run.rules]
    assert len(driver["rules"]) > 40
    markup = driver["rules"][0]
    assert markup["id"] == "SCR100"
    assert markup["name"] == "MarkupProblem"
    assert markup["defaultConfiguration"] == {"level": "warning"}
    assert markup["properties"]["tags"] == ["structure", "markup", "Q1"]
    assert markup["helpUri"].endswith("rules.html#scr100")
    assert markup["help"]["markdown"].startswith("The parser reported a problem")
    assert "**How to fix:**" in markup["help"]["markdown"]
    assert driver["name"] == "scr-checks" and driver["version"] == run.version


def test_pascal_case_of_rule_names():
    assert pascal_case("hindsight-language") == "HindsightLanguage"
    assert pascal_case("birth-or-death-date") == "BirthOrDeathDate"


def test_region_points_at_the_flagged_words_in_utf16_columns(tmp_path, monkeypatch, render,
                                                             valid_sarif):
    monkeypatch.chdir(tmp_path)
    source = "Visits\n======\n\n\U0001F600 The social worker failed to visit the family.\n"
    Path("visits.rst").write_text(source, encoding="utf-8")
    run = check_paths(["visits.rst"], config={"select": ["SCR701"]})
    (result,) = valid_sarif(render("sarif", run))["runs"][0]["results"]
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "visits.rst", "uriBaseId": "%SRCROOT%",
                                            "index": 0}
    region = physical["region"]
    assert region == {"startLine": 4, "startColumn": 22, "endLine": 4, "endColumn": 31}
    line = source.splitlines()[region["startLine"] - 1].encode("utf-16-le")
    flagged = line[2 * (region["startColumn"] - 1):2 * (region["endColumn"] - 1)]
    assert flagged.decode("utf-16-le") == "failed to"
    assert "snippet" not in region


def test_word_and_pdf_results_count_paragraphs_as_lines(render, valid_sarif):
    where = {"heading_path": ("Findings",), "paragraph_number": "3.2", "paragraph_index": 14,
             "page": 4, "column": 5, "end_column": 12}
    run = run_of(finding("r.pdf", **where), path="r.pdf", fmt="pdf")
    (result,) = valid_sarif(render("sarif", run))["runs"][0]["results"]
    (location,) = result["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "r.pdf", "uriBaseId": "%SRCROOT%", "index": 0},
        "region": {"startLine": 14, "startColumn": 5, "endLine": 14, "endColumn": 12}}
    assert location["logicalLocations"] == [{
        "name": "paragraph 3.2", "fullyQualifiedName": "Findings > paragraph 3.2",
        "kind": "paragraph"}]
    assert location["properties"] == {"paragraphIndex": 14, "page": 4,
                                      "regionUnits": PARAGRAPH_UNITS}
    assert result["message"]["text"] == (
        "A flagged word. [page 4, paragraph 3.2, under Findings]")


def test_a_finding_about_a_whole_word_file_points_at_its_start(render, valid_sarif):
    run = run_of(finding("r.docx"), path="r.docx", fmt="docx")
    (result,) = valid_sarif(render("sarif", run))["runs"][0]["results"]
    (location,) = result["locations"]
    assert location["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}
    assert location["properties"] == {"regionUnits": PARAGRAPH_UNITS}
    assert "logicalLocations" not in location


def test_word_fixture_regions_point_at_the_words_in_their_paragraph(in_repo, render,
                                                                    valid_sarif):
    path = "fixtures/reports/same/report.docx"
    session = make_session(config={"show_identifiers": True})
    paragraphs = {b.index: b.text for b in blocks(session.read(Path(path), path))}
    run = session.run([path])
    results = valid_sarif(render("sarif", run, show_identifiers=True))["runs"][0]["results"]
    placed = 0
    for finding, result in zip(run.findings, results, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        if finding.location.paragraph_index is None:
            assert region == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}
            continue
        assert region["startLine"] == region["endLine"] == finding.location.paragraph_index
        text = paragraphs[region["startLine"]].encode("utf-16-le")
        words = text[2 * (region["startColumn"] - 1):2 * (region["endColumn"] - 1)]
        assert words.decode("utf-16-le") == finding.snippet
        assert result["locations"][0]["properties"]["paragraphIndex"] == region["startLine"]
        assert "paragraph" in result["message"]["text"]
        placed += 1
    assert placed >= 4


def test_suppressions_are_on_every_result_or_none(render, valid_sarif):
    quiet = finding(line=3, column=1, end_line=3, end_column=5).evolve(
        suppression=Suppression("inSource", "quoted from the family"))
    loud = finding(line=5, column=1, end_line=5, end_column=5)
    baselined = finding(line=7, column=1).evolve(suppression=Suppression("external", "baseline"))
    results = valid_sarif(render("sarif", run_of(quiet, loud, baselined)))["runs"][0]["results"]
    assert [r["suppressions"] for r in results] == [
        [{"kind": "inSource", "status": "accepted", "justification": "quoted from the family"}],
        [],
        [{"kind": "external", "status": "accepted", "justification": "baseline"}],
    ]


def test_unreadable_inputs_and_plugin_errors_are_notifications(render, valid_sarif):
    run = run_of(errors=[ToolError("r.rst", "RuntimeError: boom", "northshire")])
    run.files.append(FileResult(path="gone.pdf", errors=[ToolError("gone.pdf", "no such file")]))
    invocation = valid_sarif(render("sarif", run))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"] == [
        {"descriptor": {"id": "plugin-error", "index": 1},
         "level": "error", "message": {"text": "RuntimeError: boom"},
         "locations": [{"physicalLocation": {"artifactLocation": {
             "uri": "r.rst", "uriBaseId": "%SRCROOT%"}}}],
         "properties": {"plugin": "northshire"}},
        {"descriptor": {"id": "input-error", "index": 0},
         "level": "error", "message": {"text": "no such file"},
         "locations": [{"physicalLocation": {"artifactLocation": {
             "uri": "gone.pdf", "uriBaseId": "%SRCROOT%"}}}]},
    ]


def test_an_output_not_written_is_a_notification_and_the_run_not_successful(render,
                                                                            valid_sarif):
    run = run_of(finding(line=1, column=1, end_column=4))
    run.run_errors.append(ToolError("out.xml", "cannot write: Permission denied"))
    invocation = valid_sarif(render("sarif", run))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (notice,) = invocation["toolExecutionNotifications"]
    assert notice["descriptor"]["id"] == "output-error"
    assert notice["message"]["text"] == "cannot write: Permission denied"


def test_driver_names_itself_in_full_and_describes_each_kind_of_notification(render,
                                                                               valid_sarif):
    driver = valid_sarif(render("sarif", run_of()))["runs"][0]["tool"]["driver"]
    assert driver["fullName"] == "scr-checks 0.1.0"
    assert [n["id"] for n in driver["notifications"]] == list(NOTIFICATIONS)
    for descriptor in driver["notifications"]:
        assert descriptor["name"] == pascal_case(descriptor["id"])
        assert descriptor["help"]["text"] == descriptor["fullDescription"]["text"]


def test_every_rule_states_its_precision_from_its_data(in_repo, render, valid_sarif):
    run = check_paths(["fixtures/reports/well_formed.rst"])
    rules = valid_sarif(render("sarif", run))["runs"][0]["tool"]["driver"]["rules"]
    precision = {r["id"]: r["properties"]["precision"] for r in rules}
    assert precision == {rule.id: rule.precision for rule in run.rules}
    assert precision["SCR201"] == "very-high" and precision["SCR703"] == "low"


def test_a_configured_severity_is_a_rule_configuration_override(in_repo, render, valid_sarif):
    config = {"select": ["SCR7"], "severity": {"SCR701": "note", "SCR702": "warning"}}
    run = check_paths(["fixtures/reports/sample.rst"], config=config)
    sarif_run = valid_sarif(render("sarif", run, **config))["runs"][0]
    index = [r.id for r in run.rules].index("SCR701")
    assert sarif_run["invocations"][0]["ruleConfigurationOverrides"] == [
        {"descriptor": {"id": "SCR701", "index": index}, "configuration": {"level": "note"}}]
    levels = {r["level"] for r in sarif_run["results"] if r["ruleId"] == "SCR701"}
    assert levels == {"note"}
    plain = valid_sarif(render("sarif", run_of()))["runs"][0]["invocations"][0]
    assert "ruleConfigurationOverrides" not in plain


def test_the_category_is_the_automation_id(render, valid_sarif, monkeypatch):
    monkeypatch.delenv("TF_BUILD", raising=False)
    sarif_run = valid_sarif(render("sarif", run_of(), sarif_category="reports/annual"))[
        "runs"][0]
    assert sarif_run["automationDetails"] == {"id": "reports/annual/"}


def test_over_githubs_limit_the_least_severe_are_left_out_with_a_notice(render, valid_sarif):
    many = [finding(line=n, column=1, severity=Severity.WARNING) for n in range(1, MAX_RESULTS - 1)]
    notes = [finding(line=n, column=1, severity=Severity.NOTE) for n in range(1, 4)]
    errors = [finding(line=1, column=2, severity=Severity.ERROR)]
    run_log = valid_sarif(render("sarif", run_of(*notes, *many, *errors)))["runs"][0]
    levels = [r["level"] for r in run_log["results"]]
    assert len(levels) == MAX_RESULTS
    assert levels.count("note") == 1 and levels[0] == "note" and levels[-1] == "error"
    (notice,) = run_log["invocations"][0]["toolExecutionNotifications"]
    assert notice["level"] == "warning" and notice["descriptor"]["id"] == "results-limit"
    assert notice["message"]["text"].startswith("2 results left out")
    assert run_log["invocations"][0]["executionSuccessful"] is True


def test_uris_are_percent_encoded_and_never_absolute(tmp_path, monkeypatch):
    assert artifact_uri("my reports/été #1.rst") == (
        "my%20reports/%C3%A9t%C3%A9%20%231.rst", "%SRCROOT%")
    assert artifact_uri("a:b.rst") == ("a%3Ab.rst", "%SRCROOT%")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    outside = tmp_path / "my reports" / "r.rst"
    assert artifact_uri(str(outside)) == ("../my%20reports/r.rst", "%SRCROOT%")


def test_a_uri_is_relative_to_the_folder_the_run_is_in_even_when_asked_again(tmp_path,
                                                                            monkeypatch):
    report = tmp_path / "reports" / "r.rst"
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert artifact_uri(str(report)) == ("../reports/r.rst", "%SRCROOT%")
    monkeypatch.chdir(tmp_path)
    assert artifact_uri(str(report)) == ("reports/r.rst", "%SRCROOT%")


def test_plugins_from_other_distributions_are_extensions(render, valid_sarif):
    run = run_of()
    run.plugins = {"tone": ("scr-checks", "0.1.0"),
                   "northshire": ("scr-checks-northshire", "1.2.0")}
    tool = valid_sarif(render("sarif", run))["runs"][0]["tool"]
    assert tool["extensions"] == [{"name": "scr-checks-northshire", "version": "1.2.0",
                                   "properties": {"plugins": ["northshire"]}}]


def test_privacy_findings_never_leak_the_identifier(tmp_path, monkeypatch, render,
                                                    valid_sarif, valid_junit):
    monkeypatch.chdir(tmp_path)
    Path("r.rst").write_text("Child A lived with her aunt, Kayleigh Brennan, in a flat.\n",
                             encoding="utf-8")
    run = check_paths(["r.rst"], config={"select": ["SCR2"]})
    (found,) = run.findings
    assert found.rule_id == "SCR201" and found.secret == ""
    for name, valid in (("sarif", valid_sarif), ("junit", valid_junit), ("json", json.loads),
                        ("text", str)):
        text = render(name, run)
        valid(text)
        assert "Kayleigh" not in text and "Brennan" not in text
        assert "'[name]'" in text
    log = valid_sarif(render("sarif", run))
    assert "snippet" not in log["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "region"]


def test_snippets_are_written_only_when_identifiers_are_shown(tmp_path, monkeypatch, render,
                                                               valid_sarif):
    monkeypatch.chdir(tmp_path)
    Path("r.rst").write_text("Child A lived with her aunt, Kayleigh Brennan, in a flat.\n",
                             encoding="utf-8")
    run = check_paths(["r.rst"], config={"select": ["SCR2"], "show_identifiers": True})
    log = valid_sarif(render("sarif", run, show_identifiers=True))
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 30, "endLine": 1, "endColumn": 46,
                      "snippet": {"text": "Kayleigh Brennan"}}


def test_same_inputs_give_byte_identical_files(in_repo, tmp_path):
    paths = reports(in_repo)
    outputs = []
    for n in range(2):
        target = tmp_path / f"{n}.sarif"
        junit = tmp_path / f"{n}.xml"
        main(["check", *paths, "--format", "sarif", "-o", str(target), "--junit", str(junit)])
        outputs.append((target.read_bytes(), junit.read_bytes()))
    assert outputs[0] == outputs[1]
    assert b"T00:" not in outputs[0][0] + outputs[0][1]


def test_suppressed_findings_can_be_left_out_for_github(render, valid_sarif):
    quiet = finding(line=3, column=1).evolve(suppression=Suppression("inSource", "pseudonym"))
    loud = finding(line=5, column=1)
    results = valid_sarif(render("sarif", run_of(quiet, loud), sarif_suppressed="omit"))[
        "runs"][0]["results"]
    assert [(r["locations"][0]["physicalLocation"]["region"]["startLine"], r["suppressions"])
            for r in results] == [(5, [])]


def test_cli_option_leaves_suppressed_findings_out(tmp_path, monkeypatch, valid_sarif):
    monkeypatch.chdir(tmp_path)
    Path("r.rst").write_text(".. scr-checks: disable=SCR701 -- quoted from a witness\n\n"
                             "The social worker failed to visit.\n\n"
                             "The nurse failed to record it.\n", encoding="utf-8")
    lines = []
    for choice in ("include", "omit"):
        main(["check", "r.rst", "--select", "SCR701", "-o", "out.txt", "--sarif",
              f"{choice}.sarif", "--sarif-suppressed", choice])
        results = valid_sarif(Path(f"{choice}.sarif").read_text(encoding="utf-8"))[
            "runs"][0]["results"]
        lines.append([(r["locations"][0]["physicalLocation"]["region"]["startLine"],
                       [s["kind"] for s in r["suppressions"]]) for r in results])
    assert lines == [[(3, ["inSource"]), (5, [])], [(5, [])]]


def test_incomplete_pipeline_variables_are_a_warning_not_a_half_stamped_run(
        render, valid_sarif, monkeypatch):
    monkeypatch.setenv("TF_BUILD", "True")
    for name in ("SYSTEM_COLLECTIONURI", "SYSTEM_TEAMPROJECTID", "BUILD_DEFINITIONID",
                 "SYSTEM_DEFINITIONID", "BUILD_DEFINITIONNAME", "BUILD_BUILDID",
                 "SYSTEM_PHASEID", "SYSTEM_JOBID", "SYSTEM_PHASENAME", "SYSTEM_JOBNAME",
                 "BUILD_SOURCEBRANCH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BUILD_DEFINITIONID", "12")
    sarif_run = valid_sarif(render("sarif", run_of()))["runs"][0]
    assert sarif_run["automationDetails"] == {"id": "scr-checks/"}
    (notice,) = sarif_run["invocations"][0]["toolExecutionNotifications"]
    assert notice["descriptor"]["id"] == "pipeline-variables" and notice["level"] == "warning"
    assert notice["message"]["text"].startswith(
        "Azure Pipelines variables: SYSTEM_COLLECTIONURI is not set;")
    assert sarif_run["invocations"][0]["executionSuccessful"] is True
