"""One run's life, the same for every front end.

The command line, the Sphinx extension and :mod:`scr_checks.testing` all
start a run here, so the hooks run in the documented order every time
(``scr_addhooks``, ``scr_addoption``, the configuration validated, the front
end's own settings applied and validated like the file's, ``scr_configure``,
the checks, ``scr_sessionfinish``, ``scr_unconfigure``) and what a run leaves
behind (compiled patterns for the next one) is kept the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from scr_checks import patterns
from scr_checks.config import Config
from scr_checks.loading import call_startup_hook, load_plugins
from scr_checks.results import RunResult
from scr_checks.runner import Session


@contextmanager
def run_session(
    raw: dict[str, Any],
    config_path: Path | None,
    *,
    modules: Iterable[str] = (),
    blocked: Iterable[str] = (),
    autoload: bool = True,
    settings: Callable[[Config], None] | None = None,
) -> Iterator[Session]:
    """A configured session for one run; ``scr_unconfigure`` when the run ends.

    ``settings`` applies the front end's own settings (command-line options,
    ``conf.py`` values) with :meth:`Config.override`, which validates each
    as the configuration file's values are, before ``scr_configure``.
    """
    pm, config = load_plugins(raw, config_path, modules, blocked, autoload)
    if settings is not None:
        settings(config)
    call_startup_hook(pm, "scr_configure", config=config)
    try:
        yield Session(pm, config)
    finally:
        try:
            call_startup_hook(pm, "scr_unconfigure", config=config)
        finally:
            patterns.save()  # the next run rebuilds what this one compiled


def finish(session: Session, result: RunResult) -> None:
    """Tell the plugins the run is checked and its outputs are written."""
    call_startup_hook(session.pm, "scr_sessionfinish", result=result, config=session.config)
