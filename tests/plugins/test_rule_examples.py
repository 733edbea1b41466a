"""Every tone and accessibility rule has a positive and a negative example.

A new SCR6/SCR7 rule fails here until it is given both.
"""

import pytest

from scr_checks.testing import check_text, make_session, rule_ids

LONG = " ".join(["Each", *["word"] * 44]) + "."
HARD = ("Organisational accountability mechanisms necessitated comprehensive interdisciplinary "
        "deliberation regarding multifaceted considerations. ") * 10
PLAIN = "The nurse saw the baby at home. She wrote down what she saw. " * 10

EXAMPLES = {
    "SCR601": ("The MASH met. The Multi-Agency Safeguarding Hub (MASH) agreed.",
               "The Multi-Agency Safeguarding Hub (MASH) met. The MASH agreed."),
    "SCR602": ("The LADO was told.", "The Local Authority Designated Officer (LADO) was told."),
    "SCR603": ("The case was stepped down.", "The case moved to early help."),
    "SCR604": (LONG, "A short sentence."),
    "SCR605": (f"Part\n====\n\n{HARD}", f"Part\n====\n\n{PLAIN}"),
    "SCR701": ("The worker failed to visit.", "The worker did not visit, because of the rota."),
    "SCR702": ("This was a missed opportunity.", "Here a different response was possible."),
    "SCR703": ("The mother was manipulative.", "The mother said she had moved; she had not."),
    "SCR704": ("The injuries were horrific.", "The child had serious injuries."),
    "SCR705": ("A visit would have prevented the injury.", "A visit might have shown the injury."),
}

#: Each example stands for a whole report, so rules that need one run on it.
WHOLE = {"kind": "full_report"}


def test_every_rule_has_examples():
    rules = make_session().rules
    ours = {r.id for r in rules if r.id.startswith(("SCR6", "SCR7"))}
    assert ours == set(EXAMPLES)


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_positive_and_negative_example(rule_id):
    positive, negative = EXAMPLES[rule_id]
    assert rule_ids(check_text(positive + "\n", config={"select": [rule_id], **WHOLE})) == [rule_id]
    assert rule_ids(check_text(negative + "\n", config={"select": [rule_id], **WHOLE})) == []
