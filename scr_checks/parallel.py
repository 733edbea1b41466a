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
import pickle
import select
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FunctionType
from typing import Any, BinaryIO

from scr_checks import messages, patterns
from scr_checks.messages import describe
from scr_checks.results import FileResult, ToolError
from scr_checks.timelimit import describe_timeout, set_phase_listener

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


class _Channel:
    """Two one-way pipes, one to read from and one to write to, as one connection.

    Each message is a pickle with its length in front.  Pipes, not a socket
    pair: a run opens no socket at all.
    """

    def __init__(self, reading: int, writing: int) -> None:
        self.reading = reading
        self.writing = writing

    def send(self, obj: Any) -> None:
        data = pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)  # fails before anything is sent
        view = memoryview(len(data).to_bytes(8, "little") + data)
        while view:
            view = view[os.write(self.writing, view):]

    def recv(self) -> Any:
        """The next message; EOFError if the other end closed before a whole one came."""
        return pickle.loads(self._read(int.from_bytes(self._read(8), "little")))

    def _read(self, size: int) -> bytes:
        parts = []
        while size:
            part = os.read(self.reading, min(size, 1 << 20))
            if not part:
                raise EOFError
            parts.append(part)
            size -= len(part)
        return b"".join(parts)

    def poll(self) -> bool:
        """Whether a read would not wait (a message, or the other end closed)."""
        return bool(_ready([self.reading], 0))

    def fileno(self) -> int:
        """What the parent watches: the reading end."""
        return self.reading

    def close(self) -> None:
        """Close both ends, once: a number closed twice may by then be another file's."""
        for fd in (self.reading, self.writing):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self.reading = self.writing = -1


def _ready(fds: list[int], timeout: float | None) -> list[int]:
    """Those of ``fds`` that can be read without waiting, after at most ``timeout`` s."""
    if hasattr(select, "poll"):
        poller = select.poll()
        for fd in fds:
            poller.register(fd, select.POLLIN)
        wait = None if timeout is None else int(timeout * 1000 + 0.999)
        return [fd for fd, _ in poller.poll(wait)]
    return select.select(fds, [], [], timeout)[0]


class _Process:
    """A forked worker: what the pool needs of it, as ``multiprocessing`` would give it.

    ``sentinel`` is the reading end of a pipe only the worker can write to:
    it reads as closed once the worker has ended, however it ended.  The
    worker closes ``parents_ends`` (the parent's ends of its pipes), so that
    it sees the parent go if the parent dies.
    """

    def __init__(self, target: Callable[[], None], parents_ends: Sequence[int] = ()) -> None:
        sentinel, alive = os.pipe()
        _flush_standard_streams()  # not written twice, by both processes
        self.pid = os.fork()
        if self.pid == 0:  # the worker, which never returns from here
            for fd in (sentinel, *parents_ends):
                os.close(fd)
            _run_worker(target)
        os.close(alive)
        self.sentinel = sentinel
        self.exitcode: int | None = None

    def is_alive(self) -> bool:
        return self._reap(os.WNOHANG) is None

    def join(self, timeout: float | None = None) -> None:
        if self.exitcode is None and (timeout is None or _ready([self.sentinel], timeout)):
            self._reap(0)

    def kill(self) -> None:
        if self.exitcode is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def close(self) -> None:
        if self.sentinel >= 0:
            try:
                os.close(self.sentinel)
            except OSError:
                pass
            self.sentinel = -1

    def _reap(self, options: int) -> int | None:
        if self.exitcode is None:
            try:
                pid, status = os.waitpid(self.pid, options)
            except ChildProcessError:
                pid, status = self.pid, 255 << 8
            if pid:
                self.exitcode = os.waitstatus_to_exitcode(status)
        return self.exitcode


def _run_worker(target: Callable[[], None]) -> None:
    """Run ``target`` in the forked worker, then leave without the parent's exit handlers."""
    code = 1
    try:
        _close_stdin()
        call_with_room(target)
        code = 0
    except SystemExit as exc:
        code = 0 if exc.code is None else exc.code if isinstance(exc.code, int) else 1
    except BaseException as exc:
        if isinstance(exc, MemoryError):
            # Said first, in bytes made already: printing the traceback needs
            # memory, and a worker that dies silently is not known to have
            # run out of it.
            _say(_OUT_OF_MEMORY_LINE)
        try:
            traceback.print_exc()
        except BaseException:
            pass
    finally:
        _flush_standard_streams()
        os._exit(code)


