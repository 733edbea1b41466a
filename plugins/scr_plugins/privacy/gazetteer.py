"""The privacy checker's word lists, loaded once and compiled into patterns.

Every list is a data file in ``data/`` (see ``data/SOURCES.md``); nothing is
fetched at run time.  :class:`Lexicon` is immutable so one instance can be
shared by every file of a run; a local area's additions make a new one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import FrozenInstanceError
from functools import cache, lru_cache
from typing import Any, NamedTuple

import regex

from scr_checks import kept_data, shipped_file
from scr_plugins.privacy.nametable import NameTable, grouped
from scr_plugins.privacy.phrases import PhraseSet


def _lines(name: str) -> list[str]:
    text = shipped_file(__package__, "data", name).read_text("utf-8")
    return [stripped for line in text.splitlines()
            if (stripped := line.strip()) and not line.startswith("#")]


def alternation(phrases: Iterable[str], flags: int = 0, suffix: str = "") -> regex.Pattern[str]:
    """One whole-word pattern for many phrases; spaces match any whitespace.

    ``suffix`` is a pattern allowed after each phrase (a plural ending).
    """
    return regex.compile(
        alternation_source(phrases, bool(flags & regex.IGNORECASE), suffix), flags)


def alternation_source(phrases: Iterable[str], ignore_case: bool = False,
                       suffix: str = "") -> str:
    """The text of :func:`alternation`'s pattern, for patterns built around it.

    Compiling the alternation only to take its text cost 8 ms of every start-up.
    """
    parts = {(p.lower() if ignore_case else p) for p in phrases if p}
    # Where every phrase starts with a letter or digit, a match also starts at a
    # word boundary, which the engine tests far faster than the look-behind alone
    # (it differs only after "_" or a combining mark, never in a report's prose).
    boundary = r"\b" if all(p[0].isalnum() for p in parts) else ""
    return rf"{boundary}(?<![\p{{L}}\p{{N}}])(?:{_trie(parts)}){suffix}(?![\p{{L}}\p{{N}}])"


#: A character as the pattern spells it; ``regex.escape`` a character at a time
#: was half the cost of building the lists' patterns at every start-up.
_escape = cache(regex.escape)


def _trie(phrases: Iterable[str]) -> str:
    """The phrases as a tree of shared beginnings ("cleft (?:lip|palate)").

    It matches what the phrases joined longest first would: the text picks one
    branch at each character, and a longer phrase is tried before a shorter one
    that ends there.  The engine walks the tree far faster than 150 phrases.
    Phrases are words one space apart, as the lists hold them: a space is any
    white space, and two together would let the first take what the second
    needs.
    """
    unique = sorted(set(phrases))
    return _branches(unique, 0) if unique else ""


def _branches(phrases: list[str], depth: int) -> str:
    """The tree below the first ``depth`` characters, which the sorted ``phrases`` share.

    Sorted, the phrases under each next character stand together, in the
    order of those characters; a phrase alone is its characters in a row (most
    of a tree), written without going down it a character at a time.
    """
    if len(phrases) == 1:
        return "".join(r"\s+" if char == " " else _escape(char) for char in phrases[0][depth:])
    ends = len(phrases[0]) == depth  # sorted first: the one phrase that ends here
    branches = []
    start = 1 if ends else 0
    while start < len(phrases):
        char = phrases[start][depth]
        end = start + 1
        while end < len(phrases) and phrases[end][depth] == char:
            end += 1
        branches.append((r"\s+" if char == " " else _escape(char))
                        + _branches(phrases[start:end], depth + 1))
        start = end
    joined = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{joined})?" if len(branches) == 1 else joined + "?"
    return joined


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


class Name(NamedTuple):
    """What a word is as a name; a named tuple, as a frozen dataclass's methods are
    compiled at every start-up."""

    first: bool
    surname: bool
    #: The lower-case form is an English word ("Grace", "Brown").
    ambiguous: bool


#: Each kind of name by its number: bit 1 a first name, bit 2 a surname, bit 4
#: ambiguous.  The lexicon keeps numbers, which the cache reads back as they are.
KINDS = tuple(Name(bool(kind & 1), bool(kind & 2), bool(kind & 4)) for kind in range(8))


class Lexicon:
    """The privacy checker's word lists, read once; frozen.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    Compared by identity, as it always was.
    """

    #: Each name -> its kind as :data:`KINDS` numbers it.
    names: NameTable
    not_names: frozenset[str]
    not_people: PhraseSet
    roles: PhraseSet
    #: The roles' alternation as pattern text, for the patterns around a name.
    role_source: str
    origins: PhraseSet
    conditions: PhraseSet
    #: Lower-cased condition -> plain-English alternative.
    alternatives: dict[str, str]
    institutions: tuple[str, ...]
    streets: tuple[str, ...]
    #: Words that describe a kind of place ("Neonatal", "Crown"), not name one.
    place_kinds: frozenset[str]
    #: Street words that are also common nouns ("Place", "Approach").
    common_heads: frozenset[str]
    #: Phrase -> kind of cue ("relation", "name", "surname") before a name.
    name_cues: dict[str, str]
    #: Head word before a place name ("Ysgol", "Heol") -> "institution" or "street".
    place_heads: tuple[tuple[str, str], ...]
    #: Lower-case words inside a name ("ap", "de", "van").
    name_particles: frozenset[str]
    #: Nations and countries, too wide to count as a named place ("Wales").
    wide_places: frozenset[str]
    #: Last words of a house's name ("Cottage", "Farm") in an address.
    house_words: tuple[str, ...]
    #: Named local places a local area added ("Meadowbank"), matched whole.
    local_places: tuple[str, ...]
    #: Title before a name ("Mrs", "Dr") -> "personal" or "professional".
    titles: dict[str, str]
    #: First words of a pub's name without "Inn" or "Arms" ("the Red Lion").
    pub_words: frozenset[str]
    #: Counties and council areas ("Devon"): never a first name on its own.
    areas: frozenset[str]
    #: Offices whose holders act in public ("Minister of State").
    public_offices: tuple[str, ...]

    def __init__(self, names: NameTable, not_names: frozenset[str], not_people: PhraseSet,
                 roles: PhraseSet, role_source: str, origins: PhraseSet,
                 conditions: PhraseSet, alternatives: dict[str, str],
                 institutions: tuple[str, ...], streets: tuple[str, ...],
                 place_kinds: frozenset[str], common_heads: frozenset[str],
                 name_cues: dict[str, str], place_heads: tuple[tuple[str, str], ...] = (),
                 name_particles: frozenset[str] = frozenset(),
                 wide_places: frozenset[str] = frozenset(), house_words: tuple[str, ...] = (),
                 local_places: tuple[str, ...] = (), titles: dict[str, str] | None = None,
                 pub_words: frozenset[str] = frozenset(), areas: frozenset[str] = frozenset(),
                 public_offices: tuple[str, ...] = ()) -> None:
        fields = locals()
        del fields["self"]
        fields["titles"] = {} if titles is None else titles
        self.__dict__.update(fields)

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def name(self, word: str) -> Name | None:
        if word in self.not_names:
            return None
        found = self.names.get(word)
        if found is None and not word.isascii():
            # "Ciarán", "Zoë": the lists mostly spell names without accents.
            plain = _unaccented(word)
            if plain != word and plain not in self.not_names:
                found = self.names.get(plain)
        return None if found is None else KINDS[found]

    def with_additions(self, first: Iterable[str] = (), surnames: Iterable[str] = (),
                       places: Iterable[str] = ()) -> Lexicon:
        """A copy that also knows a local area's names and places."""
        added: dict[str, int] = {}
        for word, is_first in [*((w, True) for w in first), *((w, False) for w in surnames)]:
            known = added.get(word, self.names.get(word, 0))
            added[word] = (known or 0) & 3 | (1 if is_first else 2)  # not ambiguous
        copy = object.__new__(Lexicon)
        copy.__dict__.update(self.__dict__, names=self.names.with_names(added),
                             local_places=(*self.local_places, *places))
        return copy


