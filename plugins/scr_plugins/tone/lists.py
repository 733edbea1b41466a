"""The tone word lists: shipped data plus what the configuration adds."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from scr_checks import CheckContext, Config, ConfigError, WordEntry, WordList

DATA = Path(__file__).parent / "data"
NAMESPACE = "tone"
LIST_NAMES = ("blame", "hindsight", "judgemental", "emotive", "speculation")
#: Where the run's stash keeps :func:`words_needed`.
WORDS = f"{NAMESPACE}.words"


@cache
def shipped(name: str) -> WordList:
    return WordList.load(DATA / f"{name}.tsv")


def configured(context: CheckContext) -> dict[str, WordList]:
    """Each list, extended by ``[tone] extra_words``, ``word_files`` and ``allowed``.

    Built once a run, by ``scr_configure`` (:func:`prepare`), into the run's stash.
    """
    lists: dict[str, WordList] = context.config.stash[NAMESPACE]
    return lists


def words_needed(context: CheckContext) -> frozenset[str] | None:
    """Case-folded words of which a block must hold one for any list to match
    it (None: some list's are unknown), so that most blocks are tested once
    rather than once per list."""
    words: frozenset[str] | None = context.config.stash[WORDS]
    return words


def prepare(config: Config) -> None:
    """Build the run's lists; a wrong option is one configuration error, at start-up."""
    source = config.path or "configuration"
    extra = _checked(config.option(NAMESPACE, "extra_words"), "extra_words", source)
    files = _checked(config.option(NAMESPACE, "word_files"), "word_files", source)
    allowed = config.option(NAMESPACE, "allowed")
    out = {}
    for name in LIST_NAMES:
        try:
            entries = [WordEntry.from_data(item, name)
                       for item in _as_list(extra.get(name, []))]
            if name in files:
                entries += WordList.load(config.root / files[name]).entries
        except (OSError, ValueError, KeyError) as exc:
            raise ConfigError(f"{source}: [tone] {name}: {exc}") from None
        out[name] = shipped(name).extend(entries, allowed)
    config.stash[NAMESPACE] = out
    needed = [words.words_needed for words in out.values()]
    config.stash[WORDS] = (None if None in needed
                           else frozenset().union(*(n for n in needed if n is not None)))


def _checked(table: dict[str, Any], key: str, source: object) -> dict[str, Any]:
    unknown = set(table) - set(LIST_NAMES)
    if unknown:
        raise ConfigError(
            f"{source}: [tone] {key}: unknown list {sorted(unknown)}; "
            f"use {', '.join(LIST_NAMES)}")
    return table


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]
