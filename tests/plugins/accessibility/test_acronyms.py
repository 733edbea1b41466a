"""Acronyms used before their definition, or never defined (SCR601, SCR602)."""

import textwrap

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scr_plugins.accessibility import acronyms

from scr_checks import fold_case
from scr_checks.testing import check_text

#: Each snippet stands for a whole report, so rules that need one run on it.
WHOLE = {"kind": "full_report"}


def run(text: str, **config):
    return check_text(textwrap.dedent(text),
                      config={"select": ["SCR601", "SCR602"], **WHOLE, **config})


def found(result):
    return [
        (f.rule_id, f.snippet, f.location.line, f.location.column, f.location.end_column)
        for f in result.findings
    ]


def test_used_before_definition_points_at_first_use_and_names_the_definition():
    result = run("""\
        The MASH received a referral.

        Later the Multi-Agency Safeguarding Hub (MASH) met again. The MASH closed it.
        """)
    assert found(result) == [("SCR601", "MASH", 1, 5, 9)]
    message = result.findings[0].message
    assert "line 3" in message and "Multi-Agency Safeguarding Hub" in message


def test_defined_at_first_use_in_either_order_is_clean():
    result = run("""\
        Child and Adolescent Mental Health Services (CAMHS) saw the child.
        CAMHS wrote to the GP. The IRO (Independent Reviewing Officer) chaired it.
        The IRO agreed.
        """)
    assert found(result) == []


def test_never_defined_says_what_it_usually_stands_for():
    result = run("The referral went to CAMHS and then to CAMHS again.\n")
    assert found(result) == [("SCR602", "CAMHS", 1, 22, 27)]
    assert "Child and Adolescent Mental Health Services" in result.findings[0].message
    assert result.findings[0].suggestion.startswith(
        "write 'Child and Adolescent Mental Health Services (CAMHS)'"
    )


def test_local_acronym_without_expansion_and_plural_form():
    result = run("Two ESCBs met. The ESCB agreed.\n")
    assert found(result) == [("SCR602", "ESCBs", 1, 5, 10)]
    assert "usually stands" not in result.findings[0].message


def test_definition_list_glossary_defines_acronyms():
    result = run("""\
        Analysis
        ========

        The MASH and the LADO were told.

        Glossary
        ========

        MASH
            Multi-Agency Safeguarding Hub
        LADO
            Local Authority Designated Officer
        """)
    assert found(result) == []


def test_table_glossary_defines_acronyms():
    result = run("""\
        Analysis
        ========

        The MARAC met twice.

        Abbreviations used in this report
        =================================

        +--------+------------------------------------------+
        | Term   | Meaning                                  |
        +========+==========================================+
        | MARAC  | Multi-Agency Risk Assessment Conference  |
        +--------+------------------------------------------+
        """)
    assert found(result) == []


@pytest.mark.parametrize("text", [
    "The NHS and the GP in the UK were told.",
    "Part II and Part IV of the report.",
    "Child LA and Mr SF lived with Ms M. AB1 and AB2 were siblings.",
    "OFFICIAL SENSITIVE NOT FOR CIRCULATION BEYOND THE PANEL",
    "The McDonald family moved.",
    "Version: FINAL. Document reference CYSUR 4 2019; number JT 48 26 13 B.",
])
def test_not_acronyms_or_universally_known(text):
    assert found(run(text + "\n")) == []


def test_headings_are_not_checked_but_their_text_is_not_a_definition():
    result = run("""\
        4.1 MASH decisions
        ==================

        The MASH decided.
        """)
    assert found(result) == [("SCR602", "MASH", 4, 5, 9)]


def test_acronym_in_a_table_cell_before_definition():
    result = run("""\
        Introduction
        ============

        +--------+-------------------+
        | Date   | Event             |
        +========+===================+
        | May    | Referral to CAMHS |
        +--------+-------------------+

        Child and Adolescent Mental Health Services (CAMHS) replied.
        """)
    assert found(result) == [("SCR601", "CAMHS", 7, 24, 29)]


def test_configured_known_acronyms_and_expansions():
    config = {"accessibility": {"known_acronyms": ["ESCB"], "acronyms": {"WSP": "Westmoor Panel"}}}
    result = run("The ESCB asked the WSP.\n", **config)
    assert found(result) == [("SCR602", "WSP", 1, 20, 23)]
    assert "Westmoor Panel" in result.findings[0].message


