"""Read time per format for a ~50,000-word report (whole process, median of 3).

Generates the report from the fixture block model (``fixtures/generate.py``)
in every format into a temporary folder, then times a fresh Python process
that imports scr-checks, reads the file and cuts it into blocks, so start-up
and imports are included as a user would pay them.  Not a test: run

    python benchmarks/read_formats.py [--words 50000] [--runs 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READ = """
import sys
from pathlib import Path
from scr_checks.document import blocks
from scr_checks.testing import make_session
path = Path(sys.argv[1])
report = make_session(autoload=False).read(path, path.name)
print(len(blocks(report)))
"""


def load_generator():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "fixtures" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(path: Path, runs: int) -> tuple[float, str]:
    times, blocks = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", READ, str(path)], capture_output=True,
                              text=True, check=True)
        times.append(time.perf_counter() - start)
        blocks = done.stdout.strip()
    return statistics.median(times), blocks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    generate = load_generator()
    report = generate.generate_report(args.words)
    words = sum(len(generate.final_text(b[1]).split()) for b in report if b[0] == "para")
    with tempfile.TemporaryDirectory() as folder:
        paths = generate.write_same(Path(folder), report)
        rows = []
        for path in paths:
            seconds, blocks = timed(path, args.runs)
            rows.append((path.suffix.lstrip("."), path.stat().st_size, blocks, seconds))
    base = next(seconds for suffix, *_, seconds in rows if suffix == "rst")
    print(f"{words:,} words of paragraphs; whole-process median of {args.runs} runs\n")
    print(f"{'format':<7}{'bytes':>11}{'blocks':>8}{'seconds':>9}{'x rst':>7}")
    for suffix, size, blocks, seconds in rows:
        print(f"{suffix:<7}{size:>11,}{blocks:>8}{seconds:>9.3f}{seconds / base:>7.2f}")


if __name__ == "__main__":
    main()
