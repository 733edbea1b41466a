"""The command line: exit codes, folders, bad inputs, listing rules."""

from __future__ import annotations

import argparse
import gc
import io
import json
import logging
import os
import shlex
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest

from scr_checks import __version__
from scr_checks.cli import _wrap_line, build_parser, main, settled_garbage_collector
from scr_checks.testing import make_session

#: Every required section, so the structure rules find nothing.
GOOD = (Path(__file__).parents[2] / "fixtures" / "reports"
        / "required_sections.rst").read_text(encoding="utf-8")

#: Every required section but the methodology.
MISSING_SECTIONS = "".join(f"{title}\n{'=' * len(title)}\n\nText.\n\n" for title in (
    "Introduction", "Analysis", "Findings", "Recommendations"))


def test_exit_0_when_nothing_at_fail_level(write_report, capsys):
    assert main(["check", str(write_report(GOOD)), "--select", "SCR101"]) == 0


def test_exit_1_on_findings_and_line_format(write_report, capsys):
    path = write_report(MISSING_SECTIONS)
    assert main(["check", str(path), "--select", "SCR101", "--no-color"]) == 1
    out = capsys.readouterr().out
    expected = (f"{path}:1:1: SCR101 [warning] No 'Methodology' section: no heading was "
                "recognised as one. (add a section with a heading such as 'Methodology')")
    assert expected in out.splitlines()


def test_fail_level_error_ignores_warnings(write_report):
    path = write_report(MISSING_SECTIONS)
    assert main(["check", str(path), "--select", "SCR101", "--fail-level", "error"]) == 0


def test_unreadable_input_is_exit_2_and_others_still_checked(write_report, tmp_path, capsys):
    good = write_report(MISSING_SECTIONS, "good.rst")
    bad = tmp_path / "bad.rst"
    bad.write_bytes(b"\x00\x01binary\x00data")
    missing = tmp_path / "missing.rst"
    code = main(["check", str(bad), str(missing), str(good), "--select", "SCR101"])
    captured = capsys.readouterr()
    assert code == 2
    assert "SCR101" in captured.out
    assert "Traceback" not in captured.out + captured.err
    errors = [line for line in captured.err.splitlines() if line.startswith("scr-checks: error")]
    assert len(errors) == 2
    assert any("bad.rst" in line and "cannot read" in line for line in errors)
    assert any("missing.rst" in line and "no such file" in line for line in errors)


def test_folder_is_walked_for_supported_files(write_report, tmp_path, capsys):
    write_report(MISSING_SECTIONS, "reports/a.rst")
    write_report(MISSING_SECTIONS, "reports/sub/b.rst")
    (tmp_path / "reports" / "notes.xyz").write_text("x", encoding="utf-8")
    main(["check", str(tmp_path / "reports"), "--format", "json", "--select", "SCR101"])
    data = json.loads(capsys.readouterr().out)
    assert [PurePosixPath(f["path"]).name for f in data["files"]] == ["a.rst", "b.rst"]


def test_unknown_format_and_unknown_extension(tmp_path, write_report, capsys):
    path = write_report(GOOD)
    assert main(["check", str(path), "--format", "nope"]) == 2
    assert "unknown output format 'nope'" in capsys.readouterr().err
    odd = tmp_path / "report.xyz"
    odd.write_text("x", encoding="utf-8")
    assert main(["check", str(odd)]) == 2
    assert "unsupported file type '.xyz'" in capsys.readouterr().err


def test_output_file_is_written(write_report, tmp_path):
    target = tmp_path / "out.json"
    main(["check", str(write_report(MISSING_SECTIONS)), "--format", "json", "-o", str(target)])
    assert json.loads(target.read_text(encoding="utf-8"))["files"][0]["findings"]


def test_config_error_is_one_line_exit_2(write_report, tmp_path, capsys):
    (tmp_path / "scr-checks.toml").write_text("colour = 1\n", encoding="utf-8")
    assert main(["check", str(write_report(GOOD))]) == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith("unknown key 'colour'") and "\n" not in err


