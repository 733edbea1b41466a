"""Time per megabyte of every checker on text of pathological shape.

A report is rarely a million capitalised words or a paragraph of dates, but a
checker whose time grows faster than its input can be run into the per-file
time limit by one.  This writes each shape below at the sizes asked for (one
paragraph of that size, the hardest case for anything that works per
paragraph, and read as the report's text: a block of over 300 words is
never a title page, where identifiers are the report's own and not
reported), reads it with the plain-text reader and times each plugin's
checks on it in this process (processor time, steadier than the clock on a
shared machine), with no time limit and the collector tuned as a run tunes
it.  Each shape is timed three times at each size (``--repeat``) and the
least taken.  Ordinary prose, in ordinary paragraphs, is the reference,
timed at each size before the first shape and after each timing of one:
every shape's time per megabyte is given as a ratio to the least of the
prose timings either side of its own, so that a machine's drift in speed
does not move it.  Run from the repository root::

    python benchmarks/shapes.py                 # 1 MB and 10 MB
    python benchmarks/shapes.py --sizes 0.25 1 --repeat 1  # quicker
    python benchmarks/shapes.py --shapes dates "name lists" --by-plugin

``--whole-run`` times ``scr-checks check`` instead, as a user runs it, in a
process of its own for each timing (its processor time and its workers'):
reading, checks, masking every identifier found in each finding's text,
fingerprints and the JSON written.  A paragraph of names then costs what
its thousands of findings cost as well, up to the ``max_findings`` cap.
The default sizes are then 1 and 7.5 MB: a run refuses a text of over
8,000,000 characters (``max_text_size``)::

    python benchmarks/shapes.py --whole-run --shapes "capitalised words" addresses

Shapes of many small blocks (a hundred thousand one-word paragraphs, a
run of numbered titles) are timed after, per thousand blocks, at
``--block-sizes`` (0.1 and 1 MB).  A shape whose time per megabyte, or per
thousand blocks, rises with the size is super-linear.  A
benchmark, not a test: ``tests/integration/test_linear_time.py`` checks the
same shapes at two small sizes, that the larger takes no more time than its
size allows.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

from scr_checks import CheckContext, Layout  # noqa: E402
from scr_checks.cli import settled_garbage_collector  # noqa: E402
from scr_checks.config import READER_LIMITS  # noqa: E402
from scr_checks.document import blocks  # noqa: E402
from scr_checks.testing import make_session  # noqa: E402

MB = 1_000_000
FIRST = ["Sarah", "James", "Emily", "Dean", "Grace", "Mohammed", "Kayleigh", "Oliver",
         "Savannah", "Tyler", "Amber", "Jayden"]
SURNAMES = ["Collins", "Walsh", "Brennan", "Marwick", "Castellane", "Okafor", "Moss",
            "Pritchard", "Nowak", "Fenwick"]
ACRONYMS = ["NHS", "GP", "CSC", "MASH", "CAMHS", "LSCB", "SCR", "ICPC", "CIN", "CP", "HD", "SR"]
MONTHS = ["January", "March", "June", "September", "October", "December"]
CAPITALISED = ["Alder", "Brook", "Cedar", "Early", "Help", "Serious", "Case", "Review",
               "Children", "Services", "Grace", "Will", "Summer", "Castle", "North",
               "Primary", "School", "Street", "Road", "Mr", "Dr", "Mrs", "Trust"]


def _fill(size: int, pieces: Callable[[random.Random], str], sep: str = " ") -> str:
    """Pieces joined by ``sep`` until the text is ``size`` characters long."""
    r = random.Random(1)
    out: list[str] = []
    total = 0
    while total < size:
        piece = pieces(r)
        out.append(piece)
        total += len(piece) + len(sep)
    return sep.join(out)[:size]


def _date(r: random.Random) -> str:
    return f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(1990, 2024)}"


def _words(r: random.Random) -> str:
    return " ".join(r.sample(corpus.VOCABULARY, 8))


def prose(size: int) -> str:
    """Ordinary prose in ordinary paragraphs: the reference."""
    source = corpus.Prose(1)
    out: list[str] = []
    total = 0
    while total < size:
        paragraph = source.paragraph(5)
        out.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(out)


SHAPES: dict[str, Callable[[int], str]] = {
    "prose": prose,
    "prose, one paragraph": lambda size: prose(size).replace("\n\n", " "),
    "no punctuation": lambda size: _fill(size, _words),
    "capitalised words": lambda size: _fill(size, lambda r: r.choice(CAPITALISED)),
    "digit runs": lambda size: _fill(size, lambda r: "".join(
        r.choice("0123456789") for _ in range(r.randint(5, 400)))),
    "one digit run": lambda size: "7" * size,
    "dates": lambda size: _fill(size, _date, ", "),
    "dotted dates": lambda size: _fill(
        size, lambda r: f"{r.randint(10, 28)}.{r.randint(10, 12)}.{r.randint(10, 24)}"),
    "born on": lambda size: _fill(size, lambda r: f"born on {_date(r)}"),
    "phone numbers": lambda size: _fill(size, lambda r: f"07700 {r.randint(900000, 900999)}"),
    "name lists": lambda size: _fill(
        size, lambda r: f"{r.choice(FIRST)} {r.choice(SURNAMES)}", ", "),
    "after Mr": lambda size: "Mr " + _fill(size - 3, _words),
    "after Mr, capitalised": lambda size: "Mr " + _fill(
        size - 3, lambda r: r.choice(SURNAMES)),
    "addresses": lambda size: _fill(
        size, lambda r: f"{r.randint(1, 99)} {r.choice(SURNAMES)} Road", ", "),
    "ages": lambda size: _fill(size, lambda r: f"{r.randint(1, 12)} months {r.randint(1, 4)} "
                               "weeks"),
    "declarations": lambda size: _fill(
        size, lambda r: f"referred to in this report as {r.choice(FIRST)}", " and "),
    "quotations": lambda size: _fill(size, lambda r: f"'{_words(r)}'"),
    "acronyms": lambda size: _fill(size, lambda r: r.choice(ACRONYMS)),
    "prose in capitals": lambda size: prose(size).upper(),
}
#: Shapes of many small blocks, whose cost is the work done once a block (a
#: reader's node, each checker's call, the layout's reading of each): timed
#: per thousand blocks, which stays the same at every size if that work does.
BLOCK_SHAPES: dict[str, Callable[[int], str]] = {
    "short paragraphs": lambda size: _fill(
        size, lambda r: r.choice(["Word.", "The child.", "Seen at home."]), "\n\n"),
    "numbered titles": lambda size: _fill(
        size, lambda r: f"{r.randint(1, 9)}.{r.randint(1, 9)} {' '.join(r.sample(CAPITALISED, 3))}",
        "\n\n"),
    "one-sentence paragraphs": lambda size: _fill(size, lambda r: f"{_words(r)}.", "\n\n"),
    "list items": lambda size: _fill(size, lambda r: f"- {_words(r)}", "\n"),
}


def check_times(text: str, clock: Callable[[], float] = time.perf_counter) -> dict[str, float]:
    """Seconds each plugin's checks take on ``text`` read as a plain-text report.

    The garbage of the timings before is collected first, untimed: a report's
    tree holds cycles, which only a full collection frees, and the first
    shape whose own objects set one off paid for all the prose timed before
    it (0.65 s in 1.8 s for a megabyte of dotted dates).  A run checks each
    file in a process of its own, which no other file's garbage reaches.
    """
    gc.collect()
    # The readers refuse a text of over 8,000,000 characters (max_text_size):
    # lifted here, so that the 10 MB shapes are timed rather than refused.
    session = make_session({"max_text_size": 1_000_000_000, "max_blocks": 100_000_000})
    start = clock()
    report = session.read_bytes(text.encode("utf-8"), ".txt", "shape.txt")
    context = CheckContext(session.config, session.rules, report, blocks(report))
    Layout.of(context)
    times = {"reading": clock() - start}
    for hook in ("scr_check_document", "scr_check_node"):
        for owner, function, argnames in session.pm.implementations(hook):
            args = {"report": report, "context": context}
            start = clock()
            if hook == "scr_check_document":
                list(function(**{a: args[a] for a in argnames}) or ())
            else:
                for block in context.blocks:
                    list(function(**{a: {**args, "block": block}[a] for a in argnames}) or ())
            times[owner] = times.get(owner, 0.0) + clock() - start
    return times


def whole_run_times(text: str) -> dict[str, float]:
    """Processor seconds of ``scr-checks check`` on ``text`` written to a file, with
    the defaults only, as a user runs it, its workers' included."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "shape.txt")
        path.write_text(text, encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-m", "scr_checks", "check", str(path), "--isolated",
                        "--format", "json", "-o", os.devnull], capture_output=True, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"whole run": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime}


