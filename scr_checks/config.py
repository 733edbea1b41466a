"""Configuration: ``scr-checks.toml`` or ``[tool.scr-checks]`` in pyproject.toml.

The file is found by walking up from the inputs, never above the folder the
user is responsible for: the repository root (a folder holding ``.git`` or
``.hg``) or the home folder, or, outside both, the current folder.  A file
further up (a shared drive's) could run code through ``extensions`` or
unmask identifiers, so it is never read on its own say-so.  Every key must have been declared,
by the core or by a plugin through ``scr_addoption``; an unknown key or a
value of the wrong type is an error naming the key.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from scr_checks.exceptions import ConfigError
from scr_checks.kinds import AUTO, kind_names
from scr_checks.rules import Rule, Selection, Severity
from scr_checks.suggest import did_you_mean

CONFIG_NAMES = ("scr-checks.toml", "pyproject.toml")
#: What makes a folder a repository's root, where the configuration search stops.
REPOSITORY_MARKS = (".git", ".hg")
#: Text every pyproject.toml with a [tool.scr-checks] table holds: the key
#: "tool" ends a table header or opens an inline table, or is followed by
#: ".scr-checks" (spaces and quotes allowed as TOML allows them), unless a
#: key is spelt with a Unicode escape.  Most pyproject files have none of it
#: and are not parsed (importing tomllib and parsing cost a run about 2%).
_MAYBE_TOOL_TABLE = re.compile(rb"""tool["']?[ \t]*(?:[\]=]|\.[ \t]*["']?scr-checks)|\\[uU]""")

#: Settings that run code or weaken the gate, and what each does; ``-v``
#: names the file each came from, and the docs list them.
TRUSTED_KEYS = {
    "extensions": "imports and runs these modules",
    "plugin_paths": "imports modules from these folders",
    "show_identifiers": "shows identifiers unmasked in every output",
    "timeout": "a time limit of 0 lets one file take forever",
    "fail_level": "decides which findings fail the run",
    "exclude": "leaves files out of folder runs",
    "extend_exclude": "leaves files out of folder runs",
    "respect_gitignore": "decides whether .gitignore leaves files out",
}


class Option(NamedTuple):
    """One declared option: where it lives, its type, default and help.

    A named tuple: a frozen dataclass's generated methods are compiled at every start-up.
    """

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
    "max_text_size": 8_000_000,
    "max_blocks": 100_000,
}


#: A worker's memory by default: two workers and the parent fit a 4 GB CI agent.
DEFAULT_MAX_MEMORY = 1536 * 1024 * 1024


