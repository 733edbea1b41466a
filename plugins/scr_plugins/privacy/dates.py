"""Dates that pin a person down, and ages more precise than a year.

A month and year ("in July 2015") is accepted practice and not reported;
a day with a month is.  Dot-separated dates need a four-digit year, or a
two-digit day, month and year ("21.10.21"), so the report's own paragraph
numbers ("4.4.10") are never read as dates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import chain

import regex

from scr_checks import WINDOW, compile_pattern, shipped_file, windows_to_search, word_runs
from scr_plugins.privacy import rules
from scr_plugins.privacy.gates import NUMBER_WORDS, has_digit, has_number, run_text
from scr_plugins.privacy.hits import Hit

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|"
    "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[89]|20)\d\d"
#: The look-ahead names every character a date can start with; it lets the
#: engine skip the rest of a paragraph three times as fast.  The forms that
#: start with a day are tried from one reading of it, and it and the month
#: after it are atomic (``(?>...)``): each is followed by a character that
#: is no digit, so when the longer reading of "21" fails the shorter, "2"
#: followed by "1", cannot succeed, and on a paragraph of dotted dates the
#: engine tried each form at each reading in turn.  At most one form can
#: match at a place, so the order they are tried in finds what the order
#: of one form after another found.  The day, month and year of two digits
#: each come first: on a paragraph of them ("21.10.21 13.11.15 ...") the
#: other forms were tried and failed at each, half the time of the search.
DATE = compile_pattern(
    rf"(?<![\w.])(?=[0-9tJFMASOND])(?:"
    rf"(?:[12]\d|3[01]|0[1-9])([.-])(?:1[0-2]|0[1-9])\1\d\d(?!\.\d)"
    rf"|(?>{_DAY})(?:(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{MONTHS})\.?(?:,?\s+{_YEAR})?"
    rf"|/(?>1[0-2]|0?[1-9])/(?:{_YEAR}|\d\d)"
    rf"|-(?>1[0-2]|0?[1-9])-{_YEAR}"
    rf"|\.(?>1[0-2]|0?[1-9])\.{_YEAR})"
    rf"|the\s+{_DAY}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{MONTHS})\.?(?:,?\s+{_YEAR})?"
    rf"|(?:{MONTHS})\s+{_DAY}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?"
    rf"|{_YEAR}(?:/(?:1[0-2]|0[1-9])/|-(?:1[0-2]|0[1-9])-)(?:[12]\d|3[01]|0[1-9])"
    rf")(?![\w/])"
)
#: The months as folded runs of letters: every ``DATE`` match that names one
#: holds it at the start of a run (after a space, or at the match's start,
#: which no word character comes before) ...
MONTH_RUNS = tuple(sorted({month.lower() for month in MONTHS.split("|")}))
#: ... unless a letter or digit that is no word character comes before it ("²"):
_NOT_WORD = compile_pattern(r"(?V1)[[\p{L}\p{N}]--\w]")
#: ... and every other ``DATE`` match separates its numbers with one of these.
DATE_MARKS = ("/", "-", ".")
#: Every date ``DATE`` finds holds one of these (the three letters each month's
#: name and abbreviation start with, in the case it reads them) or a
#: ``NUMERIC_DATE_MARK``: a paragraph with neither, as most paragraphs with a
#: number are ("4.4.10", "in 2019", "two of the 12 visits"), is not searched.
MONTH_STARTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec")
#: What a date written in numbers holds: a digit, then "/" or "-" and a digit;
#: a day and month with dots before a year of four digits; or a day, month
#: and year of two digits each ("21.10.21").  A paragraph number ("4.4.10")
#: holds none.
NUMERIC_DATE_MARK = compile_pattern(
    r"\d(?:[/-]\d|\.\d\d?\.(?:1[89]|20)\d\d)|\d\d\.\d\d\.\d\d")
#: Cues that make a date a date of birth or death; not "pre-birth" or "post-death".
BIRTH_OR_DEATH = compile_pattern(
    r"(?<![\p{L}-])(?P<cue>born|birth|DOB|d\.o\.b\.?|died|death|passed away)\b"
    r"(?P<tail>[^.;]{0,30})$",
    regex.IGNORECASE,
)
#: The word after the cue: "birth visit", "death threats" name another event.
NEXT_WORD = compile_pattern(r"\s*(\p{L}+)")
#: Cues that make a date the report's own (version, publication), not a person's;
#: a version number may come between ("Final v1.2, 30.05.2024").
DOCUMENT_DATE = compile_pattern(
    r"\b(?:version|final|draft|published|issued|updated|revised|approved)\b"
    r"(?:[^.;]|(?<=\d)\.(?=\d)){0,15}$",
    regex.IGNORECASE,
)
#: A sentence about the review's own making: a letter from the Minister, the
#: report submitted to Ofsted, the executive summary sent, the Board's approval.
REVIEW_DOCUMENT = compile_pattern(
    r"\b(?:(?:this|the|that|original)\s+(?:serious\s+case\s+|practice\s+)?(?:review|report|scr)"
    r"|(?:overview|final)\s+report|executive\s+summary|action\s+plan|terms\s+of\s+reference"
    r"|ofsted|the\s+(?:lscb|lscp|board|partnership|minister|secretary\s+of\s+state)"
    r"|(?:review|scr)\s+panel|letter\s+dated)\b",
    regex.IGNORECASE,
)
REVIEW_STEP = compile_pattern(
    r"\b(?:dated|submitted|published|commissioned|completed|endorsed|approved|accepted|agreed"
    r"|presented|deemed|judged|evaluated|sent|initiated|ratified|signed\s+off|convened"
    r"|notified|received)\b",
    regex.IGNORECASE,
)
# A word each of these patterns needs, as a case-folded run holds it
# (:func:`run_text`); "d.o.b." is three runs, looked for in the lowered text.
DOCUMENT_WORDS = ("version", "final", "draft", "published", "issued", "updated", "revised",
                  "approved")
BIRTH_WORDS = ("born", "birth", "dob", "died", "death", "passed")
REVIEW_DOCUMENT_WORDS = (
    "review", "report", "scr", "summary", "plan", "reference", "ofsted", "lscb", "lscp", "board",
    "partnership", "minister", "secretary", "letter")
REVIEW_STEP_WORDS = (
    "dated", "submitted", "published", "commissioned", "completed", "endorsed", "approved",
    "accepted", "agreed", "presented", "deemed", "judged", "evaluated", "sent", "initiated",
    "ratified", "signed", "convened", "notified", "received")
_NUMBER = (
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
)
#: Every exact age or age in months names one of these units as a whole word:
#: without one, a paragraph need not be searched (a case-insensitive search is
#: slow).  Longest first, so "years" is tried before "year", as "years?" would.
UNITS = ("years", "months", "weeks", "days", "year", "month", "week", "day")
_UNIT = rf"(?:{'|'.join(UNITS)})"
#: An age more precise than a year: in days, or in two units.
EXACT_AGE = compile_pattern(
    rf"\b{_NUMBER}[\s-]+(?:days?[\s-]+old|day[\s-]old)\b"
    rf"|\baged\s+{_NUMBER}\s+days?\b"
    rf"|\b{_NUMBER}\s+{_UNIT}(?:(?:,\s+|,?\s+and\s+|\s+){_NUMBER}\s+{_UNIT}){{1,2}}"
    rf"(?:[\s-]+old)?\b",
    regex.IGNORECASE,
)
#: Every age in months, weeks or days names one of these units and says "old" or "aged".
AGE_UNITS = frozenset({"months", "weeks", "days", "month", "week", "day"})
AGE_CUES = frozenset({"old", "aged"})
#: Any age in months, weeks or days: no finding alone, but part of a combination.
AGE = compile_pattern(
    rf"\b{_NUMBER}[\s-]+(?:months?|weeks?|days?)[\s-]+old\b"
    rf"|\baged\s+{_NUMBER}\s+(?:months?|weeks?|days?)\b",
    regex.IGNORECASE,
)


@lru_cache(maxsize=1)
def event_compounds() -> frozenset[str]:
    """Nouns after "birth" or "death" that name another event (``data/event_compounds.txt``)."""
    text = shipped_file(__package__, "data", "event_compounds.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def _birth_or_death(before: str) -> bool:
    """True if ``before`` ends with a cue for a date of birth or death."""
    cue = BIRTH_OR_DEATH.search(before)
    if cue is None:
        return False
    if cue["cue"].lower() in ("birth", "death"):
        word = NEXT_WORD.match(cue["tail"])
        if word and word[1].lower() in event_compounds():
            return False
    return True


#: A full date's message, suggestion and category.
_FULL_DATE = ("full date", "give the month and year ('in March 2019') or the sequence of events",
              "date")


def _dates(text: str) -> Iterator[Hit]:
    """Full dates, and dates of birth or death; not the report's own dates.

    Each date's context is searched only for the cues the paragraph holds at
    all, found once on its first date: a paragraph of dates with no word of
    birth or of the review is otherwise searched three times at each date.
    """
    dates = DATE.finditer(text)
    first = next(dates, None)
    if first is None:
        return
    runs = run_text(text)
    document = _holds(runs, DOCUMENT_WORDS)
    birth = _holds(runs, BIRTH_WORDS) or "d.o.b" in text.lower()
    review = _holds(runs, REVIEW_STEP_WORDS) and _holds(runs, REVIEW_DOCUMENT_WORDS)
    if not (document or birth or review):
        # Every date is a full date, as in a paragraph of nothing but dates:
        # made in one loop, each as the named tuple's own constructor makes it
        # but without its call.
        new, full, (message, suggestion, category) = tuple.__new__, rules.FULL_DATE, _FULL_DATE
        yield from [new(Hit, (full, m.start(), m.end(), m[0], message, suggestion, category))
                    for m in chain([first], dates)]
        return
    for m in chain([first], dates):
        before = text[max(0, m.start() - 40) : m.start()] if document or birth else ""
        if document and DOCUMENT_DATE.search(before):
            continue
        if birth and _birth_or_death(before):
            yield Hit(rules.BIRTH_OR_DEATH_DATE, m.start(), m.end(), m[0], "date of birth or death",
                      "give the month and year, or the child's age, instead", "date")
        elif not (review and _review_process(text, m.start(), m.end())):
            yield Hit(rules.FULL_DATE, m.start(), m.end(), m[0], *_FULL_DATE)


def may_hold_date(text: str) -> bool:
    """False only where ``DATE`` finds nothing (quick scans, where ``DATE`` is
    tried at every character): each of the two tests below is false only then.
    The first turns away most paragraphs of prose, whose digits are paragraph
    numbers, years and counts; the second lists of addresses or phone
    numbers, whose street names may start as a month does ("Marwick")."""
    return _month_or_numeric_date(text) and _month_run_or_date_mark(text)


def _month_or_numeric_date(text: str) -> bool:
    """False only if the text names no month and holds no date in numbers."""
    return (any(month in text for month in MONTH_STARTS)
            or NUMERIC_DATE_MARK.search(text) is not None)


def _month_run_or_date_mark(text: str) -> bool:
    """False only if ``text`` has none of ``DATE_MARKS``, and no run of letters
    and digits that is a month or starts with one and then goes on other than
    with a letter (after a month, ``DATE`` takes no word character; a digit
    that is none, "²", may follow)."""
    if any(mark in text for mark in DATE_MARKS):
        return True
    if not text.isascii() and _NOT_WORD.search(text):
        return True  # a month may start inside a run, after "²"
    return any(len(run) == len(month) or not run[len(month)].isalpha()
               for run in word_runs(text) if run.startswith(MONTH_RUNS)
               for month in MONTH_RUNS if run.startswith(month))


def _holds(runs: str, words: tuple[str, ...]) -> bool:
    return any(word in runs for word in words)


def _review_process(text: str, start: int, end: int) -> bool:
    """True if the date's sentence is about the review's own making, not the family's."""
    reach = max(0, start - 120)  # bounded, so a paragraph of dates stays linear
    left = max(text.rfind(". ", reach, start), text.rfind("; ", reach, start), reach)
    right = text.find(". ", end, end + 120)
    sentence = text[left : right if right >= 0 else end + 120]
    return bool(REVIEW_DOCUMENT.search(sentence)) and bool(REVIEW_STEP.search(sentence))


