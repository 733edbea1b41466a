"""Fingerprints: what makes a finding the same finding from one run to the next.

Baselines and code scanning match findings by them.  A fingerprint is built
from the rule, the path and the text around the finding (the sentence or
block, white space folded), never its line, so an edit elsewhere in the
report does not change it.  The text is taken as the outputs show it, with
every identifier found in the report masked: a fingerprint holds nothing the
output does not already show, so hashing guesses of a masked name against it
finds nothing, and no key has to be kept secret.  Findings with the same
material are told apart by their order (``:1``, ``:2`` …).

Version 1 (until baselines of version 2) hashed the unmasked text with a
configurable key; :func:`v1_fingerprints` recomputes those only so that a
baseline written then still matches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from scr_checks.blake import blake2b
from scr_checks.results import Finding

#: The version of the recipe; SARIF's ``scrFinding/v<N>`` and baselines name it.
VERSION = 2


def fingerprint(rule_id: str, path: str, material: str, occurrence: int,
                key: bytes = b"") -> str:
    """``<16 hex digits>:<occurrence>`` from the rule, path and material."""
    return f"{_digest(rule_id, path, material, key)}:{occurrence}"


def _digest(rule_id: str, path: str, material: str, key: bytes = b"") -> str:
    return _folded_digest(rule_id, path, _encoded(" ".join(material.split())), key)


def _folded_digest(rule_id: str, path: str, folded: bytes, key: bytes = b"") -> str:
    """:func:`_digest` of a material already folded and encoded (:func:`_encoded`):
    the hash of the rule, path and material joined, fed in two parts, so that a
    long paragraph flagged by many rules is folded and encoded once, not once a rule."""
    digest = blake2b(_encoded(f"{rule_id}\x1f{path}\x1f"), digest_size=8, key=key)
    digest.update(folded)
    return digest.hexdigest()


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def fingerprints(findings: Sequence[Finding], masked: Callable[[str], str],
                 path: str) -> list[str]:
    """The fingerprint of each finding (in order) of the file at ``path`` (from the
    project root), from its masked context.

    A fingerprint a plugin set itself is kept.
    """
    seen: Counter[tuple[str, str]] = Counter()
    #: Each distinct text's material, and each (rule, material)'s digest, made
    #: once: a paragraph's findings share its text, and re-reading a long
    #: paragraph for each of its findings made fingerprints quadratic.
    materials: dict[str, str] = {}
    digests: dict[tuple[str, str], str] = {}
    #: Each material encoded, once, for the first rule that needs its digest.
    encoded: dict[str, bytes] = {}
    out = []
    for finding in findings:
        text = finding.context or finding.message
        material = materials.get(text)
        if material is None:
            material = materials[text] = " ".join(masked(text).split())
        key = (finding.rule_id, material)
        seen[key] += 1
        if finding.fingerprint:
            out.append(finding.fingerprint)
            continue
        digest = digests.get(key)
        if digest is None:
            folded = encoded.get(material)
            if folded is None:
                folded = encoded[material] = _encoded(material)
            digest = digests[key] = _folded_digest(finding.rule_id, path, folded)
        out.append(f"{digest}:{seen[key]}")
    return out


def v1_fingerprints(findings: Sequence[Finding], key: str, path: str) -> list[str]:
    """Each finding's version-1 fingerprint (in order), exactly as version 1 made it.

    The unmasked context keyed with ``key``, numbered in version 1's order,
    which did not count columns in Word and PDF paragraphs.
    """
    def old_order(index: int) -> tuple[object, ...]:
        f = findings[index]
        loc = f.location
        return (loc.path, loc.line or 0, loc.paragraph_index or 0,
                (loc.column or 0) if loc.line is not None else 0, f.rule_id, f.message)

    raw = key.encode("utf-8")[:64]
    seen: Counter[tuple[str, str]] = Counter()
    #: Each (rule, context)'s digest, made once, as :func:`fingerprints` does.
    digests: dict[tuple[str, str], str] = {}
    out = [""] * len(findings)
    for index in sorted(range(len(findings)), key=old_order):
        finding = findings[index]
        seen[(finding.rule_id, finding.context or finding.message)] += 1
        if finding.fingerprint:
            out[index] = finding.fingerprint
            continue
        digest = digests.get((finding.rule_id, finding.context))
        if digest is None:
            digest = digests[(finding.rule_id, finding.context)] = _digest(
                finding.rule_id, path, finding.context, raw)
        out[index] = f"{digest}:{seen[(finding.rule_id, finding.context or finding.message)]}"
    return out
