"""Plain data made from shipped files, kept between runs, and never required."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from scr_checks import cachefiles, datacache

ROOT = Path(__file__).parents[2]


@pytest.fixture
def fresh(cache_folder):
    """An empty cache in a folder of its own."""
    return cache_folder


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("alpha\nbeta\n", encoding="utf-8")
    return path


def parse(path: Path) -> dict[str, object]:
    words = path.read_text(encoding="utf-8").split()
    return {"words": words, "lengths": (*map(len, words),), "set": frozenset(words)}


def refuse():
    raise AssertionError("made again")


def test_kept_data_is_read_back_without_making_it_again(fresh, source):
    first = datacache.kept("words", lambda: parse(source), [source])
    assert datacache.file("words").is_file()
    assert datacache.kept("words", refuse, [source]) == first


def test_a_changed_source_file_makes_the_data_again(fresh, source):
    datacache.kept("words", lambda: parse(source), [source])
    source.write_text("gamma\n", encoding="utf-8")
    assert datacache.kept("words", lambda: parse(source), [source])["words"] == ["gamma"]
    assert datacache.kept("words", refuse, [source])["words"] == ["gamma"]


def test_changed_code_makes_the_data_again(fresh, source, tmp_path):
    code = tmp_path / "maker.py"
    code.write_text("VERSION = 1\n", encoding="utf-8")
    module = types.ModuleType("maker")
    module.__file__ = str(code)
    datacache.kept("words", lambda: parse(source), [source], code=[module])
    code.write_text("VERSION = 2\n", encoding="utf-8")
    changed = types.ModuleType("maker")  # a new run imports the new code
    changed.__file__ = str(code)
    assert datacache.kept("words", lambda: ["made"], [source], code=[changed]) == ["made"]


def sealed(payload: bytes) -> bytes:
    return datacache.MAGIC + cachefiles.seal(payload) + payload


@pytest.mark.parametrize("damage", [
    lambda data: data[:-5],  # truncated
    lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # a bit flipped
    lambda data: b"not a cache file at all",
    lambda data: sealed(b"\x00" * datacache.KEY + b"not marshal data"),
    lambda data: sealed(data[len(datacache.MAGIC) + cachefiles.SEAL:][:datacache.KEY]
                        + b"\xff\xff"),  # the right key, the data unreadable
])
def test_a_damaged_or_foreign_file_makes_the_data_again(fresh, source, damage):
    expected = datacache.kept("words", lambda: parse(source), [source])
    path = datacache.file("words")
    path.write_bytes(damage(path.read_bytes()))
    assert datacache.kept("words", lambda: parse(source), [source]) == expected
    assert datacache.kept("words", refuse, [source]) == expected  # and kept again


def test_the_cache_can_be_turned_off(fresh, source, monkeypatch):
    monkeypatch.setenv(cachefiles.NO_CACHE, "1")
    made = []
    for _ in range(2):
        datacache.kept("words", lambda: made.append(1) or parse(source), [source])
    assert made == [1, 1]
    assert not fresh.exists()


def test_an_unwritable_folder_never_fails_the_run(unwritable_cache_folder, source):
    assert datacache.kept("words", lambda: parse(source), [source])["words"] == ["alpha", "beta"]
    # Where nothing can be kept, the cheaper way is taken.
    assert datacache.kept("words", refuse, [source], otherwise=lambda: "lazy") == "lazy"


def test_the_cheaper_way_is_only_for_what_cannot_be_kept(fresh, source):
    assert datacache.kept("words", lambda: "whole", [source], otherwise=lambda: "lazy") == "whole"
    assert datacache.kept("words", refuse, [source], otherwise=refuse) == "whole"


def test_a_missing_source_is_an_error_of_making_it_not_of_the_cache(fresh, tmp_path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError):
        datacache.kept("words", lambda: parse(missing), [missing])


def test_data_that_is_not_plain_is_used_but_never_kept(fresh, source):
    made = object()
    assert datacache.kept("words", lambda: made, [source]) is made
    assert not datacache.file("words").exists()


def test_a_file_is_written_whole_and_readable_by_everyone(fresh, source):
    datacache.kept("words", lambda: parse(source), [source])
    path = datacache.file("words")
    assert path.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in fresh.iterdir()] == [path.name]
    payload = cachefiles.read(path, datacache.MAGIC)
    assert payload is not None and marshal.loads(payload[datacache.KEY:]) == parse(source)


#: What a run kept: each data file's inode, which a rewrite would change.
KEPT = "data-*.marshal"


def kept_files(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in folder.glob(KEPT)}


def test_a_second_run_makes_nothing_the_first_one_kept(tmp_path):
    report = ROOT / "fixtures" / "reports" / "sample.rst"
    env = {**os.environ, cachefiles.CACHE_DIR: str(tmp_path)}
    env.pop(cachefiles.NO_CACHE, None)
    command = [sys.executable, "-m", "scr_checks", "check", str(report), "--format", "json",
               "-o", str(tmp_path / "out.json")]
    subprocess.run(command, env=env, capture_output=True, check=False)
    first = kept_files(tmp_path)
    assert {"data-privacy-lexicon", "data-hyphenation-en_GB", "data-wordlist-tone-blame",
            "data-kinds", "data-sections"} <= {name.rsplit("-", 2)[0] for name in first}
    subprocess.run(command, env=env, capture_output=True, check=False)
    assert kept_files(tmp_path) == first


@pytest.mark.parametrize("name", ["", "../outside", "a/b", ".hidden", "naïve"])
def test_an_entry_is_named_so_that_its_file_stays_in_the_cache_folder(fresh, source, name):
    with pytest.raises(ValueError, match="name"):
        datacache.kept(name, lambda: parse(source), [source])
