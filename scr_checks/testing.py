"""Helpers for testing checkers, ours and local areas' alike.

``check_text`` runs the real pipeline (plugin loading, configuration
validation, reading, checking, masking) on a string, so a test sees exactly
what a user would.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from scr_checks.loading import call_startup_hook, load_plugins
from scr_checks.results import Finding, RunResult
from scr_checks.runner import Session


def make_session(
    config: dict[str, Any] | None = None,
    plugins: Iterable[str] = (),
    blocked: Iterable[str] = (),
    autoload: bool = True,
    config_path: Path | None = None,
) -> Session:
    """A session configured from a dict, as if read from scr-checks.toml."""
    pm, cfg = load_plugins(config or {}, config_path, plugins, blocked, autoload)
    call_startup_hook(pm, "scr_configure", config=cfg)
    return Session(pm, cfg)


def check_paths(paths: Iterable[str | Path], **options: Any) -> RunResult:
    """Check files or folders with a fresh session; options as for make_session."""
    return make_session(**options).run([str(p) for p in paths])


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
