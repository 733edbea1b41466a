"""Numbers and contact details: NHS and NI numbers, references, phones, e-mail, URLs.

Validators are plain functions so they can be property-tested.  The NHS
check is the modulus 11 algorithm; it needs no package.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from scr_checks import compile_pattern, word_runs
from scr_plugins.privacy import rules
from scr_plugins.privacy.gates import has_digit, numerals, run_text
from scr_plugins.privacy.hits import Hit
from scr_plugins.privacy.spans import Stops, matches

NHS_NUMBER = compile_pattern(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")
NI_NUMBER = compile_pattern(
    r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D]\b"
)
PHONE = compile_pattern(
    r"(?<![\w/.+-])(?:\+44[ ]?(?:\(0\)[ ]?)?|0)(?:\d[ -]?){8,9}\d(?![\w/-])"
)
EMAIL = compile_pattern(
    r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b"
)
SOCIAL_URL = compile_pattern(
    r"(?<![\w.])(?:https?://)?(?:www\.|m\.)?"
    r"(?:facebook|fb|instagram|twitter|x|tiktok|snapchat|linkedin|youtube|threads)"
    r"\.com/(?:add/|in/|@)?[\w@.-]*\w"
)
#: The last letter of a National Insurance number, as a run of letters holds it.
NI_LAST_LETTERS = frozenset("abcd")
#: A National Insurance number's two capitals and first two digits, where
#: every digit of the text is an ASCII one (no run mixes letters and digits).
NI_START = re.compile(r"[A-Z][A-Z] ?[0-9][0-9]")
#: "crime reference 14/55321/16", "case number is NV19C00482", "CAD 4471".
REFERENCE = compile_pattern(
    r"\b(?:case|court|crime|incident|log|CAD|police|reference|ref|claim|file|record)"
    r"(?:\s+(?:number|no\.?|reference|ref\.?|report|log))?\s*[:#]?\s*(?:(?:is|was)\s+)?"
    r"(?P<ref>(?-i:(?=[A-Z0-9/-]*\d)[A-Z0-9][A-Z0-9/-]{2,}[A-Z0-9]))(?![\w/-])",
    regex.IGNORECASE,
)
#: A word each ``REFERENCE`` match starts with, as a case-folded run holds it.
REFERENCE_WORDS = ("case", "court", "crime", "incident", "log", "cad", "police", "ref", "claim",
                   "file", "record")
#: A family court case number carries its own shape: "NV19C00482".
COURT_NUMBER = compile_pattern(r"\b[A-Z]{2}\d{2}[A-Z]\d{5}\b")
#: A year or a span of years ("2019", "2020-21", "2019/2020") is no reference.
YEAR = compile_pattern(r"(?:19|20)\d\d(?:[-/](?:(?:19|20)\d\d|\d\d))?")
_STOP = compile_pattern(r"[.;] ")
_MAILBOX_PARTS = compile_pattern(r"[._+-]")
_FULL_STOP = compile_pattern(r"\. ")
#: Words that make a mailbox an organisation's, not a person's.
ROLE_MAILBOX = frozenset(
    "info enquiries enquiry admin safeguarding contact office scp lscb lscp lcsp "
    "partnership partnerships team duty reception hello mash support business unit "
    "board hub frontdoor front door referrals referral help helpline".split()
)
#: A sentence naming one of these gives an organisation's number, not a person's.
ORGANISATION_CONTACT = compile_pattern(
    r"\b(?:helpline|switchboard|business unit|Partnership|Board|Childline|NSPCC|advice line)\b"
)


def nhs_number_valid(digits: str) -> bool:
    """True if ten digits pass the NHS modulus 11 check."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def is_ni_number(text: str) -> bool:
    return NI_NUMBER.fullmatch(text) is not None


class _Organisations:
    """Which sentences of one text name an organisation's contact, found in one pass.

    A sentence runs from after the last ". " or "; " before a number to the
    next ". " after it.
    """

    def __init__(self, text: str) -> None:
        self.stops = Stops(text, _STOP)
        self.full_stops = Stops(text, _FULL_STOP)
        self.found = matches(ORGANISATION_CONTACT, text)

    def around(self, start: int, end: int) -> bool:
        """True if the sentence around ``start:end`` names an organisation's contact."""
        return self.found.holds(self.stops.before(start) + 1, self.full_stops.after(end))


