"""A plain progress bar on stderr, for runs over many files.

Only drawn on a terminal, so logs and CI output stay clean, and only for more
than one file, where a wait is long enough to need one.
"""

from __future__ import annotations

from typing import TextIO

WIDTH = 30


class ProgressBar:
    """Called with (files done, files in all) after each file."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __call__(self, done: int, total: int) -> None:
        if total <= 1:
            return
        filled = WIDTH * done // total
        line = f"[{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total} files"
        # The bar is erased when the run ends, so it never mixes with output.
        end = "\r" + " " * len(line) + "\r" if done == total else ""
        self.stream.write("\r" + line + end)
        self.stream.flush()


def progress_bar(stream: TextIO) -> ProgressBar | None:
    """A bar on ``stream`` if it is a terminal, else ``None``."""
    isatty = getattr(stream, "isatty", None)
    return ProgressBar(stream) if isatty is not None and isatty() else None
