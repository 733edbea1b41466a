"""The same report in every format gives the same tree and the same findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from docutils import nodes

from scr_checks.document import blocks
from scr_checks.testing import check_paths, make_session

SAME = Path(__file__).resolve().parents[3] / "fixtures" / "reports" / "same"
FORMATS = ["rst", "md", "html", "txt", "docx", "pdf"]
#: Rules about what a file carries beyond its visible text (comments, tracked
#: changes, properties): only DOCX and PDF have any, so they differ by design.
HIDDEN_CONTENT_RULES = {"hidden-content", "metadata-identity"}


def read(suffix: str):
    session = make_session()
    path = SAME / f"report.{suffix}"
    return session.read(path, path.name)


def outline(document: nodes.document) -> list[tuple[int, str]]:
    """(depth, title) of every section: the nesting, not just the titles."""
    out = []
    for section in document.findall(nodes.section):
        depth = sum(1 for a in _ancestors(section) if isinstance(a, nodes.section))
        out.append((depth, " ".join(section[0].astext().split())))
    return out


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


@pytest.mark.parametrize("suffix", FORMATS)
def test_blocks_match_the_model(suffix, generate):
    got = [(b.kind, " ".join(b.text.split())) for b in blocks(read(suffix))]
    assert got == generate.expected_blocks()


@pytest.mark.parametrize("suffix", FORMATS[1:])
def test_sections_nest_as_in_rst(suffix):
    assert outline(read(suffix).document) == outline(read("rst").document)


@pytest.mark.parametrize("suffix", FORMATS)
def test_list_and_table_shape(suffix, generate):
    document = read(suffix).document
    items = [" ".join(i.astext().split()) for i in document.findall(nodes.list_item)]
    assert items == generate.REPORT[9][1]
    [table] = document.findall(nodes.table)
    rows = [[" ".join(e.astext().split()) for e in row.findall(nodes.entry)]
            for row in table.findall(nodes.row)]
    assert rows == [generate.REPORT[10][1], *generate.REPORT[10][2]]
    assert len(list(table.findall(nodes.thead))) == 1


@pytest.mark.parametrize("suffix", FORMATS)
def test_heading_paths_and_paragraph_numbers(suffix):
    found = {b.paragraph_number: b.heading_path for b in blocks(read(suffix))
             if b.kind == "paragraph" and b.paragraph_number}
    assert found["2.2.1"] == ("Serious Case Review: Child M (format fixture)", "2. Analysis",
                              "2.2 Assessment of the household")
    assert sorted(found) == ["1.1", "1.2", "2.1.1", "2.1.2", "2.2.1", "2.2.2", "3.1", "4.1"]


def test_same_findings_in_every_format():
    run = check_paths([SAME / f"report.{s}" for s in FORMATS])
    assert not run.errors
    names = {rule.id: rule.name for rule in run.rules}
    per_format = {}
    for result in run.files:
        per_format[result.path.rsplit(".", 1)[1]] = sorted(
            (f.rule_id, f.location.paragraph_number, f.location.heading_path)
            for f in result.findings if names[f.rule_id] not in HIDDEN_CONTENT_RULES)
    assert ("SCR101", None, ()) in per_format["rst"]
    for suffix in FORMATS[1:]:
        assert per_format[suffix] == per_format["rst"], suffix
