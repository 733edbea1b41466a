"""Plain records: what a dataclass gives, from methods written once."""

from __future__ import annotations

import pytest

from scr_checks import FrozenRecord, Record


class Point(FrozenRecord):
    __match_args__ = ("x", "y")
    x: int
    y: int

    def __init__(self, x: int, y: int = 0) -> None:
        self.__dict__.update(x=x, y=y)


class Box(Record):
    __match_args__ = ("items",)
    items: list[int]

    def __init__(self, items: list[int]) -> None:
        self.items = items


def test_a_frozen_record_behaves_as_a_frozen_dataclass_of_the_same_fields(like_dataclass):
    like_dataclass(Point, lambda cls: cls(1, 2), lambda cls: cls(1, 3))


def test_a_mutable_record_behaves_as_a_dataclass_of_the_same_fields(like_dataclass):
    like_dataclass(Box, lambda cls: cls([1]), lambda cls: cls([2]), frozen=False)


def test_records_of_different_classes_are_never_equal():
    class Other(Point):
        pass

    assert Point(1, 2) != Other(1, 2) and Point(1, 2) == Point(1, 2)
    with pytest.raises(TypeError):
        hash(Box([1]))
