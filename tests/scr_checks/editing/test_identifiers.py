"""Placeholders: one per identifier, one per person, the configuration's first."""

from __future__ import annotations

import pytest

from scr_checks.editing.identifiers import assign, finder, pseudonyms
from scr_checks.exceptions import ConfigError
from scr_checks.results import Finding, Location, Suppression
from scr_checks.rules import Severity


def found(rule_id: str, secret: str, **properties) -> Finding:
    return Finding(rule_id, "m", Severity.ERROR, Location("r.md"), snippet=secret,
                   secret=secret, properties=properties)


@pytest.fixture(scope="module")
def rules(word):
    return word.session().rules


def placeholders(rules, findings, names=None, text=""):
    return {i.text: i.placeholder for i in assign(findings, rules, names or {}, text)}


def test_a_title_and_surname_or_a_first_name_is_the_person_of_the_one_full_name(rules):
    got = placeholders(rules, [found("SCR201", "Tom Ashby"), found("SCR201", "Jane Moss"),
                               found("SCR201", "Ms Moss"), found("SCR202", "Jane"),
                               found("SCR201", "Mr Ashby")],
                       text="Tom Ashby met Jane Moss. Ms Moss and Jane; Mr Ashby.")
    assert got == {"Tom Ashby": "[Person 1]", "Jane Moss": "[Person 2]",
                   "Ms Moss": "[Person 2]", "Jane": "[Person 2]", "Mr Ashby": "[Person 1]",
                   "Ashby": "[Person 1]", "Moss": "[Person 2]", "Tom": "[Person 1]"}


def test_a_surname_two_people_share_is_a_person_of_its_own(rules):
    got = placeholders(rules, [found("SCR201", "Jane Moss"), found("SCR201", "Tom Moss"),
                               found("SCR201", "Ms Moss")],
                       text="Jane Moss, Tom Moss, Ms Moss")
    assert got == {"Jane Moss": "[Person 1]", "Tom Moss": "[Person 2]",
                   "Ms Moss": "[Person 3]", "Moss": "[Person 4]", "Jane": "[Person 1]",
                   "Tom": "[Person 2]"}


def test_numbers_follow_the_text_and_kinds_are_numbered_apart(rules):
    got = placeholders(rules, [found("SCR207", "9 Mill Lane"), found("SCR201", "Ann Lee"),
                               found("SCR207", "2 Kiln Row"), found("SCR205", "3 June 2022"),
                               found("SCR215", "Oak School", placeholder="School {n}")],
                       text="2 Kiln Row. Ann Lee. 9 Mill Lane on 3 June 2022 at Oak School.")
    assert got == {"2 Kiln Row": "[Address 1]", "9 Mill Lane": "[Address 2]",
                   "Ann Lee": "[Person 1]", "Lee": "[Person 1]", "Ann": "[Person 1]",
                   "3 June 2022": "[date]",
                   "Oak School": "[School 1]"}


def test_the_configurations_pseudonyms_come_first_and_cover_the_person(rules):
    got = placeholders(rules, [found("SCR201", "Jane Moss"), found("SCR201", "Ms Moss")],
                       {"Jane Moss": "Mother", "Lee Hart": "Adult B"})
    assert got == {"Jane Moss": "Mother", "Ms Moss": "Mother", "Moss": "Mother",
                   "Jane": "Mother", "Lee Hart": "Adult B"}


def test_a_surname_alone_is_replaced_as_its_person(rules):
    got = placeholders(rules, [found("SCR203", "Margaret Thornbury"),
                               found("SCR201", "Mrs Pettigrew")],
                       text="Margaret Thornbury; Thornbury said. Mrs Pettigrew; Pettigrew's")
    assert got["Thornbury"] == got["Margaret Thornbury"]
    assert got["Pettigrew"] == got["Mrs Pettigrew"] != got["Thornbury"]
    found_words = finder(assign([found("SCR201", "Mrs Pettigrew")], rules, {}))
    assert [m[0] for m in found_words.finditer("Pettigrew's; pettigrew; Mrs Pettigrew")] == [
        "Pettigrew", "Mrs Pettigrew"]


def test_suppressed_findings_and_rules_without_a_placeholder_give_none(rules):
    quiet = found("SCR201", "Ann Lee").evolve(suppression=Suppression("inSource"))
    assert placeholders(rules, [quiet, found("SCR217", "14 May")]) == {}


def test_the_finder_matches_whole_words_across_line_breaks(rules):
    identifiers = assign([found("SCR201", "Jane Moss"), found("SCR209", "07700 900123")],
                         rules, {})
    pattern = finder(identifiers)
    assert [m[0] for m in pattern.finditer("Jane\nMoss, Janet Mossop, 07700  900123.")] == [
        "Jane\nMoss", "07700  900123"]


@pytest.mark.parametrize("value", [["Jane Moss"], {"Jane Moss": 3}, {"": "Mother"}])
def test_a_pseudonym_table_must_map_text_to_text(value):
    with pytest.raises(ConfigError, match=r"redact\.pseudonyms"):
        pseudonyms(value, "scr-checks.toml")
