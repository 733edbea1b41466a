"""Addresses, postcodes and named local places (schools, surgeries, streets).

Agencies ("Westmoor NHS Foundation Trust", "Southbridge Police") are named
legitimately and are not matched: only the keywords in ``data/institutions.txt``
and ``data/streets.txt`` end a place name, and a phrase in
``data/not_people.txt`` ("Local Child Safeguarding Practice Review", "Signs
of Safety Approach") is never part of one.  A name needs a word that names
rather than describes: not one of ``data/place_kinds.txt`` ("the Neonatal
Intensive Care Unit") and, before an institution or a word of
``data/common_heads.txt``, not a word the report also uses in lower case
("Good Practice", "a Safe Place").  Numbered placeholders ("School 1", "Home 2", "GP Practice 1")
are the convention to suggest, so they never match.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from functools import lru_cache
from typing import Any

import regex

from scr_checks import compile_pattern, word_runs
from scr_plugins.privacy import rules
from scr_plugins.privacy.gates import numerals
from scr_plugins.privacy.gazetteer import Lexicon, alternation_source
from scr_plugins.privacy.hits import Hit
from scr_plugins.privacy.phrases import GatedPattern, Reach
from scr_plugins.privacy.spans import Spans

POSTCODE = compile_pattern(r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b")
PARTIAL_POSTCODE = compile_pattern(
    r"\b(?:post\s?code\s+(?P<a>[A-Z]{1,2}\d[A-Z\d]?)|(?P<b>[A-Z]{1,2}\d[A-Z\d]?)\s+post\s?code)\b",
    regex.IGNORECASE,
)
#: ``PARTIAL_POSTCODE`` needs "postcode" or "post code": one of these words.
POSTCODE_WORDS = frozenset({"post", "postcode"})
#: A word of a place's name.  Possessive (``*+``): each use is followed by a
#: space, a comma or a look-ahead refusing a letter, apostrophe or hyphen, so
#: giving back its last letters never helps a match, and on a paragraph of
#: capitalised words trying that at every word was a fifth of the street search.
_WORD = r"(?:St\.?|Saint|\p{Lu}[\p{L}'’-]*+)"
#: "on" is not inside a name: "the Fox and Hounds on Moor Road" is a pub, then a street.
_NAME = rf"{_WORD}(?:\s+(?:(?:of|and|the|upon|de|le)\s+)?{_WORD}){{0,4}}?"
#: Back from a street or institution word, where a ``_NAME`` before it may
#: start: in its last five words that start with a capital, each with a
#: linking word after it, the first from its first capital (after a bracket
#: or hyphen, a word may start inside one).  Matched in reverse.
_NAME_REACH = compile_pattern(
    r"(?:\p{Lu}\S*\s+(?:(?:of|and|the|upon|de|le)\s+)?){0,5}", regex.REVERSE)
#: Where a ``_NAME`` after the look-behind of the patterns that hold one may start.
_NAME_OPENING = compile_pattern(r"(?<![\p{L}\p{N}'’])\p{Lu}")
#: A name after a head word ("Ysgol Pen-y-Bryn", "Heol y Felin", "Hospital of St Cross"):
#: capitalised words, joined by Welsh and English linking words.
_HEAD_NAME = (
    rf"(?:(?:y|yr|the)\s+)?{_WORD}(?:\s+(?:(?:y|yr|ar|of|the|upon|on)\s+)?{_WORD}){{0,3}}"
)
#: A house or flat number just before a street's head word: "12 Heol y Felin".
NUMBER_BEFORE = compile_pattern(
    r"(?<![\d.,/:])(?:(?:Flat|Apartment|Room)\s+\d{1,4}[A-Za-z]?,?\s+(?:\d{1,4}[A-Za-z]?,?\s+)?"
    r"|\d{1,4}[A-Za-z]?,?\s+)$"
)
#: "St Mary's", "St Thomas'": a saint's name in the possessive names a church,
#: school or hospital even without the word for it.
SAINTS = compile_pattern(
    r"(?<![\p{L}\p{N}])(?:St\.?|Saint)\s+\p{Lu}\p{Ll}+(?:['’]s|s['’])(?!\p{L})")
#: Where a family lived or moved: "moved ... from Eastbridge", "lived in Northtown".
RESIDENCE = compile_pattern(
    r"\b(?:lived|living|lives|moved|moving|relocated|settled|housed|rehoused|grew\s+up|"
    r"returned)\b[^.;:]{0,40}?\b(?:in|from|to|near)\s+"
    r"(?P<town>\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}'’-]|\s+(?:\d|\p{Lu}\b))"
)
#: Cheap test before the pattern: the stems of its verbs.
#: A pub named for two things: "the Fox and Hounds", "the Crown & Anchor"; not a
#: title that goes on ("the Police and Crime Commissioner").
PUB_PAIR = compile_pattern(
    r"(?<![\p{L}])[Tt]he\s+(?P<name>(?P<a>\p{Lu}\p{Ll}+)\s+(?:and|&)\s+(?P<b>\p{Lu}\p{Ll}+))"
    r"(?![\p{L}\p{N}'’-]|\s+(?:\p{Lu}|\d|of\b|for\b))"
)
#: A pub named for a possessive head: "the Bull's Head", "the Queen's Head".
PUB_HEAD = compile_pattern(
    r"(?<![\p{L}\p{N}'’])(?P<a>\p{Lu}\p{Ll}+)['’]s\s+Head(?![\p{L}'’-]|\s+(?:\p{Lu}|of\b))"
)
RESIDENCE_VERBS = ("live", "living", "mov", "relocated", "settled", "housed", "grew", "returned")
LINKING = frozenset("y yr ar of the upon on".split())
YEAR = compile_pattern(r"(?:19|20)\d\d")
#: Compiled once: ``regex.finditer`` with a pattern's text looks it up in the
#: module's cache at every call, which on a paragraph of places cost more than the search.
_NON_SPACE = compile_pattern(r"\S+")
_WORD_AND_SPACE = compile_pattern(r"\S+\s*")


def is_postcode(text: str) -> bool:
    return POSTCODE.fullmatch(text) is not None


#: The groups of the ``named`` and ``address`` patterns below that :func:`find`
#: reads at every match, by number: the engine finds a group by name in over
#: twice the time, and a paragraph of addresses reads them 120,000 times a
#: megabyte.  The tests hold them to the patterns' names.
NAMED_GROUPS = {"name": 1, "kw": 2, "institution": 3}
ADDRESS_GROUPS = {"number": 1, "street": 2}
_NAME_GROUP, _KW_GROUP, _INSTITUTION_GROUP = NAMED_GROUPS.values()
_NUMBER_GROUP, _STREET_GROUP = ADDRESS_GROUPS.values()


@lru_cache(maxsize=8)
def _patterns(lexicon: Lexicon) -> tuple[GatedPattern, ...]:
    """The gazetteer's place patterns, each gated on the phrases it cannot match without."""
    institutions = alternation_source(lexicon.institutions)
    streets = alternation_source(lexicon.streets)
    named = GatedPattern(
        rf"(?<![\p{{L}}\p{{N}}'’])(?P<name>{_NAME})\s+"
        rf"(?P<kw>(?:{streets})(?:\s+(?P<institution>{institutions}))?|(?P<institution>{institutions}))"
        rf"(?!\s+(?:\d|[A-Z]\b))",
        (*lexicon.streets, *lexicon.institutions),
        reach=Reach(alternation_source((*lexicon.streets, *lexicon.institutions)), _NAME_REACH,
              _NAME_OPENING),
    )
    address = GatedPattern(
        rf"(?<![\d.,/:])(?:(?:Flat|Apartment|Room)\s+\d{{1,4}}[A-Za-z]?,?\s+"
        rf"(?:\d{{1,4}}[A-Za-z]?,?\s+)?|(?P<number>\d{{1,4}}[A-Za-z]?),?\s+)"
        rf"{_NAME}\s+(?:{streets})"
        # A building, then its street: "14 Canterbury House, Fenwick Road".
        rf"(?:,\s+(?P<street>{_NAME})\s+(?:{streets})(?![\p{{L}}\p{{N}}'’-]))?",
        lexicon.streets,
    )
    house = alternation_source(lexicon.house_words)
    heads = [h for h, _ in lexicon.place_heads]
    street_heads = [h for h, kind in lexicon.place_heads if kind == "street"]
    # The street is named before its head word ("Church Lane") or, in Welsh,
    # after it ("Heol y Mynydd").
    house_address = GatedPattern(
        rf"(?<![\p{{L}}\p{{N}}'’])(?P<house>The\s+{_WORD}(?:\s+{_WORD}){{0,2}}|"
        rf"{_WORD}(?:\s+(?:(?:y|yr)\s+)?{_WORD})?\s+(?:{house})),\s+(?:(?P<street>{_NAME})\s+(?P<kw>{streets})"
        rf"|(?:{alternation_source(street_heads)})\s+(?P<named>{_HEAD_NAME}))"
        rf"(?![\p{{L}}\p{{N}}'’-])(?:,\s+(?P<locality>\p{{Lu}}\p{{Ll}}+(?:\s+\p{{Lu}}\p{{Ll}}+)?)"
        rf"(?![\p{{L}}\p{{N}}'’-]))?",
        (*lexicon.streets, *street_heads), also=(*lexicon.house_words, "The"),
    )
    head_first = GatedPattern(
        rf"(?<![\p{{L}}\p{{N}}'’])(?P<head>{alternation_source(heads)})(?:['’]r)?\s+"
        rf"(?P<name>{_HEAD_NAME})(?![\p{{L}}\p{{N}}'’-])",
        heads,
    )
    pub_words = alternation_source(lexicon.pub_words) if lexicon.pub_words else r"(?!)"
    pub_word = GatedPattern(
        rf"(?<![\p{{L}}])[Tt]he\s+(?P<name>(?:{pub_words})\s+(?P<b>\p{{Lu}}\p{{Ll}}+))"
        rf"(?![\p{{L}}\p{{N}}'’-]|\s+(?:\p{{Lu}}|\d|of\b|for\b))",
        lexicon.pub_words,
    )
    local = GatedPattern(alternation_source(lexicon.local_places), lexicon.local_places,
                         kept=False)
    return named, address, head_first, house_address, pub_word, local


