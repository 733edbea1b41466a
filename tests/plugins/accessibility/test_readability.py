"""Long sentences (SCR604) and hard-to-read sections (SCR605)."""

import textwrap

import pytest
from scr_plugins.accessibility import readability
from scr_plugins.accessibility.hyphenation import british
from scr_plugins.accessibility.readability import Counts, syllables

from scr_checks.testing import check_text

EASY = "The nurse saw the baby at home. She wrote down what she saw. " * 10
HARD = (
    "Organisational accountability mechanisms necessitated comprehensive "
    "interdisciplinary deliberation regarding multifaceted safeguarding "
    "considerations, notwithstanding considerable institutional variability. "
) * 8


def run(text: str, **config):
    return check_text(textwrap.dedent(text), config={"select": ["SCR604", "SCR605"], **config})


@pytest.mark.parametrize(("word", "count"), [
    ("cat", 1), ("baby", 2), ("area", 2), ("safeguarding", 3), ("communication", 5),
    ("strengths", 1), ("practitioners", 4),
])
def test_syllables(word, count):
    assert syllables(word) == count


def test_flesch_formulas():
    counts = Counts()
    counts.add("The cat sat on the mat".split(), 1)
    assert counts.reading_ease == pytest.approx(206.835 - 1.015 * 6 - 84.6)
    assert counts.grade == pytest.approx(0.39 * 6 + 11.8 - 15.59)
    assert Counts().reading_ease == 100.0


def test_long_sentence_exact_span_across_lines():
    words = " ".join(["Each", *["word"] * 40])
    result = run(f"3.1 Short one. {words[:100]}\n{words[101:]}. Another short one.\n")
    (finding,) = result.findings
    loc = finding.location
    assert finding.rule_id == "SCR604"
    assert (loc.line, loc.column, loc.end_line) == (1, 16, 2)
    assert loc.end_column == len(words[101:]) + 2
    assert finding.message == "Sentence of 41 words (the limit is 40)."


def test_sentence_at_the_limit_and_configured_limit():
    sentence = " ".join(["word"] * 40) + ".\n"
    assert run(sentence).findings == []
    assert [f.rule_id for f in run(sentence, accessibility={"max_sentence_words": 39}).findings] \
        == ["SCR604"]


def test_hard_section_is_reported_at_its_heading_easy_one_is_not():
    result = run(f"""\
        Easy part
        =========

        {EASY}

        Hard part
        =========

        {HARD}
        """)
    (finding,) = result.findings
    assert finding.rule_id == "SCR605"
    assert (finding.location.line, finding.location.column) == (6, 1)
    assert finding.properties["reading_ease"] < 0
    assert "Hard part" in finding.message
    sections = result.files[0].extras["readability"]["sections"]
    assert [s["heading"] for s in sections] == [["Easy part"], ["Hard part"]]
    assert sections[0]["reading_ease"] > 80


def test_short_sections_are_not_scored_and_threshold_is_configurable():
    short = "Organisational accountability necessitated deliberation.\n"
    assert run(short).findings == []
    assert run(f"Part\n====\n\n{EASY}\n", accessibility={"min_reading_ease": 120.0}).findings


def test_table_cells_count_for_sentence_length_not_for_section_score():
    result = run(f"""\
        Part
        ====

        {EASY}

        +------+------------------------------------------------------------------+
        | Date | Event                                                            |
        +======+==================================================================+
        | May  | {HARD[:64]} |
        +------+------------------------------------------------------------------+
        """)
    assert result.findings == []
    assert result.files[0].extras["readability"]["sections"][0]["reading_ease"] > 80


def test_total_of_sections_counts_each_word_once():
    first, second = Counts(), Counts()
    first.add(["The", "nurse", "visited"], 1)
    second.add(["Safeguarding", "practitioners"], 1)
    whole = Counts()
    whole.add(["The", "nurse", "visited", "Safeguarding", "practitioners"], 2)
    assert Counts.total([first, second]) == whole


def test_a_word_in_capitals_has_the_syllables_of_its_lower_case():
    assert syllables("Safeguarding") == syllables("SAFEGUARDING") == syllables("safeguarding")
    assert syllables("Area") == 2


def test_pyphen_splits_no_word_of_three_letters_or_fewer():
    """Why the count does not ask pyphen about them."""
    letters = "abcdefghijklmnopqrstuvwxyzéß"
    words = [a + b + c for a in letters for b in ["", *letters] for c in ["", *letters]]
    assert not any(british().positions(word) for word in words)


def test_counted_words_are_forgotten_when_there_are_too_many(monkeypatch):
    monkeypatch.setattr(readability, "_MOST", 3)
    known = readability._Known()
    assert [known[w] for w in ("one", "two", "three", "communication")] == [1, 1, 1, 5]
    assert len(known) <= 3


def test_counts_behave_as_the_dataclass_they_were(like_dataclass):
    like_dataclass(Counts, lambda cls: cls(12, 2, 17), lambda cls: cls(12, 2, 18), frozen=False)
    counts = Counts(sentences=1)
    counts.words = 3
    assert counts == Counts(3, 1, 0)
