"""Rules of the accessibility checker (quality-marker question 6)."""

from scr_checks import Rule, Severity

ACRONYM_BEFORE_DEFINITION = Rule(
    id="SCR601",
    name="acronym-before-definition",
    short="An acronym is used before the report defines it.",
    full=(
        "A reader meets the acronym before the words it stands for. Family members, "
        "practitioners from other agencies and national readers often read a section "
        "on its own, so an acronym should be spelt out at its first use."
    ),
    fix="Spell the acronym out at its first use: 'Multi-Agency Safeguarding Hub (MASH)'.",
    severity=Severity.WARNING,
    question=6,
    tags=("accessibility", "acronym"),
    bad_example="The MASH met. The Multi-Agency Safeguarding Hub (MASH) agreed.",
    good_example="The Multi-Agency Safeguarding Hub (MASH) met. The MASH agreed.",
)

ACRONYM_UNDEFINED = Rule(
    id="SCR602",
    name="acronym-undefined",
    short="An acronym is never defined in the text or a glossary.",
    full=(
        "The national panel criticised reviews for 'jargon and acronyms'. An acronym "
        "a lay reader cannot expand makes the learning inaccessible; local acronyms "
        "are the most common and the least guessable."
    ),
    fix="Spell it out at first use, or add it to a glossary section.",
    severity=Severity.WARNING,
    question=6,
    tags=("accessibility", "acronym"),
    whole_report=True,
    bad_example="The LADO was told.",
    good_example="The Local Authority Designated Officer (LADO) was told.",
    precision="high",
)

JARGON = Rule(
    id="SCR603",
    name="professional-jargon",
    short="Professional jargon that has a plain-English alternative.",
    full=(
        "Terms such as 'threshold', 'step down' or 'disguised compliance' are shorthand "
        "among practitioners; a family member or a reader from another sector cannot "
        "unpack them. Only the first use of each term is reported, and not at all "
        "when the report explains it in brackets or in a glossary."
    ),
    fix="Use the plain-English alternative, or explain the term at its first use.",
    severity=Severity.NOTE,
    question=6,
    tags=("accessibility", "jargon"),
    bad_example="The case was stepped down.",
    good_example="The case moved to early help.",
    precision="high",
)

LONG_SENTENCE = Rule(
    id="SCR604",
    name="long-sentence",
    short="A sentence longer than the configured number of words.",
    full=(
        "Long sentences are the strongest single cause of hard reading. A sentence "
        "over the limit (40 words by default) usually holds two or three points that "
        "read better apart."
    ),
    fix="Split the sentence; put one point in each.",
    severity=Severity.NOTE,
    question=6,
    tags=("accessibility", "readability"),
    bad_example=(
        "The health visitor, who had known the family since the birth of their first child and "
        "who had raised concerns with her manager on two occasions about the state of the home, "
        "was not told when the family moved to a new address in the neighbouring authority in "
        "the spring."
    ),
    good_example=(
        "The health visitor had known the family since their first child was born. She had "
        "raised concerns about the home twice. No one told her when the family moved away in the "
        "spring."
    ),
    precision="high",
)

HARD_TO_READ = Rule(
    id="SCR605",
    name="hard-to-read-section",
    short="A section's Flesch reading ease is below the threshold.",
    full=(
        "The Flesch reading ease of the section's prose (sentence length and "
        "syllables per word) is below the threshold, 30 by default: text at that "
        "level needs a graduate reader. Sections shorter than the minimum number of "
        "words are not scored."
    ),
    fix="Shorten sentences and prefer short, common words.",
    severity=Severity.WARNING,
    question=6,
    tags=("accessibility", "readability"),
    bad_example=(
        "Analysis\n"
        "========\n"
        "\n"
        "Organisational accountability mechanisms necessitated comprehensive interdisciplinary "
        "deliberation regarding multifaceted safeguarding considerations. Notwithstanding the "
        "establishment of strategic governance arrangements, operational implementation "
        "demonstrated considerable inconsistency. Practitioners characterised the prevailing "
        "organisational environment as prioritising procedural compliance over relational "
        "engagement. Consequently, identification of cumulative vulnerability indicators was "
        "substantially impeded by fragmented information-sharing infrastructure. Subsequently, "
        "multi-agency reflective supervision opportunities were insufficiently operationalised "
        "throughout the intervention."
    ),
    good_example=(
        "Analysis\n"
        "========\n"
        "\n"
        "Each agency had to decide who was responsible. The board set up new rules, but staff "
        "used them in different ways. Staff said their managers cared more about forms than "
        "about getting to know the family. Because agencies kept their records apart, no one saw "
        "how the worries added up. Later, staff from different agencies rarely met to think the "
        "case through together."
    ),
)

RULES = [ACRONYM_BEFORE_DEFINITION, ACRONYM_UNDEFINED, JARGON, LONG_SENTENCE, HARD_TO_READ]
