"""Checking many files at once, in worker processes, with results in input order.

An analyst checks an archive of hundreds of reports, so files are shared
among ``jobs`` forked workers.  Plugins are loaded once, in the parent, and
inherited by every worker.  Each worker is given one file at a time, so when
one dies (a crash in native code, the memory killer) the parent knows which
file it held: that file gets an error, a new worker takes over, and every
other file's result is kept.  A worker that outlives the file's ``timeout``
by :data:`GRACE` seconds (stuck in native code, where the worker's own time
limit cannot reach) is killed the same way.
"""

from __future__ import annotations

import os
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scr_checks.results import FileResult, ToolError
from scr_checks.timelimit import describe_timeout

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

#: Seconds past the file's own time limit before the parent kills a worker.
GRACE = 5.0

Check = Callable[[Path], FileResult]
Progress = Callable[[int, int], None]


def cpu_count() -> int:
    """Cores this process may use (``--jobs 0``)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def check_files(check: Check, paths: Sequence[Path], jobs: int = 1,
                timeout: float | None = None, progress: Progress | None = None,
                shown: Callable[[Path], str] = str) -> list[FileResult]:
    """``check`` each path, in ``jobs`` processes; results in the order of ``paths``.

    ``shown`` gives the path as outputs display it, for the errors the parent
    itself records.
    """
    jobs = min(jobs, len(paths))
    if jobs <= 1:
        results = []
        for done, path in enumerate(paths, start=1):
            results.append(check(path))
            if progress:
                progress(done, len(paths))
        return results
    return _Pool(check, paths, jobs, timeout, progress, shown).run()


@dataclass
class _Worker:
    process: Any
    connection: Connection
    index: int | None = None
    deadline: float | None = None


class _Pool:
    def __init__(self, check: Check, paths: Sequence[Path], jobs: int,
                 timeout: float | None, progress: Progress | None,
                 shown: Callable[[Path], str]) -> None:
        self.check = check
        self.paths = paths
        self.jobs = jobs
        self.timeout = timeout if timeout and timeout > 0 else None
        self.progress = progress
        self.shown = shown
        # Imported here: a serial run, the usual one, need not pay for it (4 ms).
        import multiprocessing

        self.context = multiprocessing.get_context("fork")
        self.results: list[FileResult | None] = [None] * len(paths)
        self.pending = deque(range(len(paths)))
        self.done = 0

    def run(self) -> list[FileResult]:
        from multiprocessing.connection import wait

        workers = [self._start() for _ in range(self.jobs)]
        try:
            for worker in workers:
                self._give(worker)
            while busy := [w for w in workers if w.index is not None]:
                ready = wait([w.connection for w in busy] + [w.process.sentinel for w in busy],
                             timeout=self._next_deadline(busy))
                for worker in busy:
                    if worker.connection.poll():
                        self._receive(worker)
                    elif worker.process.sentinel in ready:
                        self._fail(worker)
                    elif worker.deadline is not None and time.monotonic() > worker.deadline:
                        worker.process.kill()
                        self._fail(worker, f"cannot check: {describe_timeout(self.timeout or 0)}")
                    else:
                        continue
                    if not worker.process.is_alive() and self.pending:
                        workers[workers.index(worker)] = worker = self._start()
                    self._give(worker)
        finally:
            for worker in workers:
                _stop(worker)
        return [r for r in self.results if r is not None]

    def _start(self) -> _Worker:
        mine, theirs = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(self.check, theirs), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, mine)

    def _give(self, worker: _Worker) -> None:
        if not self.pending:
            worker.index = None
            return
        worker.index = self.pending.popleft()
        worker.deadline = (time.monotonic() + self.timeout + GRACE) if self.timeout else None
        worker.connection.send(self.paths[worker.index])

    def _receive(self, worker: _Worker) -> None:
        try:
            result = worker.connection.recv()
        except (EOFError, OSError):
            self._fail(worker)
            return
        self._store(worker, result)

    def _fail(self, worker: _Worker, message: str = "") -> None:
        """Record an error for the worker's file; by default, how the worker died."""
        worker.process.join()
        message = message or _death(worker.process.exitcode)
        assert worker.index is not None
        path = self.shown(self.paths[worker.index])
        self._store(worker, FileResult(path=path, errors=[ToolError(path, message)]))

    def _store(self, worker: _Worker, result: FileResult) -> None:
        assert worker.index is not None
        self.results[worker.index] = result
        worker.index = None
        self.done += 1
        if self.progress:
            self.progress(self.done, len(self.paths))

    def _next_deadline(self, busy: list[_Worker]) -> float | None:
        deadlines = [w.deadline for w in busy if w.deadline is not None]
        return max(0.0, min(deadlines) - time.monotonic()) if deadlines else None


def _serve(check: Check, connection: Connection) -> None:
    """A worker: check each path the parent sends until it sends ``None``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    while (path := connection.recv()) is not None:
        result = check(path)
        try:
            connection.send(result)
        except Exception as exc:  # a plugin put something unpicklable in extras
            connection.send(FileResult(path=result.path, errors=[ToolError(
                result.path, f"cannot return the results: {type(exc).__name__}: {exc}")]))


def _stop(worker: _Worker) -> None:
    if worker.process.is_alive():
        try:
            worker.connection.send(None)
        except OSError:
            pass
        worker.process.join(1)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
    worker.connection.close()


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"cannot check: the worker process was killed ({signal.Signals(-exitcode).name})"
        except ValueError:
            pass
    return f"cannot check: the worker process stopped (exit status {exitcode})"
