"""What each detector returns: a span of a block's text and what it is."""

from __future__ import annotations

from typing import NamedTuple

from scr_checks import Rule


class Hit(NamedTuple):
    """An identifier found at ``text[start:end]``.

    ``rule`` is the privacy rule it breaks, or ``None`` for a detail that is
    no finding alone but counts towards a combination (an age in months, an
    ethnicity); ``category`` names what a combination counts it as
    (``date``, ``age``, ``origin``, ``place``, ``condition``) or is empty.
    A named tuple, not a dataclass: a paragraph of dates makes one for each,
    and a frozen dataclass costs three times as much to make.
    """

    rule: Rule | None
    start: int
    end: int
    text: str
    message: str = ""
    suggestion: str = ""
    category: str = ""

    def overlaps(self, other: Hit) -> bool:
        return self.start < other.end and other.start < self.end
