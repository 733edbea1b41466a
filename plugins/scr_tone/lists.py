"""The tone word lists: shipped data plus what the configuration adds."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from scr_checks import CheckContext, WordEntry, WordList

DATA = Path(__file__).parent / "data"
NAMESPACE = "tone"
LIST_NAMES = ("blame", "hindsight", "judgemental", "emotive", "speculation")


@cache
def shipped(name: str) -> WordList:
    return WordList.load(DATA / f"{name}.tsv")


def configured(context: CheckContext) -> dict[str, WordList]:
    """Each list, extended by ``[tone] extra_words``, ``word_files`` and ``allowed``.

    Built once per file and kept in the file's stash.
    """
    lists = context.stash.get(NAMESPACE)
    if lists is None:
        lists = _build(context)
        context.stash[NAMESPACE] = lists
    return lists


def _build(context: CheckContext) -> dict[str, WordList]:
    extra = _checked(context.option(NAMESPACE, "extra_words"), "extra_words")
    files = _checked(context.option(NAMESPACE, "word_files"), "word_files")
    allowed = context.option(NAMESPACE, "allowed")
    out = {}
    for name in LIST_NAMES:
        entries = [WordEntry.from_data(item, name) for item in _as_list(extra.get(name, []))]
        if name in files:
            entries += WordList.load(context.config.root / files[name]).entries
        out[name] = shipped(name).extend(entries, allowed)
    return out


def _checked(table: dict[str, Any], key: str) -> dict[str, Any]:
    unknown = set(table) - set(LIST_NAMES)
    if unknown:
        raise ValueError(
            f"[tone] {key}: unknown list {sorted(unknown)}; use {', '.join(LIST_NAMES)}"
        )
    return table


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]
