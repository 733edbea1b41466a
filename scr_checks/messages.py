"""Errors in a reviewer's words.

A hostile or damaged file can break a parser deep inside, and the error it
raises speaks to the parser's author ("maximum recursion depth exceeded",
"use XML_PARSE_HUGE option").  :func:`describe` says instead what is wrong
with the file, and otherwise gives the error's name and first line.
"""

from __future__ import annotations

import re

__all__ = ["describe", "memory_message", "memory_ran_out", "set_memory_budget"]

#: The memory limit of this process in bytes, once a worker has set one.
_memory_budget: int | None = None
#: Whether this process has run out of memory since last asked.
_ran_out = False


def set_memory_budget(limit: int | None) -> None:
    """Note the memory limit set on this process, for :func:`memory_message`."""
    global _memory_budget
    _memory_budget = limit


def memory_ran_out() -> bool:
    """Whether a ``MemoryError`` was described since last asked (a worker then retires)."""
    global _ran_out
    ran_out, _ran_out = _ran_out, False
    return ran_out


def memory_message(limit: int | None = None) -> str:
    limit = limit if limit is not None else _memory_budget
    if not limit:
        return "ran out of memory"
    return f"needed more than {limit // (1024 * 1024):,} MiB of memory (max_memory)"


#: (what the error says, what to say instead), for errors of any type.
_PLAIN = [
    (re.compile(r"Exceeds the limit \((\d+) digits\)"),
     "a number too long to read (over {0} digits)"),
    (re.compile(r"invalid literal for int\(\)|could not convert string to float"),
     "a number that could not be read as one"),
    (re.compile(r"Excessive depth in document: (\d+)"),
     "XML nested deeper than {0} levels"),
    (re.compile(r"huge text node|AttValue length too long|xmlSAX2Characters|"
                r"Huge input lookup|Memory allocation failed : huge", re.IGNORECASE),
     "an XML text or attribute too large to read (over 10 MB)"),
    (re.compile(r"XML_PARSE_HUGE"), "XML too large or too deeply nested to read safely"),
]


def _lost(exc: BaseException) -> bool:
    """Whether Python lost the exception it was raising: what it does when memory
    runs out as it records where the exception passed (a worker at its budget)."""
    # "error return without exception set", or "<function …> returned NULL
    # without setting an exception", as the C code that lost it words it.
    return isinstance(exc, SystemError) and any(
        words in str(exc) for words in ("without exception set", "without setting an exception"))


def describe(exc: BaseException) -> str:
    """One line for ``exc``: what it means for the file where that is known."""
    if isinstance(exc, RecursionError):
        return "nested too deeply to read (structures inside one another, hundreds deep)"
    if isinstance(exc, MemoryError) or (_memory_budget and _lost(exc)):
        global _ran_out
        _ran_out = True
        return memory_message()
    text = str(exc).strip().splitlines()
    first = text[0] if text else ""
    for pattern, plain in _PLAIN:
        found = pattern.search(first)
        if found:
            return plain.format(*(f"{int(g):,}" for g in found.groups()))
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__
