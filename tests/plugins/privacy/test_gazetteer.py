"""The built-in lexicon is kept between runs; a local area's names and places never are."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from scr_plugins.privacy import gazetteer

from scr_checks import cachefiles
from scr_checks.testing import check_text

LOCAL_TERMS = '''
from scr_checks import hookimpl

@hookimpl
def scr_privacy_terms(config):
    return {"first_names": ["Zephyrine"], "surnames": ["Trevithick"], "places": ["Meadowbank"]}
'''


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache, and the lexicon not yet loaded in this process."""
    monkeypatch.setenv(cachefiles.CACHE_DIR, str(tmp_path))
    monkeypatch.delenv(cachefiles.NO_CACHE, raising=False)
    gazetteer.lexicon.cache_clear()
    yield tmp_path
    gazetteer.lexicon.cache_clear()


def test_the_kept_lexicon_is_the_one_parsed_from_the_lists(fresh):
    parsed = gazetteer.lexicon()
    gazetteer.lexicon.cache_clear()
    kept = gazetteer.lexicon()
    assert kept is not parsed
    assert kept.names == parsed.names and kept.role_source == parsed.role_source
    assert kept.titles == parsed.titles and kept.place_heads == parsed.place_heads
    assert kept.name("Grace") == parsed.name("Grace") == gazetteer.Name(True, True, True)


def test_a_local_areas_names_and_places_are_never_kept(fresh, make_plugin):
    text = "Sam Trevithick and Zephyrine lived on the Meadowbank estate."
    run = check_text("Introduction\n============\n\n" + text + "\n", plugins=[
        make_plugin(LOCAL_TERMS)], config={"select": ["SCR2"], "show_identifiers": True,
                                           "kind": "full_report"})
    assert any("Trevithick" in f.secret for f in run.findings)
    kept = sorted(fresh.glob("data-*"))
    assert any(p.name.startswith("data-privacy-lexicon") for p in kept)
    for path in kept:
        data = path.read_bytes()
        assert b"Trevithick" not in data and b"Zephyrine" not in data
        assert b"Meadowbank" not in data


def test_a_local_areas_names_add_to_what_the_lists_say_and_are_never_ambiguous():
    base = gazetteer.lexicon()
    assert base.name("Grace") == gazetteer.Name(True, True, True)
    local = base.with_additions(first=["Zephyrine", "Grace"], surnames=["Zephyrine"])
    assert local.name("Zephyrine") == gazetteer.Name(True, True, False)
    assert local.name("Grace") == gazetteer.Name(True, True, False)
    assert base.name("Zephyrine") is None  # the built-in lexicon is unchanged


#: Phrases as the lists hold them: words (of letters, dots) one space apart.
PHRASES = st.lists(st.lists(st.text("ab.é", min_size=1, max_size=3), min_size=1, max_size=3)
                   .map(" ".join), max_size=8)


@settings(max_examples=300)
@given(PHRASES, st.text("ab .éc", max_size=8))
def test_the_tree_of_phrases_matches_as_the_phrases_joined_longest_first(phrases, text):
    joined = "|".join(regex.escape(p).replace(r"\ ", r"\s+")
                      for p in sorted(set(phrases), key=len, reverse=True)) or "(?!)"
    tree = gazetteer._trie(phrases) if phrases else "(?!)"
    found = regex.compile(f"(?:{tree})").match(text)
    expected = regex.compile(f"(?:{joined})").match(text)
    assert (found and found.group()) == (expected and expected.group())


def test_the_tree_shares_beginnings():
    assert gazetteer._trie(["cleft lip", "cleft palate", "cleft"]) == r"cleft(?:\s+(?:lip|palate))?"


def test_the_lexicon_keeps_what_its_dataclass_gave(like_dataclass):
    """Frozen, compared by identity, ``titles`` a fresh dict for each lexicon."""
    import dataclasses

    lex = gazetteer.lexicon()
    needed = {k: v for k, v in vars(lex).items()
              if k in {"names", "not_names", "not_people", "roles", "role_source", "origins",
                       "conditions", "alternatives", "institutions", "streets",
                       "place_kinds", "common_heads", "name_cues"}}
    bare = gazetteer.Lexicon(*needed.values())
    assert vars(bare) == {**needed, "place_heads": (), "name_particles": frozenset(),
                          "wide_places": frozenset(), "house_words": (), "local_places": (),
                          "titles": {}, "pub_words": frozenset(), "areas": frozenset(),
                          "public_offices": ()}
    assert bare.titles is not gazetteer.Lexicon(**needed).titles
    same = gazetteer.Lexicon(**vars(lex))
    assert vars(same) == vars(lex) and same != lex and hash(same) != hash(lex)
    with pytest.raises(dataclasses.FrozenInstanceError):
        lex.titles = {}
    with pytest.raises(dataclasses.FrozenInstanceError):
        del lex.areas
    wider = lex.with_additions(first=["Zebediah"], places=["Meadowbank"])
    assert wider.name("Zebediah") == gazetteer.Name(True, False, False)
    assert lex.name("Zebediah") is None
    assert wider.local_places == (*lex.local_places, "Meadowbank")
    assert {k: v for k, v in vars(wider).items() if k not in {"names", "local_places"}} == {
        k: v for k, v in vars(lex).items() if k not in {"names", "local_places"}}
