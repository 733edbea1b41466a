"""What kind of document a report is, and whether the file holds all of it.

A briefing need not have a methodology, and an excerpt need not have
anything: the sections a report must contain depend on its kind, which is
data (``data/kinds.toml``).  The kind is set in the configuration or read
from the title page.  A file may also hold only part of a report: its own
contents page lists sections whose text is not there, or it is a few
hundred words with none of the sections its kind needs.  Rules that judge
what the whole report has or lacks (``Rule.whole_report``) are then not
run, and the scorecard says why.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from scr_checks.datacache import kept
from scr_checks.document import TextBlock
from scr_checks.headings import catalogue
from scr_checks.layout import BODY, FRONT, TEXT_PARTS
from scr_checks.patterns import compiled
from scr_checks.records import FrozenRecord
from scr_checks.shipped import shipped_file

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

FULL_REPORT = "full_report"
EXCERPT = "excerpt"
AUTO = "auto"
#: A file shorter than this, with under half the sections its kind needs, is a fragment.
FRAGMENT_WORDS = 3000


@lru_cache(maxsize=1)
def catalogue_of_kinds() -> dict[str, dict[str, Any]]:
    path = shipped_file("scr_checks", "data", "kinds.toml")
    return kept("kinds", lambda: _toml(path), [path])


def _toml(path: Traversable) -> dict[str, Any]:
    import tomllib  # parsed once and kept: later runs need not import it

    return tomllib.loads(path.read_text("utf-8"))


def kind_names() -> tuple[str, ...]:
    return tuple(catalogue_of_kinds())


@lru_cache(maxsize=1)
def _cues() -> list[tuple[str, regex.Pattern[str], regex.Pattern[str] | None]]:
    out = []
    for name, entry in catalogue_of_kinds().items():
        if entry.get("cues"):
            unless = entry.get("unless")
            out.append((name, compiled(r"\b(?:" + "|".join(entry["cues"]) + r")\b",
                                            regex.IGNORECASE),
                        compiled(r"\b(?:" + "|".join(unless) + r")\b", regex.IGNORECASE)
                        if unless else None))
    return out


class Kind(FrozenRecord):
    """The document's kind, where it came from, and whether the file is whole; frozen.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("name", "source", "required", "whole", "why_not_whole", "missing")
    name: str
    #: ``configuration``, ``title page`` or ``default``.
    source: str
    #: Canonical sections this kind must contain.
    required: tuple[str, ...]
    #: True when the file holds the whole document, so absences mean something.
    whole: bool
    #: Why the file is not whole, in a reader's words ("" when it is).
    why_not_whole: str
    #: Sections the contents page lists whose text is not in the file.
    missing: tuple[str, ...]

    def __init__(self, name: str, source: str, required: tuple[str, ...], whole: bool = True,
                 why_not_whole: str = "", missing: tuple[str, ...] = ()) -> None:
        self.__dict__.update(name=name, source=source, required=required, whole=whole,
                             why_not_whole=why_not_whole, missing=missing)

    @property
    def not_applicable(self) -> dict[str, str]:
        """Rules that do not apply to this kind of document, with the reason."""
        entry = catalogue_of_kinds()[self.name]
        reason = str(entry.get("why_not_applicable", ""))
        return {rule_id: reason for rule_id in entry.get("not_applicable", ())}

    @property
    def label(self) -> str:
        return str(catalogue_of_kinds()[self.name]["label"])


def recognise_kind(blocks: list[TextBlock], present: set[str], promised: frozenset[str],
                   setting: str) -> Kind:
    """The kind of the document ``blocks`` make, and whether they are all of it."""
    if setting != AUTO:
        name, source = setting, "configuration"
    else:
        name, source = _from_title_page(blocks)
    required = tuple(catalogue_of_kinds()[name]["required"])
    if name == EXCERPT:
        why = ("the configuration says it is an excerpt" if source == "configuration"
               else "it is an excerpt")
        return Kind(name, source, required, whole=False, why_not_whole=why)
    labels = {key: value["label"].split(" / ")[0] for key, value in catalogue().items()}
    missing = tuple(sorted(promised - present))
    if missing:
        listed = _join([labels.get(key, key) for key in missing])
        their = "its text is" if len(missing) == 1 else "their text is"
        return Kind(name, source, required, whole=False, missing=missing,
                    why_not_whole=f"its contents page lists {listed}, but {their} not in "
                    "the file")
    if source == "configuration":
        return Kind(name, source, required)  # the user says what the file is
    words = sum(len(b.text.split()) for b in blocks if b.part in TEXT_PARTS)
    found = [key for key in required if key in present]
    if required and words < FRAGMENT_WORDS and len(found) * 2 < len(required):
        absent = _join([labels.get(key, key) for key in required if key not in present])
        label = catalogue_of_kinds()[name]["label"]
        # The bound, not the count: the message is what a baseline recognises the
        # finding by, and an edit that adds a paragraph must not make it new.
        text = (f"fewer than {FRAGMENT_WORDS:,} words of text" if words
                else "no text beyond its title page")
        article = "an" if label[0] in "aeiou" else "a"
        return Kind(name, source, required, whole=False,
                    why_not_whole=f"it has {text} and none of the sections {article} {label} "
                    f"has ({absent})")
    return Kind(name, source, required)


def _from_title_page(blocks: list[TextBlock]) -> tuple[str, str]:
    front = [b.text for b in blocks if b.part == FRONT]
    opening = next((b.text for b in blocks if b.part == BODY and not b.is_heading), "")
    text = " ".join([*front, " ".join(opening.split()[:40])])
    for name, cue, unless in _cues():
        if cue.search(text) and not (unless and unless.search(text)):
            return name, "title page"
    return FULL_REPORT, "default"


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
