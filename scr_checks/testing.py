"""Helpers for testing checkers, ours and local areas' alike.

``check_text`` runs the real pipeline (plugin loading, configuration
validation, reading, checking, masking) on a string, so a test sees exactly
what a user would.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from scr_checks.lifecycle import finish, run_session
from scr_checks.results import Finding, RunResult
from scr_checks.runner import Session


@contextmanager
def session(
    config: dict[str, Any] | None = None,
    plugins: Iterable[str] = (),
    blocked: Iterable[str] = (),
    autoload: bool = True,
    config_path: Path | None = None,
) -> Iterator[Session]:
    """A run's session configured from a dict, as if read from scr-checks.toml.

    Started and ended as the command line starts and ends one, hooks and all.
    """
    with run_session(config or {}, config_path, modules=plugins, blocked=blocked,
                     autoload=autoload) as started:
        yield started


def make_session(config: dict[str, Any] | None = None, **options: Any) -> Session:
    """A configured session to look at (its rules, readers, configuration).

    The run is ended at once (``scr_unconfigure``); use :func:`session` to
    check files in a run that ends when you are done.
    """
    with session(config, **options) as started:
        return started


def check_paths(paths: Iterable[str | Path], **options: Any) -> RunResult:
    """Check files or folders in a run of their own; options as for :func:`session`."""
    with session(**options) as started:
        result = started.run([str(p) for p in paths])
        finish(started, result)
        return result


def check_text(
    text: str | bytes, suffix: str = ".rst", name: str = "report", **options: Any
) -> RunResult:
    """Write ``text`` to a temporary report and check it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}{suffix}"
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return check_paths([path], **options)


def rule_ids(run: RunResult) -> list[str]:
    """The rule id of every unsuppressed finding, in output order."""
    return [f.rule_id for f in run.findings if not f.suppressed]


def findings_of(run: RunResult, rule_id: str) -> list[Finding]:
    return [f for f in run.findings if f.rule_id == rule_id]
