"""Files shipped inside a package: a plain path when the package is a folder on disk.

:func:`importlib.resources.files` gives the same path for such a package
(every installed or editable copy), but importing :mod:`importlib.resources`
and the readers behind it (zipfile among them) cost every run about 12
million instructions, one in a hundred of a one-page run.  A package that is
not a folder (imported from a zip file, or a namespace package) is still
served by :mod:`importlib.resources`.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def shipped_file(package: str, *parts: str) -> Traversable | Path:
    """The file ``parts`` of ``package``, as ``resources.files(package).joinpath(*parts)``."""
    module = sys.modules.get(package) or importlib.import_module(package)
    where = getattr(module, "__file__", None)
    if where and os.path.isdir(folder := os.path.dirname(where)):
        return Path(folder).joinpath(*parts)
    from importlib import resources

    return resources.files(package).joinpath(*parts)
