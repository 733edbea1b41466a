"""What a report says of itself on its title page: its title, and the year it was published.

A table of many reviews' findings and recommendations needs, on each row,
the report it came from and when.  Only the title page (``block.part`` is
``FRONT``) is read for the year: a year in the report's text is usually an
event's, not the report's.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from scr_checks import BODY, FRONT, TextBlock, compile_pattern

_I = regex.IGNORECASE
_YEAR = r"\b((?:19|20)\d\d)\b"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
#: Statements of when the report was published, then of when it was finished.
_STATED = (
    compile_pattern(r"\b(?:published|publication(?:\s+date)?)\b\W*(?:[\w’']+\W+){0,6}?" + _YEAR,
                  _I),
    compile_pattern(r"\b(?:final\s+(?:report|version)|report\s+date|date[ds]?|endorsed|approved|"
                  r"signed\s+off|issued|completed|version\s+\d+(?:\.\d+)?)\b\W*"
                  r"(?:[\w’']+\W+){0,6}?" + _YEAR, _I),
)
#: What a report's title calls it.
_NAMES_A_REVIEW = compile_pattern(r"\b(?:review|inquiry|report|audit)\b", _I)
#: A date standing alone on the title page: "March 2017", "14 March 2017", "2017".
_DATE_ALONE = compile_pattern(
    r"^\W*(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?" + _MONTH + r"\.?,?\s+)?" + _YEAR + r"\W*$", _I)


#: A month and year in a short line near the title: "Overview Report November 2018",
#: "Author A. Writer, January 2019".
_MONTH_YEAR = compile_pattern(r"\b" + _MONTH + r"\.?,?\s+" + _YEAR, _I)
#: How many blocks at the start of a report count as near its title, when no
#: title page was recognised, and the most words such a line of dates has.
_NEAR_TITLE, _SHORT = 8, 16


def stated_year(blocks: Iterable[TextBlock]) -> str | None:
    """The year the title page says the report was published (or finished), if it says.

    When the title page does not say (or a plain-text or PDF file has none
    that can be told apart), the short lines at the start of the report, near
    its title and before its first sentence, are read the same way, and a
    month and year in one counts.
    """
    blocks = list(blocks)
    front = [" ".join(block.text.split()) for block in blocks if block.part == FRONT]
    year = _year_in(front)
    if year is None:
        near = []
        for block in blocks[:_NEAR_TITLE]:
            text = " ".join(block.text.split())
            if text.endswith((".", "!", "?")):
                break  # the report's prose has begun: its dates are events
            if len(text.split()) <= _SHORT:
                near.append(text)
        year = _year_in(near) or next(
            (match.group(1) for text in near if (match := _MONTH_YEAR.search(text))), None)
    return year


def _year_in(texts: list[str]) -> str | None:
    for pattern in _STATED:
        for text in texts:
            match = pattern.search(text)
            if match:
                return match.group(1)
    for text in texts:
        match = _DATE_ALONE.match(text)
        if match:
            return match.group(1)
    return None


def report_title(blocks: Iterable[TextBlock]) -> str:
    """The report's title: the first heading that names a review, on its title page or at
    the start of its text, else the title page's first heading.

    A title page often heads itself with the partnership's name, set as large
    as the title; a plain-text file gives both as headings.
    """
    headings: list[tuple[str, str]] = []
    for block in blocks:
        if block.part == BODY and not block.is_heading:
            break
        if block.is_heading and block.part in (FRONT, BODY):
            headings.append((block.part, " ".join(block.text.split())))
    return next((text for _, text in headings if _NAMES_A_REVIEW.search(text)),
                next((text for part, text in headings if part == FRONT), ""))