def find(text: str) -> Iterator[Hit]:
    if has_digit(text):
        yield from _numbers(text)
    if "@" in text:
        for m in EMAIL.finditer(text):
            local = _MAILBOX_PARTS.split(m[0].split("@")[0].lower())
            if not all(part in ROLE_MAILBOX for part in local):
                yield Hit(rules.EMAIL_ADDRESS, m.start(), m.end(), m[0],
                          "personal e-mail address", "remove the address; say 'by e-mail' instead")
    if ".com/" in text:
        for m in SOCIAL_URL.finditer(text):
            yield Hit(rules.PERSONAL_URL, m.start(), m.end(), m[0], "link to a personal account",
                      "remove the link; say 'on social media' instead")
    if has_digit(text):
        yield from _references(text)


def _numbers(text: str) -> Iterator[Hit]:
    """NHS, National Insurance and telephone numbers: each needs digits.

    Where no digit has a letter against it (:func:`numerals`), each number
    stands alone, and each pattern is searched only if a number it can start
    with is there: an NHS number's first three, six or ten digits, a National
    Insurance number's first two or six (its letters set apart by a space),
    a telephone number's run starting "0" or "44".  A National Insurance
    number's last letter then stands alone too, a run of its own, and its
    two capitals come just before its first two digits: most paragraphs
    hold "a" and a number of two digits, few a pair of capitals before one.
    """
    plain, mixed = numerals(text)
    if mixed or any(len(run) in (3, 6, 10) for run in plain):
        for m in NHS_NUMBER.finditer(text):
            if nhs_number_valid("".join(m.groups())):
                yield Hit(rules.NHS_NUMBER, m.start(), m.end(), m[0], "NHS number",
                          "remove the NHS number; it is never needed in a published review")
    for m in NI_NUMBER.finditer(text) if mixed or (
            any(len(run) in (2, 6) for run in plain)
            and not NI_LAST_LETTERS.isdisjoint(word_runs(text))
            and NI_START.search(text)) else ():
        yield Hit(rules.NI_NUMBER, m.start(), m.end(), m[0], "National Insurance number",
                  "remove the National Insurance number")
    if not (mixed or any(run.startswith(("0", "44")) for run in plain)):
        return
    organisations = None
    for m in PHONE.finditer(text):
        if organisations is None:
            organisations = _Organisations(text)
        if not organisations.around(m.start(), m.end()):
            yield Hit(rules.PHONE_NUMBER, m.start(), m.end(), m[0], "telephone number",
                      "remove the number, or say only that the family was contacted by phone")


def _may_hold_reference(text: str) -> bool:
    """False only where ``REFERENCE`` finds nothing but years (see :func:`_references`)."""
    plain, mixed = numerals(text)
    if not (mixed or "/" in text or "-" in text
            or any(len(run) >= 4 and not YEAR.fullmatch(run) for run in plain)):
        return False
    runs = run_text(text)
    return any(word in runs for word in REFERENCE_WORDS)


def _references(text: str) -> Iterator[Hit]:
    """Case, crime and court reference numbers: each needs a digit.

    A reference is a run of capitals, digits, "/" and "-" holding a digit,
    after a word of ``REFERENCE_WORDS``; a year is none.  Where no digit has
    a letter against it and no "/" or "-" joins runs, the run is a number
    standing alone (:func:`numerals`), of four digits or more and no year.
    A court number's letters and digits make one run of both.
    """
    mixed = numerals(text).mixed
    seen = set()
    if _may_hold_reference(text):
        for m in REFERENCE.finditer(text):
            ref = m["ref"]
            if YEAR.fullmatch(ref):
                continue
            seen.add(m.start("ref"))
            yield Hit(rules.REFERENCE_NUMBER, m.start("ref"), m.end("ref"), ref,
                      "case or reference number", "remove the reference number")
    for m in COURT_NUMBER.finditer(text) if mixed else ():
        if m.start() not in seen:
            yield Hit(rules.REFERENCE_NUMBER, m.start(), m.end(), m[0], "court case number",
                      "remove the case number")
