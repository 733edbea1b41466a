"""Compiled patterns kept between runs, and a cache that is never required."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from scr_checks import cachefiles, patterns

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
    return patterns.MAGIC + cachefiles.seal(payload) + payload


@pytest.mark.parametrize("content", [
    b"not marshal data at all",
    sealed(marshal.dumps({"a": 1})),
    sealed(marshal.dumps([("x", 0, ("y",)), ("z",)])),
    # A well-formed entry whose code is not the pattern's, without its seal: a
    # damaged file must never reach the engine, which it could crash.
    marshal.dumps([(DATE, 0, (DATE, 0, b"\x00", {}, {}, {}, [], 0, (), 0, 0))]),
    patterns.MAGIC + b"\x00" * cachefiles.SEAL + marshal.dumps([]),
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


def test_an_unwritable_cache_folder_never_fails_the_run(unwritable_cache_folder, monkeypatch):
    monkeypatch.setattr(patterns, "_stored", None)
    monkeypatch.setattr(patterns, "_new", {})
    patterns.compiled(DATE + "x")
    assert patterns.save() is None


def test_a_full_cache_keeps_only_what_the_run_used(fresh, monkeypatch):
    patterns.compiled(DATE)
    patterns.compiled(DATE + "y")
    patterns.save()
    forget(monkeypatch)
    monkeypatch.setattr(patterns, "MAX_ENTRIES", 2)
    monkeypatch.setattr(patterns, "_used", set())
    patterns.compiled(DATE)  # rebuilt from the file
    patterns.compiled(DATE + "z")  # new
    patterns.save()
    forget(monkeypatch)
    assert set(patterns._cache()) == {(DATE, 0), (DATE + "z", 0)}


def test_the_cache_file_is_readable_by_everyone_like_bytecode(fresh):
    patterns.compiled(DATE)
    path = patterns.save()
    assert path is not None and path.stat().st_mode & 0o777 == 0o644
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".patterns-")]


def test_the_cache_is_never_written_inside_the_installed_package(monkeypatch, tmp_path):
    monkeypatch.delenv(patterns.CACHE_DIR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    package = Path(patterns.__file__).resolve().parent
    assert patterns.cache_file().parent == tmp_path / "scr-checks"
    assert package not in patterns.cache_file().parents


def test_patterns_of_another_default_version_are_not_kept(fresh, monkeypatch):
    monkeypatch.setattr(regex, "DEFAULT_VERSION", regex.VERSION1)
    assert patterns.compiled(r"[\w--\d]+").fullmatch("ab") is not None
    assert patterns.save() is None


def test_no_home_folder_means_no_cache_not_a_failure(fresh, monkeypatch):
    monkeypatch.delenv(patterns.CACHE_DIR)
    monkeypatch.setattr(os, "access", lambda *args: False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def homeless():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(patterns.Path, "home", homeless)
    assert patterns.compiled(DATE).search("on 3 March").group() == "3 March"
    assert patterns.save() is None


#: A run that counts the patterns compile_pattern had to compile, from the
#: first import of the package on.
SECOND_RUN = """
import sys
import regex

compiled_afresh = []
real = regex.compile


def counting(pattern, flags=0, **kwargs):
    caller = sys._getframe(1).f_code
    if caller.co_name == "compiled" and caller.co_filename.endswith("patterns.py"):
        compiled_afresh.append(pattern)
    return real(pattern, flags, **kwargs)


regex.compile = counting
from scr_checks.cli import main

main(["check", sys.argv[1], "--format", "json", "-o", sys.argv[2]])
print(len(compiled_afresh))
"""


def test_a_second_run_compiles_no_pattern_the_first_one_kept(tmp_path):
    """Every pattern made with compile_pattern, at import or first use, is rebuilt."""
    report = Path(__file__).parents[2] / "fixtures" / "reports" / "sample.rst"
    env = {**os.environ, patterns.CACHE_DIR: str(tmp_path)}
    env.pop(patterns.NO_CACHE, None)
    counts = []
    for _ in range(2):
        run = subprocess.run([sys.executable, "-c", SECOND_RUN, str(report),
                              str(tmp_path / "out.json")], env=env, capture_output=True,
                             text=True, check=True)
        counts.append(int(run.stdout.split()[-1]))
    assert counts[0] > 50
    assert counts[1] == 0
