"""scr-checks: check Serious Case Review reports against the quality marker.

This module is the public API for plugins; everything else is internal.
"""

from __future__ import annotations

from scr_checks import stdpatterns as _stdpatterns

# Before anything compiles its patterns: those of earlier runs are rebuilt.
_stdpatterns.seed()

import pluggy  # noqa: E402

__version__ = "0.1.0"

#: Marks a function as an implementation of a hook in :mod:`scr_checks.hookspecs`.
hookimpl = pluggy.HookimplMarker("scr_checks")
#: Marks a function as a hook of a plugin's own, added with ``scr_addhooks``.
hookspec = pluggy.HookspecMarker("scr_checks")

from scr_checks.config import Config, OptionParser  # noqa: E402
from scr_checks.context import CheckContext  # noqa: E402
from scr_checks.datacache import kept as kept_data  # noqa: E402
from scr_checks.document import HiddenContent, Report, TextBlock, new_document  # noqa: E402
from scr_checks.exceptions import ConfigError, ReaderError  # noqa: E402
from scr_checks.formatters import Formatter  # noqa: E402
from scr_checks.headings import catalogue as section_catalogue  # noqa: E402
from scr_checks.layout import (  # noqa: E402
    APPARATUS,
    APPENDIX,
    BODY,
    CONTENTS,
    FRONT,
    FURNITURE,
    GLOSSARY,
    TEXT_PARTS,
    Layout,
    postnominals,
)
from scr_checks.locations import SourceText  # noqa: E402
from scr_checks.outline import Item, Outline, Reference, Section  # noqa: E402
from scr_checks.patterns import compiled as compile_pattern  # noqa: E402
from scr_checks.prose import (  # noqa: E402
    WINDOW,
    fold_case,
    quoted_spans,
    sentence_at,
    sentence_spans,
    sentence_windows,
    windows_to_search,
    word_runs,
    word_spans,
    words_between,
)
from scr_checks.readers import Reader, decode_text  # noqa: E402
from scr_checks.readers.tree import TreeBuilder  # noqa: E402
from scr_checks.records import FrozenRecord, Record  # noqa: E402
from scr_checks.registry import Deferred  # noqa: E402
from scr_checks.results import Finding, Location, RunResult, Suppression  # noqa: E402
from scr_checks.rules import Rule, Severity  # noqa: E402
from scr_checks.shipped import shipped_file  # noqa: E402
from scr_checks.wordlists import WordEntry, WordList, WordMatch  # noqa: E402

_stdpatterns.keep_imported()

__all__ = [
    "APPARATUS",
    "APPENDIX",
    "BODY",
    "CONTENTS",
    "FRONT",
    "FURNITURE",
    "GLOSSARY",
    "TEXT_PARTS",
    "WINDOW",
    "CheckContext",
    "Config",
    "ConfigError",
    "Deferred",
    "Finding",
    "Formatter",
    "FrozenRecord",
    "HiddenContent",
    "Item",
    "Layout",
    "Location",
    "OptionParser",
    "Outline",
    "Reader",
    "ReaderError",
    "Record",
    "Reference",
    "Report",
    "Rule",
    "RunResult",
    "Section",
    "Severity",
    "SourceText",
    "Suppression",
    "TextBlock",
    "TreeBuilder",
    "WordEntry",
    "WordList",
    "WordMatch",
    "__version__",
    "compile_pattern",
    "decode_text",
    "fold_case",
    "hookimpl",
    "hookspec",
    "kept_data",
    "new_document",
    "postnominals",
    "quoted_spans",
    "section_catalogue",
    "sentence_at",
    "sentence_spans",
    "sentence_windows",
    "shipped_file",
    "windows_to_search",
    "word_runs",
    "word_spans",
    "words_between",
]
