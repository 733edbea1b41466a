"""Sentence, word and quotation spans."""

from scr_checks import quoted_spans, sentence_spans, word_spans


def texts(text, spans):
    return [text[s:e] for s, e in spans]


def test_sentences_skip_paragraph_number_and_abbreviations():
    text = "4.1.2 Dr. Lee saw the child, e.g. at home. She wrote it down! Then? no"
    assert texts(text, sentence_spans(text)) == [
        "Dr. Lee saw the child, e.g. at home.", "She wrote it down!", "Then? no",
    ]


def test_sentence_ending_in_a_closing_quote():
    text = 'She said "not today." The visit ended.'
    assert texts(text, sentence_spans(text)) == ['She said "not today."', "The visit ended."]


def test_words_keep_apostrophes_and_inner_hyphens():
    text = "the mother's multi-agency plan, 2019"
    assert texts(text, word_spans(text)) == ["the", "mother's", "multi-agency", "plan"]


def test_quotations_of_every_kind_but_not_apostrophes():
    text = "Mother's view: “chaotic”, \"fine\" and 'messy, really.' not the child's"
    assert texts(text, quoted_spans(text)) == ["“chaotic”", '"fine"', "'messy, really.'"]
