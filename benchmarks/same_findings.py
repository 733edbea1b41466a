"""Check that an optimisation left every finding exactly as it was.

Run from the repository root.  ``python benchmarks/same_findings.py --save``
records the JSON output of ``scr-checks check`` over every report under
``fixtures/`` and the benchmark's generated reports (identifiers shown, so a
changed privacy span cannot hide behind the mask), with the exit status and
the error messages; after a change, running it without ``--save`` checks the
same files again (generating the reports first where they are missing) and
fails on any byte that differs.  ``--save --masked`` records the outputs
with identifiers masked instead, as users see them, for a change to
masking.  The generated reports are seeded, so they are the same each time;
the baseline keeps its list of files, so a fixture added since does not
count as a difference.

When others change the checkers in the same tree, record the baseline with
the code of a clean checkout (``--save --code DIR``, e.g. a git worktree of
the commit before yours with their changes applied): only the code comes
from ``DIR``, the reports are the same.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
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
#: Real published reviews kept outside the project (as in ``run.py``): their
#: prose makes one more report when the folder is there.
REAL = ROOT.parent / "shared" / "real-dev"
SUFFIXES = {".rst", ".md", ".txt", ".html", ".docx", ".pdf"}


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
    real = folder / "report-50k-real.rst"
    if REAL.is_dir() and not real.exists():
        corpus.write(corpus.build(50_000, prose=corpus.RealProse(REAL)), real)
    return folder


def reports() -> list[str]:
    """Every report under ``fixtures/`` and the generated ones, relative to the root."""
    found = []
    for folder in (ROOT / "fixtures", generate()):
        found += sorted(str(p.relative_to(ROOT)) for p in folder.rglob("*")
                        if p.suffix in SUFFIXES and p.is_file())
    return found


def findings(files: list[str], code: Path | None, masked: bool = False) -> str:
    """Exit status, error messages and JSON of one run over ``files``; identifiers
    shown unless ``masked``."""
    env = dict(os.environ)
    if code is not None:
        # Ahead of the installed (editable) copy: this checkout's code runs.
        env["PYTHONPATH"] = os.pathsep.join([str(code), str(code / "plugins")])
    # -P: the current folder is not put first on sys.path, so --code is what runs.
    command = [sys.executable, "-P", "-m", "scr_checks", "check", *files,
               "--format", "json", "--no-color", *([] if masked else ["--show-identifiers"])]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                         check=False)
    if not run.stdout.startswith("{"):
        sys.exit(f"scr-checks exited {run.returncode} with no JSON:\n{run.stderr}")
    return f"exit {run.returncode}\n{run.stderr}\n{run.stdout}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", action="store_true", help="record the baseline")
    parser.add_argument("--code", type=Path, help="with --save: run the code of this checkout")
    parser.add_argument("--baseline", type=Path, default=BASELINE,
                        help=f"the recorded output (default: {BASELINE.relative_to(ROOT)})")
    parser.add_argument("--masked", action="store_true",
                        help="with --save: record the outputs as users see them, identifiers "
                        "masked (for a change to masking); the check then does the same")
    args = parser.parse_args()
    if args.save:
        files = reports()
        now = findings(files, args.code and args.code.resolve(), args.masked)
        args.baseline.parent.mkdir(parents=True, exist_ok=True)
        header = {"files": files, "masked": True} if args.masked else files
        args.baseline.write_text(json.dumps(header) + "\n" + now, encoding="utf-8")
        print(f"saved the findings on {len(files)} reports to {args.baseline}")
        return 0
    first, before = args.baseline.read_text(encoding="utf-8").split("\n", 1)
    header = json.loads(first)
    # A baseline of masked outputs says so; one of a list alone shows identifiers.
    files, masked = (header["files"], True) if isinstance(header, dict) else (header, False)
    generate()  # a fresh checkout has none of them: each would differ as "no such file"
    now = findings(files, None, masked)
    if now == before:
        print(f"findings byte-identical on {len(files)} reports")
        return 0
    diff = difflib.unified_diff(before.splitlines(), now.splitlines(),
                                "baseline", "now", lineterm="", n=2)
    print("\n".join(list(diff)[:200]))
    return 1


if __name__ == "__main__":
    sys.exit(main())