#: The most characters a whole run reads (``max_text_size``).
MOST_READ = READER_LIMITS["max_text_size"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+",
                        help="sizes in megabytes (default: 1 10; with --whole-run 1 7.5)")
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=list(SHAPES),
                        metavar="SHAPE",
                        help="shapes of one paragraph to time, each quoted if it holds a "
                        "space (default: all but 'prose', the reference, which is always "
                        f"timed): {'; '.join(repr(s) for s in SHAPES if s != 'prose')}; the "
                        "shapes of many blocks are chosen by --block-sizes")
    parser.add_argument("--by-plugin", action="store_true",
                        help="also print each plugin's seconds per megabyte")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timings of each shape at each size, the least taken "
                             "(default: 3; 1 for a quicker look)")
    parser.add_argument("--block-sizes", type=float, nargs="*", default=[0.1, 1],
                        help="sizes in megabytes of the shapes of many blocks "
                             "(default: 0.1 1; none to leave them out)")
    parser.add_argument("--whole-run", action="store_true",
                        help="time whole runs of scr-checks check, as a user runs it, not the "
                             "checks alone")
    args = parser.parse_args()
    shapes = [s for s in args.shapes if s != "prose"]
    sizes = args.sizes or ([1, 7.5] if args.whole_run else [1, 10])
    if args.whole_run:
        if max(sizes) * MB > MOST_READ:
            parser.error(f"a whole run refuses a text of over {MOST_READ:,} characters "
                         f"(max_text_size): sizes up to {MOST_READ / MB:g} MB")
        _print_table(shapes, sizes, False, max(1, args.repeat), whole_run_times)
        return
    check_times(prose(50_000))  # start-up: word lists loaded, patterns compiled
    with settled_garbage_collector():
        _print_table(shapes, sizes, args.by_plugin, max(1, args.repeat))
        if args.block_sizes:
            _print_block_table(args.block_sizes)


