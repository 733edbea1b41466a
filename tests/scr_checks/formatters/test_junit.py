"""JUnit output: valid junit-10, stable test names, counts a CI parser agrees with."""

from __future__ import annotations

from pathlib import Path

from junitparser import Error, Failure, JUnitXml

from scr_checks.formatters.junit import xml_text
from scr_checks.results import FileResult, Finding, Location, RunResult, Suppression, ToolError
from scr_checks.rules import Rule, Severity
from scr_checks.testing import check_paths

TONE = Rule(id="TST701", name="flag-word", short="A flagged word.", full="Flagged.",
            severity=Severity.WARNING, question=7)
NAMES = Rule(id="TST201", name="flag-name", short="A name.", full="Named.",
             severity=Severity.ERROR, question=2)


def finding(rule=TONE, severity=Severity.WARNING, message="Flagged.", path="r.rst", **where):
    return Finding(rule_id=rule.id, message=message, severity=severity,
                   location=Location(path=path, **where), fingerprint="00:1")


def run_of(*findings, path="r.rst", errors=()):
    return RunResult(files=[FileResult(path=path, findings=list(findings), errors=list(errors),
                                       format="rst")], rules=[NAMES, TONE], version="0.1.0")


def cases(tree):
    return {case.get("name"): case for case in tree.iter("testcase")}


def test_fixture_reports_validate_and_junitparser_counts_agree(in_repo, tmp_path, render,
                                                               valid_junit):
    paths = ["fixtures/reports/sample.rst", "fixtures/reports/well_formed.rst",
             "fixtures/reports/same/report.pdf", "fixtures/reports/missing.rst"]
    run = check_paths(paths, config={"fail_level": "warning"})
    text = render("junit", run, fail_level="warning")
    valid_junit(text)
    target = tmp_path / "junit.xml"
    target.write_text(text, encoding="utf-8")
    suites = {suite.name: suite for suite in JUnitXml.fromfile(str(target))}
    assert list(suites) == [f.path for f in run.files]
    for file in run.files:
        suite = suites[file.path]
        failing = {f.rule_id for f in file.findings
                   if not f.suppressed and f.severity >= Severity.WARNING}
        if file.read_ok:
            assert (suite.tests, suite.failures, suite.errors) == (
                len(run.rules) + 1, len(failing), 0)
        else:
            assert (suite.tests, suite.failures, suite.errors) == (1, 0, 1)
        failed = {case.name.split()[0] for case in suite
                  if any(isinstance(r, Failure) for r in case.result)}
        assert failed == failing
    assert suites["fixtures/reports/sample.rst"].failures > 5
    assert suites["fixtures/reports/well_formed.rst"].failures == 0
    (missing,) = suites["fixtures/reports/missing.rst"]
    assert missing.name == "read" and isinstance(missing.result[0], Error)


def test_names_are_stable_unique_and_classnames_have_no_dots(in_repo, render, valid_junit):
    clean = valid_junit(render("junit", check_paths(["fixtures/reports/well_formed.rst"])))
    flawed = valid_junit(render("junit", check_paths(["fixtures/reports/flawed.rst"])))
    names = [[c.get("name") for c in tree.iter("testcase")] for tree in (clean, flawed)]
    assert names[0] == names[1]
    assert len(set(names[0])) == len(names[0])
    assert names[0][:2] == ["read", "SCR100 markup-problem"]
    classnames = {c.get("classname") for c in flawed.iter("testcase")}
    assert classnames == {"fixtures/reports/flawed_rst"}


def test_failure_lists_each_finding_with_its_position(render, valid_junit):
    run = run_of(finding(line=3, column=5, message="First."),
                 finding(line=9, column=1, message="Second."),
                 finding(NAMES, Severity.ERROR, "Personal name: 'K*** B***'.", line=2,
                         column=7))
    tree = valid_junit(render("junit", run))
    failure = cases(tree)["TST701 flag-word"].find("failure")
    assert failure.get("type") == "TST701"
    assert failure.get("message") == "2 findings; first at r.rst:3:5: First."
    assert failure.text == ("r.rst:3:5: warning TST701 First.\n"
                            "r.rst:9:1: warning TST701 Second.")
    suite = tree.getroot()[0]
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "0")
    assert tree.getroot().get("failures") == "2"


def test_findings_below_the_fail_level_and_suppressed_ones_pass_with_output(render,
                                                                            valid_junit):
    run = run_of(finding(line=3, column=5),
                 finding(NAMES, Severity.ERROR, "Named.", line=4, column=1).evolve(
                     suppression=Suppression("inSource", "pseudonym")))
    tree = valid_junit(render("junit", run, fail_level="error"))
    tone, names = cases(tree)["TST701 flag-word"], cases(tree)["TST201 flag-name"]
    assert tone.find("failure") is None and names.find("failure") is None
    assert tone.findtext("system-out") == "r.rst:3:5: warning TST701 Flagged."
    assert names.findtext("system-out") == "r.rst:4:1: error TST201 Named. (suppressed)"
    assert tree.getroot().get("failures") == "0"


