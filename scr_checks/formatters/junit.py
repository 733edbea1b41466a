"""JUnit XML in the Jenkins "junit-10" dialect, for CI test reports.

A testsuite per report and a testcase per rule that ran on it, plus one
``read`` testcase, so that names stay the same from run to run: GitLab
compares merge requests by classname and name, and Jenkins keeps history by
them.  A rule fails when it found something at or above the fail level; its
``<failure>`` lists every such finding, one ``path:line:col:`` line each (or
the page and paragraph for Word and PDF).  Findings below the fail level, and
suppressed ones, leave the test passing and are listed in ``<system-out>``.
Unreadable inputs are ``<error>``\\ s of the ``read`` testcase.  A plugin that
failed on a report makes each of its rules' testcases an ``<error>`` (their
result is incomplete, never a pass); a failing plugin that owns no rule gets
a ``plugin NAME`` testcase of its own.

``classname`` is the report's path with each ``.`` replaced by ``_``
(``reports/review_rst``): Jenkins splits class names at dots.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from scr_checks.formatters import Formatter, encodable
from scr_checks.patterns import compiled
from scr_checks.results import FileResult, Finding, RunResult, ToolError

if TYPE_CHECKING:  # lxml is imported only when JUnit is written (5 ms of every start-up)
    from lxml import etree

#: Characters XML 1.0 forbids (C0 controls but tab and newlines, surrogates,
#: U+FFFE and U+FFFF); PDF text is full of them.
_ILLEGAL_XML = compiled("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with characters XML cannot hold shown as ``#xNN``, as pytest does."""
    return _ILLEGAL_XML.sub(lambda m: f"#x{ord(m.group()):02X}", encodable(text))


def classname(path: str) -> str:
    return xml_text(path.replace(".", "_"))


def position(finding: Finding) -> str:
    """``path:line:col:`` for text reports; the page and paragraph otherwise."""
    loc = finding.location
    if loc.has_region:
        return f"{loc.path}:{loc.line}:{loc.column or 1}:"
    where = loc.describe()
    return f"{loc.path}: {where}:" if where else f"{loc.path}:"


def finding_line(finding: Finding, mark: str = "") -> str:
    text = f"{position(finding)} {finding.severity} {finding.rule_id} {finding.message}"
    if finding.suggestion:
        text += f" ({finding.suggestion})"
    return text + mark


class JunitFormatter(Formatter):
    name = "junit"
    description = "JUnit XML (Jenkins junit-10 dialect): a testcase per report and rule."

    def render(self, run: RunResult) -> str:
        from lxml import etree
        suites = [self.suite(file, run) for file in run.files]
        if run.run_errors:
            suites.append(self.run_suite(run.run_errors))
        root = etree.Element("testsuites", name="scr-checks")
        for attribute in ("tests", "failures", "errors"):
            root.set(attribute, str(sum(int(s.get(attribute)) for s in suites)))
        root.extend(suites)
        return etree.tostring(root, encoding="UTF-8", xml_declaration=True,
                              pretty_print=True).decode("utf-8")

    def suite(self, file: FileResult, run: RunResult) -> etree._Element:
        from lxml import etree
        suite = etree.Element("testsuite", name=xml_text(file.path))
        properties = etree.SubElement(suite, "properties")
        etree.SubElement(properties, "property", name="scr-checks.version",
                         value=xml_text(run.version))
        if file.format:
            etree.SubElement(properties, "property", name="format",
                             value=xml_text(file.format))
        group = classname(file.path)
        read_errors = [e for e in file.errors if not e.plugin]
        read = etree.SubElement(suite, "testcase", classname=group, name="read")
        for error in read_errors:
            add_error(read, error, "ReaderError")
        failed: dict[str, list[ToolError]] = defaultdict(list)
        for error in file.errors:
            if error.plugin:
                failed[error.plugin].append(error)
        if file.read_ok:
            by_rule: dict[str, list[Finding]] = defaultdict(list)
            for finding in file.findings:
                by_rule[finding.rule_id].append(finding)
            for rule in run.rules:
                case = self.rule_case(suite, group, f"{rule.id} {rule.name}",
                                      by_rule.pop(rule.id, []))
                for error in failed.get(run.owners.get(rule.id, ""), []):
                    add_error(case, error, "PluginError")
            for rule_id in sorted(by_rule):  # findings of rules not declared as run
                self.rule_case(suite, group, rule_id, by_rule[rule_id])
        owners = set(run.owners.values()) if file.read_ok else set()
        for plugin, errors in failed.items():
            if plugin not in owners:
                case = etree.SubElement(suite, "testcase", classname=group,
                                        name=xml_text(f"plugin {plugin}"))
                for error in errors:
                    add_error(case, error, "PluginError")
        count(suite)
        return suite

    def rule_case(self, suite: etree._Element, group: str, name: str,
                  findings: list[Finding]) -> etree._Element:
        from lxml import etree
        case = etree.SubElement(suite, "testcase", classname=group, name=xml_text(name))
        failing = [f for f in findings if not f.suppressed and self.config.fails(f.severity)]
        passing = [f for f in findings if f not in failing]
        if failing:
            first = failing[0]
            summary = f"{len(failing)} finding{'s' if len(failing) != 1 else ''}; " \
                      f"first at {position(first)} {first.message}"
            failure = etree.SubElement(case, "failure", type=first.rule_id,
                                       message=xml_text(summary))
            failure.text = xml_text("\n".join(finding_line(f) for f in failing))
        if passing:
            out = etree.SubElement(case, "system-out")
            out.text = xml_text("\n".join(
                finding_line(f, " (suppressed)" if f.suppressed else "") for f in passing))
        return case

    def run_suite(self, errors: list[ToolError]) -> etree._Element:
        """Errors of the run itself (an output that could not be written)."""
        from lxml import etree
        suite = etree.Element("testsuite", name="scr-checks")
        for error in errors:
            case = etree.SubElement(suite, "testcase", classname="scr-checks",
                                    name=xml_text(error.plugin or error.path))
            add_error(case, error, "ToolError")
        count(suite)
        return suite


def add_error(case: etree._Element, error: ToolError, kind: str) -> None:
    from lxml import etree
    element = etree.SubElement(case, "error", type=kind, message=xml_text(error.message))
    element.text = xml_text(str(error))


def count(suite: etree._Element) -> None:
    """Set the counts from the children, so they always agree."""
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    suite.set("errors", str(sum(1 for c in cases if c.find("error") is not None)))
    suite.set("skipped", "0")
