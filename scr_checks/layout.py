"""The report's layout: which blocks are the text, and which are its apparatus.

Published reviews carry much that is not their argument: a title page with
author and chair credits, a contents page, running headers and footers,
copyright and repository cover sheets.  Read as prose, a contents entry
becomes a broken reference, a running header an undefined acronym, and the
author's credit a personal name.  :class:`Layout` sorts every block into one
part, once per file, and every checker reads the part from ``block.part``:

``front``
    The title page and what comes before the report's text: title, credits,
    publication and endorsement dates, commissioning and governance
    statements.
``contents``
    A contents page: its entries, leaders and page numbers.
``furniture``
    Running headers and footers, page numbers, "confidential" banners,
    copyright, licence and repository notices, "left blank" pages.
``body``
    The report's text, from its first section (or numbered paragraph) on.
``glossary`` and ``appendix``
    Body sections that explain terms, and appendices.

A reader that knows a block's part from the file (a Word contents field, an
HTML ``nav``) sets the ``part`` attribute on the node; otherwise the part is
recognised from the text alone, the same way in every format.  The contents
page also says which sections the report promises, so a section it lists
counts as present even when its text is not in the file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from operator import sub
from typing import Any

import regex
from docutils import nodes

from scr_checks.document import TextBlock
from scr_checks.headings import Section, classify, matcher
from scr_checks.patterns import compiled
from scr_checks.prose import fold_case
from scr_checks.records import Record
from scr_checks.shipped import shipped_file

FRONT = "front"
CONTENTS = "contents"
FURNITURE = "furniture"
BODY = "body"
GLOSSARY = "glossary"
APPENDIX = "appendix"
#: Every part, in the order a report usually has them.
PARTS = (FRONT, CONTENTS, FURNITURE, BODY, GLOSSARY, APPENDIX)
#: The parts that are the report's own text.
TEXT_PARTS = frozenset({BODY, GLOSSARY, APPENDIX})
#: The parts that are no prose at all: a checker of wording skips them.
APPARATUS = frozenset({CONTENTS, FURNITURE})

STASH_KEY = "scr_checks.layout"

_I = regex.IGNORECASE
CONTENTS_START = compiled(
    r"^\W*(?:[\p{Lu}\d][\p{Lu}\d\s&'’–-]{0,80}\s)??(?:table\s+of\s+)?contents\b", _I)
#: A line that ends with the word: the entries follow ("… Writer 2010 CONTENTS").
CONTENTS_END = compiled(r"(?:^|\s)(?:table\s+of\s+)?(?:CONTENTS|Contents)\s*$")
#: Dotted (or underscored) leaders between a contents entry and its page.
LEADER = compiled(r"(?:\.\s?){4,}|…{2,}|_{4,}")
#: A page number or range, or "Page 12", ending an entry.
PAGE_TAIL = compiled(
    r"(?:(?<=\s)|^)(?:pages?\s*)?\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*$|\bpage\s*$", _I)
#: Nothing but numbers (page numbers set apart from their entries).
NUMBERS_ONLY = compiled(r"[\d\s.,:;–-]+")
#: A section number at the start of a line: "3", "4.2", "7." before a capital.
SECTION_NUMBER = compiled(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[A-Z]\.)\s+(?=\p{Lu})")
#: Text printed on every page, or a notice about the document, not of it.
#: Each searched on its own: as one alternation the engine tried every branch
#: at every character (40 ms on 50,000 words); alone, each finds its own
#: letters quickly (7 ms for all of them).  Each comes with the words one of
#: which any match holds, folded (:func:`~scr_checks.prose.fold_case`): it is
#: searched only in text that holds one of them (none: in every text).
_FURNITURE = (
    (r"^\W*(?:-\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*-)?\W*$", ()),
    (r"\bpage\s+(?:\d{1,4}|[ivxl]{1,6}|x)?\s*of\s+\d{1,4}\b", ("page",)),
    (r"(?:intentionally|deliberately)\s+(?:been\s+)?left\s+blank", ("blank",)),
    (r"^\W*(?:strictly\s+)?(?:confidential|restricted|official[- ]sensitive)\b", ()),
    (r"\bnot\s+to\s+be\s+(?:photocopied|copied|circulated|distributed|reproduced)\b",
     ("copied", "circulated", "distributed", "reproduced")),
    (r"\breport\s+is\s+(?:the\s+)?property\s+of\b", ("property",)),
    (r"^\W*copyright\b|©|\bcrown\s+copyright\b", ("copyright", "©")),
    (r"\bopen\s+government\s+licen[cs]e\b", ("licen",)),
    (r"\bdeposited\s+by\s+the\s+publishing\b", ("deposited",)),
    (r"\bnational\s+(?:scr\s+|case\s+review\s+)?repository\b", ("repository",)),
    (r"\blibrary\s+catalogue\b", ("catalogue",)),
)
FURNITURE_TEXTS = tuple(compiled(branch, _I) for branch, _ in _FURNITURE)
#: Each pattern, with a search of folded text for its words (``None``: none).
_FURNITURE_SEARCHES = tuple(
    (pattern, re.compile("|".join(map(re.escape, words))) if words else None)
    for pattern, (_, words) in zip(FURNITURE_TEXTS, _FURNITURE, strict=True))
#: A window of eight words, six of them starting in lower case: a sentence,
#: not a title, heading or contents entry (which capitalise most words).
_WORD = compiled(r"\p{L}[\p{L}'’-]*")
#: The first letter of each ``_WORD``.
_INITIAL = compiled(r"(\p{L})[\p{L}'’-]*")
#: Sections that belong to the apparatus wherever they are: credits, governance.
CREDIT_HEADING = compiled(
    r"^(?:about\s+the\s+(?:author|reviewer)s?|(?:the\s+)?authors?(?:ship)?|"
    r"(?:the\s+)?(?:lead|independent)\s+(?:reviewer|author|overview\s+(?:report\s+)?"
    r"(?:writer|author))s?|(?:independent\s+)?overview\s+(?:report\s+)?(?:writer|author)|"
    r"review\s+team|(?:the\s+)?(?:serious\s+case\s+review\s+|review\s+)?panel"
    r"(?:\s+(?:members(?:hip)?|composition))?|(?:membership|composition)\s+of\s+the\s+"
    r"(?:\w+\s+){0,4}panel|acknowledge?ments?|governance|independence)\b",
    _I,
)
APPENDIX_HEADING = compiled(r"^\W*(?:appendi(?:x|ces)|annex(?:e|es)?)\b", _I)
#: A block that credits the report's authors, chair or panel.
CREDIT_CUE = compiled(
    r"\b(?:(?:co-)?authors?|authored|reviewers?|writer|chair(?:ed|person|s)?|"
    r"(?:report|prepared|written|compiled)\s+by|"
    r"on\s+behalf\s+of|consultan(?:t|cy)|associates|ltd|limited|llp|"
    r"independent\s+(?:reviewer|author|chair|scrutineer))\b",
    _I,
)
_SENTENCE_END = compiled(r"[.!?]['\"”’)]*\s*$")


class ContentsEntry(Record):
    """One entry of the contents page: its title and the block it is in.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("title", "block", "kinds")
    title: str
    block: TextBlock
    kinds: frozenset[str]

    def __init__(self, title: str, block: TextBlock, kinds: frozenset[str]) -> None:
        self.title = title
        self.block = block
        self.kinds = kinds



