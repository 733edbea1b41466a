"""Measure whole ``scr-checks check`` runs against the docutils parsing floor.

Run from the repository root: ``python benchmarks/run.py``.  It writes
synthetic reports into ``benchmarks/out/`` (git-ignored), times each run as a
separate process (wall time, CPU time and peak memory of that child, median
of ``--repeat`` runs made in rounds, every row once a round, so that a burst
of load on a shared machine does not fall on one row), prints a table with
the ratios and writes it to ``benchmarks/results.md``.  A benchmark, not a
test: the figures depend on the machine, so nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import corpus

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
#: Real published reviews, kept outside the project: their sentences make the
#: real-prose report when the folder is there (see ``corpus.RealProse``).
REAL = HERE.parent.parent / "shared" / "real-dev"
#: Peers timed on the same real-prose file when installed (``pip install '.[bench]'``):
#: module to run with ``python -m``, and its arguments before the file.
PEERS = {"proselint": ["proselint", "check"], "doc8": ["doc8", "--quiet"],
         "sphinx-lint": ["sphinxlint"]}
#: sphinx-lint is timed for scale only: it matches lines and builds no tree.
PEER_NOTES = {"proselint": "target < 1", "doc8": "target < 1",
              "sphinx-lint": "for scale: matches lines, parses no tree"}
FLOOR = ("import sys; from docutils.core import publish_doctree; "
         "publish_doctree(open(sys.argv[1], encoding='utf-8').read())")
#: Rule prefixes added one plugin at a time, for the rule-count scaling rows.
TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
PREFIXES = ["SCR1", "SCR2", "SCR3", "SCR4", "SCR5", "SCR6", "SCR7", "SCR8"]
#: Children run as an installed copy does, with its modules' bytecode cached
#: (pip compiles it on install, as it did docutils' for the floor); with
#: PYTHONDONTWRITEBYTECODE set, a working tree recompiles every module each run.
CACHED = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
          "PYTHONPYCACHEPREFIX": str(OUT / "pycache")}
UNCACHED = {**{k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"},
            "PYTHONDONTWRITEBYTECODE": "1"}


@dataclass
class Timing:
    wall: float
    cpu: float
    rss_mib: float
    status: int


@dataclass
class Row:
    """One line of the table: a command, how many times to run it, and its runs."""

    label: str
    command: list[str] | None
    repeat: int
    env: dict[str, str] = field(default_factory=lambda: CACHED)
    runs: list[Timing] = field(default_factory=list)

    @property
    def timing(self) -> Timing | None:
        """The median of the runs: wall, CPU and peak memory, the worst exit."""
        if not self.runs:
            return None
        return Timing(
            statistics.median(r.wall for r in self.runs),
            statistics.median(r.cpu for r in self.runs),
            statistics.median(r.rss_mib for r in self.runs),
            max(r.status for r in self.runs),
        )


def measure(command: list[str], cwd: Path, env: dict[str, str] = CACHED) -> Timing:
    """Wall, CPU (user + system) and peak RSS of one run of ``command``.

    Peak memory comes from ``/usr/bin/time`` when there is one: a child forked
    from this (larger) process would otherwise report this process's memory.
    """
    with tempfile.NamedTemporaryFile("r", dir=cwd, suffix=".rss") as rss:
        wrapped = [TIME, "-f", "%M", "-o", rss.name, *command] if TIME else command
        start = time.perf_counter()
        child = subprocess.Popen(wrapped, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        # wait4 gives this child's own usage, its waited-for children included.
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        kib = int(rss.read().split()[-1]) if TIME else usage.ru_maxrss
    return Timing(wall, usage.ru_utime + usage.ru_stime, kib / 1024,
                  os.waitstatus_to_exitcode(status))


def measure_rounds(rows: list[Row], cwd: Path) -> None:
    """Run every row once per round, round after round, so that a burst of load
    on a shared machine falls on every row alike rather than on a few."""
    for round_number in range(max(row.repeat for row in rows)):
        print(f"  round {round_number + 1}", file=sys.stderr)
        for row in rows:
            if row.command is not None and round_number < row.repeat:
                row.runs.append(measure(row.command, cwd, row.env))


def scr_checks(command: str, *args: str) -> list[str]:
    """A run of ``scr-checks COMMAND``; the generated reports live in a git-ignored
    folder, which the walk of ``check`` would otherwise skip."""
    walks = ["--no-respect-gitignore"] if command == "check" else []
    return [sys.executable, "-m", "scr_checks", command, *walks, *args]


def supported() -> tuple[set[str], set[str]]:
    """Input suffixes and output formats of the installed scr-checks."""
    from scr_checks.loading import load_plugins
    from scr_checks.runner import Session

    session = Session(*load_plugins({}, None))
    return set(session.readers), set(session.formatters)


def rule_count(prefixes: list[str]) -> int:
    from scr_checks.loading import load_plugins
    from scr_checks.runner import Session

    session = Session(*load_plugins({}, None))
    return sum(1 for rule in session.rules if rule.id.startswith(tuple(prefixes)))


def generate(words: int, suffixes: list[str], seed: int = 1) -> dict[str, Path]:
    blocks = corpus.build(words, seed)
    return {s: corpus.write(blocks, OUT / f"report-{words // 1000}k{s}") for s in suffixes}


def generate_archive(count: int, suffixes: set[str], name: str = "archive") -> Path:
    """``count`` small reports of 300 to 4,000 words, some in Markdown."""
    folder = OUT / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for n in range(count):
        suffix = ".md" if n % 5 == 4 and ".md" in suffixes else ".rst"
        words = 300 + (n * 7919) % 3700
        corpus.write(corpus.build(words, seed=1000 + n), folder / f"scr-{n:04d}{suffix}")
    return folder


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per row, median taken (the archive runs once)")
    parser.add_argument("--archive", type=int, default=500, help="reports in the archive")
    parser.add_argument("--real", type=Path, default=REAL,
                        help="folder of real reviews whose prose makes a 50k report "
                        "(skipped when absent)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    readers, formats = supported()
    output = "sarif" if "sarif" in formats else "json"
    work = Path(tempfile.mkdtemp(prefix="scr-bench-", dir=OUT))
    target = str(work / f"out.{output}")

    print("generating reports ...", file=sys.stderr)
    wanted = [".rst", ".md", ".docx", ".pdf"]
    files = generate(50_000, [s for s in wanted if s in readers])
    files.update({f"{w}k": generate(w * 1000, [".rst"])[".rst"] for w in (25, 100)})
    one_page = corpus.write(corpus.build(400, seed=7), OUT / "report-1page.rst")
    archive = generate_archive(args.archive, readers)
    small = generate_archive(10, readers, "archive-10")
    real = corpus.write(corpus.build(50_000, prose=corpus.RealProse(args.real)),
                        OUT / "report-50k-real.rst") if args.real.is_dir() else None

    def check(path: Path, *extra: str) -> list[str]:
        return scr_checks("check", str(path), f"--{output}", target, *extra)

    def floor(path: Path) -> list[str]:
        return [sys.executable, "-c", FLOOR, str(path)]

    rst50, repeat = files[".rst"], args.repeat
    rows = [
        Row("docutils parse, 50k reST (floor)", floor(rst50), repeat),
        Row("scr-checks, 50k reST", check(rst50), repeat),
        *(Row(f"scr-checks, 50k {name}", check(files[suffix]) if suffix in files else None,
              repeat)
          for suffix, name in ((".md", "Markdown"), (".docx", "Word"), (".pdf", "PDF"))),
        *(Row(f"scr-checks {command}, 50k {name}",
              scr_checks(command, str(files[suffix]), "-o", str(work / f"copy{suffix}"))
              if suffix in files else None, repeat)
          for command, suffix, name in (("annotate", ".docx", "Word"),
                                        ("redact", ".docx", "Word"),
                                        ("redact", ".md", "Markdown"))),
        Row("docutils parse, 25k reST", floor(files["25k"]), repeat),
        Row("scr-checks, 25k reST", check(files["25k"]), repeat),
        Row("docutils parse, 100k reST", floor(files["100k"]), repeat),
        Row("scr-checks, 100k reST", check(files["100k"]), repeat),
        Row("docutils parse, one page", floor(one_page), repeat),
        Row("scr-checks, one page", check(one_page), repeat),
        Row("scr-checks, one page, bytecode not cached", check(one_page), repeat, UNCACHED),
        Row("python -c pass (interpreter)", [sys.executable, "-c", "pass"], repeat),
        Row("docutils parse, 50k real prose", floor(real) if real else None, repeat),
        Row("scr-checks, 50k real prose", check(real) if real else None, repeat),
        *(Row(f"{peer}, 50k real prose", [sys.executable, "-m", *command, str(real)]
              if real and importlib.util.find_spec(command[0]) else None, repeat)
          for peer, command in PEERS.items()),
        Row("folder of 10, --jobs 1", scr_checks("check", str(small), "--format", "json",
                                                 "-o", target), repeat),
        Row("folder of 10, --jobs 0", scr_checks("check", str(small), "--format", "json",
                                                 "-o", target, "--jobs", "0"), repeat),
    ]
    scaling_rows = []
    for n in range(1, len(PREFIXES) + 1):
        chosen = PREFIXES[:n]
        scaling_rows.append((rule_count(chosen), Row(
            f"50k reST, --select {chosen[0]}..{chosen[-1]}",
            check(rst50, "--select", ",".join(chosen)), repeat)))
    rows += [row for _, row in scaling_rows]
    rows += [
        Row(f"archive of {args.archive}, --jobs 1",
            scr_checks("check", str(archive), "--format", "json", "-o", target), 1),
        Row(f"archive of {args.archive}, --jobs 0",
            scr_checks("check", str(archive), "--format", "json", "-o", target,
                       "--jobs", "0"), 1),
    ]

    print("measuring ...", file=sys.stderr)
    measure(check(one_page), work)  # writes the bytecode cache
    measure_rounds(rows, work)
    timings = {row.label: row.timing for row in rows}
    run50, floor50 = timings["scr-checks, 50k reST"], timings["docutils parse, 50k reST (floor)"]
    run25, run100 = timings["scr-checks, 25k reST"], timings["scr-checks, 100k reST"]
    floor100 = timings["docutils parse, 100k reST"]
    run1, floor1 = timings["scr-checks, one page"], timings["docutils parse, one page"]
    archive1, archive0 = (timings[f"archive of {args.archive}, --jobs {n}"] for n in (1, 0))
    scaling = [(count, row.timing) for count, row in scaling_rows]
    assert all((run50, floor50, run25, run100, floor100, run1, floor1, archive1, archive0))
    small1, small0 = (timings[f"folder of 10, --jobs {n}"] for n in (1, 0))
    real_run, real_floor = timings["scr-checks, 50k real prose"], timings[
        "docutils parse, 50k real prose"]

    # CPU time, not wall time: on a shared machine other processes stretch
    # the wall clock.  Linearity is measured net of the one-page run, which
    # is the fixed cost of starting up and loading every plugin's data.
    ratios = [
        ("50k run / floor (CPU)", run50.cpu / floor50.cpu, "target <= 2"),
        ("50k peak memory (MiB)", run50.rss_mib, "target < 150"),
        ("100k / 50k, minus one-page run (CPU)", (run100.cpu - run1.cpu)
         / (run50.cpu - run1.cpu), "linear: about 2"),
        ("50k / 25k, minus one-page run (CPU)", (run50.cpu - run1.cpu)
         / (run25.cpu - run1.cpu), "linear: about 2"),
        ("100k / 50k floor (CPU)", floor100.cpu / floor50.cpu, "docutils itself"),
        ("one-page run (s, wall)", run1.wall, "target <= 0.15"),
        ("one-page run / floor (CPU)", run1.cpu / floor1.cpu, "target <= 1.6"),
        ("archive --jobs 1 / --jobs 0 (wall)", archive1.wall / archive0.wall,
         f"{os.cpu_count()} cores"),
        ("folder of 10: --jobs 0 / --jobs 1 (wall)", small0.wall / small1.wall if small0
         and small1 else float("nan"), "target <= 1"),
        ("archive --jobs 1 peak memory (MiB)", archive1.rss_mib, "target < 150"),
    ]
    if real_run and real_floor:
        ratios.append(("50k real prose / floor (CPU)", real_run.cpu / real_floor.cpu,
                       "target <= 2.4"))
        for peer in PEERS:
            other = timings[f"{peer}, 50k real prose"]
            if other:
                ratios.append((f"50k real prose: scr-checks / {peer} (CPU)",
                               real_run.cpu / other.cpu, PEER_NOTES[peer]))
    first_rules, first = scaling[0]
    last_rules, last = scaling[-1]
    if last_rules > first_rules and first and last:
        per_rule = (last.wall - first.wall) / (last_rules - first_rules)
        ratios.append(("seconds per added rule, 50k", per_rule,
                       f"{first_rules} to {last_rules} rules"))
    text = report([(row.label, row.timing) for row in rows], ratios, output, scaling)
    print(text)
    (HERE / "results.md").write_text(text, encoding="utf-8")
    shutil.rmtree(work)
    return 0


def report(rows: list[tuple[str, Timing | None]], ratios: list[tuple[str, float, str]],
           output: str, scaling: list[tuple[int, Timing | None]]) -> str:
    lines = [
        "# scr-checks benchmark",
        "",
        f"Machine: {cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}.",
        f"Each run: `scr-checks check FILE --{output} out.{output}`, all built-in checkers; "
        "whole process, median of the repeats (run in rounds: each round runs every row once), "
        "bytecode cached as in an installed copy.",
        "",
        "| run | wall s | CPU s | peak MiB | exit |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, timing in rows:
        if timing is None:
            lines.append(f"| {label} | n/a | n/a | n/a | |")
        else:
            lines.append(f"| {label} | {timing.wall:.2f} | {timing.cpu:.2f} | "
                         f"{timing.rss_mib:.0f} | {timing.status} |")
    lines += ["", "| ratio | value | note |", "|---|---:|---|"]
    lines += [f"| {name} | {value:.3g} | {note} |" for name, value, note in ratios]
    lines += ["", "Rules selected, 50k reST: " + ", ".join(
        f"{count} rules {t.wall:.2f} s" for count, t in scaling if t), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