class _Reference:
    """Ordinary prose, timed at each size before the first shape and again after
    each timing of a shape.  A shape's time is the least of its timings, and
    its ratio is to the least of the prose timings either side of them: a
    shared machine's speed drifts by a third over a few minutes, and only
    adds to a timing, so a reference timed once at the start moved the last
    shapes' ratios with it, and a single timing of a shape moved its own."""

    def __init__(self, sizes: list[float], timer: Callable[[str], dict[str, float]]) -> None:
        self.texts = {size: prose(int(size * MB)) for size in sizes}
        self.timings: dict[float, list[float]] = {size: [] for size in sizes}
        self.timer = timer

    def time(self, size: float) -> float:
        """Seconds per megabyte of the prose at ``size``, timed now."""
        per_mb = sum(self.timer(self.texts[size]).values()) / size
        self.timings[size].append(per_mb)
        return per_mb


def _checks_times(text: str) -> dict[str, float]:
    return check_times(text, time.process_time)


def _print_table(shapes: list[str], sizes: list[float], by_plugin: bool, repeat: int,
                 timer: Callable[[str], dict[str, float]] = _checks_times) -> None:
    """Each shape's seconds per megabyte by ``timer``, and its ratio to prose's."""
    reference = _Reference(sizes, timer)
    before = {size: reference.time(size) for size in sizes}
    print(f"| shape | {' | '.join(f'{s:g} MB: s/MB (x prose)' for s in sizes)} |")
    print(f"|---|{'---|' * len(sizes)}")
    for shape in shapes:
        cells = []
        by_size = []
        for size in sizes:
            text = SHAPES[shape](int(size * MB))
            timings = []
            around = [before[size]]
            for _ in range(repeat):
                timings.append(timer(text))
                around.append(reference.time(size))
            times = min(timings, key=lambda t: sum(t.values()))
            per_mb = sum(times.values()) / size
            cells.append(f"{per_mb:.2f} ({per_mb / min(around):.1f}x)")
            before[size] = around[-1]
            by_size.append({owner: seconds / size for owner, seconds in times.items()})
        print(f"| {shape} | {' | '.join(cells)} |", flush=True)
        if by_plugin:
            top = sorted(by_size[-1], key=lambda owner: -by_size[-1][owner])[:4]
            print("    s/MB at each size: " + "; ".join(
                f"{owner} {' '.join(f'{t[owner]:.2f}' for t in by_size)}" for owner in top),
                flush=True)
    print("| prose (median; least-most) | " + " | ".join(
        f"{statistics.median(t):.2f} ({min(t):.2f}-{max(t):.2f}, {len(t)} timings)"
        for t in reference.timings.values()) + " |")


def _print_block_table(sizes: list[float]) -> None:
    print(f"\n| shape of blocks | {' | '.join(f'{s:g} MB: ms a 1,000 blocks' for s in sizes)} |")
    print(f"|---|{'---|' * len(sizes)}")
    for shape, make in BLOCK_SHAPES.items():
        cells = []
        for size in sizes:
            text = make(int(size * MB))
            count = len(blocks(make_session(
                {"max_text_size": 1_000_000_000, "max_blocks": 100_000_000}
            ).read_bytes(text.encode("utf-8"), ".txt", "shape.txt")))
            seconds = sum(check_times(text, time.process_time).values())
            cells.append(f"{1000 * seconds / count * 1000:.1f} ({count:,} blocks)")
        print(f"| {shape} | {' | '.join(cells)} |", flush=True)


if __name__ == "__main__":
    main()