@dataclass
class Layout:
    """Which part of the report every block is in, and what the contents promise."""

    blocks: list[TextBlock]
    #: Each contents entry, in order.
    contents: list[ContentsEntry] = field(default_factory=list)
    #: Blocks that credit the report's authors, chair or panel: their names
    #: and dates are the report's own, not the family's.
    credits: set[int] = field(default_factory=set)

    @property
    def promised(self) -> frozenset[str]:
        """The canonical sections the contents page lists."""
        return frozenset(kind for entry in self.contents for kind in entry.kinds)

    def is_credit(self, block: TextBlock) -> bool:
        return id(block) in self.credits

    @classmethod
    def of(cls, context: Any) -> Layout:
        """The layout of the file a check context is about, found once."""
        layout = context.stash.get(STASH_KEY)
        if layout is None:
            headings = context.option("", "headings")
            patterns = matcher(tuple(sorted((k, tuple(v)) for k, v in headings.items())))
            layout = recognise(context.blocks, patterns)
            context.stash[STASH_KEY] = layout
        return layout


def recognise(blocks: list[TextBlock], patterns: dict[str, Section]) -> Layout:
    """Sort ``blocks`` into parts (setting ``block.part``) and read the contents page."""
    layout = Layout(blocks)
    hinted = _hints(blocks)
    furniture = _furniture(blocks, hinted)
    contents = _contents(blocks, hinted, furniture)
    start = _body_start(blocks, furniture, contents, patterns)
    for i, block in enumerate(blocks):
        if i in furniture:
            block.part = FURNITURE
        elif i in contents:
            block.part = CONTENTS
        elif i < start:
            block.part = FRONT
        else:
            block.part = BODY
            if block.is_heading:
                _section_part(block, patterns)
    _inherit_sections(blocks)
    for i in sorted(contents):
        if not NUMBERS_ONLY.fullmatch(blocks[i].text):
            layout.contents.extend(
                ContentsEntry(title, blocks[i], classify(title, patterns))
                for title in _entry_titles(blocks[i].text))
    layout.credits = _credits(blocks)
    return layout