def _blocked(text: str, lexicon: Lexicon) -> Spans:
    """Where a phrase that is never part of a place stands in ``text``."""
    return Spans([b.span() for b in lexicon.not_people.findall(text)])


def _trim(name: str, kinds: frozenset[str]) -> int:
    """How many characters of leading generic words to drop from a place name."""
    if name.split(None, 1)[0] not in kinds:
        return 0  # most names: the first word already names
    cut = 0
    for m in _WORD_AND_SPACE.finditer(name):
        if m[0].strip() not in kinds:
            break
        cut = m.end()
    return cut


def _naming(name: str, common: bool, lexicon: Lexicon, lower_words: Set[str],
            describing: dict[tuple[str, bool], bool]) -> int:
    """How many characters of leading generic words to drop from a place's name
    before its keyword, or -1 if no word left names rather than describes
    (``common``: the words the report uses in lower case describe).

    ``describing`` keeps, for each word and ``common``, whether the word
    describes: a paragraph of places names a thousand places with the same
    few words.
    """
    cut = _trim(name, lexicon.place_kinds)
    words = name[cut:].split()
    if "and" in words:
        # "Background and Key Practice": the words next to the keyword must name.
        words = words[len(words) - words[::-1].index("and"):]
    for word in words:
        describes = describing.get((word, common))
        if describes is None:
            describes = describing[word, common] = _describes(
                word, lexicon, lower_words if common else frozenset())
        if not describes:
            return cut
    return -1


