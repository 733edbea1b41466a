"""The privacy plugin's own hook: a local area's names and places.

Added through ``scr_addhooks``, so a local area's plugin implements it like
any hook (``@hookimpl def scr_privacy_terms(config): ...``), instead of
calling into the privacy plugin.
"""

from __future__ import annotations

from typing import Any

from scr_checks import hookspec


@hookspec
def scr_privacy_terms(config: Any) -> dict[str, list[str]] | None:
    """Return names and places the privacy rules should know for this run.

    :param config: the run's configuration.
    :return: a dict with any of ``first_names``, ``surnames`` (extra names to
        recognise), ``places`` (named local places to report) and ``allow``
        (terms never reported), each a list of strings; or ``None``.
    """
