"""A location no output could show cannot be built, by a plugin or by the core."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pytest

from scr_checks.results import Finding, Location, Suppression
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



class _Block:
    """A block that counts how often it was asked where its text is."""

    path = "r.rst"

    def __init__(self) -> None:
        self.asked: list[tuple[int, int | None]] = []

    def location(self, start: int = 0, end: int | None = None) -> Location:
        self.asked.append((start, end))
        return Location(path=self.path, line=3, column=start + 1, end_line=3,
                        end_column=(end or 20) + 1)


def _made(block: _Block, **changes) -> Finding:
    fields = dict(rule_id="SCR201", message="A name", severity=Severity.ERROR, block=block,
                  start=4, end=9, snippet="Jane", suggestion="", secret="Jane",
                  context="Jane came.", properties={"kind": "name"})
    return Finding.made(**{**fields, **changes})


def _built(**changes) -> Finding:
    fields = dict(rule_id="SCR201", message="A name", severity=Severity.ERROR,
                  location=Location(path="r.rst", line=3, column=5, end_line=3, end_column=10),
                  snippet="Jane", secret="Jane", context="Jane came.",
                  properties={"kind": "name"}, span=(4, 9))
    return Finding(**{**fields, **changes})


def test_a_made_finding_asks_its_block_where_it_is_only_when_its_location_is_read_and_once():
    block = _Block()
    finding = _made(block)
    assert finding.rule_id == "SCR201" and finding.span == (4, 9)
    assert block.asked == []
    assert finding.location.column == 5 and finding.location.end_column == 10
    assert finding.location is finding.location
    assert block.asked == [(4, 9)]


def test_a_made_finding_is_the_finding_the_constructor_makes():
    assert _made(_Block()) == _built()
    assert hash(_made(_Block())) == hash(_built())
    assert repr(_made(_Block())) == repr(_built())
    assert not _made(_Block()).suppressed and _made(_Block()).fingerprint == ""
    assert _made(_Block()).evolve(fingerprint="ab:1") == _built(fingerprint="ab:1")


def test_a_made_finding_keeps_ten_entries_until_its_location_is_read():
    """Eleven or more and its dict takes a table twice the size; none is a
    tuple holding its block, which the collector would go over."""
    finding = _made(_Block())
    assert len(vars(finding)) == 10
    assert [name for name, value in vars(finding).items() if isinstance(value, tuple)] == ["span"]
    assert finding.fingerprint == "" and finding.suppression is None
    assert finding.location.column == 5
    assert "_block" not in vars(finding) and len(vars(finding)) == 10


def test_a_finding_made_about_the_rest_of_a_block_has_no_span():
    block = _Block()
    finding = _made(block, start=3, end=None, snippet="e came.")
    assert finding.span is None and len(vars(finding)) == 10
    assert finding.location.column == 4 and block.asked == [(3, None)]
    assert finding == _built(span=None, snippet="e came.",
                             location=Location(path="r.rst", line=3, column=4, end_line=3,
                                               end_column=21))


def test_evolving_the_span_of_a_made_finding_leaves_its_location_where_it_was():
    block = _Block()
    moved = _made(block).evolve(span=(0, 4))
    assert moved.span == (0, 4) and moved.location.column == 5
    assert block.asked == [(4, 9)]


def test_a_made_finding_is_pickled_with_its_location_and_without_its_block():
    block = _Block()
    copied = pickle.loads(pickle.dumps(_made(block)))
    assert block.asked == [(4, 9)]
    assert "_block" not in vars(copied) and "location" in vars(copied)
    assert copied == _built()


def test_evolving_a_finding_makes_what_replace_makes():
    built = _built(suppression=Suppression("inSource", "quoted"))
    assert built.evolve(fingerprint="ab:1") == replace(built, fingerprint="ab:1")
    assert vars(built.evolve(message="B")) == vars(replace(built, message="B"))
    with pytest.raises(TypeError):
        built.evolve(colour="red")


def test_evolving_a_made_finding_keeps_its_location_to_be_made_unless_one_is_given():
    block = _Block()
    evolved = _made(block).evolve(fingerprint="ab:1")
    assert block.asked == []
    assert evolved == _built(fingerprint="ab:1")
    given = Location(path="r.rst", line=9)
    moved = _made(block).evolve(location=given)
    assert moved.location is given and "_block" not in vars(moved)
    assert block.asked == [(4, 9)]


def test_a_finding_needs_a_location_unless_made_about_a_block():
    with pytest.raises(TypeError, match="location"):
        Finding(rule_id="SCR201", message="A name", severity=Severity.ERROR)


def test_a_tool_error_behaves_as_the_frozen_dataclass_it_was(like_dataclass):
    from scr_checks.results import ToolError

    like_dataclass(ToolError, lambda cls: cls("r.rst", "cannot read", "privacy"),
                   lambda cls: cls("r.rst", "cannot read"))
    error = ToolError("r.rst", "cannot read")
    assert pickle.loads(pickle.dumps(error)) == error
    assert str(error) == "r.rst: cannot read"
