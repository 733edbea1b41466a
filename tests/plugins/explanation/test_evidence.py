"""The role of a systemic noun is found in one pass over a clause, as before in many.

``_role`` once scanned a clause from its start for each noun in it: time in
the square of a long clause's length.  The reference below is that form; the
property test holds the new one to it on generated text, cue by cue.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scr_plugins.explanation import evidence
from scr_plugins.explanation.evidence import _Clauses, _reach, _role, lexicon

LEX = lexicon()


def reference_role(text, noun, lex):
    """The role as the quadratic form worked it out (the oracle)."""
    window = text[noun.end:noun.end + 120]
    for verb in lex.predicates.finditer(window):
        if not evidence._SUBJECT_GAP.fullmatch(window, 0, verb.start):
            break
        if verb.entry.category == "auxiliary" and evidence._is_passive_compliance(
                window, verb, lex):
            return "omitted"
        return "explains"
    start = max((m.end() for m in evidence._BOUNDARY.finditer(text, 0, noun.start)), default=0)
    left = text[start:noun.start]
    cues = [(m, "explains") for m in lex.deficiencies.finditer(left)]
    cues += [(m, "omitted") for m in lex.omissions.finditer(left)]
    for cue, role in sorted(cues, key=lambda c: c[0].end, reverse=True):
        if evidence._OBJECT_GAP.fullmatch(left, cue.end) or cue.end == len(left):
            return role
        break
    return None


#: Words the lists know (cues, nouns, verbs), words they do not, and near misses.
WORDS = [
    "no", "nor", "lack", "lacked", "of", "lack of", "absence", "without", "little", "high",
    "heavy", "out-of-date", "out of date", "outdated", "did", "not", "have", "had", "has",
    "been", "given", "received", "unable", "to", "find", "can", "could", "cannot", "hard",
    "use", "follow", "followed", "used", "applied", "adhere", "comply", "with", "refer",
    "carried", "out", "fill", "in", "met", "read", "ignored", "protocol", "protocols",
    "guidance", "tool", "form", "forms", "system", "it", "records", "case", "management",
    "supervision", "workload", "caseloads", "training", "was", "were", "is", "the", "a",
    "staff", "team", "which", "that", "by", "always", "there", "x", "5", "1.2", "no-one",
    "tool's", "it’s", "non", "-", "(see", "3)", "or", "and", "support", "staffing", "notes",
    # Whole phrases, which a random draw of words would seldom line up.
    "used the protocol", "no tool or form", "lack of it system support", "there was no",
    "high caseloads and staffing", "followed the guidance notes", "did not follow the",
    "had not been given", "the protocol was not followed", "it system",
]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\t", ", ", ". ", "; ", ": ", "? ", ".5 ", "-", "'"]


@st.composite
def texts(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
    gaps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words),
                         max_size=len(words)))
    return "".join(w + g for w, g in zip(words, gaps, strict=True)).strip()


#: The shipped lists, and lists whose cues run on into a noun ("used the
#: protocol", "no tool or form"): there the scan up to a noun and the scan of
#: the whole clause differ, and only the last few words are scanned again.
def _first(words, *patterns):
    """``words`` with ``patterns`` first, so that they win where a shipped entry
    would match a shorter stretch at the same place."""
    return evidence.WordList(words.name, [*(evidence.WordEntry(p) for p in patterns),
                                          *words.entries])


CROSSING = LEX.__class__(**{
    **LEX.__dict__,
    "deficiencies": _first(LEX.deficiencies, "no tool or form", "lack of it system support",
                           "high caseloads? (and|or) staffing"),
    "omissions": _first(LEX.omissions, "used the protocol",
                        "follow(ed)? (the )?guidance notes"),
})


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(), st.sampled_from([LEX, CROSSING]))
def test_each_nouns_role_is_as_the_clause_by_clause_scan_found_it(text, lex):
    clauses = _Clauses(text, lex)
    for noun in lex.nouns.finditer(text):
        assert _role(text, noun, lex, clauses) == reference_role(text, noun, lex), noun


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the protocol", "no guidance", "did not follow the",
                                 "high", "caseloads", "staff", "had not been given"]),
                max_size=200))
def test_a_long_clause_of_cues_and_nouns(parts):
    text = " ".join(parts)
    clauses = _Clauses(text, LEX)
    for noun in LEX.nouns.finditer(text):
        assert _role(text, noun, LEX, clauses) == reference_role(text, noun, LEX)


def test_the_shipped_cue_lists_have_a_bound_so_the_fast_form_is_used():
    assert _reach(LEX.deficiencies) is not None and _reach(LEX.omissions) is not None


def test_a_list_without_a_bound_is_scanned_whole_and_still_agrees():
    unbounded = LEX.__class__(**{**LEX.__dict__, "omissions": LEX.omissions.extend(
        [evidence.WordEntry(r"ignor\w+")])})
    assert _reach(unbounded.omissions) is None
    text = "staff ignored the protocol and ignoring guidance, the team ignores it systems"
    clauses = _Clauses(text, unbounded)
    for noun in unbounded.nouns.finditer(text):
        assert _role(text, noun, unbounded, clauses) == reference_role(text, noun, unbounded)


def test_records_behave_as_the_frozen_dataclasses_they_were(like_dataclass):
    lex = lexicon()
    lists = vars(lex)
    like_dataclass(evidence.Lexicon, lambda cls: cls(**lists),
                   lambda cls: cls(**{**lists, "nouns": lex.systemic}))
    like_dataclass(evidence.Verdict, lambda cls: cls(False, ("protocol",)),
                   lambda cls: cls(False))
    assert evidence.Verdict(True) == evidence.Verdict(explained=True, omitted=())
