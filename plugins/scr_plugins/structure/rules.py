"""Rules of the structure checker (quality-marker question 1)."""

from scr_checks import Rule, Severity

#: A report's opening and analysis: SCR105's examples.
_REPORT = (
    "Introduction\n"
    "============\n"
    "\n"
    "The review looked at the help the family had over two years.\n"
    "\n"
    "Analysis\n"
    "========\n"
    "\n"
    "Health visits stopped when the family moved to a new area, and no one passed the case on."
)

#: A short report with every section a full report has.
_WHOLE_REPORT = (
    "Introduction\n"
    "============\n"
    "\n"
    "1.1 The review began in 2023.\n"
    "\n"
    "Methodology\n"
    "===========\n"
    "\n"
    "2.1 The review read agency records and met practitioners.\n"
    "\n"
    "Analysis\n"
    "========\n"
    "\n"
    "3.1 Health visits stopped when the family moved.\n"
    "\n"
    "Findings\n"
    "========\n"
    "\n"
    "4.1 Finding 1: Referral forms lose health observations.\n"
    "\n"
    "Recommendations\n"
    "===============\n"
    "\n"
    "5.1 The Partnership should add a field to the referral form (Finding 1).\n"
)

REQUIRED_SECTION = Rule(
    id="SCR101",
    name="required-section",
    short="A section the quality marker expects is missing.",
    full=(
        "Readers in other areas and national analysts look for the analysis, the "
        "findings and the recommendations by their headings. A report without a "
        "recognisable heading for each required section makes its learning hard to "
        "find and to collate nationally."
    ),
    fix="Add a section with a clear heading, or configure [structure] required_sections.",
    severity=Severity.WARNING,
    question=1,
    tags=("structure",),
    whole_report=True,
    bad_example=(
        "Introduction\n"
        "============\n"
        "\n"
        "1.1 The review began in 2023.\n"
        "\n"
        "Findings\n"
        "========\n"
        "\n"
        "2.1 Finding 1: Referral forms lose health observations."
    ),
    good_example=_WHOLE_REPORT,
)

FINDINGS_NOT_IDENTIFIABLE = Rule(
    id="SCR102",
    name="findings-not-identifiable",
    short="The findings section does not mark out its findings.",
    full=(
        "The quality marker asks for findings that are easy to identify, so that "
        "other areas and national collation can use them. A findings section of "
        "running prose, with no numbered or titled findings, leaves the reader to "
        "decide where one finding ends and the next begins."
    ),
    fix="Number the findings ('Finding 1: ...') or give each its own titled sub-section.",
    severity=Severity.WARNING,
    question=1,
    tags=("structure", "findings"),
    bad_example=(
        "Findings\n"
        "========\n"
        "\n"
        "The review found that referral forms lose health observations. It also found that "
        "visits stopped when the family moved."
    ),
    good_example=(
        "Findings\n"
        "========\n"
        "\n"
        "Finding 1: Referral forms lose health observations\n"
        "--------------------------------------------------\n"
        "\n"
        "The form has no field for them.\n"
        "\n"
        "Finding 2: Visits stop when a family moves\n"
        "-----------------------------------------\n"
        "\n"
        "No one passes the case on."
    ),
)

PARAGRAPH_NUMBERING = Rule(
    id="SCR103",
    name="paragraph-numbering",
    short="Paragraph numbering has a gap, a duplicate or goes backwards.",
    full=(
        "Published reviews number their paragraphs (1.1, 1.2 ... 4.2.1) so that "
        "findings, the partnership's response and later reviews can cite them. A "
        "skipped, repeated or out-of-order number makes those citations ambiguous "
        "and usually means text was moved or deleted late in drafting."
    ),
    fix="Renumber the paragraphs in order, and check the references that cite them.",
    severity=Severity.WARNING,
    question=1,
    tags=("structure", "numbering"),
    bad_example=(
        "1.1 The review began in 2023.\n"
        "\n"
        "1.3 The panel met four times."
    ),
    good_example=(
        "1.1 The review began in 2023.\n"
        "\n"
        "1.2 The panel met four times."
    ),
)

