"""The JSON, SARIF, JUnit and HTML formatters as registered: their modules load on
first use.

Importing these formatter modules took 3 ms of every run's start-up, though
a run writes one or two formats.  Each class here names its format; the real
formatter subclasses it and is imported on the first render.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from scr_checks.formatters import Formatter
from scr_checks.lazy import load
from scr_checks.results import RunResult


class DeferredFormatter(Formatter):
    """A formatter whose ``render`` is the one of ``real`` ("module:Class")."""

    real: ClassVar[str] = ""

    def render(self, run: RunResult) -> str:
        return self._real().render(run)

    def render_parts(self, run: RunResult) -> Iterator[str]:
        formatter = self._real()
        if type(formatter).render_parts is DeferredFormatter.render_parts:
            return Formatter.render_parts(formatter, run)  # the real one renders it whole
        return formatter.render_parts(run)

    def _real(self) -> Formatter:
        formatter: Formatter = load(self.real)(self.config, self.color)
        return formatter


class JsonOutput(DeferredFormatter):
    name = "json"
    description = "Every finding and error as JSON data, for scripts."
    real = "scr_checks.formatters.json:JsonFormatter"


class SarifOutput(DeferredFormatter):
    name = "sarif"
    description = "SARIF 2.1.0, for GitHub code scanning and SARIF viewers."
    real = "scr_checks.formatters.sarif:SarifFormatter"


class JunitOutput(DeferredFormatter):
    name = "junit"
    description = "JUnit XML (Jenkins junit-10 dialect): a testcase per report and rule."
    real = "scr_checks.formatters.junit:JunitFormatter"


class HtmlOutput(DeferredFormatter):
    name = "html"
    description = ("One self-contained page for people: scorecards, findings in their "
                   "paragraphs, linkage maps.")
    real = "scr_checks.formatters.html:HtmlFormatter"
    shows_paragraphs = True
