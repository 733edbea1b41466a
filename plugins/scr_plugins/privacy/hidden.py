"""What a published file carries beyond its visible text.

Readers of DOCX and PDF put comments, tracked changes, hidden text,
annotations and document properties into ``Report.hidden``.  Their mere
presence is a finding (SCR218); a person's name in an author-like property is
another (SCR219); and their text is scanned like any paragraph.
"""

from __future__ import annotations

from collections import defaultdict

import regex

from scr_checks import HiddenContent, compile_pattern
from scr_plugins.privacy.gazetteer import Lexicon

#: Kinds whose presence alone is a finding, with a plural for messages.
PRESENCE = {
    "comment": "comments",
    "insertion": "tracked insertions",
    "deletion": "tracked deletions",
    "hidden-text": "hidden text",
    "annotation": "annotations",
}
PERSON_FIELD = compile_pattern(
    r"\b(?:author|creator|last\s*modified\s*by|lastModifiedBy|manager|owner|reviewer)\b",
    regex.IGNORECASE,
)
ORGANISATION = compile_pattern(
    r"\b(?:Council|Partnership|Trust|Board|Ltd|Limited|Services?|Team|Unit|Office|User|"
    r"Admin|Administrator|Microsoft|Authority|Police|NHS|Panel)\b",
    regex.IGNORECASE,
)
WORD = compile_pattern(r"\p{Lu}[\p{L}'’-]+")


def present(hidden: list[HiddenContent]) -> dict[str, list[str]]:
    """Where each kind of hidden content occurs, by kind."""
    found: dict[str, list[str]] = defaultdict(list)
    for item in hidden:
        if item.kind in PRESENCE:
            found[item.kind].append(item.where)
    return dict(found)


def person_property(item: HiddenContent, lexicon: Lexicon) -> bool:
    """True for an author-like property whose value looks like a person's name."""
    if item.kind != "property" or not PERSON_FIELD.search(item.where):
        return False
    value = item.text.strip()
    if not value or ORGANISATION.search(value):
        return False
    if "@" in value:
        return True
    words = WORD.findall(value)
    known = [w for w in words if lexicon.name(w) is not None]
    return bool(known) or len(words) >= 2
