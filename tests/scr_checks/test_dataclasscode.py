"""Dataclass methods compiled once and kept: the classes are the same, the cache never required."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from scr_checks import cachefiles, dataclasscode
from scr_checks.dataclasscode import compiled_once


def make() -> type:
    @dataclasses.dataclass(frozen=True, order=True)
    class Point:
        x: int
        y: str = "a"
        tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)

    return Point


def refuse(*args, **kwargs):
    raise AssertionError("compiled again")


def behaviour(cls: type) -> tuple:
    """What the generated methods do, and how they are written."""
    one, two = cls(1), cls(2, "b", ("t",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.x = 3
    return (repr(one), repr(two), one == cls(1), one < two, hash(one) == hash(cls(1)),
            str(inspect.signature(cls)), cls.__init__.__annotations__,
            cls.__init__.__qualname__, cls.__init__.__code__.co_filename)


def test_classes_are_the_same_and_the_second_run_compiles_nothing(cache_folder, monkeypatch):
    plain = behaviour(make())
    with compiled_once():
        first = behaviour(make())
    assert dataclasscode.file().is_file()
    monkeypatch.setattr(dataclasscode, "compile", refuse, raising=False)
    with compiled_once():
        second = behaviour(make())
    assert first == second == plain
    assert not hasattr(dataclasses, "exec")


def test_damaged_cache_is_compiled_again(cache_folder):
    with compiled_once():
        make()
    path = dataclasscode.file()
    path.write_bytes(path.read_bytes()[:-10])
    with compiled_once():
        assert behaviour(make()) == behaviour(make())
    assert dataclasscode._read()


def test_nothing_is_kept_with_the_cache_off(cache_folder, monkeypatch):
    monkeypatch.setenv(cachefiles.NO_CACHE, "1")
    with compiled_once():
        cls = make()
    assert cls(1) == cls(1)
    assert not cache_folder.exists()


def test_a_block_within_a_block_changes_nothing(cache_folder):
    with compiled_once():
        replaced = dataclasses.exec  # type: ignore[attr-defined]
        with compiled_once():
            assert dataclasses.exec is replaced  # type: ignore[attr-defined]
        assert dataclasses.exec is replaced  # type: ignore[attr-defined]
    assert not hasattr(dataclasses, "exec")
