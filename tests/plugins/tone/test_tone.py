"""Tone rules: blame, hindsight, judgemental, emotive and speculative words."""

import textwrap

import pytest

from scr_checks import Severity
from scr_checks.exceptions import ConfigError
from scr_checks.testing import check_text, findings_of, rule_ids


def run(text: str, **config):
    return check_text(textwrap.dedent(text), config={"select": ["SCR7"], **config})


def spans(run_result, rule_id=None):
    """(rule, words, line, column, end line, end column) of every finding."""
    return [
        (f.rule_id, f.snippet, f.location.line, f.location.column,
         f.location.end_line, f.location.end_column)
        for f in run_result.findings if rule_id in (None, f.rule_id)
    ]


def test_blame_inflections_with_exact_locations():
    result = run("""\
        The worker failed to visit. Staff were failing to record visits.
        The agency fails to share records.
        """)
    assert spans(result) == [
        ("SCR701", "failed to", 1, 12, 1, 21),
        ("SCR701", "failing to", 1, 40, 1, 50),
        ("SCR701", "fails to", 2, 12, 2, 20),
    ]
    assert all(f.severity is Severity.WARNING for f in result.findings)


def test_phrase_broken_across_two_source_lines():
    result = run("""\
        The review identified a missed
        opportunity to share the referral.
        """)
    assert spans(result) == [("SCR702", "missed opportunity", 1, 25, 2, 12)]
    assert result.findings[0].suggestion.startswith("describe the points")


@pytest.mark.parametrize(("text", "rule_id", "words"), [
    ("The nurse should have realised the risk.", "SCR701", "should have realised"),
    ("This was inexcusable.", "SCR701", "inexcusable"),
    ("The practice was negligent.", "SCR701", "negligent"),
    ("It was obvious that the baby was unwell.", "SCR702", "It was obvious"),
    ("Clearly, the plan was not working.", "SCR702", "Clearly"),
    ("The death was preventable.", "SCR702", "was preventable"),
    ("The mother was manipulative.", "SCR703", "manipulative"),
    ("The family were described as hard to reach.", "SCR703", "hard to reach"),
    ("The father was feckless.", "SCR703", "feckless"),
    ("The household was chaotic.", "SCR703", "chaotic"),
    ("The injuries were horrific.", "SCR704", "horrific"),
    ("This appalling case.", "SCR704", "appalling"),
    ("A visit would have prevented the injury.", "SCR705", "would have prevented"),
    ("The partner must have known about the bruises.", "SCR705", "must have known"),
])
def test_each_list_finds_its_words(text, rule_id, words):
    assert [(f.rule_id, f.snippet) for f in run(text).findings] == [(rule_id, words)]


@pytest.mark.parametrize("text", [
    "The baby was diagnosed with failure to thrive.",
    "All staff should have access to the records.",
    "The concern was clearly recorded in the notes.",
    "The review asked how agencies could have worked together.",
    "The plan set out the actions clearly.",
    "The mother's addiction service closed the case.",
    "The child sadly died in hospital.",
])
def test_ordinary_review_sentences_are_not_flagged(text):
    assert run(text).findings == []


def test_vocabulary_a_review_must_use_is_never_flagged():
    result = check_text(textwrap.dedent("""\
        The mother and father had a history of domestic abuse, adult mental
        health needs and substance misuse. The child was subject to a child
        protection plan for neglect and physical abuse, and the stepfather and
        maternal grandmother were assessed. Sexual abuse, emotional abuse and
        alcohol misuse were considered at the multi-agency meeting. The parents'
        learning disability, the child's disability, drug use, self-harm, suicide,
        non-accidental injury, domestic violence, coercive control, exploitation,
        race, religion, culture, poverty and housing were discussed.
        """), config={"select": ["SCR6", "SCR7"]})
    assert rule_ids(result) == []


def test_quoted_speech_is_a_note_and_can_be_ignored():
    text = 'The record said "mother was chaotic" and ‘hard to reach’.\n'
    result = run(text)
    assert [(f.snippet, f.severity) for f in result.findings] == [
        ("chaotic", Severity.NOTE), ("hard to reach", Severity.NOTE),
    ]
    assert "in quotation marks" in result.findings[0].message
    assert run(text, tone={"quoted": "ignore"}).findings == []


def test_a_markdown_block_quote_is_a_quotation_and_an_indented_rest_block_is_not():
    quote = "The mother said:\n\n> The GP failed to refer us, and the home was chaotic.\n"
    result = check_text(quote, suffix=".md", config={"select": ["SCR7"]})
    assert [(f.snippet, f.severity) for f in result.findings] == [
        ("failed to", Severity.NOTE), ("chaotic", Severity.NOTE)]
    assert all("in quotation marks" in f.message for f in result.findings)
    indented = "The mother said:\n\n    The GP failed to refer us.\n"
    result = check_text(indented, suffix=".rst", config={"select": ["SCR7"]})
    assert [(f.snippet, f.severity) for f in result.findings] == [
        ("failed to", Severity.WARNING)]


