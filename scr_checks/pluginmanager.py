"""Finding, loading and calling plugins.

pluggy does two things we must not inherit: one raising implementation
aborts the whole hook call, and a second entry point of an already-used name
is skipped silently.  So plugins are loaded here one by one, each failure
named, and the check hooks are called one implementation at a time
(:meth:`ScrPluginManager.call_each`).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import redirect_stdout
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

import pluggy

from scr_checks import hookspecs, stdpatterns
from scr_checks.exceptions import PluginLoadError, ScrChecksError
from scr_checks.isolation import call_plugin
from scr_checks.suggest import did_you_mean

ENTRY_POINT_GROUP = "scr_checks.plugins"
#: Set to 1 for hermetic runs: only built-ins, ``extensions`` and ``-p`` load.
AUTOLOAD_ENV = "SCR_CHECKS_DISABLE_PLUGIN_AUTOLOAD"
#: The core's own plugin; it cannot be disabled.
CORE_PLUGIN = "scr_checks.builtin"
#: The built-in checkers, by plugin name, loaded from this fixed list as
#: pytest loads its default plugins: whatever is or is not installed, and
#: whatever the autoload switch says, which concerns third parties only.
#: ``-p no:NAME`` disables one.
BUILTIN_PLUGINS = {
    "structure": "scr_plugins.structure",
    "privacy": "scr_plugins.privacy",
    "priorities": "scr_plugins.priorities",
    "explanation": "scr_plugins.explanation",
    "linkage": "scr_plugins.linkage",
    "accessibility": "scr_plugins.accessibility",
    "tone": "scr_plugins.tone",
    "coverage": "scr_plugins.coverage",
}


class ScrPluginManager(pluggy.PluginManager):
    """A pluggy manager that loads plugins loudly and calls them in isolation."""

    def __init__(self) -> None:
        super().__init__("scr_checks")
        self.add_hookspecs(hookspecs)
        #: plugin name -> (distribution name, version) for entry-point plugins.
        self.distributions: dict[str, tuple[str, str]] = {}

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> Any:
        # Only functions marked with @hookimpl and named scr_* are hooks.
        if not name.startswith("scr_"):
            return None
        return super().parse_hookimpl_opts(plugin, name)

    # -- loading ---------------------------------------------------------

    def load_core(self) -> None:
        with stdpatterns.keeping():  # the readers' modules' own patterns (docutils')
            core = importlib.import_module(CORE_PLUGIN)
        self.register(core, name=CORE_PLUGIN)

    def load_builtins(self) -> None:
        """The built-in checkers, each unless ``-p no:NAME`` blocked it."""
        from scr_checks import __version__

        for name, module in BUILTIN_PLUGINS.items():
            if self.is_blocked(name) or self.has_plugin(name):
                continue
            with stdpatterns.keeping():  # their modules' own patterns
                self._import(name, "(built in)", partial(importlib.import_module, module))
            self.distributions[name] = ("scr-checks", __version__)

    def disabled_prefixes(self) -> dict[str, str]:
        """The rule-id prefix of each built-in checker ``-p no:NAME`` disabled -> its name.

        :data:`BUILTIN_PLUGINS` lists one checker per question, in question
        order, and checker ``q`` owns the rules ``SCR<q>nn``.
        """
        return {f"SCR{question}": name
                for question, name in enumerate(BUILTIN_PLUGINS, start=1)
                if self.is_blocked(name)}

    def block(self, name: str) -> None:
        if name == CORE_PLUGIN:
            raise PluginLoadError(f"plugin {name!r} is part of the core and cannot be disabled")
        self.set_blocked(name)

    def load_entry_points(self, entry_points: Iterable[Any] | None = None) -> None:
        """Load every plugin of the ``scr_checks.plugins`` group.

        Two distributions offering one plugin name is an error naming both,
        because silently keeping one would hide the other's checks.
        """
        if entry_points is None:
            if os.environ.get(AUTOLOAD_ENV):
                return
            entry_points = _entry_points()
        chosen: dict[str, Any] = {}
        dists = _Distributions()
        for ep in sorted(entry_points, key=lambda e: (e.name, e.value)):
            dist = dists.label(ep)
            if ep.name in chosen:
                other = dists.label(chosen[ep.name])
                if other == dist and chosen[ep.name].value == ep.value:
                    continue  # the same distribution seen twice on sys.path
                raise PluginLoadError(
                    f"plugin name {ep.name!r} is offered by two packages: "
                    f"{other} and {dist}; uninstall one"
                )
            chosen[ep.name] = ep
        for name, ep in chosen.items():
            if name in BUILTIN_PLUGINS:
                raise PluginLoadError(
                    f"plugin name {name!r} from {dists.label(ep)} is the name of a built-in "
                    "plugin; choose another name")
            if self.is_blocked(name) or self.has_plugin(name):
                continue
            self._import(name, f"from {dists.label(ep)}", ep.load)
            identity = dists.identity(ep)
            if identity is not None:
                self.distributions[name] = identity

    def offered_names(self) -> set[str]:
        """Every plugin name built in or offered by the installed packages."""
        return {*BUILTIN_PLUGINS, *(ep.name for ep in _entry_points())}

    def load_module(self, module_name: str, why: str, search_paths: Iterable[Path] = ()) -> None:
        """Import and register a module named by ``extensions`` or ``-p``."""
        if self.is_blocked(module_name) or self.has_plugin(module_name):
            return
        folders = list(search_paths)
        for folder in folders:
            if str(folder) not in sys.path:
                sys.path.insert(0, str(folder))
        try:
            self._import(module_name, f"({why})",
                         lambda: importlib.import_module(module_name))
        except PluginLoadError as exc:
            raise PluginLoadError(f"{exc}{_missing_folders(module_name, exc, folders)}") from (
                exc.__cause__)

    def _import(self, name: str, origin: str, load: Callable[[], Any]) -> None:
        """Import a plugin and register it; any failure is one line naming it.

        What the import prints goes to standard error, away from the output.
        """
        try:
            with redirect_stdout(sys.stderr):
                plugin = load()
        except Exception as exc:
            raise PluginLoadError(
                f"plugin {name!r} {origin} failed to import: {type(exc).__name__}: {exc}"
            ) from exc
        self._register_checked(plugin, name, origin)

    def _register_checked(self, plugin: ModuleType | Any, name: str, origin: str) -> None:
        try:
            self.register(plugin, name=name)
        except (pluggy.PluginValidationError, ValueError) as exc:
            raise PluginLoadError(f"plugin {name!r} {origin} is invalid: {exc}") from exc

    def check_hooks(self) -> None:
        """A misspelt hook (``scr_chek_node``) is an error naming the plugin and the hook."""
        try:
            self.check_pending()
        except pluggy.PluginValidationError as exc:
            callers = {name: caller for name, caller in vars(self.hook).items()
                       if not name.startswith("_")}
            unknown = [name for name, caller in callers.items() if not caller.has_spec()
                       and any(impl.plugin is exc.plugin for impl in caller.get_hookimpls())]
            if not unknown:
                raise PluginLoadError(f"plugin {self.get_name(exc.plugin)!r}: {exc}") from exc
            hooks = [name for name, caller in callers.items() if caller.has_spec()]
            raise PluginLoadError(
                f"plugin {self.get_name(exc.plugin)!r}: {unknown[0]!r} is not a scr-checks "
                f"hook{did_you_mean(unknown[0], hooks)} (the hooks are listed in the docs' "
                "'Writing a plugin' page)"
            ) from exc

    # -- calling ---------------------------------------------------------

    def call_each(self, hook_name: str, **kwargs: Any) -> Iterator[tuple[str, Any]]:
        """Call each implementation of a run-wide hook on its own, in call order.

        Yields ``(plugin name, result)``.  A plugin that fails (raises, exits,
        interrupts) stops the run with one :class:`PluginLoadError` naming it
        and the hook; each file's hooks are called by the runner through the
        same :func:`~scr_checks.isolation.call_plugin`, failing only that file.
        What a plugin prints goes to standard error, as in the checks: on
        standard output it would corrupt the JSON or SARIF written there.
        """
        for impl in self._call_order(hook_name):
            args = {name: kwargs[name] for name in impl.argnames}
            with redirect_stdout(sys.stderr):
                result, failure = call_plugin(impl.plugin_name, hook_name,
                                              partial(impl.function, **args),
                                              passing=(ScrChecksError,))
            if failure is not None:
                raise PluginLoadError(
                    f"plugin {failure.plugin!r} failed in {hook_name}: {failure.message}")
            yield impl.plugin_name, result

    def implementations(self, hook_name: str) -> list[tuple[str, Any, tuple[str, ...]]]:
        """(plugin name, function, argument names) of a hook, in call order."""
        return [
            (impl.plugin_name, impl.function, tuple(impl.argnames))
            for impl in self._call_order(hook_name)
        ]

    def _call_order(self, hook_name: str) -> list[Any]:
        """Implementations by plugin name, ``tryfirst`` ones first, ``trylast`` last.

        Name order does not depend on what happened to be installed or
        registered first, so every run calls plugins in the same order.
        """
        impls = getattr(self.hook, hook_name).get_hookimpls()
        return sorted(impls, key=lambda i: (-i.tryfirst + i.trylast, i.plugin_name))

    def plugin_versions(self) -> list[str]:
        return [
            f"{name}: {dist} {version}"
            for name, (dist, version) in sorted(self.distributions.items())
        ]


def _entry_points() -> Any:
    """The installed entry points of the ``scr_checks.plugins`` group.

    Most installations have none: a look at the files
    :mod:`importlib.metadata` would read says so without importing it and
    parsing every package's entry points (15 ms of every run's start-up).
    """
    if not _may_offer(ENTRY_POINT_GROUP):
        return ()
    import importlib.metadata

    return importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)


def _may_offer(group: str) -> bool:
    """False only if no distribution :mod:`importlib.metadata` finds can name ``group``.

    It looks where ``importlib.metadata`` does: each folder of ``sys.path``,
    its ``*.dist-info`` and ``*.egg-info`` folders (an ``*.egg`` folder's
    ``EGG-INFO``), their ``entry_points.txt``.  Anything else (a zip file on
    the path, an import hook that finds distributions of its own) answers
    "may", and the entry points are read the full way.
    """
    from importlib.machinery import PathFinder

    for finder in sys.meta_path:
        if finder is not PathFinder and getattr(finder, "find_distributions", None):
            return True
    needle = group.encode()
    for entry in sys.path:
        if not isinstance(entry, str):
            return True
        folder = entry or "."
        try:
            children = os.listdir(folder)
        except NotADirectoryError:
            return True  # a zip file: importlib.metadata reads inside it
        except OSError:
            continue
        egg = os.path.basename(folder).lower().endswith(".egg")
        for child in children:
            low = child.lower()
            if low.endswith((".dist-info", ".egg-info")) or (egg and low == "egg-info"):
                try:
                    with open(os.path.join(folder, child, "entry_points.txt"), "rb") as file:
                        if needle in file.read():
                            return True
                except (FileNotFoundError, NotADirectoryError):
                    continue  # no entry points, or an egg-info file of metadata only
                except OSError:
                    return True
    return False


class _Distributions:
    """Name and version of each entry point's distribution, read once per distribution.

    ``Distribution.name`` and ``.version`` parse the package's metadata on
    every access: eight plugins of one distribution cost 48 parses a run.
    """

    def __init__(self) -> None:
        self._seen: dict[int, tuple[Any, tuple[str, str]]] = {}

    def identity(self, ep: Any) -> tuple[str, str] | None:
        dist = getattr(ep, "dist", None)
        if dist is None:
            return None
        if id(dist) not in self._seen:  # the distribution is kept, so its id is not reused
            self._seen[id(dist)] = (dist, (dist.name, dist.version))
        return self._seen[id(dist)][1]

    def label(self, ep: Any) -> str:
        identity = self.identity(ep)
        if identity is None:
            return f"entry point {ep.value!r}"
        return f"package {identity[0]} {identity[1]}"


def _missing_folders(module_name: str, exc: PluginLoadError, folders: list[Path]) -> str:
    """Where a module not found was looked for in vain: the plugin_paths that do not exist."""
    cause = exc.__cause__
    if not isinstance(cause, ModuleNotFoundError) or not cause.name or not (
            module_name == cause.name or module_name.startswith(cause.name + ".")):
        return ""  # found, but something it imports is missing: that is the error
    missing = [_shown(folder) for folder in folders if not folder.is_dir()]
    if not missing:
        return ""
    if len(missing) == 1:
        return f" (the plugin_paths folder {missing[0]!r} does not exist)"
    return f" (the plugin_paths folders {', '.join(map(repr, missing))} do not exist)"


def _shown(folder: Path) -> str:
    """A folder relative to the current one where it can be, as paths are shown elsewhere."""
    try:
        return os.path.relpath(folder)
    except ValueError:  # on another drive
        return str(folder)
