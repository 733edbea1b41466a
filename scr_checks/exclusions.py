"""What a folder run leaves out: ``exclude`` globs, ``.gitignore``, other configurations.

``scr-checks check .`` in a reports repository should check the reports,
not the README or the built HTML.  ``exclude`` (whose defaults name a
repository's own notes and build folders) and ``extend_exclude`` are
gitignore-style globs relative to the configuration file's folder; the
repository's ``.gitignore`` files count too unless ``respect_gitignore`` is
off.  A file named on the command line is always checked, unless
``--force-exclude`` asks for the same rules (as pre-commit, which names
every changed file, needs).

One run uses one configuration, so a folder inside the run that has a
configuration of its own is not checked with the wrong one: it is an error
for that folder, unless ``--config`` or ``--isolated`` chose for every file.
Every file or folder left out is logged with the reason (``-v``).

Globs are matched with pathspec, which implements git's own rules
(negation, anchoring, ``**``, folder-only patterns); it is imported on the
first folder walked (34 ms), so a run over named files does not pay for it.
"""

from __future__ import annotations

import logging
import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from scr_checks.config import Config, config_in
from scr_checks.paths import display_path
from scr_checks.records import FrozenRecord, Record

if TYPE_CHECKING:
    import pathspec

log = logging.getLogger("scr_checks")


class Exclusions(Record):
    """Decides, and logs, which paths a folder walk leaves out.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("root", "patterns", "respect_gitignore", "config_path",
                      "refuse_other_configs", "other_configs", "_gitignores", "_folders")

    root: Path
    patterns: list[str]
    respect_gitignore: bool
    #: The configuration file that applies to this run, or ``None``.
    config_path: Path | None
    #: Whether a folder's own configuration must be refused (not chosen by --config
    #: or --isolated).
    refuse_other_configs: bool
    #: Folders skipped because they have a configuration of their own: (folder, file).
    other_configs: list[tuple[Path, Path]]
    _gitignores: dict[Path, pathspec.GitIgnoreSpec | None]
    _folders: dict[tuple[Path, Path | None], _Folder]

    def __init__(self, root: Path, patterns: list[str], respect_gitignore: bool = True,
                 config_path: Path | None = None, refuse_other_configs: bool = True,
                 other_configs: list[tuple[Path, Path]] | None = None) -> None:
        self.root = root.resolve()
        self._root = str(self.root)
        self.patterns = patterns
        self.respect_gitignore = respect_gitignore
        self.config_path = config_path
        self.refuse_other_configs = refuse_other_configs
        self.other_configs = [] if other_configs is None else other_configs
        self._gitignores = {}
        self._folders = {}

    @cached_property
    def _spec(self) -> pathspec.GitIgnoreSpec:
        import pathspec

        return pathspec.GitIgnoreSpec.from_lines(self.patterns)

    @classmethod
    def from_config(cls, config: Config, chosen: bool) -> Exclusions:
        """The exclusions ``config`` sets; ``chosen`` when --config or --isolated chose it."""
        return cls(
            root=config.root,
            patterns=[*config.get("exclude"), *config.get("extend_exclude")],
            respect_gitignore=config.get("respect_gitignore"),
            config_path=config.path.resolve() if config.path else None,
            refuse_other_configs=not chosen,
        )

    def skip(self, path: Path, is_dir: bool, top: Path | None = None) -> bool:
        """Whether to leave ``path`` out; logs why.  ``top`` is the folder walked."""
        folder = self._folder(path.parent, top)
        real = f"{folder.real}/{path.name}"
        suffix = "/" if is_dir else ""
        relative = _inside(real, self._root) or _inside(real, folder.top)
        if relative is not None:
            match = self._spec.check_file(relative + suffix)
            if match.include:
                assert match.index is not None
                log.info("skipped %s: matches exclude pattern %r", path,
                         self.patterns[match.index])
                return True
        if self.respect_gitignore:
            decided: tuple[bool, Path] | None = None
            for base, spec in folder.gitignores:  # outermost first: the deepest decides
                match = spec.check_file(real[len(str(base)) + 1:] + suffix)
                if match.include is not None:
                    decided = (match.include, base / ".gitignore")
            if decided and decided[0]:
                log.info("skipped %s: ignored by %s (set respect_gitignore = false to check "
                         "it)", path, display_path(decided[1]))
                return True
        if is_dir and path != top and (found := config_in(Path(real))) is not None:
            if found != self.config_path and self.refuse_other_configs:
                self.other_configs.append((path, found))
                return True
        return False

    def _folder(self, parent: Path, top: Path | None) -> _Folder:
        """What every file in ``parent`` shares, worked out once per folder."""
        key = (parent, top)
        if key not in self._folders:
            real = Path(os.path.realpath(parent))
            real_top = str(Path(os.path.realpath(top))) if top else None
            chain = [(base, spec) for base in reversed(_repository_folders(real, real_top))
                     if (spec := self._gitignore(base)) is not None]
            self._folders[key] = _Folder(str(real), real_top, chain)
        return self._folders[key]

    def _gitignore(self, folder: Path) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._gitignores:
            lines: list[str] = []
            for name in (".gitignore", ".git/info/exclude"):
                try:
                    lines += (folder / name).read_text(encoding="utf-8").splitlines()
                except (OSError, UnicodeDecodeError):
                    continue
            self._gitignores[folder] = _compile(lines) if lines else None
        return self._gitignores[folder]


def _compile(lines: list[str]) -> pathspec.GitIgnoreSpec:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


class _Folder(FrozenRecord):
    """A walked folder's real path, the walk's top, and the .gitignore files over it; frozen.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("real", "top", "gitignores")
    real: str
    top: str | None
    gitignores: list[tuple[Path, pathspec.GitIgnoreSpec]]

    def __init__(self, real: str, top: str | None,
                 gitignores: list[tuple[Path, pathspec.GitIgnoreSpec]]) -> None:
        self.__dict__.update(real=real, top=top, gitignores=gitignores)


def _inside(real: str, base: str | None) -> str | None:
    """``real`` relative to ``base`` when it is below it, else ``None``."""
    if base is not None and real.startswith(base.rstrip("/") + "/"):
        return real[len(base.rstrip("/")) + 1:]
    return None


def _repository_folders(folder: Path, top: str | None) -> list[Path]:
    """``folder`` and its parents up to the repository root, nearest first.

    Outside a repository, up to the folder walked (``top``) only: a
    ``.gitignore`` further up belongs to no repository these files are in.
    """
    chain = []
    for candidate in (folder, *folder.parents):
        chain.append(candidate)
        if (candidate / ".git").exists():
            return chain
    real_top = Path(top) if top else folder
    return [c for c in chain if c.is_relative_to(real_top)] or [folder]
