"""Compiled patterns kept between runs, and a cache that is never required."""

from __future__ import annotations

import hashlib
import marshal

import pytest
import regex

from scr_checks import patterns

DATE = r"(?<![\w.])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:January|February|March)"


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache in a folder of its own, and this process's memory of it forgotten."""
    monkeypatch.setenv(patterns.CACHE_DIR, str(tmp_path))
    monkeypatch.delenv(patterns.NO_CACHE, raising=False)
    monkeypatch.setattr(patterns, "_stored", None)
    monkeypatch.setattr(patterns, "_new", {})
    return tmp_path


def forget(monkeypatch):
    """A new process: nothing compiled, nothing read."""
    monkeypatch.setattr(patterns, "_stored", None)
    monkeypatch.setattr(patterns, "_new", {})


def test_a_saved_pattern_is_rebuilt_without_compiling_it(fresh, monkeypatch):
    first = patterns.compiled(DATE, regex.IGNORECASE)
    assert patterns.save() == patterns.cache_file()
    forget(monkeypatch)

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(regex, "compile", refuse)
    again = patterns.compiled(DATE, regex.IGNORECASE)
    text = "seen on 3rd march and 21 January"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)]
    assert again.flags == first.flags


def test_flags_are_part_of_the_key(fresh, monkeypatch):
    patterns.compiled(DATE)
    patterns.save()
    forget(monkeypatch)
    assert patterns.compiled(DATE, regex.IGNORECASE).search("3 MARCH") is not None
    assert patterns.compiled(DATE).search("3 MARCH") is None


def sealed(payload: bytes) -> bytes:
    return patterns.MAGIC + hashlib.blake2b(payload).digest() + payload


@pytest.mark.parametrize("content", [
    b"not marshal data at all",
    sealed(marshal.dumps({"a": 1})),
    sealed(marshal.dumps([("x", 0, ("y",)), ("z",)])),
    # A well-formed entry whose code is not the pattern's, without its seal: a
    # damaged file must never reach the engine, which it could crash.
    marshal.dumps([(DATE, 0, (DATE, 0, b"\x00", {}, {}, {}, [], 0, (), 0, 0))]),
    patterns.MAGIC + b"\x00" * 64 + marshal.dumps([]),
])
def test_a_damaged_or_foreign_cache_is_compiled_afresh(fresh, content):
    patterns.cache_file().parent.mkdir(parents=True, exist_ok=True)
    patterns.cache_file().write_bytes(content)
    assert patterns.compiled(DATE).search("on 3 March").group() == "3 March"


def test_a_truncated_cache_is_compiled_afresh(fresh, monkeypatch):
    patterns.compiled(DATE)
    patterns.save()
    data = patterns.cache_file().read_bytes()
    patterns.cache_file().write_bytes(data[:-7])
    forget(monkeypatch)
    assert patterns._cache() == {}
    assert patterns.compiled(DATE).search("on 3 March").group() == "3 March"


def test_the_cache_can_be_turned_off(fresh, monkeypatch):
    monkeypatch.setenv(patterns.NO_CACHE, "1")
    patterns.compiled(DATE)
    assert patterns.save() is None
    assert not patterns.cache_file().exists()


def test_an_unwritable_cache_folder_never_fails_the_run(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(patterns.CACHE_DIR, str(blocker / "cache"))
    monkeypatch.setattr(patterns, "_stored", None)
    monkeypatch.setattr(patterns, "_new", {})
    patterns.compiled(DATE + "x")
    assert patterns.save() is None
