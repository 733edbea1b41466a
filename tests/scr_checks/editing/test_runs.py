"""Text maps and run cutting: a mark can go between any two letters, formatting kept."""

from __future__ import annotations

from lxml import etree

from scr_checks.editing.runs import Ids, cut, lift, split_before
from scr_checks.editing.textmap import Piece, TextMap

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def paragraph(xml: str):
    return etree.fromstring(f'<w:p xmlns:w="{W}">{xml}</w:p>')


def texts(p) -> list[tuple[str, bool]]:
    """Each run's text and whether it is bold."""
    return [("".join(t.text or "" for t in r.iter(w("t"))), r.find(f"{w('rPr')}/{w('b')}")
             is not None) for r in p.iter(w("r"))]


def test_a_map_skips_the_white_space_the_reader_trimmed_or_folded():
    a, b = object(), object()
    pieces = [Piece(a, "  Jane\n"), Piece(None, " "), Piece(b, "Moss  x")]
    text_map = TextMap.align("Jane Moss x", pieces)
    assert text_map is not None
    assert text_map.origins[0] == (0, 2)
    assert text_map.origins[5] == (2, 0)
    assert (text_map.start(4).element, text_map.start(4).index) == (a, 6)  # the break
    assert (text_map.end(9).element, text_map.end(9).index) == (b, 4)


def test_a_map_of_other_text_is_refused():
    assert TextMap.align("Jane Moss", [Piece(object(), "Jane Mess")]) is None


def test_cutting_inside_a_word_splits_the_run_and_keeps_its_formatting():
    p = paragraph("<w:r><w:rPr><w:b/></w:rPr><w:t>Kayleigh Brennan</w:t></w:r>")
    t = next(p.iter(w("t")))
    text_map = TextMap.align("Kayleigh Brennan", [Piece(t, "Kayleigh Brennan")])
    parent, index = cut(text_map.start(9))
    parent.insert(index, etree.Element(w("commentRangeStart")))
    assert texts(p) == [("Kayleigh ", True), ("Brennan", True)]
    assert p[1].tag == w("commentRangeStart")


def test_cutting_at_a_run_boundary_makes_no_empty_run():
    p = paragraph("<w:r><w:t>Jane</w:t></w:r><w:r><w:t> Moss</w:t></w:r>")
    first, second = p.iter(w("t"))
    text_map = TextMap.align("Jane Moss", [Piece(first, "Jane"), Piece(second, " Moss")])
    assert cut(text_map.end(4)) == (p, 1)
    assert cut(text_map.start(0)) == (p, 0)
    assert texts(p) == [("Jane", False), (" Moss", False)]


def test_a_place_inside_a_tracked_insertion_is_lifted_out_with_a_new_id():
    p = paragraph('<w:ins w:id="7" w:author="E"><w:r><w:t>Jane</w:t></w:r>'
                  '<w:r><w:t> Moss</w:t></w:r></w:ins>')
    ins = p[0]
    parent, index = lift(ins, 1, Ids([p]))
    assert (parent, index) == (p, 1)
    assert [(c.tag, c.get(w("id"))) for c in p] == [(w("ins"), "7"), (w("ins"), "8")]


def test_splitting_at_the_end_moves_nothing():
    p = paragraph("<w:r><w:t>Jane</w:t></w:r>")
    assert split_before(p[0], None) == (p, 1)
    assert len(p) == 1
