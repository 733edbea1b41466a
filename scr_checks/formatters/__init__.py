"""Output formatters: each renders a whole run as one text.

Formatters are registered through ``scr_register_formatters`` and picked by
``name``.  Rendering the whole run at once keeps output deterministic (stable
order, no timestamps), and :func:`write_atomically` means an interrupted run
never leaves a half-written file for a CI system to read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, ClassVar

from scr_checks import tempfiles
from scr_checks.config import Config
from scr_checks.results import RunResult

__all__ = ["Formatter", "encodable", "write_atomically"]


class Formatter:
    """Base class: set ``name`` and implement :meth:`render`."""

    name: ClassVar[str] = ""
    #: One line for ``scr-checks formats`` and the docs.
    description: ClassVar[str] = ""
    #: Set by a format that shows each finding's paragraph: the run then
    #: keeps them for it (:mod:`scr_checks.paragraphs`).
    shows_paragraphs: ClassVar[bool] = False

    #: Set by the command line when this output goes to the terminal, where it
    #: prints the run's errors itself, on standard error: leave them out here.
    errors_elsewhere: bool = False

    def __init__(self, config: Config, color: bool = False) -> None:
        self.config = config
        self.color = color

    def render(self, run: RunResult) -> str:
        raise NotImplementedError

    def render_parts(self, run: RunResult) -> Iterator[str]:
        """The output in parts, which are written to a file as they come.

        The whole of :meth:`render` by default; a format whose output grows
        with the archive gives it a part at a time, so that the whole text is
        never held at once.
        """
        yield self.render(run)


def counted(count: int, word: str) -> str:
    """``count`` and ``word``, plural unless one: "1 identifier", "3 replacements"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def encodable(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD, so UTF-8 can encode it.

    Text pulled out of a damaged PDF or Word file can hold half a surrogate
    pair; writing it would raise.  A pair split into two code points is joined
    back into one character.
    """
    if text.isascii():
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def write_atomically(path: Path, text: str | bytes | Iterable[str]) -> None:
    """Write to a temporary file beside ``path``, then rename it into place.

    ``text`` may come in parts (an iterable of strings), each written as it
    comes; if making one fails, the file is left as it was.

    Only a regular file is replaced that way: ``-o /dev/null`` or a named pipe
    is written to as it is, never renamed over.  The file gets the mode a
    plain ``open`` would give it (the umask's, or the replaced file's), not
    the temporary file's private 0600, so a shared CI agent can read it.
    """
    path = Path(path)
    # Text is written as UTF-8 with "\n" line ends on every system; bytes as they are.
    how: dict[str, Any] = ({"mode": "wb"} if isinstance(text, bytes)
                           else {"mode": "w", "encoding": "utf-8", "newline": "\n"})
    parts = [text] if isinstance(text, (str, bytes)) else text
    if path.exists() and not path.is_file():
        with path.open(**how) as stream:
            for part in parts:
                stream.write(part)
        return
    folder = path.parent if str(path.parent) else Path(".")
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~current_umask()
    handle, temp = tempfiles.create(folder, f".{path.name}.")
    try:
        with os.fdopen(handle, **how) as stream:
            for part in parts:
                stream.write(part)
            os.fchmod(stream.fileno(), mode)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def current_umask() -> int:
    """The process's umask (read by setting it, then putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
