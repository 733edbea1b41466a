"""Rules of the structure checker (quality-marker question 1)."""

from scr_checks import Rule, Severity

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
)

RULES = [
    REQUIRED_SECTION, FINDINGS_NOT_IDENTIFIABLE, PARAGRAPH_NUMBERING,
    HEADING_LEVEL_SKIPPED, EXECUTIVE_SUMMARY, INCOMPLETE_REPORT,
]
