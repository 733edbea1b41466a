"""Dates that pin a person down, and ages more precise than a year.

A month and year ("in July 2015") is accepted practice and not reported;
a day with a month is.  Dot-separated dates need a four-digit year, so the
report's own paragraph numbers ("4.4.10") are never read as dates.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from scr_privacy.hits import Hit

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|"
    "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[89]|20)\d\d"
DATE = regex.compile(
    rf"(?<![\w.])(?:"
    rf"(?:the\s+)?{_DAY}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{MONTHS})\.?(?:,?\s+{_YEAR})?"
    rf"|(?:{MONTHS})\s+{_DAY}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?"
    rf"|{_DAY}/(?:1[0-2]|0?[1-9])/(?:{_YEAR}|\d\d)"
    rf"|{_DAY}-(?:1[0-2]|0?[1-9])-{_YEAR}"
    rf"|{_DAY}\.(?:1[0-2]|0?[1-9])\.{_YEAR}"
    rf"|{_YEAR}-(?:1[0-2]|0[1-9])-(?:[12]\d|3[01]|0[1-9])"
    rf")(?![\w/])"
)
#: Cues that make a date a date of birth or death.
BIRTH_OR_DEATH = regex.compile(
    r"\b(?:born|birth|DOB|d\.o\.b\.?|died|death|passed away)\b[^.;]{0,30}$", regex.IGNORECASE
)
#: Cues that make a date the report's own (version, publication), not a person's.
DOCUMENT_DATE = regex.compile(
    r"\b(?:version|final|draft|published|issued|updated|revised|approved)\b[^.;]{0,15}$",
    regex.IGNORECASE,
)
_NUMBER = (
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
)
_UNIT = r"(?:years?|months?|weeks?|days?)"
#: An age more precise than a year: in days, or in two units.
EXACT_AGE = regex.compile(
    rf"\b{_NUMBER}[\s-]+(?:days?[\s-]+old|day[\s-]old)\b"
    rf"|\baged\s+{_NUMBER}\s+days?\b"
    rf"|\b{_NUMBER}\s+{_UNIT}(?:,\s+|\s+and\s+|\s+){_NUMBER}\s+{_UNIT}(?:[\s-]+old)?\b",
    regex.IGNORECASE,
)
#: Any age in months, weeks or days: no finding alone, but part of a combination.
AGE = regex.compile(
    rf"\b{_NUMBER}[\s-]+(?:months?|weeks?|days?)[\s-]+old\b"
    rf"|\baged\s+{_NUMBER}\s+(?:months?|weeks?|days?)\b",
    regex.IGNORECASE,
)


def find(text: str) -> Iterator[Hit]:
    for m in DATE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if DOCUMENT_DATE.search(before):
            continue
        if BIRTH_OR_DEATH.search(before):
            yield Hit("SCR204", m.start(), m.end(), m[0], "date of birth or death",
                      "give the month and year, or the child's age, instead", "date")
        else:
            yield Hit("SCR205", m.start(), m.end(), m[0], "full date",
                      "give the month and year ('in March 2019') or the sequence of events",
                      "date")
    for m in EXACT_AGE.finditer(text):
        yield Hit("SCR206", m.start(), m.end(), m[0], "exact age",
                  "give the age in whole months or years", "age")
    for m in AGE.finditer(text):
        yield Hit("", m.start(), m.end(), m[0], category="age")
