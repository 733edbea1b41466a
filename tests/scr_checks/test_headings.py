"""Which canonical sections a heading counts as."""

from __future__ import annotations

import pytest
import regex

from scr_checks.headings import classify, matcher


@pytest.mark.parametrize("heading", [
    "The scope of this review",
    "Our scope and approach",
    "Scope",
    "A long first line that names the scope\nand goes on",
    "Reasons\nfor the scope",
])
def test_a_section_phrase_counts_as_the_one_pattern_did(heading):
    """``start|.*?anywhere`` matched at the start: a phrase counts on the first line only."""
    patterns = matcher()
    for key, section in patterns.items():
        start = section.start.pattern
        anywhere = section.anywhere.pattern if section.anywhere is not None else None
        whole = start + (r"|.*?" + anywhere if anywhere else "")
        assert section.match(heading) == bool(regex.match(whole, heading, regex.IGNORECASE)), key


def test_a_phrase_on_the_first_line_counts():
    assert "terms_of_reference" in classify("What the panel looked at: its scope\nand more",
                                            matcher())


def test_a_phrase_after_the_first_line_does_not_count():
    assert "terms_of_reference" not in classify("What the panel looked at\nits scope", matcher())


def test_a_heading_that_starts_with_a_section_name_counts():
    assert "terms_of_reference" in classify("3. Key lines of enquiry", matcher())
