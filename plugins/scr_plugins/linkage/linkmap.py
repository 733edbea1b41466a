"""The linkage map: findings -> the analysis they cite -> the recommendations on them.

Plain JSON data, so a reviewer (or a script) can follow each chain.
"""

from __future__ import annotations

from typing import Any

from scr_checks import Item, Outline, TextBlock
from scr_plugins.linkage.titlepage import report_title, stated_year


def where(block: TextBlock) -> dict[str, Any]:
    """A compact location: line for text formats, paragraph (and page) otherwise."""
    loc = block.location(0, 0)
    data: dict[str, Any] = {"paragraph_index": block.index}
    if loc.line is not None:
        data["line"] = loc.line
    if loc.page is not None:
        data["page"] = loc.page
    return data


def build(outline: Outline, blocks: list[TextBlock]) -> dict[str, Any]:
    """Each finding and recommendation as a record: enough for a spreadsheet of a
    report's learning.  Its text comes from the report, so outputs mask it.

    ``blocks`` are every block of the file, its title page too, where the
    report's title and year are read.
    """
    recommendations = {id(item): _recommendation(outline, item)
                       for item in outline.recommendations}
    findings = []
    for finding in outline.findings:
        cites = []
        for ref in outline.references_of(finding):
            if ref.kind in ("finding", "recommendation"):
                continue
            targets = outline.resolve(ref)
            cites.append({
                "reference": ref.text,
                "kind": ref.kind,
                "resolved": bool(targets),
                "paragraphs": sorted({t for b in targets if (t := outline.number_of(b))}),
                "themes": sorted({theme.name for b in targets
                                  if (theme := outline.theme_of(b)) is not None}),
            })
        findings.append({
            **_record(finding),
            "cites": cites,
            "recommendations": [rec["label"] for rec in recommendations.values()
                                if finding.label in rec["findings"]],
        })
    return {
        "report": {"title": report_title(blocks), "year": stated_year(blocks)},
        "findings": findings,
        "recommendations": list(recommendations.values()),
        "analysis": [
            {"theme": theme.name, "location": where(theme.title),
             "cited_by": [f["label"] for f in findings
                          if any(theme.name in c["themes"] for c in f["cites"])]}
            for theme in outline.themes
        ],
    }


def _record(item: Item) -> dict[str, Any]:
    """What every finding and recommendation record holds."""
    return {
        "label": item.label,
        "number": item.number,
        "title": item.title,
        "text": " ".join((item.statement or item.text).split()),
        "form": item.form,
        "location": where(item.block),
        "paragraph": next((number for b in item.blocks if (number := Outline.number_of(b))),
                          None),
        "paragraph_indexes": [block.index for block in item.blocks],
    }


def _recommendation(outline: Outline, item: Item) -> dict[str, Any]:
    tied = {finding.label for finding in outline.findings
            if finding.block.is_heading and finding.section is not None
            and finding.section.contains(item.block)}
    for ref in outline.references_of(item):
        for target in outline.resolve(ref):
            owner = outline.item_of(target)
            if owner is not None and owner.kind == "finding":
                tied.add(owner.label)
    order = [f.label for f in outline.findings]
    return {
        **_record(item),
        "owner": item.owner,
        "audience": item.audience,
        "findings": sorted(tied, key=order.index),
    }
