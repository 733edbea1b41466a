"""The run isolates plugin failures and keeps every other result."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from scr_checks.cli import main
from scr_checks.readers.rst import RstReader
from scr_checks.testing import check_paths, check_text, findings_of, make_session, rule_ids

RAISING = '''
from scr_checks import Rule, Severity, hookimpl

@hookimpl
def scr_register_rules():
    return [Rule(id="BAD101", name="bad", short="s", full="f", severity="error", question=1)]

@hookimpl
def scr_check_node(block, context):
    raise RuntimeError("checker exploded")
'''

GARBAGE = '''
from scr_checks import Rule, hookimpl

@hookimpl
def scr_register_rules():
    return [Rule(id="GAR101", name="garbage", short="s", full="f", severity="note", question=1)]

@hookimpl
def scr_check_document(report, context):
    return ["not a finding"]
'''

REPORT = "Intro\n=====\n\nText with flagme.\n"
SCHEMAS = Path(__file__).parents[1] / "schemas"


def test_raising_plugin_is_a_tool_error_and_others_still_report(make_plugin, flag_plugin):
    bad = make_plugin(RAISING)
    run = check_text(REPORT, plugins=[bad, flag_plugin])
    (error,) = run.files[0].errors
    assert error.plugin == bad
    assert "RuntimeError: checker exploded" in error.message
    assert "TST101" in rule_ids(run)


def test_raising_plugin_does_not_stop_other_files(make_plugin, flag_plugin, write_report):
    bad = make_plugin(RAISING)
    first = write_report(REPORT, "a.rst")
    second = write_report(REPORT, "b.rst")
    run = check_paths([first, second], plugins=[bad, flag_plugin])
    assert [len(f.errors) for f in run.files] == [1, 1]
    assert [len(findings_of_file(f, "TST101")) for f in run.files] == [1, 1]


def findings_of_file(file, rule_id):
    return [f for f in file.findings if f.rule_id == rule_id]


def test_garbage_return_is_reported_against_the_plugin(make_plugin):
    name = make_plugin(GARBAGE)
    run = check_text(REPORT, plugins=[name])
    (error,) = run.files[0].errors
    assert error.plugin == name
    assert "returned str, not a Finding" in error.message


def test_select_and_ignore_by_prefix(flag_plugin):
    both = check_text(REPORT, plugins=[flag_plugin])
    assert {"TST101", "SCR107"} <= set(rule_ids(both))
    only = check_text(REPORT, plugins=[flag_plugin], config={"select": ["TST"]})
    assert set(rule_ids(only)) == {"TST101"}
    ignored = check_text(REPORT, plugins=[flag_plugin], config={"ignore": ["TST1"]})
    assert "TST101" not in rule_ids(ignored)
    longest = check_text(
        REPORT, plugins=[flag_plugin], config={"ignore": ["TST"], "select": ["TST101"]}
    )
    assert set(rule_ids(longest)) == {"TST101"}


def test_severity_override_from_config(flag_plugin):
    run = check_text(REPORT, plugins=[flag_plugin], config={"severity": {"TST101": "error"}})
    (finding,) = findings_of(run, "TST101")
    assert str(finding.severity) == "error"


def test_fingerprint_survives_an_unrelated_edit_above(flag_plugin, write_report):
    options = {"plugins": [flag_plugin], "config": {"select": ["TST"]}}
    before = check_paths([write_report(REPORT)], **options)
    edited = "Intro\n=====\n\nA new paragraph.\n\nAnd another.\n\nText with flagme.\n"
    after = check_paths([write_report(edited)], **options)
    (a,) = before.findings
    (b,) = after.findings
    assert a.location.line != b.location.line
    assert a.fingerprint == b.fingerprint


NAME_PLUGIN = '''
from scr_checks import Rule, hookimpl

@hookimpl
def scr_register_rules():
    return [Rule(id="TST201", name="n", short="s", full="f", severity="error", question=2,
                 masked_as="name")]

@hookimpl
def scr_check_node(block, context):
    start = block.text.find("Jane Moss")
    if start >= 0:
        yield context.finding("TST201", "Name 'Jane Moss'", block, start, start + 9,
                              secret="Jane Moss", seen_as="called Jane Moss", count=1)
'''


def test_secret_is_masked_unless_identifiers_are_shown(make_plugin):
    name = make_plugin(NAME_PLUGIN)
    text = "Intro\n=====\n\nShe met Jane Moss.\n"
    (masked,) = check_text(text, plugins=[name], config={"select": ["TST"]}).findings
    assert "Jane Moss" not in masked.message + masked.snippet
    assert masked.message == "Name '[name]'"
    assert masked.secret == "" and masked.context == ""
    shown = check_text(text, plugins=[name], config={"select": ["TST"], "show_identifiers": True})
    assert shown.findings[0].message == "Name 'Jane Moss'"


def test_markup_problem_becomes_a_finding_not_printed(capsys):
    run = check_text("Intro\n=====\n\nSome *unclosed emphasis.\n", config={"select": ["SCR100"]})
    (finding,) = findings_of(run, "SCR100")
    assert finding.location.line == 4
    assert "emphasis" in finding.message.lower() or "inline" in finding.message.lower()
    captured = capsys.readouterr()
    assert captured.out == captured.err == ""


def test_markup_problems_come_from_the_core_plugin_like_any_check():
    session = make_session(config={"select": ["SCR100"]})
    core = session.rules.owner("SCR100")
    assert core in [impl[0] for impl in session.pm.implementations("scr_check_document")]


def test_include_and_raw_are_not_honoured(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    text = f"Intro\n=====\n\n.. include:: {secret}\n\n.. raw:: html\n   :file: {secret}\n"
    run = check_text(text)
    assert "TOPSECRET" not in repr(run)


SLOW = '''
from scr_checks import Rule, hookimpl

@hookimpl
def scr_register_rules():
    return [Rule(id="SLO101", name="slow", short="s", full="f", severity="note", question=1)]

@hookimpl
def scr_check_node(block):
    while True:
        try:
            pass
        except Exception:
            pass
'''


def test_plugin_that_runs_too_long_is_blamed_and_earlier_results_stand(
        make_plugin, flag_plugin, write_report):
    slow = make_plugin(SLOW, name="zz_slow_plugin")
    first = write_report(REPORT, "a.rst")
    second = write_report(REPORT, "b.rst")
    run = check_paths([first, second], plugins=[flag_plugin, slow],
                      config={"timeout": 0.5, "select": ["TST", "SLO"]}, autoload=False)
    for file in run.files:
        (error,) = file.errors
        assert error.plugin == slow
        assert error.message == "took longer than 0.5 s (timeout)"
        assert file.read_ok
        assert [f.rule_id for f in file.findings] == ["TST101"]


def _not_checked(file, question):
    (entry,) = [q for q in file.extras["scorecard"] if q["question"] == question]
    return {reason: rules for item in entry["not_checked"]
            for reason, rules in [(item["reason"], tuple(item["rules"]))]}


REMAINING = "; the file's remaining checks were not run"
LATE = "the file's time limit ran out before these rules ran"


def test_a_plugin_that_runs_out_of_the_files_time_skips_the_plugins_after_it(
        make_plugin, flag_plugin):
    slow = make_plugin(SLOW, name="aa_slow_plugin")
    started = time.monotonic()
    run = check_text(REPORT, plugins=[slow, flag_plugin], config={"timeout": 0.5},
                     autoload=False)
    assert time.monotonic() - started < 0.5 + 1
    (file,) = run.files
    (error,) = file.errors
    assert (error.plugin, error.message) == (slow, "took longer than 0.5 s (timeout)" + REMAINING)
    assert "TST101" not in rule_ids(run)
    assert "TST101" in _not_checked(file, 7)[LATE]


SLEEPS = '''
import time
from scr_checks import Rule, hookimpl

@hookimpl
def scr_register_rules():
    return [Rule(id="{id}", name="sleeps", short="s", full="f", severity="note", question=1)]

@hookimpl
def scr_check_document(report, context):
    time.sleep(0.3)
    return [context.finding("{id}", "slept")]
'''


def test_the_limit_holds_for_the_whole_file_not_for_each_step(make_plugin):
    """Two steps of 0.3 s each fit a limit of 0.5 s each, but not one of 0.5 s."""
    first = make_plugin(SLEEPS.replace("{id}", "SLA101"), name="aa_sleeps")
    second = make_plugin(SLEEPS.replace("{id}", "SLB101"), name="ab_sleeps")
    started = time.monotonic()
    run = check_text(REPORT, plugins=[first, second], config={"timeout": 0.5},
                     autoload=False)
    assert time.monotonic() - started < 0.5 + 1
    (file,) = run.files
    (error,) = file.errors
    assert (error.plugin, error.message) == (second,
                                             "took longer than 0.5 s (timeout)" + REMAINING)
    # What the finished step found is reported.
    assert "SLA101" in rule_ids(run) and "SLB101" not in rule_ids(run)


OVERSTAYS = '''
import signal, time
from scr_checks import Rule, hookimpl

@hookimpl
def scr_register_rules():
    return [Rule(id="OVR101", name="overstays", short="s", full="f", severity="note",
                 question=1)]

@hookimpl
def scr_check_document(report, context):
    signal.setitimer(signal.ITIMER_REAL, 0)  # the timer never fires: it ends late, unharmed
    time.sleep(0.6)
    return [context.finding("OVR101", "late")]
'''


def test_a_step_that_ends_past_the_deadline_unnoticed_still_skips_the_rest(
        make_plugin, flag_plugin):
    late = make_plugin(OVERSTAYS, name="aa_overstays")
    run = check_text(REPORT, plugins=[late, flag_plugin], config={"timeout": 0.5},
                     autoload=False)
    (file,) = run.files
    (error,) = file.errors
    assert error.plugin == ""
    assert re.fullmatch(r"cannot check: took longer than 0\.5 s \(timeout\) before plugin "
                        r"'\w+' ran" + re.escape(REMAINING), error.message)
    assert "OVR101" in rule_ids(run) and "TST101" not in rule_ids(run)
    assert "TST101" in _not_checked(file, 7)[LATE]


def test_a_slow_plugin_whose_name_sorts_first_runs_after_privacy(make_plugin):
    """The plugins that find identifiers run first, whatever their names: a slow
    plugin can use up the file's time, but not before the identifiers are found
    that every output is masked with."""
    slow = make_plugin(SLOW, name="aa_slow_plugin")
    text = "Intro\n=====\n\nJane Moss lives at 12 Acacia Avenue, Leeds LS1 4AB.\n"
    run = check_text(text, plugins=[slow], config={"timeout": 0.5})
    (file,) = run.files
    (error,) = file.errors
    assert error.plugin == slow and error.message.startswith("took longer than 0.5 s")
    found = [f for f in run.findings if f.rule_id.startswith("SCR2")]
    assert found and not _not_checked(file, 2)
    assert all("Jane Moss" not in f.message + f.snippet for f in run.findings)


def test_slow_modify_findings_is_blamed(make_plugin, flag_plugin):
    slow = make_plugin(
        "from scr_checks import hookimpl\n"
        "@hookimpl\ndef scr_modify_findings(findings):\n    while True:\n        pass\n"
    )
    run = check_text(REPORT, plugins=[slow, flag_plugin], config={"timeout": 0.5},
                     autoload=False)
    (error,) = run.files[0].errors
    assert (error.plugin, error.message) == (
        slow, "took longer than 0.5 s (timeout) in scr_modify_findings")
    assert "TST101" in rule_ids(run)


def test_modify_findings_isolated_per_plugin_and_trylast_runs_last(make_plugin, flag_plugin):
    raising = make_plugin(
        "from scr_checks import hookimpl\n"
        "@hookimpl\ndef scr_modify_findings(findings):\n    raise KeyError('oops')\n",
        name="aa_raising_modifier",
    )
    last = make_plugin(
        "from scr_checks import hookimpl\n"
        "@hookimpl(trylast=True)\ndef scr_modify_findings(findings):\n"
        "    findings[:] = [f.evolve(message=f.message + ' (seen last)') for f in findings]\n",
        name="aa_last_modifier",
    )
    first = make_plugin(
        "from scr_checks import hookimpl\n"
        "@hookimpl\ndef scr_modify_findings(findings):\n"
        "    findings[:] = [f.evolve(message=f.message + ' (seen)') for f in findings]\n",
        name="zz_first_modifier",
    )
    run = check_text(REPORT, plugins=[flag_plugin, raising, last, first],
                     config={"select": ["TST"]})
    (error,) = run.files[0].errors
    assert error.plugin == raising and "KeyError" in error.message
    (finding,) = run.findings
    assert finding.message == "found flagme (seen) (seen last)"


def test_check_report_checks_a_parsed_report_as_check_file_does(flag_plugin, write_report):
    path = write_report(".. scr-checks: disable=TST101\n\nA flagme.\n\nB flagme.\n")
    session = make_session(plugins=[flag_plugin], config={"select": ["TST"]})
    from_file = session.check_file(path)
    report = RstReader({}).read(session.shown(path), path.read_bytes())
    from_report = session.check_report(report, path)
    assert from_report.findings == from_file.findings
    assert [f.suppressed for f in from_report.findings] == [True, False]
    assert from_report.extras["scorecard"] == from_file.extras["scorecard"]


def test_secret_is_masked_in_a_plugins_own_properties_too(make_plugin):
    name = make_plugin(NAME_PLUGIN)
    (finding,) = check_text("Intro\n=====\n\nShe met Jane Moss.\n", plugins=[name],
                            config={"select": ["TST"]}).findings
    assert finding.properties == {"seen_as": "called [name]", "count": 1}


def word_report(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Introduction", level=1)
    document.add_paragraph("The review began in 2023.")
    document.add_heading("Analysis", level=1)
    document.add_paragraph("The family moved twice that year.")
    document.add_paragraph("The worker failed to visit the home that spring.")
    document.add_paragraph("Kayleigh Brennan said the worker failed to visit.")
    path = tmp_path / "report.docx"
    document.save(str(path))
    return path


def test_word_findings_count_paragraphs_as_a_reader_does_and_give_a_safe_cue(tmp_path):
    run = make_session().run([str(word_report(tmp_path))])
    blame = [f.location.describe() for f in findings_of(run, "SCR701")]
    assert blame == [
        "paragraph 2, under Analysis, starting 'The worker failed to visit the…'",
        "paragraph 3, under Analysis",  # a name is among its first words: no cue
    ]
    (name,) = findings_of(run, "SCR201")
    assert name.location.describe() == "paragraph 3, under Analysis"


def test_no_cue_when_the_privacy_rules_did_not_run(tmp_path):
    run = make_session(config={"select": ["SCR7"]}).run([str(word_report(tmp_path))])
    assert [f.location.describe() for f in findings_of(run, "SCR701")] == [
        "paragraph 2, under Analysis", "paragraph 3, under Analysis"]


def bad_finding_plugin(make_plugin, finding: str, hook: str = "scr_check_document") -> str:
    """A plugin registering BAD201 whose check returns ``finding`` (Python source)."""
    check = (f"def scr_check_document(context):\n    return [{finding}]\n"
             if hook == "scr_check_document" else
             f"def scr_modify_findings(findings, context):\n    findings.append({finding})\n")
    return make_plugin(
        "from scr_checks import Finding, Location, Rule, Severity, hookimpl\n"
        "@hookimpl\ndef scr_register_rules():\n"
        "    return [Rule(id='BAD201', name='bad', short='s', full='f', severity='warning',"
        " question=1)]\n"
        f"@hookimpl\n{check}"
    )


GOOD = "context.finding('BAD201', 'fine')"


@pytest.mark.parametrize(("finding", "problem"), [
    ("context.finding('BAD201', 'm').evolve(severity='critical')",
     "gave a finding of BAD201 the severity 'critical' (use Severity.ERROR, WARNING or NOTE)"),
    ("context.finding('BAD201', 'm').evolve(location=None)",
     "gave a finding of BAD201 no location"),
    ("context.finding('BAD201', '')", "gave a finding of BAD201 no message"),
    ("context.finding('BAD201', 'm').evolve(message=None)", "gave a finding of BAD201 no message"),
    ("Finding('BAD201', 'm', Severity.NOTE, Location(path='other.rst', line=1))",
     "gave a finding of BAD201 a location in another file ('other.rst')"),
    ("Finding('BAD201', 'm', Severity.NOTE, Location(path=context.path, line=-5))",
     "ValueError: location line -5 is not a whole number from 1"),
    ("'a string'", "returned str, not a Finding"),
])
def test_a_bad_finding_is_that_plugins_error_and_the_others_stand(
        make_plugin, flag_plugin, finding, problem):
    bad = bad_finding_plugin(make_plugin, finding)
    run = check_text(REPORT, plugins=[bad, flag_plugin], config={"select": ["TST", "BAD"]})
    (error,) = run.files[0].errors
    assert (error.plugin, error.message) == (bad, problem)
    assert rule_ids(run) == ["TST101"]


@pytest.mark.parametrize(("finding", "problem"), [
    ("'not a finding'", "returned str, not a Finding in scr_modify_findings"),
    ("context.finding('BAD201', 'm').evolve(severity=7)",
     "gave a finding of BAD201 the severity 7 (use Severity.ERROR, WARNING or NOTE) in "
     "scr_modify_findings"),
])
def test_a_bad_finding_added_in_modify_findings_is_undone_and_blamed(
        make_plugin, flag_plugin, finding, problem):
    bad = bad_finding_plugin(make_plugin, finding, hook="scr_modify_findings")
    run = check_text(REPORT, plugins=[bad, flag_plugin], config={"select": ["TST", "BAD"]})
    (error,) = run.files[0].errors
    assert (error.plugin, error.message) == (bad, problem)
    assert rule_ids(run) == ["TST101"]


def test_a_bad_finding_still_gives_valid_sarif(make_plugin, flag_plugin, tmp_path,
                                               monkeypatch, capsys):
    import json

    import jsonschema

    from scr_checks.cli import main

    bad = bad_finding_plugin(
        make_plugin, "Finding('BAD201', 'm', Severity.NOTE, Location(path=context.path, line=-5))")
    (tmp_path / "r.rst").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "r.rst", "-p", bad, "-p", flag_plugin, "--format", "sarif",
                 "--select", "TST,BAD"])
    sarif = json.loads(capsys.readouterr().out)
    schema = json.loads((SCHEMAS / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    assert code == 2
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["TST101"]


@pytest.mark.parametrize(("raised", "message"), [
    ("SystemExit(0)", "tried to end the run (SystemExit(0))"),
    ("SystemExit('bye')", "tried to end the run (SystemExit('bye'))"),
    ("KeyboardInterrupt()", "raised KeyboardInterrupt (no Ctrl-C was pressed)"),
])
def test_exit_and_interrupt_raised_by_a_plugin_are_its_failure(
        make_plugin, flag_plugin, write_report, raised, message):
    quitter = make_plugin(
        "from scr_checks import hookimpl\n"
        f"@hookimpl\ndef scr_check_document():\n    raise {raised}\n",
        name="aa_quitter")
    first, second = write_report(REPORT, "a.rst"), write_report(REPORT, "b.rst")
    run = check_paths([first, second], plugins=[quitter, flag_plugin],
                      config={"select": ["TST"]})
    for file in run.files:
        (error,) = file.errors
        assert (error.plugin, error.message) == (quitter, message)
        assert [f.rule_id for f in file.findings] == ["TST101"]


def test_a_real_ctrl_c_still_stops_a_file_checked_in_this_process(make_plugin, write_report):
    interrupted = make_plugin(
        "import os, signal\nfrom scr_checks import hookimpl\n"
        "@hookimpl\ndef scr_check_document():\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    while True:\n        pass\n")
    session = make_session(plugins=[interrupted])
    with pytest.raises(KeyboardInterrupt):
        session.check_file(write_report(REPORT))


def test_a_real_ctrl_c_stops_the_run_at_once(make_plugin, write_report):
    """Ctrl-C reaches the parent (the worker ignores it): the run stops, worker and all."""
    interrupted = make_plugin(
        "import os, signal\nfrom scr_checks import hookimpl\n"
        "@hookimpl\ndef scr_check_document():\n"
        "    os.kill(os.getppid(), signal.SIGINT)\n"
        "    while True:\n        pass\n")
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        check_paths([write_report(REPORT)], plugins=[interrupted], config={"timeout": 60})
    assert time.monotonic() - started < 10


def test_exit_in_a_start_up_hook_is_one_error_naming_the_plugin(make_plugin):
    from scr_checks.exceptions import PluginLoadError

    quitter = make_plugin(
        "from scr_checks import hookimpl\n"
        "@hookimpl\ndef scr_configure(config):\n    raise SystemExit(3)\n")
    with pytest.raises(PluginLoadError, match=(
            rf"plugin '{quitter}' failed in scr_configure: tried to end the run "
            r"\(SystemExit\(3\)\)")):
        check_text(REPORT, plugins=[quitter])


def test_the_warm_up_before_the_workers_fork_shows_no_plugin_of_ours_a_file(
        make_plugin, write_report, tmp_path):
    seen = tmp_path / "seen.txt"
    recorder = make_plugin(
        "from scr_checks import hookimpl\n"
        "@hookimpl\ndef scr_check_document(report):\n"
        f"    open({str(seen)!r}, 'a').write(report.path + '\\n')\n")
    session = make_session(plugins=[recorder])
    path = write_report(REPORT)
    other = write_report(REPORT, "other.rst")
    session.run([str(path), str(other)], jobs=2)
    session.run([str(path)], jobs=2)
    assert sorted(seen.read_text().splitlines()) == sorted(
        [session.shown(path), session.shown(other), session.shown(path)])
    assert session._warmed


def test_without_the_timer_a_step_runs_on_but_the_steps_after_the_limit_are_skipped(
        make_plugin, flag_plugin, monkeypatch):
    from scr_checks import timelimit

    monkeypatch.setattr(timelimit, "can_limit", lambda: False)
    slow = make_plugin(SLEEPS.replace("{id}", "SLA101").replace("0.3", "0.6"),
                       name="aa_sleeps")
    run = check_text(REPORT, plugins=[slow, flag_plugin], config={"timeout": 0.5},
                     autoload=False)
    (file,) = run.files
    (error,) = file.errors
    assert error.message.startswith("cannot check: took longer than 0.5 s (timeout) before")
    assert "SLA101" in rule_ids(run) and "TST101" not in rule_ids(run)


MANY = '''
from scr_checks import Rule, hookimpl

@hookimpl
def scr_register_rules():
    return [Rule(id="MNY101", name="many", short="s", full="f", severity="note", question=1)]

@hookimpl
def scr_check_node(block, context):
    for start in range(len(block.text)):
        yield context.finding("MNY101", "a letter", block, start, start + 1)
'''


def test_a_plugin_past_max_findings_stops_with_one_error_and_keeps_what_it_found(
        make_plugin, flag_plugin):
    many = make_plugin(MANY)
    run = check_text(REPORT, plugins=[many, flag_plugin], autoload=False,
                     config={"max_findings": 10, "select": ["MNY", "TST"]})
    (file,) = run.files
    (error,) = file.errors
    assert (error.plugin, error.message) == (
        many, "made more than 10 findings in this report (max_findings), so its checks "
              "stopped there")
    ids = rule_ids(run)
    assert ids.count("MNY101") == 10 and "TST101" in ids


def test_max_findings_of_zero_sets_no_limit(make_plugin):
    many = make_plugin(MANY)
    run = check_text(REPORT, plugins=[many], autoload=False, config={"max_findings": 0})
    assert not run.files[0].errors
    assert rule_ids(run).count("MNY101") == len("Intro") + len("Text with flagme.")


def test_finishing_out_of_time_after_a_plugin_did_is_still_the_files_one_error(
        make_plugin, monkeypatch):
    """The core's finishing may run half a second past the limit; past that the
    findings are lost, and the file's time-out line says so rather than a second
    line saying it again."""
    from scr_checks.runner import Session

    slow = make_plugin(SLOW, name="zz_slow_plugin")
    finish = Session._whole_report_only

    def late(self, findings, context):
        time.sleep(1.5)
        return finish(self, findings, context)

    monkeypatch.setattr(Session, "_whole_report_only", late)
    run = check_text(REPORT, plugins=[slow], config={"timeout": 0.5})
    (file,) = run.files
    (error,) = file.errors
    assert error.plugin == slow
    assert error.message == ("took longer than 0.5 s (timeout), and no finding could be "
                             "kept in the time")
    assert not file.findings


PRINTING_PLUGIN = """
from scr_checks import hookimpl

