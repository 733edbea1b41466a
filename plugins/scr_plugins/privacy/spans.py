"""Looking things up around a hit without reading the paragraph again.

A detector asks, for each hit, what is near it: the sentence it is in,
whether a span found earlier overlaps it.  Finding the answer by searching
the text from the hit (``rfind``, a search from the paragraph's start, a
look at every earlier span) costs the length of the paragraph each time, so
a paragraph of a thousand dates or names takes a million times as long.
These find each answer by a binary search over what one pass found.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from heapq import merge
from typing import Protocol

import regex


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class Spans:
    """Spans that do not overlap one another, kept in text order."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in spans or ():
            self.add_span(start, end)

    def overlap(self, start: int, end: int) -> int | None:
        """The index of the span overlapping ``start:end``, if any."""
        # Disjoint spans sorted by start are sorted by end too: the first
        # ending after ``start`` is the only one that can overlap.
        i = bisect_right(self.ends, start)
        return i if i < len(self.starts) and self.starts[i] < end else None

    def holds_place(self, place: int) -> bool:
        """``overlap(place, place + 1) is not None``, asked once for every word of a paragraph."""
        i = bisect_right(self.ends, place)
        return i < len(self.starts) and self.starts[i] <= place

    def overlaps(self, hit: _Span) -> bool:
        return self.overlap(hit.start, hit.end) is not None

    def holds(self, start: int, end: int) -> bool:
        """True if a span lies wholly inside ``start:end``."""
        i = bisect_left(self.starts, start)
        return i < len(self.starts) and self.ends[i] <= end

    def merged(self, hits: Sequence[_Span]) -> Spans:
        """These spans and ``hits`` (in text order, overlapping none of them), in one pass."""
        out = Spans()
        pairs = merge(zip(self.starts, self.ends, strict=True), ((h.start, h.end) for h in hits))
        for start, end in pairs:
            out.starts.append(start)
            out.ends.append(end)
        return out

    def add(self, hit: _Span) -> None:
        """Add a span; at the end (spans added in text order) it costs nothing."""
        self.add_span(hit.start, hit.end)

    def add_span(self, start: int, end: int) -> None:
        i = bisect_right(self.ends, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def matches(pattern: regex.Pattern[str], text: str) -> Spans:
    """Where ``pattern`` matches in ``text``, one pass, as spans."""
    return Spans([m.span() for m in pattern.finditer(text)])


class Stops:
    """Where each occurrence of a separator (". ") stands in one text."""

    def __init__(self, text: str, separator: regex.Pattern[str]) -> None:
        self.size = len(text)
        self.at = [m.start() for m in separator.finditer(text)]

    def before(self, start: int, width: int = 2) -> int:
        """``text.rfind(sep, 0, start)``: the last separator ending by ``start``, or -1."""
        i = bisect_right(self.at, start - width)
        return self.at[i - 1] if i else -1

    def after(self, end: int) -> int:
        """``text.find(sep, end)``, or the text's length where there is none."""
        i = bisect_left(self.at, end)
        return self.at[i] if i < len(self.at) else self.size
