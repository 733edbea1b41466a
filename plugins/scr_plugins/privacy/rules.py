"""Rules of the privacy checker (quality-marker question 2): one per kind of identifier."""

from scr_checks import Rule, Severity

_WHY = (
    " Reviews are published without redaction, and local people can put small "
    "details together (jigsaw identification)."
)


#: Each rule's examples (``Rule.bad_example``, ``Rule.good_example``), by number;
#: every identifier in them is synthetic (a drama-range phone number, the NHS's
#: test number, the postcode reserved for examples).
_EXAMPLES = {
    1: ("Child A lived with her aunt, Kayleigh Brennan.",
        "Child A lived with her aunt."),
    2: ("Jayden started school in 2019.",
        ("In this report the child is called Jayden, which is not his real name.\n"
         "\n"
         "Jayden started school in 2019.")),
    3: ("The health visitor, Sarah Collins, visited twice.",
        "The health visitor visited twice."),
    4: ("Child A was born on 14 March 2021.",
        "Child A was born in 2021."),
    5: ("The strategy meeting was held on 3 June 2022.",
        "The strategy meeting was held in June 2022."),
    6: ("Child A was 11 weeks and 3 days old.",
        "Child A was under three months old."),
    7: ("The family lived at 12 Harbour Row.",
        "The family lived in rented housing."),
    8: ("The family lived near ZZ99 3AB.",
        "The family lived in the town."),
    9: ("Her mobile number, 07700 900123, was on the referral.",
        "Her mobile number was on the referral."),
    10: ("Her e-mail, jane.moss@example.com, was on the referral.",
        "Her e-mail address was on the referral."),
    11: ("He posted at https://www.facebook.com/jane.moss.123 every day.",
        "He posted on social media every day."),
    12: ("The referral gave his NHS number, 943 476 5919.",
        "The referral gave his NHS number."),
    13: ("Her National Insurance number, JM 12 34 56 C, was on the claim.",
        "Her National Insurance number was on the claim."),
    14: ("The police recorded it as crime reference CR/1234/22.",
        "The police recorded it as a crime."),
    15: ("She attended Oakfield Primary School.",
        "She attended a local primary school."),
    16: ("Child A had cystic fibrosis.",
        "Child A had a long-term health condition."),
    17: (("On 14 August 2018 Child K, whose family is of Somali heritage, moved with "
         "Mother from Eastbridge to a rented house."),
        "In 2018 Child K moved with Mother to a rented house."),
    18: ("<p>The family moved.</p><!-- check with Jane Moss before publishing -->",
        "<p>The family moved.</p>"),
    19: (("<html><head><meta name=\"author\" content=\"Jane Moss\"></head><body><p>The family "
         "moved.</p></body></html>"),
        ("<html><head><meta name=\"author\" content=\"Northshire Safeguarding "
         "Partnership\"></head><body><p>The family moved.</p></body></html>")),
}


#: What ``scr-checks redact`` puts in place of each rule's identifiers, by
#: number ("{n}": each different one numbered); a named place's comes from
#: its kind (data/place_placeholders.tsv).  Rules about people are tagged
#: "person", so that "Jane Moss", "Ms Moss" and "Jane" get one placeholder.
_PLACEHOLDERS = {
    1: "Person {n}", 2: "Person {n}", 3: "Professional {n}", 4: "date", 5: "date",
    6: "age", 7: "Address {n}", 8: "postcode", 9: "phone number", 10: "e-mail address",
    11: "link", 12: "NHS number", 13: "National Insurance number", 14: "reference",
    15: "Place {n}", 16: "health condition", 19: "Person {n}",
}
PERSON_RULES = (1, 2, 3, 19)


def _rule(number: int, name: str, short: str, full: str, fix: str,
          severity: Severity = Severity.ERROR, *, precision: str = "medium",
          masked_as: str = "") -> Rule:
    bad, good = _EXAMPLES[number]
    tags = ("privacy", "person") if number in PERSON_RULES else ("privacy",)
    return Rule(id=f"SCR2{number:02d}", name=name, short=short, full=full + _WHY,
                fix=fix, severity=severity, question=2, tags=tags,
                bad_example=bad, good_example=good, precision=precision,
                masked_as=masked_as, placeholder=_PLACEHOLDERS.get(number, ""))


PERSONAL_NAME = _rule(
    1, "personal-name", "A person's full name, or a title with a surname.",
    "Family members, their friends and neighbours must not be named.",
    "Use a pseudonym or role ('Child A', 'Mother', 'Adult B') and declare it.",
    precision="very-high", masked_as="name")

UNDECLARED_FIRST_NAME = _rule(
    2, "undeclared-first-name", "A first name the report does not declare a pseudonym.",
    "Many reviews give children pseudonymous first names. A first name the report "
    "never declares as a pseudonym may be the real one.",
    "Say where it is first used that the name is a pseudonym ('referred to in this "
    "report as Amber'), or add it to [privacy] allow.", Severity.WARNING,
    precision="low", masked_as="name")

