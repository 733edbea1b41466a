"""A hostile corpus for the run: pathological shapes of input, and plugins that misbehave.

Each shape is text an attacker (or a very odd export) could hand the tool,
written at a chosen size in every text format that can carry it; each plugin
breaks the plugin contract in one way.  The test suite runs every shape and
plugin at a small size; this script runs them at full size, one command per
input, and prints each one's wall time, peak memory and outcome::

    python benchmarks/hostile.py --size 10MB            # every shape, 10 MB each
    python benchmarks/hostile.py --size 60MB --shape huge_single_line
    python benchmarks/hostile.py --keep DIR --size 1MB  # write the files, run nothing

A shape passes when the run ends by itself with exit status 0, 1 or 2, prints
no traceback, and every error is one line naming the file.  Every person and
number in it is invented.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

WORDS = ("the health visitor made a referral to children's services after the case "
         "conference and the school nurse noted concerns about attendance").split()
CAPITALISED = ("Alder Birch Cedar Dunmore Elm Fenwick Garside Holloway Ingram Jessop Kettle "
               "Lowther Marsh Norbury Oakes Pellow Quarry Redfern Stannard Thorne").split()
#: A clause that names a systemic noun (the explanation checker's) every ten words.
NOUN_CLAUSE = "the staff used the protocol with care and the team".split()
MONTHS = ("January February March April May June July August September October "
          "November December").split()


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _words(size: int, words: list[str] = WORDS, sep: str = " ") -> str:
    out: list[str] = []
    length = 0
    index = 0
    while length < size:
        word = words[index % len(words)]
        out.append(word)
        length += len(word) + len(sep)
        index += 1
    return sep.join(out)


def million_short_blocks(size: int, fmt: str) -> str:
    """A block of one word after another: the per-block costs, many times over."""
    if fmt == "html":
        return "<html><body>" + _repeat("<p>Word.</p>", size) + "</body></html>"
    return _repeat("Word.\n\n", size)


def huge_single_line(size: int, fmt: str) -> str:
    """All the text in one line, one paragraph."""
    text = _words(size)
    return f"<html><body><p>{text}</p></body></html>" if fmt == "html" else text + "\n"


def deep_nesting(size: int, fmt: str) -> str:
    """Quotes or elements inside one another, as deep as the size allows."""
    depth = max(1, min(size // 8, 100_000))
    if fmt == "markdown":
        return "> " * depth + "Deep.\n"
    if fmt == "html":
        return "<html><body>" + "<div>" * depth + "Deep." + "</div>" * depth + "</body></html>"
    if fmt == "rst":
        depth = min(depth, 2_000)  # each level is one more space on every line
        return "".join(" " * level + "Deep.\n\n" for level in range(depth))
    return "Deep.\n" * depth


def capitalised_words(size: int, fmt: str) -> str:
    """Every word capitalised: a name at every position for the privacy checker."""
    return _wrap(_words(size, CAPITALISED), fmt)


def digit_runs(size: int, fmt: str) -> str:
    """Long runs of digits: numbers too long for int(), and phone-number patterns."""
    return _wrap(_repeat("0123456789" * 500 + " ", size), fmt)


def dense_dates(size: int, fmt: str) -> str:
    """A paragraph that is nothing but dates."""
    dates = [f"{day} {month} {2000 + day}" for day in range(1, 29) for month in MONTHS]
    return _wrap(_words(size, dates, ", "), fmt)


def after_mr(size: int, fmt: str) -> str:
    """'Mr' followed by tens of thousands of capitalised words."""
    return _wrap("Mr " + _words(size, CAPITALISED), fmt)


def many_attributes(size: int, fmt: str) -> str:
    """One element with very many attributes (HTML only)."""
    count = max(1, size // 12)
    attributes = " ".join(f"a{n}='x'" for n in range(count))
    return f"<html><body><p {attributes}>Text.</p></body></html>"


def comment_bomb(size: int, fmt: str) -> str:
    """Comment openers without ends (HTML only)."""
    return "<html><body><p>Text.</p>" + _repeat("<!--", size) + "</body></html>"


def nouns_in_one_clause(size: int, fmt: str) -> str:
    """A finding whose paragraph is one clause with a systemic noun every ten words."""
    label, clause = "Finding 1: agencies did not share information", _words(size, NOUN_CLAUSE)
    if fmt == "html":
        return f"<html><body><h1>Findings</h1><p>{label}</p><p>{clause}</p></body></html>"
    heading = {"rst": "Findings\n========", "markdown": "# Findings"}.get(fmt, "Findings")
    return f"{heading}\n\n{label}\n\n{clause}\n"


def _wrap(text: str, fmt: str) -> str:
    return f"<html><body><p>{text}</p></body></html>" if fmt == "html" else text + "\n"


#: Shape -> (builder, the formats it is written in).
TEXT_FORMATS = {"rst": ".rst", "markdown": ".md", "text": ".txt", "html": ".html"}
SHAPES: dict[str, tuple[Callable[[int, str], str], tuple[str, ...]]] = {
    "million_short_blocks": (million_short_blocks, tuple(TEXT_FORMATS)),
    "huge_single_line": (huge_single_line, tuple(TEXT_FORMATS)),
    "deep_nesting": (deep_nesting, tuple(TEXT_FORMATS)),
    "capitalised_words": (capitalised_words, tuple(TEXT_FORMATS)),
    "digit_runs": (digit_runs, tuple(TEXT_FORMATS)),
    "dense_dates": (dense_dates, tuple(TEXT_FORMATS)),
    "after_mr": (after_mr, tuple(TEXT_FORMATS)),
    "many_attributes": (many_attributes, ("html",)),
    "comment_bomb": (comment_bomb, ("html",)),
    "nouns_in_one_clause": (nouns_in_one_clause, tuple(TEXT_FORMATS)),
}


def inputs(size: int, shapes: list[str] | None = None) -> Iterator[tuple[str, str, bytes]]:
    """(shape, file name, bytes) of every shape in every format it is written in."""
    for shape in shapes or list(SHAPES):
        build, formats = SHAPES[shape]
        for fmt in formats:
            yield shape, f"{shape}{TEXT_FORMATS[fmt]}", build(size, fmt).encode("utf-8")


#: Plugin module name -> its source: each breaks the contract in one way, on every file.
_REGISTER = '''
from scr_checks import Rule, hookimpl

@hookimpl
def scr_register_rules():
    return [Rule(id="{id}", name="{name}", short="s", full="f", severity="note", question=1)]
'''
PLUGINS = {
    "hostile_raises": _REGISTER.format(id="HOS101", name="raises") + '''
@hookimpl
def scr_check_document(report):
    raise RuntimeError("a plugin that raises")
''',
    "hostile_exits": _REGISTER.format(id="HOS102", name="exits") + '''
@hookimpl
def scr_check_node(block):
    raise SystemExit(0)
''',
    "hostile_interrupts": _REGISTER.format(id="HOS103", name="interrupts") + '''
@hookimpl
def scr_check_document(report):
    raise KeyboardInterrupt
''',
    "hostile_loops": _REGISTER.format(id="HOS104", name="loops") + '''
@hookimpl
def scr_check_document(report):
    while True:
        try:
            pass
        except BaseException:
            pass
''',
    "hostile_native_loop": _REGISTER.format(id="HOS105", name="native") + '''
import signal

@hookimpl
def scr_check_document(report):
    signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])  # as native code would
    while True:
        pass
''',
    "hostile_bad_finding": _REGISTER.format(id="HOS106", name="bad-finding") + '''
@hookimpl
def scr_check_document(report, context):
    return [context.finding("HOS106", "m").evolve(severity="critical")]
''',
    "hostile_modifier": _REGISTER.format(id="HOS107", name="modifier") + '''
@hookimpl
def scr_modify_findings(findings):
    findings.append("not a finding")
''',
}


def write_plugins(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in PLUGINS.items():
        (folder / f"{name}.py").write_text(source, encoding="utf-8")
    return list(PLUGINS)


def run_one(path: Path, extra: list[str]) -> dict[str, object]:
    """Check one file in a fresh process: outcome, wall seconds, peak memory in MiB.

    The peak is the largest process the run waited for (the run or its
    worker), measured in a process of its own so runs do not share it.
    """
    measure = (
        "import json, resource, subprocess, sys, time\n"
        "start = time.monotonic()\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True,"
        " errors='replace')\n"
        "print(json.dumps({'status': done.returncode, 'stderr': done.stderr,"
        " 'seconds': time.monotonic() - start, 'peak_mib':"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))\n"
    )
    command = [sys.executable, "-m", "scr_checks", "check", str(path),
               "--format", "json", "-o", os.devnull, *extra]
    done = subprocess.run([sys.executable, "-c", measure, *command], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def verdict(outcome: dict[str, object], name: str) -> str:
    """"ok", or what is wrong with the run's outcome."""
    stderr = str(outcome["stderr"])
    if outcome["status"] not in (0, 1, 2):
        return f"exit status {outcome['status']}"
    if "Traceback" in stderr:
        return "traceback"
    errors = [line for line in stderr.splitlines() if line.startswith("scr-checks: error:")]
    if any(name not in line for line in errors):
        return "an error line that does not name the file"
    return "ok"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="1MB", help="size of each input (e.g. 10MB, 500KB)")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES),
                        help="only this shape (repeatable)")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="the per-file time limit for each run (default 120)")
    parser.add_argument("--keep", type=Path, help="write the inputs here and run nothing")
    args = parser.parse_args(argv)
    size = _size(args.size)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for _, name, data in inputs(size, args.shape):
            (args.keep / name).write_bytes(data)
        write_plugins(args.keep / "plugins")
        return 0
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "scr-checks.toml"
        config.write_text(f"timeout = {args.timeout}\n", encoding="utf-8")
        print(f"{'input':34} {'status':>6} {'seconds':>8} {'peak MiB':>9}  verdict")
        for _, name, data in inputs(size, args.shape):
            path = Path(tmp) / name
            path.write_bytes(data)
            outcome = run_one(path, ["--config", str(config)])
            path.unlink()
            said = verdict(outcome, name)
            failures += said != "ok"
            print(f"{name:34} {outcome['status']:>6} {outcome['seconds']:>8.1f} "
                  f"{outcome['peak_mib']:>9.0f}  {said}")
            first = [line for line in str(outcome["stderr"]).splitlines() if "error" in line]
            if first:
                print(f"{'':34} {first[0][:150]}")
    return 1 if failures else 0


def _size(text: str) -> int:
    units = {"KB": 1000, "MB": 1000 ** 2, "B": 1}
    for unit, factor in units.items():
        if text.upper().endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


if __name__ == "__main__":
    started = time.monotonic()
    status = main()
    print(f"total {time.monotonic() - started:.1f} s; peak of this script "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    sys.exit(status)
