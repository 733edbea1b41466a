"""The getting-started page shows a finding line the sample report really gives."""

from __future__ import annotations

import re
from pathlib import Path

from scr_checks.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_the_first_run_example_line_is_what_the_sample_gives(capsys, monkeypatch):
    page = (ROOT / "docs" / "getting-started.rst").read_text(encoding="utf-8")
    shown = re.search(r"^    (fixtures/reports/sample\.rst:\d+:\d+: SCR\d+ .*)$", page,
                      re.MULTILINE)
    assert shown is not None
    monkeypatch.chdir(ROOT)
    main(["check", "fixtures/reports/sample.rst", "--no-color", "-q"])
    assert shown.group(1) in capsys.readouterr().out.splitlines()
