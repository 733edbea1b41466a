"""Errors the core raises: each renders as one line naming the culprit.

The CLI prints each of an error's :meth:`~ScrChecksError.problems` on a line
of its own, and never a traceback (that goes to ``-v``).
"""

from __future__ import annotations


class ScrChecksError(Exception):
    """Base of every error scr-checks reports to a user."""

    def problems(self) -> list[str]:
        """What to tell the user, a line each."""
        return [str(self)]


class UsageError(ScrChecksError):
    """The command line asked for something that cannot be done."""


class ConfigError(ScrChecksError):
    """A configuration file or value is wrong; the message names the key.

    A file with several wrong keys is one error holding every problem, so
    that they can all be fixed before the next run.
    """

    def __init__(self, *problems: str) -> None:
        super().__init__("; ".join(problems))
        self._problems = list(problems)

    def problems(self) -> list[str]:
        return list(self._problems)


class PluginLoadError(ScrChecksError):
    """A plugin could not be imported or registered."""


class RuleError(ScrChecksError):
    """A rule is malformed or its id is already taken."""


class ReaderError(ScrChecksError):
    """A report could not be read.  ``reason`` says why, in a user's words."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: cannot read: {reason}")
        self.path = path
        self.reason = reason
