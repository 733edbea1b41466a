"""What the plugins registered: rules, readers by suffix, formatters by name.

Each entry remembers the plugin that registered it, so that a clash names
both plugins.  A newcomer with ``override = True`` replaces an entry (a local
area's reader for ``.docx`` in place of the built-in one), as in Sphinx's
registry; an entry that itself overrides is kept against a plain one.

A reader or formatter can be registered as :class:`Deferred`: its attributes
are declared where it is registered and its module is imported the first
time it is used, so a run does not pay for importing formats it never
touches (lxml, PDFium and markdown-it add about 40 ms to every start-up).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from importlib import import_module
from typing import Any

from scr_checks.exceptions import PluginLoadError
from scr_checks.rules import RuleRegistry

__all__ = ["Deferred", "Registry"]


class Deferred:
    """A reader or formatter class named as ``"package.module:Class"``.

    It stands where the class would: its declared ``attributes`` (a reader's
    ``format`` and ``suffixes``; a formatter's ``name``, ``description``,
    ``shows_paragraphs``) are read without importing anything; any other
    attribute, or a call to make an instance, imports the class and checks
    that it declares the same.
    """

    def __init__(self, spec: str, **attributes: Any) -> None:
        self.spec = spec
        self.attributes: Mapping[str, Any] = attributes

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("spec", "attributes"):  # copy, unpickle
            raise AttributeError(name)
        if name in self.attributes:
            return self.attributes[name]
        return getattr(self.load(), name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.load()(*args, **kwargs)

    def __repr__(self) -> str:
        return f"Deferred({self.spec!r})"

    def load(self) -> type:
        """The class itself, imported once."""
        return _load(self.spec, tuple(sorted(self.attributes.items())))


@cache
def _load(spec: str, attributes: tuple[tuple[str, Any], ...]) -> type:
    module, _, name = spec.partition(":")
    try:
        cls: type = getattr(import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise PluginLoadError(f"cannot load {spec}: {exc}") from None
    for key, declared in attributes:
        if getattr(cls, key, None) != declared:
            raise PluginLoadError(
                f"{spec} has {key} = {getattr(cls, key, None)!r}, but was "
                f"registered with {key} = {declared!r}")
    return cls


class Registry:
    """The rules, readers and formatters of one run, and who registered each."""

    def __init__(self) -> None:
        self.rules = RuleRegistry()
        #: Reader (class or :class:`Deferred`) by lower-case suffix.
        self.readers: dict[str, Any] = {}
        #: Formatter (class or :class:`Deferred`) by ``name``.
        self.formatters: dict[str, Any] = {}
        self._owners: dict[tuple[str, str], str] = {}

    def add_rules(self, rules: Iterable[Any], owner: str) -> None:
        self.rules.extend(rules, owner)

    def add_reader(self, reader: Any, owner: str) -> None:
        for suffix in reader.suffixes:
            self._add(self.readers, "a reader for", suffix, reader, owner)

    def add_formatter(self, formatter: Any, owner: str) -> None:
        self._add(self.formatters, "output format", formatter.name, formatter, owner)

    def _add(self, table: dict[str, Any], what: str, key: str, entry: Any,
             owner: str) -> None:
        kind = "reader" if table is self.readers else "formatter"
        current = table.get(key)
        if current is not None and not _overrides(entry):
            if _overrides(current):
                return
            raise PluginLoadError(
                f"plugin {owner!r}: {what} {key!r} is already registered by plugin "
                f"{self._owners[kind, key]!r} ({_name(current)}); set override = True "
                f"on the {kind} to replace it")
        table[key] = entry
        self._owners[kind, key] = owner

    def reader_owner(self, suffix: str) -> str:
        return self._owners["reader", suffix]

    def formatter_owner(self, name: str) -> str:
        return self._owners["formatter", name]


def _overrides(entry: Any) -> bool:
    """Whether ``entry`` replaces a clashing one, read without importing it."""
    if isinstance(entry, Deferred):
        return bool(entry.attributes.get("override", False))
    return bool(getattr(entry, "override", False))


def _name(entry: Any) -> str:
    if isinstance(entry, Deferred):
        return entry.spec.replace(":", ".")
    return f"{entry.__module__}.{entry.__qualname__}"
