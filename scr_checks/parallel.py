"""Checking files in worker processes, with results in input order.

Each file is read and checked in a forked worker process, whenever the
platform can fork (``--jobs 1`` as well: one worker), so that no file can take
the run down with it.  Plugins are loaded once, in the parent, and inherited
by every worker.  A worker is given one file at a time, so when one dies (a
crash in native code, the memory killer) the parent knows which file it held:
that file gets an error, a new worker takes over, and every other file's
result is kept.

Two limits are enforced here, not by the code they limit:

* **Memory.**  A worker's data segment is capped (``RLIMIT_DATA``) at
  ``max_memory``, so an input that needs more gets ``MemoryError`` (one line
  for that file: "needed more than N MiB of memory") instead of the machine's
  memory killer ending the run.  A worker that ran out retires after sending
  its result, and a fresh one takes the next file.
* **Time in native code.**  A file's ``timeout`` holds for the whole file
  (:mod:`scr_checks.timelimit`).  The worker tells the parent as each limited
  step (reading, each plugin) starts; a worker still on a file :data:`GRACE`
  seconds past its ``timeout`` (stuck in native code, where its own
  ``SIGALRM`` cannot reach) is killed, and the step it was in is named in
  the error.

Patterns a worker compiled are sent back to the parent, which keeps them for
the next run (:mod:`scr_checks.patterns`).
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scr_checks import messages, patterns
from scr_checks.messages import describe
from scr_checks.results import FileResult, ToolError
from scr_checks.timelimit import describe_timeout, set_phase_listener

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

#: Seconds past a file's time limit before the parent kills the worker: more
#: than the core's own :data:`~scr_checks.timelimit.FINISHING` allowance.
GRACE = 1.0

Check = Callable[[Path], FileResult]
Progress = Callable[[int, int], None]


def cpu_count() -> int:
    """Cores this process may use (``--jobs 0``)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def can_isolate() -> bool:
    """Whether files can be checked in forked workers here: POSIX, main thread."""
    return hasattr(os, "fork") and threading.current_thread() is threading.main_thread()


def check_files(check: Check, paths: Sequence[Path], jobs: int = 1,
                timeout: float | None = None, progress: Progress | None = None,
                shown: Callable[[Path], str] = str, memory: int | None = None,
                warm_up: Callable[[], None] | None = None) -> list[FileResult]:
    """``check`` each path, in ``jobs`` worker processes; results in the order of ``paths``.

    ``shown`` gives the path as outputs display it, for the errors the parent
    itself records; ``memory`` is each worker's budget in bytes (0 or
    ``None``: no limit); ``warm_up`` loads, before the workers fork, what
    they would each load on first use.  Where processes cannot be forked, files are checked
    here, one after another, with neither limit.
    """
    if not paths:
        return []
    if not can_isolate():
        results = []
        for done, path in enumerate(paths, start=1):
            results.append(check(path))
            if progress:
                progress(done, len(paths))
        return results
    jobs = max(1, min(jobs, len(paths)))
    if warm_up is not None:
        warm_up()  # once here, not once in every worker
    return _Pool(check, paths, jobs, timeout, progress, shown, memory).run()


class _Duplex:
    """A reading and a writing pipe end used as one connection."""

    def __init__(self, reading: Connection, writing: Connection) -> None:
        self.reading = reading
        self.writing = writing

    def send(self, obj: Any) -> None:
        self.writing.send(obj)

    def recv(self) -> Any:
        return self.reading.recv()

    def poll(self) -> bool:
        return self.reading.poll()

    def fileno(self) -> int:
        """What ``multiprocessing.connection.wait`` watches: the reading end."""
        return self.reading.fileno()

    def close(self) -> None:
        self.reading.close()
        self.writing.close()


@dataclass
class _Worker:
    process: Any
    connection: _Duplex
    index: int | None = None
    deadline: float | None = None
    #: The limited step the worker last said it started.
    phase: str = ""
    retiring: bool = False
    #: What the worker wrote to its standard error during its current file.
    stderr: Any = None


