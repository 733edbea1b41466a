"""Throughput of the privacy checker against the cost of parsing the same text.

Builds a ~50,000-word reST report by repeating the privacy evaluation set,
then times (median of 5) the docutils parse and the privacy checks alone::

    python benchmarks/bench_privacy.py
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import scr_plugins.privacy

from scr_checks import CheckContext
from scr_checks.document import blocks
from scr_checks.readers.rst import RstReader
from scr_checks.testing import make_session

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "privacy"
WORDS = 50_000


def build_text() -> str:
    parts = [p.read_text("utf-8").split("\n", 4)[4] for p in sorted(FIXTURES.glob("*.rst"))]
    body, copies = "", 0
    while len(body.split()) < WORDS:
        copies += 1
        body += "\n\n".join(parts).replace("=====\n", f"=====\n\n.. copy {copies}\n") + "\n\n"
    return "=========\nBenchmark\n=========\n\n" + body


def median_time(function, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    text = build_text()
    data = text.encode("utf-8")
    session = make_session(config={"select": ["SCR2"]})
    parse = median_time(lambda: RstReader().read("bench.rst", data))
    report = RstReader().read("bench.rst", data)
    prose = blocks(report)

    def check() -> int:
        context = CheckContext(session.config, session.rules, report, prose)
        return sum(len(list(scr_plugins.privacy.scr_check_node(b, context))) for b in prose)

    found = check()
    checking = median_time(check)
    words = len(text.split())
    print(f"{words:,} words, {len(prose):,} blocks, {found:,} privacy findings")
    print(f"docutils parse {parse:.3f} s; privacy checks {checking:.3f} s "
          f"({checking / parse:.2f}x the parse, {words / checking:,.0f} words/s)")


if __name__ == "__main__":
    main()
