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
from typing import Any


class Items:
    """A JSON list whose items are made only when it is written."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


def dumps(value: Any) -> str:
    """The JSON of ``value`` as the outputs write it: indented, keys sorted, UTF-8 as is."""
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)


def json_parts(value: Any, level: int = 0) -> Iterator[str]:
    """``dumps(value)`` in parts; :class:`Items` anywhere in it are written as lists."""
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, Items):
        empty = True
        for item in value.items:
            yield ("[\n" if empty else ",\n") + inner
            yield from json_parts(item, level + 1)
            empty = False
        yield "[]" if empty else f"\n{pad}]"
    elif isinstance(value, dict) and value and _streams(value):
        yield "{"
        for n, key in enumerate(sorted(value)):
            yield f"{',' if n else ''}\n{inner}{json.dumps(key, ensure_ascii=False)}: "
            yield from json_parts(value[key], level + 1)
        yield f"\n{pad}}}"
    elif isinstance(value, list) and value and _streams(value):
        yield "["
        for n, item in enumerate(value):
            yield f"{',' if n else ''}\n{inner}"
            yield from json_parts(item, level + 1)
        yield f"\n{pad}]"
    else:
        # JSON strings escape line breaks: every one here is the layout's own.
        yield dumps(value).replace("\n", "\n" + pad)


def _streams(value: dict[str, Any] | list[Any]) -> bool:
    """Whether an :class:`Items` is in ``value``, at any depth."""
    children = value.values() if isinstance(value, dict) else value
    return any(isinstance(child, Items) or (isinstance(child, (dict, list)) and _streams(child))
               for child in children)
