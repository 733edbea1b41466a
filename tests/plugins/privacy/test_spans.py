"""Look-ups by binary search answer what a rescan of the paragraph answered."""

import regex
from hypothesis import given
from hypothesis import strategies as st
from scr_plugins.accessibility import acronyms
from scr_plugins.privacy import conditions, names
from scr_plugins.privacy.hits import Hit
from scr_plugins.privacy.rules import FULL_DATE, NAMED_PLACE, PERSONAL_NAME
from scr_plugins.privacy.scanner import resolve
from scr_plugins.privacy.spans import Spans, Stops

TEXTS = st.lists(st.sampled_from(["a", "B", " ", "\n", ".", ";", "1", "(", ":", "“", "Mr",
                                  "Child"]), max_size=12).map("".join)


def _disjoint(cuts: list[int]) -> list[tuple[int, int]]:
    points = sorted(set(cuts))
    return [(a, b) for a, b in zip(points[::2], points[1::2], strict=False) if a < b]


@given(st.lists(st.integers(0, 60), max_size=20), st.integers(0, 60), st.integers(1, 10))
def test_an_overlap_is_found_as_a_look_at_every_span_finds_it(cuts, start, width):
    spans = _disjoint(cuts)
    found = Spans(spans).overlap(start, start + width)
    expected = [i for i, (s, e) in enumerate(spans) if s < start + width and start < e]
    assert found == (expected[0] if expected else None)


@given(st.lists(st.integers(0, 60), max_size=20), st.integers(0, 60))
def test_a_place_inside_a_span_is_found(cuts, place):
    spans = _disjoint(cuts)
    assert Spans(spans).holds_place(place) == any(s <= place < e for s, e in spans)


@given(st.lists(st.integers(0, 60), max_size=20), st.integers(0, 60), st.integers(0, 60))
def test_a_span_inside_a_range_is_found(cuts, start, end):
    spans = _disjoint(cuts)
    assert Spans(spans).holds(start, end) == any(start <= s and e <= end for s, e in spans)


@given(st.lists(st.sampled_from([". ", "a", ".", " "]), max_size=20).map("".join),
       st.integers(0, 25))
def test_stops_are_where_rfind_and_find_put_them(text, at):
    stops = Stops(text, regex.compile(r"\. "))
    assert stops.before(at) == text.rfind(". ", 0, at)
    assert stops.after(at) == (text.find(". ", at) if ". " in text[at:] else len(text))


@given(st.lists(st.tuples(st.sampled_from([FULL_DATE, NAMED_PLACE, PERSONAL_NAME]),
                          st.integers(0, 40), st.integers(1, 8)), max_size=25),
       st.sets(st.integers(0, 40).map("t{}".format), max_size=5))
def test_resolving_keeps_what_a_look_at_every_kept_hit_kept(drawn, allowed):
    hits = [Hit(rule, start, start + width, f"t{start}") for rule, start, width in drawn]
    rank = {FULL_DATE: 0, NAMED_PLACE: 1, PERSONAL_NAME: 2}
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (rank[h.rule], h.start)):
        if hit.text not in allowed and not any(hit.overlaps(k) for k in kept):
            kept.append(hit)
    assert resolve(hits, allowed) == sorted(kept, key=lambda h: h.start)


@given(TEXTS, st.integers(0, 12))
def test_sentence_starts_are_what_a_search_from_the_text_start_found(text, at):
    at = min(at, len(text))
    name_start = regex.compile(r"(?:^|[.!?:;\"“(]\s*|^\s*[\d.]+\s+)$")
    condition_start = regex.compile(r"(?:^|[.!?:;]\s+|^\s*[\d.]+\s+)$")
    pseudonym = regex.compile(
        r"(?:\b(?:Child|Baby|Mr|Mrs|Ms|Miss|Mx|Dr|Adult|Family|Sibling|Case|Person|Subject)"
        r"\.?\s+)$")
    assert bool(names.SENTENCE_START.match(text, at)) == bool(name_start.search(text, 0, at))
    assert (bool(conditions.SENTENCE_START.match(text, at))
            == bool(condition_start.search(text, 0, at)))
    assert (bool(acronyms.PSEUDONYM_BEFORE.match(text, at))
            == bool(pseudonym.search(text, 0, at)))
