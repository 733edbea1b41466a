"""What ``scr-checks redact`` calls a named place: "[School 1]", not "[Place 1]"."""

from __future__ import annotations

from functools import lru_cache

from scr_plugins.privacy.gazetteer import _lines

#: A place whose name has no word in the table.
OTHER = "Place"


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    return dict(line.split("\t", 1) for line in _lines("place_placeholders.tsv"))


def place_placeholder(name: str) -> str:
    """The placeholder for the named place ``name``, numbered: "School {n}"."""
    kinds = _kinds()
    for word in reversed(name.lower().replace("’", "'").split()):
        word = word.strip(".,;:()")
        kind = kinds.get(word.removesuffix("'s")) or kinds.get(word)
        if kind:
            return f"{kind} {{n}}"
    return f"{OTHER} {{n}}"
