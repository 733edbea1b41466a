"""Text for a terminal or a log, made safe: control characters shown, not obeyed.

A file name or a heading is the report author's text.  Printed raw, an
escape sequence in it could clear the screen or recolour lines, a newline
could start a line that looks like a finding or a clean summary, and a
bidirectional override could show words in another order than they are.
So every such character is written as an escape (``\x1b``, ``\n``,
``\u202e``) wherever scr-checks prints for people.
"""

from __future__ import annotations

import logging
from typing import Any

#: C0 and C1 controls, DEL, line and paragraph separators, bidirectional controls.
_UNSAFE = [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F,
           *range(0x2028, 0x202F), *range(0x2066, 0x206A)]
_ESCAPES = {code: (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}") for code in _UNSAFE}
_ESCAPES.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})


def terminal_safe(text: str) -> str:
    """``text`` with every control character written as a visible escape."""
    return text.translate(_ESCAPES)


def lines_safe(text: str) -> str:
    """``text`` with its line breaks kept and every other control escaped."""
    return "\n".join(terminal_safe(line) for line in text.split("\n"))


class SafeLogFormatter(logging.Formatter):
    """A log formatter that escapes the message; a traceback after it (``-v``)
    keeps its lines, but an escape sequence in an exception's text is shown."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = terminal_safe(record.message)
        return super().formatMessage(record)

    def formatException(self, ei: Any) -> str:
        return lines_safe(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return lines_safe(super().formatStack(stack_info))
