"""Finding the reports in a folder, without leaving it, whatever the folder holds.

A folder of reports may hold a symbolic link to somewhere else (a home
folder, another agency's share).  Checking that would read, and put in the
outputs, files the user never named, so links that lead outside the folder
are skipped unless ``follow_symlinks`` is set.  Hidden files and folders are
skipped too.

A shared folder also holds things a report cannot be read from: a link that
leads to itself or nowhere, a FIFO or socket with a report's name (reading a
FIFO would wait forever), a folder the user may not read, a name that is not
UTF-8 (no output could show it).  Each is one problem for that entry, given
to the caller once, and the walk goes on with the rest.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Callable, Collection
from pathlib import Path

log = logging.getLogger("scr_checks")


#: Whether to leave out a path (``is_dir`` tells a folder), given the folder walked.
Skip = Callable[[Path, bool, Path], bool]
#: An entry that cannot be checked: its path and why, in a reviewer's words.
Problem = tuple[Path, str]


def find_reports(folder: Path, suffixes: Collection[str], follow_symlinks: bool = False,
                 skip: Skip | None = None,
                 problems: list[Problem] | None = None) -> list[Path]:
    """Every file under ``folder`` with one of ``suffixes``, sorted.

    ``skip`` leaves out files and whole folders (exclusions; see
    :mod:`scr_checks.exclusions`).  The entries that look like reports or
    folders of them but cannot be read are added to ``problems``, once each;
    without it they are logged.
    """
    walk = _Walk(folder, suffixes, follow_symlinks, skip,
                 _log_problem if problems is None else problems.append)
    walk.run()
    return sorted(walk.found)


def printable(path: Path | str) -> str:
    """``path`` with any bytes that are not UTF-8 shown as ``\\xff`` escapes.

    A name Python could not decode holds surrogates, which no output file
    or terminal can encode.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def regular_file_problem(path: Path) -> str | None:
    """Why ``path``, which exists, cannot be read as a report; ``None`` if it can."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return _reason(exc, link=True)
    return None if stat.S_ISREG(mode) else _not_regular(mode)


def _log_problem(problem: Problem) -> None:
    log.warning("%s: %s", printable(problem[0]), problem[1])


class _Walk:
    def __init__(self, folder: Path, suffixes: Collection[str], follow_symlinks: bool,
                 skip: Skip | None, problem: Callable[[Problem], None]) -> None:
        self.folder = folder
        self.suffixes = suffixes
        self.follow_symlinks = follow_symlinks
        self.skip = skip
        self.problem = problem
        self.root = os.path.realpath(folder)
        #: (device, inode) of every folder walked, so a link back is walked once.
        self.seen: set[tuple[int, int]] = set()
        self.found: list[Path] = []

    def run(self) -> None:
        stack = [self.folder]
        while stack:
            here = stack.pop()
            try:
                info = os.stat(here)
                if (info.st_dev, info.st_ino) in self.seen:
                    log.info("skipped %s: a link back to a folder already checked",
                             printable(here))
                    continue
                self.seen.add((info.st_dev, info.st_ino))
                with os.scandir(here) as entries:
                    names = sorted(entry.name for entry in entries)
            except OSError as exc:
                self.problem((here, f"cannot read the folder: {_reason(exc)}"))
                continue
            folders = [path for name in names if (path := self._entry(here, name))]
            stack.extend(reversed(folders))

    def _entry(self, here: Path, name: str) -> Path | None:
        """Record the entry if it is a report; return it if it is a folder to walk."""
        if name.startswith("."):
            return None
        path = here / name
        is_report_name = Path(name).suffix.lower() in self.suffixes
        try:
            link = os.lstat(path)
            info = os.stat(path) if stat.S_ISLNK(link.st_mode) else link
        except OSError as exc:
            if is_report_name or exc.errno == errno.ELOOP:
                self.problem((path, _reason(exc, link=True)))
            return None
        is_dir = stat.S_ISDIR(info.st_mode)
        if not is_dir and not is_report_name:
            return None
        if not is_utf8(name):
            what = "folder" if is_dir else "file"
            self.problem((path, f"the {what} name is not valid UTF-8 (rename it to check it)"))
            return None
        if stat.S_ISLNK(link.st_mode) and not self._allowed(path, is_dir):
            return None
        if self.skip is not None and self.skip(path, is_dir, self.folder):
            return None
        if is_dir:
            return path
        if not stat.S_ISREG(info.st_mode):
            self.problem((path, _not_regular(info.st_mode)))
            return None
        self.found.append(path)
        return None

    def _allowed(self, path: Path, is_dir: bool) -> bool:
        """A link is followed into a folder only with ``follow_symlinks``, and to
        a file outside the folder walked only with it too."""
        if self.follow_symlinks:
            return True
        real = os.path.realpath(path)
        if real == self.root or real.startswith(os.path.join(self.root, "")):
            if is_dir:  # walked where it is, so a loop back up is never entered
                log.info("skipped %s: a symbolic link to a folder inside %s, checked where "
                         "it is", printable(path), printable(self.folder))
            return not is_dir
        log.info("skipped %s: a symbolic link to outside %s (set follow_symlinks to check it)",
                 printable(path), printable(self.folder))
        return False


def is_utf8(name: str) -> bool:
    """Whether ``name`` (a path as Python decoded it) encodes as UTF-8."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _reason(exc: OSError, link: bool = False) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link that leads back to itself (a loop); not read"
    if link and exc.errno == errno.ENOENT:
        return "a symbolic link to nothing (its target is missing); not read"
    return exc.strerror or str(exc)


def _not_regular(mode: int) -> str:
    return f"not a regular file ({_kind(mode)}); not read"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"
