"""The per-file time limit: one deadline for every step of a file; it interrupts
Python code and a long regular-expression call, and restores the old handler."""

from __future__ import annotations

import signal
import threading
import time

import pytest
import regex

from scr_checks.timelimit import Deadline, TimeLimitExceeded, time_limit


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


def test_a_deadline_is_shared_by_the_steps_under_it():
    deadline = Deadline(0.3)
    with time_limit(deadline):
        spin(0.2)
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded, match=r"took longer than 0\.3 s \(timeout\)"):
        with time_limit(deadline):  # only the 0.1 s left of it
            spin(5)
    assert time.monotonic() - started < 0.25
    assert deadline.expired()


def test_a_step_after_the_deadline_is_stopped_before_it_starts():
    deadline = Deadline(0.05)
    spin(0.1)
    ran = []
    with pytest.raises(TimeLimitExceeded):
        with time_limit(deadline):
            ran.append(True)
    assert not ran


def test_later_moves_the_deadline_but_not_the_limit_it_names():
    deadline = Deadline(0.05)
    spin(0.1)
    finishing = deadline.later(1.0)
    assert deadline.expired() and not finishing.expired()
    with time_limit(finishing):
        spin(0.01)
    with pytest.raises(TimeLimitExceeded, match=r"took longer than 0\.05 s"):
        with time_limit(deadline.later(0.1)):
            spin(5)


@pytest.mark.parametrize("seconds", [None, 0, -1])
def test_a_deadline_without_a_limit_never_expires(seconds):
    deadline = Deadline(seconds)
    assert deadline.left() is None and not deadline.expired()
    assert deadline.later(1).left() is None


def test_a_single_long_regex_call_is_interrupted():
    """The regex module checks for signals as it backtracks: no native-code escape."""
    catastrophic = regex.compile(r"(a|aa)+$")
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.3):
            catastrophic.search("a" * 40 + "b")
    assert time.monotonic() - started < 2
