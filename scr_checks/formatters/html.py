"""One self-contained HTML page for people who do not read SARIF.

Per report: the quality-marker scorecard, the findings grouped by question
with their paragraphs and the flagged words highlighted, and the linkage map
as tables; a folder run starts with an overview of every report.  The page
needs nothing beyond itself (no fonts, images, scripts or styles from
elsewhere), so it works as an e-mail attachment; its filters are a short
inline script, and without it every finding is shown.

Every text that came from a report or a file name goes through
:func:`text`, which escapes it; and the page's Content-Security-Policy
allows only its own style and script, by hash, so text that slipped past
escaping still could not run.  The texts arrive masked, as in every output.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter
from collections.abc import Iterable
from typing import Any

from scr_checks.formatters import Formatter, counted, encodable
from scr_checks.patterns import compiled
from scr_checks.results import FileResult, Finding, Location, RunResult, ToolError
from scr_checks.rules import QUESTIONS, Rule, Severity
from scr_checks.scorecard import NEEDS_ATTENTION, NO_PROBLEMS, NOT_CHECKED, run_scorecard
from scr_checks.shipped import shipped_file

#: Characters HTML does not allow in text, or that would disturb its layout.
_CONTROL = compiled(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_STATUS_CLASS = {NEEDS_ATTENTION: "attention", NO_PROBLEMS: "clear", NOT_CHECKED: "unchecked"}
_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.NOTE)
_FORMATS = {"rst": "reStructuredText", "md": "Markdown", "markdown": "Markdown",
            "html": "HTML", "htm": "HTML", "txt": "plain text", "docx": "Word",
            "pdf": "PDF"}


def text(value: object) -> str:
    """``value`` as HTML text: escaped, quotes too, with control characters replaced."""
    return html.escape(_CONTROL.sub("\ufffd", encodable(str(value))), quote=True)


def _asset(name: str) -> str:
    return shipped_file("scr_checks", "data", name).read_text(encoding="utf-8")


def _digest(body: str) -> str:
    return base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")


class HtmlFormatter(Formatter):
    name = "html"
    description = ("One self-contained page for people: scorecards, findings in "
                   "their paragraphs, linkage maps.")
    shows_paragraphs = True

    def render(self, run: RunResult) -> str:
        style, script = _asset("html-report.css"), _asset("html-report.js")
        rules = {rule.id: rule for rule in run.rules}
        shown = [f for f in run.findings if not f.suppressed]
        reports = f"{counted(len(run.files), 'report')}"
        policy = (f"default-src 'none'; style-src 'sha256-{_digest(style)}'; "
                  f"script-src 'sha256-{_digest(script)}'; img-src data:; "
                  "base-uri 'none'; form-action 'none'")
        masked = ("identifiers the privacy rules found are shown"
                  if self.config.get("show_identifiers")
                  else "identifiers the privacy rules found are masked")
        out = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
            '<meta name="referrer" content="no-referrer">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>scr-checks: {reports}</title>",
            f"<style>{style}</style>",
            "</head>",
            "<body>",
            '<a class="skip" href="#reports">Skip to the reports</a>',
            "<header>",
            "<h1>The report: quality-marker checks</h1>",
            f"<p>{reports} checked by scr-checks {text(run.version)}, "
            f"{counted(len(shown), 'finding')}; {masked}.</p>",
            "</header>",
            "<main>",
        ]
        out += self._run_errors(run)
        out += self._filters(shown, rules)
        if len(run.files) > 1:
            out += self._overview(run)
        out.append('<div id="reports">')
        for number, file in enumerate(run.files, start=1):
            out += self._report(number, file, rules)
        out += ["</div>", "</main>", f"<script>{script}</script>", "</body>", "</html>"]
        return "\n".join(out) + "\n"

    # -- the run -------------------------------------------------------------

    def _run_errors(self, run: RunResult) -> list[str]:
        if not run.run_errors:
            return []
        return ['<section class="errors" aria-labelledby="run-errors">',
                '<h2 id="run-errors">Errors of the run</h2>', "<ul>",
                *(f"<li>{text(error)}</li>" for error in run.run_errors), "</ul>", "</section>"]

    def _filters(self, shown: list[Finding], rules: dict[str, Rule]) -> list[str]:
        """The filter form: hidden until the script shows it, as only the script uses it."""
        if not shown:
            return []
        by_rule = Counter(f.rule_id for f in shown)
        questions = sorted({_question(f, rules) for f in shown})
        severities = [level for level in _SEVERITIES if any(f.severity == level for f in shown)]
        out = ['<form id="filters" class="filters" hidden aria-labelledby="filters-title">',
               '<h2 id="filters-title">Filter the findings</h2>',
               '<fieldset><legend>Question</legend>']
        out += [_checkbox("question", str(q), f"Q{q} {QUESTIONS.get(q, 'other rules')}")
                for q in questions]
        out += ["</fieldset>", "<fieldset><legend>Severity</legend>"]
        out += [_checkbox("severity", str(level), str(level)) for level in severities]
        out += ["</fieldset>", '<fieldset class="rules"><legend>Rule</legend>']
        for rule_id in sorted(by_rule):
            name = rules[rule_id].name if rule_id in rules else ""
            out.append(_checkbox("rule", rule_id, f"{rule_id} {name} ({by_rule[rule_id]})"))
        out += ["</fieldset>",
                '<p><button type="button" id="show-all">Show every finding</button></p>',
                f'<p id="shown" role="status">Showing {len(shown)} of {len(shown)} '
                "findings.</p>", "</form>"]
        return out

    def _overview(self, run: RunResult) -> list[str]:
        """One row per report: its findings and its scorecard, then the run's."""
        head = "".join(f'<th scope="col"><abbr title="{text(title)}">{_short(q)}</abbr></th>'
                       for q, title in QUESTIONS.items())
        out = ['<section aria-labelledby="overview-title">',
               '<h2 id="overview-title">Overview</h2>',
               '<div class="scroll"><table class="overview">',
               "<caption>Each report's findings, and its status on each question of the "
               "quality marker (KB: the knowledge-base items): the number of findings "
               "where it needs attention, \u2018none\u2019 where no problems were found, "
               "or not checked, and in how many reports it was not checked</caption>",
               f'<thead><tr><th scope="col">Report</th><th scope="col">Findings</th>{head}'
               "</tr></thead>", "<tbody>"]
        for number, file in enumerate(run.files, start=1):
            card = {entry["question"]: entry for entry in file.extras.get("scorecard", [])}
            cells = "".join(_compact_cell(card.get(q)) for q in QUESTIONS)
            found = sum(1 for f in file.findings if not f.suppressed)
            out.append(f'<tr><th scope="row"><a href="#report-{number}">{text(file.path)}</a>'
                       f'</th><td class="number">{found if file.read_ok else "not read"}</td>'
                       f"{cells}</tr>")
        out.append("</tbody>")
        cards = [f.extras["scorecard"] for f in run.files if f.extras.get("scorecard")]
        unread = len(run.files) - len(cards)
        total = {entry["question"]: entry for entry in run_scorecard(cards, unread)}
        cells = "".join(_compact_cell(total.get(q), len(run.files)) for q in QUESTIONS)
        found = sum(1 for f in run.findings if not f.suppressed)
        heading = f"All {counted(len(run.files), 'report')}" + (
            f" ({unread} not checked)" if unread else "")
        out.append(f'<tfoot><tr><th scope="row">{heading}</th>'
                   f'<td class="number">{found}</td>{cells}</tr></tfoot>')
        out += ["</table></div>", "</section>"]
        return out

    # -- one report ------------------------------------------------------------

    def _report(self, number: int, file: FileResult, rules: dict[str, Rule]) -> list[str]:
        anchor = f"report-{number}"
        kind = _FORMATS.get(file.format, file.format or "unknown format")
        out = [f'<section class="report" id="{anchor}" aria-labelledby="{anchor}-title">',
               f'<h2 id="{anchor}-title">{text(file.path)}</h2>']
        if not file.read_ok:
            out += [f"<p>{text(kind)}; not checked.</p>", *self._errors(file), "</section>"]
            return out
        suppressed = sum(1 for f in file.findings if f.suppressed)
        out.append(f"<p>{text(kind)}; {_counts(file)}"
                   + (f"; {suppressed} suppressed, not shown" if suppressed else "") + ".</p>")
        out += self._errors(file)
        out += self._scorecard(anchor, file.extras.get("scorecard"))
        out += self._findings(anchor, file, rules)
        out += self._linkage(anchor, file.extras.get("linkage"))
        out.append("</section>")
        return out

    def _errors(self, file: FileResult) -> list[str]:
        if not file.errors:
            return []
        return ['<ul class="errors">',
                *(f"<li>{text(_error_text(e))}</li>" for e in file.errors), "</ul>"]

    def _scorecard(self, anchor: str, card: list[dict[str, Any]] | None) -> list[str]:
        out = [f'<h3 id="{anchor}-scorecard">Scorecard</h3>']
        if not card:
            return [*out, "<p>No scorecard: the report was not checked.</p>"]
        out += ['<table class="scorecard">',
                "<caption>The quality marker's seven questions and its knowledge-base "
                "items</caption>",
                '<thead><tr><th scope="col">Question</th><th scope="col">Status</th>'
                '<th scope="col">Findings</th><th scope="col">Not checked, and why</th>'
                "</tr></thead>", "<tbody>"]
        for entry in card:
            question = entry["question"]
            label = _short(question)
            found = ", ".join(f"{text(rule)} \u00d7{count}"
                              for rule, count in entry["findings"].items())
            gaps = "".join(f"<li>{text(', '.join(gap['rules']) + ': ' if gap['rules'] else '')}"
                           f"{text(gap['reason'])}</li>"
                           for gap in entry.get("not_checked", ()))
            out.append(f'<tr data-question="{question}"><th scope="row">{label} '
                       f"{text(entry['title'])}</th>{_status_cell(entry['status'])}"
                       f"<td>{found}</td><td>{f'<ul>{gaps}</ul>' if gaps else ''}</td></tr>")
        out += ["</tbody>", "</table>"]
        return out

    def _findings(self, anchor: str, file: FileResult, rules: dict[str, Rule]) -> list[str]:
        paragraphs = {p["paragraph_index"]: p["segments"]
                      for p in file.extras.get("paragraphs", ())}
        groups: dict[int, list[tuple[int, Finding]]] = {}
        for number, finding in enumerate(file.findings):
            if not finding.suppressed:
                groups.setdefault(_question(finding, rules), []).append((number, finding))
        out = [f'<h3 id="{anchor}-findings">Findings by question</h3>']
        if not groups:
            return [*out, "<p>No findings.</p>"]
        for question in sorted(groups):
            items = groups[question]
            label = _short(question)
            out += [f'<section class="question" data-question="{question}" '
                    f'aria-labelledby="{anchor}-q{question}">',
                    f'<h4 id="{anchor}-q{question}">{label} '
                    f"{text(QUESTIONS.get(question, 'Other rules'))}: "
                    f'<span class="count">{counted(len(items), "finding")}</span>'
                    '<span class="shown"></span></h4>', '<ol class="findings">']
            out += [self._finding(number, finding, rules, paragraphs)
                    for number, finding in items]
            out += ["</ol>", "</section>"]
        return out

    def _finding(self, number: int, finding: Finding, rules: dict[str, Rule],
                 paragraphs: dict[int, list[dict[str, Any]]]) -> str:
        rule = rules.get(finding.rule_id)
        name = f" {text(rule.name)}" if rule else ""
        parts = [f'<li class="finding" data-question="{_question(finding, rules)}" '
                 f'data-rule="{text(finding.rule_id)}" data-severity="{finding.severity}">',
                 f'<p class="head"><span class="severity {finding.severity}">'
                 f"{finding.severity}</span> <code>{text(finding.rule_id)}</code>{name}: "
                 f"{text(finding.message)}</p>"]
        where = _where(finding.location)
        if where:
            parts.append(f'<p class="where">{text(where)}</p>')
        segments = paragraphs.get(finding.location.paragraph_index or 0)
        if segments is not None:
            parts.append(f'<blockquote class="paragraph">{_marked(segments, number)}'
                         "</blockquote>")
        elif finding.snippet:
            parts.append(f'<blockquote class="paragraph">{text(finding.snippet)}</blockquote>')
        if finding.suggestion:
            parts.append(f'<p class="fix">Suggestion: {text(finding.suggestion)}</p>')
        parts.append("</li>")
        return "".join(parts)

    def _linkage(self, anchor: str, linkage: dict[str, Any] | None) -> list[str]:
        out = [f'<h3 id="{anchor}-linkage">Linkage map</h3>']
        if linkage is None:
            return [*out, "<p>No linkage map: the linkage rules did not run.</p>"]
        findings, recommendations = linkage["findings"], linkage["recommendations"]
        if not findings and not recommendations:
            return [*out, "<p>No findings or recommendations were recognised.</p>"]
        out += ['<div class="scroll"><table class="linkage">',
                "<caption>Each finding, the analysis it cites and the recommendations tied "
                "to it</caption>",
                '<thead><tr><th scope="col">Finding</th><th scope="col">Analysis cited</th>'
                '<th scope="col">Recommendations</th><th scope="col">Missing</th></tr></thead>',
                "<tbody>"]
        for item in findings:
            cited = [_citation(cite) for cite in item["cites"]]
            out.append(f'<tr><th scope="row">{_item(item)}</th><td>{_list(cited)}</td>'
                       f"<td>{_list(text(label) for label in item['recommendations'])}</td>"
                       f"<td>{_list(_missing_of_finding(item))}</td></tr>")
        if not findings:
            out.append('<tr><td colspan="4">No findings were recognised.</td></tr>')
        out += ["</tbody>", "</table></div>",
                '<div class="scroll"><table class="linkage">',
                "<caption>Each recommendation, who is to act and the findings it "
                "answers</caption>",
                '<thead><tr><th scope="col">Recommendation</th><th scope="col">Owner or '
                'audience</th><th scope="col">Answers</th><th scope="col">Missing</th>'
                "</tr></thead>", "<tbody>"]
        for item in recommendations:
            who = [text(value) for value in (item.get("owner"), item.get("audience")) if value]
            out.append(f'<tr><th scope="row">{_item(item)}</th><td>{_list(who)}</td>'
                       f"<td>{_list(text(label) for label in item['findings'])}</td>"
                       f"<td>{_list(_missing_of_recommendation(item))}</td></tr>")
        if not recommendations:
            out.append('<tr><td colspan="4">No recommendations were recognised.</td></tr>')
        out += ["</tbody>", "</table></div>"]
        return out


