"""Does a finding explain practice, or only describe it? (question 4)

Evidence of explanation, each kind a word list in ``data/``:

* causal connectives ("because", "as a result of", "which meant that",
  ``connectives.tsv``) and systemic statements ("not peculiar to this case",
  "across the partnership", "short-staffed", ``systemic.tsv``) count wherever
  they appear;
* a systemic noun (protocol, guidance, tool, form, supervision, workload …,
  ``systemic_nouns.tsv``) counts only when the finding says something about
  it: it is the subject of a verb ("the protocol did not cover …",
  "supervision gives little room …", ``predicates.tsv``) or it is described
  as missing, absent or inadequate ("there was no guidance", "an outdated
  protocol", "high caseloads", ``deficiencies.tsv``).  Named as what was or
  was not done ("did not follow the protocol", "failed to use the tool",
  "the guidance was not applied", ``omissions.tsv``) it is description;
* in the SCIE Learning Together format the sub-headings are questions and
  their words do not count; an answer to "How widespread is it?" or "How do
  we know it is not peculiar to this case?" does, unless it says the answer
  is not known (``scie.tsv``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cache

import regex

from scr_checks import FrozenRecord, WordEntry, WordList, WordMatch, compile_pattern, shipped_file

#: Where a clause ends: a stop, semicolon, colon, question mark, or a block break
#: (a stop followed by a digit is a paragraph number, "5.1").
_BOUNDARY = compile_pattern(r"[.;:!?\n](?!\d)")
#: Between a systemic noun and the verb it is the subject of: a bracketed
#: reference, a relative pronoun, or a short phrase ("used by the service",
#: "by telephone"), then adverbs.
_SUBJECT_GAP = compile_pattern(
    r"(?:\s*\([^)]*\))?"
    r"(?:\s*,?\s+(?:which|that)"
    r"|\s+(?:[\w'’-]+\s+)?(?:by|for|of|on|in|at|from|about|with|between|to|within|under)"
    r"(?:\s+[\w'’()-]+){1,6}?,?)?"
    r"(?:\s+(?:not|never|also|only|still|often|always|rarely|then|therefore|now|however|too)\b,?)*"
    r"\s+",
    regex.IGNORECASE,
)
#: Between an auxiliary and a compliance verb: "was not", "had not been", "could not be".
_PASSIVE = compile_pattern(
    r"(?:\s+(?:not|never|always|often|rarely|consistently|properly|fully|then|therefore"
    r"|be|been|being)\b)*\s+",
    regex.IGNORECASE,
)
_BE = {"is", "was", "were", "are"}
_HAVE = {"has", "had", "have"}
_BEEN = compile_pattern(r"\bbeen\b", regex.IGNORECASE)
#: Between a cue ("no", "did not follow") and the noun it governs: up to four words.
_OBJECT_GAP = compile_pattern(r"\s+(?:[\w'’-]+\s+){0,4}")
_DETERMINER = compile_pattern(
    r"(?:\b(?:the|a|an|this|its|their|his|her|any)\s+(?:[\w'’-]+\s+){0,3})$",
    regex.IGNORECASE,
)
_WORD = compile_pattern(r"[\w'’-]+")
#: A run of text between white space: what one word of a word-list entry can span.
_TOKEN = compile_pattern(r"\S+")
#: A place a word-list match may start: not just after a letter, apostrophe or hyphen.
_MAY_START = compile_pattern(r"(?<![\w'’-])")
#: Entry syntax that could match more, or across more white space, than its written
#: words and spaces (a repeat, an escape such as \s, any character, a negated class).
_UNBOUNDED = frozenset("+*{\\.^")
#: How many words an answer to a SCIE generalisation question needs to count.
MIN_ANSWER_WORDS = 4


class Lexicon(FrozenRecord):
    """The word lists, compiled once; frozen, and equal when their lists are.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("connectives", "systemic", "nouns", "omissions", "deficiencies",
                      "predicates", "questions", "non_answers")
    connectives: WordList
    systemic: WordList
    nouns: WordList
    omissions: WordList
    deficiencies: WordList
    predicates: WordList
    questions: WordList
    non_answers: WordList

    def __init__(self, connectives: WordList, systemic: WordList, nouns: WordList,
                 omissions: WordList, deficiencies: WordList, predicates: WordList,
                 questions: WordList, non_answers: WordList) -> None:
        self.__dict__.update(connectives=connectives, systemic=systemic, nouns=nouns,
                             omissions=omissions, deficiencies=deficiencies,
                             predicates=predicates, questions=questions,
                             non_answers=non_answers)


