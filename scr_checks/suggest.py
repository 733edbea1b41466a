"""The "did you mean" of an error about a name that matches nothing."""

from __future__ import annotations

from collections.abc import Iterable

#: Letters typed for the digits they look like, in the number part of a rule id.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def did_you_mean(given: str, known: Iterable[str]) -> str:
    """``"; did you mean 'X'?"`` for the known name nearest ``given``, or ``""``.

    Rule ids are also matched as prefixes, so ``scr7`` suggests ``SCR7``, and
    a letter typed for a digit is read as it (``SCR2O1`` suggests ``SCR201``).
    Where several names are equally near, none is suggested: a guess between
    them would mislead more than it helps.
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
            if len(scored) > 1 and scored[1][0] == scored[0][0]:
                return ""
            return f"; did you mean {scored[0][1]!r}?"
    return ""
