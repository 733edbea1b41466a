"""Checking time grows in proportion to the text, whatever its shape.

Each pathological shape of ``benchmarks/shapes.py`` (a paragraph of dates,
of phone numbers, of capitalised words, ..., and many small blocks) is
checked at two sizes, the second sixteen times the first.  Linear checks
take at most sixteen times as long (less where start-up costs are shared; as
the per-paragraph costs fell, eight times the text came to take eight times
as long, too near the old bound of eleven for a clock on a shared machine); a
check that re-reads the paragraph at every hit grows with the square of the
text, and one such detector made eight times the text take fourteen to
twenty-six times as long, so sixteen times takes well over the bound.  The
times are the best of three runs of processor time, so a busy machine does
not fail the test.
"""

import gc
import importlib.util
import time
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "shapes.py"
_SPEC = importlib.util.spec_from_file_location("shapes", _PATH)
shapes = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(shapes)

SMALL = 6_000
#: The larger text is this many times the smaller ...
FACTOR = 16
#: ... and may take at most this many times as long.
BOUND = 24


def _best_time(text: str) -> float:
    """The checks' own time: with the collector paused, a run is not charged for
    sweeping the objects every earlier test left alive, whose cost falls on the
    larger text (it allocates enough to start full collections) and not on the
    smaller."""
    gc.collect()
    gc.disable()
    try:
        return min(sum(shapes.check_times(text, time.process_time).values()) for _ in range(3))
    finally:
        gc.enable()


SHAPES = {**shapes.SHAPES, **shapes.BLOCK_SHAPES}


#: Long paragraphs with no full stop, or few, checked again at four times the
#: sizes: work that grows with the square of a sentence's length shows only
#: above about 100 KB (tone, reading back from each match to the start of a
#: sentence that had none, took 0.02 s on 50 KB and 0.28 s on 200 KB).
LONG_SENTENCES = ("capitalised words", "no punctuation", "prose, one paragraph")


def _assert_linear(shape: str, small_size: int) -> None:
    make = SHAPES[shape]
    _best_time(make(small_size))  # word lists and patterns loaded before timing
    small, large = _best_time(make(small_size)), _best_time(make(FACTOR * small_size))
    assert large / small < BOUND, f"{shape}: {large:.3f} s against {small:.3f} s"


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_checking_time_is_linear_in_the_text(shape):
    _assert_linear(shape, SMALL)


@pytest.mark.parametrize("shape", LONG_SENTENCES)
def test_checking_a_long_sentence_is_linear_at_larger_sizes(shape):
    _assert_linear(shape, 4 * SMALL)
