"""Calling a plugin so that whatever it does is that plugin's failure alone.

Every hook of every plugin is called through :func:`call_plugin`: the start-up
hooks, the registrations, each file's checks, ``scr_modify_findings`` and the
end of the run.  An exception, ``sys.exit()``, a ``KeyboardInterrupt`` the
plugin raised itself, or running out of time becomes a
:class:`PluginFailure` naming the plugin and the hook; the caller decides
whether that stops the run (a start-up hook) or only that plugin's work on
that file (a check).  A Ctrl-C from the user still stops the run: the
SIGINT handler notes that one arrived (:func:`interrupts_watched`), and
only then is a ``KeyboardInterrupt`` let through.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any, NamedTuple, TypeVar

from scr_checks.messages import describe
from scr_checks.timelimit import Deadline, TimeLimitExceeded, time_limit

__all__ = ["PluginContractError", "PluginFailure", "call_plugin", "interrupts_watched"]

log = logging.getLogger("scr_checks")
T = TypeVar("T")


class PluginContractError(Exception):
    """What a plugin gave the run breaks the plugin API (a finding without a message).

    Its message is shown as it is, without the exception's name.
    """


class PluginFailure(NamedTuple):
    """One plugin's failure in one hook call, in a reviewer's words.

    A named tuple: a frozen dataclass's generated methods are compiled at every start-up.
    """

    plugin: str
    hook: str
    message: str
    timed_out: bool = False


def call_plugin(plugin: str, hook: str, call: Callable[[], T],
                timeout: float | Deadline | None = None,
                passing: tuple[type[Exception], ...] = ()
                ) -> tuple[T | None, PluginFailure | None]:
    """``call()`` within ``timeout`` (seconds, or what is left of a file's
    :class:`~scr_checks.timelimit.Deadline`): its value, or the plugin's failure.

    Never raises, except a ``KeyboardInterrupt`` from a real Ctrl-C and the
    ``passing`` exceptions (a start-up hook's own :class:`ConfigError`).
    """
    try:
        with time_limit(timeout, phase=f"plugin {plugin!r}"):
            return call(), None
    except passing:
        raise
    except TimeLimitExceeded as exc:
        return None, PluginFailure(plugin, hook, str(exc), timed_out=True)
    except KeyboardInterrupt:
        if user_interrupted():
            raise
        message = "raised KeyboardInterrupt (no Ctrl-C was pressed)"
    except SystemExit as exc:
        message = f"tried to end the run (SystemExit({exc.code!r}))"
    except PluginContractError as exc:
        message = str(exc)
    except Exception as exc:
        log.debug("plugin %s failed in %s", plugin, hook, exc_info=True)
        message = describe(exc)
    return None, PluginFailure(plugin, hook, message)


# -- telling a user's Ctrl-C from a plugin's KeyboardInterrupt ------------------------

_interrupted = threading.Event()


def _note_interrupt(signum: int, frame: FrameType | None) -> None:
    _interrupted.set()
    signal.default_int_handler(signum, frame)


@contextmanager
def interrupts_watched() -> Iterator[None]:
    """Note each SIGINT while the block runs (Python's own handler, plus a note)."""
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler):
        yield
        return
    _interrupted.clear()
    signal.signal(signal.SIGINT, _note_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def user_interrupted() -> bool:
    """Whether a ``KeyboardInterrupt`` now may have come from the user's Ctrl-C.

    Signals reach only the main thread; a process that ignores SIGINT (a
    worker, whose parent takes the Ctrl-C) never gets one; under someone
    else's handler we cannot tell, so we believe it.
    """
    if threading.current_thread() is not threading.main_thread():
        return False
    handler: Any = signal.getsignal(signal.SIGINT)
    if handler is _note_interrupt:
        return _interrupted.is_set()
    return handler is not signal.SIG_IGN
