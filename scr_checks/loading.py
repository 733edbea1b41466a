"""Start-up: load plugins, collect their options, validate the configuration.

Shared by the command line and :mod:`scr_checks.testing`, so tests start a
run exactly as a user does.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from scr_checks.config import Config, OptionParser, validate
from scr_checks.exceptions import ConfigError, PluginLoadError
from scr_checks.pluginmanager import ScrPluginManager
from scr_checks.suggest import did_you_mean


def load_plugins(
    raw: dict[str, Any],
    config_path: Path | None,
    modules: Iterable[str] = (),
    blocked: Iterable[str] = (),
    autoload: bool = True,
) -> tuple[ScrPluginManager, Config]:
    """Core, built-ins, entry points, ``extensions`` then ``-p`` modules; then options.

    ``autoload`` (and the ``SCR_CHECKS_DISABLE_PLUGIN_AUTOLOAD`` switch) only
    decide whether third parties' installed plugins load; the built-ins always
    do, unless blocked one by one.
    """
    pm = ScrPluginManager()
    pm.load_core()
    for name in blocked:
        pm.block(name)
    pm.load_builtins()
    if autoload:
        pm.load_entry_points()
    source = str(config_path) if config_path else "configuration"
    root = config_path.parent if config_path else Path.cwd()
    paths = raw.get("plugin_paths", [])
    extensions = raw.get("extensions", [])
    if not isinstance(paths, list) or not isinstance(extensions, list):
        raise ConfigError(f"{source}: 'extensions' and 'plugin_paths' must be lists")
    folders = [root / str(p) for p in paths]
    for module in extensions:
        pm.load_module(str(module), f"extensions in {source}", folders)
    for module in modules:  # found where the configuration's extensions are, too
        pm.load_module(module, "-p on the command line", folders)
    _check_blocked(pm, blocked, [*extensions, *modules])
    call_startup_hook(pm, "scr_addhooks", pluginmanager=pm)
    parser = OptionParser()
    call_startup_hook(pm, "scr_addoption", parser=parser)
    unread = _tables_of_plugins_not_loaded(raw, parser, pm, blocked)
    raw = {key: value for key, value in raw.items() if key not in unread}
    config = Config(config_path, validate(raw, parser, source), parser, hook=pm.hook)
    pm.check_hooks()
    return pm, config


def call_startup_hook(pm: ScrPluginManager, hook: str, **kwargs: Any) -> None:
    """Call a run-wide hook; a plugin that fails is one error naming it and the hook."""
    for _ in pm.call_each(hook, **kwargs):
        pass


def _tables_of_plugins_not_loaded(raw: dict[str, Any], parser: OptionParser,
                                  pm: ScrPluginManager, blocked: Iterable[str]) -> set[str]:
    """The tables named after a plugin that this run does not load (``-p no:NAME``, or
    installed but not autoloaded): its options, which nothing reads, are not errors."""
    tables = {key for key, value in raw.items() if isinstance(value, dict)
              and key not in parser.namespaces and key not in parser.options}
    if not tables:
        return set()  # reading the installed entry points again costs a few milliseconds
    loaded = {name for name, plugin in pm.list_name_plugin() if plugin is not None}
    return tables & ({*blocked, *pm.offered_names()} - loaded)


def _check_blocked(pm: ScrPluginManager, blocked: Iterable[str], modules: Iterable[str]) -> None:
    """``-p no:NAME`` naming no plugin is a typo that would disable nothing: an error."""
    blocked = list(blocked)
    if not blocked:
        return  # reading the installed entry points again costs a few milliseconds
    known = {*pm.offered_names(), *map(str, modules),
             *(name for name, plugin in pm.list_name_plugin() if plugin is not None)}
    for name in blocked:
        if name not in known:
            raise PluginLoadError(
                f"-p no:{name}: no plugin is named {name!r}{did_you_mean(name, sorted(known))} "
                "(see 'scr-checks --version')"
            )
