"""Write docs/examples/docx-finding.*: one Word finding as each output shows it.

docs/formats.rst includes these files, and tests/docs/test_docx_finding.py
checks that they are what scr-checks writes now, so the page cannot drift.
Run from anywhere after a change to an output format:

    python scripts/docs_examples.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from lxml import etree

from scr_checks.formatters.json import finding_data
from scr_checks.formatters.text import TextFormatter
from scr_checks.testing import make_session

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "docs" / "examples"
#: The report and the finding shown: a Word paragraph with a number and a heading path.
REPORT = "fixtures/reports/same/report.docx"
RULE = "SCR301"


def examples() -> dict[str, str]:
    """File name in docs/examples -> its text; paths are shown from the repository root."""
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        session = make_session()
        run = session.run([REPORT])
    finally:
        os.chdir(here)
    (finding,) = [f for f in run.findings if f.rule_id == RULE]
    render = {name: session.formatters[name](session.config).render(run)
              for name in ("sarif", "junit")}
    (result,) = [r for r in json.loads(render["sarif"])["runs"][0]["results"]
                 if r["ruleId"] == RULE]
    case = next(c for c in etree.fromstring(render["junit"].encode("utf-8")).iter("testcase")
                if c.get("name", "").startswith(RULE))
    case.tail = None
    etree.indent(case)
    return {
        "docx-finding.txt": TextFormatter(session.config).line(finding) + "\n",
        "docx-finding.json": json.dumps(finding_data(finding), indent=2, sort_keys=True,
                                        ensure_ascii=False) + "\n",
        "docx-finding.sarif": json.dumps(result, indent=2, sort_keys=True,
                                         ensure_ascii=False) + "\n",
        "docx-finding.xml": etree.tostring(case, encoding="unicode", pretty_print=True),
    }


def main() -> None:
    for name, text in examples().items():
        (EXAMPLES / name).write_text(text, encoding="utf-8")
        print(f"wrote docs/examples/{name}")


if __name__ == "__main__":
    main()
