"""Hostile documents (``hostile.py``): each is fully checked or refused, never a
clean pass over text that was not read."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from scr_checks.cli import main
from scr_checks.testing import check_paths

_spec = importlib.util.spec_from_file_location(
    "scr_hostile", Path(__file__).with_name("hostile.py"))
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    paths = hostile.write(folder)
    run = check_paths(paths)
    return {Path(f.path).name: f for f in run.files}


@pytest.mark.parametrize("name", sorted(hostile.EXPECT))
def test_each_hostile_document_is_checked_or_refused(written, name):
    result = written[name]
    expect = hostile.EXPECT[name][1]
    found = {f.rule_id for f in result.findings} & hostile.RULES
    if expect == "error":
        [error] = result.errors
        assert error.message.startswith("cannot read: ")
        assert "Traceback" not in error.message and "Error:" not in error.message
    elif expect == "found":
        assert result.errors == []
        assert found == hostile.RULES
    else:
        assert found == hostile.RULES or [e.message for e in result.errors]


@pytest.mark.parametrize("name", sorted(n for n, (_, e) in hostile.EXPECT.items()
                                        if e == "error"))
def test_a_refused_document_exits_2_with_one_line(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_bytes(hostile.EXPECT[name][0](False))
    assert main(["check", "--fail-level", "error", str(path)]) == 2
    lines = [line for line in capsys.readouterr().err.splitlines() if "cannot read" in line]
    assert len(lines) == 1 and name in lines[0]
