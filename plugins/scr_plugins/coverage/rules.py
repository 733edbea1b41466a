"""Rules of the coverage checker (quality marker's knowledge base items, question 8)."""

from scr_checks import Rule, Severity

#: A report's opening: what the bad examples hold.
_INTRODUCTION = (
    "Introduction\n"
    "============\n"
    "\n"
    "The review began in 2023."
)

EQUALITY = Rule(
    id="SCR801",
    name="equality-not-considered",
    short="The report does not consider equality and diversity.",
    full=(
        "Each quality marker asks how equality and diversity were considered. The "
        "national panel asks reviews to give central consideration to racial, ethnic "
        "and cultural identity; language, religion, disability, gender and age also "
        "shape how families meet services. The report counts as considering them when "
        "it has an equality section, or discusses at least [coverage] "
        "equality_min_categories of these categories."
    ),
    fix="Say how the child's and family's identity and needs were considered, in broad terms.",
    severity=Severity.WARNING,
    question=8,
    tags=("coverage", "equality"),
    whole_report=True,
    bad_example=_INTRODUCTION,
    good_example=(
        "Equality and diversity\n"
        "======================\n"
        "\n"
        "The review considered the family's ethnicity, language and religion, and how each "
        "shaped their contact with services."
    ),
)

STATUTORY = Rule(
    id="SCR802",
    name="statutory-guidance-not-referenced",
    short="The report does not refer to the statutory guidance.",
    full=(
        "Reviews are held under statutory guidance (Working Together to Safeguard "
        "Children in England, Working Together to Safeguard People in Wales). A "
        "report that does not name it leaves the reader unsure which requirements "
        "the review was held to. The titles looked for are [coverage] statutory_guidance."
    ),
    fix="Name the guidance (and edition) the review was held under.",
    severity=Severity.NOTE,
    question=8,
    tags=("coverage", "statutory"),
    whole_report=True,
    bad_example=_INTRODUCTION,
    good_example=(
        "Introduction\n"
        "============\n"
        "\n"
        "The review was held under Working Together to Safeguard Children (2023)."
    ),
)

RULES = [EQUALITY, STATUTORY]
