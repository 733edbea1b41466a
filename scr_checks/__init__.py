"""scr-checks: check Serious Case Review reports against the quality marker.

This module is the public API for plugins; everything else is internal.
"""

from __future__ import annotations

import pluggy

__version__ = "0.1.0"

#: Marks a function as an implementation of a hook in :mod:`scr_checks.hookspecs`.
hookimpl = pluggy.HookimplMarker("scr_checks")
#: Marks a function as a hook of a plugin's own, added with ``scr_addhooks``.
hookspec = pluggy.HookspecMarker("scr_checks")

from scr_checks.dataclasscode import compiled_once  # noqa: E402

# The core's dataclasses take their generated methods from the cache.
with compiled_once():
    from scr_checks.config import Config, OptionParser
    from scr_checks.context import CheckContext
    from scr_checks.datacache import kept as kept_data
    from scr_checks.document import HiddenContent, Report, TextBlock, new_document
    from scr_checks.exceptions import ConfigError, ReaderError
    from scr_checks.formatters import Formatter
    from scr_checks.headings import catalogue as section_catalogue
    from scr_checks.layout import (
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
    from scr_checks.locations import SourceText
    from scr_checks.outline import Item, Outline, Reference, Section
    from scr_checks.patterns import compiled as compile_pattern
    from scr_checks.prose import (
        fold_case,
        quoted_spans,
        sentence_spans,
        word_runs,
        word_spans,
        words_between,
    )
    from scr_checks.readers import Reader, decode_text
    from scr_checks.readers.tree import TreeBuilder
    from scr_checks.registry import Deferred
    from scr_checks.results import Finding, Location, RunResult, Suppression
    from scr_checks.rules import Rule, Severity
    from scr_checks.shipped import shipped_file
    from scr_checks.wordlists import WordEntry, WordList, WordMatch

__all__ = [
    "APPARATUS",
    "APPENDIX",
    "BODY",
    "CONTENTS",
    "FRONT",
    "FURNITURE",
    "GLOSSARY",
    "TEXT_PARTS",
    "CheckContext",
    "Config",
    "ConfigError",
    "Deferred",
    "Finding",
    "Formatter",
    "HiddenContent",
    "Item",
    "Layout",
    "Location",
    "OptionParser",
    "Outline",
    "Reader",
    "ReaderError",
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
    "sentence_spans",
    "shipped_file",
    "word_runs",
    "word_spans",
    "words_between",
]
