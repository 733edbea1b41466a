"""The methods :mod:`dataclasses` writes for each class, compiled once and kept between runs.

For every dataclass, :mod:`dataclasses` writes the source of ``__init__``,
``__repr__``, ``__eq__`` and the rest, and compiles it at every import:
about 3 million instructions a class, a tenth of a one-page run for the
forty the core and the built-in checkers define.  The source depends only
on the class, so within :func:`compiled_once` each source is compiled the
first time it is met and its code is kept in the cache folder
(:mod:`scr_checks.cachefiles`); later runs take the code from there.  The
code is what compiling the same source gives (the same source, file name
and flags, under the same Python), so the classes are the same; a missing,
damaged or foreign cache file, or the cache turned off, only means the
source is compiled as :mod:`dataclasses` would.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType
from typing import Any

from scr_checks import cachefiles

#: What the cache file starts with, before the checksum of the rest.
MAGIC = b"scr-checks dataclass code 1\n"
#: Length of the digest of what the code depends on (the Python that compiled it).
KEY = 32
#: More sources than this (left by classes since changed): the file keeps only a run's new ones.
LIMIT = 2000

_active = False


@contextmanager
def compiled_once() -> Iterator[None]:
    """Dataclasses made within take their methods' code from the cache when they can.

    Only :mod:`dataclasses`' own ``exec`` is replaced, and only while the
    block runs; a block within another one changes nothing.
    """
    global _active
    if _active:
        yield
        return
    codes = _read()
    new: dict[str, CodeType] = {}

    def exec_code(source: Any, globals: Any = None, locals: Any = None) -> None:
        if type(source) is str:
            code = codes.get(source)
            if code is None:
                code = codes[source] = new[source] = compile(
                    source, "<string>", "exec", dont_inherit=True)
            source = code
        if globals is None:  # as exec does: the caller's
            globals = sys._getframe(1).f_globals
        exec(source, globals, locals)

    _active = True
    dataclasses.exec = exec_code  # type: ignore[attr-defined]
    try:
        yield
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]
        _active = False
        if new:
            _write(codes if len(codes) <= LIMIT else new)


def file() -> Path:
    """The cache file of the compiled code for this Python."""
    tag = sys.implementation.cache_tag or "python"
    return cachefiles.folder() / f"dataclass-code-{tag}.marshal"


def _key() -> bytes:
    """A digest of what compiling depends on: the Python, its marshal format and -O."""
    return hashlib.blake2b(
        f"{sys.version}\n{marshal.version}\n{sys.flags.optimize}".encode(),
        digest_size=KEY).digest()


def _read() -> dict[str, CodeType]:
    """The kept code by its source; empty when there is none to trust."""
    if not cachefiles.enabled():
        return {}
    try:
        payload = cachefiles.read(file(), MAGIC)
    except RuntimeError:  # no home folder for the cache
        return {}
    if payload is None or payload[:KEY] != _key():
        return {}
    try:
        codes = marshal.loads(payload[KEY:])
    except (EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(codes, dict) and all(
            type(source) is str and type(code) is CodeType for source, code in codes.items())):
        return {}
    return codes


def _write(codes: dict[str, CodeType]) -> None:
    if not cachefiles.enabled():
        return
    try:
        path = file()
    except RuntimeError:
        return
    cachefiles.write(path, MAGIC, _key() + marshal.dumps(codes))