class Verdict(FrozenRecord):
    """Whether a finding explains, and the tools it names only as not used; frozen.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("explained", "omitted")
    explained: bool
    #: Systemic nouns named only as what was (not) followed or used: "the bruising protocol".
    omitted: tuple[str, ...]

    def __init__(self, explained: bool, omitted: tuple[str, ...] = ()) -> None:
        self.__dict__.update(explained=explained, omitted=omitted)


def _load(name: str) -> WordList:
    return WordList.load(shipped_file(__package__, "data", f"{name}.tsv"))


@cache
def lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The shipped lists; ``extra`` patterns count as connectives."""
    scie = _load("scie")
    return Lexicon(
        connectives=_load("connectives").extend(WordEntry(p, "local") for p in extra),
        systemic=_load("systemic"),
        nouns=_load("systemic_nouns"),
        omissions=_load("omissions"),
        deficiencies=_load("deficiencies"),
        predicates=_load("predicates"),
        questions=WordList("scie", [e for e in scie.entries if e.category != "non-answer"]),
        non_answers=WordList("scie", [e for e in scie.entries if e.category == "non-answer"]),
    )


def judge(blocks: Iterable[str], lex: Lexicon) -> Verdict:
    """Whether the text of a finding (its blocks, in order) explains practice."""
    text = "\n".join(blocks)
    text, answered = _without_questions(text, lex)
    if answered:
        return Verdict(True)
    for words in (lex.connectives, lex.systemic):
        if any(True for _ in words.finditer(text)):
            return Verdict(True)
    omitted: list[str] = []
    clauses = _Clauses(text, lex)
    for noun in lex.nouns.finditer(text):
        role = _role(text, noun, lex, clauses)
        if role == "explains":
            return Verdict(True)
        if role == "omitted":
            phrase = _noun_phrase(text, noun)
            if phrase.lower() not in (o.lower() for o in omitted):
                omitted.append(phrase)
    return Verdict(False, tuple(omitted))


def _without_questions(text: str, lex: Lexicon) -> tuple[str, bool]:
    """The text with SCIE sub-headings blanked out, and whether a generalisation
    question has a real answer."""
    questions = list(lex.questions.finditer(text))
    if not questions:
        return text, False
    chars = list(text)
    for q in questions:
        chars[q.start:q.end] = "\n" * (q.end - q.start)
    for q, following in zip(questions, [*questions[1:], None], strict=True):
        if q.entry.category != "generalisation":
            continue
        answer = text[q.end:following.start if following else len(text)]
        if (len(_WORD.findall(answer)) >= MIN_ANSWER_WORDS
                and not any(True for _ in lex.non_answers.finditer(answer))):
            return text, True
    return "".join(chars), False


def _role(text: str, noun: WordMatch, lex: Lexicon, clauses: _Clauses) -> str | None:
    """``explains``, ``omitted`` or None for one mention of a systemic noun."""
    window = text[noun.end:noun.end + 120]
    for verb in lex.predicates.finditer(window):
        if not _SUBJECT_GAP.fullmatch(window, 0, verb.start):
            break
        if verb.entry.category == "auxiliary" and _is_passive_compliance(window, verb, lex):
            return "omitted"
        return "explains"
    # The cue nearest before the noun in its clause (a deficiency before an
    # omission ending at the same place), if at most four words lie between.
    start = clauses.start(noun.start)
    if start == noun.start:
        return None
    deficiency = clauses.last_end(lex.deficiencies, start, noun.start)
    omission = clauses.last_end(lex.omissions, start, noun.start)
    if deficiency is None and omission is None:
        return None
    if omission is None or (deficiency is not None and deficiency >= omission):
        end, role = deficiency, "explains"
    else:
        end, role = omission, "omitted"
    assert end is not None
    if end == noun.start or _OBJECT_GAP.fullmatch(text, end, noun.start):
        return role
    return None