def _hints(blocks: list[TextBlock]) -> list[str | None]:
    """The part a reader marked on each block's node or a node around it.

    Blocks share the nodes around them (a section, a list), so each node's
    part is worked out once, on the way up from the first block inside it.
    """
    known: dict[int, str | None] = {}
    hints = []
    for block in blocks:
        node: nodes.Node | None = block.node
        climbed = []
        hint = None
        while node is not None:
            if id(node) in known:
                hint = known[id(node)]
                break
            climbed.append(node)
            hint = _own_hint(node)
            if hint is not None:
                break
            node = node.parent
        for passed in climbed:
            known[id(passed)] = hint
        hints.append(hint)
    return hints


def _own_hint(node: nodes.Node) -> str | None:
    """The part a reader marked on ``node`` itself."""
    if isinstance(node, nodes.Element):
        part = node.get("part")
        if part:
            return str(part)
        if isinstance(node, (nodes.decoration, nodes.header, nodes.footer)):
            return FURNITURE
        if isinstance(node, nodes.topic) and "contents" in node.get("classes", ()):
            return CONTENTS
    return None


def _words_at_most(text: str, count: int) -> bool:
    """Whether ``text`` has at most ``count`` words (split at white space),
    without splitting the whole of a long text."""
    return len(text.split(maxsplit=count)) <= count


def _normal(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.casefold().split()))


def _furniture(blocks: list[TextBlock], hinted: list[str | None]) -> set[int]:
    """Page furniture: notices, page numbers, and short lines printed on every page."""
    out = {i for i, hint in enumerate(hinted) if hint == FURNITURE}
    short = {i: _normal(b.text) for i, b in enumerate(blocks)
             if _words_at_most(b.text, 14) and not _SENTENCE_END.search(b.text)
             and not SECTION_NUMBER.match(b.text) and not b.in_table and not b.in_list}
    repeated = Counter(short.values())
    for i, block in enumerate(blocks):
        if (hinted[i] is not None and hinted[i] != FURNITURE) or block.in_table:
            continue  # a table's cells are not printed on every page
        if _furniture_text(block.text[:300]) and (
                _words_at_most(block.text, 40) or not _is_sentence(block.text)
                or (_notice(block.text) and _words_at_most(block.text, 90))):
            out.add(i)
        elif i in short and repeated[short[i]] >= 2 and not _SECTION_WORDS.search(
                block.text) and (
                repeated[short[i]] >= 3 or "#" in short[i] or _near(out, i)
                or _header_like(block.text)):
            out.add(i)
    # A short line beside a page number or notice, not a heading or a sentence:
    # the running header of a page ("CSCB - SCR - Child A", then "Page 2 of 58").
    for i in sorted(out):
        for j in (i - 1, i + 1):
            if (j not in out and j in short and hinted[j] is None
                    and not blocks[j].is_heading and _page_mark(blocks[i].text)
                    and _words_at_most(blocks[j].text, 10)
                    and not CONTENTS_START.match(blocks[j].text)
                    and _header_like(blocks[j].text)):
                out.add(j)
    return out


#: The one-off patterns of the tests below, compiled once (a call of
#: ``regex.search`` with a pattern's text looks it up in a cache each time).
_DIGITS = compiled(r"\d+")
_NOTICE = compiled(r"©|copyright|licen[cs]e|repository|catalogue|left blank", _I)
_PAGE_MARK = compiled(r"\bpage\s+(?:\d+|x)?\s*of\s+\d+", _I)
_SEPARATOR = compiled(r"\s[-–—|]\s")
_INITIALISM = compiled(r"\b\p{Lu}{3,6}\b")
_ENDS_IN_DIGIT = compiled(r"\d\s*$")
_PAGE_AT_END = compiled(r"\s\d{1,3}(?:\s*[-–]\s*\d{1,3})?$")
_PAGES = compiled(r"pages?", _I)
_PAGE_NUMBER = compiled(
    r"(?<=\s|^)(?:pages?\s*)?\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?=\s|$)(?!\.\d)", _I)
