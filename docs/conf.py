"""Sphinx configuration for the scr-checks documentation."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

from scr_checks import __version__  # noqa: E402

project = "scr-checks"
author = "scr-checks developers"
copyright = "scr-checks developers"
release = __version__
version = __version__

extensions = ["sphinx.ext.autodoc", "scr_docs"]
exclude_patterns = ["_build", "_ext"]
root_doc = "index"
default_role = "literal"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
html_theme = "alabaster"
html_title = f"scr-checks {release}"
