"""What a checker is given besides the text: the config, rules and helpers.

Keeping these on one object lets hook signatures stay short, and lets the
core add facilities without adding hook arguments.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from scr_checks.config import Config
from scr_checks.document import Report, TextBlock
from scr_checks.isolation import PluginContractError
from scr_checks.layout import APPARATUS
from scr_checks.results import Finding, Location
from scr_checks.rules import Rule, RuleRegistry


class TooManyFindings(PluginContractError):
    """A plugin made more findings in one report than ``max_findings`` allows.

    Shown as it is, as a broken contract is: its checks of the report stop
    there, and what it found up to then stands.
    """


@dataclass
class CheckContext:
    """Everything about the file being checked, for one plugin call or many."""

    config: Config
    rules: RuleRegistry
    report: Report
    blocks: list[TextBlock]
    #: Per-file scratch space shared by a plugin's hooks (keyed by plugin).
    stash: dict[str, Any] = field(default_factory=dict)
    #: Data for the outputs beside the findings (a linkage map, a scorecard),
    #: keyed by a name; the JSON output includes each key.
    extras: dict[str, Any] = field(default_factory=dict)
    #: Rules that could not look at this file, each with the reason.
    unchecked: dict[str, str] = field(default_factory=dict)
    #: How many more findings the plugin being called may make (``max_findings``),
    #: set by the run before each plugin's call; None: no limit.
    findings_left: int | None = None

    @property
    def path(self) -> str:
        return self.report.path

    def option(self, namespace: str, name: str) -> Any:
        return self.config.option(namespace, name)

    def not_checked(self, rule_ids: str | Iterable[str], reason: str) -> None:
        """Say that rules could not check this file, and why.

        The scorecard then says "not checked" with the reason instead of
        "no problems found": silence is not approval ("no recommendations
        were recognised").  Findings of those rules on this file are dropped.
        """
        for rule_id in [rule_ids] if isinstance(rule_ids, str) else rule_ids:
            self.unchecked.setdefault(rule_id, reason)

    @cached_property
    def has_prose(self) -> bool:
        """Whether any block outside contents and page furniture is prose, not a
        heading; worked out once for every checker that asks."""
        return any(not b.is_heading and b.part not in APPARATUS and b.text.strip()
                   for b in self.blocks)

    def not_checked_without_prose(self, rule_ids: Iterable[str]) -> bool:
        """Say that rules which judge prose could not check a file that has none.

        A file of headings, contents entries and running headers only (a
        contents page cut from a report) gives wording rules nothing to read:
        their silence must not read as "no problems found".  True when so.
        """
        if self.has_prose:
            return False
        self.not_checked(rule_ids, "the file has no prose beyond headings and contents")
        return True

    def document_location(self) -> Location:
        """Where to point a finding about the whole report: its start."""
        if self.report.binary:
            return Location(path=self.path)
        return Location(path=self.path, line=1, column=1, end_line=1, end_column=1)

    def finding(
        self,
        rule: Rule | str,
        message: str,
        block: TextBlock | None = None,
        start: int = 0,
        end: int | None = None,
        *,
        secret: str = "",
        suggestion: str = "",
        **properties: Any,
    ) -> Finding:
        """Build a finding of ``rule`` about ``block.text[start:end]``.

        ``rule`` is the :class:`~scr_checks.Rule` the plugin registered (or
        its id).  Without a block the finding is about the whole report.
        ``secret`` is the identifying text itself, which outputs mask.
        """
        left = self.findings_left
        if left is not None:
            if left <= 0:
                limit = self.config.get("max_findings")
                raise TooManyFindings(f"made more than {limit:,} findings in this report "
                                      "(max_findings), so its checks stopped there")
            self.findings_left = left - 1
        rule_id = rule if isinstance(rule, str) else rule.id
        rule = self.rules[rule_id]
        if block is None:
            return Finding(rule_id=rule.id, message=message, severity=rule.severity,
                           location=self.document_location(), suggestion=suggestion,
                           secret=secret, context=message, properties=properties)
        text = block.text
        return Finding.made(
            rule.id, message, rule.severity, block, start, end,
            text[start:end] if end is not None else text, suggestion, secret, text, properties)
