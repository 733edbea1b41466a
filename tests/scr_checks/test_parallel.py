"""Checking files in worker processes: same output as one process, failures kept apart."""

from __future__ import annotations

import io
import json
import os
import signal
import sys
import time

try:
    import resource
except ImportError:  # not on Windows
    resource = None
from pathlib import Path

import pytest

from scr_checks import parallel
from scr_checks.cli import _jobs, main
from scr_checks.progress import ProgressBar, progress_bar
from scr_checks.results import FileResult
from scr_checks.testing import make_session
from scr_checks.timelimit import Deadline, time_limit

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


def test_the_worker_is_killed_at_the_files_limit_not_a_steps(monkeypatch):
    """Steps that each report their start do not each get the whole limit."""
    monkeypatch.setattr(parallel, "GRACE", 0.3)

    def check(path: Path) -> FileResult:
        deadline = Deadline(1.0)
        with time_limit(deadline, phase="plugin 'first'"):
            time.sleep(0.8)
        with time_limit(deadline, phase="plugin 'native'"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        return FileResult(path=path.name)

    started = time.monotonic()
    (result,) = parallel.check_files(check, [Path("stuck")], timeout=1.0,
                                     shown=lambda p: p.name)
    # A limit per step would have let it run until 0.8 + 1.0 + 0.3 s.
    assert time.monotonic() - started < 1.0 + 0.3 + 0.5
    assert [(e.plugin, e.message) for e in result.errors] == [(
        "native", "took longer than 1 s (timeout), in code the time limit cannot interrupt; "
        "the file's remaining checks were stopped with it")]


def test_an_interrupted_run_stops_a_busy_worker_without_waiting_for_its_file(tmp_path):
    """Ctrl-C in the parent: the worker's file is not wanted, so it is not finished."""
    finished = tmp_path / "finished"

    def check(path: Path) -> FileResult:
        if path.name == "slow":
            time.sleep(0.8)
            finished.touch()
        return FileResult(path=path.name)

    def interrupt(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        parallel.check_files(check, [Path("quick"), Path("slow")], jobs=2, progress=interrupt)
    time.sleep(1.0)  # longer than the slow file takes
    assert not finished.exists()


def test_unpicklable_results_are_an_error_for_that_file():
    def check(path: Path) -> FileResult:
        return FileResult(path=path.name, extras={"bad": (lambda: None) if path.name == "x"
                                                  else 1})

    results = parallel.check_files(check, [Path("x"), Path("y")], jobs=2)
    assert results[0].errors[0].message.startswith("cannot return the results:")
    assert results[1].extras == {"bad": 1}


def test_a_result_larger_than_a_pipes_buffer_arrives_whole():
    big = "x" * (3 * 1024 * 1024)
    results = parallel.check_files(lambda p: FileResult(path=p.name, extras={"big": big}),
                                   [Path("a"), Path("b")], jobs=2)
    assert [r.extras["big"] == big for r in results] == [True, True]


def test_a_worker_reads_nothing_from_the_parents_standard_input():
    def check(path: Path) -> FileResult:
        return FileResult(path=path.name, extras={"stdin": sys.stdin.read()})

    (result,) = parallel.check_files(check, [Path("a")])
    assert result.extras == {"stdin": ""} and not result.errors


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


# -- one file at a time, in a worker: memory and native code ---------------------------

GREEDY_PLUGIN = """
from scr_checks import hookimpl

@hookimpl
def scr_check_document(report):
    if report.path.endswith("greedy.rst"):
        hoard = bytearray(2 * 1024 ** 3)
        return [hoard]
    return []
"""

NATIVE_LOOP_PLUGIN = """
import signal
from scr_checks import hookimpl

@hookimpl
def scr_check_document(report):
    if report.path.endswith("stuck.rst"):
        # What native code does: the time limit's signal never gets through.
        signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
        while True:
            pass
    return []
"""


def _data_segment() -> int:
    """This process's data segment in bytes, which the memory limit counts."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmData:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmData")


def test_a_file_over_the_memory_budget_is_one_error_and_the_run_goes_on(
        tmp_path, make_plugin, capsys):
    folder = _archive(tmp_path / "reports", 2)
    (folder / "greedy.rst").write_text(REPORT.format(letter="G", ref=1), encoding="utf-8")
    greedy = make_plugin(GREEDY_PLUGIN)
    budget = _data_segment() + 256 * 1024 * 1024
    (tmp_path / "scr-checks.toml").write_text(f"max_memory = {budget}\n", encoding="utf-8")
    status = main(["check", str(folder), "-p", greedy, "--format", "json",
                   "--config", str(tmp_path / "scr-checks.toml")])
    out, err = capsys.readouterr()
    files = {Path(f["path"]).name: f for f in json.loads(out)["files"]}
    assert status == 2
    (error,) = files["greedy.rst"]["errors"]
    assert error == {"path": files["greedy.rst"]["path"], "plugin": greedy, "message": (
        f"needed more than {budget // 1024 ** 2:,} MiB of memory (max_memory)")}
    assert files["greedy.rst"]["findings"]  # the other plugins still checked it
    assert not files["report-00.rst"]["errors"] and not files["report-01.rst"]["errors"]
    assert "Traceback" not in err


def test_a_worker_that_ran_out_of_memory_is_replaced(tmp_path, make_plugin):
    greedy = make_plugin(GREEDY_PLUGIN)
    session = make_session(plugins=[greedy], config={
        "max_memory": _data_segment() + 256 * 1024 * 1024})
    (tmp_path / "greedy.rst").write_text(REPORT.format(letter="G", ref=1), encoding="utf-8")
    (tmp_path / "after.rst").write_text(REPORT.format(letter="A", ref=1), encoding="utf-8")
    run = session.run([str(tmp_path / "greedy.rst"), str(tmp_path / "after.rst")])
    assert [e.plugin for e in run.files[0].errors] == [greedy]
    assert run.files[1].errors == [] and run.files[1].findings


def test_a_plugin_stuck_in_native_code_is_stopped_at_its_time_limit(
        tmp_path, make_plugin, capsys):
    folder = _archive(tmp_path / "reports", 2)
    (folder / "stuck.rst").write_text(REPORT.format(letter="S", ref=1), encoding="utf-8")
    stuck = make_plugin(NATIVE_LOOP_PLUGIN)
    started = time.monotonic()
    (tmp_path / "scr-checks.toml").write_text("timeout = 1\n", encoding="utf-8")
    status = main(["check", str(folder), "-p", stuck, "--format", "json", "--jobs", "1",
                   "--config", str(tmp_path / "scr-checks.toml")])
    out = capsys.readouterr().out
    assert status == 2
    files = {Path(f["path"]).name: f for f in json.loads(out)["files"]}
    (error,) = files["stuck.rst"]["errors"]
    assert error["plugin"] == stuck
    assert error["message"] == ("took longer than 1 s (timeout), in code the time limit "
                                "cannot interrupt; the file's remaining checks were stopped "
                                "with it")
    assert files["report-00.rst"]["findings"] and not files["report-01.rst"]["errors"]
    assert time.monotonic() - started < 1 + parallel.GRACE + 10


CATASTROPHIC_PLUGIN = """
import regex
from scr_checks import hookimpl

@hookimpl
def scr_check_document(report):
    if report.path.endswith("stuck.rst"):
        regex.search(r"(a|aa)+$", "a" * 60 + "b")  # one call, backtracking for ages
    return []
"""


def test_a_plugin_in_one_long_regex_call_is_stopped_at_the_files_limit(
        tmp_path, make_plugin):
    folder = _archive(tmp_path / "reports", 1)
    (folder / "stuck.rst").write_text(REPORT.format(letter="S", ref=1), encoding="utf-8")
    stuck = make_plugin(CATASTROPHIC_PLUGIN)
    session = make_session(plugins=[stuck], config={"timeout": 0.5})
    run = session.run([str(folder)])
    files = {Path(f.path).name: f for f in run.files}
    (error,) = files["stuck.rst"].errors
    assert error.plugin == stuck
    assert error.message.startswith("took longer than 0.5 s (timeout)")
    assert not files["report-00.rst"].errors and files["report-00.rst"].findings


def test_a_crash_in_a_serial_run_is_an_error_for_its_file_only(tmp_path, make_plugin):
    crash = make_plugin(CRASH_PLUGIN)
    session = make_session(plugins=[crash])
    (tmp_path / "crash.rst").write_text(REPORT.format(letter="C", ref=1), encoding="utf-8")
    (tmp_path / "after.rst").write_text(REPORT.format(letter="A", ref=1), encoding="utf-8")
    run = session.run([str(tmp_path / "crash.rst"), str(tmp_path / "after.rst")], jobs=1)
    assert [e.message for e in run.files[0].errors] == [
        "cannot check: the worker process was killed (SIGKILL)"]
    assert run.files[1].errors == [] and run.files[1].findings


def test_patterns_a_worker_compiled_are_kept_for_the_next_run(monkeypatch):
    from scr_checks import patterns

    monkeypatch.setattr(patterns, "_new", {})

    def check(path):
        patterns.compiled(f"worker-only-{path.name}")
        return FileResult(path=path.name)

    parallel.check_files(check, [Path("a"), Path("b")], jobs=1)
    assert {key[0] for key in patterns._new} == {"worker-only-a", "worker-only-b"}


def test_what_a_plugin_writes_to_stderr_in_a_worker_reaches_the_terminal(
        tmp_path, make_plugin, capfd):
    talker = make_plugin(
        "import sys\nfrom scr_checks import hookimpl\n"
        "@hookimpl\ndef scr_check_document():\n"
        "    print('a plugin warning', file=sys.stderr)\n")
    (tmp_path / "a.rst").write_text(REPORT.format(letter="A", ref=1), encoding="utf-8")
    main(["check", str(tmp_path / "a.rst"), "-p", talker, "-q"])
    assert "a plugin warning" in capfd.readouterr().err


@pytest.mark.parametrize("lost", [
    "error return without exception set",
    "<function Session._prepare at 0x7f0> returned NULL without setting an exception",
])
def test_an_exception_python_lost_at_the_memory_budget_is_the_memory_error(tmp_path, lost):
    """Out of memory as an exception unwinds, Python raises SystemError instead."""
    def check(path: Path) -> FileResult:
        raise SystemError(lost)

    budget = _data_segment() + 256 * 1024 * 1024
    (result,) = parallel.check_files(check, [Path("big")], memory=budget,
                                     shown=lambda p: p.name)
    assert [e.message for e in result.errors] == [
        f"cannot check: needed more than {budget // 1024 ** 2:,} MiB of memory (max_memory)"]
    (result,) = parallel.check_files(check, [Path("big")], shown=lambda p: p.name)
    assert [e.message for e in result.errors] == [f"cannot check: SystemError: {lost}"]


def test_a_worker_a_memory_error_ends_says_so_even_if_its_traceback_cannot_be_printed(
        monkeypatch):
    def out_of_memory():
        raise MemoryError

    def no_memory_to_print():
        raise MemoryError

    monkeypatch.setattr(parallel.traceback, "print_exc", no_memory_to_print)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: its standard error is the pipe
        os.close(read)
        os.dup2(write, 2)
        parallel._run_worker(out_of_memory)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    last_words = os.read(read, 4096).decode()
    os.close(read)
    assert os.waitstatus_to_exitcode(status) == 1
    assert parallel._death(1, memory=2 ** 30, last_words=last_words) == (
        "cannot check: needed more than 1,024 MiB of memory (max_memory)")


def _down(depth: int) -> int:
    return _down(depth - 1) + 1 if depth else 0


def _page_faults_going_down_and_back(times: int) -> int:
    """Minor page faults of ``times`` calls 300 frames deep: past the end of
    CPython's 16 KiB block of frames wherever the calls start."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(times):
        _down(300)
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


@pytest.mark.skipif(resource is None or not sys.platform.startswith("linux"),
                    reason="counts the page faults Linux reports")
def test_a_worker_s_calls_go_down_and_back_without_memory_mapped_each_time():
    faults: list[int] = []
    parallel.call_with_room(lambda: faults.append(_page_faults_going_down_and_back(2000)))
    assert _page_faults_going_down_and_back(2000) >= 1000  # a new block each time
    assert faults[0] < 50
