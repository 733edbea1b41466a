"""Rules of the tone checker (quality-marker question 7).

Each rule is fed by the word list of the same name in ``data/``.
"""

from scr_checks import Rule, Severity

BLAME = Rule(
    id="SCR701",
    name="blame-language",
    short="Words that assign blame instead of explaining practice.",
    full=(
        "A review exists for learning, not to find someone to blame. 'Failed to', "
        "'should have', 'negligent' and 'inexcusable' judge people by what is known "
        "now and stop the report explaining why practice made sense at the time."
    ),
    fix="Say what did not happen and what the review found made it hard to do.",
    severity=Severity.WARNING,
    question=7,
    tags=("tone", "blame"),
    bad_example="The worker failed to visit.",
    good_example="The worker did not visit, because of the rota.",
    precision="high",
)

HINDSIGHT = Rule(
    id="SCR702",
    name="hindsight-language",
    short="Words that read the outcome back into earlier events.",
    full=(
        "Knowing the outcome makes earlier events look like obvious warnings. "
        "'Missed opportunity', 'it was obvious' and 'clearly' assert what the "
        "analysis should show: what could be known at the time and why it was "
        "understood as it was."
    ),
    fix="Give the evidence available at the time, and why it was read as it was.",
    severity=Severity.WARNING,
    question=7,
    tags=("tone", "hindsight"),
    bad_example="This was a missed opportunity.",
    good_example="Here a different response was possible.",
    precision="high",
)

JUDGEMENTAL = Rule(
    id="SCR703",
    name="judgemental-language",
    short="A label that judges the family instead of describing them.",
    full=(
        "Labels such as 'chaotic', 'manipulative', 'non-compliant' or 'hard to reach' "
        "blame the family, hide what was actually seen, and can hurt a family who "
        "read the published report. Victim-blaming phrases about exploited children "
        "and words that reduce a person to a condition are included."
    ),
    fix="Describe what was seen, said or offered, and what happened.",
    severity=Severity.WARNING,
    question=7,
    tags=("tone", "family"),
    bad_example="The mother was manipulative.",
    good_example="The mother said she had moved; she had not.",
    precision="low",
)

EMOTIVE = Rule(
    id="SCR704",
    name="emotive-language",
    short="An emotive or sensational word.",
    full=(
        "Words such as 'horrific', 'tragic' or 'appalling' draw the reader to the "
        "events rather than the learning. 'Tragic' is common in partnership text, "
        "so this rule is a note."
    ),
    fix="State what happened plainly.",
    severity=Severity.NOTE,
    question=7,
    tags=("tone", "emotive"),
    bad_example="The injuries were horrific.",
    good_example="The child had serious injuries.",
    precision="high",
)

SPECULATION = Rule(
    id="SCR705",
    name="speculation-as-fact",
    short="Speculation stated as fact.",
    full=(
        "'Would have prevented', 'must have known' and 'undoubtedly' state as certain "
        "what no one can know. A finding is more credible when it says what might have "
        "been different and how strong the evidence is."
    ),
    fix="Say what the evidence shows and how confident the review is.",
    severity=Severity.WARNING,
    question=7,
    tags=("tone", "speculation"),
    bad_example="A visit would have prevented the injury.",
    good_example="A visit might have shown the injury.",
    precision="high",
)

#: Word list name → rule.
RULE_FOR_LIST = {
    "blame": BLAME,
    "hindsight": HINDSIGHT,
    "judgemental": JUDGEMENTAL,
    "emotive": EMOTIVE,
    "speculation": SPECULATION,
}

RULES = list(RULE_FOR_LIST.values())
