"""Personal names: a gazetteer, titles and context cues, never a model.

Precision comes from what a review itself tells us: pseudonyms it declares
("referred to in this report as Amber"), words it also uses in lower case
(so "Will" and "Early" are not names there), role words ("Mother",
"Child A"), statutes and agencies ("Working Together", "Ofsted"), and the
authorship lines where naming the author and chair is expected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, cached_property
from typing import Final

import regex

from scr_checks import Record, compile_pattern, fold_case, word_runs
from scr_plugins.privacy import rules
from scr_plugins.privacy.cues import cue_before, cue_words, partners
from scr_plugins.privacy.gates import Window, first_words, last_words, run_text
from scr_plugins.privacy.gazetteer import Lexicon, Name, alternation_source
from scr_plugins.privacy.hits import Hit
from scr_plugins.privacy.spans import Spans, Stops, matches

TOKEN = compile_pattern(r"(?<![\p{L}\p{N}'’@./_-])\p{Lu}[\p{L}]*(?:['’-]\p{L}+)*")
POSSESSIVE = ("'s", "’s")
#: "the social worker, ", "the team manager ", "the school nurse (" or
#: "Health Visitor 2 (" just before a name.
ROLE_BEFORE = r"(?:{roles})(?:\s+\d{{1,3}})?\s*[,(]?\s*(?:{title}\s+)?$"
#: ", the health visitor" / " (social worker)" just after a name.
ROLE_AFTER = r"^\s*(?:,\s*(?:the|a|her|his|their)?\s*|\()(?:{roles})\b"
#: "the social worker, " before a word no list knows: the comma makes it a name.
ROLE_CUE = r"\b(?:{roles})\s*,\s*$"
#: A line that credits the review's authors: "Reviewers: A and Dr B".
AUTHOR_LINE = compile_pattern(
    r"^\W*(?:[\p{L}'’-]+\s+){0,3}(?:co-)?(?:authors?|reviewers?|chair(?:s|person)?|"
    r"scrutineers?|(?:written|prepared|chaired)\s+by)\s*:",
    regex.IGNORECASE | regex.MULTILINE,
)
#: Lines where naming the author, chair or reviewer is expected.
AUTHOR_BEFORE = compile_pattern(
    r"\b(?:author|authored|written|chair(?:ed)?|chair of [\w\s]{0,30}|reviewer|scrutineer|"
    r"endorsed|signed|foreword)\b(?:\s+by)?\s*[:,]?\s*$",
    regex.IGNORECASE,
)
#: Every ``AUTHOR_BEFORE`` or ``AUTHOR_AFTER`` match holds one of these words; searched in the
#: case-folded text, a plain alternation is far quicker than the search itself.
AUTHOR_WORD_LIST = ("author", "written", "chair", "reviewer", "scrutineer", "endorsed", "signed",
                    "foreword")
AUTHOR_WORDS = compile_pattern("|".join(AUTHOR_WORD_LIST))
#: Every ``AUTHOR_LINE`` match holds one of these words, as folded runs hold it.
CREDIT_WORD_LIST = ("author", "reviewer", "chair", "scrutineer", "written", "prepared")
AUTHOR_AFTER = compile_pattern(
    r"^\s*,\s*(?:the\s+)?(?:independent|lead|overview|report)?\s*"
    r"(?:chair|reviewer|author|scrutineer)\b",
    regex.IGNORECASE,
)
_NAME_LIST = (
    r"[\"“'‘]?(?P<name>\p{Lu}[\p{L}'’-]+)[\"”'’]?"
    r"(?:\s*(?:,|and|,\s*and)\s*[\"“'‘]?(?P<name>\p{Lu}[\p{L}'’-]+)[\"”'’]?)*"
)
DECLARATION = compile_pattern(
    r"\b(?P<verb>referred\s+to|known|called|named|described)"
    r"(?:\s+(?:in|throughout)\s+(?:this|the)\s+(?:report|review))?\s+(?:as\s+)?" + _NAME_LIST
)
#: Every ``DECLARATION`` starts with one of these, as written.
DECLARING_VERBS = ("referred", "known", "called", "named", "described")
DECLARING_SENTENCE = compile_pattern(
    r"\b(?:in\s+(?:this|the)\s+(?:report|review)|pseudonyms?|not\s+(?:his|her|their)\s+real|"
    r"names?\s+(?:has|have)\s+been\s+changed|will\s+be\s+(?:known|called|referred))\b",
    regex.IGNORECASE,
)
#: A sentence that gives people other names: every capitalised word in it is
#: a declared pseudonym ("the children have been given different names: Amber
#: and Kai", "The name Ellie is a pseudonym", "pseudonyms chosen by the family").
#: Each match holds "name" or "pseudonym", so the lowered text holds "name" or
#: "eudonym": ``str.lower`` folds every letter of these as the case-insensitive
#: search does (only an "i" or "s" may be written otherwise, see ``fold_case``).
PSEUDONYM_SENTENCE = compile_pattern(
    r"\b(?:pseudonyms?|given\s+(?:different|other|new)\s+names|names?\s+(?:has|have)\s+been"
    r"\s+changed|not\s+(?:his|her|their)\s+real\s+names?)\b",
    regex.IGNORECASE,
)
CAPITALISED = compile_pattern(r"(?<![\p{L}'’-])\p{Lu}[\p{Ll}'’-]+")
PSEUDONYM_AFTER = compile_pattern(r"(\p{Lu}[\p{L}'’-]+)\s*\((?:a\s+)?pseudonym\)")
#: A number after a word makes a pseudonym code ("Male 1", "Foster Carer 2").
CODE_AFTER = compile_pattern(r"\s+\d{1,3}(?![\p{L}\p{N}])")
#: A surname no list knows, as "Savannah Marwick" has: one capital, then
#: at least three lower-case letters (not "Term", "Day" or "NHS").
UNKNOWN_SURNAME = compile_pattern(r"\p{Lu}\p{Ll}{3,}(?:[-'’]\p{Lu}\p{Ll}+)?")
#: A year just after a word: "in Autumn 2022", "Summer 2019" name a time, not a person.
YEAR_AFTER = compile_pattern(r"\s+(?:19|20)\d\d(?![\p{L}\p{N}])")
#: Matched at a word: whether it starts a sentence.  A look-behind reads back
#: only over the spaces, mark or number before the word, where a search to
#: the word from the text's start read the whole text before it, at every word.
SENTENCE_START = compile_pattern(r"(?<=^\n?|[.!?:;\"“(]\s*|^\s*[\d.]+\s+)")
LOWER_WORD = compile_pattern(r"(?<![\p{L}])\p{Ll}[\p{L}'’-]*")
#: ``LOWER_WORD`` for a text whose letters are all ASCII: the standard engine,
#: started at each lower-case letter rather than at every character, finds
#: the same words for under half the instructions.
_ASCII_LOWER_WORD = re.compile(r"[a-z](?<![A-Za-z].)[A-Za-z'’-]*")
#: A character outside ASCII, which may be a letter; a letter, as ``LOWER_WORD`` reads one.
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_LETTER = compile_pattern(r"\p{L}")
_LETTER_OR_NUMBER = compile_pattern(r"[\p{L}\p{N}]")
#: E-mail addresses and links: their lower-case words are names, not vocabulary.
ADDRESS_LIKE = compile_pattern(r"\S*[@/]\S*|\S+\.\S*\w")
FULL_STOP = compile_pattern(r"\. ")
NEWLINE = compile_pattern(r"\n")
#: What marks a run of non-space characters as one that may hold an
#: ADDRESS_LIKE match: an "@", a "/" or a "." that does not end it (a full
#: stop ending a sentence marks no run).  Only such runs are searched, the
#: pattern being tried at every character of the text otherwise (a third of
#: the time of gathering the document's names).  Matched from its first
#: mark to the run's end, so a run of many marks ("21.10.21") is one match.
#: Then the last space before a place.
_MARK = compile_pattern(r"(?:[@/]|\.(?=\S))\S*")
_LAST_SPACE = compile_pattern(r"\s", regex.REVERSE)


class DocumentNames(Record):
    """What the whole report says about names, gathered once per file.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    Each set left out is a new empty one.
    """

    __match_args__ = ("declared", "lower_words", "allowed", "public", "reported")
    declared: set[str]
    lower_words: set[str]
    allowed: set[str]
    #: Every word of the names already public (``public_names``): a name made
    #: only of them, in any order or spelling with or without hyphens, is allowed.
    public: set[str]
    #: First names already reported, so each is queried once.
    reported: set[str]

    def __init__(self, declared: set[str] | None = None, lower_words: set[str] | None = None,
                 allowed: set[str] | None = None, public: set[str] | None = None,
                 reported: set[str] | None = None) -> None:
        self.declared = set() if declared is None else declared
        self.lower_words = set() if lower_words is None else lower_words
        self.allowed = set() if allowed is None else allowed
        self.public = set() if public is None else public
        self.reported = set() if reported is None else reported

    @classmethod
    def gather(cls, texts: list[str], allowed: set[str],
               public: Iterable[str] = ()) -> DocumentNames:
        state = cls(allowed=set(allowed),
                    public={part for name in public for part in regex.split(r"[\s-]+", name)
                            if part})
        for text in texts:
            state.lower_words.update(_lower_words(text))
            stops: Stops | None = None
            declaring: Spans | None = None
            declares = any(verb in text for verb in DECLARING_VERBS)
            for m in DECLARATION.finditer(text) if declares else ():
                if m["verb"].startswith("referred"):
                    state.declared.update(m.captures("name"))
                    continue
                stops = stops or Stops(text, FULL_STOP)
                declaring = declaring or matches(DECLARING_SENTENCE, text)
                if declaring.holds(*_sentence(stops, m.start(), m.end())):
                    state.declared.update(m.captures("name"))
            if "pseudonym" in text:
                state.declared.update(PSEUDONYM_AFTER.findall(text))
            lowered = text.lower()
            renames = "name" in lowered or "eudonym" in lowered
            seen: set[tuple[int, int]] = set()
            for m in PSEUDONYM_SENTENCE.finditer(text) if renames else ():
                stops = stops or Stops(text, FULL_STOP)
                left, right = _sentence(stops, m.start(), m.end())
                if (left, right) in seen:
                    continue  # a sentence naming pseudonyms twice is read once
                seen.add((left, right))
                state.declared.update(w.removesuffix("'s").removesuffix("’s")
                                      for w in CAPITALISED.findall(text, left, right))
        return state

    def accepts(self, words: list[str]) -> bool:
        """True if the name is declared, allowed or public, as a whole or word by word."""
        joined = " ".join(words)
        if joined in self.allowed or joined in self.declared:
            return True
        if self.public and all(part in self.public for word in words
                               for part in word.split("-")):
            return True
        return len(words) == 1 and words[0] in self.allowed


def _lower_words(text: str) -> list[str]:
    """``LOWER_WORD.findall(_without_addresses(text))``, the text's lower-case
    words outside e-mail addresses and links.

    A text with no lower-case word has none outside them either, and is not
    read for them (a paragraph of dotted dates is a marked run at every
    date): a blank replaces a run's characters up to its last letter or
    digit, or to its end, so no letter follows one and no word starts at a
    blank that did not start there before.  Whether one starts anywhere is
    asked, as ``lower_words`` asks for them all, of the standard engine
    where every letter is ASCII (a paragraph of capitalised words holds
    none, and the ``regex`` engine read all of it to say so).
    """
    first = (_ASCII_LOWER_WORD if _only_ascii(text, _LETTER) else LOWER_WORD).search(text)
    if first is None:
        return []
    return lower_words(_without_addresses(text))


def lower_words(text: str) -> list[str]:
    """``LOWER_WORD.findall(text)``: the words that start with a lower-case letter.

    Gathered from every paragraph of a report, at a regex engine's cost per
    character; where every letter of the text is ASCII (a character outside
    it that is no letter, such as a curly quote, changes nothing) the
    standard engine finds them.
    """
    if _only_ascii(text, _LETTER):
        return _ASCII_LOWER_WORD.findall(text)
    return LOWER_WORD.findall(text)  # type: ignore[no-any-return]


def _only_ascii(text: str, kind: regex.Pattern[str]) -> bool:
    """Whether every character of ``text`` that ``kind`` matches (a letter) is ASCII."""
    return text.isascii() or kind.search("".join(_NOT_ASCII.findall(text))) is None


def _without_addresses(text: str) -> str:
    """``ADDRESS_LIKE.sub(" ", text)``: no match spans a space, so each marked run alone.

    The first mark of each run (``_MARK``) is found by a plain scan, with
    the rest of the run, and the run's start by looking back from it: a
    pattern for the marked runs themselves was tried at the start of every
    word.
    """
    out: list[str] = []
    done = 0
    for mark in _MARK.finditer(text):
        space = _LAST_SPACE.search(text, done, mark.start())
        start = space.end() if space is not None else done
        end = mark.end()
        out += (text[done:start], ADDRESS_LIKE.sub(" ", text[start:end]))
        done = end
    return "".join(out) + text[done:] if out else text


def _sentence(stops: Stops, start: int, end: int) -> tuple[int, int]:
    """Where the sentence around ``start:end`` starts and ends: from after the
    last ". " before it to the next one."""
    return stops.before(start) + 1, stops.after(end)


class _AuthorLines:
    """Whether the line a name is on credits the review's authors, each line read once.

    ``AUTHOR_LINE`` can only match at a line's start (``^`` with no newline
    between), so a name's line is matched from its start, never searched.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        #: A line's start -> where the credit that starts it ends, or -1.
        self.credit_ends: dict[int, int] = {}

    @cached_property
    def newlines(self) -> Stops:
        """Where the lines break: found once a name is judged, which most paragraphs never reach."""
        return Stops(self.text, NEWLINE)

    @cached_property
    def mentioned(self) -> bool:
        """Whether the text holds a word ``AUTHOR_BEFORE`` or ``AUTHOR_AFTER`` needs at
        all (in its folded runs)."""
        runs = run_text(self.text)
        return any(word in runs for word in AUTHOR_WORD_LIST)

    @cached_property
    def may_credit(self) -> bool:
        """Whether the text holds a word every ``AUTHOR_LINE`` match needs (in its
        folded runs): a list of a thousand names is not looked up line by line."""
        runs = run_text(self.text)
        return any(word in runs for word in CREDIT_WORD_LIST)

    def credits(self, start: int) -> bool:
        """``AUTHOR_LINE.search(text, line_start, start)`` for the line ``start`` is on."""
        if not self.may_credit:
            return False
        line = self.newlines.before(start, width=1) + 1
        end = self.credit_ends.get(line)
        if end is None:
            found = AUTHOR_LINE.match(self.text, line, self.newlines.after(start))
            end = self.credit_ends[line] = found.end() if found else -1
        if end < 0:
            return False  # no credit in the whole line, so none before the name
        # A match cut short at the name may end sooner than the whole line's.
        return end <= start or AUTHOR_LINE.match(self.text, line, start) is not None


