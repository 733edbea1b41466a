"""Plain data made from shipped files, kept between runs.

Parsing the privacy checker's 28,000 names or pyphen's 14,000 hyphenation
patterns costs a run tens of milliseconds, and gives the same answer every
time.  What parsing gives is plain data (strings, numbers, lists, tuples,
dicts, sets), so the first run writes it to a file in the cache folder and
later runs read it back with :mod:`marshal` in a millisecond or two.

A kept entry can never be stale: it is filed under a digest of everything
it is made from, the bytes of the files it is made from, the source of the
module whose function makes it, and the versions of Python, ``regex`` and
scr-checks; anything else changes the digest and the data is made afresh.
The data is read as plain data only (never pickle: nothing in it is run),
written atomically with a checksum, and never required: a missing, stale or
damaged file, a folder that cannot be written, or the cache turned off
(:mod:`scr_checks.cachefiles`) only means the data is made again.  Only
shipped data belongs here: a configuration's or a report's words are added
to what was loaded, never kept.
"""

from __future__ import annotations

import marshal
import sys
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar, cast

import regex

from scr_checks import __version__, cachefiles
from scr_checks.blake import blake2b

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

T = TypeVar("T")

#: What a cache file of kept data starts with, before the checksum of the rest.
MAGIC = b"scr-checks data 2\n"
#: Length of the digest that names what an entry was made from.
KEY = 32


def kept(name: str, make: Callable[[], T], sources: Iterable[Traversable | Path] = (),
         otherwise: Callable[[], T] | None = None, code: Iterable[ModuleType] = ()) -> T:
    """``make()``, read back from the cache when an earlier run kept it.

    ``sources`` are the files ``make`` reads; ``make`` must return plain data
    that depends on nothing else than them, its own module's code and the
    modules named in ``code``.
    ``otherwise`` makes what to use when nothing can be kept (the cache is
    off or its folder read-only): data as good as ``make``'s for the caller
    that costs less to make (parsed on first use rather than all at once).
    """
    _check(name)
    instead = otherwise or make
    if not cachefiles.enabled():
        return instead()
    try:
        key = _key(name, [sys.modules[make.__module__], *code], sources)
        path = file(name)
    except (OSError, RuntimeError, KeyError):  # a file or the code unreadable, or no home
        return instead()
    payload = cachefiles.read(path, MAGIC)
    if payload is not None and payload[:KEY] == key:
        try:
            return marshal.loads(payload[KEY:])  # type: ignore[no-any-return]
        except (EOFError, ValueError, TypeError):
            pass
    if otherwise is not None and not cachefiles.writable(path):
        return otherwise()
    data = make()
    try:
        blob = marshal.dumps(cast(Any, data))
    except ValueError:  # not plain data: never kept
        return data
    cachefiles.write(path, MAGIC, key + blob)
    return data


def file(name: str) -> Path:
    """The cache file of the entry called ``name`` for this Python."""
    _check(name)
    return cachefiles.file(f"data-{name}")


def _check(name: str) -> None:
    """An entry's name names its file: ASCII letters, digits, "_" and "-" only."""
    if not (name.isascii() and name.replace("-", "_").replace("_", "a").isalnum()):
        raise ValueError(f"a kept entry's name is letters, digits, '_' and '-': {name!r}")


@cache
def _code(module: ModuleType) -> bytes:
    """A digest of a module's source, read once a run."""
    return blake2b(Path(module.__file__ or "").read_bytes()).digest()


def _key(name: str, code: Iterable[ModuleType], sources: Iterable[Traversable | Path]) -> bytes:
    """A digest of what the entry is made from: its files, its code and the versions."""
    digest = blake2b(digest_size=KEY)
    for part in (name.encode(), sys.version.encode(), str(marshal.version).encode(),
                 regex.__version__.encode(), __version__.encode(), *map(_code, code),
                 *(source.read_bytes() for source in sources)):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.digest()