NAMED_PROFESSIONAL = _rule(
    3, "named-professional", "A practitioner named beside their role or title.",
    "Practitioners work in small areas; naming one identifies the family they "
    "worked with. Authors and chairs in an authorship line are not reported.",
    "Refer to them by role ('the health visitor', 'Social Worker 1').",
    precision="very-high", masked_as="name")

BIRTH_OR_DEATH_DATE = _rule(
    4, "birth-or-death-date", "A date of birth or death.",
    "A full date of birth or death is the clearest identifier of a child.",
    "Give the month and year, or the child's age.",
    precision="high", masked_as="date")

FULL_DATE = _rule(
    5, "full-date", "A full date (day and month).",
    "Day-and-month dates pin an incident down; a month and year is enough.",
    "Give the month and year ('in March 2019') or the sequence of events.",
    Severity.WARNING,
    precision="high", masked_as="date")

EXACT_AGE = _rule(
    6, "exact-age", "An age in days, or in two units ('11 weeks and 3 days').",
    "An age more precise than whole months narrows down a child's birth date.",
    "Give the age in whole months or years.", Severity.WARNING,
    precision="high", masked_as="age")

ADDRESS = _rule(
    7, "address", "A street address.",
    "An address identifies a family directly.",
    "Remove it; say 'the family home' or 'Address 1'.",
    precision="high", masked_as="address")

POSTCODE = _rule(
    8, "postcode", "A UK postcode or postcode district.",
    "A postcode identifies a handful of homes.", "Remove the postcode.",
    precision="high", masked_as="postcode")

PHONE_NUMBER = _rule(
    9, "phone-number", "A telephone number that is not an organisation's.",
    "A phone number identifies a person directly.",
    "Remove the number.",
    precision="high", masked_as="phone number")

EMAIL_ADDRESS = _rule(
    10, "email-address", "A personal e-mail address.",
    "An e-mail address usually contains a name. Organisational mailboxes "
    "(safeguarding@, info@) are not reported.", "Remove the address.",
    precision="high", masked_as="e-mail address")

PERSONAL_URL = _rule(
    11, "personal-url", "A link to a social-media account.",
    "A profile link identifies its owner.",
    "Remove the link; say 'on social media' instead.",
    precision="medium", masked_as="link")

NHS_NUMBER = _rule(
    12, "nhs-number", "An NHS number (ten digits with a valid check digit).",
    "An NHS number identifies a patient uniquely.", "Remove the number.",
    precision="high", masked_as="NHS number")

NI_NUMBER = _rule(
    13, "ni-number", "A National Insurance number.",
    "A National Insurance number identifies an adult uniquely.", "Remove the number.",
    precision="high", masked_as="NI number")

REFERENCE_NUMBER = _rule(
    14, "reference-number", "A case, court, crime or incident reference number.",
    "Reference numbers link the review to records others can search.",
    "Remove the reference.",
    precision="high", masked_as="reference number")

NAMED_PLACE = _rule(
    15, "named-place", "A named school, nursery, GP practice, hospital, street or "
    "estate.",
    "A named local institution or street narrows the family down to a few homes.",
    "Describe the kind of place ('a local primary school') or number it ('School 1').",
    Severity.WARNING,
    precision="very-high", masked_as="place")

NAMED_CONDITION = _rule(
    16, "named-condition", "An exact diagnosis or chronic condition.",
    "The quality marker's own example of a precise identifier is the exact chronic "
    "health condition.",
    "Use a general description ('a life-limiting condition').", Severity.WARNING,
    precision="high", masked_as="condition")

IDENTIFYING_COMBINATION = _rule(
    17, "identifying-combination",
    "Three kinds of detail in one paragraph (date, precise age, ethnicity, place, "
    "condition), or a precise age with a condition.",
    "Details that are harmless alone identify a family together.",
    "Generalise one or more of the details.", Severity.WARNING,
    precision="medium", masked_as="detail")

HIDDEN_CONTENT = _rule(
    18, "hidden-content", "Comments, tracked changes or hidden text in the file.",
    "A file for publication can carry drafts, comments and deleted text that "
    "readers can recover.",
    "Accept or reject all changes, delete comments and hidden text, and re-export.",
    precision="medium")

METADATA_IDENTITY = _rule(
    19, "metadata-identity", "A person's name in the document properties or metadata.",
    "Document properties (author, last modified by) and the authors of comments and "
    "annotations travel with the published file.",
    "Clear the author fields of the document properties, and delete comments and "
    "annotations, before publishing.",
    precision="medium", masked_as="name")


RULES = [
    PERSONAL_NAME,
    UNDECLARED_FIRST_NAME,
    NAMED_PROFESSIONAL,
    BIRTH_OR_DEATH_DATE,
    FULL_DATE,
    EXACT_AGE,
    ADDRESS,
    POSTCODE,
    PHONE_NUMBER,
    EMAIL_ADDRESS,
    PERSONAL_URL,
    NHS_NUMBER,
    NI_NUMBER,
    REFERENCE_NUMBER,
    NAMED_PLACE,
    NAMED_CONDITION,
    IDENTIFYING_COMBINATION,
    HIDDEN_CONTENT,
    METADATA_IDENTITY,
]
