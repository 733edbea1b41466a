"""Plain records: a dataclass's ``repr``, equality, hashing and frozenness, written once.

A dataclass writes its methods out as text and compiles them at every import,
about 0.6M instructions each, which a one-page run's start-up paid for some
150 times.  A record names its fields in ``__match_args__`` (as a dataclass
does), sets them in its own ``__init__`` and inherits these methods, which
behave as the dataclass's would: equal when of the same class with equal
fields, a frozen record hashable and not assignable, a mutable one
unhashable.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Any, ClassVar

__all__ = ["FrozenRecord", "Record"]


class Record:
    """A mutable record: compared by its fields, unhashable, as ``@dataclass`` makes."""

    __match_args__: ClassVar[tuple[str, ...]] = ()
    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    def _fields(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self.__match_args__])

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._fields() == other._fields()


class FrozenRecord(Record):
    """A frozen record, as ``@dataclass(frozen=True)`` makes: hashable by its fields,
    and :class:`~dataclasses.FrozenInstanceError` on assignment; ``__init__``
    sets its fields through ``self.__dict__``."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._fields())

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