def test_word_and_pdf_findings_give_page_and_paragraph(render, valid_junit):
    where = {"page": 4, "paragraph_number": "3.2", "heading_path": ("Findings",)}
    tree = valid_junit(render("junit", run_of(finding(path="r.pdf", **where), path="r.pdf")))
    failure = cases(tree)["TST701 flag-word"].find("failure")
    assert failure.text == "r.pdf: page 4, paragraph 3.2, under Findings: warning TST701 Flagged."


def test_unreadable_inputs_and_plugin_errors_are_errors(render, valid_junit):
    run = run_of(errors=[ToolError("r.rst", "RuntimeError: boom", "northshire"),
                         ToolError("r.rst", "TypeError: bad", "northshire")])
    run.files.append(FileResult(path="x.docx",
                                errors=[ToolError("x.docx", "cannot read: file is empty")]))
    run.run_errors.append(ToolError("out.sarif", "cannot write: Permission denied"))
    tree = valid_junit(render("junit", run))
    plugin = cases(tree)["plugin northshire"]
    assert [(e.get("type"), e.get("message")) for e in plugin.findall("error")] == [
        ("PluginError", "RuntimeError: boom"), ("PluginError", "TypeError: bad")]
    suites = tree.getroot().findall("testsuite")
    assert [s.get("name") for s in suites] == ["r.rst", "x.docx", "scr-checks"]
    read = suites[1].find("testcase")
    assert (read.get("classname"), read.get("name")) == ("x_docx", "read")
    assert read.find("error").text == "x.docx: cannot read: file is empty"
    assert suites[2].find("testcase/error").get("message") == "cannot write: Permission denied"
    assert tree.getroot().get("errors") == "3"


def test_the_rules_of_a_plugin_that_crashed_are_errors_not_passes(render, valid_junit):
    run = run_of(finding(line=2, column=1),
                 errors=[ToolError("r.rst", "RuntimeError: boom", "tone")])
    run.owners = {"TST201": "names", "TST701": "tone"}
    tree = valid_junit(render("junit", run))
    by_name = cases(tree)
    tone = by_name["TST701 flag-word"]
    assert [(e.get("type"), e.text) for e in tone.findall("error")] == [
        ("PluginError", "r.rst: plugin 'tone': RuntimeError: boom")]
    assert tone.find("failure") is not None  # what it did find is still listed
    assert by_name["TST201 flag-name"].find("error") is None
    assert "plugin tone" not in by_name
    suite = tree.getroot().find("testsuite")
    assert (suite.get("failures"), suite.get("errors")) == ("1", "1")


def test_a_crashed_rule_is_an_error_for_junitparser_too(in_repo, make_plugin, tmp_path,
                                                        render):
    name = make_plugin(
        "from scr_checks import Rule, hookimpl\n"
        "@hookimpl\ndef scr_register_rules():\n"
        "    return [Rule(id='CRH101', name='crash', short='s', full='f', severity='warning',"
        " question=1)]\n"
        "@hookimpl\ndef scr_check_document(report, context):\n"
        "    raise RuntimeError('boom')\n")
    run = check_paths(["fixtures/reports/well_formed.rst"], plugins=[name],
                      config={"select": ["CRH", "SCR701"]})
    target = tmp_path / "junit.xml"
    target.write_text(render("junit", run), encoding="utf-8")
    (suite,) = JUnitXml.fromfile(str(target))
    results = {case.name: [type(r).__name__ for r in case.result] for case in suite}
    assert results == {"read": [], "CRH101 crash": ["Error"], "SCR701 blame-language": []}


def test_characters_xml_forbids_never_reach_the_file(render, valid_junit):
    message = "Page\x0cbreak\x00 and \ud800 half a pair, \U0001F600 kept, \u202eRTL"
    tree = valid_junit(render("junit", run_of(finding(message=message, line=1, column=1))))
    failure = cases(tree)["TST701 flag-word"].find("failure")
    assert failure.text == ("r.rst:1:1: warning TST701 Page#x0Cbreak#x00 and \ufffd half a "
                            "pair, \U0001F600 kept, \u202eRTL")
    assert xml_text("\ud83d\ude00") == "\U0001F600"


def test_cli_writes_junit_beside_sarif(in_repo, tmp_path, valid_junit, valid_sarif):
    from scr_checks.cli import main

    sarif, junit = tmp_path / "out.sarif", tmp_path / "out.xml"
    status = main(["check", "fixtures/reports/sample.rst", "--format", "text", "-o",
                   str(tmp_path / "out.txt"), "--sarif", str(sarif), "--junit", str(junit)])
    assert status == 1
    log = valid_sarif(sarif.read_text(encoding="utf-8"))
    tree = valid_junit(junit.read_text(encoding="utf-8"))
    failed = sum(1 for case in tree.iter("testcase") if case.find("failure") is not None)
    fired = {r["ruleId"] for r in log["runs"][0]["results"] if r["level"] != "note"}
    assert failed == len(fired) > 0
    assert Path(junit).read_bytes().startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