_ENTRY_BREAK = compiled(
    r"\s*\|\s*|\s+(?=(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|appendix\s+\w+)\s+\p{Lu})", _I)
_ENTRY_NUMBER = compiled(r"^\W*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[:.])\s*")
_LEADING_NUMBER = compiled(r"^\W*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?)\s*")
_TITLE_NUMBER = compiled(r"^\W*(?:(?:\d{1,2}(?:\.\d{1,2}){0,3}|[A-Z])[.):]?\s+)?")
_NUMBERED_PARAGRAPH = compiled(r"\s*\d{1,3}\.\d")
_OPENING_TITLE = compiled(r"(?:foreword|preface|introduction)\b", _I)
_FIRST_SECTION = compiled(r"\s*1\.?\s+\p{Lu}")
_SPACE_DIGIT = compiled(r"\s\d")
_FRONT_STATEMENT = compiled(
    r"\b(?:commissioned\s+(?:and\s+\w+\s+)?(?:by|for)|(?:has|have)\s+been\s+redacted|"
    r"subject\s+of\s+redaction|pseudonyms?|conflict\s+of\s+interest|"
    r"available\s+for\s+publication|approved\s+by|endorsed\s+by)\b", _I)
#: Words of a section heading, which a report may repeat (summary, then report).
_SECTION_WORDS = compiled(
    r"\b(?:introduction|findings|recommendations?|analysis|methodology|conclusions?|"
    r"learning|summary|glossary|appendix|background|chronology)\b", _I)


def _furniture_text(text: str) -> bool:
    """Whether ``text`` holds a page number, a notice or a licence line."""
    folded = fold_case(text)
    return any(pattern.search(text) for pattern, words in _FURNITURE_SEARCHES
               if words is None or words.search(folded))


def _notice(text: str) -> bool:
    return bool(_NOTICE.search(text))


def _page_mark(text: str) -> bool:
    return bool(_PAGE_MARK.search(text))


def _header_like(text: str) -> bool:
    """A running header names the report: it has a separator or an initialism in it."""
    if _SEPARATOR.search(text):
        return True
    return any(c.islower() for c in text) and bool(_INITIALISM.search(text))


def _near(indices: set[int], i: int) -> bool:
    """Whether a block just before or after block ``i`` is in ``indices``."""
    return i - 1 in indices or i + 1 in indices


def _is_sentence(text: str) -> bool:
    """True if the text reads as a sentence, not a title, heading or entry.

    Titles capitalise most words; a sentence has some eight words in a row of
    which six start in lower case, or is short, ends with a full stop and has
    as many lower-case words as capitalised ones.
    """
    # Each word's first letter, whether it is lower case, and how many of the
    # words before each word are: no loop in Python over a paragraph of a
    # megabyte taken for a title.
    words = list(map(str.islower, _INITIAL.findall(text)))
    if 4 <= len(words) < 8 and _SENTENCE_END.search(text) and sum(words) * 2 >= len(words):
        return True
    counts = list(accumulate(words, initial=0))
    return max(map(sub, counts[8:], counts), default=0) >= 6


def _contents(blocks: list[TextBlock], hinted: list[str | None], furniture: set[int]) -> set[int]:
    """The blocks of every contents page: from a "Contents" line to the text."""
    out = {i for i, hint in enumerate(hinted) if hint == CONTENTS}
    #: Titles of the entries so far: the text's own heading repeats one.
    seen: set[str] = set()
    entries = _Entries(blocks)
    columns = _TitleColumns(blocks, furniture)
    i = 0
    while i < len(blocks):
        if i in furniture or i in out or not _starts_contents(blocks, i, furniture, entries,
                                                              columns):
            i += 1
            continue
        j = i
        if not CONTENTS_START.match(blocks[i].text) and _ends_contents(blocks[i].text):
            i = j = i + 1  # the entries start on the next block
        while j < len(blocks):
            block = blocks[j]
            if j in furniture:
                j += 1
                continue
            if j > i and (not _entry_like(block.text) or (
                    not _entry_tail(block.text) and _repeats(_title_key(block.text), seen))):
                break
            out.add(j)
            seen.update(_title_key(t) for t in _entry_titles(block.text))
            j += 1
        i = j
    for i in range(len(blocks)):
        if i not in furniture and entries.led(i):
            out.add(i)
    return out


