"""A time limit for one file's reading and checking.

A hostile or simply huge report must not hang a CI job, so the runner checks
each file under :func:`time_limit`.  The limit is a ``SIGALRM`` timer: it
interrupts Python code (a checker stuck in a regular expression, a loop in a
reader), but native code such as PDF parsing is only interrupted when it
returns to Python; readers bound that with their own page and size limits.
Signals only reach the main thread, so elsewhere (and on systems without
``setitimer``) files are checked with no time limit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["TimeLimitExceeded", "describe_timeout", "set_phase_listener", "time_limit"]

#: Told of each limited phase as it starts (its name and seconds), in a worker
#: process, so that the parent can stop it if native code outlives the limit.
_phase_listener: Callable[[str, float], None] | None = None


def set_phase_listener(listener: Callable[[str, float], None] | None) -> None:
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


def can_limit() -> bool:
    """Whether :func:`time_limit` can interrupt code in this thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, phase: str = "") -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the block after ``seconds``.

    ``None`` or a value of 0 or less means no limit.  An existing ``SIGALRM``
    handler is restored afterwards.  ``phase`` names what runs (``plugin
    'tone'``) for the phase listener.
    """
    if not seconds or seconds <= 0 or not can_limit():
        yield
        return
    if _phase_listener is not None and phase:
        _phase_listener(phase, seconds)
    armed = True

    def expire(signum: int, frame: FrameType | None) -> None:
        if armed:
            raise TimeLimitExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
