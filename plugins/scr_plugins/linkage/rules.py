"""Rules of the linkage checker (quality-marker question 5, transparency)."""

from scr_checks import Rule, Severity

#: Two themes of analysis, then the findings: what SCR504's examples start with.
_ANALYSIS = (
    "Analysis\n"
    "========\n"
    "\n"
    "4.1 Referrals\n"
    "-------------\n"
    "\n"
    "4.1.1 The referral form had no field for health observations.\n"
    "\n"
    "4.2 Supervision\n"
    "---------------\n"
    "\n"
    "4.2.1 Supervision was cancelled twice.\n"
    "\n"
    "Findings\n"
    "========\n"
    "\n"
)

#: A finding, all but its end: SCR501's examples differ there.
_FINDING = (
    "Findings\n"
    "========\n"
    "\n"
    "Finding 1: Referral forms lose health observations\n"
    "--------------------------------------------------\n"
    "\n"
    "5.1 The form has no field for them, because it was designed for police referrals"
)

UNCITED_FINDING = Rule(
    id="SCR501",
    name="finding-without-evidence",
    short="A finding does not point to the analysis that supports it.",
    full=(
        "The quality marker asks for the working-out to be transparent, so that "
        "findings need not be taken on trust. A finding that cites no paragraph or "
        "section of the analysis leaves the reader unable to check what it rests on."
    ),
    fix="Cite the analysis it rests on, e.g. '(see paragraphs 4.2 and 4.5)'.",
    severity=Severity.WARNING,
    question=5,
    tags=("transparency", "linkage"),
    whole_report=True,
    bad_example=_FINDING + ".",
    good_example=_FINDING + " (see paragraph 4.2).",
)

BROKEN_REFERENCE = Rule(
    id="SCR502",
    name="broken-reference",
    short="A reference points to a paragraph, section or finding that does not exist.",
    full=(
        "Cross-references ('see paragraph 4.12', 'Finding 3', a link to a section) are "
        "how a reader follows the chain from evidence to finding to recommendation. "
        "One that points nowhere usually means the text was renumbered after it was "
        "written."
    ),
    fix="Correct the reference to the paragraph or section it means.",
    severity=Severity.ERROR,
    question=5,
    tags=("transparency", "linkage"),
    whole_report=True,
    bad_example=(
        "4.1 The form has no health field.\n"
        "\n"
        "5.1 Finding 1: Health observations are lost (see paragraph 4.12)."
    ),
    good_example=(
        "4.1 The form has no health field.\n"
        "\n"
        "5.1 Finding 1: Health observations are lost (see paragraph 4.1)."
    ),
    precision="high",
)

NO_METHOD = Rule(
    id="SCR503",
    name="sources-not-described",
    short="The report does not say how the review was done or what it drew on.",
    full=(
        "Working Together asks reviews to be transparent about how data is collected "
        "and analysed. The reader needs a methodology section that names the sources: "
        "records, agency reports, conversations with practitioners and the family."
    ),
    fix="Add a methodology section that lists the review's sources and how they were used.",
    severity=Severity.WARNING,
    question=5,
    tags=("transparency", "method"),
    whole_report=True,
    bad_example=(
        "Introduction\n"
        "============\n"
        "\n"
        "The review began in 2023."
    ),
    good_example=(
        "Introduction\n"
        "============\n"
        "\n"
        "The review began in 2023.\n"
        "\n"
        "Methodology\n"
        "===========\n"
        "\n"
        "The review read agency records and chronologies, and met practitioners and the family."
    ),
)

ORPHAN_ANALYSIS = Rule(
    id="SCR504",
    name="analysis-without-finding",
    short="A part of the analysis is cited by no finding.",
    full=(
        "Analysis that leads to no finding is either missing a finding or is detail "
        "the report does not need; both make the learning harder to find. A theme "
        "of the analysis counts as used when a finding cites any of its paragraphs."
    ),
    fix="Cite it from the finding it supports, or move it to an appendix or cut it.",
    severity=Severity.NOTE,
    question=5,
    tags=("transparency", "linkage"),
    whole_report=True,
    bad_example=_ANALYSIS + (
        "5.1 Finding 1: Referral forms lose health observations (see paragraph 4.1.1)."
    ),
    good_example=_ANALYSIS + (
        "5.1 Finding 1: Referral forms lose health observations (see paragraph 4.1.1).\n"
        "\n"
        "5.2 Finding 2: Cancelled supervision leaves risks unreviewed (see paragraph 4.2.1)."
    ),
)

RULES = [UNCITED_FINDING, BROKEN_REFERENCE, NO_METHOD, ORPHAN_ANALYSIS]
