"""Paths as people see them, and the project root fingerprints are anchored to."""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: Path) -> str:
    """``path`` as ruff and flake8 show it, with /: relative to the current folder
    when it is in it, otherwise as it was given (``../x.md``, ``/srv/x.md``)."""
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    if absolute == cwd or absolute.startswith(os.path.join(cwd, "")):
        return Path(os.path.relpath(absolute, cwd)).as_posix()
    return Path(os.path.normpath(path)).as_posix()


def project_root() -> Path:
    """The repository around the current folder (a folder holding ``.git``), or it."""
    cwd = Path.cwd().resolve()
    for folder in (cwd, *cwd.parents):
        if (folder / ".git").exists():
            return folder
    return cwd
