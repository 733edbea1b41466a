"""``scr-checks new-plugin``: write a local area's plugin, ready to install and test.

The templates are package data (``scr_checks/templates/plugin``); a folder
named ``__module__`` becomes the plugin's import name and ``.tmpl`` is
dropped.  ``$name`` placeholders are filled with :class:`string.Template`, so
the templates stay readable as the files they become.
"""

from __future__ import annotations

import string
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from scr_checks import __version__
from scr_checks.exceptions import UsageError
from scr_checks.patterns import compiled

SLUG = compiled(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
PREFIX = compiled(r"[A-Z]{2,4}")
#: Built-in rules use this prefix; a local area must pick its own.
RESERVED_PREFIX = "SCR"


def plugin_names(name: str, prefix: str | None = None) -> dict[str, str]:
    """Every name the templates use, derived from the plugin's short name."""
    slug = name.strip().lower()
    if not SLUG.fullmatch(slug):
        raise UsageError(f"plugin name {name!r} must be lower-case words joined by '-' "
                         "(for example 'northshire')")
    given = prefix
    prefix = (prefix or slug.replace("-", "")[:3]).strip().upper()
    if not PREFIX.fullmatch(prefix) or prefix.startswith(RESERVED_PREFIX):
        if given:
            raise UsageError(f"--prefix {given!r}: a rule prefix must be 2-4 letters, "
                             f"not starting {RESERVED_PREFIX}")
        raise UsageError(f"the rule prefix made from {name!r}, {prefix!r}, must be 2-4 "
                         f"letters, not starting {RESERVED_PREFIX}: choose one with --prefix")
    title = slug.replace("-", " ").title()
    return {
        "slug": slug,
        "title": title,
        "prefix": prefix,
        "module": "scr_" + slug.replace("-", "_"),
        "dist": f"scr-checks-{slug}",
        "version": __version__,
        "underline": "=" * len(f"2. Learning for {title}"),
    }


def _files(folder: Traversable, relative: Path) -> list[tuple[Path, Traversable]]:
    found = []
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        if item.is_dir():
            found += _files(item, relative / item.name)
        elif item.name.endswith(".tmpl"):
            found.append((relative / item.name.removesuffix(".tmpl"), item))
    return found


def new_plugin(name: str, prefix: str | None = None, directory: Path | None = None) -> Path:
    """Write the plugin into ``directory`` (default ``./scr-checks-NAME``); return it."""
    names = plugin_names(name, prefix)
    target = Path(directory) if directory else Path(names["dist"])
    if target.exists() and any(target.iterdir()):
        raise UsageError(f"{target} exists and is not empty")
    templates = resources.files("scr_checks") / "templates" / "plugin"
    for relative, template in _files(templates, Path()):
        path = target / Path(*(names["module"] if part == "__module__" else part
                               for part in relative.parts))
        path.parent.mkdir(parents=True, exist_ok=True)
        text = string.Template(template.read_text(encoding="utf-8")).substitute(names)
        path.write_text(text, encoding="utf-8")
    return target
