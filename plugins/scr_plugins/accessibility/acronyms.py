"""Acronyms: where each is first used, and where (if anywhere) it is defined.

A definition is the long form followed by the acronym in brackets
("Multi-Agency Safeguarding Hub (MASH)") or the reverse ("MASH
(Multi-Agency Safeguarding Hub)"), checked with the Schwartz–Hearst letter
match, or any mention inside a glossary section.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from scr_checks import FrozenRecord, TextBlock, compile_pattern, fold_case

#: Two or more capitals, perhaps with lower-case letters or "&" between ("DfE", "A&E").
TOKEN = compile_pattern(r"(?<![\w&'’-])[A-Z][A-Za-z&]*[A-Z]s?(?![\w&'’-])")
#: A capitalised word before a number is a reference code ("CYSUR 4 2019", "JT 48 26").
CODE_AFTER = compile_pattern(r"\s+\d")
#: Pseudonyms look like acronyms: "Child LA", "Ms M", "Mr SF".  Matched at the
#: token: the look-behind reads back over one word, not the paragraph.
PSEUDONYM_BEFORE = compile_pattern(
    r"(?<=\b(?:Child|Baby|Mr|Mrs|Ms|Miss|Mx|Dr|Adult|Family|Sibling|Case|Person|Subject)"
    r"\.?\s+)"
)
ROMAN = compile_pattern(r"[IVXLCDM]+")
#: A code standing for a person: "Initials of Child HD", "his mother SR",
#: "known in this report as JT".
PERSON_BEFORE = compile_pattern(
    r"(?:\binitials\s+of\s+(?:the\s+)?(?:child|baby|young\s+person)?\s*|"
    r"\b(?:mother|father|sister|brother|sibling|partner|step-?(?:father|mother)|grandmother|"
    r"grandfather|aunt|uncle|carer|boyfriend|girlfriend)\s+|"
    r"\b(?:known|referred\s+to)(?:\s+(?:in|throughout)\s+(?:this|the)\s+(?:report|review))?"
    r"\s+as\s+)$",
    regex.IGNORECASE,
)
#: Words of which every match of :data:`PERSON_BEFORE` holds one, case-folded:
#: a stretch of text without any is not searched, at each of its characters.
PERSON_WORDS = ("initials", "mother", "father", "sister", "brother", "sibling", "partner",
                "aunt", "uncle", "carer", "boyfriend", "girlfriend", "known", "referred")
#: ... or what only a person does: "HD was born", "SR had two children removed".
PERSON_AFTER = compile_pattern(
    r"\s+(?:was\s+(?:born|placed|admitted|removed|taken|found|seen|murdered|killed|injured)"
    r"|died|swallowed|lived|told|said|disclosed)\b",
    regex.IGNORECASE,
)
#: A word each ``PERSON_AFTER`` match holds whole, as a block's words (its runs,
#: case-folded) hold it.
PERSON_AFTER_WORDS = frozenset({"was", "died", "swallowed", "lived", "told", "said", "disclosed"})
#: "(MASH)", "(the LSCB)", and with the area's name before it "(Devon SCP)".
BRACKETED = compile_pattern(
    r"\(\s*(?:the\s+|hereafter\s+|known as\s+)?(?:\p{Lu}\p{Ll}+\s+)?[\"'“‘]?"
    r"(?P<short>[A-Z][A-Za-z&]*[A-Z]s?)[\"'”’]?\s*\)"
)
REVERSE = compile_pattern(r"(?P<short>[A-Z][A-Za-z&]*[A-Z]s?)\s+\((?P<long>[^()]{4,120})\)")
GLOSSARY_HEADING = compile_pattern(
    r"\b(?:glossary|abbreviations?|acronyms?|terms used|key terms|definitions)\b",
    regex.IGNORECASE,
)


class Use(FrozenRecord):
    """One occurrence of an acronym; frozen.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("key", "block", "start", "end")
    key: str
    block: TextBlock
    start: int
    end: int

    def __init__(self, key: str, block: TextBlock, start: int, end: int) -> None:
        self.__dict__.update(key=key, block=block, start=start, end=end)

    @property
    def order(self) -> tuple[int, int]:
        return (self.block.index, self.start)


def key_of(token: str) -> str:
    """The acronym without a plural "s" ("LSCBs" → "LSCB", "ACEs" → "ACE")."""
    return token[:-1] if token.endswith("s") and len(token) > 2 else token


def in_glossary(block: TextBlock, extra_headings: Iterable[str] = ()) -> bool:
    words = [h.lower() for h in extra_headings]
    return any(
        GLOSSARY_HEADING.search(title) or any(w in title.lower() for w in words)
        for title in block.heading_path
    )


