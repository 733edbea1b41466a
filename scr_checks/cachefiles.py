"""Where the caches kept between runs live, and how a cache file is written and read.

A cache is never required: a file that is missing, damaged or not ours
reads as nothing, and a folder that cannot be written only means nothing is
kept.  Files live in the user's cache folder, never inside the installed
package: a file pip did not install is left behind when pip removes the
package, and the folder it leaves shadows a later editable install as an
empty namespace package.  ``SCR_CHECKS_CACHE_DIR`` moves the folder;
``SCR_CHECKS_NO_CACHE=1`` turns every cache off (do that where a cache
folder is shared with people you would not let change the installed package).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scr_checks import tempfiles

NO_CACHE = "SCR_CHECKS_NO_CACHE"
CACHE_DIR = "SCR_CHECKS_CACHE_DIR"
#: Length of the checksum that seals a file's contents.
SEAL = 4


def enabled() -> bool:
    """Whether caches may be read and written at all."""
    return os.environ.get(NO_CACHE) != "1"


def folder() -> Path:
    """The cache folder; RuntimeError if there is no home folder to put it in."""
    chosen = os.environ.get(CACHE_DIR)
    if chosen:
        return Path(chosen)
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(home) / "scr-checks"


def file(stem: str) -> Path:
    """The cache file ``stem`` for this Python (marshal's format differs between them)."""
    tag = sys.implementation.cache_tag or "python"
    return folder() / f"{stem}-{tag}.marshal"


def seal(payload: bytes) -> bytes:
    """The checksum written before ``payload``: a CRC-32.

    It is there to catch a damaged or cut-short file, which a CRC does at a
    quarter of the cost of a cryptographic digest (about 10M instructions a
    run over the megabyte of cache files a run reads); it cannot stop
    tampering, and no checksum could, as whoever can write the file can
    write its checksum too.
    """
    return zlib.crc32(payload).to_bytes(SEAL, "little")


def writable(path: Path) -> bool:
    """Whether a cache file could be written at ``path`` (its folder made if need be)."""
    for parent in (path.parent, *path.parent.parents):
        if parent.exists():
            return parent.is_dir() and os.access(parent, os.W_OK | os.X_OK)
    return False


def write(path: Path, magic: bytes, payload: bytes) -> bool:
    """Write ``payload`` sealed with its checksum, all at once or not at all."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfiles.create(path.parent, f".{path.stem}-")
    except (OSError, ValueError):
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(magic + seal(payload) + payload)
        os.chmod(name, 0o644)  # readable by all, as the bytecode beside it is
        os.replace(name, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(name)
        return False
    return True


def write_data(where: Callable[[], Path], magic: bytes, data: Any) -> Path | None:
    """Write plain ``data`` (:mod:`marshal`) to the file ``where()`` names, as
    :func:`write` does; the path, or None where it cannot be written (no home
    folder, data that is not plain, a folder that refuses it)."""
    try:
        path = where()
    except RuntimeError:  # no home folder to put it in
        return None
    try:
        payload = marshal.dumps(data)
    except ValueError:
        return None
    return path if write(path, magic, payload) else None


def read(path: Path, magic: bytes) -> bytes | None:
    """The payload :func:`write` sealed; None if the file is missing, damaged or not ours."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest, payload = data[len(magic):len(magic) + SEAL], data[len(magic) + SEAL:]
    if not data.startswith(magic) or seal(payload) != digest:
        return None
    return payload
