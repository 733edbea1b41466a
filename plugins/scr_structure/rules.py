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
)

RULES = [REQUIRED_SECTION]