class _Pool:
    def __init__(self, check: Check, paths: Sequence[Path], jobs: int,
                 timeout: float | None, progress: Progress | None,
                 shown: Callable[[Path], str], memory: int | None) -> None:
        self.check = check
        self.paths = paths
        self.jobs = jobs
        self.timeout = timeout if timeout and timeout > 0 else None
        self.progress = progress
        self.shown = shown
        self.memory = memory if memory and memory > 0 else None
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
                    if self._receive(worker):
                        pass
                    elif worker.process.sentinel in ready:
                        self._fail(worker)
                    elif worker.deadline is not None and time.monotonic() > worker.deadline:
                        worker.process.kill()
                        self._fail(worker, self._overran(worker))
                    else:
                        continue
                    if worker.retiring or not worker.process.is_alive():
                        _stop(worker)
                        if self.pending:
                            workers[workers.index(worker)] = worker = self._start()
                    self._give(worker)
        finally:
            for worker in workers:
                _stop(worker)
        return [r for r in self.results if r is not None]

    def _start(self) -> _Worker:
        # Two one-way pipes, not a socket pair: a run opens no socket at all.
        orders, to_worker = self.context.Pipe(duplex=False)
        from_worker, replies = self.context.Pipe(duplex=False)
        stderr = tempfile.TemporaryFile()
        process = self.context.Process(
            target=_serve, args=(self.check, _Duplex(orders, replies), self.shown, self.memory,
                                 stderr.fileno()),
            daemon=True)
        process.start()
        orders.close()
        replies.close()
        return _Worker(process, _Duplex(from_worker, to_worker), stderr=stderr)

    def _give(self, worker: _Worker) -> None:
        if not self.pending or worker.retiring:
            worker.index = None
            return
        worker.index = self.pending.popleft()
        worker.deadline = (time.monotonic() + self.timeout + GRACE) if self.timeout else None
        worker.phase = ""
        worker.connection.send(self.paths[worker.index])

    def _receive(self, worker: _Worker) -> bool:
        """Read what the worker sent; whether its file is finished."""
        while worker.connection.poll():
            try:
                message = worker.connection.recv()
            except (EOFError, OSError):
                return False  # it died: its sentinel says so
            if message[0] == "phase":
                worker.phase = message[1]
                continue
            _, result, compiled, worker.retiring = message
            patterns.adopt(compiled)
            self._store(worker, result)
            return True
        return False

    def _fail(self, worker: _Worker, message: str = "") -> None:
        """Record an error for the worker's file; by default, how the worker died."""
        worker.process.join()
        message = message or _death(worker.process.exitcode, self.memory,
                                    _last_words(worker.stderr))
        assert worker.index is not None
        path = self.shown(self.paths[worker.index])
        plugin = _plugin_of(worker.phase)
        self._store(worker, FileResult(path=path, errors=[ToolError(path, message, plugin)]))

    def _overran(self, worker: _Worker) -> str:
        name = worker.phase
        timed_out = describe_timeout(self.timeout or 0)
        if _plugin_of(name):
            return (f"{timed_out}, in code the time limit cannot interrupt; the file's "
                    "remaining checks were stopped with it")
        return f"cannot {'read' if name == 'core read' else 'check'}: {timed_out}"

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


def _serve(check: Check, connection: _Duplex, shown: Callable[[Path], str],
           memory: int | None, stderr: int) -> None:
    """A worker: check each path the parent sends until it sends ``None``.

    What it writes to standard error goes to ``stderr`` (a file the parent
    also holds) and is passed on after each file, so that a worker that dies
    (Python's own "Fatal Python error" and its traceback, when memory runs
    out where no exception can be raised) leaves its last words to the parent
    instead of the user's terminal.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    terminal = os.dup(2)
    os.dup2(stderr, 2)
    if memory:
        limit_memory(memory)
    set_phase_listener(lambda name: connection.send(("phase", name)))
    while (path := connection.recv()) is not None:
        try:
            result = check(path)
        except BaseException as exc:  # nothing a file does may end the worker unreported
            result = FileResult(path=shown(path), errors=[
                ToolError(shown(path), f"cannot check: {describe(exc)}")])
        retire = messages.memory_ran_out()
        _pass_on(terminal, keep=not retire)  # after running out: finalizers' complaints
        compiled = patterns.take_new()
        try:
            connection.send(("done", result, compiled, retire))
        except Exception as exc:  # a plugin put something unpicklable in extras
            connection.send(("done", FileResult(path=result.path, errors=[ToolError(
                result.path, f"cannot return the results: {describe(exc)}")]), compiled,
                retire))
        if retire:
            return


def _pass_on(terminal: int, keep: bool = True) -> None:
    """Copy what this file's check wrote to standard error on to the terminal."""
    sys.stderr.flush()
    size = os.lseek(2, 0, os.SEEK_END)
    if size:
        os.lseek(2, 0, os.SEEK_SET)
        if keep:
            os.write(terminal, os.read(2, size))
        os.ftruncate(2, 0)
        os.lseek(2, 0, os.SEEK_SET)


def _last_words(stderr: Any) -> str:
    """What a dead worker wrote during its last file."""
    try:
        stderr.seek(0)
        return str(stderr.read(64 * 1024).decode("utf-8", "replace"))
    except (OSError, ValueError):
        return ""


def limit_memory(budget: int) -> None:
    """Cap this process's data at ``budget`` bytes, where the system allows."""
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if hard != resource.RLIM_INFINITY:
            budget = min(budget, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (budget, hard))
    except (ImportError, AttributeError, ValueError, OSError):
        return
    messages.set_memory_budget(budget)


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
    if worker.stderr is not None:
        worker.stderr.close()


def _plugin_of(phase: str) -> str:
    """``tone`` from the phase ``plugin 'tone'``; ``""`` for the core's steps."""
    prefix = "plugin "
    return phase[len(prefix) + 1:-1] if phase.startswith(prefix) else ""


#: What Python says on standard error as it dies for want of memory.
_OUT_OF_MEMORY = ("MemoryError", "Cannot recover from stack overflow", "Cannot allocate memory",
                  "std::bad_alloc", "out of memory", "error return without exception set")


def _death(exitcode: int | None, memory: int | None = None, last_words: str = "") -> str:
    """How the worker died, for its file's error (which names the plugin it was in)."""
    if memory and any(sign in last_words for sign in _OUT_OF_MEMORY):
        return f"cannot check: {messages.memory_message(memory)}"
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = ""
        if memory and name in ("SIGABRT", "SIGSEGV", "SIGBUS"):
            hint = (f"; it may have run out of memory (max_memory is "
                    f"{memory // (1024 * 1024):,} MiB)")
        return f"cannot check: the worker process was killed ({name}){hint}"
    return f"cannot check: the worker process stopped (exit status {exitcode})"