def _repeats(title: str, seen: set[str]) -> bool:
    """Whether ``title``, or its first words, are one of the titles ``seen``.

    A title key is at most six words with a space between each: its first
    words are looked up, where comparing it with each title seen took time
    in the square of a long contents page's entries.
    """
    words = title.split(" ")
    return any(" ".join(words[:n]) in seen for n in range(1, len(words) + 1) if words[0])


class _Entries:
    """Whether each block is a led or a paged entry, each worked out once:
    the search for a contents page asks of a block as each of the three
    blocks before it is tried as the page's start."""

    def __init__(self, blocks: list[TextBlock]) -> None:
        self.blocks = blocks
        self._led: dict[int, bool] = {}
        self._paged: dict[int, bool] = {}

    def led(self, i: int) -> bool:
        if i not in self._led:
            self._led[i] = _led_entry(self.blocks[i].text)
        return self._led[i]

    def paged(self, i: int) -> bool:
        if i not in self._paged:
            self._paged[i] = _paged_entry(self.blocks[i].text)
        return self._paged[i]


def _ends_contents(text: str) -> bool:
    """Whether ``text`` ends with the word "Contents" (:data:`CONTENTS_END`),
    searched for only where the word is."""
    return ("Contents" in text or "CONTENTS" in text) and bool(CONTENTS_END.search(text))


def _starts_contents(blocks: list[TextBlock], i: int, furniture: set[int],
                     entries: _Entries, columns: _TitleColumns) -> bool:
    text = blocks[i].text
    if CONTENTS_START.match(text) and (_words_at_most(text, 4) or _entry_like(text)):
        return True
    if _ends_contents(text) and not _is_sentence(text) and i + 1 < len(blocks):
        return _entry_like(blocks[i + 1].text)
    # Three entries with leaders, or page numbers, in a row: no "Contents" line needed.
    run = [j for j in range(i, min(len(blocks), i + 6)) if j not in furniture][:3]
    if len(run) == 3 and (all(entries.led(j) for j in run)
                          or all(entries.paged(j) for j in run)):
        return True
    return columns.start_at(i)


class _TitleColumns:
    """Whether three or more numbered titles, then as many page numbers, start
    at a block: a contents table whose columns a PDF's text layer gives one
    after the other.

    Furniture between the titles is passed over.  The run of titles from a
    block, and of page numbers, is walked once and kept for every block in
    it: walked again from each block, a thousand numbered headings in a row
    took a second and four thousand twelve.
    """

    def __init__(self, blocks: list[TextBlock], furniture: set[int]) -> None:
        self.blocks = blocks
        self.furniture = furniture
        #: Block -> where the run of titles from it ends, and how many titles it holds.
        self._titles: dict[int, tuple[int, int]] = {}
        #: Block -> where the run of page numbers from it ends, and how many it holds.
        self._pages: dict[int, tuple[int, int]] = {}

    def start_at(self, i: int) -> bool:
        end, titles = self._run(i, self._titles, self._in_titles,
                                lambda k: k not in self.furniture)
        if titles < 3:
            return False
        return self._run(end, self._pages, self._page, lambda k: True)[1] >= titles - 1

    def _in_titles(self, j: int) -> bool:
        text = self.blocks[j].text
        return (j in self.furniture and not NUMBERS_ONLY.fullmatch(text)) or _numbered_title(text)

    def _page(self, j: int) -> bool:
        return NUMBERS_ONLY.fullmatch(self.blocks[j].text.strip()) is not None

    def _run(self, i: int, kept: dict[int, tuple[int, int]], belongs: Callable[[int], bool],
             counted: Callable[[int], bool]) -> tuple[int, int]:
        """Where the run of blocks that ``belong`` from block ``i`` ends, and how
        many of them are ``counted``: walked up to a block already known, and
        kept for every block walked."""
        walked = []
        j = i
        while j < len(self.blocks) and j not in kept and belongs(j):
            walked.append(j)
            j += 1
        end, count = kept.setdefault(j, (j, 0))
        for k in reversed(walked):
            count += counted(k)
            kept[k] = (end, count)
        return kept[i]