HEADING_LEVEL_SKIPPED = Rule(
    id="SCR104",
    name="heading-level-skipped",
    short="A heading skips a level (for example level 1 straight to level 3).",
    full=(
        "Headings that skip a level break the contents page and the navigation that "
        "screen readers and PDF bookmarks build from them, so the report's structure "
        "is harder to follow."
    ),
    fix="Use the next heading level down, or add the missing intermediate heading.",
    severity=Severity.NOTE,
    question=1,
    tags=("structure", "headings"),
    bad_example=(
        "# Findings\n"
        "\n"
        "### Finding 1\n"
        "\n"
        "Referral forms lose health observations."
    ),
    good_example=(
        "# Findings\n"
        "\n"
        "## Finding 1\n"
        "\n"
        "Referral forms lose health observations."
    ),
)

EXECUTIVE_SUMMARY = Rule(
    id="SCR105",
    name="executive-summary-missing",
    short="A long report has no executive summary.",
    full=(
        "Many readers of a long review read only its summary. Without one, the "
        "findings that matter most for improvement are hard to find quickly. The "
        "length above which a summary is expected is [structure] summary_words."
    ),
    fix="Add an 'Executive summary' section that states the findings and recommendations.",
    severity=Severity.WARNING,
    question=1,
    whole_report=True,
    tags=("structure", "summary"),
    bad_example=_REPORT,
    good_example=(
        "Summary\n"
        "=======\n"
        "\n"
        "Visits stopped when the family moved; referral forms lost what health staff saw.\n"
        "\n"
        "Introduction\n"
        "============\n"
        "\n"
        "The review looked at the help the family had over two years.\n"
        "\n"
        "Analysis\n"
        "========\n"
        "\n"
        "Health visits stopped when the family moved to a new area, and no one passed the "
        "case on."
    ),
)

RECOMMENDATIONS_NOT_IDENTIFIABLE = Rule(
    id="SCR108",
    name="recommendations-not-identifiable",
    short="The recommendations are not numbered.",
    full=(
        "A partnership reports its progress on each recommendation, and other areas "
        "and national collation refer to them, by number. Recommendations written as "
        "plain paragraphs, an unnumbered list or a table without a number column "
        "cannot be referred to, and one cannot tell where one ends and the next begins. "
        "Numbers typed before the paragraphs ('1.', '2.', counting up from one, as a "
        "list typed by hand in Word) number them."
    ),
    fix="Number the recommendations ('Recommendation 1: ...', a numbered list, or a "
    "'No.' column).",
    severity=Severity.WARNING,
    question=1,
    tags=("structure", "recommendations"),
    bad_example=(
        "Recommendations\n"
        "===============\n"
        "\n"
        "The Partnership should add a field for health observations to the referral form.\n"
        "\n"
        "The Partnership should audit the use of the new field within six months."
    ),
    good_example=(
        "Recommendations\n"
        "===============\n"
        "\n"
        "Recommendation 1: The Partnership should add a field for health observations to "
        "the referral form.\n"
        "\n"
        "Recommendation 2: The Partnership should audit the use of the new field within six "
        "months."
    ),
)

INCOMPLETE_REPORT = Rule(
    id="SCR107",
    name="incomplete-report",
    short="The file holds only part of the report.",
    full=(
        "The report's own contents page lists sections whose text is not in the file, "
        "or the file is too short to hold the sections its kind of document needs. "
        "A checker cannot say a section, a definition or a discussion is missing from "
        "part of a report, so the checks that need the whole report are not run and "
        "the scorecard says so. The file may be an extract, a first draft, or a PDF "
        "whose text layer stops early."
    ),
    fix="Check the whole report; if the file is meant to be an extract, set "
    "kind = \"excerpt\" in the configuration.",
    severity=Severity.WARNING,
    question=1,
    tags=("structure", "completeness"),
    bad_example=(
        "Contents\n"
        "========\n"
        "\n"
        "1. Introduction\n"
        "2. Methodology\n"
        "3. Analysis\n"
        "\n"
        "Introduction\n"
        "============\n"
        "\n"
        "1.1 The review began in 2023."
    ),
    good_example=_WHOLE_REPORT,
)

RULES = [
    REQUIRED_SECTION, FINDINGS_NOT_IDENTIFIABLE, PARAGRAPH_NUMBERING,
    HEADING_LEVEL_SKIPPED, EXECUTIVE_SUMMARY, INCOMPLETE_REPORT,
    RECOMMENDATIONS_NOT_IDENTIFIABLE,
]
