"""The layout of published reports: title page, credits, contents, running headers.

Every report here is invented; each shows one way real reviews lay out their
apparatus, and asserts which part each block is read as and that no finding
comes from the apparatus.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
from docutils import nodes
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_checks import layout
from scr_checks.context import CheckContext
from scr_checks.document import blocks
from scr_checks.layout import CONTENTS, FURNITURE, Layout
from scr_checks.testing import check_paths, check_text, make_session

LAYOUT = Path(__file__).resolve().parents[2] / "fixtures" / "reports" / "layout"
FORMATS = ["rst", "md", "html", "txt", "docx", "pdf"]


def parts_of(text: str, suffix: str = ".txt") -> list[tuple[str, str]]:
    """(part, first words) of every block of ``text`` read as a file of ``suffix``."""
    session = make_session()
    with_text = Path(_write(text, suffix))
    report = session.read(with_text, with_text.name)
    context = CheckContext(session.config, session.rules, report, blocks(report))
    Layout.of(context)
    return [(b.part, " ".join(b.text.split()[:4])) for b in context.blocks]


def _write(text: str, suffix: str) -> str:
    import tempfile

    handle = tempfile.NamedTemporaryFile("w", suffix=suffix, delete=False, encoding="utf-8")
    with handle:
        handle.write(textwrap.dedent(text))
    return handle.name


def part(parts: list[tuple[str, str]], words: str) -> str:
    return next(p for p, text in parts if text.startswith(words))


def warnings_and_errors(run) -> list[tuple[str, str]]:
    return [(f.rule_id, f.snippet) for f in run.findings
            if str(f.severity) in ("warning", "error") and not f.suppressed]


# -- the same published layout in every format ---------------------------


def layout_parts(suffix: str) -> list[tuple[str, str]]:
    session = make_session()
    path = LAYOUT / f"report.{suffix}"
    report = session.read(path, path.name)
    context = CheckContext(session.config, session.rules, report, blocks(report))
    Layout.of(context)
    return [(b.part, " ".join(b.text.split())) for b in context.blocks
            if b.part != "furniture"]


@pytest.mark.parametrize("suffix", FORMATS)
def test_the_published_layout_is_read_alike_in_every_format(suffix):
    assert layout_parts(suffix) == layout_parts("rst")
    parts = dict((text, p) for p, text in layout_parts(suffix))
    assert parts["Lead reviewer: Dr Helen Marchbank PhD, MSc, CQSW"] == "front"
    assert parts["4. Key lessons .................... 3"] == "contents"
    assert parts["1. Introduction"] == "body"
    assert parts["Appendix A: Glossary"] == "glossary"


@pytest.mark.parametrize("suffix", FORMATS)
def test_the_published_layout_draws_no_warning_or_error(suffix):
    run = check_paths([LAYOUT / f"report.{suffix}"])
    assert not run.errors
    assert warnings_and_errors(run) == []
    card = {entry["question"]: entry for entry in run.files[0].extras["scorecard"]}
    assert card[1]["status"] == "no problems found"
    # Plain text and PDF give no heading levels to check, only guesses.
    assert [gap["rules"] for gap in card[1]["not_checked"]] == (
        [["SCR104"]] if suffix in ("txt", "pdf") else [])


@pytest.mark.parametrize("suffix", ["rst", "md", "html", "txt"])
def test_running_headers_printed_in_the_text_are_furniture(suffix):
    session = make_session()
    path = LAYOUT / f"report.{suffix}"
    report = session.read(path, path.name)
    context = CheckContext(session.config, session.rules, report, blocks(report))
    Layout.of(context)
    furniture = [b.text for b in context.blocks if b.part == "furniture"]
    assert furniture == ["Page 1 of 4", "WSCP \u2013 SCR \u2013 Child P", "Page 2 of 4",
                         "WSCP \u2013 SCR \u2013 Child P", "Page 3 of 4"]


# -- contents pages ------------------------------------------------------


def test_a_contents_page_with_leaders_is_contents_and_promises_its_sections():
    parts = parts_of("""\
        Serious Case Review: Child J

        Contents

        1. Introduction ............................ 3

        2. Methodology ............................. 4

        3. Analysis ................................ 6

        4. Findings ................................ 12

        1. Introduction

        1.1 This review was commissioned after Child J was injured at home.
        """)
    assert [p for p, _ in parts[1:6]] == ["contents"] * 5
    assert part(parts, "1.1 This review") == "body"


def test_entries_with_page_ranges_and_no_contents_line():
    parts = parts_of("""\
        1 INTRODUCTION 3

        2 ARRANGEMENTS FOR THE REVIEW 4

        3 KEY LESSONS 28 - 29

        1 Introduction

        1.1 The review was commissioned by the partnership after a serious incident.
        """)
    assert [p for p, _ in parts[:3]] == ["contents"] * 3
    assert part(parts, "1 Introduction") == "body"


def test_entries_run_together_by_a_pdf_text_layer_are_one_contents_block():
    parts = parts_of("""\
        Contents Page Glossary 1 Introduction 1.1 Circumstances that led to the Review 1.2 Terms of Reference 1.3 Membership of the Panel 2: 2.1 2.2 2.3 Factual Information

        16 20 20 22 25

        1. Introduction

        1.1 The review considers the help given to six young people over four years.
        """)  # noqa: E501
    assert [p for p, _ in parts[:2]] == ["contents", "contents"]


def test_titles_then_their_pages_as_two_columns_are_contents():
    parts = parts_of("""\
        1. Introduction

        2. The review process

        3. Family background

        4. Thematic analysis

        3

        5

        10

        15

        1. Introduction

        1.1 The review was undertaken because of a critical incident in the autumn.
        """)
    assert [p for p, _ in parts[:4]] == ["contents"] * 4
    assert part(parts, "1.1 The review") == "body"


def test_contents_announced_at_the_end_of_a_credit_line():
    parts = parts_of("""\
        Report by:

        Independent Overview Report Writer, April 2010 CONTENTS

        Executive Summary 3 - 17

        1. Introduction and Context 18

        2. Terms of Reference 18 - 19
        """)
    assert [p for p, _ in parts[2:]] == ["contents"] * 3


def test_a_contents_page_raises_no_reference_numbering_or_acronym_finding():
    run = check_text(textwrap.dedent("""\
        CONTENTS

        1. INTRODUCTION ........................... 3

        7. ANALYSIS (see paragraphs 7.1 - 7.24) ... 9

        9.2 Recommendations to the WSCB ........... 26

        1. Introduction

        1.1 The review was commissioned by the Westshire Safeguarding Children
        Board (WSCB) after a child was injured.

        2. Analysis

        2.1 The referral did not reach the WSCB, because the form had no field for it.

        3. Recommendations

        3.1 The WSCB should add the field.
        """), suffix=".txt", config={"kind": "full_report", "select": ["SCR103", "SCR502", "SCR6"]})
    assert [(f.rule_id, f.location.line) for f in run.findings if f.location.line < 9] == []


# -- page furniture ------------------------------------------------------


@pytest.mark.parametrize("line", [
    "Page 3 of 56",
    "Final Page 1 of 56",
    "CONFIDENTIAL \u2013 not to be photocopied or distributed",
    "This report is the property of the Westshire Board Page of 47",
    "This page has been intentionally left blank",
    "Copyright of this report remains with the publishing partnership.",
    "This case review report was deposited by the publishing LSCB with the national case "
    "review repository.",
    "17",
])
def test_page_furniture(line):
    parts = parts_of(f"""\
        Introduction
        ============

        The review was commissioned after a child was injured at home.

        {line}

        The family had moved to the area shortly before.
        """)
    assert part(parts, " ".join(line.split()[:4])) == "furniture"
    assert part(parts, "The family had moved") == "body"


def test_a_short_line_repeated_with_an_initialism_is_a_running_header():
    parts = parts_of("""\
        Introduction
        ============

        WSCB Overview Report

        The review was commissioned after a child was injured at home.

        WSCB Overview Report

        The family had moved to the area shortly before the injury.
        """)
    assert [p for p, text in parts if text.startswith("WSCB")] == ["furniture", "furniture"]


def test_a_heading_repeated_in_summary_and_report_is_not_furniture():
    parts = parts_of("""\
        Recommendations
        ===============

        The Partnership should review the referral form.

        Recommendations
        ===============

        The Partnership should review the referral form and report back.
        """, ".rst")
    assert [p for p, text in parts if text == "Recommendations"] == ["body", "body"]


# -- front matter and credits ---------------------------------------------


@pytest.mark.parametrize("credit", [
    "Lead Reviewer\n\nCatherine Oldfield PhD, RGN, RHV",
    "Report by:\n\nGraham Whitcombe",
    "Graham Whitcombe, Independent Reviewer",
    "Author Rosalind Kettering January 2019",
    "Lead Reviewer and Independent Report Author \u2013 Jane Fairbrother",
    "Marion Ellsworth C.B.E.",
    "Report Author\n\nJane Fairbrother\n\nMSc MPhil CQSW\n\nKettering Consultancy Ltd",
])
def test_credits_on_the_title_page_are_not_personal_names(credit):
    text = (f"Westshire Safeguarding Children Partnership\n\nSerious Case Review\n\nChild K\n\n"
            f"{credit}\n\nPublished 8th May 2019\n\nIntroduction\n============\n\n"
            "The review was commissioned after Child K was injured at home.\n")
    run = check_text(text, config={"select": ["SCR2", "SCR6"], "kind": "full_report"})
    assert warnings_and_errors(run) == []


def test_a_date_of_birth_on_the_title_page_is_still_reported():
    run = check_text("Serious Case Review\n\nChild K, born 3 March 2016\n\nPublished 8 May 2019\n\n"
                     "Introduction\n============\n\nThe review was commissioned in 2018.\n",
                     config={"select": ["SCR204", "SCR205"], "kind": "full_report"})
    assert [f.rule_id for f in run.findings] == ["SCR204"]


def test_an_authors_section_names_its_authors():
    run = check_text(textwrap.dedent("""\
        Child Safeguarding Practice Review: an injury to an infant

        Authors
        =======

        - Kathryn Stellman, Head of Service, Public Health Nursing
        - Shona Alderley, Improvement Lead

        1.0 Introduction
        ================

        1.1 The partnership decided to conduct a review after an infant was injured.
        """), config={"select": ["SCR2"], "kind": "full_report"})
    assert warnings_and_errors(run) == []


def test_about_the_author_in_the_body_is_a_credit_but_the_familys_names_are_not():
    run = check_text(textwrap.dedent("""\
        Introduction
        ============

        The review was commissioned after a child was injured. Her uncle, Darren
        Whitlock, looked after her at weekends.

        About the author
        ================

        Rosalind Kettering MSc is an independent social work consultant.
        """), config={"select": ["SCR201", "SCR203"], "kind": "full_report",
                      "show_identifiers": True})
    assert [f.secret for f in run.findings] == ["Darren Whitlock"]


def test_dates_of_the_reviews_own_making_are_not_full_dates():
    run = check_text(textwrap.dedent("""\
        Introduction
        ============

        This review follows a letter dated 16 December 2018 from the Minister of State. The
        report was submitted to Ofsted on 22 November 2019. Child K was seen by the health
        visitor on 4 June 2019.
        """), config={"select": ["SCR205"], "kind": "full_report", "show_identifiers": True})
    assert [f.secret for f in run.findings] == ["4 June 2019"]


def test_the_publishers_contact_details_are_not_the_familys():
    run = check_text(textwrap.dedent("""\
        Introduction
        ============

        The review was commissioned after a child was injured at home.

        Contact details: Westshire Safeguarding Children Board, Civic Centre, Stockwell
        Close, Westbury WS1 3UH. Tel: 020 7946 0321. Email: wscb@westshire.gov.uk
        """), config={"select": ["SCR2"], "kind": "full_report"})
    assert warnings_and_errors(run) == []


# -- headings in other words ----------------------------------------------


@pytest.mark.parametrize(("heading", "kind"), [
    ("1. INTRODUCTION", "introduction"),
    ("Scope and methodology", "methodology"),
    ("Methodology and Report Structure", "methodology"),
    ("Appraisal of Practice and Analysis", "analysis"),
    ("Learning from the Review", "findings"),
    ("Key Lessons", "findings"),
    ("Learning points", "findings"),
    ("Actions for the partnership", "recommendations"),
    ("Recommendation", "recommendations"),
    ("4. Serious Case Review Process", "methodology"),
])
def test_headings_name_sections_in_other_words(heading, kind):
    from scr_checks.headings import classify, matcher

    assert kind in classify(heading, matcher())


def test_a_title_case_heading_in_plain_text_opens_a_section():
    run = check_text(textwrap.dedent("""\
        Serious Case Review: Child K

        Introduction

        The review was commissioned after Child K was injured.

        Methodology and Report Structure

        The review drew on agency records and conversations with practitioners.
        """), suffix=".txt", config={"select": ["SCR101"], "kind": "full_report"})
    missing = {f.message.split("'")[1] for f in run.findings}
    assert "Introduction / reason for the review" not in missing
    assert "Methodology" not in missing


#: Pieces of text around the words the furniture and contents patterns need,
#: in several cases and with the characters that fold to ASCII letters.
_PIECES = st.sampled_from([
    "page", "Page", "PAGE", "pa\u017fe", "4", "12", " of ", "/", "-", " ", "  ", "\n", ".",
    "left blank", "intentionally ", "Deliberately been ", "confidential", "OFFICIAL-SENSITIVE",
    "strictly ", "not to be ", "photocopied", "Circulated", "report is the ", "property of",
    "copyright", "Crown Copyright", "©", "open government licence", "Licen\u017fe",
    "deposited by the publishing", "national case review repository", "library catalogue",
    "CONTENTS", "Contents", "table of ", "contents", "\u0130", "word", "Word",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_furniture_patterns_are_searched_wherever_they_could_match(text):
    assert layout._furniture_text(text) == any(
        pattern.search(text) for pattern in layout.FURNITURE_TEXTS)
    assert layout._ends_contents(text) == bool(layout.CONTENTS_END.search(text))


@given(st.text(st.sampled_from(["a", "b", " ", "\t", "\n", "\u00a0", "\u2003"]), max_size=40),
       st.integers(0, 12))
def test_a_word_count_is_bounded_as_a_full_count_is(text, count):
    assert layout._words_at_most(text, count) == (len(text.split()) <= count)


def test_a_block_takes_the_part_marked_nearest_it():
    def paragraph(parent: nodes.Element) -> nodes.paragraph:
        node = nodes.paragraph("", "text")
        parent += node
        return node

    document = nodes.section()
    marked = nodes.section(part="glossary")
    inner = nodes.bullet_list(part="appendix")
    contents = nodes.topic(classes=["contents"])
    header = nodes.header()
    document += [marked, contents, header]
    marked += inner
    under = [paragraph(document), paragraph(marked), paragraph(marked), paragraph(inner),
             paragraph(inner), paragraph(contents), paragraph(header), paragraph(document)]
    assert layout._hints([SimpleNamespace(node=node) for node in under]) == [
        None, "glossary", "glossary", "appendix", "appendix", CONTENTS, FURNITURE, None]


def _sentence_by_sliding(text: str) -> bool:
    """``layout._is_sentence`` read word by word: a window of eight words slid along."""
    words = [w[0].islower() for w in layout._WORD.findall(text)]
    if 4 <= len(words) < 8 and layout._SENTENCE_END.search(text) and sum(words) * 2 >= len(words):
        return True
    return any(sum(words[k : k + 8]) >= 6 for k in range(len(words) - 7))


@given(st.lists(st.sampled_from(["the", "Care", "a", "Plan", "é", "Éa", "x-y", "'s", "’t",
                                 " ", "  ", ".", "\n", "1"]), max_size=40).map(" ".join))
def test_a_sentence_is_six_lower_case_words_in_eight_or_short_and_ended(text):
    assert layout._is_sentence(text) == _sentence_by_sliding(text)


def test_a_megabyte_title_is_no_sentence_and_a_late_sentence_is_found():
    title = "Alder Brook Case Review " * 40_000
    assert not layout._is_sentence(title)
    assert layout._is_sentence(title + "and then she was seen at home")


def _titles_then_pages_walked(texts: list[str], i: int, furniture: set[int]) -> bool:
    """The contents table of titles, then pages, found by walking from block ``i``."""
    titles = 0
    j = i
    while j < len(texts) and ((j in furniture and not layout.NUMBERS_ONLY.fullmatch(texts[j]))
                              or layout._numbered_title(texts[j])):
        titles += j not in furniture
        j += 1
    pages = 0
    while j < len(texts) and layout.NUMBERS_ONLY.fullmatch(texts[j].strip()):
        pages += 1
        j += 1
    return titles >= 3 and pages >= titles - 1


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["1. Introduction", "2.3 Findings", "4", " 12 ",
                                           "3 - 5", "Page 3", "The child was seen.", "",
                                           "1.1 A title. Ended."]), st.booleans()),
                max_size=14),
       st.randoms(use_true_random=False))
def test_titles_then_pages_are_found_as_walking_from_each_block_finds_them(rows, random):
    texts = [text for text, _ in rows]
    furniture = {i for i, (_, furnished) in enumerate(rows) if furnished}
    columns = layout._TitleColumns([SimpleNamespace(text=t) for t in texts], furniture)
    order = list(range(len(texts)))
    random.shuffle(order)  # each block asked in any order, after any other
    assert {i: columns.start_at(i) for i in order} == {
        i: _titles_then_pages_walked(texts, i, furniture) for i in order}


def test_a_long_run_of_numbered_titles_is_walked_once(monkeypatch):
    texts = [f"{i % 9 + 1}.{i % 7 + 1} Appraisal" for i in range(2000)]
    columns = layout._TitleColumns([SimpleNamespace(text=t) for t in texts], set())
    asked = []
    real = layout._numbered_title
    monkeypatch.setattr(layout, "_numbered_title", lambda text: asked.append(text) or real(text))
    assert not any(columns.start_at(i) for i in range(len(texts)))
    assert len(asked) == len(texts)


_KEY_WORDS = st.lists(st.sampled_from(["findings", "finding", "the", "review", "a", "é"]),
                     max_size=6).map(" ".join)


@given(_KEY_WORDS, st.sets(_KEY_WORDS, max_size=6))
def test_a_title_repeats_one_seen_as_comparing_with_each_finds(title, seen):
    assert layout._repeats(title, seen) == any(
        title == t or title.startswith(t + " ") for t in seen if t)


def test_a_block_longer_than_a_title_page_is_the_reports_text():
    """No sentence ends in either block; a title page's block is never three hundred words."""
    words = "Alder Brook Case Review Castle Primary School"
    short = " ".join([words] * (layout.TITLE_PAGE_WORDS // 7))
    long = " ".join([words] * (layout.TITLE_PAGE_WORDS // 7 + 1))
    assert part(parts_of(f"{short}\n\nThe child was seen at home.\n"), "Alder") == "front"
    assert part(parts_of(f"{long}\n\nThe child was seen at home.\n"), "Alder") == "body"


def test_a_contents_entry_behaves_as_the_dataclass_it_was(like_dataclass):
    from scr_checks import TextBlock

    block = TextBlock(nodes.paragraph(), "Findings .... 4", "r.rst", index=3)
    entry = {"title": "Findings", "block": block, "kinds": frozenset({"findings"})}
    like_dataclass(layout.ContentsEntry, lambda cls: cls(**entry),
                   lambda cls: cls(**{**entry, "title": "Lessons"}), frozen=False)
