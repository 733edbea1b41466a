"""The standard library's patterns kept between runs: built, not compiled, and
only those written in code."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scr_checks import cachefiles, stdpatterns
from scr_checks.cli import main

DATE = r"(?P<day>\d{1,2}) (?:March|April) (?P<year>\d{4})"


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder, an empty table in ``re`` and nothing remembered."""
    monkeypatch.setenv(cachefiles.CACHE_DIR, str(tmp_path))
    monkeypatch.delenv(cachefiles.NO_CACHE, raising=False)
    forget(monkeypatch)
    return tmp_path


def forget(monkeypatch):
    """A new process: ``re`` has compiled nothing, nothing was read."""
    monkeypatch.setattr(re, "_cache", {})
    monkeypatch.setattr(stdpatterns, "_stored", {})
    monkeypatch.setattr(stdpatterns, "_new", {})
    monkeypatch.setattr(stdpatterns, "_at_start", None)


def refuse(*args, **kwargs):
    raise AssertionError("compiled again")


def test_a_kept_pattern_is_built_from_the_cache_not_compiled(fresh, monkeypatch):
    with stdpatterns.keeping():
        first = re.compile(DATE, re.IGNORECASE)
    assert stdpatterns.save() == stdpatterns.cache_file()
    forget(monkeypatch)
    stdpatterns.seed()
    monkeypatch.setattr(re._compiler, "compile", refuse)
    again = re.compile(DATE, re.IGNORECASE)
    assert again is not first
    assert again == first  # the same pattern, flags and code
    assert again.search("on 3 MARCH 2019").groupdict() == {"day": "3", "year": "2019"}


def test_a_pattern_compiled_outside_the_kept_blocks_is_never_written(fresh):
    re.compile("Jane Moss|Acacia Avenue")
    with stdpatterns.keeping():
        re.compile(DATE)
    stdpatterns.save()
    data = stdpatterns.cache_file().read_bytes()
    assert DATE.encode() in data and b"Jane Moss" not in data


def test_what_the_package_import_compiled_is_kept(fresh):
    stdpatterns.seed()
    re.compile(DATE)  # as a module imported with the package would
    stdpatterns.keep_imported()
    assert set(stdpatterns.take_new()) == {(DATE, 0)}


@pytest.mark.parametrize("rows", [
    "not marshal data",
    [(DATE, 0, 32, [12345, 0], 2, {}, ())],  # code _sre refuses
    [(DATE, 0, 32, "code", 2, {}, ())],
    {"a": 1},
])
def test_a_damaged_or_foreign_entry_is_compiled_afresh(fresh, rows):
    payload = rows.encode() if isinstance(rows, str) else marshal.dumps(rows)
    cachefiles.write(stdpatterns.cache_file(), stdpatterns.MAGIC, payload)
    stdpatterns.seed()
    assert re._cache == {}
    assert re.compile(DATE).search("on 3 March 2019").group("year") == "2019"


def test_the_cache_can_be_turned_off(fresh, monkeypatch):
    monkeypatch.setenv(cachefiles.NO_CACHE, "1")
    with stdpatterns.keeping():
        re.compile(DATE)
    assert stdpatterns.save() is None
    assert not stdpatterns.cache_file().exists()


def test_where_no_file_can_be_written_no_pattern_is_parsed_again(fresh, unwritable_cache_folder,
                                                                 monkeypatch):
    monkeypatch.setattr(stdpatterns, "_row", refuse)
    with stdpatterns.keeping():
        re.compile(DATE)
    assert stdpatterns.save() is None


def test_the_file_keeps_at_most_the_newest_entries(fresh, monkeypatch):
    monkeypatch.setattr(stdpatterns, "MAX_ENTRIES", 2)
    with stdpatterns.keeping():
        for year in ("2017", "2018", "2019"):
            re.compile(DATE + year)
    stdpatterns.save()
    forget(monkeypatch)
    stdpatterns.seed()
    assert set(stdpatterns._stored) == {(DATE + "2018", 0), (DATE + "2019", 0)}


def test_what_a_worker_kept_reaches_the_parent(fresh):
    stdpatterns.adopt({(DATE, 0): stdpatterns._row(DATE, 0)})
    assert stdpatterns.save() == stdpatterns.cache_file()
    assert set(stdpatterns._read(stdpatterns.cache_file())) == {(DATE, 0)}


#: A plugin that compiles each paragraph's words, as third-party code may.
PARAGRAPH_PATTERNS = """\
import re
from scr_checks import hookimpl

@hookimpl
def scr_check_node(block, context):
    re.compile(re.escape(block.text))
    return []
"""


def test_a_report_s_words_compiled_by_a_plugin_are_never_written(
        fresh, tmp_path, make_plugin):
    report = tmp_path / "r.rst"
    report.write_text("Review\n======\n\nZebedee Quartermaine visited.\n", encoding="utf-8")
    with stdpatterns.keeping():
        re.compile(DATE)  # so that the run has something to write
    main(["check", str(report), "-p", make_plugin(PARAGRAPH_PATTERNS), "-q"])
    kept = stdpatterns.cache_file().read_bytes()
    assert DATE.encode() in kept and b"Quartermaine" not in kept


#: Counts what ``re`` compiles while the package is imported.
COUNT = """\
import re._compiler as compiler
made = []
original = compiler.compile
compiler.compile = lambda *args: made.append(args) or original(*args)
import scr_checks.cli
print(len(made))
"""


def test_a_second_process_builds_docutils_patterns_instead_of_compiling_them(cache_folder):
    env = {**os.environ, cachefiles.CACHE_DIR: str(cache_folder)}
    root = Path(__file__).resolve().parents[2]
    counts = []
    for _ in range(2):
        run = subprocess.run([sys.executable, "-c", COUNT + "scr_checks.patterns.save()\n"],
                             env=env, cwd=root, capture_output=True, text=True, check=True)
        counts.append(int(run.stdout))
    assert counts[0] > 40 and counts[1] < counts[0] // 4
