"""Compiled regular expressions, kept between runs.

The ``regex`` module compiles a pattern with a parser written in Python: the
few hundred patterns of the checkers take about a tenth of a second, on every
run, which is most of the time a one-page report takes.  A compiled pattern
is plain data (its code is a list of integers), so it can be kept: the first
run writes what it compiled to a cache file in the user's cache folder, and
later runs rebuild each pattern from it in microseconds.

The cache is never required.  It is keyed by the versions of ``regex`` and
Python, written atomically with a checksum of its contents, read with
:mod:`marshal` as plain data (never pickle: nothing in it is run), checked
entry by entry, and a missing, stale, truncated or damaged file is simply
compiled again.  Where it lives, and how to move it or turn it off:
:mod:`scr_checks.cachefiles`.
"""

from __future__ import annotations

import contextlib
import marshal
from pathlib import Path
from typing import Any

import regex
from regex import _regex  # type: ignore[attr-defined]

from scr_checks import cachefiles, stdpatterns
from scr_checks.cachefiles import CACHE_DIR, NO_CACHE

__all__ = ["CACHE_DIR", "NO_CACHE", "adopt", "cache_file", "compiled", "save", "take_new"]

#: (pattern, flags) -> the compiled pattern's data, as read from the cache file.
_stored: dict[tuple[str, int], tuple[Any, ...]] | None = None
#: Patterns compiled in this process that the cache file does not hold yet.
_new: dict[tuple[str, int], tuple[Any, ...]] = {}
#: Keys this process rebuilt from the cache file.
_used: set[tuple[str, int]] = set()
#: More entries than this and a save keeps only what its run used: patterns
#: made from a configuration that has since changed do not pile up.
MAX_ENTRIES = 2000


def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, rebuilt from the cache when it holds it."""
    if regex.DEFAULT_VERSION != regex.VERSION0:  # changed by someone: compiles differently
        return regex.compile(pattern, flags)
    key = (pattern, int(flags))
    data = _cache().get(key)
    if data is not None:
        try:
            rebuilt = _regex.compile(*data)
        except Exception:  # a damaged entry: compile it afresh
            rebuilt = None
        if rebuilt is not None and rebuilt.pattern == pattern:
            _used.add(key)
            return rebuilt
    result = regex.compile(pattern, flags)
    data = getattr(result, "_pickled_data", None)
    if isinstance(data, tuple) and cachefiles.enabled():
        _new[key] = data
    return result


#: What a cache file starts with, before the checksum of the rest.
MAGIC = b"scr-checks patterns 2\n"


def cache_file() -> Path:
    """Where this ``regex`` and Python keep their compiled patterns."""
    return cachefiles.file(f"patterns-{regex.__version__}")


def save() -> Path | None:
    """Add what this run compiled to the cache file (and what :mod:`re` compiled
    to :mod:`scr_checks.stdpatterns`' file); never fails the run."""
    stdpatterns.save()
    if not _new or not cachefiles.enabled():
        return None
    entries = {**_cache(), **_new}
    if len(entries) > MAX_ENTRIES:
        entries = {key: entries[key] for key in [*_used, *_new]}
    path = cachefiles.write_data(cache_file, MAGIC,
                                 [(p, f, d) for (p, f), d in entries.items()])
    if path is None:
        return None
    if _stored is not None:
        _stored.update(_new)
    _new.clear()
    return path


#: What a worker compiled: ``regex``'s patterns, and :mod:`re`'s made from code.
New = tuple[dict[tuple[str, int], tuple[Any, ...]], dict[stdpatterns.Key, stdpatterns.Row]]


def take_new() -> New:
    """What this process compiled since last asked (a worker sends it to the parent)."""
    new = dict(_new)
    _new.clear()
    return new, stdpatterns.take_new()


def adopt(compiled: New) -> None:
    """Keep what a worker compiled, for :func:`save`."""
    if cachefiles.enabled():
        _new.update(compiled[0])
    stdpatterns.adopt(compiled[1])


def _cache() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _stored
    if _stored is None:
        _stored = {}
        if cachefiles.enabled():
            with contextlib.suppress(RuntimeError):  # no home folder: no cache
                _stored = _read(cache_file())
    return _stored


def _read(path: Path) -> dict[tuple[str, int], tuple[Any, ...]]:
    """The cache file's entries that have the right shape; nothing if it is unusable."""
    payload = cachefiles.read(path, MAGIC)
    if payload is None:
        return {}  # not ours, or damaged: a damaged compiled pattern could crash the engine
    try:
        rows = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return {}
    out: dict[tuple[str, int], tuple[Any, ...]] = {}
    if not isinstance(rows, list):
        return out
    for row in rows:
        if (isinstance(row, tuple) and len(row) == 3 and isinstance(row[0], str)
                and isinstance(row[1], int) and isinstance(row[2], tuple)
                and row[2][:1] == (row[0],)):
            out[(row[0], row[1])] = row[2]
    return out
