"""The shapes benchmark's arithmetic: each shape's least timing against the least
prose timing either side of it, so that a machine's drift does not move a ratio."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve()
_spec = importlib.util.spec_from_file_location(
    "shapes", HERE.parents[2] / "benchmarks" / "shapes.py")
assert _spec is not None and _spec.loader is not None
shapes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shapes)

SIZE = 0.001  # MB: a thousand characters, so seconds times 1,000 are seconds per MB


def test_a_shape_is_its_least_timing_over_the_least_prose_timing_around_it(monkeypatch, capsys):
    # In call order: prose before the shapes, then each timing of a shape and
    # the prose timing after it.  The machine slows down during the second shape.
    seconds = iter([0.001,                     # prose before
                    0.003, 0.0005, 0.002, 0.004,  # dates, prose, dates, prose
                    0.008, 0.003, 0.006, 0.004])  # addresses, prose, addresses, prose
    texts = []

    def fake_check_times(text, clock):
        texts.append(text)
        return {"privacy": next(seconds)}

    monkeypatch.setattr(shapes, "check_times", fake_check_times)
    shapes._print_table(["dates", "addresses"], [SIZE], by_plugin=False, repeat=2)
    rows = capsys.readouterr().out.splitlines()
    # The dates: 2.0 s/MB against the least prose timing around them (0.5).  The
    # addresses: 6.0 against the least around theirs (4.0, 3.0, 4.0), not the 0.5
    # of before the machine slowed down.
    assert "| dates | 2.00 (4.0x) |" in rows
    assert "| addresses | 6.00 (2.0x) |" in rows
    assert "| prose (median; least-most) | 3.00 (0.50-4.00, 5 timings) |" in rows
    prose = shapes.prose(int(SIZE * shapes.MB))
    assert [t == prose for t in texts] == [True, False, True, False, True,
                                           False, True, False, True]


def test_whole_runs_are_timed_by_the_timer_given_and_none_over_the_text_limit(monkeypatch,
                                                                              capsys):
    seconds = iter([0.001, 0.003, 0.0015])  # prose, the dates, prose
    shapes._print_table(["dates"], [SIZE], False, 1, lambda text: {"whole run": next(seconds)})
    assert "| dates | 3.00 (3.0x) |" in capsys.readouterr().out.splitlines()
    monkeypatch.setattr(sys, "argv", ["shapes.py", "--whole-run", "--sizes", "1", "10"])
    with pytest.raises(SystemExit) as refused:
        shapes.main()
    assert refused.value.code == 2 and "max_text_size" in capsys.readouterr().err
