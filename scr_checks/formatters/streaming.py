"""JSON written a part at a time, byte for byte as ``json.dumps`` would write it whole.

A run over an archive holds every report's findings; encoding its JSON or
SARIF in one ``json.dumps`` call also held, at once, every finding's data,
a few million pieces of the encoded text and the text itself.  Here the
long lists (files, results) are :class:`Items`, made and encoded one item
at a time, so what an output adds to a run's memory is one item's worth.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import repeat
from json.encoder import INFINITY, encode_basestring
from operator import is_
from typing import Any


class Items:
    """A JSON list whose items are made only when it is written."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


class _Streamed(Exception):
    """:func:`dumps` met an :class:`Items`: the value must be written in parts."""


def dumps(value: Any, level: int = 0) -> str:
    """The JSON of ``value`` as the outputs write it: indented, keys sorted, UTF-8 as is.

    Byte for byte ``json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)``
    with every line after the first indented ``level`` steps more, in half its
    time: with ``indent`` set, :mod:`json` gives up its C encoder for nested
    generators, a call per value; here a value is a test and an append.
    """
    out: list[str] = []
    _encode(value, "\n" + "  " * level, out)
    return "".join(out)


def _encode(value: Any, newline: str, out: list[str]) -> None:
    """Append the JSON of ``value``, in the order of checks :mod:`json` makes.

    A plain dict or list, most of what reaches here, is taken first: no
    other check below holds for it.
    """
    kind = type(value)
    if kind is dict and value and all(map(is_, map(type, value), repeat(str))):
        _object(value, newline, out)
    elif kind is list and value:
        _array(value, newline, out)
    elif isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float) and value == value and abs(value) != INFINITY:
        out.append(float.__repr__(value))
    elif isinstance(value, (list, tuple)) and value:
        _array(value, newline, out)
    elif isinstance(value, (list, tuple)):
        out.append("[]")  # empty: with or without an indent
    elif isinstance(value, dict) and value and all(map(is_, map(type, value), repeat(str))):
        _object(value, newline, out)
    elif isinstance(value, dict) and not value:
        out.append("{}")
    elif isinstance(value, Items):
        raise _Streamed
    else:  # NaN, keys that are not strings, or not JSON at all: as json says
        text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
        out.append(text.replace("\n", newline))


def _array(value: list[Any] | tuple[Any, ...], newline: str, out: list[str]) -> None:
    """A list or tuple that is not empty; a string or an integer (not a bool)
    in it is written here, without a call (most values)."""
    inner, opening = newline + "  ", "["
    for item in value:
        kind = type(item)
        if kind is str:
            out.append(opening + inner + encode_basestring(item))
        elif kind is int:
            out.append(opening + inner + int.__repr__(item))
        else:
            out.append(opening + inner)
            _encode(item, inner, out)
        opening = ","
    out.append(newline + "]")


def _object(value: dict[str, Any], newline: str, out: list[str]) -> None:
    """A dict with string keys that is not empty, its keys sorted; its strings
    and integers written as in :func:`_array`."""
    inner, opening = newline + "  ", "{"
    for key in sorted(value):
        item = value[key]
        kind = type(item)
        if kind is str:
            out.append(f"{opening}{inner}{encode_basestring(key)}: {encode_basestring(item)}")
        elif kind is int:
            out.append(f"{opening}{inner}{encode_basestring(key)}: {int.__repr__(item)}")
        else:
            out.append(f"{opening}{inner}{encode_basestring(key)}: ")
            _encode(item, inner, out)
        opening = ","
    out.append(newline + "}")


def json_parts(value: Any, level: int = 0) -> Iterator[str]:
    """``dumps(value)`` in parts; :class:`Items` anywhere in it are written as lists.

    A value without :class:`Items` in it is one part.  Whether it has any is
    found by writing it: a search for them first read every result twice.
    """
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, Items):
        empty = True
        for item in value.items:
            yield ("[\n" if empty else ",\n") + inner
            yield from json_parts(item, level + 1)
            empty = False
        yield "[]" if empty else f"\n{pad}]"
        return
    try:
        whole = dumps(value, level)
    except _Streamed:
        pass
    else:
        yield whole
        return
    if isinstance(value, dict):
        yield "{"
        for n, key in enumerate(sorted(value)):
            yield f"{',' if n else ''}\n{inner}{json.dumps(key, ensure_ascii=False)}: "
            yield from json_parts(value[key], level + 1)
        yield f"\n{pad}}}"
    else:
        yield "["
        for n, item in enumerate(value):
            yield f"{',' if n else ''}\n{inner}"
            yield from json_parts(item, level + 1)
        yield f"\n{pad}]"
