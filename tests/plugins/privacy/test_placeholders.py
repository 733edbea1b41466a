"""What redaction calls each identifier: the rule's placeholder, a place's by its kind."""

import pytest
from scr_plugins.privacy.placeholders import place_placeholder
from scr_plugins.privacy.rules import RULES

from scr_checks.testing import check_text


@pytest.mark.parametrize(("name", "placeholder"), [
    ("Oakfield Primary School", "School {n}"), ("St Mary's Hospital", "Hospital {n}"),
    ("Church Lane", "Street {n}"), ("Hospital of St Cross", "Hospital {n}"),
    ("Ysgol Pen-y-Bryn", "School {n}"), ("Greenway Surgery", "GP practice {n}"),
    ("Harbour Estate", "Estate {n}"), ("The Red Lion", "Place {n}"),
])
def test_a_place_is_called_by_the_last_word_that_says_what_it_is(name, placeholder):
    assert place_placeholder(name) == placeholder


def test_a_named_place_finding_carries_its_placeholder():
    run = check_text("Title\n=====\n\nShe attended Oakfield Primary School.\n",
                     config={"select": ["SCR215"]})
    assert [f.properties["placeholder"] for f in run.findings] == ["School {n}"]


def test_every_rule_that_finds_one_identifier_has_a_placeholder():
    without = {rule.id for rule in RULES if not rule.placeholder}
    assert without == {"SCR217", "SCR218"}  # a combination; hidden content as such
    people = {rule.id for rule in RULES if "person" in rule.tags}
    assert people == {"SCR201", "SCR202", "SCR203", "SCR219"}
