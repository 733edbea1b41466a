"""Configuration: ``scr-checks.toml`` or ``[tool.scr-checks]`` in pyproject.toml.

The file is found by walking up from the first input path.  Every key must
have been declared, by the core or by a plugin through ``scr_addoption``;
an unknown key or a value of the wrong type is an error naming the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scr_checks.exceptions import ConfigError
from scr_checks.kinds import AUTO, kind_names
from scr_checks.rules import Selection, Severity

CONFIG_NAMES = ("scr-checks.toml", "pyproject.toml")


@dataclass(frozen=True)
class Option:
    """One declared option: where it lives, its type, default and help."""

    namespace: str
    name: str
    type: type
    default: Any
    help: str
    choices: tuple[Any, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.namespace}.{self.name}" if self.namespace else self.name


class OptionParser:
    """Collects option declarations from the core and from plugins."""

    def __init__(self) -> None:
        self.options: dict[str, Option] = {}

    def add_option(
        self,
        namespace: str,
        name: str,
        type: type,
        default: Any,
        help: str,
        choices: tuple[Any, ...] = (),
    ) -> None:
        """Declare ``[namespace] name`` (``namespace`` "" for a top-level key)."""
        option = Option(namespace, name, type, default, help, choices)
        if option.key in self.options:
            raise ConfigError(f"option {option.key!r} is declared twice")
        self.options[option.key] = option

    @property
    def namespaces(self) -> set[str]:
        return {o.namespace for o in self.options.values() if o.namespace}


#: Limits every reader is given (``Reader.limit``), with their defaults.
READER_LIMITS = {
    "max_file_size": 64 * 1024 * 1024,
    "max_pages": 2000,
    "max_unpacked_size": 256 * 1024 * 1024,
    "max_compression_ratio": 500,
}


def add_core_options(parser: OptionParser) -> None:
    """The keys every configuration may use, whatever plugins are installed."""
    add = parser.add_option
    add("", "extensions", list, [], "Modules to load as plugins (like Sphinx's extensions).")
    add("", "plugin_paths", list, [],
        "Folders, relative to the config file, to import extensions from.")
    add("", "select", list, [], "Rule ids or prefixes to run (default: all).")
    add("", "ignore", list, [], "Rule ids or prefixes not to run.")
    add("", "fail_level", str, "warning", "Lowest severity that makes the exit status 1.",
        choices=("error", "warning", "note"))
    add("", "show_identifiers", bool, False,
        "Show the identifiers privacy rules find, instead of masking them.")
    add("", "severity", dict, {}, "Per-rule severity: a table of rule id = level.")
    add("", "max_file_size", int, READER_LIMITS["max_file_size"],
        "Largest input file read, in bytes.")
    add("", "timeout", float, 120.0, "Seconds one file may take before it is abandoned.")
    add("", "max_pages", int, READER_LIMITS["max_pages"], "Most pages read from a PDF.")
    add("", "max_unpacked_size", int, READER_LIMITS["max_unpacked_size"],
        "Largest total uncompressed size of the parts of a Word file, in bytes.")
    add("", "max_compression_ratio", int, READER_LIMITS["max_compression_ratio"],
        "Largest uncompressed-to-compressed ratio of a part of a Word file (zip bombs).")
    add("", "follow_symlinks", bool, False,
        "Check files that symbolic links in a folder lead to, even outside the folder.")
    add("", "kind", str, "auto",
        "What the document is: 'auto' reads it from the title page; or full_report, "
        "thematic_review, executive_summary, briefing, excerpt.", choices=(AUTO, *kind_names()))
    add("", "headings", dict, {},
        "Extra heading patterns per canonical section, e.g. { findings = ['what we learned'] }.")
    add("", "scorecard", bool, True,
        "Print the quality-marker scorecard after each report in terminal output.")
    add("", "fingerprint_key", str, "scr-checks",
        "Key for result fingerprints; set a private one so hashes cannot be guessed.")
    add("", "baseline", str, "",
        "Baseline file of accepted findings, relative to the config file (like --baseline).")
    add("", "sarif_suppressed", str, "include",
        "Suppressed findings in SARIF: 'include' them marked as suppressed, or 'omit' them "
        "(GitHub code scanning ignores suppressions and would show them as open alerts).",
        choices=("include", "omit"))


@dataclass
class Config:
    """The validated configuration of one run."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)
    parser: OptionParser = field(default_factory=OptionParser)

    @property
    def root(self) -> Path:
        """Folder that relative paths in the configuration are resolved from."""
        return self.path.parent if self.path else Path.cwd()

    def get(self, key: str) -> Any:
        option = self.parser.options[key]
        return self.values.get(key, option.default)

    def option(self, namespace: str, name: str) -> Any:
        """A plugin's option value (its default when the file does not set it)."""
        return self.get(f"{namespace}.{name}" if namespace else name)

    @property
    def selection(self) -> Selection:
        return Selection(tuple(self.get("select")), tuple(self.get("ignore")))

    @property
    def fail_level(self) -> Severity:
        return Severity.parse(self.get("fail_level"))

    def severity_for(self, rule_id: str, default: Severity) -> Severity:
        return Severity.parse(self.get("severity").get(rule_id, default))


def find_config(start: Path) -> Path | None:
    """The nearest scr-checks.toml, or pyproject.toml with [tool.scr-checks]."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "scr-checks" in _load_toml(path).get("tool", {})
    except ConfigError:
        return False


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def load_raw(path: Path | None) -> dict[str, Any]:
    """The file's table for scr-checks, unvalidated (``{}`` without a file)."""
    if path is None:
        return {}
    data = _load_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("scr-checks", {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [tool.scr-checks] must be a table")
    return data


def _flatten(raw: dict[str, Any], parser: OptionParser) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in raw.items():
        if key in parser.options:
            flat[key] = value
        elif isinstance(value, dict) and key in parser.namespaces:
            for name, inner in value.items():
                flat[f"{key}.{name}"] = inner
        else:
            flat[key] = value
    return flat


_CHECKS: dict[type, Callable[[Any], bool]] = {
    str: lambda v: isinstance(v, str),
    int: lambda v: isinstance(v, int) and not isinstance(v, bool),
    float: lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    bool: lambda v: isinstance(v, bool),
    list: lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
    dict: lambda v: isinstance(v, dict),
}
_TYPE_WORDS = {str: "a string", int: "a whole number", float: "a number",
               bool: "true or false", list: "a list of strings", dict: "a table"}


def validate(raw: dict[str, Any], parser: OptionParser, source: str) -> dict[str, Any]:
    """Check every key and value against the declarations; return flat values."""
    values = _flatten(raw, parser)
    for key, value in values.items():
        option = parser.options.get(key)
        if option is None:
            raise ConfigError(f"{source}: unknown key {key!r}")
        if not _CHECKS[option.type](value):
            raise ConfigError(
                f"{source}: {key!r} must be {_TYPE_WORDS[option.type]}, not {value!r}"
            )
        if option.choices and value not in option.choices:
            allowed = ", ".join(map(str, option.choices))
            raise ConfigError(f"{source}: {key!r} must be one of {allowed}, not {value!r}")
    for rule_id, level in values.get("severity", {}).items():
        try:
            Severity.parse(level)
        except ValueError as exc:
            raise ConfigError(f"{source}: 'severity.{rule_id}': {exc}") from None
    return values