#: A capitalised word: where it starts and ends, as written, and without a
#: possessive "'s" (asked often, so worked out once).  A tuple: one is made
#: for each capitalised word, and a class with slots cost five times as much.
Token = tuple[int, int, str, str]
START: Final = 0
END: Final = 1
WORD: Final = 2
BARE: Final = 3


#: A paragraph longer than this repays compiling ``_ascii_token`` (half a
#: millisecond, kept by no cache between runs): most paragraphs are shorter.
LONG = 2_000


@cache
def _ascii_token() -> re.Pattern[str]:
    """``TOKEN`` for a text whose letters and numbers are all ASCII, started at
    each capital: the standard engine finds the same words in half the time.
    Compiled when first needed, as no cache keeps it between runs: a process
    that checks no text (a run's parent) never compiles it."""
    return re.compile(r"[A-Z](?<![A-Za-z0-9'’@./_-].)[A-Za-z]*(?:['’-][A-Za-z]+)*")


def _runs(text: str, particles: frozenset[str] = frozenset(), blocked: Spans | None = None,
          opens: Callable[[str, str], bool] | None = None
          ) -> Iterator[tuple[list[Token], list[int]]]:
    """Capitalised words, grouped where only spaces, or a name particle, separate them,
    each run with the places in it of the words a name may start at.

    A word that starts inside one of the ``blocked`` spans (a phrase that is
    never a name) is left out of its run, though it still joins the words
    either side into one.  Each run is given as soon as the next word does
    not join it, so only one run's words are held at a time.  In a long
    paragraph whose every letter and number is ASCII the standard engine
    finds the words, for half the time of ``TOKEN``.

    ``opens(bare, word)`` says whether a name may start at a word (without
    and with its possessive), asked once for each word written (every word
    if not given): the caller then looks only at those, where a paragraph of
    capitalised words holds a hundred thousand others.
    """
    # A word as written -> it without its possessive, and whether a name may start at it.
    kinds: dict[str, tuple[str, bool]] = {}
    starts, ends = (blocked.starts, blocked.ends) if blocked is not None else ([], [])
    spans = len(starts)
    # The first blocked span not ending before the word (words come in text
    # order), and where it starts: no word before that is in one.
    ahead = 0
    blocked_from = starts[0] if spans else len(text)
    run: list[Token] = []
    openers: list[int] = []
    last = 0
    tokens = (_ascii_token() if len(text) > LONG and _only_ascii(text, _LETTER_OR_NUMBER)
              else TOKEN)
    for m in tokens.finditer(text):
        start, end = m.span()
        if not last or not ((gap := text[last:start]).isspace() or (
                len(gap) < 9 and gap[:1].isspace() and gap.strip() in particles)):
            if run:
                yield run, openers
            run = []
            openers = []
        last = end
        if start >= blocked_from:
            while ahead < spans and ends[ahead] <= start:
                ahead += 1
            blocked_from = starts[ahead] if ahead < spans else len(text)
            if blocked_from <= start:
                continue
        word = m[0]
        kind = kinds.get(word)
        if kind is None:
            bare = word[:-2] if word.endswith(POSSESSIVE) else word
            kind = kinds[word] = (bare, opens is None or opens(bare, word))
        if kind[1]:
            openers.append(len(run))
        run.append((start, end, word, kind[0]))
    if run:
        yield run, openers


