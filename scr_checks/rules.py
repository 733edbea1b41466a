"""Rules are data: an id, a name, descriptions, a severity and a question.

The docs' rule reference and SARIF's ``tool.driver.rules`` are generated from
these records, so a rule needs no code to be documented.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from scr_checks.exceptions import RuleError
from scr_checks.patterns import compiled
from scr_checks.records import FrozenRecord

#: Where each rule's help lives; a built-in ``Rule.help_uri`` defaults to an
#: anchor here, and another plugin's rule has none unless it gives one.
DOCS_URL = "https://scr-checks.readthedocs.io/en/latest/"

RULE_ID = compiled(r"[A-Z]{2,4}[0-9]{3}")
BUILTIN_ID = compiled(r"SCR([1-8])[0-9]{2}")
RULE_NAME = compiled(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")

#: SARIF's words for how often a rule's findings are right, most first.
PRECISIONS = ("very-high", "high", "medium", "low")

#: The quality marker's questions (1-7) and its knowledge-base items (8).
QUESTIONS = {
    1: "Structure makes the analysis and findings easy to find",
    2: "Privacy of family members and staff",
    3: "Findings and recommendations reflect the priorities",
    4: "Findings explain practice, not only describe it",
    5: "Transparency of how conclusions were reached",
    6: "Accessibility of complex professional issues",
    7: "Tone and choice of words",
    8: "Knowledge base, equality and diversity, statutory guidance",
}


class Severity(enum.IntEnum):
    """How much a finding matters; ordered so that ``>=`` compares levels."""

    NOTE = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (use error, warning or note)"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


class Rule(FrozenRecord):
    """One check's identity and documentation; frozen, equal when every field is.

    ``id`` is ``SCR<q><nn>`` for the built-ins; a third party uses its own
    two-to-four letter prefix and three digits.  A plain class (a dataclass's
    generated methods are compiled at every start-up): :func:`dataclasses.replace`
    does not apply; make a new rule.
    """

    __match_args__ = ("id", "name", "short", "full", "severity", "question", "help_uri", "tags",
                      "fix", "whole_report", "bad_example", "good_example", "precision",
                      "masked_as", "placeholder")

    id: str
    name: str
    short: str
    full: str
    severity: Severity
    question: int
    help_uri: str
    #: Extra words for SARIF ``properties.tags`` and the docs.
    tags: tuple[str, ...]
    #: How to put a finding right, in one or two sentences (SARIF ``help``).
    fix: str
    #: The rule judges what the whole report has or lacks ("no methodology
    #: section", "never defined"), so it is not run on a file that holds only
    #: part of a report (:mod:`scr_checks.kinds`).
    whole_report: bool
    #: A short passage of a report the rule flags, and one it does not (the
    #: same point made well): ``scr-checks rule`` and the docs show them, and
    #: the test suite checks that the rule does flag the one and not the other.
    bad_example: str
    good_example: str
    #: How often its findings are right, one of :data:`PRECISIONS`, from the
    #: figures in docs/evaluation.rst ("medium" for a rule not measured).
    precision: str
    #: For a rule that reports identifiers (``Finding.secret``), what kind:
    #: outputs show such an identifier as ``[name]``, ``[date]`` …
    masked_as: str
    #: What ``scr-checks redact`` writes in place of the identifier a finding
    #: of this rule holds (its ``secret``): ``"Person {n}"`` numbers each
    #: different one ("[Person 1]", "[Person 2]"), ``"date"`` is the same for
    #: all ("[date]").  Empty: the rule's findings are not redacted.  A finding
    #: may give its own in ``properties["placeholder"]`` ("School {n}").
    placeholder: str

    def __init__(self, id: str, name: str, short: str, full: str, severity: Severity,
                 question: int, help_uri: str = "", tags: tuple[str, ...] = (), fix: str = "",
                 whole_report: bool = False, bad_example: str = "", good_example: str = "",
                 precision: str = "medium", masked_as: str = "", placeholder: str = "") -> None:
        self.__dict__.update(
            id=id, name=name, short=short, full=full, severity=severity, question=question,
            help_uri=help_uri, tags=tags, fix=fix, whole_report=whole_report,
            bad_example=bad_example, good_example=good_example, precision=precision,
            masked_as=masked_as, placeholder=placeholder)
        self.__post_init__()

    def __post_init__(self) -> None:
        if not RULE_ID.fullmatch(self.id):
            raise RuleError(
                f"rule id {self.id!r} must be 2-4 capital letters and 3 digits"
            )
        builtin = BUILTIN_ID.fullmatch(self.id)
        if builtin and int(builtin.group(1)) != self.question:
            raise RuleError(
                f"rule {self.id}: the digit after SCR must be its question "
                f"({self.question})"
            )
        if self.question not in QUESTIONS:
            raise RuleError(f"rule {self.id}: question must be 1-8")
        if not RULE_NAME.fullmatch(self.name):
            raise RuleError(f"rule {self.id}: name {self.name!r} must be kebab-case")
        if not self.short or not self.full:
            raise RuleError(f"rule {self.id}: short and full descriptions are required")
        if self.precision not in PRECISIONS:
            raise RuleError(f"rule {self.id}: precision must be one of {', '.join(PRECISIONS)}")
        object.__setattr__(self, "severity", Severity.parse(self.severity))
        if not self.help_uri and builtin:  # our docs document the built-in rules only
            object.__setattr__(
                self, "help_uri", f"{DOCS_URL}rules.html#{self.id.lower()}"
            )


class RuleRegistry:
    """Every rule that plugins registered, and which plugin owns each.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}
        self._owners: dict[str, str] = {}

    def add(self, rule: Rule, owner: str) -> None:
        """Register ``rule`` as ``owner``'s.

        Ids starting ``SCR`` are kept for the built-in checkers, so that a
        rule id in a report, a baseline or a configuration always means the
        same check; a third party's rule with one is refused, whichever
        order the plugins are called in.
        """
        from scr_checks.pluginmanager import BUILTIN_PLUGINS, CORE_PLUGIN

        if not isinstance(rule, Rule):
            raise RuleError(f"plugin {owner!r} registered {rule!r}, which is not a Rule")
        if rule.id.startswith("SCR") and owner not in {*BUILTIN_PLUGINS, CORE_PLUGIN}:
            raise RuleError(
                f"plugin {owner!r} registers rule {rule.id}, but ids starting 'SCR' are kept "
                "for scr-checks' built-in checkers: give the plugin's rules a prefix of its "
                "own (2-4 capital letters, such as 'NSH101')"
            )
        if rule.id in self._rules:
            raise RuleError(
                f"rule {rule.id} is registered by two plugins, {self._owners[rule.id]!r} "
                f"and {owner!r}: a rule id belongs to one plugin; rename one of them"
            )
        self._rules[rule.id] = rule
        self._owners[rule.id] = owner

    def extend(self, rules: Iterable[Rule], owner: str) -> None:
        for rule in rules:
            self.add(rule, owner)

    def __getitem__(self, rule_id: str) -> Rule:
        return self._rules[rule_id]

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=lambda rule: rule.id))

    def __len__(self) -> int:
        return len(self._rules)

    def owner(self, rule_id: str) -> str:
        return self._owners[rule_id]


class Selection(NamedTuple):
    """Which rules run: ``select`` and ``ignore`` by id or prefix.

    The longest matching prefix decides (as in flake8), so ``select=["SCR7"]``
    with ``ignore=["SCR7"]`` plus ``select=["SCR701"]`` keeps just SCR701.
    An empty ``select`` selects everything.  A named tuple, as a frozen
    dataclass's generated methods are compiled at every start-up; ``in``
    asks about a rule id, not about the two fields.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def __contains__(self, rule_id: object) -> bool:
        assert isinstance(rule_id, str)
        best_select = max(
            (len(p) for p in self.select if rule_id.startswith(p)),
            default=0 if not self.select else -1,
        )
        best_ignore = max(
            (len(p) for p in self.ignore if rule_id.startswith(p)), default=-1
        )
        return best_select >= 0 and best_select > best_ignore
