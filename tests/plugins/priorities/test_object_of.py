"""A body after a preposition is what is acted on: the look-behind answers as a search did."""

import regex
from hypothesis import given
from hypothesis import strategies as st
from scr_plugins.priorities import OBJECT_OF

SEARCHED = regex.compile(r"\b(?:to|of|for|from|with|by|within|between|in|into|across)\s+"
                         r"(?:the\s+|all\s+|each\s+)?$", regex.IGNORECASE)


@given(st.lists(st.sampled_from(["to", "TO", " ", "\n", "the", "x", "in", "into", "all",
                                 "each", "y "]), max_size=8).map("".join),
       st.integers(0, 40))
def test_object_of_matches_where_a_search_to_the_body_found_a_preposition(text, at):
    at = min(at, len(text))
    assert (OBJECT_OF.match(text, at) is not None) == (SEARCHED.search(text, 0, at) is not None)
