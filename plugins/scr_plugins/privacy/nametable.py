"""The lists' 28,000 names and their kinds, read a group at a time.

Building one dict of every name costs a run more than a one-page report's
whole privacy check, and a page asks about a few hundred words.  The names
are kept grouped by their first two characters, each group one string of
words and one of kinds (plain data, which the cache reads back in a
fraction of that), and a group becomes a dict when one of its words is
first asked about.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

#: Characters of a word that name its group.
PREFIX = 2

#: A group as kept: its words, one a line, and each word's kind, one byte each.
Group = tuple[str, bytes]


def grouped(names: Mapping[str, int]) -> dict[str, Group]:
    """``names`` (word -> kind, 0 to 255) as the table keeps them."""
    groups: dict[str, list[str]] = {}
    for word in names:
        groups.setdefault(word[:PREFIX], []).append(word)
    return {key: ("\n".join(words), bytes(names[w] for w in words))
            for key, words in groups.items()}


class NameTable(Mapping[str, int]):
    """Each name -> its kind, from :func:`grouped` groups, with ``added`` names over them."""

    __slots__ = ("_added", "_groups", "_made")

    def __init__(self, groups: dict[str, Group], added: Mapping[str, int] | None = None) -> None:
        self._groups = groups
        self._made: dict[str, dict[str, int]] = {}
        self._added = dict(added or {})

    def get(self, word: str, default: int | None = None) -> int | None:  # type: ignore[override]
        if self._added and word in self._added:
            return self._added[word]
        key = word[:PREFIX]
        group = self._made.get(key)
        if group is None:
            words, kinds = self._groups.get(key, ("", b""))
            group = self._made[key] = dict(zip(words.split("\n"), kinds, strict=False))
        return group.get(word, default)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __iter__(self) -> Iterator[str]:
        for words, _ in self._groups.values():
            yield from (w for w in words.split("\n") if w not in self._added)
        yield from self._added

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def with_names(self, added: Mapping[str, int]) -> NameTable:
        """A copy that also knows ``added`` (word -> kind), which win over the groups."""
        return NameTable(self._groups, {**self._added, **added})