def add_core_options(parser: OptionParser) -> None:
    """The keys every configuration may use, whatever plugins are installed."""
    add = parser.add_option
    add("", "extensions", list, [], "Modules to load as plugins (like Sphinx's extensions).")
    add("", "plugin_paths", list, [],
        "Folders, relative to the config file, to import extensions from.")
    add("", "select", list, [], "Rule ids or prefixes to run (default: all).")
    add("", "ignore", list, [], "Rule ids or prefixes not to run.")
    add("", "fail_level", str, "warning",
        "Lowest severity that makes the exit status 1; 'none' never fails on findings.",
        choices=("error", "warning", "note", "none"))
    add("", "show_identifiers", bool, False,
        "Show the identifiers privacy rules find, instead of masking them.")
    add("", "severity", dict, {}, "Per-rule severity: a table of rule id = level.")
    add("", "max_file_size", int, READER_LIMITS["max_file_size"],
        "Largest input file read, in bytes.")
    add("", "timeout", float, 120.0,
        "Seconds one file may take, all its steps together (reading it, every plugin's "
        "checks).")
    add("", "max_memory", int, DEFAULT_MAX_MEMORY,
        "Bytes of memory the worker process that reads and checks a file may use; 0: no "
        "limit.")
    add("", "max_pages", int, READER_LIMITS["max_pages"], "Most pages read from a PDF.")
    add("", "max_unpacked_size", int, READER_LIMITS["max_unpacked_size"],
        "Largest total uncompressed size of the parts of a Word file, in bytes.")
    add("", "max_compression_ratio", int, READER_LIMITS["max_compression_ratio"],
        "Largest uncompressed-to-compressed ratio of a part of a Word file (zip bombs).")
    add("", "max_text_size", int, READER_LIMITS["max_text_size"],
        "Most characters of text read from one report (the memory its checks take grows "
        "with it).")
    add("", "max_blocks", int, READER_LIMITS["max_blocks"],
        "Most blocks (headings, paragraphs, list items, table cells, comments) read from "
        "one report.")
    add("", "max_findings", int, 10_000,
        "Most findings one plugin may make in one report; past it, that plugin's checks "
        "of the report stop with one error (a report is rarely right to have more). 0: no "
        "limit.")
    add("", "follow_symlinks", bool, False,
        "Check files that symbolic links in a folder lead to, even outside the folder.")
    add("", "kind", str, "auto",
        "What the document is: 'auto' reads it from the title page; or full_report, "
        "thematic_review, executive_summary, briefing, excerpt.", choices=(AUTO, *kind_names()))
    add("", "headings", dict, {},
        "Extra heading patterns per canonical section, e.g. { findings = ['what we learned'] }.")
    add("", "scorecard", bool, True,
        "Print the quality-marker scorecard of the run in terminal output.")
    add("", "scorecard_per_file", bool, False,
        "Print a scorecard for each report instead of one for the whole run.")
    add("", "summary", bool, True,
        "Print the summary lines and totals after the findings in terminal output.")
    add("", "exclude", list, list(DEFAULT_EXCLUDE),
        "Globs of files and folders folder runs leave out, relative to the config file; "
        "setting it replaces the defaults.")
    add("", "extend_exclude", list, [], "More globs to leave out, added to 'exclude'.")
    add("", "respect_gitignore", bool, True,
        "Leave out of folder runs what .gitignore files leave out of the repository.")
    add("", "fingerprint_key", str, "scr-checks",
        "Only to read a version-1 baseline: the key it was written with. Fingerprints "
        "are now built from masked text and need no key.")
    add("", "baseline", str, "",
        "Baseline file of accepted findings, relative to the config file (like --baseline).")
    add("redact", "pseudonyms", dict, {},
        "For 'scr-checks redact': names to use in place of identifiers, before the "
        "numbered placeholders, e.g. { \"Jane Moss\" = \"Mother\" }; never written to any "
        "output.")
    add("", "sarif_suppressed", str, "include",
        "Suppressed findings in SARIF: 'include' them marked as suppressed, or 'omit' them "
        "(GitHub code scanning ignores suppressions and would show them as open alerts).",
        choices=("include", "omit"))
    add("", "sarif_category", str, "scr-checks",
        "GitHub code-scanning category of the SARIF run (automationDetails.id); it takes "
        "the place of upload-sarif's category input.")


#: What a folder run leaves out unless ``exclude`` says otherwise: a
#: repository's own notes and what builds and tools write.
DEFAULT_EXCLUDE = (
    "README.*", "CHANGELOG.*", "CHANGES.*", "CONTRIBUTING.*", "LICENSE*", "LICENCE*",
    "CODE_OF_CONDUCT.*", "SECURITY.*",
    "_build", "build", "dist", "site", "node_modules", "venv", "__pycache__",
    # The copy `scr-checks annotate` writes beside a report, its findings as comments.
    "*.checked.docx",
)


@dataclass
class Config:
    """The validated configuration of one run."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)
    parser: OptionParser = field(default_factory=OptionParser)
    #: Where a value came from when not from the file (``"--select"``).
    sources: dict[str, str] = field(default_factory=dict)
    #: Per-run store for plugins, keyed by a name of the plugin's own (as
    #: pytest's ``config.stash``): what ``scr_configure`` prepares once for
    #: every file of the run, instead of module globals.
    stash: dict[str, Any] = field(default_factory=dict)
    #: The plugins' hooks, to call a hook a plugin added (``scr_addhooks``).
    hook: Any = None

    def override(self, key: str, value: Any, source: str) -> None:
        """Set ``key`` from ``source`` (a command-line option), above the file.

        The value is checked as the file's values are: an unknown key or a
        wrong value is an error naming ``source``.
        """
        option = self.parser.options.get(key)
        if option is None:
            raise ConfigError(f"{source}: unknown key {key!r}{_nearest_key(key, self.parser)}")
        _check_value(option, key, value, source)
        self.values[key] = value
        self.sources[key] = source

    def origin(self, key: str) -> str:
        """Where ``key``'s value came from: an option, the file, or the default."""
        if key in self.sources:
            return self.sources[key]
        if key in self.values:
            return str(self.path) if self.path else "configuration"
        return "default"

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
    def fail_level(self) -> Severity | None:
        """The lowest severity that fails the run; ``None`` when nothing does."""
        level = self.get("fail_level")
        return None if level == "none" else Severity.parse(level)

    def fails(self, severity: Severity) -> bool:
        """Whether an unsuppressed finding of ``severity`` fails the run."""
        level = self.fail_level
        return level is not None and severity >= level

    def severity_for(self, rule: Rule, found: Severity) -> Severity:
        """A finding's level: its rule's, as ``[severity]`` sets it, once.

        A finding its plugin gave another level than its rule's (tone lowers
        a word in quotation marks to a note, and says so in the message) keeps
        that level; the configuration can only lower it further.
        """
        configured = self.get("severity").get(rule.id)
        if configured is None:
            return found
        level = Severity.parse(configured)
        return level if found == rule.severity else min(found, level)