def _numbered_title(text: str) -> bool:
    return bool(SECTION_NUMBER.match(text)) and _words_at_most(text, 12) and not \
        _SENTENCE_END.search(text)


def _led_entry(text: str) -> bool:
    """An entry with a dotted leader running to its page number."""
    return bool(LEADER.search(text)) and bool(_ENDS_IN_DIGIT.search(text)) and \
        not _is_sentence(LEADER.sub(" ", text))


def _numbered_run(text: str) -> bool:
    """Titles run together with their numbers and pages by a PDF's text layer.

    Prose has a number now and then; a contents page has one every few words.
    """
    words = text.split(maxsplit=80)[:80]
    numbers = sum(1 for w in words if _NUMBER_WORD.fullmatch(w))
    return numbers >= 4 and numbers >= 0.15 * len(words)


_NUMBER_WORD = compiled(r"\d{1,3}(?:\.\d{1,3})*[.:]?|[-–]")


def _paged_entry(text: str) -> bool:
    """A numbered title ending in its page number: "4 FAMILY INVOLVEMENT 7"."""
    return bool(SECTION_NUMBER.match(text)) and _words_at_most(text, 16) and bool(
        _PAGE_AT_END.search(text))


def _entry_tail(text: str) -> bool:
    return bool(LEADER.search(text) or PAGE_TAIL.search(text))


def _entry_like(text: str) -> bool:
    """Could this block be (part of) a contents page?"""
    stripped = text.strip()
    if NUMBERS_ONLY.fullmatch(stripped) or _PAGES.fullmatch(stripped):
        return True
    if len(LEADER.findall(text)) >= 2 or _numbered_run(text):
        return True
    words = len(text.split())
    if words <= 16:
        return bool(LEADER.search(text)) or not (_SENTENCE_END.search(text) and words > 8)
    # Entries run together by a PDF's text layer, which capitalise most words.
    return not _is_sentence(LEADER.sub(" ", text))


def _entry_titles(text: str) -> list[str]:
    """The titles in a contents block, without numbers, leaders and pages."""
    text = CONTENTS_START.sub(" ", text, count=1)
    text = LEADER.sub(" | ", text)
    text = _PAGE_NUMBER.sub(" | ", text)
    parts = _ENTRY_BREAK.split(text)
    titles = []
    for part in parts:
        title = _ENTRY_NUMBER.sub("", part).strip(" .:-–")
        if sum(c.isalpha() for c in title) >= 3:
            titles.append(title)
    return titles


def _title_key(text: str) -> str:
    words = _LEADING_NUMBER.sub("", text)
    words = PAGE_TAIL.sub("", LEADER.sub(" ", words))
    return " ".join(_WORD.findall(words.casefold())[:6])


def _title_words(text: str) -> str:
    return _TITLE_NUMBER.sub("", text).strip()


def _body_start(blocks: list[TextBlock], furniture: set[int], contents: set[int],
                patterns: dict[str, Section]) -> int:
    """Where the report's text begins: after the title page and the first contents page.

    The text begins with its first section heading, numbered paragraph or
    sentence that is not a statement about the report (commissioning,
    redaction); before it are the title page's short lines and credits.
    """
    first_page = _first_contents_page(contents, furniture)
    last_contents = first_page[-1] if first_page else -1
    for i, block in enumerate(blocks):
        if i in furniture or i in contents or i <= last_contents:
            continue
        text = block.text
        words = _title_words(text)
        if CREDIT_HEADING.match(words) and _words_at_most(text, 8):
            continue
        if block.paragraph_number and _NUMBERED_PARAGRAPH.match(text):
            return i
        title_like = _words_at_most(text, TITLE_PAGE_WORDS) and not _SENTENCE_END.search(
            text) and (_words_at_most(text, 14) or not _is_sentence(text)
                       or len(_FIELD_LABEL.findall(text)) >= 2)
        if (block.is_heading or title_like) and (classify(text, patterns)
                                                  or _OPENING_TITLE.match(words)):
            return i
        if _FIRST_SECTION.match(text) and (title_like or classify(
                _SPACE_DIGIT.split(text[2:], maxsplit=1)[0], patterns)):
            return i
        if not title_like and not block.is_heading and not _front_statement(text):
            return _with_heading(blocks, i, furniture)
    return len(blocks)


