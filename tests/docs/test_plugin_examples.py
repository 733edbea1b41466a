"""The reader and formatter the plugin guide shows work as it says."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

from scr_checks.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples" / "plugins"


@pytest.fixture(autouse=True)
def importable(monkeypatch):
    monkeypatch.syspath_prepend(str(EXAMPLES))
    yield
    for name in ("minutes_reader", "csv_formatter"):
        sys.modules.pop(name, None)


def test_the_guides_reader_and_formatter(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "board.minutes").write_text(
        "Heading: Introduction\n\nNobody thought the team was to blame.\n", encoding="utf-8")
    code = main(["check", "board.minutes", "-p", "minutes_reader", "-p", "csv_formatter",
                 "--format", "findings-csv", "--select", "SCR701", "--isolated"])
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["file"], r["line"], r["rule"]) for r in rows] == [
        ("board.minutes", "3", "SCR701")]