class _Around:
    """Whether a paragraph holds a word an office before a name ends with, an
    office after one starts with, and the same for a role.  A plain class: a
    named tuple's class is made by running generated code at every start-up.

    :meth:`cut` says whether the window before a name may hold an office's
    or a role's last word at all, when the paragraph holds none whole: only
    if the end of one of its words is one (a word cut by the window's edge,
    as the end of "grandmother" is "mother").  Worked out at the first name
    judged: a list of a thousand names asked the window's edge at each.
    """

    __slots__ = ("_cuts", "_paragraph", "office_after", "office_before", "role_after",
                 "role_before")

    def __init__(self, office_before: bool, office_after: bool, role_before: bool,
                 role_after: bool, paragraph: frozenset[str]) -> None:
        self.office_before = office_before
        self.office_after = office_after
        self.role_before = role_before
        self.role_after = role_after
        self._paragraph = paragraph
        self._cuts: dict[frozenset[str], bool] = {}

    def cut(self, ends: frozenset[str]) -> bool:
        """Whether the end of a word of the paragraph is one of ``ends``."""
        found = self._cuts.get(ends)
        if found is None:
            sizes = {len(end) for end in ends}
            found = self._cuts[ends] = any(
                word[-size:] in ends for word in self._paragraph for size in sizes
                if size < len(word))
        return found


