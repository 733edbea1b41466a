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

import regex

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
    Column("kind", "finding or recommendation; empty on the one row of a report in "
                   "which none was recognised."),
    Column("label", "How the report names it: 'Finding 2', 'Recommendation 3', a "
                    "sub-heading, or a paragraph number."),
    Column("number", "Its number, where it has one ('2', '4b')."),
    Column("title", "Its first sentence or heading, without its label (nor a "
                    "'(Finding 1):' before it)."),
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
    Column("owner", "For a recommendation: who is to act, from a table's owner column, "
                    "or else the body its text says should act ('The Partnership should "
                    "...')."),
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
_EMPTY_COLUMNS = [column.name for column in COLUMNS if not column.several]
#: A reference to a finding put before a recommendation's words: "(Finding 1): ".
_LEADING_LABEL = regex.compile(r"^\s*\((?:see\s+)?(?:findings?|recommendations?)\b[^)]*\)"
                               r"\s*[:.\-–—]?\s*", regex.IGNORECASE)
_SENTENCE = regex.compile(r"(?<=[.!?])\s+(?=\p{Lu})")
#: The verb a recommendation turns on; what comes before it says who is to act,
#: unless the verb is passive ("Consideration should be given").
_MODAL = regex.compile(r"\s+(?:should|must|shall|will|needs?\s+to|is\s+to|are\s+to|"
                       r"(?:is|are)\s+(?:asked|invited|expected)\s+to)\s+(?!be\b|have\s+been\b)",
                       regex.IGNORECASE)
#: What may come before the body that is to act: a number, a label, a reference
#: to a finding, "The review recommends that" …; removed one after another.
_LEADS = (
    regex.compile(r"^\s*(?:\d{1,3}\.)*\d{1,3}[.)]?\s+"),
    regex.compile(r"^\s*(?:\(?[a-z]{1,2}\)|[a-z]{1,2}\.)\s+"),
    regex.compile(r"^\s*(?:recommendation|rec\.?)\s*(?:\d{1,3}[a-z]?)?\s*[:.)\-–—]?\s*",
                  regex.IGNORECASE),
    _LEADING_LABEL,
    regex.compile(r"^(?:.*?\brecommend(?:s|ed)?\s+that\s+|that\s+)", regex.IGNORECASE),
)
#: Words that name a body that can act; a subject with none is not an owner
#: ("Training for GPs should include ...").
_BODY = regex.compile(
    r"\b(?:partnerships?|boards?|councils?|agenc(?:y|ies)|services?|trusts?|police|"
    r"constabular(?:y|ies)|forces?|CCGs?|ICBs?|ICSs?|NHS|LSCBs?|LSCPs?|SCPs?|schools?|"
    r"colleges?|teams?|departments?|authorit(?:y|ies)|commissioners?|providers?|"
    r"practitioners?|professionals?|managers?|leads?|directors?|panels?|groups?|"
    r"hospitals?|GP\s+practices?|GPs?|health|care|safeguarding|government|ministers?|"
    r"organisations?|partners?|MASH|CAFCASS|probation|housing|education|"
    r"social\s+work(?:ers?)?)\b", regex.IGNORECASE)


def records(run: RunResult) -> list[dict[str, Any]]:
    """Every finding and recommendation of every report read, in report order.

    A report in which none was recognised still has one record, with only
    its path, title and year, so the table lists every review read.  A file
    without a linkage map (not read, or the linkage rules did not run) gives
    no records; the command says why for each.
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
    if not any(linkage[key] for key, _ in _KINDS):
        return [{**dict.fromkeys(_EMPTY_COLUMNS, ""),
                 **{column.name: [] for column in COLUMNS if column.several},
                 "report": file.path, "report_title": report.get("title") or "",
                 "year": report.get("year") or ""}]
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
                "title": _LEADING_LABEL.sub("", item.get("title") or ""),
                "text": item.get("text") or "",
                "form": item.get("form") or "",
                "paragraph": item.get("paragraph") or "",
                "location": _location(item.get("location", {})),
                "cites": _unique(p for cite in cites for p in cite.get("paragraphs", ())),
                "themes": _unique(t for cite in cites for t in cite.get("themes", ())),
                "unresolved": [cite["reference"] for cite in cites if not cite.get("resolved")],
                "recommendations": list(item.get("recommendations", [])),
                "findings": list(item.get("findings", [])),
                "owner": item.get("owner") or (stated_owner(item.get("text") or "")
                                               if kind == "recommendation" else ""),
                "audience": item.get("audience") or "",
                "questions": sorted({str(rules[f.rule_id].question) for f in raised
                                     if f.rule_id in rules}, key=int),
                "rules": _unique(f.rule_id for f in raised),
                "checker_findings": [f"{f.rule_id}: {f.message}" for f in raised],
            })
    return out


#: A preposition before the body makes it what is acted on ("Training for GPs").
_OBJECT = regex.compile(r"\b(?:for|of|to|with|by|in|on|about|from|between|within|into)\b",
                        regex.IGNORECASE)


def stated_owner(text: str) -> str:
    """Who a recommendation's own words say is to act: the subject of its first
    sentence that turns on "should", "must" … ("The Partnership and the ICB
    should ..."), when that subject names a body; else ``""``."""
    for sentence in _SENTENCE.split(" ".join(text.split())):
        modal = _MODAL.search(sentence)
        if modal is None:
            continue
        subject = sentence[:modal.start()]
        for lead in _LEADS:
            subject = lead.sub("", subject)
        subject = subject.strip(" ,;:-–—")
        body = _BODY.search(subject)
        if body and len(subject.split()) <= 12 and not _OBJECT.search(subject, 0, body.start()) \
                and not regex.match(r"(?:it|this|there|these|they|we)\b", subject,
                                    regex.IGNORECASE):
            return subject[0].upper() + subject[1:]
        return ""
    return ""


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
