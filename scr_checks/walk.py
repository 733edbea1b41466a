"""Finding the reports in a folder, without leaving it.

A folder of reports may hold a symbolic link to somewhere else (a home
folder, another agency's share).  Checking that would read, and put in the
outputs, files the user never named, so links that lead outside the folder
are skipped unless ``follow_symlinks`` is set.  Hidden files and folders are
skipped too.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Collection
from pathlib import Path

log = logging.getLogger("scr_checks")


#: Whether to leave out a path (``is_dir`` tells a folder), given the folder walked.
Skip = Callable[[Path, bool, Path], bool]


def find_reports(folder: Path, suffixes: Collection[str], follow_symlinks: bool = False,
                 skip: Skip | None = None) -> list[Path]:
    """Every file under ``folder`` with one of ``suffixes``, sorted.

    ``skip`` leaves out files and whole folders (exclusions; see
    :mod:`scr_checks.exclusions`).
    """
    def kept(path: Path, is_dir: bool) -> bool:
        return skip is None or not skip(path, is_dir, folder)

    root = folder.resolve()
    seen: set[Path] = set()
    found: list[Path] = []
    for current, dirs, files in os.walk(folder, followlinks=follow_symlinks):
        here = Path(current)
        real = here.resolve()
        if real in seen:  # a link back to a folder already walked
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and _allowed(here / d, root, follow_symlinks)
                         and kept(here / d, True))
        found.extend(
            here / name for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in suffixes
            and _allowed(here / name, root, follow_symlinks) and (here / name).is_file()
            and kept(here / name, False)
        )
    return sorted(found)


def _allowed(path: Path, root: Path, follow_symlinks: bool) -> bool:
    if follow_symlinks or not path.is_symlink():
        return True
    if path.resolve().is_relative_to(root):
        return True
    log.info("skipped %s: a symbolic link to outside %s (set follow_symlinks to check it)",
             path, root)
    return False
