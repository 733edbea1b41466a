"""The learning of many reviews in one table: each finding and recommendation as a record.

``scr-checks extract`` checks the reports as ``check`` does, then makes one
record of every finding and recommendation each report has, from what the
run already holds: the linkage map each file's result carries
(``extras["linkage"]``) and the checker's findings.  So a record says exactly
what the JSON output says, masked as every output is.

The columns are a contract (:data:`COLUMNS`): names never change meaning;
new ones are added at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scr_checks.results import FileResult, Finding, RunResult
from scr_checks.rules import Rule


@dataclass(frozen=True)
class Column:
    name: str
    #: What it holds, for the docs.
    description: str
    #: Whether it holds several values (a list in JSON, joined by "; " in a sheet).
    several: bool = False


COLUMNS = (
    Column("report", "The report's path, as given on the command line."),
    Column("report_title", "The report's title, from its title page or first heading."),
    Column("year", "The year the title page says the report was published (or finished); "
                   "empty where it does not say."),
    Column("kind", "finding or recommendation."),
    Column("label", "How the report names it: 'Finding 2', 'Recommendation 3', a "
                    "sub-heading, or a paragraph number."),
    Column("number", "Its number, where it has one ('2', '4b')."),
    Column("title", "Its first sentence or heading, without its label."),
    Column("text", "Its whole text, with the identifiers the privacy rules found masked."),
    Column("form", "How the report marks it out: label, heading, numbered, list, row "
                   "(a table row) or paragraph (nothing: a plain paragraph)."),
    Column("paragraph", "The report's own number of its first numbered paragraph ('4.1')."),
    Column("location", "Where it starts: a line (text formats), or a page (PDF) or "
                       "paragraph in reading order (Word)."),
    Column("cites", "For a finding: the paragraphs of the analysis it cites.", True),
    Column("themes", "For a finding: the analysis sections (themes) those paragraphs are "
                     "in.", True),
    Column("unresolved", "References it makes that point to nothing in the report.", True),
    Column("recommendations", "For a finding: the recommendations tied to it.", True),
    Column("findings", "For a recommendation: the findings it answers.", True),
    Column("owner", "For a recommendation: who is to act, from a table's owner column."),
    Column("audience", "For a recommendation: whom the sub-section it is kept in "
                       "addresses ('Recommendations to the Partnership')."),
    Column("questions", "The quality-marker questions (1-7, 8 for the knowledge base) of "
                        "the checker findings raised against it.", True),
    Column("rules", "The rules of the checker findings raised against it.", True),
    Column("checker_findings", "Each checker finding raised against it: its rule and "
                               "message.", True),
)

#: What each item's kind is called in the linkage map, and in a record.
_KINDS = (("findings", "finding"), ("recommendations", "recommendation"))


def records(run: RunResult) -> list[dict[str, Any]]:
    """Every finding and recommendation of every report read, in report order.

    A file without a linkage map (not read, or the linkage rules did not
    run) gives no records; the command says why for each.
    """
    rules = {rule.id: rule for rule in run.rules}
    out = []
    for file in run.files:
        linkage = file.extras.get("linkage")
        if linkage is not None:
            out.extend(file_records(file, linkage, rules))
    return out


def file_records(file: FileResult, linkage: dict[str, Any],
                 rules: dict[str, Rule]) -> list[dict[str, Any]]:
    report = linkage.get("report", {})
    against = _raised_against(file.findings, linkage)
    out = []
    for key, kind in _KINDS:
        for item in linkage[key]:
            raised = against.get(id(item), [])
            cites = item.get("cites", [])
            out.append({
                "report": file.path,
                "report_title": report.get("title") or "",
                "year": report.get("year") or "",
                "kind": kind,
                "label": item["label"],
                "number": item.get("number") or "",
                "title": item.get("title") or "",
                "text": item.get("text") or "",
                "form": item.get("form") or "",
                "paragraph": item.get("paragraph") or "",
                "location": _location(item.get("location", {})),
                "cites": _unique(p for cite in cites for p in cite.get("paragraphs", ())),
                "themes": _unique(t for cite in cites for t in cite.get("themes", ())),
                "unresolved": [cite["reference"] for cite in cites if not cite.get("resolved")],
                "recommendations": list(item.get("recommendations", [])),
                "findings": list(item.get("findings", [])),
                "owner": item.get("owner") or "",
                "audience": item.get("audience") or "",
                "questions": sorted({str(rules[f.rule_id].question) for f in raised
                                     if f.rule_id in rules}, key=int),
                "rules": _unique(f.rule_id for f in raised),
                "checker_findings": [f"{f.rule_id}: {f.message}" for f in raised],
            })
    return out


def _raised_against(findings: list[Finding], linkage: dict[str, Any]) -> dict[int, list[Finding]]:
    """The checker's findings in each item's paragraphs, by the item's ``id``.

    An item's paragraphs are its own: the outline gives no paragraph to two.
    """
    owner: dict[int, dict[str, Any]] = {}
    for key, _ in _KINDS:
        for item in linkage[key]:
            for index in item.get("paragraph_indexes", ()):
                owner.setdefault(index, item)
    out: dict[int, list[Finding]] = {}
    for finding in findings:
        item = owner.get(finding.location.paragraph_index or 0)
        if item is not None and not finding.suppressed:
            out.setdefault(id(item), []).append(finding)
    return out


def _location(where: dict[str, Any]) -> str:
    if "line" in where:
        return f"line {where['line']}"
    if "page" in where:
        return f"page {where['page']}"
    return f"paragraph {where['paragraph_index']}" if "paragraph_index" in where else ""


def _unique(values: Any) -> list[str]:
    return list(dict.fromkeys(values))
