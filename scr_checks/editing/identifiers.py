"""Which identifiers to replace, and the placeholder each one gets.

An identifier is the ``secret`` of a finding whose rule (or the finding
itself) names a placeholder.  The same text always gets the same
placeholder, and so does the same person: a title with a surname ("Ms
Moss") or a lone first name or surname ("Jane") gets the placeholder of the
one full name it belongs to ("Jane Moss"), when only one fits.  A person's
surname and given name are replaced on their own, as written, even where no
rule found them alone.  A pseudonym
map from the configuration is used first ("Jane Moss" = "Mother"); a name in
it is replaced even where no rule found it, since its author says it is real.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import regex

from scr_checks.exceptions import ConfigError
from scr_checks.masking import TITLE, given_name, surname
from scr_checks.patterns import compiled
from scr_checks.results import Finding
from scr_checks.rules import RuleRegistry

#: The tag of rules whose identifiers are people.
PERSON = "person"
_WORD = compiled(r"[\p{L}\p{M}'’-]+")


@dataclass(frozen=True)
class Identifier:
    """One identifier's text, the rule that found it and what replaces it."""

    text: str
    rule_id: str
    placeholder: str


def assign(findings: Iterable[Finding], rules: RuleRegistry, pseudonyms: Mapping[str, str],
           text: str = "") -> list[Identifier]:
    """The identifiers of ``findings`` (suppressed ones left out), longest first.

    Numbers follow the order identifiers first appear in ``text`` (the
    report's text); those it does not hold come after.
    """
    def first_seen(finding: Finding) -> tuple[int, bool]:
        """Where the text first has it; a finding on the text (with a snippet)
        before one about a comment or property, whose rule is less exact."""
        at = text.find(finding.secret)
        return (at if at >= 0 else len(text)), not finding.snippet

    found: dict[str, tuple[str, str, bool]] = {}
    for finding in sorted(findings, key=first_seen):
        if finding.suppressed or not finding.secret.strip() or finding.rule_id not in rules:
            continue
        rule = rules[finding.rule_id]
        template = str(finding.properties.get("placeholder") or rule.placeholder)
        if template and finding.secret not in found:
            found[finding.secret] = (rule.id, template, PERSON in rule.tags)
    # A surname or given name on its own is the person's too ("Thornbury
    # failed to ...", "Pettigrew's partner", "Margaret said"), though no rule
    # flags it there.
    alone: dict[str, str] = {}
    for text, (rule_id, template, person) in list(found.items()):
        for word in (surname(text), given_name(text)) if person else ():
            if word and word not in found:
                found[word] = (rule_id, template, True)
                alone.setdefault(word, text)
    for real in pseudonyms:
        found.setdefault(real, ("config", "", True))
    owner = _people({text: person for text, (_, _, person) in found.items()})
    for word, text in alone.items():
        # "Pettigrew" alone is the "Mrs Pettigrew" it came from, when no full
        # name claims it; a surname two full names share keeps its own.
        if word not in owner and len(_names(text)) < 2:
            owner[word] = owner.get(text, text)
    numbers: dict[str, dict[str, int]] = {}
    shown: dict[str, str] = {}
    for text in found:
        key = owner.get(text, text)
        if key in shown:
            continue
        if key in pseudonyms:
            shown[key] = pseudonyms[key]
            continue
        _, template, _ = found[key]
        if "{n}" in template:
            counter = numbers.setdefault(template, {})
            counter[key] = len(counter) + 1
            template = template.replace("{n}", str(counter[key]))
        shown[key] = f"[{template}]"
    out = [Identifier(text, rule, shown[owner.get(text, text)])
           for text, (rule, _, _) in found.items()]
    return sorted(out, key=lambda i: -len(i.text))


def _people(people: Mapping[str, bool]) -> dict[str, str]:
    """For each partial name, the one full name it belongs to (when only one fits)."""
    full = {text: _names(text) for text, person in people.items()
            if person and len(_names(text)) >= 2}
    owner: dict[str, str] = {}
    for text, person in people.items():
        names = _names(text)
        if not person or text in full or not names:
            continue
        fits = [name for name, words in full.items()
                if (len(names) == 1 and names[0] in words) or
                (len(names) > 1 and set(names) <= set(words))]
        if len(fits) == 1:
            owner[text] = fits[0]
    return owner


def _names(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if not TITLE.fullmatch(w)]


def pseudonyms(value: object, source: str) -> dict[str, str]:
    """The ``[redact] pseudonyms`` table, checked: real text = the name to use."""
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
            for k, v in value.items()):
        raise ConfigError(f"{source}: 'redact.pseudonyms' must be a table of "
                          "text = pseudonym, both non-empty strings")
    return {k: v for k, v in value.items()}


def finder(identifiers: Iterable[Identifier]) -> regex.Pattern[str] | None:
    """One pattern for every identifier, longest first, as whole words; white
    space in an identifier matches any white space (a line break, a tab)."""
    parts = []
    for identifier in sorted(identifiers, key=lambda i: -len(i.text)):
        words = identifier.text.split()
        body = r"\s+".join(regex.escape(word) for word in words)
        head = r"(?<![\p{L}\p{N}])" if identifier.text[0].isalnum() else ""
        tail = r"(?![\p{L}\p{N}])" if identifier.text[-1].isalnum() else ""
        parts.append(f"{head}{body}{tail}")
    return regex.compile("|".join(parts)) if parts else None


def lookup(identifiers: Iterable[Identifier]) -> dict[str, Identifier]:
    """Identifiers by their text with white space folded, as :func:`finder` matches."""
    return {" ".join(i.text.split()): i for i in identifiers}
