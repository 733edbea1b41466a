"""The formats page shows one Word finding exactly as each output writes it today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_docx_finding_examples_are_what_scr_checks_writes():
    spec = importlib.util.spec_from_file_location("docs_examples",
                                                  ROOT / "scripts" / "docs_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.examples()
    assert set(written) == {"docx-finding.txt", "docx-finding.json", "docx-finding.sarif",
                            "docx-finding.xml"}
    for name, text in written.items():
        shown = (ROOT / "docs" / "examples" / name).read_text(encoding="utf-8")
        assert shown == text, f"docs/examples/{name} is stale: run scripts/docs_examples.py"
    formats = (ROOT / "docs" / "formats.rst").read_text(encoding="utf-8")
    assert all(f"examples/{name}" in formats for name in written)
