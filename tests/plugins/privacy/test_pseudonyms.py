"""Pseudonyms the report declares in its own words, names already public, public offices."""

import pytest

from scr_checks.testing import check_text


def secrets(text: str, **config) -> list[tuple[str, str]]:
    run = check_text("Introduction\n============\n\n" + text + "\n",
                     config={"select": ["SCR2"], "show_identifiers": True,
                             "kind": "full_report", **config})
    assert not run.errors
    return [(f.rule_id, f.secret) for f in run.findings]


@pytest.mark.parametrize("statement", [
    "To protect their privacy the children have been given different names in this "
    "report: Amber and Kai.",
    "The children are referred to in this review as Amber and Kai.",
    "The review uses pseudonyms chosen by the family: the girl is called Amber and her "
    "brother Kai.",
    "Amber and Kai are not their real names.",
    "The names Amber and Kai are pseudonyms.",
    "Amber (a pseudonym) lived with her brother Kai (a pseudonym).",
])
def test_a_pseudonym_statement_in_any_phrasing_declares_its_names(statement):
    assert secrets(f"{statement} Amber was eight and Kai was six. Kai's school noticed.") == []


def test_undeclared_first_names_are_still_reported():
    assert secrets("The girl, Kiera, was eight and Kai was six.") == [
        ("SCR202", "Kiera"), ("SCR202", "Kai")]


def test_public_names_are_allowed_whole_in_part_and_without_hyphens():
    text = ("The national review into the death of Ronan Ashcombe-Pryor was published. "
            "Ronan Ashcombe Pryor died 3 June 2020. His father, Dean Ashcombe-Pryor, was "
            "convicted. Ronan was six. The neighbour, Gary Whitfield, gave evidence.")
    public = {"privacy": {"public_names": ["Ronan Ashcombe-Pryor", "Dean Ashcombe-Pryor"]}}
    assert secrets(text, **public) == [("SCR204", "3 June 2020"), ("SCR201", "Gary Whitfield")]
    assert ("SCR201", "Ronan Ashcombe-Pryor") in secrets(text)


@pytest.mark.parametrize("sentence", [
    "The review follows a letter from the Minister of State, Beverley Hambleton, in 2008.",
    "The Independent Child Safeguarding Commissioner, Jim Garrowby QPM, published it.",
    "The Secretary of State for Education, Alan Fenwright, asked for the review.",
])
def test_holders_of_public_office_are_not_reported(sentence):
    assert secrets(sentence) == []


def test_a_chapels_minister_is_not_a_public_office():
    assert secrets("The minister, Reverend Gareth Lloyd-Morgan, knew the family.") == [
        ("SCR203", "Reverend Gareth Lloyd-Morgan")]


def test_a_council_area_is_not_a_first_name():
    assert secrets("Practice in Devon and Kent was compared with practice in Durham.") == []


LOCAL_TERMS = '''
from scr_checks import hookimpl

@hookimpl
def scr_privacy_terms(config):
    return {"surnames": ["Trevithick"], "places": ["Meadowbank"], "allow": ["Kiera"]}
'''


def test_a_local_plugin_gives_names_and_places_through_the_privacy_hook(make_plugin):
    text = ("The neighbour, Sam Trevithick, lived on the Meadowbank estate. The girl, "
            "Kiera, was eight.")
    run = check_text("Introduction\n============\n\n" + text + "\n", plugins=[
        make_plugin(LOCAL_TERMS)], config={"select": ["SCR2"], "show_identifiers": True,
                                           "kind": "full_report"})
    found = [(f.rule_id, f.secret) for f in run.findings]
    assert ("SCR201", "Sam Trevithick") in found
    assert any(rule == "SCR215" and "Meadowbank" in secret for rule, secret in found)
    assert not any(secret == "Kiera" for _, secret in found)


def test_a_wrong_key_from_the_privacy_hook_is_a_configuration_error(make_plugin):
    from scr_checks.exceptions import ConfigError

    wrong = make_plugin(LOCAL_TERMS.replace('"surnames"', '"surname"'))
    with pytest.raises(ConfigError, match="'surname'"):
        check_text("Text.\n", plugins=[wrong])


def test_a_local_areas_places_never_reach_the_pattern_cache(make_plugin, monkeypatch,
                                                           tmp_path):
    """The shipped lists' patterns are kept between runs; one holding a
    configuration's words is compiled for the run only."""
    from scr_checks import patterns

    monkeypatch.setenv(patterns.CACHE_DIR, str(tmp_path))
    monkeypatch.delenv(patterns.NO_CACHE, raising=False)
    monkeypatch.setattr(patterns, "_stored", None)
    monkeypatch.setattr(patterns, "_new", {})
    text = "The family moved to the Meadowbank estate near the High Street."
    run = check_text("Introduction\n============\n\n" + text + "\n", plugins=[
        make_plugin(LOCAL_TERMS)], config={"select": ["SCR2"], "show_identifiers": True,
                                           "kind": "full_report"})
    assert any("Meadowbank" in f.secret for f in run.findings)
    patterns.save()
    kept = [source for source, _ in patterns._read(patterns.cache_file())]
    assert kept, "the shipped lists' patterns should be offered to the cache"
    assert not any("Meadowbank" in source for source in kept)
