"""Findings point at the exact words, whatever reST construct holds them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_checks.locations import Aligner, SourceText
from scr_checks.testing import check_paths, findings_of


def locate(path, plugin):
    run = check_paths([path], plugins=[plugin], config={"select": ["TST"]})
    assert not run.errors
    return [(f.location.line, f.location.column, f.location.end_line, f.location.end_column)
            for f in findings_of(run, "TST101")]


def test_paragraph_word(write_report, flag_plugin):
    path = write_report("Intro\n=====\n\nFirst line here.\nSecond has flagme in it.\n")
    assert locate(path, flag_plugin) == [(5, 12, 5, 18)]


def test_title_with_underline_points_at_title_text(write_report, flag_plugin):
    path = write_report(
        "Intro\n=====\n\nText.\n\nThe flagme section\n------------------\n\nMore.\n"
    )
    assert locate(path, flag_plugin) == [(6, 5, 6, 11)]


def test_title_with_overline(write_report, flag_plugin):
    path = write_report("=============\n Top flagme\n=============\n\nText.\n")
    assert locate(path, flag_plugin) == [(2, 6, 2, 12)]


def test_bullet_list_item(write_report, flag_plugin):
    path = write_report("Intro\n=====\n\n- one item\n- two flagme item\n  continues\n")
    assert locate(path, flag_plugin) == [(5, 7, 5, 13)]


def test_enumerated_item_starting_with_a_number(write_report, flag_plugin):
    path = write_report("Intro\n=====\n\n1. 2 children flagme\n")
    assert locate(path, flag_plugin) == [(4, 15, 4, 21)]


def test_grid_table_cell(write_report, flag_plugin):
    path = write_report(
        """\
        Table
        =====

        +--------+---------------+
        | Date   | Event         |
        +========+===============+
        | May    | a flagme here |
        +--------+---------------+
        """
    )
    assert locate(path, flag_plugin) == [(7, 14, 7, 20)]


def test_simple_table_cell(write_report, flag_plugin):
    path = write_report(
        """\
        Table
        =====

        ======  ============
        When    What
        ======  ============
        June    see flagme
        ======  ============
        """
    )
    assert locate(path, flag_plugin) == [(7, 13, 7, 19)]


def test_inline_markup_before_the_word_shifts_the_column(write_report, flag_plugin):
    path = write_report("Intro\n=====\n\nSome *emphasis* and ``code`` then flagme.\n")
    assert locate(path, flag_plugin) == [(4, 35, 4, 41)]


def test_definition_list_and_block_quote(write_report, flag_plugin):
    path = write_report("Glossary\n========\n\nTerm\n    A definition with flagme.\n")
    assert locate(path, flag_plugin) == [(5, 23, 5, 29)]


def test_phrase_broken_across_lines_spans_both(write_report, make_plugin):
    plugin = make_plugin(
        '''
from scr_checks import Rule, Severity, hookimpl

@hookimpl
def scr_register_rules():
    return [Rule(id="TST201", name="two-words", short="x", full="x",
                 severity=Severity.ERROR, question=2)]

@hookimpl
def scr_check_node(block, context):
    start = block.text.find("Jane Moss")
    if start >= 0:
        yield context.finding("TST201", "name", block, start, start + 9, secret="Jane Moss")
'''
    )
    path = write_report("Intro\n=====\n\nThe child lived with Jane\nMoss at the time.\n")
    run = check_paths([path], plugins=[plugin], config={"select": ["TST"]})
    (finding,) = findings_of(run, "TST201")
    loc = finding.location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (4, 22, 5, 5)


@pytest.mark.parametrize(
    ("prefix", "column"),
    [("", 12), ("😀 ", 15), ("é ", 14)],
    ids=["ascii", "astral-plane-counts-two", "bmp-counts-one"],
)
def test_columns_are_utf16_code_units(write_report, flag_plugin, prefix, column):
    path = write_report(f"Intro\n=====\n\n{prefix}Second has flagme.\n")
    assert locate(path, flag_plugin)[0][:2] == (4, column)


def test_alignment_resumes_where_it_stopped_in_any_order_of_asking():
    """Positions are aligned only as far as asked; asking out of order changes none."""
    source = SourceText(["Intro *with* markup and", "   a second `line`, then", "  the end."],
                        "rst")
    text = "Intro with markup and a second line, then the end."
    whole = [Aligner(text, source, 1).position(i) for i in range(len(text))]
    assert whole[text.index("second")] == (2, 5)
    assert whole[text.index("end")] == (3, 6)
    backwards = Aligner(text, source, 1)
    assert [backwards.position(i) for i in reversed(range(len(text)))][::-1] == whole
    jumping = Aligner(text, source, 1)
    order = [30, 3, 49, 0, 31, 12]
    assert [jumping.position(i) for i in order] == [whole[i] for i in order]


def one_character_at_a_time(aligner: Aligner) -> list[tuple[int, int]]:
    """The alignment as first written: every character searched for on its own."""
    skip_tags = aligner.source.markup == "html"
    line, col = aligner._anchor()
    out = []
    for ch in aligner.text:
        if ch.isspace():
            out.append((line, col))
            line, col = aligner._skip_space(line, col)
            continue
        found = aligner._find(ch, line, col, skip_tags)
        if found is None:
            out.append((line, col))
            continue
        line, col = found
        out.append((line, col))
        col += 1
    return out


_PIECES = st.sampled_from(["the", "flag", "me", " ", "  ", "\n", "\t", "*", "`", "<b>", "</b>",
                           "&amp;", "<", ">", "é", "\u00a0", "\u2028", "x"])


@settings(max_examples=400, deadline=None)
@given(source=st.lists(_PIECES, max_size=30), text=st.lists(_PIECES, max_size=20),
       markup=st.sampled_from(["plain", "html"]), asks=st.lists(st.integers(0, 200), max_size=6),
       of_source=st.booleans())
def test_placing_whole_words_gives_the_positions_one_character_at_a_time_gives(
        source, text, markup, asks, of_source):
    lines = "".join(source).split("\n")
    if of_source:  # the source's words without its markup, as a reader gives them
        text = [p for p in source if p not in ("*", "`", "<b>", "</b>")]
    words = "".join(text).replace("\n", " ")  # line breaks folded, as a reader folds them
    aligner = Aligner(words, SourceText(lines, markup), 1)
    expected = one_character_at_a_time(aligner)
    for index in [*asks, *range(len(words))]:
        if 0 <= index < len(words):
            assert aligner.position(index) == expected[index]


def test_source_text_behaves_as_the_frozen_dataclass_it_was(like_dataclass):
    like_dataclass(SourceText, lambda cls: cls(("One.", "Two.")),
                   lambda cls: cls(("One.", "Two."), "html"))
