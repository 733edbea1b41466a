"""A location no output could show cannot be built, by a plugin or by the core."""

from __future__ import annotations

from dataclasses import replace

import pytest

from scr_checks.results import Location


@pytest.mark.parametrize("fields", [
    {"line": -5}, {"line": 0}, {"column": 0}, {"end_line": -1}, {"end_column": 0},
    {"paragraph_index": 0}, {"page": -1}, {"page_line": 0}, {"section_paragraph": -1},
    {"line": 1.5}, {"line": "3"},
])
def test_positions_that_sarif_forbids_are_refused(fields):
    with pytest.raises(ValueError, match="location"):
        Location(path="r.rst", **fields)


def test_a_replaced_location_is_checked_too():
    with pytest.raises(ValueError, match="line -5"):
        replace(Location(path="r.rst", line=1), line=-5)


def test_positions_from_one_and_the_heading_at_zero_are_fine():
    location = Location(path="r.rst", line=1, column=1, end_line=2, end_column=1,
                        paragraph_index=1, page=1, page_line=1, section_paragraph=0)
    assert location.section_paragraph == 0
