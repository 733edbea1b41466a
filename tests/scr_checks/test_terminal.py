"""Text printed for people shows control characters instead of obeying them."""

from __future__ import annotations

import logging
import sys

from scr_checks.terminal import SafeLogFormatter, terminal_safe


def test_every_kind_of_control_is_shown_as_an_escape():
    text = "a\x1b[2Jb\nc\rd\te\x07f\x9bg\u202eh\u2028i\u2066j"
    assert terminal_safe(text) == ("a\\x1b[2Jb\\nc\\rd\\te\\x07f\\x9bg\\u202eh\\u2028i"
                                   "\\u2066j")


def test_ordinary_text_is_left_alone():
    text = "Child A's café — “quoted”, 10 % of 3½ ∑ 日本"
    assert terminal_safe(text) == text


def test_a_log_message_is_escaped_but_a_traceback_is_not():
    formatter = SafeLogFormatter("scr-checks: %(message)s")
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("scr_checks", logging.INFO, __file__, 1,
                                   "skipped %s", ("evil\nscr-checks: forged",), sys.exc_info())
    text = formatter.format(record)
    assert text.startswith("scr-checks: skipped evil\\nscr-checks: forged\nTraceback")


def test_a_traceback_keeps_its_lines_but_shows_escape_sequences():
    formatter = SafeLogFormatter("scr-checks: %(message)s")
    try:
        raise ValueError("report\x1b[2J.docx: bad")
    except ValueError:
        record = logging.LogRecord("scr_checks", logging.DEBUG, __file__, 1, "details", (),
                                   sys.exc_info())
    text = formatter.format(record)
    assert "\x1b" not in text
    assert text.splitlines()[-1] == "ValueError: report\\x1b[2J.docx: bad"
    assert text.splitlines()[1] == "Traceback (most recent call last):"
