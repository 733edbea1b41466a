"""Paragraph numbering: what may follow "4.2.1", and what went wrong if not."""

from __future__ import annotations

Number = tuple[int, ...]


def parse(number: str) -> Number:
    return tuple(int(part) for part in number.split("."))


def show(number: Number) -> str:
    return ".".join(map(str, number))


def follows(previous: Number, current: Number) -> bool:
    """True if ``current`` may come straight after ``previous``.

    A deeper level starts at 1 (4.2 -> 4.2.1); a level continues by one
    (4.2.1 -> 4.2.2), and closing levels restart below (4.2.1 -> 4.3, 5, 5.1).
    """
    depth = len(previous)
    if current[:depth] == previous and len(current) > depth:
        return all(part == 1 for part in current[depth:])
    for level in range(depth):
        if (current[:level] == previous[:level] and len(current) > level
                and current[level] == previous[level] + 1):
            return all(part == 1 for part in current[level + 1:])
    return False


def expected(previous: Number, current: Number) -> Number:
    """The number that would have continued the sequence, shaped like ``current``."""
    level = 0
    while level < min(len(previous), len(current)) and previous[level] == current[level]:
        level += 1
    head = previous[:level]
    if level < len(current):
        step = previous[level] + 1 if level < len(previous) else 1
        return (*head, step, *(1,) * (len(current) - level - 1))
    return head
