"""What each detector returns: a span of a block's text and what it is."""

from __future__ import annotations

from dataclasses import dataclass

from scr_checks import Rule


@dataclass(frozen=True)
class Hit:
    """An identifier found at ``text[start:end]``.

    ``rule`` is the privacy rule it breaks, or ``None`` for a detail that is
    no finding alone but counts towards a combination (an age in months, an
    ethnicity); ``category`` names what a combination counts it as
    (``date``, ``age``, ``origin``, ``place``, ``condition``) or is empty.
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
