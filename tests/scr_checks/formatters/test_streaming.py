"""JSON written in parts is byte for byte what one ``json.dumps`` writes."""

from __future__ import annotations

import enum
import json
from collections import OrderedDict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_checks.formatters.streaming import Items, dumps, json_parts

_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=8)


_VALUES = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.text(max_size=5), children, max_size=4),
    max_leaves=25,
)


def _streamed(value, choices):
    """``value`` with the lists ``choices`` picks turned into Items (made on writing)."""
    if isinstance(value, list):
        items = [_streamed(v, choices) for v in value]
        return Items(iter(items)) if next(choices, False) else items
    if isinstance(value, dict):
        return {k: _streamed(v, choices) for k, v in value.items()}
    return value


@settings(max_examples=300, deadline=None)
@given(value=_VALUES, choices=st.lists(st.booleans(), max_size=30))
def test_parts_join_to_the_whole_dump(value, choices):
    streamed = _streamed(value, iter(choices))
    assert "".join(json_parts(streamed)) == dumps(value)


class _Level(enum.IntEnum):
    """An integer that is not exactly an ``int``, as a severity may be."""

    LOW = 1
    HIGH = 2


_ANY_JSON = st.recursive(
    _SCALARS | st.floats() | st.text() | st.sampled_from(_Level),
    lambda children: st.lists(children, max_size=4) | st.tuples(children, children)
    | st.dictionaries(st.text(max_size=5), children, max_size=4)
    | st.dictionaries(st.text(max_size=5), children, max_size=3).map(OrderedDict)
    | st.dictionaries(st.integers(), children, max_size=3),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(value=_ANY_JSON, level=st.integers(0, 3))
def test_dumps_writes_what_json_writes_byte_for_byte(value, level):
    expected = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    assert dumps(value, level) == expected.replace("\n", "\n" + "  " * level)


def test_what_json_cannot_write_fails_as_json_fails():
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps({"a": [object()]})


def test_a_long_list_is_made_an_item_at_a_time():
    made = []

    def results():
        for n in range(3):
            made.append(n)
            yield {"n": n, "text": "é\nline"}

    parts = json_parts({"runs": [{"results": Items(results()), "tool": "x"}]})
    written = []
    for part in parts:
        written.append(part)
        if '"n": 0' in part:
            assert made == [0]  # the second result is not made yet
    assert json.loads("".join(written))["runs"][0]["results"][2] == {"n": 2, "text": "é\nline"}