@hookimpl
def scr_check_node(block):
    print("plugin says hi")
    return []
"""


@pytest.mark.parametrize("isolated", [True, False], ids=["worker", "in-process"])
def test_what_a_checker_prints_goes_to_standard_error_not_into_the_output(
        isolated, make_plugin, tmp_path, monkeypatch, capfd):
    monkeypatch.setattr("scr_checks.parallel.can_isolate", lambda: isolated)
    report = tmp_path / "r.rst"
    report.write_text("Intro\n=====\n\nText.\n", encoding="utf-8")
    main(["check", str(report), "--format", "json", "-p", make_plugin(PRINTING_PLUGIN)])
    out = capfd.readouterr().out
    assert json.loads(out)["files"][0]["read"]
    assert "plugin says hi" not in out


def test_a_report_named_twice_or_inside_a_folder_given_is_checked_once(tmp_path, monkeypatch,
                                                                      capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "r.rst").write_text("Intro\n=====\n\nText.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "reports/r.rst", "./reports/r.rst", "reports", "--format", "json"])
    assert [f["path"] for f in json.loads(capsys.readouterr().out)["files"]] == ["reports/r.rst"]



NAMED_IN_A_LONG_SENTENCE = (
    "Findings\n========\n\nIn the weeks that followed the referral the health visitor, the "
    "school nurse and the duty social worker each recorded that Kayleigh Blackwood had been "
    "present at the home during visits, although none of them asked who Kayleigh Blackwood "
    "was or shared what they had seen with the other agencies involved.\n")


@pytest.mark.parametrize("config", [{"select": ["SCR6"]}, {"ignore": ["SCR2"]},
                                    {"ignore": ["SCR201"]}],
                         ids=["select-without-privacy", "ignore-privacy", "ignore-names-rule"])
def test_identifiers_are_masked_when_the_privacy_rules_are_left_out(config, tmp_path):
    report = tmp_path / "r.rst"
    report.write_text(NAMED_IN_A_LONG_SENTENCE, encoding="utf-8")
    session = make_session(config=config)
    result = session.run([str(report)])
    assert "SCR604" in {f.rule_id for f in result.findings}  # a finding quotes the sentence
    assert not {f.rule_id for f in result.findings} - {r.id for r in session.selected}
    for name in ("json", "sarif", "text", "html"):
        output = session.formatters[name](session.config).render(result)
        assert "Blackwood" not in output and "Kayleigh" not in output, name
