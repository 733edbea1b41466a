"""Hidden content in DOCX/PDF reports, and masking of identifiers in outputs."""

import json

import scr_plugins.privacy

from scr_checks import CheckContext, HiddenContent, Report, new_document
from scr_checks.cli import main
from scr_checks.testing import make_session


def _document_findings(hidden):
    session = make_session(config={"select": ["SCR2"], "show_identifiers": True})
    report = Report(path="review.docx", format="docx", document=new_document("review.docx"),
                    hidden=hidden)
    context = CheckContext(session.config, session.rules, report, [])
    return list(scr_plugins.privacy.scr_check_document(report, context))


def test_comments_and_tracked_changes_are_reported_as_present():
    findings = _document_findings([
        HiddenContent("comment", "Check this with legal.", "comment 1"),
        HiddenContent("comment", "Agreed.", "comment 2"),
        HiddenContent("deletion", "the family", "tracked deletion 1"),
    ])
    presence = [f for f in findings if f.rule_id == "SCR218"]
    assert [f.message for f in presence] == [
        "The file contains comments (2 found: comment 1, comment 2).",
        "The file contains tracked deletions (1 found: tracked deletion 1).",
    ]
    assert presence[0].location.line is None


def test_identifiers_in_hidden_text_and_properties():
    findings = _document_findings([
        HiddenContent("deletion", "Kayleigh Brennan moved to EX12 4QT.", "paragraph 9"),
        HiddenContent("property", "Sarah Okafor", "document properties: author"),
        HiddenContent("property", "Eastshire Safeguarding Partnership",
                      "document properties: company"),
    ])
    found = {(f.rule_id, f.secret) for f in findings}
    assert ("SCR201", "Kayleigh Brennan") in found
    assert ("SCR208", "EX12 4QT") in found
    assert ("SCR219", "Sarah Okafor") in found
    assert not any("Eastshire" in f.secret for f in findings)
    name = next(f for f in findings if f.rule_id == "SCR201")
    assert name.message == "Personal name: 'Kayleigh Brennan' in a tracked deletion in " \
        "paragraph 9."
    assert name.suggestion == ("accept the change: the deleted words stay in the file until "
                               "it is accepted")


def test_a_name_in_a_property_says_how_to_clear_that_property():
    findings = _document_findings([
        HiddenContent("property", "Sarah Okafor", "comment 3: author"),
        HiddenContent("property", "Sarah Okafor", "document properties: author"),
        HiddenContent("property", "Sarah Okafor", "page 2: annotation author 1"),
    ])
    fixes = {f.message: f.suggestion for f in findings if f.rule_id == "SCR219"}
    assert fixes["A person's name in comment 3: author: 'Sarah Okafor'."].startswith(
        "delete the comments before publishing")
    assert "Inspect Document" in fixes[
        "A person's name in document properties: author: 'Sarah Okafor'."]
    assert fixes["A person's name in page 2: annotation author 1: 'Sarah Okafor'."] \
        .startswith("delete the annotation")
    assert not any("clear the document properties" in fix for fix in fixes.values())


def test_a_name_in_hidden_text_or_a_header_says_where_it_is():
    findings = _document_findings([
        HiddenContent("hidden-text", "Ask Sarah Okafor.", "paragraph 4"),
        HiddenContent("header-footer", "Prepared by Sarah Okafor", "header1"),
    ])
    assert [(f.message, f.suggestion) for f in findings if f.rule_id == "SCR201"] == [
        ("Personal name: 'Sarah Okafor' in hidden text in paragraph 4.",
         "delete the hidden text: it is not shown but stays in the file"),
        ("Personal name: 'Sarah Okafor' in a page header (header1).",
         "use a pseudonym or their role ('Child A', 'Mother', 'Adult B')"),
    ]


REPORT = "Title\n=====\n\nChild A lived with Kayleigh Brennan at 14 Larch Close.\n"


def _cli(tmp_path, capsys, *args):
    path = tmp_path / "report.rst"
    path.write_text(REPORT, encoding="utf-8")
    main(["check", str(path), "--select", "SCR2", *args])
    return capsys.readouterr().out


def test_text_and_json_outputs_mask_identifiers(tmp_path, capsys):
    for fmt in ("text", "json"):
        out = _cli(tmp_path, capsys, "--format", fmt)
        assert "Kayleigh" not in out and "Larch" not in out
        assert "Personal name: '[name]'" in out and "Address: '[address]'" in out
        assert "*" not in out  # no mask that keeps each word's length
    data = json.loads(_cli(tmp_path, capsys, "--format", "json"))
    assert {f["rule_id"] for f in data["files"][0]["findings"]} == {"SCR201", "SCR207"}


def test_show_identifiers_reveals_them(tmp_path, capsys):
    out = _cli(tmp_path, capsys, "--show-identifiers")
    assert "Kayleigh Brennan" in out