#: The files the built-in lexicon is made from, in ``data/``.
_FILES = ("names.tsv", "conditions.tsv", "roles.txt", "not_names.txt", "not_people.txt",
          "origins.txt", "institutions.txt", "streets.txt", "place_kinds.txt",
          "common_heads.txt", "name_cues.tsv", "name_particles.txt", "wide_places.txt",
          "house_words.txt", "place_heads.tsv", "titles.tsv", "pub_words.txt", "areas.txt",
          "public_offices.txt")


def _parsed() -> dict[str, Any]:
    """The lists as plain data, which is what is kept between runs.

    A name is its word and its kind's number in :data:`KINDS`, kept in the
    groups a :class:`~scr_plugins.privacy.nametable.NameTable` reads.
    """
    names: dict[str, int] = {}
    #: A line's fields after the word -> its kind: a few distinct tails, parsed once.
    tails: dict[str, int] = {}
    for line in _lines("names.tsv"):
        word, _, tail = line.partition("\t")
        kind = tails.get(tail)
        if kind is None:
            letters, *rest = tail.split("\t")
            kind = tails[tail] = (("f" in letters) | ("s" in letters) << 1
                                  | bool(rest and rest[0]) << 2)
        names[word] = kind
    lists = {name: _lines(name) for name in _FILES[1:]}
    return {"names": grouped(names), "lists": lists,
            "role_source": alternation_source(lists["roles.txt"], ignore_case=True)}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The built-in lists; read on first use, from the cache when an earlier run kept them."""
    data = kept_data("privacy-lexicon", _parsed,
                     [shipped_file(__package__, "data", name) for name in _FILES])
    lists = data["lists"]
    conditions = [line.split("\t") for line in lists["conditions.tsv"]]
    return Lexicon(
        names=NameTable(data["names"]),
        not_names=frozenset(lists["not_names.txt"]),
        not_people=PhraseSet(lists["not_people.txt"]),
        roles=PhraseSet(lists["roles.txt"], ignore_case=True),
        role_source=data["role_source"],
        origins=PhraseSet(lists["origins.txt"], plural=True),
        conditions=PhraseSet([c[0] for c in conditions], ignore_case=True),
        alternatives={c[0].lower(): c[1] for c in conditions},
        institutions=tuple(lists["institutions.txt"]),
        streets=tuple(lists["streets.txt"]),
        place_kinds=frozenset(lists["place_kinds.txt"]),
        common_heads=frozenset(lists["common_heads.txt"]),
        name_cues=dict(line.split("\t") for line in lists["name_cues.tsv"]),
        name_particles=frozenset(lists["name_particles.txt"]),
        wide_places=frozenset(lists["wide_places.txt"]),
        house_words=tuple(lists["house_words.txt"]),
        place_heads=tuple(tuple(line.split("\t")) for line in lists["place_heads.tsv"]),
        titles=dict(line.split("\t") for line in lists["titles.tsv"]),
        pub_words=frozenset(lists["pub_words.txt"]),
        areas=frozenset(lists["areas.txt"]),
        public_offices=tuple(lists["public_offices.txt"]),
    )
