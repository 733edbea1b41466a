"""Check that an optimisation left every finding exactly as it was.

Run from the repository root.  ``python benchmarks/same_findings.py --save``
records the JSON output of ``scr-checks check`` over every report under
``fixtures/`` and the benchmark's generated reports (identifiers shown, so a
changed privacy span cannot hide behind the mask), with the exit status and
the error messages; after a change, running it without ``--save`` checks the
output again and fails on any byte that differs.  The generated reports are
seeded, so they are the same each time.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

import corpus

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out" / "findings"
BASELINE = HERE / "out" / "findings-baseline.txt"
#: A short archive: the 500-report one adds time, not variety.
ARCHIVE = 40


def generate() -> Path:
    """The benchmark's reports, written (once) into ``benchmarks/out/findings``."""
    folder = OUT / "generated"
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {f"report-50k{s}": (50_000, 1) for s in (".rst", ".md", ".docx", ".pdf")}
    wanted |= {"report-25k.rst": (25_000, 1), "report-100k.rst": (100_000, 1),
               "report-1page.rst": (400, 7)}
    wanted |= {f"archive/scr-{n:04d}{'.md' if n % 5 == 4 else '.rst'}":
               (300 + (n * 7919) % 3700, 1000 + n) for n in range(ARCHIVE)}
    for name, (words, seed) in wanted.items():
        path = folder / name
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            corpus.write(corpus.build(words, seed), path)
    return folder


def findings() -> str:
    """Exit status, error messages and JSON of one run over every report."""
    generated = generate().relative_to(ROOT)
    command = [sys.executable, "-m", "scr_checks", "check", "fixtures", str(generated),
               "--format", "json", "--show-identifiers", "--no-color"]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if not run.stdout.startswith("{"):
        sys.exit(f"scr-checks exited {run.returncode} with no JSON:\n{run.stderr}")
    return f"exit {run.returncode}\n{run.stderr}\n{run.stdout}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", action="store_true", help="record the baseline")
    parser.add_argument("--baseline", type=Path, default=BASELINE,
                        help=f"the recorded JSON (default: {BASELINE.relative_to(ROOT)})")
    args = parser.parse_args()
    now = findings()
    if args.save:
        args.baseline.parent.mkdir(parents=True, exist_ok=True)
        args.baseline.write_text(now, encoding="utf-8")
        print(f"saved {len(now):,} characters of findings to {args.baseline}")
        return 0
    before = args.baseline.read_text(encoding="utf-8")
    if now == before:
        print("findings byte-identical")
        return 0
    diff = difflib.unified_diff(before.splitlines(), now.splitlines(),
                                "baseline", "now", lineterm="", n=2)
    print("\n".join(list(diff)[:200]))
    return 1


if __name__ == "__main__":
    sys.exit(main())