def test_apostrophes_do_not_open_a_quotation():
    result = run("The mother's home was chaotic and the father's too.\n")
    assert [(f.snippet, f.severity) for f in result.findings] == [("chaotic", Severity.WARNING)]


def test_acknowledged_hindsight_is_a_note():
    result = run("With hindsight, this was a missed opportunity. It was a missed chance.\n")
    assert [(f.snippet, f.severity) for f in findings_of(result, "SCR702")] == [
        ("missed opportunity", Severity.NOTE), ("missed chance", Severity.WARNING),
    ]


def test_words_in_headings_and_tables_are_flagged():
    result = run("""\
        Missed opportunities
        ====================

        +-----------+---------------------------+
        | Date      | Event                     |
        +===========+===========================+
        | Spring    | The mother was chaotic.   |
        +-----------+---------------------------+
        """)
    assert spans(result) == [
        ("SCR702", "Missed opportunities", 1, 1, 1, 21),
        ("SCR703", "chaotic", 7, 30, 7, 37),
    ]


def test_configuration_extends_and_allows(tmp_path):
    words = tmp_path / "local.tsv"
    words.write_text("pattern\tcategory\twhy\tsuggestion\nslovenly\tlocal\tJudges.\tdescribe\n")
    config = {"tone": {
        "extra_words": {"judgemental": ["unkempt", {"pattern": "work-shy", "suggestion": "x"}]},
        "word_files": {"judgemental": str(words)},
        "allowed": ["chaotic"],
    }}
    result = run("Unkempt, work-shy, slovenly and chaotic.\n", **config)
    assert [(f.snippet, f.suggestion) for f in result.findings] == [
        ("Unkempt", ""), ("work-shy", "x"), ("slovenly", "describe"),
    ]


def test_a_pattern_whose_words_cannot_be_read_is_looked_for_in_every_paragraph():
    """The paragraphs tested once against the words every list needs are not
    skipped when some entry's words are unknown (a class range)."""
    result = run("Staff were clock-shy.\n",
                 tone={"extra_words": {"judgemental": ["[a-z]+-shy"]}})
    assert [f.snippet for f in result.findings] == ["clock-shy"]


def test_an_unknown_list_name_is_one_configuration_error_at_start_up():
    with pytest.raises(ConfigError, match=r"\[tone\] extra_words: unknown list \['rude'\]"):
        run("Text.\n", tone={"extra_words": {"rude": ["x"]}})


def test_a_bad_word_file_is_one_configuration_error_at_start_up(tmp_path):
    with pytest.raises(ConfigError, match=r"\[tone\] blame"):
        run("Text.\n", tone={"word_files": {"blame": str(tmp_path / "missing.tsv")}})


def test_a_severity_setting_keeps_the_plugins_own_lowering_of_a_quoted_word():
    text = 'Nobody thought the team was to blame. She said she was "to blame".\n'
    result = check_text(text, config={"select": ["SCR701"], "severity": {"SCR701": "error"}})
    levels = sorted((str(f.severity), "[in quotation marks]" in f.message)
                    for f in result.findings)
    assert levels == [("error", False), ("note", True)]
    lowered = check_text(text, config={"select": ["SCR701"], "severity": {"SCR701": "note"}})
    assert {str(f.severity) for f in lowered.findings} == {"note"}


def test_sentences_read_about_matches_stop_at_the_texts_length(monkeypatch):
    """A text with no full stop is one sentence: read back from each match it
    took time in the square of the text, so once the sentences read add up to
    half the text it is cut into sentences once, and each is found as before."""
    import scr_plugins.tone as tone

    from scr_checks import sentence_spans

    text = "the mother failed to attend and the worker should have known " * 200
    read_back = []
    real = tone.sentence_at
    monkeypatch.setattr(tone, "sentence_at",
                        lambda t, position: read_back.append(position) or real(t, position))
    sentences = tone._Sentences(text)
    starts = [i for i in range(0, len(text), 61)]
    assert [sentences._holding(s, s + 6) for s in starts] == [sentence_spans(text)[0]] * len(
        starts)
    assert read_back == [0]

    short = "The worker failed. " * 50
    sentences = tone._Sentences(short)
    assert [sentences._holding(s, s + 6) for s in range(0, 95, 19)] == sentence_spans(short)[:5]
    assert len(read_back) == 1 + 5  # a few sentences are read about their matches
    assert [sentences._holding(s, s + 6) for s in range(0, len(short), 19)] == sentence_spans(
        short)
    assert len(read_back) == 1 + len(short) // 2 // 18 + 1  # then cut once, at half the text