def _describes(word: str, lexicon: Lexicon, lower_words: Set[str]) -> bool:
    """True if ``word`` says what kind of place it is rather than naming it."""
    return (word in lexicon.place_kinds or word in lexicon.not_names
            or all(part in lower_words for part in word.lower().split("-")))


def find(text: str, lexicon: Lexicon, lower_words: Set[str] = frozenset()) -> Iterator[Hit]:
    """Places in ``text``; ``lower_words`` are the words the report uses in lower case."""
    named, address, head_first, house_address, pub_word, local = _patterns(lexicon)
    yield from _house_addresses(text, house_address, lexicon, lower_words)
    # House numbers of four digits -> whether each is a year: a list of
    # addresses repeats them.  The rule and the text of each hit are looked
    # up once: a paragraph of addresses makes a hit for each.
    years: dict[str, bool] = {}
    address_rule = rules.ADDRESS
    for m in address.finditer(text):
        number, street = m.group(_NUMBER_GROUP, _STREET_GROUP)
        if number and len(number) == 4:
            year = years.get(number)
            if year is None:
                year = years[number] = YEAR.fullmatch(number) is not None
            if year:
                continue
        if street and all(_describes(w, lexicon, frozenset()) for w in street.split()):
            start = m.start()
            end = len(text[: m.start(_STREET_GROUP)].rstrip(", \t\r\n"))
            found = text[start:end]
        else:
            (start, end), found = m.span(), m[0]
        yield Hit(address_rule, start, end, found, "address",
                  "remove the address; refer to it as 'the family home' or 'Address 1'",
                  "place")
    if numerals(text).mixed:
        yield from _postcodes(text)
    blocked = None
    # For each of whether the words the report uses in lower case count: a
    # name -> how many of its characters of generic words to drop, or -1 if
    # none of its words names.  Each worked out once, as a paragraph of
    # places repeats them.
    naming: tuple[dict[str, int], dict[str, int]] = ({}, {})
    describing: dict[tuple[str, bool], bool] = {}
    common_heads = lexicon.common_heads
    place_rule = rules.NAMED_PLACE
    for m in named.finditer(text):
        name, keyword, institution = m.group(_NAME_GROUP, _KW_GROUP, _INSTITUTION_GROUP)
        common = institution is not None or keyword in common_heads
        cuts = naming[common]
        cut = cuts.get(name)
        if cut is None:
            cut = cuts[name] = _naming(name, common, lexicon, lower_words, describing)
        if cut < 0:
            continue
        start, end = m.span()
        start += cut
        kw = m.start(_KW_GROUP)
        if start >= kw:
            continue
        if blocked is None:
            blocked = _blocked(text, lexicon)
        # A phrase over the name, or one that holds the place's last character
        # (most paragraphs, and a list of addresses, hold no such phrase).
        if blocked.starts and (blocked.overlap(start, kw) is not None
                               or blocked.overlap(end - 1, end) is not None):
            continue
        yield Hit(place_rule, start, end, text[start:end] if cut else m[0], "named local place",
                  "describe the kind of place instead ('a local primary school', "
                  "'the GP practice', 'School 1')", "place")
    yield from _head_first(text, head_first, lexicon, lower_words)
    yield from _pubs(text, lexicon, lower_words, pub_word)
    yield from _towns(text, lexicon, lower_words)
    for m in local.finditer(text):
        yield Hit(rules.NAMED_PLACE, m.start(), m.end(), m[0], "named local place",
                  "describe the kind of place instead", "place")