class _Clauses:
    """A text's clauses, and the cues in each, found once for all the nouns in it.

    For each noun the cues that count are those a scan of its clause, up to
    the noun, would find.  Scanning that stretch afresh for every noun took
    time in the square of a long clause's length; here the clause is scanned
    once and only the last few words before each noun again: a word-list
    match, and any attempt at one, reads at most :func:`_reach` words, so
    the scan up to the noun and the scan of the whole clause agree on every
    match they find further back than that.
    """

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        #: Where each clause after the first starts (after its boundary).
        self.ends = [m.end() for m in _BOUNDARY.finditer(text)]
        self.tokens = [m.start() for m in _TOKEN.finditer(text)]
        #: (list, clause start) -> the starts and ends of its matches in the clause.
        self._found: dict[tuple[int, int], tuple[list[int], list[int]]] = {}

    def start(self, at: int) -> int:
        """Where the clause that holds position ``at`` starts."""
        if at and _BOUNDARY.match(self.text, at - 1, at):
            return at
        index = bisect_right(self.ends, at)
        return self.ends[index - 1] if index else 0

    def last_end(self, words: WordList, start: int, stop: int) -> int | None:
        """Where the last match of ``words`` in ``text[start:stop]`` ends (scanned
        from ``start``, as one string), or None."""
        reach = _reach(words)
        if reach is None:  # no bound on what one match reads: scan it all
            return _last_end(words, self.text[start:stop], start)
        starts, ends = self._matches(words, start)
        # Matches found by attempts this far back read nothing at or after ``stop``.
        index = bisect_left(self.tokens, stop)
        safe = max(start, self.tokens[max(0, index - reach - 2)] if index else start)
        found = bisect_left(starts, safe)
        earlier = ends[found - 1] if found else None
        resume = max(earlier or start, safe)
        if resume > start:
            after = _MAY_START.search(self.text, resume, stop)
            resume = after.start() if after else stop
        later = _last_end(words, self.text[resume:stop], resume)
        return later if later is not None else earlier

    def _matches(self, words: WordList, start: int) -> tuple[list[int], list[int]]:
        key = (id(words), start)
        if key not in self._found:
            index = bisect_right(self.ends, start)
            stop = self.ends[index] if index < len(self.ends) else len(self.text)
            matches = list(words.finditer(self.text[start:stop]))
            self._found[key] = ([start + m.start for m in matches],
                                [start + m.end for m in matches])
        return self._found[key]


def _last_end(words: WordList, text: str, offset: int) -> int | None:
    end = None
    for match in words.finditer(text):
        end = match.end
    return None if end is None else offset + end


@cache
def _reach(words: WordList) -> int | None:
    """How many runs of text between white space one match of ``words`` can
    read (with the character after it); None when no bound is known."""
    if words.allowed or any(_UNBOUNDED & set(e.pattern) for e in words.entries):
        return None
    return max((e.pattern.count(" ") + 1 for e in words.entries), default=1)


def _is_passive_compliance(window: str, verb: WordMatch, lex: Lexicon) -> bool:
    """Whether a passive compliance verb follows: "was not followed", "had not been
    applied".  "Did not apply to" is active, and "could not be followed" says
    something about the guidance."""
    gap = _PASSIVE.match(window, verb.end)
    if gap is None:
        return False
    aux = verb.text.lower().rstrip("n't’")
    if aux not in _BE and not (aux in _HAVE and _BEEN.search(gap.group())):
        return False
    first = next(lex.omissions.finditer(window[gap.end():]), None)
    return first is not None and first.start == 0


def _noun_phrase(text: str, noun: WordMatch) -> str:
    """The noun with its determiner and modifiers: "the bruising protocol"."""
    before = _DETERMINER.search(text, max(0, noun.start - 60), noun.start)
    start = before.start() if before else noun.start
    phrase = " ".join(text[start:noun.end].split())
    # Quoted mid-sentence in a message: "it names the bruising protocol", even
    # where the report starts a sentence with it.
    return phrase[0].lower() + phrase[1:] if before else phrase