def _question(finding: Finding, rules: dict[str, Rule]) -> int:
    rule = rules.get(finding.rule_id)
    return rule.question if rule else 0


def _checkbox(name: str, value: str, label: str) -> str:
    return (f'<label><input type="checkbox" name="{name}" value="{text(value)}" checked> '
            f"{text(label)}</label>")


def _short(question: int) -> str:
    return "KB" if question == 8 else f"Q{question}"


def _compact_cell(entry: dict[str, Any] | None, reports: int = 1) -> str:
    """A question's status in few words, for the overview: how many findings, or none.

    Of several ``reports``, "none" is shown in green only when every one was
    checked; otherwise the cell says how many were not, and is grey.
    """
    status = entry["status"] if entry else NOT_CHECKED
    shown = {NEEDS_ATTENTION: str(sum(entry["findings"].values())) if entry else "",
             NO_PROBLEMS: "none"}.get(status, "not checked")
    unchecked = entry.get("unchecked_files", 0) if entry else 0
    css = _STATUS_CLASS.get(status, "unchecked")
    if unchecked and status != NOT_CHECKED:
        shown += f"; {unchecked} of {reports} not checked"
        if status == NO_PROBLEMS:
            css = "unchecked"
    return f'<td class="status {css}">{text(shown)}</td>'