def _postcodes(text: str) -> Iterator[Hit]:
    """Postcodes and, after or before the word "postcode", their districts: each
    has a letter against a digit, so a run of both (:func:`numerals`)."""
    for m in POSTCODE.finditer(text):
        yield Hit(rules.POSTCODE, m.start(), m.end(), m[0], "postcode", "remove the postcode",
                  "place")
    if POSTCODE_WORDS.isdisjoint(word_runs(text)):
        return
    for m in PARTIAL_POSTCODE.finditer(text):
        group = "a" if m["a"] else "b"
        yield Hit(rules.POSTCODE, m.start(group), m.end(group), m[group], "postcode district",
                  "remove the postcode district", "place")


def _head_first(text: str, pattern: GatedPattern, lexicon: Lexicon,
                lower_words: Set[str]) -> Iterator[Hit]:
    """Names after a head word ("Capel Bethesda"), and a saint's possessive ("St Mary's")."""
    found = Spans()
    blocked = None
    for m in pattern.finditer(text):
        end = m.start("name")
        naming = False
        for word in _NON_SPACE.finditer(m["name"]):
            if word[0] in LINKING:
                continue
            if word[0] in lexicon.not_names and word[0] not in ("St", "St."):
                break
            end = m.start("name") + word.end()
            naming = naming or not _describes(word[0], lexicon, lower_words)
        if not naming:
            continue
        if blocked is None:
            blocked = _blocked(text, lexicon)
        if blocked.overlap(m.start(), end) is not None:
            continue
        found.add_span(m.start(), end)
        if dict(lexicon.place_heads).get(" ".join(m["head"].split())) == "street":
            number = NUMBER_BEFORE.search(text, max(0, m.start() - 24), m.start())
            if number:
                yield Hit(rules.ADDRESS, number.start(), end, text[number.start() : end], "address",
                          "remove the address; refer to it as 'the family home' or 'Address 1'",
                          "place")
                continue
        yield Hit(rules.NAMED_PLACE, m.start(), end, text[m.start() : end], "named local place",
                  "describe the kind of place instead ('a local primary school', "
                  "'the chapel', 'School 1')", "place")
    for m in SAINTS.finditer(text) if "St" in text else ():
        if found.overlap(m.start(), m.end()) is not None:
            continue
        if blocked is None:
            blocked = _blocked(text, lexicon)
        if blocked.overlap(m.start(), m.end()) is not None:
            continue
        yield Hit(rules.NAMED_PLACE, m.start(), m.end(), m[0], "named local place",
                  "describe the kind of place instead ('a local church', 'the hospital')",
                  "place")


