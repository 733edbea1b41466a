"""A time limit for one file's reading and checking, whole.

A hostile or simply huge report must not hang a CI job, so the runner checks
each file against a :class:`Deadline`: the moment the file started plus the
``timeout``.  Every step of the file (reading it, each plugin's checks, each
``scr_modify_findings``, the core's finishing) runs under :func:`time_limit`
with what is left of that one deadline, so the limit holds for the file, not
for each step of it.  The limit is a ``SIGALRM`` timer: it interrupts Python
code (a checker stuck in a regular expression, a loop in a reader), but
native code such as PDF parsing is only interrupted when it returns to
Python; a worker process is killed by its parent for that
(:mod:`scr_checks.parallel`).  Signals only reach the main thread, so
elsewhere (and on systems without ``setitimer``) files are checked with no
time limit.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["FINISHING", "Deadline", "TimeLimitExceeded", "describe_timeout",
           "set_phase_listener", "time_limit"]

#: Seconds past a file's deadline that the core may take to finish what was
#: found before it (masking, fingerprints, scorecard), so that a plugin that
#: runs out of time does not lose the other plugins' findings.  Less than the
#: parent's grace (:data:`scr_checks.parallel.GRACE`), which kills the worker.
FINISHING = 0.5

#: Told of each limited phase as it starts (its name), in a worker process, so
#: that the parent can name it if native code outlives the file's limit.
_phase_listener: Callable[[str], None] | None = None


def set_phase_listener(listener: Callable[[str], None] | None) -> None:
    global _phase_listener
    _phase_listener = listener


class TimeLimitExceeded(BaseException):
    """The file's time ran out.

    A ``BaseException``, like ``KeyboardInterrupt``, so that a plugin's broad
    ``except Exception`` cannot swallow it and carry on.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(describe_timeout(seconds))
        self.seconds = seconds


def describe_timeout(seconds: float) -> str:
    return f"took longer than {seconds:g} s (timeout)"


class Deadline:
    """When one file's time runs out: its start plus ``seconds``.

    ``None`` or a value of 0 or less means no limit (never expires).
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds if seconds and seconds > 0 else 0.0
        self.at = time.monotonic() + self.seconds if self.seconds else None

    def left(self) -> float | None:
        """Seconds until the deadline; ``None`` without a limit."""
        return None if self.at is None else self.at - time.monotonic()

    def later(self, seconds: float) -> Deadline:
        """The same limit, ``seconds`` later (the core's :data:`FINISHING`)."""
        moved = Deadline(None)
        moved.seconds = self.seconds
        moved.at = None if self.at is None else self.at + seconds
        return moved

    def expired(self) -> bool:
        left = self.left()
        return left is not None and left <= 0


def can_limit() -> bool:
    """Whether :func:`time_limit` can interrupt code in this thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(limit: float | Deadline | None, phase: str = "") -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the block when ``limit`` runs out.

    ``limit`` is a :class:`Deadline` (the block has what is left of it) or a
    number of seconds from now; ``None`` or a value of
    0 or less means no limit.  A deadline already past raises at once.  An
    existing ``SIGALRM`` handler is restored afterwards.  ``phase`` names what
    runs (``plugin 'tone'``) for the phase listener.
    """
    deadline = limit if isinstance(limit, Deadline) else Deadline(limit)
    left = deadline.left()
    if left is None or not can_limit():
        yield
        return
    if _phase_listener is not None and phase:
        _phase_listener(phase)
    if left <= 0:
        raise TimeLimitExceeded(deadline.seconds)
    armed = True

    def expire(signum: int, frame: FrameType | None) -> None:
        if armed:
            raise TimeLimitExceeded(deadline.seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, left)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