def _call(target: Callable[[], None]) -> None:
    target()


#: ``target()``, called from a frame that leaves the calls below it room.
#: CPython keeps Python frames in blocks of 16 KiB and frees a block as soon
#: as the first frame in it returns, so a loop whose calls go down and back
#: across the end of a block maps and unmaps memory each time: a worker's
#: checks did so 1,600 times on 50,000 words, a page fault and two system
#: calls each time.  A frame too large for one block gets a block of the
#: next power of two (this one, 258 KiB of stack, gets 512 KiB), and the
#: frames below it fill the rest of that block before another is made.
call_with_room = FunctionType(_call.__code__.replace(co_stacksize=33_000), globals())


def _flush_standard_streams() -> None:
    """Flush standard output and error, whatever a plugin left them as."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass


def _say(line: bytes) -> None:
    """Write ``line`` to standard error without Python's buffers (or memory)."""
    try:
        os.write(2, line)
    except OSError:
        pass


#: The last words of a worker that a ``MemoryError`` ended (see :data:`_OUT_OF_MEMORY`).
_OUT_OF_MEMORY_LINE = b"MemoryError\n"


def _close_stdin() -> None:
    """Standard input is the parent's: a worker reads nothing from it."""
    if sys.stdin is None:
        return
    try:
        sys.stdin.close()
        sys.stdin = open(os.devnull, encoding="utf-8")
    except (OSError, ValueError):
        pass


class _Worker:
    """A worker process and the file it holds (a plain class: a dataclass costs every
    run's start-up the compiling of its generated methods)."""

    __slots__ = ("connection", "deadline", "index", "phase", "process", "retiring", "stderr")

    def __init__(self, process: _Process, connection: _Channel, stderr: BinaryIO) -> None:
        self.process = process
        self.connection = connection
        #: What the worker writes to its standard error during its current file.
        self.stderr: BinaryIO | None = stderr
        self.index: int | None = None
        self.deadline: float | None = None
        #: The limited step the worker last said it started.
        self.phase = ""
        self.retiring = False


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
        self.results: list[FileResult | None] = [None] * len(paths)
        self.pending = deque(range(len(paths)))
        self.done = 0

    def run(self) -> list[FileResult]:
        workers = [self._start() for _ in range(self.jobs)]
        try:
            for worker in workers:
                self._give(worker)
            while busy := [w for w in workers if w.index is not None]:
                ready = _ready([w.connection.fileno() for w in busy]
                               + [w.process.sentinel for w in busy],
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
                if worker.index is not None:
                    # The run was interrupted (Ctrl-C): its file is not wanted,
                    # and waiting for it kept the user waiting a second more.
                    worker.process.kill()
                _stop(worker)
        return [r for r in self.results if r is not None]

    def _start(self) -> _Worker:
        orders, to_worker = os.pipe()
        from_worker, replies = os.pipe()
        stderr = _scratch_file()
        connection = _Channel(orders, replies)
        process = _Process(lambda: _serve(self.check, connection, self.shown, self.memory,
                                          stderr.fileno()), (from_worker, to_worker))
        os.close(orders)
        os.close(replies)
        return _Worker(process, _Channel(from_worker, to_worker), stderr=stderr)

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


def _scratch_file() -> BinaryIO:
    """A nameless file for a worker's standard error, in memory where the system allows."""
    if hasattr(os, "memfd_create"):
        try:
            return open(os.memfd_create("worker-stderr", os.MFD_CLOEXEC), "w+b")
        except OSError:
            pass
    import tempfile

    return tempfile.TemporaryFile()


def _serve(check: Check, connection: _Channel, shown: Callable[[Path], str],
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


def _last_words(stderr: BinaryIO | None) -> str:
    """What a dead worker wrote during its last file."""
    if stderr is None:
        return ""
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
    worker.process.close()
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