def find_config(start: Path) -> Path | None:
    """The nearest scr-checks.toml, or pyproject.toml with [tool.scr-checks].

    The search goes up from ``start`` no further than :func:`search_limit`.
    """
    folder = (start if start.is_dir() else start.parent).resolve()
    limit = search_limit(folder)
    for candidate in (folder, *folder.parents):
        found = config_in(candidate)
        if found is not None:
            return found
        if candidate == limit:
            break
    return None


def config_in(folder: Path) -> Path | None:
    """The configuration file of ``folder`` itself, if it has one."""
    for name in CONFIG_NAMES:
        path = folder / name
        if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
            return path
    return None


def search_limit(folder: Path) -> Path:
    """The highest folder whose configuration may apply to files in ``folder``.

    The repository root (the nearest folder holding ``.git`` or ``.hg``) or
    the home folder, whichever is nearer; outside both, the current folder if
    ``folder`` is in it, or else ``folder`` itself.
    """
    folder = folder.resolve()
    try:
        home: Path | None = Path.home().resolve()
    except RuntimeError:  # no home folder known
        home = None
    for candidate in (folder, *folder.parents):
        if candidate == home or any((candidate / name).exists() for name in REPOSITORY_MARKS):
            return candidate
    cwd = Path.cwd().resolve()
    return cwd if folder.is_relative_to(cwd) else folder


def _has_tool_table(path: Path) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        return False
    data.decode()  # not UTF-8: the same error as parsing it gives
    if not _MAYBE_TOOL_TABLE.search(data):
        return False
    try:
        return "scr-checks" in _load_toml(path).get("tool", {})
    except ConfigError:
        return False


def _load_toml(path: Path) -> dict[str, Any]:
    import tomllib  # a run without a configuration file never needs it

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
    """Check every key and value against the declarations; return flat values.

    Every wrong key is reported, not only the first.
    """
    values = _flatten(raw, parser)
    problems: list[str] = []
    for key, value in values.items():
        option = parser.options.get(key)
        try:
            if option is None:
                raise ConfigError(f"{source}: unknown key {key!r}{_nearest_key(key, parser)}")
            _check_value(option, key, value, source)
        except ConfigError as exc:
            problems.extend(exc.problems())
    if problems:
        raise ConfigError(*problems)
    return values


def _nearest_key(key: str, parser: OptionParser) -> str:
    """``"; did you mean 'X'?"`` for the declared key or plugin table nearest ``key``."""
    return did_you_mean(key, [*parser.options, *sorted(parser.namespaces)])


def _check_value(option: Option, key: str, value: Any, source: str) -> None:
    """A value of the option's type and among its choices, or an error naming both."""
    if not _CHECKS[option.type](value):
        raise ConfigError(f"{source}: {key!r} must be {_TYPE_WORDS[option.type]}, not {value!r}")
    if option.choices and value not in option.choices:
        allowed = ", ".join(map(str, option.choices))
        raise ConfigError(f"{source}: {key!r} must be one of {allowed}, not {value!r}")
    if key == "severity":
        for rule_id, level in value.items():
            try:
                Severity.parse(level)
            except ValueError as exc:
                raise ConfigError(f"{source}: 'severity.{rule_id}': {exc}") from None
