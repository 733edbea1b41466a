"""The per-file time limit: interrupts Python code, restores the old handler."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from scr_checks.timelimit import TimeLimitExceeded, time_limit


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_loop_is_interrupted_with_a_message_naming_the_limit():
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded, match=r"took longer than 0\.2 s \(timeout\)"):
        with time_limit(0.2):
            spin(5)
    assert time.monotonic() - started < 2


def test_except_exception_in_a_plugin_cannot_swallow_it():
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.1):
            try:
                spin(5)
            except Exception:  # what a careless plugin might write
                pass


def test_fast_code_is_untouched_and_the_previous_handler_restored():
    def mine(signum, frame):
        raise AssertionError("must not be called")

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        with time_limit(5):
            value = sum(range(1000))
        assert value == 499500
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("seconds", [None, 0, -1])
def test_no_limit(seconds):
    with time_limit(seconds):
        spin(0.05)


def test_outside_the_main_thread_there_is_no_limit_and_no_error():
    outcome = []

    def work():
        try:
            with time_limit(0.05):
                spin(0.2)
            outcome.append("finished")
        except BaseException as exc:
            outcome.append(repr(exc))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome == ["finished"]