def _house_addresses(text: str, pattern: GatedPattern, lexicon: Lexicon,
                     lower_words: Set[str]) -> Iterator[Hit]:
    """A house name, a street and a village: "The Old Forge, Church Lane, Little Whitcombe"."""
    if "," not in text:
        return
    for m in pattern.finditer(text):
        house = m["house"].split()
        if all(_describes(w, lexicon, lower_words) for w in house[house[0] == "The":]):
            continue
        if m["kw"] is None:
            if all(w in LINKING or _describes(w, lexicon, lower_words)
                   for w in m["named"].split()):
                continue
        else:
            street = lower_words if m["kw"] in lexicon.common_heads else frozenset()
            if all(_describes(w, lexicon, street) for w in m["street"].split()):
                continue
        end = m.end()
        if m["locality"] and any(_describes(w, lexicon, lower_words)
                                 for w in m["locality"].split()):
            end = m.end("kw")
        yield Hit(rules.ADDRESS, m.start(), end, text[m.start() : end], "address",
                  "remove the address; refer to it as 'the family home' or 'Address 1'",
                  "place")


def _pubs(text: str, lexicon: Lexicon, lower_words: Set[str],
          pub_word: GatedPattern) -> Iterator[Hit]:
    """Pubs: "the Fox and Hounds", "the Bull's Head", "the Jolly Sailor"; each word
    must name, not describe."""
    # Each: the match, its group that must not overlap a kept hit, the words that must name.
    pubs: list[tuple[Any, str | int, tuple[str, ...]]] = [
        (m, "name", (m["a"], m["b"])) for m in PUB_PAIR.finditer(text)]
    if "Head" in text:
        pubs += [(m, 0, (m["a"],)) for m in PUB_HEAD.finditer(text)]
    # "the Red Lion": only the word after the pub word must name a thing.
    pubs += [(m, "name", (m["b"],)) for m in pub_word.finditer(text)
             if not _place_word(m["b"], lexicon)]
    for m, group, words in pubs:
        if any(w in lexicon.not_names or w.lower() in lower_words
               or w.lower() in lexicon.name_cues for w in words):
            continue
        if any(b.start() < m.end(group) and m.start(group) < b.end()
               for b in lexicon.not_people.finditer(text, m.start(), m.end())):
            continue
        yield Hit(rules.NAMED_PLACE, m.start(group), m.end(group), m[group], "named local place",
                  "describe the kind of place instead ('a local pub')", "place")


def _place_word(word: str, lexicon: Lexicon) -> bool:
    """A word that says what kind of place, institution or street it is."""
    return (word in lexicon.place_kinds or word in lexicon.institutions
            or word in lexicon.streets or lexicon.roles.holds_word(word))


def _towns(text: str, lexicon: Lexicon, lower_words: Set[str]) -> Iterator[Hit]:
    """A town or borough where the family lived: no finding, but a place in a combination."""
    if not any(verb in text for verb in RESIDENCE_VERBS):
        return
    for m in RESIDENCE.finditer(text):
        town = m["town"]
        if town in lexicon.wide_places or any(
                _describes(w, lexicon, lower_words) or _first_name_only(w, lexicon)
                for w in town.replace("-", " ").split()):
            continue
        yield Hit(None, m.start("town"), m.end("town"), town, category="place")


def _first_name_only(word: str, lexicon: Lexicon) -> bool:
    """A person's first name and never a surname ("Tyler"): towns are often surnames."""
    entry = lexicon.name(word)
    return entry is not None and entry.first and not entry.surname
