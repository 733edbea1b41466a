"""A location no output could show cannot be built, by a plugin or by the core."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pytest

from scr_checks.results import Finding, Location
from scr_checks.rules import Severity


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


class _Place:
    """A place that counts how often it was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def __call__(self, start: int, end: int) -> tuple[int, int, int, int]:
        self.calls.append((start, end))
        return 3, start + 1, 3, end + 1


def _later(place: _Place) -> Location:
    return Location.later(place, 4, 9, "r.rst", ("Intro",), "1.2", 7, None, None, 2, None)


def test_a_later_location_is_placed_only_when_a_position_is_read_and_then_once():
    place = _Place()
    location = _later(place)
    assert location.path == "r.rst" and location.paragraph_index == 7
    assert place.calls == []
    assert (location.line, location.column, location.end_line, location.end_column) == (
        3, 5, 3, 10)
    assert location.end_column == 10
    assert place.calls == [(4, 9)]


def test_a_later_location_is_the_location_made_at_once():
    eager = Location(path="r.rst", line=3, column=5, end_line=3, end_column=10,
                     heading_path=("Intro",), paragraph_number="1.2", paragraph_index=7,
                     section_paragraph=2)
    assert _later(_Place()) == eager
    assert hash(_later(_Place())) == hash(eager)
    assert repr(_later(_Place())) == repr(eager)
    assert replace(_later(_Place()), cue="So") == replace(eager, cue="So")


def test_a_later_location_is_pickled_placed_without_its_place():
    place = _Place()
    copied = pickle.loads(pickle.dumps(_later(place)))
    assert place.calls == [(4, 9)]
    assert "_where" not in vars(copied)
    assert copied.column == 5


def test_checking_a_later_location_does_not_place_it():
    place = _Place()
    location = _later(place)
    location.__post_init__()
    assert place.calls == []


def test_a_bad_position_set_past_the_checks_on_a_later_location_is_still_caught():
    location = _later(_Place())
    object.__setattr__(location, "line", -5)
    with pytest.raises(ValueError, match="line -5"):
        location.__post_init__()
    assert location.column == 5


def test_a_finding_made_fast_is_the_finding_the_constructor_makes():
    location = Location(path="r.rst", line=1, column=1)
    fields = dict(rule_id="SCR201", message="A name", severity=Severity.ERROR,
                  location=location, snippet="Jane", suggestion="", secret="Jane",
                  context="Jane came.", properties={"kind": "name"}, span=(0, 4))
    made = Finding.made(**fields)
    built = Finding(**fields)
    assert made == built and vars(made) == vars(built)
    assert not made.suppressed and made.fingerprint == ""
