"""Rules of the explanation checker (quality-marker question 4)."""

from scr_checks import Rule, Severity

DESCRIBES_ONLY = Rule(
    id="SCR401",
    name="finding-describes-only",
    short="A finding describes what happened but does not explain why.",
    full=(
        "The quality marker says describing practice problems is not enough: "
        "findings must reflect the explanations the analysis found. Working "
        "Together asks for an analysis of any systemic or underlying reasons why "
        "actions were or were not taken. A finding that only says what someone did "
        "or did not do, with no account of the tools, guidance, workload, culture or "
        "systems behind it, invites blame and gives the partnership nothing to change. "
        "Naming the protocol that was not followed is still description: the finding "
        "needs to say why it was not followed."
    ),
    fix=(
        "Say why it happened and whether it is peculiar to this case; the SCIE Learning "
        "Together format (the issue, how it showed in this case, how widespread it is, "
        "why it matters) makes that explicit."
    ),
    severity=Severity.WARNING,
    question=4,
    tags=("explanation", "findings"),
    whole_report=True,
    bad_example=(
        "Findings\n"
        "========\n"
        "\n"
        "Finding 1: The health visitor did not pass on what she saw\n"
        "----------------------------------------------------------\n"
        "\n"
        "5.1 The health visitor did not pass on what she saw (see paragraph 4.2)."
    ),
    good_example=(
        "Findings\n"
        "========\n"
        "\n"
        "Finding 1: Referral forms lose health observations\n"
        "--------------------------------------------------\n"
        "\n"
        "5.1 What the health visitor saw was lost because the referral form has no field for it "
        "(see paragraph 4.2)."
    ),
)

RULES = [DESCRIBES_ONLY]