def _with_heading(blocks: list[TextBlock], start: int, furniture: set[int]) -> int:
    """The text starts at the heading of the section its first sentence is in."""
    previous = start - 1
    while previous >= 0 and previous in furniture:
        previous -= 1
    if previous >= 0 and blocks[previous].is_heading and not CREDIT_HEADING.match(
            _title_words(blocks[previous].text)):
        return previous
    return start


#: The labels of a title page's fields ("Date of publication", "Author:").
_FIELD_LABEL = compiled(
    r"\b(?:Date|Dated|Author|Title|Initials|Published|Publication|Version|Status)\b")


#: The most words a block of a title page has: a longer one is the report's text,
#: whatever its shape.
TITLE_PAGE_WORDS = 300


def _first_contents_page(contents: set[int], furniture: set[int]) -> list[int]:
    """The indices of the first contents page: its blocks and the furniture between."""
    page: list[int] = []
    for i in sorted(contents):
        if page and any(j not in contents and j not in furniture for j in range(page[-1] + 1, i)):
            break
        page.append(i)
    return page


def _front_statement(text: str) -> bool:
    """A statement about the report rather than part of it (commissioning, redaction)."""
    return _words_at_most(text, 60) and bool(_FRONT_STATEMENT.search(text))


def _section_part(block: TextBlock, patterns: dict[str, Section]) -> None:
    if "glossary" in classify(block.text, patterns):
        block.part = GLOSSARY
    elif APPENDIX_HEADING.match(_title_words(block.text)):
        block.part = APPENDIX


def _inherit_sections(blocks: list[TextBlock]) -> None:
    """A glossary's or appendix's blocks share its part until the next heading."""
    current: str | None = None
    level = 0
    for block in blocks:
        if block.part not in TEXT_PARTS:
            continue
        if block.is_heading:
            depth = len(block.heading_path)
            if block.part in (GLOSSARY, APPENDIX):
                current, level = block.part, depth
                continue
            if current is not None and depth <= level:
                current = None
        if current is not None:
            block.part = current


def _credits(blocks: list[TextBlock]) -> set[int]:
    """Blocks that credit the report's makers.

    Every block of a credits section ("About the author", "Panel
    membership"); a short line with a credit cue ("Lead Reviewer", "Report
    by:", "… Consultancy Ltd") or a name with post-nominal letters; and on
    the title page, the few short lines after a cue ("Lead Reviewer", then
    the name, then the letters after it).
    """
    out: set[int] = set()
    in_section = False
    after_cue = 0
    for block in blocks:
        if block.part in (CONTENTS, FURNITURE):
            continue
        text = block.text
        if block.is_heading or (block.part == BODY and block.paragraph_number is None
                                and _words_at_most(text, 8) and not _SENTENCE_END.search(text)
                                and CREDIT_HEADING.match(_title_words(text))):
            in_section = bool(CREDIT_HEADING.match(_title_words(text)))
        short = _words_at_most(text, 25) and not _is_sentence(text) and not _ends_sentence(text)
        if in_section or (short and (CREDIT_CUE.search(text) or _postnominal_name(text))):
            out.add(id(block))
            after_cue = 3 if short and _words_at_most(text, 8) else 0
        elif after_cue and short and block.part == FRONT:
            out.add(id(block))
            after_cue -= 1
        else:
            after_cue = 0
    return out


def _ends_sentence(text: str) -> bool:
    """True if the text ends a sentence: not with an abbreviation such as "C.B.E."."""
    if not _SENTENCE_END.search(text):
        return False
    last = text.split()[-1].replace(".", "").strip("()")
    return last not in postnominals()


def _postnominal_name(text: str) -> bool:
    """A capitalised name followed by post-nominal letters ("J Smith MSc, CQSW")."""
    letters = postnominals()
    return any(match["letters"].replace(".", "") in letters
               for match in _NAME_THEN_LETTERS.finditer(text, overlapped=True))


#: A capitalised word, then the first of the letters after it.
_NAME_THEN_LETTERS = compiled(
    r"(?<![\p{L}])\p{Lu}[\p{Ll}'’-]+,?\s+(?P<letters>\p{Lu}[\p{L}.]{1,8})(?![\p{L}\p{N}])")


@cache
def postnominals() -> frozenset[str]:
    """Letters after a name (degrees, registrations, honours), without full stops."""
    text = shipped_file("scr_checks", "data", "postnominals.txt").read_text("utf-8")
    return frozenset(line.split("#")[0].strip().replace(".", "") for line in text.splitlines()
                     if line.split("#")[0].strip())
