"""One pass over a text: run every detector, keep the best hit for each span.

Detectors may find the same words twice ("7 Canal Street" is an address and
contains a street name); the more specific kind wins, in ``PRIORITY`` order.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from operator import attrgetter

import regex

from scr_checks import Rule
from scr_plugins.privacy import conditions, dates, numbers, places
from scr_plugins.privacy.gazetteer import Lexicon
from scr_plugins.privacy.hits import Hit
from scr_plugins.privacy.names import NameFinder
from scr_plugins.privacy.rules import (
    ADDRESS,
    BIRTH_OR_DEATH_DATE,
    EMAIL_ADDRESS,
    EXACT_AGE,
    FULL_DATE,
    IDENTIFYING_COMBINATION,
    NAMED_CONDITION,
    NAMED_PLACE,
    NAMED_PROFESSIONAL,
    NHS_NUMBER,
    NI_NUMBER,
    PERSONAL_NAME,
    PERSONAL_URL,
    PHONE_NUMBER,
    POSTCODE,
    REFERENCE_NUMBER,
    UNDECLARED_FIRST_NAME,
)
from scr_plugins.privacy.spans import Spans

PRIORITY = (
    NHS_NUMBER, NI_NUMBER, EMAIL_ADDRESS, PERSONAL_URL, PHONE_NUMBER, BIRTH_OR_DEATH_DATE,
    FULL_DATE, REFERENCE_NUMBER, ADDRESS, POSTCODE, NAMED_PLACE, NAMED_PROFESSIONAL,
    PERSONAL_NAME, UNDECLARED_FIRST_NAME, NAMED_CONDITION, EXACT_AGE,
)
_RANK = {rule.id: i for i, rule in enumerate(PRIORITY)}
CATEGORY_WORDS = {
    "date": "a full date",
    "age": "an age in months, weeks or days",
    "origin": "a specific ethnicity, nationality or faith",
    "place": "a named place",
    "condition": "a named health condition",
}


def resolve(hits: Iterable[Hit], allowed: set[str]) -> list[Hit]:
    """Drop allowed text and hits inside a more specific one, in text order.

    Hits are taken kind by kind, most specific first, each kind in text
    order: a hit is checked against the kinds kept before by binary search,
    and against its own kind's last kept hit, the only one that can reach it.
    """
    last = len(PRIORITY)
    by_rank: dict[int, list[Hit]] = {}
    for hit in hits:
        rank = _RANK.get(hit.rule.id, last) if hit.rule else last
        found = by_rank.get(rank)
        if found is None:
            by_rank[rank] = [hit]
        else:
            found.append(hit)
    kept: list[Hit] = []
    spans = Spans()
    taken: list[Hit] = []
    for rank in sorted(by_rank):
        if taken:  # the kind before's hits, merged only when a kind after them looks
            spans = spans.merged(taken)
        taken = []
        # ``spans.overlaps(hit)`` written out: a paragraph of addresses asks it of
        # each address and again of the street name inside it.  The first kind
        # has no kind before it to look in (a paragraph of dates, only that).
        starts, ends = spans.starts, spans.ends
        top_start, top_end = 0, -1  # the last hit taken of this kind
        # In text order, then in the order found (the sort is stable).
        for hit in sorted(by_rank[rank], key=attrgetter("start")):
            start, end = hit.start, hit.end
            if (start < top_end and top_start < end) or (allowed and hit.text in allowed):
                continue
            if starts:
                i = bisect_right(ends, start)
                if i < len(starts) and starts[i] < end:
                    continue
            taken.append(hit)
            top_start, top_end = start, end
        kept.extend(taken)
    return sorted(kept, key=attrgetter("start"))


def combination(hits: list[Hit], details: list[Hit]) -> Hit | None:
    """A hit for three kinds of detail in one paragraph, or age with condition."""
    parts = [h for h in (*hits, *details) if h.category]
    kinds = {h.category for h in parts}
    if len(kinds) < 3 and not {"age", "condition"} <= kinds:
        return None
    first = min(parts, key=attrgetter("start"))  # the first found of those at the first place
    listed = ", ".join(CATEGORY_WORDS[k] for k in sorted(kinds))
    return Hit(
        IDENTIFYING_COMBINATION, first.start, first.end, first.text,
        f"identifying combination in one paragraph ({listed})",
        "generalise one or more of these details (a season, 'a baby', 'a local school', "
        "'a serious health condition')",
    )


def scan(text: str, lexicon: Lexicon, names: NameFinder | None,
         extra: Iterable[tuple[Rule, regex.Pattern[str]]] = (),
         allowed: frozenset[str] = frozenset(),
         words: frozenset[str] | None = None) -> list[Hit]:
    """Every finding-worthy hit in ``text``, the combination hit last.

    ``words`` are ``word_runs(text)`` if the caller has them (the names
    detector takes them; the others ask ``word_runs``, whose cache keeps the
    last few texts asked for).
    """
    lower_words = names.doc.lower_words if names is not None else frozenset()
    found = [
        *numbers.find(text), *dates.find(text), *places.find(text, lexicon, lower_words),
        *conditions.find(text, lexicon),
    ]
    if names is not None:
        found.extend(names.find(text, words))
    for rule, pattern in extra:
        found.extend(Hit(rule, m.start(), m.end(), m[0], "identifier (local pattern)",
                         "remove it") for m in pattern.finditer(text))
    hits = resolve([h for h in found if h.rule], set(allowed))
    details = [h for h in found if not h.rule]
    if details:  # most paragraphs have none: no spans to look them up in
        spans = Spans()
        for hit in hits:
            spans.add(hit)
        details = [h for h in details if not spans.overlaps(h)]
    combined = combination(hits, details)
    return hits + ([combined] if combined else [])
