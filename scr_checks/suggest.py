"""The "did you mean" of an error about a name that matches nothing."""

from __future__ import annotations

from collections.abc import Iterable

#: Letters typed for the digits they look like, in the number part of a rule id.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def did_you_mean(given: str, known: Iterable[str]) -> str:
    """``"; did you mean 'X'?"`` for the known name nearest ``given``, or ``""``.

    Rule ids are also matched as prefixes, so ``scr7`` suggests ``SCR7``, and
    a letter typed for a digit is read as it (``SCR2O1`` suggests ``SCR201``).
    Where several names are equally near, one is not picked: a guess between
    them would mislead more than it helps.  Those that begin most as ``given``
    does, beyond a rule id's letters (``SCR799``: the tone rules ``SCR70...``),
    are named, or, past five, what they begin with.
    """
    import difflib  # only when a name is wrong: not part of every run's start-up

    names = list(known)
    upper = given.upper()
    for candidate in (upper, upper[:3] + upper[3:].translate(_DIGIT_LOOKALIKES)):
        if candidate != given and any(name.startswith(candidate) for name in names):
            return f"; did you mean {candidate!r}?"
    for text in (given, upper):
        scored = sorted(((difflib.SequenceMatcher(None, text, name).ratio(), name)
                         for name in names), reverse=True)
        if scored and scored[0][0] >= 0.6:
            tied = sorted(name for score, name in scored if score == scored[0][0])
            if len(tied) > 1:
                return _family(text, tied)
            return f"; did you mean {scored[0][1]!r}?"
    return ""


def _family(given: str, tied: list[str]) -> str:
    """Those of the names equally near ``given`` that share most of its start,
    when that is more than a rule id's three letters."""
    shared = {name: len(_start(given, name)) for name in tied}
    longest = max(shared.values())
    family = [name for name in tied if shared[name] == longest]
    if longest <= 3:
        return ""
    if len(family) == 1:
        return f"; did you mean {family[0]!r}?"
    if len(family) <= 5:
        return f"; did you mean one of {', '.join(repr(name) for name in family)}?"
    return f"; did you mean a rule starting {_start(*family)!r}?"


def _start(*names: str) -> str:
    """The letters every one of ``names`` begins with."""
    first, last = min(names), max(names)
    pairs = enumerate(zip(first, last, strict=False))
    length = next((i for i, (a, b) in pairs if a != b), len(first))
    return first[:length]
