"""Rules of the priorities checker (quality-marker question 3)."""

from scr_checks import Rule, Severity

#: A finding, then the recommendations: what every example here starts with.
_FINDING = (
    "Findings\n"
    "========\n"
    "\n"
    "Finding 1: Referral forms lose health observations\n"
    "--------------------------------------------------\n"
    "\n"
    "5.1 The form has no field for them, because it was designed for police referrals.\n"
    "\n"
    "Recommendations\n"
    "===============\n"
    "\n"
)

NOT_TIED = Rule(
    id="SCR301",
    name="recommendation-without-finding",
    short="A recommendation is not tied to any finding.",
    full=(
        "Recommendations should follow from the findings the analysis evidenced, so "
        "that the partnership acts on what matters most for improvement. A "
        "recommendation that cites no finding (by number, by paragraph, or by sitting "
        "under it) cannot be traced to the learning it is meant to address."
    ),
    fix="Say which finding the recommendation answers, e.g. '(Finding 2)'.",
    severity=Severity.WARNING,
    question=3,
    tags=("priorities", "recommendations"),
    bad_example=_FINDING + "6.1 Recommendation 1: The Partnership should add a field to the form.",
    good_example=_FINDING + (
        "6.1 Recommendation 1: The Partnership should add a field to the form (Finding 1)."
    ),
    precision="high",
)

NO_ACTOR = Rule(
    id="SCR302",
    name="recommendation-without-actor",
    short="A recommendation does not say which body is to act.",
    full=(
        "A recommendation is acted on and monitored only if it names who is to act: "
        "the partnership or board, or a named agency type (the local authority, the "
        "police, the integrated care board, schools ...). Recommendations are "
        "addressed to organisations, never to individual practitioners."
    ),
    fix="Start with the body that should act: 'The Partnership should ...'.",
    severity=Severity.WARNING,
    question=3,
    tags=("priorities", "recommendations"),
    bad_example=_FINDING + "6.1 Recommendation 1: A field should be added to the form (Finding 1).",
    good_example=_FINDING + (
        "6.1 Recommendation 1: The Partnership should add a field to the form (Finding 1)."
    ),
    precision="low",
)

TOO_MANY = Rule(
    id="SCR303",
    name="too-many-recommendations",
    short="The report makes more recommendations than can be prioritised.",
    full=(
        "Research on serious case reviews (Brandon et al., 2011) found long lists of "
        "recommendations dilute attention and are rarely all implemented. The marker "
        "asks for the findings and recommendations that matter most for improvement. "
        "The limit is [priorities] max_recommendations."
    ),
    fix="Merge related recommendations and keep those that address the main findings.",
    severity=Severity.NOTE,
    question=3,
    tags=("priorities", "recommendations"),
    bad_example=_FINDING + "\n\n".join(
        f"6.{n} Recommendation {n}: The Partnership should review form {n} (Finding 1)."
        for n in range(1, 12)),
    good_example=_FINDING + "\n\n".join(
        f"6.{n} Recommendation {n}: The Partnership should review form {n} (Finding 1)."
        for n in range(1, 4)),
)

GENERIC = Rule(
    id="SCR304",
    name="generic-recommendation",
    short="A recommendation is generic: it names no change that could be checked.",
    full=(
        "Recommendations such as 'all agencies must do better', 'remind staff' or "
        "'more training' were criticised nationally as predictable and banal. They "
        "say that something should improve without naming the change in systems or "
        "practice, so nobody can tell whether it has happened."
    ),
    fix="Name the change, who makes it and how the partnership will know it has worked.",
    severity=Severity.WARNING,
    question=3,
    tags=("priorities", "recommendations"),
    bad_example=_FINDING + "6.1 Recommendation 1: All agencies must do better (Finding 1).",
    good_example=_FINDING + (
        "6.1 Recommendation 1: The Partnership should add a health field to the referral "
        "form by June (Finding 1)."
    ),
    precision="high",
)

UNKNOWN_FINDING = Rule(
    id="SCR305",
    name="recommendation-answers-unknown-finding",
    short="A recommendation answers a finding the report does not have.",
    full=(
        "A recommendation that names the finding it answers can be traced back to the "
        "learning behind it, but only if that finding exists. One that names a finding "
        "number the report does not have usually means the findings were renumbered or "
        "merged after the recommendations were written, and the partnership cannot tell "
        "what it is acting on."
    ),
    fix="Correct the finding number, or say which finding the recommendation answers.",
    severity=Severity.WARNING,
    question=3,
    tags=("priorities", "recommendations", "linkage"),
    whole_report=True,
    bad_example=_FINDING + (
        "6.1 Recommendation 1: The Partnership should add a field to the form (Finding 3)."),
    good_example=_FINDING + (
        "6.1 Recommendation 1: The Partnership should add a field to the form (Finding 1)."),
)

RULES = [NOT_TIED, NO_ACTOR, TOO_MANY, GENERIC, UNKNOWN_FINDING]
