"""Reference pages generated from what the plugins declare.

``.. scr-options::`` lists every configuration option (the core's and each
installed plugin's) and ``.. scr-rules::`` every rule, grouped by quality-
marker question, each with the example it flags and the one it does not.
Plugins are loaded exactly as the command line loads them,
so the pages cannot drift from the code.  Each rule's section has the id
``scr101`` (the rule id in lower case), which is the anchor of the rule's
``help_uri``.  ``.. scr-extract-columns::`` lists the columns
``scr-checks extract`` writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from scr_checks.extract import COLUMNS
from scr_checks.loading import load_plugins
from scr_checks.rules import QUESTIONS
from scr_checks.runner import Session


def _session() -> Session:
    pm, config = load_plugins({}, None)
    return Session(pm, config)


def _table(headers: Sequence[str], rows: Sequence[Sequence[nodes.Node | str]],
           widths: Sequence[int]) -> nodes.table:
    group = nodes.tgroup(cols=len(headers))
    group.extend(nodes.colspec(colwidth=w) for w in widths)
    head = nodes.thead()
    body = nodes.tbody()
    head += _row(headers)
    body.extend(_row(r) for r in rows)
    group += head
    group += body
    return nodes.table("", group)


def _row(cells: Sequence[nodes.Node | str]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += cell if isinstance(cell, nodes.Node) else nodes.paragraph(text=cell)
        row += entry
    return row


def _code(text: str) -> nodes.paragraph:
    return nodes.paragraph("", "", nodes.literal(text=text))


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict) and not value:
        return "{}"
    return repr(value)


TYPE_NAMES = {str: "string", int: "integer", float: "number", bool: "boolean",
              list: "list of strings", dict: "table"}


class OptionsDirective(SphinxDirective):
    """A table of every declared option: key, type, default and help."""

    def run(self) -> list[nodes.Node]:
        options = sorted(_session().config.parser.options.values(),
                         key=lambda o: (o.namespace, o.name))
        rows = []
        for option in options:
            help_text = option.help
            if option.choices:
                help_text += " One of: " + ", ".join(map(str, option.choices)) + "."
            rows.append([_code(option.key), TYPE_NAMES[option.type],
                         _code(_value(option.default)), help_text])
        return [_table(["Key", "Type", "Default", "What it does"], rows, [22, 12, 18, 48])]


class RulesDirective(SphinxDirective):
    """A section per rule, grouped by question, each anchored at its id."""

    def run(self) -> list[nodes.Node]:
        session = _session()
        rules = list(session.rules)
        out: list[nodes.Node] = []
        for question, text in QUESTIONS.items():
            asked = [r for r in rules if r.question == question]
            if not asked:
                continue
            group = nodes.section(ids=[f"question-{question}"])
            group += nodes.title(text=f"Question {question}: {text}")
            for rule in asked:
                section = nodes.section(ids=[rule.id.lower()], names=[rule.id.lower()])
                section += nodes.title(text=f"{rule.id} {rule.name}")
                section += nodes.paragraph("", "", nodes.strong(text=rule.short))
                section += nodes.paragraph(text=rule.full)
                if rule.fix:
                    section += nodes.paragraph(text=f"How to fix: {rule.fix}")
                for label, example in (("Flagged:", rule.bad_example),
                                       ("Not flagged:", rule.good_example)):
                    if example:
                        section += nodes.paragraph("", "", nodes.emphasis(text=label))
                        section += nodes.literal_block(example, example)
                facts = (f"Severity: {rule.severity}. Plugin: "
                         f"{session.rules.owner(rule.id)}.")
                if rule.tags:
                    facts += " Tags: " + ", ".join(rule.tags) + "."
                section += nodes.paragraph(text=facts)
                group += section
            out.append(group)
        return out


class ExtractColumnsDirective(SphinxDirective):
    """A table of the columns ``extract`` writes, in their order."""

    def run(self) -> list[nodes.Node]:
        rows = [[_code(column.name), "several" if column.several else "one",
                 column.description] for column in COLUMNS]
        return [_table(["Column", "Values", "What it holds"], rows, [20, 10, 70])]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("scr-options", OptionsDirective)
    app.add_directive("scr-rules", RulesDirective)
    app.add_directive("scr-extract-columns", ExtractColumnsDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
