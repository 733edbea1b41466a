"""The standard library's compiled patterns (:mod:`re`), kept between runs.

docutils, the standard library and the core compile about 150 patterns with
:mod:`re`, whose parser and compiler are written in Python: a fifth of a
one-page run, half of it docutils' patterns for inline markup.  As with
``regex`` (:mod:`scr_checks.patterns`), a compiled pattern is plain data, its
code a list of integers.  So a run keeps the code of what it compiled, and
the next run builds each pattern from it (``_sre.compile``, as :mod:`re`
itself does) and puts it in ``re``'s own table of compiled patterns, where
``re.compile`` looks first, before the modules that compile it are imported
(:func:`seed`, from ``scr_checks/__init__.py``).  The patterns are the same
objects ``re.compile`` would make, so whatever uses them is unchanged.

Only patterns made from code are kept: those compiled while the package is
imported, and where the core says so (:func:`keeping`): docutils' parser's
tables and the word lists' shortcuts.  A pattern made from a report, a
configuration or a ``.gitignore`` (which third-party code may compile at any
time) is never written.  The cache file follows the rules of the ``regex``
one: never required, keyed by the Python version and the engine's code
format, :mod:`marshal` data sealed with a checksum, each entry checked, and
``_sre`` refuses code that is not well formed.  A Python whose :mod:`re`
keeps no such table, or builds patterns otherwise, compiles as before.
"""

from __future__ import annotations

import contextlib
import marshal
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from scr_checks import cachefiles

try:
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # another implementation of re: nothing is kept
    _sre = None  # type: ignore[assignment]

#: (pattern, flags as ``re.compile`` was given them) -> the arguments of
#: ``_sre.compile`` after the pattern: its flags, code, groups, group index
#: and index group.
Row = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str, int]

#: What the cache file held, as read.
_stored: dict[Key, Row] = {}
#: Patterns compiled from code in this process that the cache file lacks.
_new: dict[Key, Row] = {}
#: Keys of ``re``'s table when the package began to be imported.
_at_start: set[Any] | None = None
#: More entries than ``re`` keeps in its table and the oldest are dropped.
MAX_ENTRIES = 400
#: What a cache file starts with, before the checksum of the rest.
MAGIC = b"scr-checks re patterns 1\n"


def _table() -> dict[Any, Any] | None:
    """``re``'s table of compiled patterns, or None where it has none to fill."""
    table = getattr(re, "_cache", None)
    return table if _sre is not None and isinstance(table, dict) else None


def cache_file() -> Path:
    """Where this Python's ``re`` keeps its compiled patterns."""
    return cachefiles.file(f"re-{sys.hexversion:x}-{getattr(_sre, 'MAGIC', 0)}")


def seed() -> None:
    """Put the patterns the cache file holds in ``re``'s table; once a process."""
    global _at_start
    table = _table()
    if _at_start is not None or table is None:
        return
    _at_start = set(table)
    if not cachefiles.enabled():
        return
    try:
        rows = _read(cache_file())
    except RuntimeError:  # no home folder: no cache
        return
    room = getattr(re, "_MAXCACHE", MAX_ENTRIES) - len(table)
    for (pattern, flags), row in rows.items():
        if room <= 0:
            break
        try:
            made = _sre.compile(pattern, *row)
        except Exception:  # code _sre refuses: compiled afresh when used
            continue
        if made.pattern != pattern:
            continue
        if table.setdefault((str, pattern, flags), made) is made:
            room -= 1
        _stored[(pattern, flags)] = row


def keep_imported() -> None:
    """Keep what the package's import compiled: modules' code, no one's data."""
    table = _table()
    if table is not None and _at_start is not None:
        _keep(key for key in table if key not in _at_start)


@contextlib.contextmanager
def keeping() -> Iterator[None]:
    """Keep what ``re`` compiles inside the block, which must compile only
    patterns written in code (or made from shipped data), never a report's or
    a configuration's words."""
    table = _table() if cachefiles.enabled() else None
    before = set(table) if table is not None else set()
    try:
        yield
    finally:
        if table is not None:
            _keep(key for key in table if key not in before)


def _keep(keys: Iterable[Any]) -> None:
    """Make the rows of those ``keys`` the cache file lacks, if it can be
    written: a row costs a parse of its pattern, which only a file repays."""
    wanted = [key[1:] for key in keys
              if type(key) is tuple and len(key) == 3 and key[0] is str
              and key[1:] not in _stored and key[1:] not in _new]
    if not wanted or not _writable():
        return
    for pattern, flags in wanted:
        row = _row(pattern, flags)
        if row is not None:
            _new[(pattern, flags)] = row


def _writable() -> bool:
    """Whether patterns may be kept in a cache file that can be written."""
    try:
        return cachefiles.enabled() and cachefiles.writable(cache_file())
    except RuntimeError:  # no home folder to put it in
        return False


def _row(pattern: str, flags: int) -> Row | None:
    """What ``re`` hands ``_sre.compile`` for ``pattern``, made as it makes it."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(c) for c in _compiler._code(parsed, flags)]
        state = parsed.state
        index = [None] * state.groups
        for name, number in state.groupdict.items():
            index[number] = name
        row = (int(flags | state.flags), code, state.groups - 1,
               dict(state.groupdict), tuple(index))
        _sre.compile(pattern, *row)
    except Exception:  # this re makes patterns some other way: not kept
        return None
    return row


def take_new() -> dict[Key, Row]:
    """What this process kept since last asked (a worker sends it to the parent)."""
    new = dict(_new)
    _stored.update(_new)
    _new.clear()
    return new


def adopt(rows: dict[Key, Row]) -> None:
    """Keep what a worker compiled, for :func:`save`."""
    if cachefiles.enabled():
        _new.update((key, row) for key, row in rows.items() if key not in _stored)


def save() -> Path | None:
    """Add what this process kept to the cache file; never fails the run."""
    if not _new or not cachefiles.enabled():
        return None
    entries = list({**_stored, **_new}.items())[-MAX_ENTRIES:]
    path = cachefiles.write_data(cache_file, MAGIC,
                                 [(p, f, *row) for (p, f), row in entries])
    if path is None:
        return None
    _stored.update(_new)
    _new.clear()
    return path


def _read(path: Path) -> dict[Key, Row]:
    """The cache file's entries that have the right shape; nothing if it is unusable."""
    payload = cachefiles.read(path, MAGIC)
    if payload is None:
        return {}
    try:
        rows = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return {}
    out: dict[Key, Row] = {}
    if not isinstance(rows, list):
        return out
    for row in rows:
        if (isinstance(row, tuple) and len(row) == 7 and isinstance(row[0], str)
                and isinstance(row[1], int) and isinstance(row[2], int)
                and isinstance(row[3], list) and isinstance(row[4], int)
                and isinstance(row[5], dict) and isinstance(row[6], tuple)):
            out[(row[0], row[1])] = row[2:]
    return out