def tokens(block: TextBlock) -> list[regex.Match[str]]:
    """The block's acronym-like words, found once for both :func:`person_codes` and :func:`uses`."""
    return list(TOKEN.finditer(block.text))


def uses(block: TextBlock, found: list[regex.Match[str]] | None = None) -> Iterator[Use]:
    """Acronym-like words in a paragraph (its :func:`tokens`, when ``found``),
    without pseudonyms or roman numerals."""
    text = block.text
    for match in TOKEN.finditer(text) if found is None else found:
        token = match.group()
        letters = [c for c in token if c.isalpha()]
        if sum(c.isupper() for c in letters) * 2 < len(letters):
            continue
        if (ROMAN.fullmatch(token) or PSEUDONYM_BEFORE.match(text, match.start())
                or CODE_AFTER.match(text, match.end())):
            continue
        yield Use(key_of(token), block, match.start(), match.end())


#: A first name and surname, and perhaps other letters, just before: "Jane Smith MSc, ".
NAME_BEFORE = compile_pattern(
    r"\p{Lu}\p{Ll}+\s+\p{Lu}[\p{Ll}'’-]+[,\s]+(?:\p{Lu}[\p{Ll}.]*\p{Lu}[\p{L}.]*[,\s]+){0,6}$")


def after_name(use: Use) -> bool:
    """True if the use follows a name, as letters after a name do ("Gamble QPM")."""
    return NAME_BEFORE.search(use.block.text, max(0, use.start - 80), use.start) is not None


def person_codes(found: Iterable[tuple[TextBlock, list[regex.Match[str]]]]) -> set[str]:
    """Capital codes the report uses for people ("HD", "SR"): pseudonyms, not acronyms.

    ``found`` pairs each block with its :func:`tokens`.  What may come before
    or after a code is looked for only in a block holding one of its words:
    a paragraph of acronyms asked each of them at every one.
    """
    codes: set[str] = set()
    for block, matches in found:
        if not matches:
            continue
        text = block.text
        folded = fold_case(text)
        before = any(word in folded for word in PERSON_WORDS)
        after = not PERSON_AFTER_WORDS.isdisjoint(block.words)
        if not (before or after):
            continue
        for match in matches:
            if len(match.group()) <= 4 and (
                    (before and _person_before(text, max(0, match.start() - 60), match.start()))
                    or (after and PERSON_AFTER.match(text, match.end()))):
                codes.add(key_of(match.group()))
    return codes


def _person_before(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with what comes before a person's code."""
    window = fold_case(text[start:end])
    return (any(word in window for word in PERSON_WORDS)
            and PERSON_BEFORE.search(text, start, end) is not None)


def definitions(block: TextBlock) -> Iterator[Use]:
    """Acronyms this block defines, at the position of the acronym."""
    text = block.text
    if "(" not in text:
        return  # both forms of definition hold a bracket: most paragraphs stop here
    for match in BRACKETED.finditer(text):
        short = match.group("short")
        before = _words_before(text, match.start(), len(short))
        if long_form(short, before):
            yield Use(key_of(short), block, match.start("short"), match.end("short"))
    for match in REVERSE.finditer(text):
        short = match.group("short")
        if long_form(short, match.group("long").split(",")[0]) is not None:
            yield Use(key_of(short), block, match.start("short"), match.end("short"))


def _words_before(text: str, end: int, letters: int) -> str:
    """The last few words of the sentence before ``end``.

    Read from a window before ``end`` that grows until it reaches the
    sentence's start or holds more words than are wanted: reading from the
    sentence's start made a long sentence of bracketed acronyms quadratic.
    """
    count = min(letters + 5, letters * 2)
    width = 16 * (count + 1)
    while True:
        begin = max(0, end - width)
        stop = text.rfind(". ", begin, end)
        if stop >= 0:
            begin = stop + 2
        words = text[begin:end].split()
        if stop >= 0 or begin == 0 or len(words) > count:
            return " ".join(words[-count:])
        width *= 4


def long_form(short: str, candidate: str) -> str | None:
    """The end of ``candidate`` that ``short`` abbreviates (Schwartz & Hearst, 2003)."""
    short_l, long_l = short.lower(), candidate.lower().rstrip()
    if short_l.endswith("s") and len(short_l) > 2 and short[-1] == "s":
        short_l = short_l[:-1]
    s, i = len(short_l) - 1, len(long_l) - 1
    while s >= 0:
        c = short_l[s]
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (long_l[i] != c or (s == 0 and i > 0 and long_l[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = max(long_l.rfind(" ", 0, i + 1) + 1, 0)
    return candidate[start:].strip() or None
