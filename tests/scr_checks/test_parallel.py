"""Checking files in worker processes: same output as one process, failures kept apart."""

from __future__ import annotations

import io
import os
import signal
import time
from pathlib import Path

import pytest

from scr_checks import parallel
from scr_checks.cli import _jobs, main
from scr_checks.progress import ProgressBar, progress_bar
from scr_checks.results import FileResult
from scr_checks.testing import make_session

REPORT = """\
Serious Case Review: Child {letter}
==================================

1. Analysis
===========

1.1 The health visitor failed to visit Kerry Addison at 14 Larchfield Road
on 3 March 2019; this was a missed opportunity (see paragraph 1.{ref}).

1.2 Tragically, the CAMHS referral was not made.
"""

CRASH_PLUGIN = """
import os, signal
from scr_checks import hookimpl

@hookimpl
def scr_check_document(report):
    if report.path.endswith("crash.rst"):
        os.kill(os.getpid(), signal.SIGKILL)
    return []
"""


def _archive(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        text = REPORT.format(letter=chr(65 + n), ref=n % 4)
        (folder / f"report-{n:02d}.rst").write_text(text, encoding="utf-8")
    return folder


def test_jobs_2_writes_the_same_json_as_jobs_1(tmp_path):
    folder = _archive(tmp_path / "reports", 7)
    (folder / "broken.rst").write_bytes(b"not \xc3\x28 utf-8")
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"out-{jobs}.json"
        status = main(["check", str(folder), "--format", "json", "-o", str(target),
                       "--jobs", jobs])
        assert status == 2  # the broken file, in both runs
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"report-06.rst" in outputs[0] and b"SCR7" in outputs[0]


def test_a_worker_that_dies_is_an_error_for_its_file_only(tmp_path, make_plugin):
    folder = _archive(tmp_path / "reports", 4)
    (folder / "crash.rst").write_text(REPORT.format(letter="Z", ref=1), encoding="utf-8")
    session = make_session(plugins=[make_plugin(CRASH_PLUGIN)])
    run = session.run([str(folder)], jobs=2)
    names = [Path(f.path).name for f in run.files]
    assert names == sorted(names)  # input order, whichever worker finished first
    crashed = next(f for f in run.files if f.path.endswith("crash.rst"))
    assert [e.message for e in crashed.errors] == [
        "cannot check: the worker process was killed (SIGKILL)"]
    others = [f for f in run.files if f is not crashed]
    assert len(others) == 4
    assert all(f.findings and not f.errors for f in others)


def test_a_worker_stuck_past_the_timeout_is_killed(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "GRACE", 0.0)

    def check(path: Path) -> FileResult:
        if path.name == "stuck":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        return FileResult(path=path.name)

    paths = [Path("a"), Path("stuck"), Path("b")]
    results = parallel.check_files(check, paths, jobs=2, timeout=0.2,
                                   shown=lambda p: p.name)
    assert [r.path for r in results] == ["a", "stuck", "b"]
    assert [e.message for e in results[1].errors] == [
        "cannot check: took longer than 0.2 s (timeout)"]
    assert not results[0].errors and not results[2].errors


def test_unpicklable_results_are_an_error_for_that_file():
    def check(path: Path) -> FileResult:
        return FileResult(path=path.name, extras={"bad": (lambda: None) if path.name == "x"
                                                  else 1})

    results = parallel.check_files(check, [Path("x"), Path("y")], jobs=2)
    assert results[0].errors[0].message.startswith("cannot return the results:")
    assert results[1].extras == {"bad": 1}


def test_progress_is_reported_for_every_file():
    seen = []
    parallel.check_files(lambda p: FileResult(path=p.name), [Path("a"), Path("b"), Path("c")],
                         jobs=2, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize(("given", "expected"), [("1", 1), ("3", 3), ("0", None), ("auto", None)])
def test_jobs_option(given, expected):
    assert _jobs(given) == (expected or parallel.cpu_count())


@pytest.mark.parametrize("given", ["-1", "many"])
def test_jobs_option_rejects_nonsense(given, capsys):
    with pytest.raises(SystemExit):
        main(["check", "x.rst", "--jobs", given])
    assert "--jobs" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_for_several_files():
    assert progress_bar(io.StringIO()) is None
    terminal = _Terminal()
    bar = progress_bar(terminal)
    assert isinstance(bar, ProgressBar)
    bar(1, 1)
    assert terminal.getvalue() == ""
    bar(1, 2)
    assert terminal.getvalue() == "\r[" + "#" * 15 + "." * 15 + "] 1/2 files"
    bar(2, 2)
    assert terminal.getvalue().endswith("\r")  # erased at the end
    assert os.linesep not in terminal.getvalue()
