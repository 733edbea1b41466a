"""References in prose: what a paragraph points at, and where one may start."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scr_checks import fold_case, outline
from scr_checks.document import blocks
from scr_checks.testing import make_session

WORDS = ["paragraph", "Paras.", "para", "§", "Section", "chapters", "PART", "Key ", "key\n",
         "finding", "Findings", "Recommendations", "recommendation", "(", "(see ", "(See also ",
         "x", "", "ſection"]
GAPS = ["", " ", "  ", "\n", "."]
NUMBERS = ["4", "4.2", "12.1.3", "0", "4.05", "1a", "A"]
AFTER = ["", ")", " and 5", ", 6)", " of the Act", " enquiry"]


@given(st.lists(st.tuples(*(st.sampled_from(x) for x in (WORDS, GAPS, NUMBERS, AFTER))),
                max_size=3))
def test_a_text_a_reference_pattern_matches_holds_one_of_its_words(parts):
    """The words that let most paragraphs skip a pattern miss none of its matches."""
    text = " ".join("".join(part) for part in parts)
    for _, pattern, words in outline._REFERENCES:
        if pattern.search(text):
            assert any(word in fold_case(text) for word in words), text


def references(text: str) -> list[tuple[str, str]]:
    report = make_session({}).read_bytes(text.encode(), ".rst", "report.rst")
    (block,) = blocks(report)
    return [(ref.kind, ref.target) for ref in outline._references(block)]


@pytest.mark.parametrize(("text", "found"), [
    ("As paragraphs 3.1 and 3.2 say.", [("paragraph", "3.1"), ("paragraph", "3.2")]),
    ("As para. 3 says.", [("paragraph", "3")]),
    ("As section 5 says.", [("section", "5")]),
    ("As chapter 2 says.", [("section", "2")]),
    ("It was missed (see also 4.2).", [("paragraph", "4.2")]),
    ("It was missed (4.2).", [("paragraph", "4.2")]),
    ("Key Finding 2 says so.", [("finding", "2")]),
    ("Recommendation 1 says so.", [("recommendation", "1")]),
    ("A section 47 enquiry, section 5 of the Act and chapter one.", []),
])
def test_each_kind_of_reference_alone_in_a_paragraph(text, found):
    assert references(text) == found


def test_a_table_behaves_as_the_dataclass_it_was(like_dataclass):
    from scr_checks.outline import _Table

    like_dataclass(_Table, lambda cls: cls(["Finding"], [[[]]]), lambda cls: cls(["Finding"], []),
                   frozen=False)


def test_a_reference_behaves_as_the_frozen_dataclass_it_was(like_dataclass):
    from docutils import nodes

    from scr_checks import Reference, TextBlock

    block = TextBlock(nodes.paragraph(), "See paragraph 4.1.", "r.rst", index=1)
    like_dataclass(Reference, lambda cls: cls(block, 4, 17, "paragraph", "4.1"),
                   lambda cls: cls(block, 4, 17, "section", "4.1"))
    assert Reference(block, 4, 17, "paragraph", "4.1").text == "paragraph 4.1"
