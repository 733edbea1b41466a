"""Fingerprints hold nothing the output does not show, so no key has to be kept."""

from __future__ import annotations

import hashlib

import pytest

from scr_checks.fingerprints import fingerprint
from scr_checks.testing import check_paths

REPORT = ("Contact\n=======\n\nChild A stayed with {name}, and the health visitor failed "
          "to call.\n")


def test_the_identifier_found_does_not_change_the_fingerprints(tmp_path):
    path = tmp_path / "report.rst"

    def prints(name: str, **config: object) -> list[tuple[str, str]]:
        path.write_text(REPORT.format(name=name), encoding="utf-8")
        run = check_paths([path], config={"select": ["SCR201", "SCR701"], **config})
        return [(f.rule_id, f.fingerprint) for f in run.findings]

    kerry = prints("Kerry Blackwood")
    assert [rule for rule, _ in kerry] == ["SCR201", "SCR701"]
    assert prints("Jane Moss") == kerry
    assert prints("Kerry Blackwood", show_identifiers=True) == kerry


def test_a_fingerprint_is_the_hash_of_the_masked_text_the_output_shows(tmp_path):
    path = tmp_path / "report.rst"
    path.write_text(REPORT.format(name="Kerry Blackwood"), encoding="utf-8")
    (name, blame) = check_paths([path], config={"select": ["SCR201", "SCR701"]},
                                config_path=tmp_path / "scr-checks.toml").findings
    shown = "Child A stayed with [name], and the health visitor failed to call."
    assert name.fingerprint == fingerprint("SCR201", "report.rst", shown, 1)
    assert blame.fingerprint == fingerprint("SCR701", "report.rst", shown, 1)
    raw = shown.replace("[name]", "Kerry Blackwood")
    assert name.fingerprint != fingerprint("SCR201", "report.rst", raw, 1)


def test_a_paragraphs_findings_read_its_text_once_and_are_numbered_in_turn():
    """Ten thousand findings in one long paragraph read it once, not each."""
    from scr_checks.fingerprints import fingerprints
    from scr_checks.results import Finding, Location, Severity

    paragraph = "On 1.2.2019 and 2.2.2019. " * 2000
    found = [Finding("SCR205", "Full date", Severity.WARNING, Location("r.txt"),
                     context=paragraph) for _ in range(10_000)]
    read: list[str] = []

    def masked(text: str) -> str:
        read.append(text)
        return text.replace("2019", "[date]")

    prints = fingerprints(found, masked, "r.txt")
    assert len(read) == 1
    digest = fingerprint("SCR205", "r.txt", paragraph.replace("2019", "[date]"), 1)
    assert prints[0] == digest
    assert prints[-1] == digest.replace(":1", ":10000")


@pytest.mark.parametrize("key", [b"", b"a baseline key"])
def test_a_digest_is_the_hash_of_the_rule_path_and_folded_text_joined(key):
    """The recipe baselines hold: fed in parts, the hash is still that of the whole."""
    material = "Été  with\n a lone \ud800 half and \U0001f600"
    whole = "\x1f".join(["SCR201", "reports/r.rst", " ".join(material.split())])
    expected = hashlib.blake2b(whole.encode("utf-8", "surrogatepass"), digest_size=8,
                               key=key).hexdigest()
    assert fingerprint("SCR201", "reports/r.rst", material, 3, key) == f"{expected}:3"
