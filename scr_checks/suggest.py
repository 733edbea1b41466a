"""The "did you mean" of an error about a name that matches nothing."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(given: str, known: Iterable[str]) -> str:
    """``"; did you mean 'X'?"`` for the known name nearest ``given``, or ``""``.

    Rule ids are also matched as prefixes, so ``scr7`` suggests ``SCR7``.
    """
    import difflib  # only when a name is wrong: not part of every run's start-up

    names = list(known)
    upper = given.upper()
    if upper != given and any(name.startswith(upper) for name in names):
        return f"; did you mean {upper!r}?"
    close = difflib.get_close_matches(given, names, n=1, cutoff=0.6) or \
        difflib.get_close_matches(upper, names, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""
