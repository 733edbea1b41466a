"""Hostile documents for every reader: text where a parser gives up, text in
every part of a Word file, and shapes that cost memory.

Each document carries a synthetic identifier (:data:`IDENTIFIER`: an invented
name, a reserved ZZ99 postcode and a drama-range phone number) at the place a
reader might not reach.  A run over it must either find the identifier or
refuse the file with an error; a clean pass means text went unchecked.

The tests write the documents at a size CI affords.  To write
them at full size (the size of the file limit) into a folder and check them::

    python tests/scr_checks/readers/hostile.py hostile-out --full
    scr-checks check hostile-out

Every case's name says its shape; :data:`EXPECT` says what a run must give.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path

IDENTIFIER = "Zedra Quillon lived at ZZ99 3AB, telephone 07700 900123."
#: The privacy rules the identifier breaks (postcode, telephone number).
RULES = frozenset({"SCR208", "SCR209"})
TITLE = "Serious Case Review: Child Q (hostile fixture)"
PROSE = ("The panel read the records of every agency that worked with the family and "
         "met the practitioners involved. ")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_V = "urn:schemas-microsoft-com:vml"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_NAMESPACES = (f'xmlns:w="{W}" xmlns:mc="{_MC}" xmlns:wps="{_WPS}" xmlns:v="{_V}" '
               f'xmlns:r="{_R}"')


# -- Word files ---------------------------------------------------------------

def paragraph(text: str, inner: str = "") -> str:
    """A ``w:p`` with one run of ``text`` and ``inner`` (more runs) after it."""
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r>{inner}</w:p>'


def text_box(text: str) -> str:
    """A run holding a text box as Word writes it: a drawing, and its VML fallback."""
    content = f"<w:txbxContent>{paragraph(text)}</w:txbxContent>"
    return ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp>"
            f"<wps:txbx>{content}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict><v:rect><v:textbox>{content}</v:textbox></v:rect>"
            "</w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def part(root: str, body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{root} {_NAMESPACES}>{body}</w:{root}>'


def docx(body: str, parts: dict[str, str | bytes] | None = None,
         relationships: str = "", types: str = "") -> bytes:
    """A Word file: ``body`` as the document's body, ``parts`` beside it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            f'relationships+xml"/>{types}</Types>'))
        z.writestr("_rels/.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>'))
        z.writestr("word/_rels/document.xml.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships">{relationships}</Relationships>'))
        z.writestr("word/document.xml", part("document", f"<w:body>{body}</w:body>"))
        for name, content in (parts or {}).items():
            z.writestr(name, content)
    return out.getvalue()


def _note(kind: str, number: int, text: str) -> str:
    return f'<w:{kind} w:id="{number}">{paragraph(text)}</w:{kind}>'


def _graphic(kind: str, data: str) -> str:
    """A run holding an inline SmartArt diagram or chart (``data``, its reference);
    the text is in another part."""
    return (f'<w:r><w:drawing><wp:inline xmlns:wp="{_WP}"><a:graphic xmlns:a="{_A}">'
            f'<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/{kind}">'
            f"{data}</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")


def docx_part(where: str) -> bytes:
    """A Word file whose only identifier is in ``where`` (one of :data:`DOCX_PARTS`)."""
    head = paragraph(TITLE) + paragraph(PROSE)
    parts: dict[str, str | bytes] = {}
    relationships = types = ""
    body = head
    if where == "text-box":
        body += paragraph("The chronology is summarised in the box.", text_box(IDENTIFIER))
    elif where == "table-text-box":
        body += ("<w:tbl><w:tr><w:tc>"
                 + paragraph("Agency", text_box(IDENTIFIER)) + "</w:tc></w:tr></w:tbl>")
    elif where in ("footnote", "endnote"):
        body += paragraph("The family moved twice.",
                          f'<w:r><w:{where}Reference w:id="2"/></w:r>')
        parts[f"word/{where}s.xml"] = part(f"{where}s", _note(where, 2, IDENTIFIER))
    elif where == "uncited-footnote":
        parts["word/footnotes.xml"] = part("footnotes", _note("footnote", 5, IDENTIFIER))
    elif where == "footnote-text-box":
        body += paragraph("The family moved twice.", '<w:r><w:footnoteReference w:id="3"/></w:r>')
        parts["word/footnotes.xml"] = part("footnotes", (
            f'<w:footnote w:id="3">{paragraph("See the box.", text_box(IDENTIFIER))}'
            "</w:footnote>"))
    elif where == "comment":
        parts["word/comments.xml"] = part("comments", _note("comment", 0, IDENTIFIER))
    elif where in ("header", "footer"):
        parts[f"word/{where}1.xml"] = part("hdr" if where == "header" else "ftr",
                                           paragraph(IDENTIFIER))
    elif where == "smartart":
        body += paragraph("The agencies are shown in the diagram.", _graphic(
            "diagram", f'<dgm:relIds xmlns:dgm="{_DGM}" r:dm="rIdDm" r:lo="rIdLo" '
                       'r:qs="rIdQs" r:cs="rIdCs"/>'))
        relationships = (f'<Relationship Id="rIdDm" Type="{_R}/diagramData" '
                         'Target="diagrams/data1.xml"/>')
        parts["word/diagrams/data1.xml"] = (
            f'<dgm:dataModel xmlns:dgm="{_DGM}" xmlns:a="{_A}"><dgm:ptLst>'
            '<dgm:pt modelId="0" type="doc"><dgm:t><a:bodyPr/></dgm:t></dgm:pt>'
            f'<dgm:pt modelId="1"><dgm:t><a:bodyPr/><a:p><a:r><a:t>{IDENTIFIER[:14]}</a:t></a:r>'
            f'<a:r><a:t>{IDENTIFIER[14:]}</a:t></a:r></a:p></dgm:t></dgm:pt>'
            '</dgm:ptLst></dgm:dataModel>')
    elif where == "chart":
        body += paragraph("Referrals by year are charted.", _graphic(
            "chart", f'<c:chart xmlns:c="{_C}" r:id="rIdChart"/>'))
        relationships = (f'<Relationship Id="rIdChart" Type="{_R}/chart" '
                         'Target="charts/chart2.xml"/>')
        parts["word/charts/chart2.xml"] = (
            f'<c:chartSpace xmlns:c="{_C}" xmlns:a="{_A}"><c:chart><c:title><c:tx><c:rich>'
            '<a:p><a:r><a:t>Referrals</a:t></a:r></a:p></c:rich></c:tx></c:title>'
            '<c:plotArea><c:barChart><c:ser><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache>'
            f'<c:pt idx="0"><c:v>{IDENTIFIER}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
            '<c:val><c:numRef><c:numCache><c:pt idx="0"><c:v>7700900123</c:v></c:pt>'
            '</c:numCache></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart>'
            '</c:chartSpace>')
    elif where.startswith("altchunk"):
        kind, name, content = {
            "altchunk-html": ("text/html", "chunk.htm",
                              f"<html><body><p>{IDENTIFIER}</p></body></html>".encode()),
            "altchunk-text": ("text/plain", "chunk.txt", IDENTIFIER.encode()),
            "altchunk-rtf": ("application/rtf", "chunk.rtf",
                             ("{\\rtf1 " + IDENTIFIER + "}").encode()),
        }[where]
        body += '<w:altChunk r:id="rIdChunk"/>'
        relationships = (f'<Relationship Id="rIdChunk" Type="{_R}/aFChunk" '
                         f'Target="{name}"/>')
        types = f'<Override PartName="/word/{name}" ContentType="{kind}"/>'
        parts[f"word/{name}"] = content
    else:
        raise ValueError(where)
    return docx(body + paragraph(PROSE), parts, relationships, types)


#: Every place in a Word file that holds text a reader must check.
DOCX_PARTS = ("text-box", "table-text-box", "footnote", "endnote", "uncited-footnote",
              "footnote-text-box", "comment", "header", "footer", "altchunk-html",
              "altchunk-text", "altchunk-rtf", "smartart", "chart")


# -- where parsers give up --------------------------------------------------------

def deep_html(levels: int = 300) -> bytes:
    """Elements nested past libxml2's 256 levels, with the identifier after them."""
    return (f"<html><body><h1>{TITLE}</h1>" + "<div>" * levels + "<p>deep</p>"
            + "</div>" * levels + f"<p>{IDENTIFIER}</p></body></html>").encode()


def huge_attribute_html(size: int = 11_000_000) -> bytes:
    """An embedded image over libxml2's 10 MB cut, with the identifier after it."""
    return (f"<html><body><h1>{TITLE}</h1><p>{PROSE}</p>"
            f"<img src=\"data:image/png;base64,{'A' * size}\">"
            f"<p>{IDENTIFIER}</p></body></html>").encode()


def deep_markdown(levels: int = 120) -> bytes:
    """Quotes nested past the nesting markdown-it follows, the identifier inside."""
    quotes = "".join(">" * n + " Quote.\n" + ">" * n + "\n" for n in range(1, levels + 1))
    return (f"# {TITLE}\n\n{quotes}{'>' * levels} {IDENTIFIER}\n\n{PROSE}\n").encode()


def long_line_rst(length: int = 1_000_001) -> bytes:
    """A line longer than docutils reads (it then drops the whole document)."""
    return (f"{TITLE}\n{'=' * len(TITLE)}\n\n{IDENTIFIER}\n\n{'x' * length}\n").encode()


def deep_rst(levels: int = 150) -> bytes:
    """Block quotes nested by indentation, the identifier in the deepest."""
    quotes = "".join(" " * n + f"Quote {n}.\n\n" for n in range(levels))
    return (f"{TITLE}\n{'=' * len(TITLE)}\n\n{quotes}{' ' * levels}{IDENTIFIER}\n").encode()


def deep_docx(levels: int = 300) -> bytes:
    """A paragraph inside content controls nested past libxml2's 256 levels."""
    inner = paragraph(IDENTIFIER)
    for _ in range(levels):
        inner = f"<w:sdt><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    return docx(paragraph(TITLE) + inner)


def bad_list_number_docx(value: str = "x" * 5000) -> bytes:
    """A list level whose start is not a number (or 5,000 digits)."""
    numbering = part("numbering", (
        f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{value}"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'))
    return docx(paragraph(TITLE) + paragraph(IDENTIFIER), {"word/numbering.xml": numbering})


# -- shapes that cost memory ------------------------------------------------------

def long_line_text(size: int) -> bytes:
    """One line of ``size`` bytes of prose, the identifier at its end."""
    line = (PROSE * (size // len(PROSE) + 1))[:size]
    return f"{TITLE}\n\n{line} {IDENTIFIER}\n".encode()


def many_blocks_text(count: int) -> bytes:
    """``count`` one-word paragraphs."""
    return (f"{TITLE}\n\n" + "Word.\n\n" * count + IDENTIFIER + "\n").encode()


def comment_bomb_html(count: int) -> bytes:
    """``count`` HTML comments (each is hidden content the privacy rules read)."""
    return (f"<html><body><h1>{TITLE}</h1>" + "<!-- c -->" * count
            + f"<p>{IDENTIFIER}</p></body></html>").encode()


def big_docx(size: int) -> bytes:
    """A legal Word file whose ``document.xml`` holds about ``size`` bytes of short
    numbered paragraphs (varied, so that it compresses as Word's text does)."""
    count = size // len(paragraph("Entry 1000000."))
    return docx(paragraph(TITLE) + "".join(paragraph(f"Entry {n}.") for n in range(count))
                + paragraph(IDENTIFIER))


def flate_pdf(size: int, compress: bool = True) -> bytes:
    """A one-page PDF whose content stream inflates to ``size`` bytes of no-op
    operators (or holds them uncompressed)."""
    content = b"q Q\n" * (size // 4)
    content += b"BT /F1 12 Tf 72 720 Td (" + IDENTIFIER.encode() + b") Tj ET\n"
    return _pdf(zlib.compress(content, 9) if compress else content, compress)


def _pdf(stream: bytes, compressed: bool = False) -> bytes:
    """A one-page PDF with ``stream`` as its content (FlateDecode if ``compressed``)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), b" /Filter /FlateDecode" * compressed)
        + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def text_operators_pdf(count: int) -> bytes:
    """A one-page PDF showing ``count`` strings of eight characters, uncompressed."""
    content = (b"BT /F1 12 Tf 72 720 Td " + b"(abcdefgh) Tj " * count
               + b"ET BT /F1 12 Tf 72 600 Td (" + IDENTIFIER.encode() + b") Tj ET\n")
    return _pdf(content)


def _docx_case(where: str, full: bool) -> bytes:
    return docx_part(where)


#: name -> (writer of the file, at CI size or ``full`` size, and what a run must
#: give): "found" (the identifier is reported), "error" (the file is refused),
#: or "either" (found at CI size; refused over a limit at full size).
EXPECT: dict[str, tuple[Callable[[bool], bytes], str]] = {
    "deep.html": (lambda full: deep_html(), "error"),
    "huge-attribute.html": (lambda full: huge_attribute_html(), "found"),
    "deep-quotes.md": (lambda full: deep_markdown(), "error"),
    "long-line.rst": (lambda full: long_line_rst(), "error"),
    "deep-quotes.rst": (lambda full: deep_rst(), "error"),
    "deep.docx": (lambda full: deep_docx(), "error"),
    "bad-list-number.docx": (lambda full: bad_list_number_docx(), "error"),
    **{f"{where}.docx": (partial(_docx_case, where),
                         "error" if where == "altchunk-rtf" else "found")
       for where in DOCX_PARTS},
    # The memory shapes of issue 16, at a size near the 64 MiB file limit.
    "long-line.txt": (lambda full: long_line_text(60_000_000 if full else 50_000), "either"),
    "many-blocks.txt": (lambda full: many_blocks_text(1_000_000 if full else 2_000), "either"),
    "comment-bomb.html": (lambda full: comment_bomb_html(6_000_000 if full else 5_000),
                          "either"),
    "big.docx": (lambda full: big_docx(250_000_000 if full else 100_000), "either"),
    "flate.pdf": (lambda full: flate_pdf(400_000_000 if full else 1_000_000), "either"),
    "operators.pdf": (lambda full: flate_pdf(60_000_000 if full else 1_000_000, False),
                      "either"),
    "text-operators.pdf": (lambda full: text_operators_pdf(4_000_000 if full else 20_000),
                           "either"),
}


def write(folder: Path, full: bool = False) -> list[Path]:
    """Write every case into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, (make, _) in EXPECT.items():
        path = folder / name
        path.write_bytes(make(full))
        out.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--full", action="store_true",
                        help="write the memory shapes at full size, not CI size")
    args = parser.parse_args(argv)
    for path in write(args.folder, args.full):
        print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