def test_every_wrong_key_of_a_configuration_is_a_line_of_its_own(write_report, tmp_path,
                                                                 capsys):
    (tmp_path / "scr-checks.toml").write_text(
        'colour = 1\nfail_level = "loud"\n[structure]\nrequired_sections = "analysis"\n',
        encoding="utf-8")
    assert main(["check", str(write_report(GOOD))]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3 and all(line.startswith("scr-checks: error: ") for line in err), err
    assert "unknown key 'colour'" in err[0]
    assert "'fail_level' must be one of" in err[1]
    assert "'structure.required_sections' must be a list of strings" in err[2]


def test_rules_json_lists_every_rule(capsys):
    assert main(["rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    ids = [rule["id"] for rule in rules]
    assert ids == sorted(ids) and "SCR101" in ids
    assert {"id", "name", "question", "severity", "help_uri"} <= set(rules[0])


def test_version_lists_plugins(capsys):
    assert main(["--version"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("scr-checks ")
    assert "structure: scr-checks" in out


def test_console_script_runs_as_a_module(write_report):
    proc = subprocess.run(
        [sys.executable, "-m", "scr_checks", "check", str(write_report(MISSING_SECTIONS)),
         "--select", "SCR101"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 1
    assert "SCR101" in proc.stdout and proc.stderr == ""


def test_plugin_raising_in_configure_is_one_line_exit_2(make_plugin, write_report, capsys):
    name = make_plugin(
        "from scr_checks import hookimpl\n@hookimpl\ndef scr_configure(config):\n"
        "    raise ValueError('bad word list')\n"
    )
    assert main(["check", str(write_report(GOOD)), "-p", name]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"scr-checks: error: plugin '{name}' failed in scr_configure: "
                   "ValueError: bad word list")


def test_formatter_that_raises_keeps_the_previous_file(make_plugin, write_report, tmp_path,
                                                       capsys):
    name = make_plugin(
        "from scr_checks import Formatter, hookimpl\n"
        "class Broken(Formatter):\n"
        "    name = 'broken'\n"
        "    def render(self, run):\n"
        "        raise RuntimeError('half way')\n"
        "@hookimpl\ndef scr_register_formatters():\n    return [Broken]\n"
    )
    target = tmp_path / "out.txt"
    target.write_text("previous", encoding="utf-8")
    code = main(["check", str(write_report(GOOD)), "-p", name, "--format", "broken",
                 "-o", str(target), "--select", "SCR101"])
    assert code == 2
    assert target.read_text(encoding="utf-8") == "previous"
    assert "RuntimeError: half way" in capsys.readouterr().err


def test_half_surrogate_in_a_finding_is_written_in_json_and_text(make_plugin, write_report,
                                                                 tmp_path, capsys):
    name = make_plugin(
        "from scr_checks import Rule, hookimpl\n"
        "@hookimpl\ndef scr_register_rules():\n"
        "    return [Rule(id='SUR101', name='s', short='s', full='f', severity='note',"
        " question=1)]\n"
        "@hookimpl\ndef scr_check_document(report, context):\n"
        "    yield context.finding('SUR101', 'odd \\ud800 text')\n"
    )
    target = tmp_path / "out.json"
    code = main(["check", str(write_report(GOOD)), "-p", name, "--select", "SUR",
                 "--json", str(target)])
    assert code == 0
    assert "odd \ufffd text" in capsys.readouterr().out
    assert "odd \ufffd text" in target.read_text(encoding="utf-8")


def test_paths_are_shown_from_the_current_folder_and_fingerprints_do_not_change(
        tmp_path, monkeypatch, capsys):
    """As ruff shows them: from where the command runs, not from the config's folder."""
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "scr-checks.toml").write_text(
        "select = ['SCR101']\nkind = 'full_report'\n", encoding="utf-8")
    (tmp_path / "reports" / "a.rst").write_text(MISSING_SECTIONS, encoding="utf-8")
    runs = {}
    for folder, given in ((tmp_path, "reports"), (tmp_path, "reports/a.rst"),
                          (tmp_path / "reports", "a.rst"), (tmp_path / "reports", "."),
                          (tmp_path, str(tmp_path / "reports" / "a.rst"))):
        monkeypatch.chdir(folder)
        main(["check", given, "--format", "json"])
        runs[given] = json.loads(capsys.readouterr().out)["files"][0]
    assert {given: run["path"] for given, run in runs.items()} == {
        "reports": "reports/a.rst", "reports/a.rst": "reports/a.rst", "a.rst": "a.rst",
        ".": "a.rst", str(tmp_path / "reports" / "a.rst"): "reports/a.rst"}
    fingerprints = {tuple(f["fingerprint"] for f in run["findings"]) for run in runs.values()}
    assert len(fingerprints) == 1 and len(next(iter(fingerprints))) == 1


def test_an_input_outside_the_current_folder_is_shown_as_given(tmp_path, monkeypatch, capsys):
    (tmp_path / "work").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.rst").write_text(MISSING_SECTIONS, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    main(["check", "../elsewhere/a.rst", "--select", "SCR101", "--no-color"])
    assert "../elsewhere/a.rst:1:1: SCR101" in capsys.readouterr().out


def test_the_collector_is_settled_during_a_run_and_restored_after(write_report, tmp_path,
                                                                 monkeypatch):
    """Start-up runs without collections; start-up's objects are frozen out of
    collections only while the command runs, which the collector is on for.

    The check runs in a worker process, so the probe writes what it saw to a file.
    """
    seen = tmp_path / "seen.json"
    (tmp_path / "gc_probe.py").write_text(
        "import gc, json\n"
        "from scr_checks import hookimpl\n"
        "AT_START_UP = gc.isenabled()\n"
        "@hookimpl\n"
        "def scr_check_document(report):\n"
        f"    with open({str(seen)!r}, 'a') as out:\n"
        "        out.write(json.dumps([AT_START_UP, gc.isenabled(), gc.get_threshold(),\n"
        "                              gc.get_freeze_count()]) + '\\n')\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    before = gc.get_threshold()
    main(["check", str(write_report("Title\n=====\n\nText.\n")), "-p", "gc_probe"])

    ((at_start_up, on, threshold, frozen),) = [json.loads(line)
                                               for line in seen.read_text().splitlines()]
    assert not at_start_up and on
    assert tuple(threshold) == (10_000, 20, 20) and frozen > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_a_process_that_ends_with_the_command_keeps_the_settled_collector():
    before = gc.get_threshold()
    try:
        with settled_garbage_collector(restore=False):
            pass
        assert gc.get_threshold() == (10_000, 20, 20) and gc.get_freeze_count() > 0
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def test_the_process_leaves_at_once_with_every_output_flushed(tmp_path):
    """The command exits without tear-down, but stdout and the files are whole."""
    sample = Path(__file__).parents[2] / "fixtures" / "reports" / "flawed.rst"
    sarif = tmp_path / "out.sarif"
    proc = subprocess.run(
        [sys.executable, "-m", "scr_checks", "check", str(sample), "--format", "json",
         "--sarif", str(sarif)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 1
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert len(findings) > 10
    assert len(json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]) == len(
        findings)


# -- names that match nothing -------------------------------------------------


@pytest.mark.parametrize(("argv", "message"), [
    (["--select", "scr701"], "--select 'scr701' matches no rule; did you mean 'SCR701'?"),
    (["--select", "SCR999"], "--select 'SCR999' matches no rule"),
    (["--ignore", "SCR7,TONE"], "--ignore 'TONE' matches no rule"),
    (["-p", "no:tonee"], "-p no:tonee: no plugin is named 'tonee'; did you mean 'tone'?"),
])
def test_a_selector_or_plugin_that_matches_nothing_is_an_error(argv, message, write_report,
                                                              capsys):
    assert main(["check", str(write_report(GOOD)), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_a_path_after_an_option_is_checked_as_one_before_it(write_report, capsys):
    """argparse took paths only before the first option: the second was an error."""
    first = write_report(MISSING_SECTIONS, "first.rst")
    second = write_report(MISSING_SECTIONS, "second.rst")
    assert main(["check", str(first), "--select", "SCR101", str(second), "-q"]) == 1
    out = capsys.readouterr().out
    assert f"{first}:1:1: SCR101" in out and f"{second}:1:1: SCR101" in out


def test_a_path_after_an_option_and_a_double_dash_may_look_like_an_option(tmp_path,
                                                                         monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("first.rst").write_text(MISSING_SECTIONS, encoding="utf-8")
    Path("-second.rst").write_text(MISSING_SECTIONS, encoding="utf-8")
    assert main(["check", "first.rst", "--select", "SCR101", "--", "-second.rst"]) == 1
    out = capsys.readouterr().out
    assert "first.rst:1:1: SCR101" in out and "-second.rst:1:1: SCR101" in out


@pytest.mark.parametrize(("argv", "message"), [
    (["check", "r.rst", "--junitxml", "out.xml"],
     "scr-checks check: error: unrecognized arguments: --junitxml out.xml; "
     "did you mean '--junit'?"),
    (["check", "r.rst", "--junitxml=out.xml"],
     "scr-checks check: error: unrecognized arguments: --junitxml=out.xml; "
     "did you mean '--junit'?"),
    (["rule", "SCR701", "SCR702"], "scr-checks rule: error: unrecognized arguments: SCR702"),
])
def test_an_unknown_argument_is_an_error_of_its_command(argv, message, capsys):
    with pytest.raises(SystemExit) as exit:
        main(argv)
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: scr-checks {argv[0]} ")
    assert err.endswith(message + "\n")


def test_an_ignore_in_the_file_that_matches_nothing_names_the_file(tmp_path, write_report,
                                                                  capsys):
    (tmp_path / "scr-checks.toml").write_text('ignore = ["XYZ"]\n', encoding="utf-8")
    assert main(["check", str(write_report(GOOD))]) == 2
    assert "scr-checks.toml: 'ignore' entry 'XYZ' matches no rule" in capsys.readouterr().err


def test_a_shared_configuration_may_set_the_rules_of_a_checker_the_run_disabled(
        tmp_path, write_report, capsys):
    (tmp_path / "scr-checks.toml").write_text(
        'ignore = ["SCR703"]\n[severity]\nSCR701 = "note"\n', encoding="utf-8")
    report = write_report(GOOD)
    assert main(["check", str(report), "-p", "no:tone", "--format", "json"]) != 2
    captured = capsys.readouterr()
    assert captured.err == ""
    assert not [f for f in json.loads(captured.out)["files"][0]["findings"]
                if f["rule_id"].startswith("SCR7")]
    # A typo stays one: no disabled checker owns SCR9.
    (tmp_path / "scr-checks.toml").write_text('[severity]\nSCR901 = "note"\n',
                                              encoding="utf-8")
    assert main(["check", str(report), "-p", "no:tone"]) == 2
    assert "'severity.SCR901' names no registered rule" in capsys.readouterr().err


def test_selecting_only_a_disabled_checker_s_rules_says_nothing_is_left_to_run(
        write_report, capsys):
    report = write_report(GOOD)
    assert main(["check", str(report), "-p", "no:tone", "--select", "SCR7"]) == 2
    assert ("--select 'SCR7' selects only rules of the 'tone' checker, which "
            "'-p no:tone' disabled: no rule is left to run") in capsys.readouterr().err
    assert main(["check", str(report), "-p", "no:tone", "--select", "SCR7,SCR6",
                 "--format", "json"]) in (0, 1)
    found = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert {f["rule_id"][:4] for f in found} <= {"SCR6", "SCR1"}


# -- everyday options ----------------------------------------------------------


def two_reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.rst").write_text(MISSING_SECTIONS + "\nThe worker failed to visit.\n",
                                  encoding="utf-8")
    (folder / "b.rst").write_text(GOOD, encoding="utf-8")
    (folder / "scr-checks.toml").write_text('kind = "full_report"\n', encoding="utf-8")
    return folder


def test_quiet_prints_findings_only(tmp_path, capsys):
    folder = two_reports(tmp_path)
    assert main(["check", str(folder), "--select", "SCR701", "-q", "--no-color"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].endswith("(say what did not happen and what the "
                                                 "review found made it hard to do)")
    assert "SCR701 [warning] 'failed to'" in lines[0]


def test_quiet_with_nothing_found_prints_nothing(tmp_path, capsys):
    folder = two_reports(tmp_path)
    assert main(["check", str(folder / "b.rst"), "--select", "SCR701", "-q"]) == 0
    assert capsys.readouterr().out == ""


def test_statistics_counts_findings_per_rule(tmp_path, capsys):
    folder = two_reports(tmp_path)
    assert main(["check", str(folder), "--select", "SCR101,SCR701", "--statistics"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "1  SCR101  [warning] required-section",
        "1  SCR701  [warning] blame-language",
        "2 findings in 2 reports",
    ]


def test_statistics_show_the_severity_the_findings_were_given(tmp_path, capsys):
    folder = two_reports(tmp_path)
    (folder / "scr-checks.toml").write_text('[severity]\nSCR701 = "note"\n', encoding="utf-8")
    main(["check", str(folder), "--select", "SCR101,SCR701", "--statistics"])
    assert "1  SCR701  [note] blame-language" in capsys.readouterr().out.splitlines()


def test_exit_zero_and_fail_level_none_pass_findings_but_not_errors(tmp_path, capsys):
    folder = two_reports(tmp_path)
    assert main(["check", str(folder), "--select", "SCR701", "--exit-zero"]) == 0
    assert main(["check", str(folder), "--select", "SCR701", "--fail-level", "none"]) == 0
    (folder / "scr-checks.toml").write_text('fail_level = "none"\nkind = "full_report"\n',
                                            encoding="utf-8")
    assert main(["check", str(folder), "--select", "SCR701"]) == 0
    (folder / "empty.rst").write_bytes(b"")
    assert main(["check", str(folder), "--select", "SCR701", "--exit-zero"]) == 2


def test_a_folder_run_ends_with_a_total_and_one_scorecard(tmp_path, capsys):
    folder = two_reports(tmp_path)
    main(["check", str(folder), "--select", "SCR101,SCR701", "--no-color"])
    out = capsys.readouterr().out
    assert "Total: 2 reports checked, 0 errors, 2 warnings, 0 notes" in out.splitlines()
    assert out.count("Quality marker 'The report'") == 1
    assert "Quality marker 'The report' - 2 reports:" in out
    assert (f"  Q1 {'needs attention':<17} Structure makes the analysis and findings easy to "
            "find (SCR101 x1)") in out.splitlines()
    main(["check", str(folder), "--select", "SCR101,SCR701", "--scorecard-per-file",
          "--no-color"])
    out = capsys.readouterr().out
    assert out.count("Quality marker 'The report'") == 2


def test_rule_explains_one_rule_with_its_examples(capsys):
    assert main(["rule", "scr701"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("SCR701 blame-language (warning; question 7")
    rule = make_session().rules["SCR701"]
    assert f"Flagged:\n    {rule.bad_example}" in out
    assert f"Not flagged:\n    {rule.good_example}" in out
    assert main(["rule", "SCR701", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["bad_example"] == rule.bad_example


LINKLESS_RULE_PLUGIN = """
from scr_checks import Rule, hookimpl

@hookimpl
def scr_register_rules():
    return [Rule("WMS701", "house-term", "Short.", "Full.", "warning", 7)]
"""


def test_rule_of_a_plugin_that_gives_no_link_shows_none(make_plugin, capsys):
    assert main(["rule", "SCR701"]) == 0
    assert "More: https://" in capsys.readouterr().out
    assert main(["rule", "WMS701", "-p", make_plugin(LINKLESS_RULE_PLUGIN)]) == 0
    assert "More:" not in capsys.readouterr().out


def test_rule_that_does_not_exist_suggests_one(capsys):
    assert main(["rule", "SCR7011"]) == 2
    assert "no rule 'SCR7011'; did you mean 'SCR701'?" in capsys.readouterr().err


def test_standard_input_is_read_as_stdin_filename_says(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "scr-checks.toml").write_text('fail_level = "error"\n',
                                                        encoding="utf-8")
    text = b"# Part\n\nThe worker *failed to* visit.\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text)))
    code = main(["check", "-", "--stdin-filename", "notes/r.md", "--select", "SCR701", "-q"])
    out = capsys.readouterr().out
    assert out.startswith("notes/r.md:3:13: SCR701 [warning] 'failed to'")
    assert code == 0  # the configuration beside notes/r.md: only errors fail
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text)))
    assert main(["check", "-", "--select", "SCR701", "-q"]) == 1
    assert capsys.readouterr().out.startswith("-:3:")


def test_verbose_names_the_configuration_plugins_and_trusted_settings(tmp_path, write_report,
                                                                     caplog):
    (tmp_path / "scr-checks.toml").write_text('show_identifiers = true\ntimeout = 0\n',
                                              encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="scr_checks"):
        main(["check", str(write_report(GOOD)), "-v", "--fail-level", "error"])
    said = [record.getMessage() for record in caplog.records]
    assert next(m for m in said if m.startswith("configuration: ")).endswith("scr-checks.toml")
    assert "plugin tone: scr-checks " + __version__ in said
    shown = next(m for m in said if "show_identifiers = True from" in m)
    assert shown.endswith("scr-checks.toml: shows identifiers unmasked in every output")
    assert any(m.startswith("timeout = 0 from") for m in said)
    assert "fail_level = 'error' from --fail-level: decides which findings fail the run" in said


@pytest.mark.parametrize("value", ["-1", "soon", "nan", "inf"])
def test_a_timeout_that_is_not_a_number_of_seconds_is_refused(value, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["check", "r.rst", "--timeout", value])
    assert stop.value.code == 2
    assert "--timeout" in capsys.readouterr().err


def test_verbose_shows_the_runs_details_not_the_libraries_debugging(tmp_path):
    report = tmp_path / "r.md"
    report.write_text("# Review\n\nThe social worker visited the family at home.\n\n"
                      "    an indented code block\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "scr_checks", "check", str(report), "-v",
                           "--isolated"], capture_output=True, text=True, check=False)
    lines = proc.stderr.splitlines()
    assert "scr-checks: configuration: none (--isolated)" in lines
    assert "scr-checks: plugin tone: scr-checks " + __version__ in lines
    assert "scr-checks: plugin scr_checks.builtin: scr-checks " + __version__ in lines
    # The Markdown parser logs each block rule it enters, at debugging level.
    assert not [line for line in lines if "entering" in line]
    assert len(lines) < 40, lines


def test_an_unreadable_file_is_reported_once(tmp_path, capsys):
    (tmp_path / "bad.rst").write_bytes(b"\x00\x01binary")
    assert main(["check", str(tmp_path / "bad.rst")]) == 2
    captured = capsys.readouterr()
    assert (captured.out + captured.err).count("cannot read") == 1


def test_write_baseline_says_what_it_wrote(tmp_path, write_report, capsys):
    target = tmp_path / "baseline.json"
    main(["check", str(write_report("She failed to visit. He failed to call.\n")),
          "--select", "SCR701", "--write-baseline", str(target)])
    assert f"scr-checks: wrote {target}: 2 findings accepted" in capsys.readouterr().err


def test_a_reader_that_leaves_early_is_no_error():
    """``scr-checks rules | head -1``: no BrokenPipeError traceback."""
    proc = subprocess.run(f"{shlex.quote(sys.executable)} -m scr_checks rules | head -1",
                          shell=True, capture_output=True, text=True, check=False)
    assert proc.stdout.startswith("SCR100")
    assert proc.stderr == ""


@pytest.mark.parametrize("line", [
    ["check", "a.rst", "-", "--sarif", "o.sarif", "-j", "2", "--select", "SCR7", "--no-color"],
    ["annotate", "a.docx", "--show-identifiers", "-o", "b.docx"],
    ["redact", "a.md", "--dry-run", "--isolated"],
    ["rule", "SCR701", "--format", "json"],
    ["extract", "reports", "--format", "json", "-p", "no:tone"],
    ["formats", "-v"],
    ["new-plugin", "northshire", "--prefix", "NSH"],
])
def test_a_parser_made_for_the_command_it_is_given_reads_it_as_the_whole_parser(line):
    """Only the named command's options are added; the line means the same."""
    assert build_parser(line[0]).parse_args(line) == build_parser().parse_args(line)


def test_a_parser_made_for_one_command_still_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        build_parser("check").parse_args(["--help"])
    listed = capsys.readouterr().out
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    assert listed == capsys.readouterr().out


def test_every_option_has_help_and_the_help_ends_with_exit_codes(capsys):
    parser = build_parser()
    subparsers = next(a for a in parser._actions
                      if isinstance(a, argparse._SubParsersAction)).choices
    for name, sub in subparsers.items():
        for action in sub._actions:
            assert action.help, f"{name} {action.dest} has no help"
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "exit status:\n  0  nothing at or above the fail level" in out
    assert "scr-checks check reports/" in out


# -- what reaches the terminal -------------------------------------------------


def test_a_file_name_cannot_forge_a_finding_or_move_the_cursor(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    name = "x\x1b[2J\nforged.rst:1:1: SCR999 [error] planted.rst"
    Path(name).write_text(MISSING_SECTIONS, encoding="utf-8")
    main(["check", ".", "--select", "SCR101", "--no-color", "-v"])
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert "\x1b" not in stream
        assert not any(line.startswith("forged.rst") for line in stream.splitlines())
    assert "x\\x1b[2J\\nforged.rst:1:1: SCR999 [error] planted.rst:1:1: SCR101" in captured.out


def test_a_message_from_a_report_is_escaped(make_plugin, write_report, capsys):
    name = make_plugin(
        "from scr_checks import Rule, hookimpl\n"
        "@hookimpl\ndef scr_register_rules():\n"
        "    return [Rule(id='ESC101', name='e', short='s', full='f', severity='error',"
        " question=1)]\n"
        "@hookimpl\ndef scr_check_document(report, context):\n"
        "    yield context.finding('ESC101', 'heading \\x1b]0;owned\\x07\\u202eevil\\r\\n"
        "ok.rst: 0 errors')\n"
    )
    main(["check", str(write_report(GOOD)), "-p", name, "--select", "ESC", "--no-color"])
    out = capsys.readouterr().out
    assert "heading \\x1b]0;owned\\x07\\u202eevil\\r\\nok.rst: 0 errors" in out
    assert not any(c in out for c in "\x1b\x07\u202e\r")


def run_with_plugin(tmp_path: Path, plugin: str, *options: str) -> subprocess.CompletedProcess:
    """``python -m scr_checks check`` of a report with findings, the module ``plugin``
    in ``tmp_path`` loaded with ``-p``: as a process, which ends as the command does."""
    (tmp_path / "r.rst").write_text(MISSING_SECTIONS, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "scr_checks", "check", "-p", plugin, "r.rst",
                           *options], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert proc.returncode == 1, proc.stderr
    return proc


def test_the_command_ends_as_any_program_so_plugins_clean_up(tmp_path):
    (tmp_path / "cleaning_plugin.py").write_text(
        "import atexit, sys, weakref\n"
        "from pathlib import Path\n"
        "from scr_checks import hookimpl\n\n"
        "class Held:\n    pass\n\n"
        "HELD = Held()\n\n"
        "@hookimpl\n"
        "def scr_configure(config):\n"
        "    atexit.register(Path('cleaned').write_text, 'yes')\n"
        "    weakref.finalize(HELD, Path('finalized').write_text, 'yes')\n"
        "    atexit.register(print, 'last words', file=sys.stderr)\n", encoding="utf-8")
    proc = run_with_plugin(tmp_path, "cleaning_plugin", "--no-color")
    assert (tmp_path / "cleaned").read_text(encoding="utf-8") == "yes"
    assert (tmp_path / "finalized").read_text(encoding="utf-8") == "yes"
    assert proc.stderr.endswith("last words\n")
    assert proc.stdout.rstrip().splitlines()[-1].startswith("  Q8 ")


def test_the_command_waits_for_a_plugin_s_threads_before_it_ends(tmp_path):
    (tmp_path / "threading_plugin.py").write_text(
        "import threading, time\n"
        "from pathlib import Path\n"
        "from scr_checks import hookimpl\n\n"
        "def upload():\n"
        "    time.sleep(0.5)\n"
        "    Path('uploaded').write_text('yes')\n\n"
        "@hookimpl\n"
        "def scr_configure(config):\n"
        "    threading.Thread(target=upload).start()\n", encoding="utf-8")
    run_with_plugin(tmp_path, "threading_plugin", "-q")
    assert (tmp_path / "uploaded").read_text(encoding="utf-8") == "yes"


def test_the_run_s_scorecard_counts_the_reports_that_could_not_be_read(tmp_path, capsys):
    (tmp_path / "a.docx").write_bytes(b"not a zip")
    (tmp_path / "b.rst").write_text(GOOD, encoding="utf-8")
    assert main(["check", str(tmp_path), "--no-color"]) == 2
    out = capsys.readouterr().out
    assert "Quality marker 'The report' - 2 reports (1 not checked):" in out
    questions = [line for line in out.splitlines() if line.startswith("  Q")]
    assert len(questions) == 8
    assert all(line.endswith("(not checked in 1 report)") for line in questions
               if " not checked " not in line)


@pytest.mark.parametrize(("command", "says", "never"), [
    ("check", "1  findings at or above the fail level", None),
    ("extract", "0  every report's records were written, whatever the findings",
     "fail level"),
    ("annotate", "0  the copy was written, whatever the findings", "fail level"),
    ("redact", "1  an identifier is left in the copy", "fail level"),
    ("rules", "0  done", "fail level"),
])
def test_each_command_s_help_gives_its_own_exit_status(command, says, never, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert says in out
    assert never is None or never not in out


def test_help_is_wrapped_to_the_width_columns_gives(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "50")
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    narrow = capsys.readouterr().out
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    wide = capsys.readouterr().out
    usage = narrow.split("\n\n")[0].splitlines()
    assert len(usage) > len(wide.split("\n\n")[0].splitlines()) + 3
    assert "usage: scr-checks check [-h]" in usage


@pytest.mark.parametrize("command", [None, "check", "redact", "extract"])
def test_the_description_and_exit_status_fit_a_narrow_terminal(command, monkeypatch, capsys):
    """They are written by hand, and were printed as written: lines of up to 121
    characters at any width, which the terminal broke mid-word."""
    monkeypatch.setenv("COLUMNS", "60")
    with pytest.raises(SystemExit):
        main(["--help"] if command is None else [command, "--help"])
    after_usage = capsys.readouterr().out.split("\n\n", 1)[1]
    assert max(map(len, after_usage.splitlines())) <= 58


def test_a_wrapped_line_goes_on_below_its_second_column():
    assert _wrap_line("  2  a usage error, or an input that could not be read", 40) == [
        "  2  a usage error, or an input that",
        "     could not be read"]


def test_a_second_column_too_narrow_to_wrap_into_goes_below_the_first():
    line = "  scr-checks check report.docx --sarif out.sarif  also write SARIF"
    assert _wrap_line(line, 58) == ["  scr-checks check report.docx --sarif out.sarif",
                                    "      also write SARIF"]


def test_a_line_that_fits_is_kept_as_written():
    line = "  0  nothing   at or above the fail level"
    assert _wrap_line(line, len(line)) == [line]