class NameFinder:
    """Finds names in one report's blocks; build one per file."""

    def __init__(self, lexicon: Lexicon, document: DocumentNames) -> None:
        self.lexicon = lexicon
        self.doc = document
        #: Title -> True for a professional one ("Dr", "PC"), False for "Mrs".
        self.titles = {t: kind == "professional" for t, kind in lexicon.titles.items()}
        #: Word -> its entry in the lists and whether it could be part of a name:
        #: asked of every capitalised word, and a report repeats its words.
        self._known: dict[str, tuple[Name | None, bool]] = {}
        #: Word -> whether, after a word, it makes that a role or code ("Pupil B").
        self._describing: dict[str, bool] = {}
        #: Word -> whether the lists hold it as a name at all (``_listed``).
        self._listed_words: dict[str, bool] = {}

    # The role patterns take 13 ms to compile and are needed only once a
    # candidate name is found, which many reports never reach.

    @cached_property
    def role_before(self) -> regex.Pattern[str]:
        titles = "|".join(sorted(self.titles))
        return compile_pattern(ROLE_BEFORE.format(roles=self.lexicon.role_source, title=titles),
                             regex.IGNORECASE)

    @cached_property
    def role_after(self) -> regex.Pattern[str]:
        return compile_pattern(ROLE_AFTER.format(roles=self.lexicon.role_source),
                             regex.IGNORECASE)

    @cached_property
    def public_office(self) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
        """An office just before a name ("the Minister of State, "), or in brackets after."""
        offices = alternation_source(list(self.lexicon.public_offices))
        return (compile_pattern(rf"\b(?:{offices})(?:\s+for\s+[\p{{L}}\s'’]{{1,40}}?)?\s*,?\s*$"),
                compile_pattern(rf"^\s*(?:,\s*(?:the\s+)?|\()(?:{offices})\b|^\s+MP\b"))

    # The searches before a name must end at it, but the engine tries them at
    # every character of the sixty before: they are made only where one of
    # their list's last words is among the words there.

    @cached_property
    def role_ends(self) -> frozenset[str]:
        return last_words(self.lexicon.roles.phrases)

    @cached_property
    def office_ends(self) -> frozenset[str]:
        return last_words(self.lexicon.public_offices)

    # The searches after a name must start at it: one of their list's first
    # words must be a word of the paragraph (a list of names holds none).

    @cached_property
    def role_starts(self) -> frozenset[str]:
        return first_words(self.lexicon.roles.phrases)

    @cached_property
    def office_starts(self) -> frozenset[str]:
        return first_words(self.lexicon.public_offices) | {"mp"}

    @cached_property
    def role_cue(self) -> regex.Pattern[str]:
        return compile_pattern(ROLE_CUE.format(roles=self.lexicon.role_source),
                             regex.IGNORECASE)

    # -- what a word is --------------------------------------------------

    def _word(self, word: str) -> tuple[Name | None, bool]:
        """``(self.lexicon.name(word), self._plain_word(word))``, each word worked out once."""
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = (self.lexicon.name(word), self._plain_word(word))
        return known

    def _opens(self, bare: str, word: str) -> bool:
        """Whether a name may start at a word: a title, or a word a name is made of."""
        return self._word(bare)[1] or word in self.titles

    def _listed(self, word: str) -> bool:
        """``word in self.lexicon.names``, each word looked up once: asked of the
        word after every title, and a paragraph of capitalised words holds
        thousands of titles."""
        listed = self._listed_words.get(word)
        if listed is None:
            listed = self._listed_words[word] = word in self.lexicon.names
        return listed

    def _plain(self, token: Token) -> bool:
        """A capitalised word that could be part of a name at all."""
        return self._word(token[BARE])[1]

    def _plain_word(self, word: str) -> bool:
        return (
            len(word) > 1
            and not word.isupper()
            and word not in self.lexicon.not_names
            and word.lower() not in self.doc.lower_words
        )

    def _first(self, token: Token, text: str) -> bool:
        entry, plain = self._word(token[BARE])
        if entry is None or not entry.first or not plain:
            return False
        if not entry.ambiguous:
            return True
        # A word after a space after a letter, as most in a sentence are, starts
        # none (none of the marks, spaces or digits SENTENCE_START reads back
        # over is a letter): told without the engine, as a paragraph of
        # capitalised words asks it at every first name.
        start = token[START]
        return (start > 1 and text[start - 1] == " " and text[start - 2].isalpha()) \
            or not SENTENCE_START.match(text, start)

    def _first_with_surname(self, token: Token, nxt: Token | None, last: bool,
                            text: str) -> bool:
        """"Dean Walsh's flat": a first name that is also a word, at a sentence's
        start, is a name when a word that is only ever a surname follows.

        So is "Savannah Marwick visited": a surname no list knows, ending the
        run of capitalised words (not "Summer Term Dates"), shaped like a
        surname and not a word the report uses in lower case ("Grace Period"
        where the report speaks of a grace period) nor a code or a year
        ("Summer Term 2019").
        """
        if nxt is None:
            return False
        entry, plain = self._word(token[BARE])
        if entry is None or not entry.first or not plain:
            return False
        after, plain = self._word(nxt[BARE])
        if not plain:
            return False
        if after is None:
            return (last and not self._listed(nxt[BARE])
                    and UNKNOWN_SURNAME.fullmatch(nxt[BARE]) is not None
                    and CODE_AFTER.match(text, nxt[END]) is None
                    and YEAR_AFTER.match(text, nxt[END]) is None)
        return after.surname and not after.first and not after.ambiguous

    def _surname(self, token: Token, first: Token) -> bool:
        entry, plain = self._word(token[BARE])
        if not plain:
            return False
        if entry is None:
            return not self._listed(token[BARE])
        first_entry = self._word(first[BARE])[0]
        return not (entry.ambiguous and first_entry is not None and first_entry.ambiguous)

    # -- finding names ---------------------------------------------------

    def find(self, text: str, words: frozenset[str] | None = None) -> Iterator[Hit]:
        """Names in ``text``; ``words`` are its word runs if the caller has them."""
        words = word_runs(text) if words is None else words
        blocked = Spans([m.span() for m in self.lexicon.not_people.findall(text)])
        author_lines = _AuthorLines(text)
        cues = not cue_words(self.lexicon).isdisjoint(words)
        # Whether an office or a role can come before or after a name at all:
        # asked once a paragraph, not once a name (a paragraph of names holds
        # a thousand).
        around = _Around(not self.office_ends.isdisjoint(words),
                         not self.office_starts.isdisjoint(words),
                         not self.role_ends.isdisjoint(words),
                         not self.role_starts.isdisjoint(words), words)
        known_words = self._known  # where ``_opens`` has put every word a name starts at
        for run, openers in _runs(text, self.lexicon.name_particles, blocked, self._opens):
            resume = 0  # the first word after the last name found
            for i in openers:
                if i < resume:
                    continue
                known = known_words[run[i][BARE]]
                span = self._name_at(run, i, text, words, cues, known)
                if span is None:
                    continue
                end, kind = span
                hit = self._judge(run[i : end + 1], kind, text, author_lines, words, around)
                if hit is not None:
                    yield hit
                resume = end + 1

    def _name_at(self, run: list[Token], i: int, text: str, words: frozenset[str],
                 cues: bool, known: tuple[Name | None, bool]) -> tuple[int, str] | None:
        """Where a name starting at ``run[i]`` ends, and how it was recognised.

        ``cues`` is False if the paragraph (whose runs are ``words``) holds no
        cue's last word: then no word has a cue before it.  ``known`` is what
        the word is (:meth:`_word`), which the caller has asked.
        """
        token = run[i]
        nxt = run[i + 1] if i + 1 < len(run) else None
        professional = self.titles.get(token[WORD])
        if professional is not None:
            if nxt is None or self.titles.get(nxt[WORD]) or (
                    not self._plain(nxt) and not self._listed(nxt[BARE])):
                return None
            end = i + 1
            if end + 1 < len(run) and self._surname(run[end + 1], run[end]):
                end += 1
            return end, "professional-title" if professional else "title"
        entry, plain = known
        # Each of the two tests asks first whether the word is a first name
        # that could be part of a name: most capitalised words are not.
        if entry is not None and entry.first and plain and (
                self._first(token, text)
                or self._first_with_surname(token, nxt, i + 2 == len(run), text)):
            end = i
            while end + 1 < len(run) and end - i < 2 and self._surname(run[end + 1], token):
                end += 1
            if end > i:
                return end, "full"
            if len(run) == 1 and not YEAR_AFTER.match(text, token[END]):
                return i, "first"
            return None
        if not plain or self._describes(nxt, text, token):
            return None
        cue = cue_before(text, token[START], self.lexicon) if cues else None
        if cue is None and len(run) == 1 and self._beside_name(text, token):
            cue = "and"
        if cue is None and (nxt is None or self._plain(nxt)) and (
                (text[max(0, token[START] - 3) : token[START]].rstrip().endswith(",")
                 and Window(text, token[START], 60, words).may_hold(self.role_ends)
                 and self.role_cue.search(text, max(0, token[START] - 60), token[START]))
                or (len(run) == i + 2 and self._plain(run[i + 1])
                    and not self.role_starts.isdisjoint(words)
                    and self.role_after.search(text[run[i + 1][END] : run[i + 1][END] + 40]))):
            cue = "role"
        if cue is None:
            return None
        if cue != "surname" and nxt is not None and self._plain(nxt):
            return i + 1, "full"
        if cue == "surname" or (entry is not None and not entry.first):
            return i, "surname"
        return i, "first"

    def _describes(self, nxt: Token | None, text: str, token: Token) -> bool:
        """A role or code, not a name: "Older Brother", "Pupil B", "Male 1"."""
        if nxt is None:
            return CODE_AFTER.match(text, token[END]) is not None
        known = self._describing.get(nxt[BARE])
        if known is None:
            known = self._describing[nxt[BARE]] = (
                len(nxt[BARE]) == 1 or nxt[BARE].lower() in self.lexicon.name_cues
                or self.lexicon.roles.holds_word(nxt[BARE]))
        return known

    def _beside_name(self, text: str, token: Token) -> bool:
        """"X and Y" where the other is a first name or a declared pseudonym."""
        for word in partners(text, token[START], token[END]):
            entry, plain = self._word(word)
            if word in self.doc.declared or (entry is not None and entry.first and plain):
                return True
        return False

    def _judge(self, tokens: list[Token], kind: str, text: str, author_lines: _AuthorLines,
               paragraph: frozenset[str], around: _Around) -> Hit | None:
        start, end = tokens[0][START], tokens[-1][END]
        words = [t[BARE] for t in tokens]
        if kind.endswith("title"):
            words = words[1:]
        if self.doc.accepts(words):
            return None
        before = text[max(0, start - 60) : start]
        after = text[end : end + 40]
        if author_lines.mentioned and (
                (AUTHOR_WORDS.search(fold_case(before)) and AUTHOR_BEFORE.search(before))
                or AUTHOR_AFTER.search(after)):
            return None
        if author_lines.credits(start):
            return None
        office_before, office_after = self.public_office
        window = Window(text, start, 60, paragraph)
        # The window is looked at only if the paragraph holds a word an office
        # or a role ends with, whole or as the end of a word.
        if ((around.office_before or around.cut(self.office_ends))
                and window.may_hold(self.office_ends, around.office_before)
                and office_before.search(before)) \
                or (around.office_after and office_after.search(after)):
            return None
        if kind == "first" and words[0] in self.lexicon.areas:
            return None
        secret = text[start:end]
        if kind == "professional-title" or (
                (around.role_before or around.cut(self.role_ends))
                and window.may_hold(self.role_ends, around.role_before)
                and self.role_before.search(before)) \
                or (around.role_after and self.role_after.search(after)):
            return Hit(rules.NAMED_PROFESSIONAL, start, end, secret, "named professional",
                       "refer to them by role ('the health visitor', 'Social Worker 1')")
        if kind == "first":
            if words[0] in self.doc.reported:
                return None
            self.doc.reported.add(words[0])
            return Hit(rules.UNDECLARED_FIRST_NAME, start, end, secret,
                       "first name not declared a pseudonym",
                       "confirm it is a pseudonym and say so where it is first used, "
                       "or refer to them as Child A")
        return Hit(rules.PERSONAL_NAME, start, end, secret, "personal name",
                   "use a pseudonym or their role ('Child A', 'Mother', 'Adult B')")
