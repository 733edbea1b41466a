"""The Sphinx extension: findings in sphinx-build's output, as the command line finds them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from scr_checks.cli import main

REPORT = """\
Analysis
========

1.1 The social worker failed to visit the family.

.. scr-checks: disable=SCR701 -- quoted from the family

1.2 They said the school failed to listen.
"""

INDEX = "Reviews\n=======\n\n.. toctree::\n\n   report\n"


def _project(tmp_path, conf: str, report: str = REPORT):
    source = tmp_path / "docs"
    source.mkdir(exist_ok=True)
    (source / "conf.py").write_text('extensions = ["scr_checks.sphinx"]\n' + conf,
                                    encoding="utf-8")
    (source / "index.rst").write_text(INDEX, encoding="utf-8")
    (source / "report.rst").write_text(report, encoding="utf-8")
    return source


def _build(source, *options: str, quiet: bool = True) -> subprocess.CompletedProcess[str]:
    out = source.parent / "_build"
    env = dict(os.environ, PYTHONPATH=str(source.parent))
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-E", "--no-color", *(["-q"] if quiet else []), *options,
         "-b", "html",
         "-d", str(out / ".doctrees"), str(source), str(out)],
        capture_output=True, text=True, check=False, env=env, cwd=source.parent,
    )


def test_findings_are_warnings_at_docname_and_line_and_fail_a_w_build(tmp_path):
    source = _project(tmp_path, 'scr_checks_select = ["SCR701"]\n'
                                "scr_checks_fail_on_findings = True\n")
    done = _build(source, "-W")
    assert done.returncode == 1
    warnings = [line for line in done.stderr.splitlines() if "SCR701" in line]
    assert warnings[0].startswith(
        f"{source / 'report.rst'}:4: WARNING: SCR701 [warning] 'failed to' (agentive blame)")
    assert warnings[0].endswith("[scr_checks.SCR701]")
    assert not any(":8:" in line for line in warnings)  # suppressed by its marker


def test_without_fail_on_findings_they_are_messages_that_do_not_fail_the_build(tmp_path):
    source = _project(tmp_path, 'scr_checks_select = ["SCR701"]\n')
    done = _build(source, "-W", quiet=False)  # without -q: status output has the messages
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert f"{source / 'report.rst'}:4: SCR701 [warning] 'failed to'" in done.stdout


def _cli_messages(path, rule: str) -> list[str]:
    code = main(["check", str(path), "--select", rule, "--format", "json",
                 "-o", str(path.with_suffix(".json"))])
    assert code == 1
    data = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return [f"{f['rule_id']} [{f['severity']}] {f['message']}"
            for f in data["files"][0]["findings"]]


def test_identifiers_are_masked_exactly_as_on_the_command_line(tmp_path):
    report = "Analysis\n========\n\n1.1 Jane Moss told the review about it.\n"
    source = _project(tmp_path, 'scr_checks_select = ["SCR201"]\n'
                                "scr_checks_fail_on_findings = True\n", report)
    done = _build(source, "-W")
    (expected,) = _cli_messages(source / "report.rst", "SCR201")
    assert "Jane Moss" not in done.stderr
    assert f"report.rst:4: WARNING: {expected}" in done.stderr


FLAG_CONFIG = 'extensions = ["{plugin}"]\nselect = ["TST"]\nbaseline = "baseline.json"\n'


def test_config_file_plugins_and_a_baseline_written_by_the_command_line(
        tmp_path, flag_plugin, monkeypatch):
    text = "Analysis\n========\n\nA flagme here.\n"
    source = _project(tmp_path, 'scr_checks_config = "../scr-checks.toml"\n'
                                "scr_checks_fail_on_findings = True\n", text)
    (tmp_path / "scr-checks.toml").write_text(FLAG_CONFIG.format(plugin=flag_plugin),
                                              encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "docs", "--write-baseline", "baseline.json", "-o", "out.txt"]) == 0
    assert _build(source, "-W").returncode == 0

    (source / "report.rst").write_text(text + "\nA new flagme.\n", encoding="utf-8")
    done = _build(source, "-W")
    assert done.returncode == 1
    assert next(line for line in done.stderr.splitlines() if "TST101" in line) == (
        f"{source / 'report.rst'}:6: WARNING: TST101 [warning] found flagme "
        "[scr_checks.TST101]")


def test_documents_limits_what_is_checked(tmp_path):
    source = _project(tmp_path, 'scr_checks_select = ["SCR701"]\n'
                                'scr_checks_documents = ["index"]\n'
                                "scr_checks_fail_on_findings = True\n")
    done = _build(source, "-W")
    assert done.returncode == 0, done.stderr


def test_a_missing_configuration_file_stops_the_build_naming_it(tmp_path):
    source = _project(tmp_path, 'scr_checks_config = "nowhere.toml"\n')
    done = _build(source)
    assert done.returncode == 2
    assert f"scr-checks: configuration file {str(source / 'nowhere.toml')!r} not found" in (
        done.stderr)


def test_settings_in_conf_py_are_checked_as_the_files_are(tmp_path):
    source = _project(tmp_path, 'scr_checks_select = "SCR1"\n')
    done = _build(source)
    assert done.returncode == 2
    assert "scr_checks_select in conf.py: 'select' must be a list" in done.stderr