@pytest.mark.parametrize(("text", "shouted"), [
    ("QXZV WKJP hello.", True),      # 8 capitals of 13 letters: more than 0.6
    ("QXZV WKJ hellos.", False),     # 7 of 13
    ("QXZV WKJP Ⓐ hell.", False),   # a circled capital is upper case but no letter: 8 of 12
    ("QXZVWKJP.", False),            # 8 letters: too few to be a banner
])
def test_a_block_mostly_in_capitals_is_a_banner_whose_capitals_are_not_acronyms(text, shouted):
    assert (found(run(text + "\n")) == []) == shouted


def test_words_in_capitals_are_not_acronyms_but_known_acronyms_in_capitals_are():
    result = run("""\
        Introduction
        ============

        THE REVIEW PANEL AND THE SAFEGUARDING PARTNERSHIPS MET IN PRIVATE.

        The referral went to the MASH and the LADO.
        """)
    assert [(rule, token) for rule, token, *_ in found(result)] == [
        ("SCR602", "MASH"), ("SCR602", "LADO")]


def test_letters_after_a_name_are_not_acronyms():
    result = run("""\
        The review was led by Rosalind Kettering MSc, CQSW, and chaired by Owen
        Tredwell OBE. The CQSW course is no longer taught.
        """)
    assert [(rule, token) for rule, token, *_ in found(result)] == [("SCR602", "CQSW")]


def test_codes_used_for_people_are_pseudonyms_not_acronyms():
    result = run("""\
        Introduction
        ============

        The review concerns the Initials of Child HD. HD was born in 2004. His
        mother SR had two older children. SR and HD lived with the WCN.
        """)
    assert [(rule, token) for rule, token, *_ in found(result)] == [("SCR602", "WCN")]


def test_an_acronym_defined_with_the_area_name_before_it():
    result = run("""\
        The Devon Safeguarding Children Partnership (Devon SCP) asked for the review.
        The SCP met twice.
        """)
    assert found(result) == []


PERSON_PIECES = ["Initials of ", "the ", "child ", "Baby ", "his ", "MOTHER ", "step-father ",
                 "ſister ", "grandmother ", "partner\n", "carer ", "Known ", "referred to ",
                 "in this report ", "as ", "throughout the review ", "İnitials of ", "x ", ""]


@given(st.lists(st.sampled_from(PERSON_PIECES), max_size=6).map("".join))
def test_what_comes_before_a_persons_code_holds_one_of_the_words_looked_for_first(text):
    """Those words let a stretch without any skip the search at each character."""
    if acronyms.PERSON_BEFORE.search(text):
        assert any(word in fold_case(text) for word in acronyms.PERSON_WORDS), text


def test_a_use_behaves_as_the_frozen_dataclass_it_was(like_dataclass):
    from docutils import nodes

    from scr_checks import TextBlock

    block = TextBlock(nodes.paragraph(), "The LSCB met.", "r.rst", index=2)
    like_dataclass(acronyms.Use, lambda cls: cls("LSCB", block, 4, 8),
                   lambda cls: cls("LSCB", block, 4, 9))
    assert acronyms.Use("LSCB", block, 4, 8).order == (2, 4)


AFTER_PIECES = [" was born", " WAS placed", " died", " ſaid", " lived", " told", " disclosed",
                " was", " waſ seen", "\nwas found", "_said", " said1", " wasn't"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from([*PERSON_PIECES, *AFTER_PIECES, "HD", "SR", "NHS", "CAMHS",
                                 "the GP", ". ", ", "]), max_size=12).map("".join))
@example("Initials of HD")
@example("The GP said SR was born")
def test_person_codes_are_those_found_without_looking_at_the_block_first(text):
    """Each code's window is searched only in a block holding one of the words
    before a person's code, or after one: the codes found are the same."""
    from docutils import nodes

    from scr_checks import TextBlock

    block = TextBlock(nodes.paragraph(), text, "r.rst", index=1)
    matches = acronyms.tokens(block)
    expected = {acronyms.key_of(m.group()) for m in matches if len(m.group()) <= 4 and (
        acronyms._person_before(text, max(0, m.start() - 60), m.start())
        or acronyms.PERSON_AFTER.match(text, m.end()))}
    assert acronyms.person_codes([(block, matches)]) == expected
