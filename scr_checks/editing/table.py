"""What ``scr-checks redact`` changes, as a table for people, and the identifier map.

The table masks every identifier ("[name]") unless identifiers are shown,
like every other output; the map, which pairs each real identifier
with its placeholder, is only ever written to the file its own option names.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from scr_checks.editing.identifiers import Identifier
from scr_checks.masking import mask
from scr_checks.rules import RuleRegistry
from scr_checks.terminal import terminal_safe

if TYPE_CHECKING:
    from scr_checks.editing.redact import Redacted

_HIDDEN_KINDS = {
    "comment": "comment", "property": "document property", "deletion": "tracked deletion",
    "hidden-text": "hidden text", "field-code": "field code", "link": "link target",
    "markup": "outside the text", "not replaced": "NOT REPLACED",
}


def redaction_table(done: Redacted, shown: str, show: bool, strip: bool,
                    rules: RuleRegistry) -> str:
    """One line per replacement, then what is outside the text; safe for a terminal.

    An identifier is shown as its rule's mask ("[name]") unless ``show``.
    """
    def seen(identifier: Identifier) -> str:
        if show:
            return terminal_safe(identifier.text)
        rule = rules[identifier.rule_id] if identifier.rule_id in rules else None
        return mask(rule.masked_as if rule else "")

    rows = [(r.identifier.placeholder, seen(r.identifier), r.identifier.rule_id,
             terminal_safe(r.where) + ("" if r.done else " (NOT REPLACED: the words could "
                                        "not be traced in the file)"))
            for r in done.replacements]
    lines = [f"{terminal_safe(shown)}: {len(done.identifiers)} identifier"
             f"{'s' if len(done.identifiers) != 1 else ''}, {len(rows)} occurrence"
             f"{'s' if len(rows) != 1 else ''} in the text"]
    lines += _columns(("PLACEHOLDER", "IDENTIFIER", "RULE", "WHERE"), rows)
    if done.leaks:
        action = "removed" if strip else "left in the copy: --strip-hidden removes them"
        lines += ["", f"Identifiers outside the text ({action}):"]
        lines += _columns(("WHAT", "IDENTIFIER", "WHERE"), [
            (_HIDDEN_KINDS.get(leak.kind, leak.kind), seen(leak.identifier),
             terminal_safe(leak.where)) for leak in done.leaks])
    return "\n".join(lines) + "\n"


def _columns(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    if not rows:
        return ["  (none)"]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    return ["  " + "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths,
                                                                        strict=False)),
                              row[-1]]).rstrip() for row in [header, *rows]]


def identifier_map(done: Redacted) -> str:
    """Each real identifier with its placeholder and rule, as JSON."""
    return json.dumps({"identifiers": [
        {"identifier": i.text, "placeholder": i.placeholder, "rule": i.rule_id}
        for i in done.identifiers]}, indent=2, ensure_ascii=False) + "\n"
