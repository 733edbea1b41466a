"""Name a class as ``"module:Class"`` and import it only when it is needed.

Start-up time matters (the checks run on every save in an editor), so
readers and formatters that most runs never use are registered by name.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any


def load(spec: str) -> Any:
    """The object ``spec`` ("package.module:Name") names, importing its module."""
    module, name = spec.split(":")
    return getattr(import_module(module), name)
