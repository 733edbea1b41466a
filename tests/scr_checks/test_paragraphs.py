"""Each finding's paragraph, cut so that the flagged words and every identifier stay whole."""

from __future__ import annotations

from docutils import nodes

from scr_checks.document import TextBlock
from scr_checks.paragraphs import ELLIPSIS, LONG, MARGIN, flagged_paragraphs
from scr_checks.results import Finding, Location
from scr_checks.rules import Severity
from scr_checks.testing import make_session


def block(text: str, index: int = 3) -> TextBlock:
    return TextBlock(node=nodes.paragraph(text=text), text=text, path="r.rst", index=index)


def finding(text: str, words: str, index: int = 3, secret: str = "",
            whole: bool = False) -> Finding:
    start = text.index(words)
    return Finding(rule_id="TST701", message="m", severity=Severity.WARNING,
                   location=Location(path="r.rst", paragraph_index=index), secret=secret,
                   span=None if whole else (start, start + len(words)))


def pieces(paragraph: dict) -> list[tuple[str, list[int]]]:
    return [(s["text"], s.get("marks", [])) for s in paragraph["segments"]]


def test_each_findings_words_are_a_piece_of_their_own_marked_with_the_finding():
    text = "The worker failed to visit and the mother was chaotic."
    found = [finding(text, "failed to"), finding(text, "chaotic")]
    (paragraph,) = flagged_paragraphs(found, [block(text)], [])
    assert paragraph["paragraph_index"] == 3
    assert pieces(paragraph) == [("The worker ", []), ("failed to", [0]),
                                 (" visit and the mother was ", []), ("chaotic", [1]), (".", [])]
    assert "".join(text for text, _ in pieces(paragraph)) == text


def test_overlapping_findings_share_the_words_they_both_flag():
    text = "She should have realised at once."
    found = [finding(text, "should have realised"), finding(text, "realised at once")]
    (paragraph,) = flagged_paragraphs(found, [block(text)], [])
    assert pieces(paragraph) == [("She ", []), ("should have ", [0]), ("realised", [0, 1]),
                                 (" at once", [1]), (".", [])]


def test_a_cut_inside_an_identifier_moves_out_to_its_edges():
    text = "Later Jane  Moss said she had failed."
    # A rule that flags "Moss said" would cut "Jane Moss" in two, and the masking
    # step, which hides an identifier within one piece, would miss both halves.
    found = [finding(text, "Moss said"), finding(text, "Jane  Moss", secret="jane moss")]
    (paragraph,) = flagged_paragraphs(found, [block(text)], ["Jane Moss"])
    texts = [t for t, _ in pieces(paragraph)]
    assert "Jane  Moss" in texts[1]
    assert not any(t in ("Jane ", "Jane  ", "Moss said") for t in texts)
    assert pieces(paragraph)[1] == ("Jane  Moss", [0, 1])
    assert pieces(paragraph)[2] == (" said", [0])


def test_no_cut_falls_inside_an_identifier_in_any_case_the_masking_step_finds():
    text = "She said that IPEK YILMAZ and ZOË  LEE were there."
    found = [finding(text, "YILMAZ"), finding(text, "LEE")]
    (paragraph,) = flagged_paragraphs(found, [block(text)], ["İpek Yılmaz", "Zoë Lee"])
    texts = [t for t, _ in pieces(paragraph)]
    assert "IPEK YILMAZ" in texts and "ZOË  LEE" in texts


def test_a_long_paragraph_is_trimmed_around_its_flagged_words_never_inside_an_identifier():
    # The window opens MARGIN characters before "failed to": at "Moss", inside
    # "Jane Moss", where the masking step could not recognise the surname alone.
    filler = "abcd " * 79
    assert len("Jane Moss " + filler) == MARGIN + len("Jane ")
    text = "word " * 400 + "Jane Moss " + filler + "failed to visit. " + "more " * 400
    found = [finding(text, "failed to")]
    (paragraph,) = flagged_paragraphs(found, [block(text)], ["Jane Moss"])
    shown = pieces(paragraph)
    assert shown[0] == (ELLIPSIS, []) and shown[-1] == (ELLIPSIS, [])
    assert shown[1][0].startswith("Jane Moss abcd")
    assert ("failed to", [0]) in shown
    assert len("".join(t for t, _ in shown)) < LONG


def test_a_finding_about_the_whole_paragraph_shows_it_unmarked_and_others_are_left_out():
    text = "A paragraph that is too long to read."
    found = [finding(text, "A", whole=True),
             Finding(rule_id="TST101", message="whole report", severity=Severity.NOTE,
                     location=Location(path="r.rst"))]
    assert flagged_paragraphs(found, [block(text), block("other", 4)], []) == [
        {"paragraph_index": 3, "segments": [{"text": text}]}]


def test_a_run_records_paragraphs_only_when_an_output_shows_them(flag_plugin, write_report):
    path = write_report("Intro\n=====\n\nText with flagme in it.\n")
    session = make_session(plugins=[flag_plugin], config={"select": ["TST"]})
    assert "paragraphs" not in session.run([str(path)]).files[0].extras
    session.record_paragraphs = True
    file = session.run([str(path)]).files[0]
    (number,) = [n for n, f in enumerate(file.findings) if f.rule_id == "TST101"]
    (paragraph,) = file.extras["paragraphs"]
    assert pieces(paragraph) == [("Text with ", []), ("flagme", [number]), (" in it.", [])]
