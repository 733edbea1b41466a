"""The hostile corpus at a size CI can afford: every shape, every misbehaving plugin.

``python benchmarks/hostile.py --size 10MB`` runs the same corpus at full size.
"""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest

from scr_checks.cli import main

HERE = Path(__file__).resolve()
_spec = importlib.util.spec_from_file_location(
    "hostile", HERE.parents[2] / "benchmarks" / "hostile.py")
assert _spec is not None and _spec.loader is not None
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)

#: Small enough for CI, large enough that each shape is what it says.  Some shapes
#: are still slow at this size (a paragraph of dates), so the time limit is short.
SIZE = 5_000
REPORT = ("Introduction\n============\n\nJane Moss lives at 12 Acacia Avenue, Leeds LS1 4AB. "
          "It is clear that the health visitor should have visited.\n")


def test_every_shape_in_every_format_is_checked_or_one_error(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "hostile"
    folder.mkdir()
    names = []
    for _, name, data in hostile.inputs(SIZE):
        (folder / name).write_bytes(data)
        names.append(name)
    assert len(names) == 34
    (tmp_path / "scr-checks.toml").write_text("timeout = 2\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status = main(["check", "hostile", "--format", "json", "--config", "scr-checks.toml",
                   "--jobs", "2"])
    out, err = capsys.readouterr()
    assert status in (0, 1, 2)
    assert "Traceback" not in err
    files = {Path(f["path"]).name: f for f in json.loads(out)["files"]}
    assert sorted(files) == sorted(names)
    for line in err.splitlines():
        if line.startswith("scr-checks: error:"):
            assert any(f"hostile/{name}:" in line for name in names), line
    for name, file in files.items():
        for error in file["errors"]:
            assert "\n" not in error["message"], name


def test_each_misbehaving_plugin_is_blamed_and_the_built_ins_still_check(
        tmp_path, monkeypatch, capsys):
    # A loop uses up the file's time (tested on its own below), and one in native
    # code kills its worker too.
    plugins = [name for name in hostile.write_plugins(tmp_path / "plugins")
               if name not in ("hostile_native_loop", "hostile_loops")]
    monkeypatch.syspath_prepend(str(tmp_path / "plugins"))
    (tmp_path / "report.rst").write_text(REPORT, encoding="utf-8")
    (tmp_path / "scr-checks.toml").write_text("timeout = 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    started = time.monotonic()
    status = main(["check", "report.rst", "--format", "json", "--config", "scr-checks.toml",
                   *(arg for name in plugins for arg in ("-p", name))])
    out, err = capsys.readouterr()
    assert status == 2 and "Traceback" not in err
    (file,) = json.loads(out)["files"]
    blamed = {error["plugin"]: error["message"] for error in file["errors"]}
    assert blamed == {
        "hostile_raises": "RuntimeError: a plugin that raises",
        "hostile_exits": "tried to end the run (SystemExit(0))",
        "hostile_interrupts": "raised KeyboardInterrupt (no Ctrl-C was pressed)",
        "hostile_bad_finding": "gave a finding of HOS106 the severity 'critical' "
                               "(use Severity.ERROR, WARNING or NOTE)",
        "hostile_modifier": "returned str, not a Finding in scr_modify_findings",
    }
    rules = {finding["rule_id"] for finding in file["findings"]}
    assert any(rule.startswith("SCR2") for rule in rules)  # privacy ran after them all
    assert "SCR702" in rules  # and tone
    assert time.monotonic() - started < 30


def test_a_plugin_that_loops_uses_up_the_files_time_and_is_blamed(
        tmp_path, monkeypatch, capsys):
    hostile.write_plugins(tmp_path / "plugins")
    monkeypatch.syspath_prepend(str(tmp_path / "plugins"))
    (tmp_path / "report.rst").write_text(REPORT, encoding="utf-8")
    (tmp_path / "scr-checks.toml").write_text("timeout = 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status = main(["check", "report.rst", "--format", "json", "--config", "scr-checks.toml",
                   "-p", "hostile_loops"])
    out, err = capsys.readouterr()
    assert status == 2 and "Traceback" not in err
    (file,) = json.loads(out)["files"]
    assert [(e["plugin"], e["message"]) for e in file["errors"]] == [(
        "hostile_loops",
        "took longer than 1 s (timeout); the file's remaining checks were not run")]
    assert err.splitlines() == [
        "scr-checks: error: report.rst: plugin 'hostile_loops': took longer than 1 s "
        "(timeout); the file's remaining checks were not run"]


@pytest.mark.parametrize("shape", ["huge_single_line", "million_short_blocks"])
def test_a_shape_over_the_memory_budget_is_one_error(shape, tmp_path, monkeypatch, capsys):
    """A budget the program alone nearly fills: reading the input goes over it."""
    build, _ = hostile.SHAPES[shape]
    (tmp_path / "big.txt").write_text(build(4_000_000, "text"), encoding="utf-8")
    (tmp_path / "good.rst").write_text(REPORT, encoding="utf-8")
    # A run first, so that what a process loads once (patterns compiled
    # afresh when the cache is stale, lists, modules) is in the data segment
    # the budget is measured from, and not taken from the files' headroom.
    main(["check", str(tmp_path / "good.rst"), "--format", "json"])
    capsys.readouterr()
    budget = _data_segment() + 48 * 1024 * 1024
    # The readers' own limits would refuse it first: lift them to test the budget.
    (tmp_path / "scr-checks.toml").write_text(
        f"max_memory = {budget}\nmax_blocks = 100000000\nmax_text_size = 1000000000\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status = main(["check", "big.txt", "good.rst", "--format", "json",
                   "--config", "scr-checks.toml"])
    out, err = capsys.readouterr()
    files = {f["path"]: f for f in json.loads(out)["files"]}
    assert status == 2 and "Traceback" not in err, err
    memory = f"needed more than {budget // 1024 ** 2:,} MiB of memory (max_memory)"
    errors = files["big.txt"]["errors"]
    assert any(memory in error["message"] for error in errors), (errors, err)
    assert files["good.rst"]["findings"] and not files["good.rst"]["errors"], (
        files["good.rst"]["errors"], err)


def _data_segment() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmData:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmData")
