"""Shared fixtures: throw-away plugin modules and report files."""

from __future__ import annotations

import itertools
import os
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

# No example has a deadline: speed lives in the benchmarks, and a first
# example that loads the shipped lists on a busy machine is not a failure.
# CI replays the same examples every run, so a submission lands or fails on
# its own merits; on a developer's machine hypothesis keeps exploring.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", derandomize=True, database=None, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# Plugins installed beside scr-checks (a partnership's own) do not load: the
# suite checks what scr-checks itself does, on any machine.  The tests of
# loading installed plugins turn it back on for themselves.
os.environ["SCR_CHECKS_DISABLE_PLUGIN_AUTOLOAD"] = "1"

_counter = itertools.count()


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    """An empty cache folder of the test's own, the cache turned on: what a run
    keeps between runs (compiled patterns, kept data) goes there."""
    from scr_checks import cachefiles

    folder = tmp_path / "cache"
    monkeypatch.setenv(cachefiles.CACHE_DIR, str(folder))
    monkeypatch.delenv(cachefiles.NO_CACHE, raising=False)
    return folder


@pytest.fixture
def unwritable_cache_folder(tmp_path, monkeypatch):
    """The cache on, in a folder that cannot be made: its parent is a file."""
    from scr_checks import cachefiles

    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cachefiles.CACHE_DIR, str(blocker / "cache"))
    monkeypatch.delenv(cachefiles.NO_CACHE, raising=False)
    return blocker / "cache"


@pytest.fixture
def make_plugin(tmp_path, monkeypatch):
    """Write a plugin module and make it importable; returns its module name.

    Each call gets a fresh name, so no test sees another's cached module.
    """
    monkeypatch.syspath_prepend(str(tmp_path))
    created = []

    def make(source: str, name: str | None = None) -> str:
        name = name or f"scr_test_plugin_{next(_counter)}"
        (tmp_path / f"{name}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        created.append(name)
        return name

    yield make
    for name in created:
        sys.modules.pop(name, None)


@pytest.fixture
def write_report(tmp_path):
    """Write a report file (text dedented) and return its path."""

    def write(text: str, name: str = "report.rst") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


#: A plugin that flags the word "flagme", with an exact span.
FLAG_PLUGIN = '''
from scr_checks import Rule, Severity, hookimpl

RULE = Rule(id="TST101", name="flag-me", short="Flags flagme.", full="Flags the word flagme.",
            severity=Severity.WARNING, question=7)

@hookimpl
def scr_register_rules():
    return [RULE]

@hookimpl
def scr_check_node(block, context):
    start = block.text.find("flagme")
    if start >= 0:
        yield context.finding("TST101", "found flagme", block, start, start + 6)
'''


@pytest.fixture
def flag_plugin(make_plugin):
    return make_plugin(FLAG_PLUGIN)


@pytest.fixture
def like_dataclass():
    """Check that a plain class written out by hand behaves as the dataclass it
    replaced: the dataclass is built from the plain class's own annotations and
    defaults, so that the two cannot drift apart unnoticed.

    ``make(cls)`` builds an example, ``changed(cls)`` one that differs in a field.
    """
    import dataclasses
    import inspect

    def check(cls, make, changed, *, frozen=True, eq=True, with_repr=True):
        params = list(inspect.signature(cls.__init__).parameters.values())[1:]
        body = {"__annotations__": {p.name: cls.__annotations__[p.name] for p in params}}
        body.update({p.name: p.default for p in params if p.default is not p.empty})
        twin = dataclasses.dataclass(frozen=frozen, eq=eq, repr=with_repr)(
            type(cls.__name__, (), body))
        assert inspect.signature(twin.__init__).parameters == inspect.signature(
            cls.__init__).parameters
        one, other = make(cls), make(twin)
        assert vars(one) == vars(other)
        if hasattr(cls, "__match_args__"):
            assert cls.__match_args__ == twin.__match_args__
        if with_repr:
            assert repr(one) == repr(other)
        if eq:
            assert one == make(cls) and one != changed(cls) and one != other
            try:
                assert hash(one) == hash(make(cls))
            except TypeError:
                with pytest.raises(TypeError):
                    hash(other)
            else:
                assert hash(other) == hash(make(twin))
        else:
            assert one != make(cls) and hash(one) == object.__hash__(one)
        if frozen:
            field = params[0].name
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(one, field, None)
            with pytest.raises(dataclasses.FrozenInstanceError):
                delattr(one, field)
            assert vars(one) == vars(other)

    return check
