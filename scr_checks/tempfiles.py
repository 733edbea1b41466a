"""A new private file beside the one it will replace, for writing all at once.

What :func:`tempfile.mkstemp` does for the outputs and the cache files, without
importing :mod:`tempfile`, whose own imports (``shutil``, ``random`` and what
they load) cost a one-page run more than the writing itself.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Opened for writing, created, and never an existing file nor a link's target.
FLAGS = (os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
         | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0))
#: Names tried before giving up, as :mod:`tempfile` tries.
ATTEMPTS = 10000


def create(folder: Path, prefix: str) -> tuple[int, str]:
    """A file made in ``folder`` with a random name after ``prefix``, readable
    and writable by its owner only: its descriptor, open for writing, and its path.

    Raises ``FileExistsError`` if every name tried was taken, and any other
    ``OSError`` the folder gives.
    """
    for _ in range(ATTEMPTS):
        name = os.path.join(folder, prefix + token())
        try:
            return os.open(name, FLAGS, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free name for a temporary file in {folder}")


def token() -> str:
    """Ten random characters, safe in a file name on every system."""
    return os.urandom(5).hex()
