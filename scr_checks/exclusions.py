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
(negation, anchoring, ``**``, folder-only patterns).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from scr_checks.config import Config, config_in
from scr_checks.paths import display_path

log = logging.getLogger("scr_checks")


@dataclass
class Exclusions:
    """Decides, and logs, which paths a folder walk leaves out."""

    root: Path
    patterns: list[str]
    respect_gitignore: bool = True
    #: The configuration file that applies to this run, or ``None``.
    config_path: Path | None = None
    #: Whether a folder's own configuration must be refused (not chosen by --config
    #: or --isolated).
    refuse_other_configs: bool = True
    #: Folders skipped because they have a configuration of their own: (folder, file).
    other_configs: list[tuple[Path, Path]] = field(default_factory=list)
    _spec: pathspec.GitIgnoreSpec = field(init=False)
    _gitignores: dict[Path, pathspec.GitIgnoreSpec | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.root = self.root.resolve()
        self._spec = pathspec.GitIgnoreSpec.from_lines(self.patterns)

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
        real = Path(os.path.realpath(path))
        relative = self._relative(real, top)
        if relative is not None:
            match = self._spec.check_file(relative + ("/" if is_dir else ""))
            if match.include:
                assert match.index is not None
                log.info("skipped %s: matches exclude pattern %r", path,
                         self.patterns[match.index])
                return True
        if self.respect_gitignore and (source := self._gitignored(real, is_dir, top)):
            log.info("skipped %s: ignored by %s (set respect_gitignore = false to check it)",
                     path, display_path(source))
            return True
        if is_dir and path != top and (found := config_in(real)) is not None:
            if found != self.config_path and self.refuse_other_configs:
                self.other_configs.append((path, found))
                return True
        return False

    def _relative(self, real: Path, top: Path | None) -> str | None:
        for base in (self.root, top.resolve() if top else None):
            if base is not None and real.is_relative_to(base) and real != base:
                return real.relative_to(base).as_posix()
        return None

    def _gitignored(self, real: Path, is_dir: bool, top: Path | None) -> Path | None:
        """The ``.gitignore`` that leaves ``real`` out, if one does (the deepest decides)."""
        decided: tuple[bool, Path] | None = None
        for folder in reversed(_repository_folders(real.parent, top)):
            spec = self._gitignore(folder)
            if spec is None:
                continue
            relative = real.relative_to(folder).as_posix() + ("/" if is_dir else "")
            match = spec.check_file(relative)
            if match.include is not None:
                decided = (match.include, folder / ".gitignore")
        return decided[1] if decided and decided[0] else None

    def _gitignore(self, folder: Path) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._gitignores:
            lines: list[str] = []
            for name in (".gitignore", ".git/info/exclude"):
                try:
                    lines += (folder / name).read_text(encoding="utf-8").splitlines()
                except (OSError, UnicodeDecodeError):
                    continue
            self._gitignores[folder] = pathspec.GitIgnoreSpec.from_lines(lines) if lines \
                else None
        return self._gitignores[folder]


def _repository_folders(folder: Path, top: Path | None) -> list[Path]:
    """``folder`` and its parents up to the repository root, nearest first.

    Outside a repository, up to the folder walked (``top``) only: a
    ``.gitignore`` further up belongs to no repository these files are in.
    """
    chain = []
    for candidate in (folder, *folder.parents):
        chain.append(candidate)
        if (candidate / ".git").exists():
            return chain
    real_top = top.resolve() if top else folder
    return [c for c in chain if c.is_relative_to(real_top)] or [folder]
