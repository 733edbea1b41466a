"""Writing outputs: never over an input, every error in every output, stdout last."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scr_checks.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "fixtures" / "reports" / "flawed.rst"


@pytest.mark.parametrize("option", ["--json", "-o", "--sarif", "--write-baseline"])
def test_an_output_that_is_an_input_is_refused(write_report, capsys, option, monkeypatch):
    report = write_report("Intro\n=====\n\nThe nurse failed to call.\n")
    before = report.read_bytes()
    monkeypatch.chdir(report.parent)
    assert main(["check", "report.rst", option, "./report.rst"]) == 2
    captured = capsys.readouterr()
    assert captured.err == ("scr-checks: error: output 'report.rst' is one of the inputs; "
                            "write it elsewhere\n")
    assert captured.out == ""
    assert report.read_bytes() == before


def test_an_output_that_would_be_read_from_an_input_folder_is_refused(tmp_path, capsys):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.rst").write_text("Intro\n=====\n\nText.\n", encoding="utf-8")
    assert main(["check", str(reports), "-o", str(reports / "out.md")]) == 2
    assert "would be read as a report" in capsys.readouterr().err
    assert not (reports / "out.md").exists()
    assert main(["check", str(reports), "--json", str(reports / "out.json")]) in (0, 1)
    assert json.loads((reports / "out.json").read_text(encoding="utf-8"))["files"]


def test_an_output_not_written_is_an_error_in_every_output_written(tmp_path, capsys):
    sarif, data, text = tmp_path / "out.sarif", tmp_path / "out.json", tmp_path / "out.txt"
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    missing = tmp_path / "a-file" / "out.xml"
    code = main(["check", str(SAMPLE), "--no-color", "-o", str(text), "--sarif", str(sarif),
                 "--junit", str(missing), "--json", str(data)])
    assert code == 2
    reason = "cannot write: Not a directory"
    invocation = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [(n["descriptor"]["id"], n["message"]["text"])
            for n in invocation["toolExecutionNotifications"]] == [("output-error", reason)]
    assert json.loads(data.read_text(encoding="utf-8"))["errors"] == [
        {"path": str(missing), "message": reason, "plugin": ""}]
    assert f"{missing}: error: {reason}" in text.read_text(encoding="utf-8").splitlines()
    captured = capsys.readouterr()
    assert captured.err == f"scr-checks: error: {missing}: {reason}\n"  # once, on stderr


def test_an_output_s_missing_folder_is_made(tmp_path):
    sarif, junit = tmp_path / "out" / "scr.sarif", tmp_path / "reports" / "ci" / "scr.xml"
    assert main(["check", str(SAMPLE), "--sarif", str(sarif), "--junit", str(junit),
                 "-q"]) == 1
    assert json.loads(sarif.read_text(encoding="utf-8"))["runs"]
    assert junit.read_text(encoding="utf-8").startswith("<?xml")


def _check_with_stdout(json_path: Path, **popen: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scr_checks", "check", str(SAMPLE), "--json", str(json_path)],
        stderr=subprocess.PIPE, text=True, check=False, **popen)  # type: ignore[call-overload]


def test_a_closed_stdout_still_writes_the_files_and_says_so(tmp_path):
    target = tmp_path / "out.json"
    proc = _check_with_stdout(target, stdout=subprocess.DEVNULL,
                              preexec_fn=lambda: os.close(1))
    assert proc.returncode == 2
    assert proc.stderr == ("scr-checks: error: cannot write to standard output: standard "
                           "output is closed\n")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert len(data["files"][0]["findings"]) > 10
    assert data["errors"] == [{"path": "-", "message": "cannot write to standard output: "
                               "standard output is closed", "plugin": ""}]


def test_a_broken_pipe_on_stdout_still_writes_the_files(tmp_path):
    target = tmp_path / "out.json"
    with subprocess.Popen(
        [sys.executable, "-m", "scr_checks", "check", str(SAMPLE), "--json", str(target)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader goes away before the findings are written
        err = proc.stderr.read()
    assert proc.returncode == 2
    assert err == "scr-checks: error: cannot write to standard output: Broken pipe\n"
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["errors"][0]["message"] == "cannot write to standard output: Broken pipe"


@pytest.mark.parametrize("command", [["extract", str(SAMPLE)], ["rules"], ["rule", "SCR701"],
                                     ["formats"]])
def test_a_closed_stdout_is_an_error_of_every_command_not_a_crash_or_silence(command):
    proc = subprocess.run([sys.executable, "-m", "scr_checks", *command],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=False, preexec_fn=lambda: os.close(1))
    assert proc.returncode == 2
    assert proc.stderr.endswith("cannot write to standard output: standard output is "
                                "closed\n")
    assert "Traceback" not in proc.stderr


def test_a_format_that_fails_half_way_leaves_its_file_as_it_was(tmp_path, capsys, monkeypatch):
    from scr_checks.formatters.json import JsonFormatter

    data, sarif = tmp_path / "out.json", tmp_path / "out.sarif"
    data.write_text("earlier run\n", encoding="utf-8")

    def half(self, run):
        yield "{\n"
        raise RuntimeError("no more")

    monkeypatch.setattr(JsonFormatter, "render_parts", half)
    assert main(["check", str(SAMPLE), "--json", str(data), "--sarif", str(sarif)]) == 2
    assert data.read_text(encoding="utf-8") == "earlier run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "out.sarif"]
    invocation = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["invocations"][0]
    assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == [
        "RuntimeError: no more"]
    assert "plugin 'format json': RuntimeError: no more" in capsys.readouterr().err