def _status_cell(status: str) -> str:
    return f'<td class="status {_STATUS_CLASS.get(status, "unchecked")}">{text(status)}</td>'


def _counts(file: FileResult) -> str:
    counts = Counter(f.severity for f in file.findings if not f.suppressed)
    total = sum(counts.values())
    if not total:
        return "no findings"
    parts = [counted(counts[level], str(level)) for level in _SEVERITIES if counts[level]]
    return f"{counted(total, 'finding')} ({', '.join(parts)})"


def _where(location: Location) -> str:
    """Where a finding is, as a person looks for it: the line, or page and paragraph."""
    described = location.describe()
    if location.line is not None:
        return f"line {location.line}" + (f", {described}" if described else "")
    return described


def _marked(segments: list[dict[str, Any]], number: int) -> str:
    """The paragraph's text with the words finding ``number`` flagged in ``<mark>``."""
    return "".join(f"<mark>{text(segment['text'])}</mark>"
                   if number in segment.get("marks", ()) else text(segment["text"])
                   for segment in segments)


def _item(item: dict[str, Any]) -> str:
    title = item.get("title") or ""
    label = item.get("label") or ""
    return text(f"{label}: {title}" if title and title != label else label or title)


def _citation(cite: dict[str, Any]) -> str:
    """"paragraph 3.1, in 3. Analysis": what a finding cites, and where that is."""
    cited = f"{cite.get('kind', '')} {cite['reference']}".strip()
    if not cite.get("resolved"):
        return f"{text(cited)} (points to nothing in the report)"
    themes = ", ".join(cite.get("themes", ()))
    return text(cited + (f", in {themes}" if themes else ""))


def _missing_of_finding(item: dict[str, Any]) -> list[str]:
    missing = []
    if not item["cites"]:
        missing.append("cites no analysis")
    missing += [f"{text(c['reference'])} points to nothing" for c in item["cites"]
                if not c.get("resolved")]
    if not item["recommendations"]:
        missing.append("no recommendation is tied to it")
    if item.get("form") == "paragraph":
        missing.append("no number or title to refer to it by")
    return missing


def _missing_of_recommendation(item: dict[str, Any]) -> list[str]:
    missing = []
    if not item["findings"]:
        missing.append("answers no finding")
    if item.get("form") == "paragraph":
        missing.append("no number or title to refer to it by")
    return missing


def _list(values: Iterable[str]) -> str:
    """Values already made HTML, as a list; nothing when there are none."""
    items = "".join(f"<li>{value}</li>" for value in values)
    return f"<ul>{items}</ul>" if items else ""


def _error_text(error: ToolError) -> str:
    """The error without its path: the report's heading already says it."""
    return (f"plugin {error.plugin!r}: " if error.plugin else "") + error.message