def find(text: str) -> Iterator[Hit]:
    if has_digit(text) and may_hold_date(text):
        yield from _dates(text)
    words = word_runs(text)
    if words.isdisjoint(UNITS) or not has_number(text):
        return
    for begin, end in _parts(text, lambda words: not words.isdisjoint(UNITS)
                             and not NUMBER_WORDS.isdisjoint(words)):
        for m in EXACT_AGE.finditer(text, begin, end):
            yield Hit(rules.EXACT_AGE, m.start(), m.end(), m[0], "exact age",
                      "give the age in whole months or years", "age")
    if words.isdisjoint(AGE_UNITS) or words.isdisjoint(AGE_CUES):
        return
    for begin, end in _parts(text, lambda words: not words.isdisjoint(AGE_UNITS)
                             and not words.isdisjoint(AGE_CUES)):
        for m in AGE.finditer(text, begin, end):
            yield Hit(None, m.start(), m.end(), m[0], category="age")


def _parts(text: str, may_hold: Callable[[frozenset[str]], bool]) -> list[tuple[int, int]]:
    """The parts of ``text`` an age may be in: all of it, or of a long text the
    windows (:func:`~scr_checks.windows_to_search`) whose words ``may_hold`` one.

    No age holds a full stop, so each lies in one window, and in plain text
    its number and words are whole runs of that window's.  Elsewhere a
    letter or digit that is no word character can end a unit without
    ending its run ("months²"): every window of such a text is searched.
    """
    if not text.isascii():
        return [(0, len(text))]
    return windows_to_search(text, may_hold, WINDOW)
