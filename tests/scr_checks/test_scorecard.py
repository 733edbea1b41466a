"""The scorecard, and the planted problems of the flawed report under their questions."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from scr_checks.cli import main
from scr_checks.rules import QUESTIONS
from scr_checks.testing import check_paths, check_text

REPORTS = Path(__file__).parents[2] / "fixtures" / "reports"
EXPECT = re.compile(r"^\.\. expect(-document)?: (.+)$")
#: The snippet stands for a whole report, so rules that need one run on it.
WHOLE = {"kind": "full_report"}


def statuses(run) -> dict[int, str]:
    return {entry["question"]: entry["status"] for entry in run.files[0].extras["scorecard"]}


def planted(path: Path) -> Counter[tuple[str, int]]:
    """(rule, line) for each expect comment: the next line of text, or line 1."""
    lines = path.read_text(encoding="utf-8").splitlines()
    wanted: Counter[tuple[str, int]] = Counter()
    for number, line in enumerate(lines, start=1):
        match = EXPECT.match(line)
        if not match:
            continue
        target = 1 if match.group(1) else next(
            n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip())
        wanted.update((rule, target) for rule in match.group(2).split())
    return wanted


def test_well_formed_report_is_met_wherever_checked():
    run = check_paths([REPORTS / "well_formed.rst"])
    assert not run.files[0].errors
    assert [(f.rule_id, f.location.line) for f in run.findings] == []
    assert set(statuses(run).values()) <= {"no problems found", "not checked"}
    for question in (1, 3, 4, 5, 8):
        assert statuses(run)[question] == "no problems found"


def test_flawed_report_finds_each_planted_problem_and_nothing_else():
    path = REPORTS / "flawed.rst"
    run = check_paths([path])
    assert not run.files[0].errors
    found = Counter((f.rule_id, f.location.line) for f in run.findings)
    assert found == planted(path)
    card = {e["question"]: e for e in run.files[0].extras["scorecard"]}
    for rule, _line in planted(path):
        entry = card[int(rule[3])]
        assert entry["status"] == "needs attention"
        assert rule in entry["findings"]


def test_not_checked_when_no_rule_of_the_question_ran():
    run = check_text("Intro\n=====\n\nText.\n", config={"select": ["SCR802"], **WHOLE})
    card = statuses(run)
    assert card[8] == "needs attention"
    assert {card[q] for q in QUESTIONS if q != 8} == {"not checked"}



def test_a_question_with_no_rule_selected_says_so(capsys):
    run = check_text("Intro\n=====\n\nText.\n", config={"ignore": ["SCR2"], **WHOLE})
    card = {entry["question"]: entry for entry in run.files[0].extras["scorecard"]}
    assert card[2]["status"] == "not checked"
    assert card[2]["not_checked"] == [{"rules": [], "reason": "none of its rules is selected"}]
    assert all(not any(gap["reason"] == "none of its rules is selected"
                       for gap in card[q]["not_checked"]) for q in QUESTIONS if q != 2)


def test_terminal_scorecard_gives_the_reason_for_an_unselected_question(tmp_path, capsys):
    report = tmp_path / "report.rst"
    report.write_text("Intro\n=====\n\nText.\n", encoding="utf-8")
    main(["check", str(report), "--ignore", "SCR2", "--no-color"])
    lines = capsys.readouterr().out.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("  Q2 not checked"))
    assert lines[at + 1] == "       not checked: none of its rules is selected (in 1 report)"


def test_suppressed_findings_do_not_count(make_plugin):
    suppress = make_plugin('''
from scr_checks import Suppression, hookimpl

@hookimpl
def scr_modify_findings(findings):
    findings[:] = [f.evolve(suppression=Suppression("external")) for f in findings]
''')
    run = check_text("Intro\n=====\n\nText.\n", config={"select": ["SCR802"], **WHOLE},
                     plugins=[suppress])
    entry = run.files[0].extras["scorecard"][7]
    assert (entry["question"], entry["status"], entry["findings"]) == (
        8, "no problems found", {})


def test_a_failing_plugin_leaves_its_question_not_checked(make_plugin):
    raising = make_plugin('''
from scr_checks import Rule, hookimpl

@hookimpl
def scr_register_rules():
    return [Rule(id="TST401", name="t", short="s", full="f", severity="note", question=4)]

@hookimpl
def scr_check_document():
    raise RuntimeError("boom")
''')
    run = check_text("Intro\n=====\n\nText.\n", config={"select": ["TST401"]},
                     plugins=[raising])
    assert statuses(run)[4] == "not checked"


def test_terminal_output_prints_the_scorecard_unless_asked_not_to(capsys):
    path = str(REPORTS / "flawed.rst")
    main(["check", path, "--select", "SCR3", "--no-color"])
    out = capsys.readouterr().out
    assert "Quality marker 'The report'" in out
    assert re.search(r"Q3 needs attention +Findings and recommendations .*\(SCR301 x1, "
                     r"SCR302 x1, SCR304 x1\)", out)
    assert re.search(r"Q1 not checked", out)
    main(["check", path, "--select", "SCR3", "--no-color", "--no-scorecard"])
    assert "Quality marker" not in capsys.readouterr().out
