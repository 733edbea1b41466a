"""Precision of scr-checks on openings of real published reviews, by our labels.

The reviews themselves are not part of the project (they are real reports,
already anonymised and published, but their text is not ours to copy).  Point
this script at a folder of them; it looks for ``../shared/real-dev`` beside
the project when no folder is given, and exits quietly when there is none.
Each file there starts with a ``source:`` line, and ``[...]`` marks a gap;
both are blanked, keeping every other line and column where it was, before
the file is checked as a user would check it.

Every warning and error the checker raises there has a label in
``fixtures/real/labels.tsv``: ``right``, ``wrong`` or ``debatable``, and why
in our own words.  A label names the file, rule, line and column of the
finding; ``*`` for the line labels every finding of that rule in that file.
Findings without a label are listed, so that a change that raises something
new cannot hide in the totals.

    python scripts/evaluate_real.py                 # the table
    python scripts/evaluate_real.py -v              # and every finding, with its label
    python scripts/evaluate_real.py --unlabelled    # findings still to label, as TSV rows
    python scripts/evaluate_real.py --as-whole      # as if each were a whole full report
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from scr_checks.results import Finding
from scr_checks.rules import Severity
from scr_checks.testing import check_paths

HERE = Path(__file__).resolve().parent
LABELS = HERE.parent / "fixtures" / "real" / "labels.tsv"
DEFAULT_FOLDER = HERE.parent.parent / "shared" / "real-dev"
VERDICTS = ("right", "wrong", "debatable")
#: Rules that say what a report lacks: wrong by construction on an opening
#: checked as if it were whole, so ``--as-whole`` leaves them out.
ABSENCE = ["SCR101", "SCR105", "SCR503", "SCR801", "SCR802"]
#: What the excerpts add that no report has: their source line and gap marks.
_SOURCE_LINE = regex.compile(r"^source\b.*$", regex.MULTILINE)
_GAP = regex.compile(r"\[[^\]\n]*\]")


@dataclass(frozen=True)
class Label:
    file: str
    rule: str
    line: str
    column: str
    verdict: str
    why: str

    def covers(self, file: str, finding: Finding) -> bool:
        where = finding.location
        return (self.file == file and self.rule == finding.rule_id
                and (self.line == "*" or (self.line == str(where.line)
                                          and self.column in ("*", str(where.column)))))


def read_labels(path: Path = LABELS) -> list[Label]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((x for x in handle if not x.startswith("#")), delimiter="\t")
        labels = [Label(r["file"], r["rule"], r["line"], r["column"], r["verdict"], r["why"])
                  for r in rows]
    for label in labels:
        if label.verdict not in VERDICTS:
            raise SystemExit(f"{path}: verdict {label.verdict!r} is not one of {VERDICTS}")
    return labels


def prepared(source: Path, folder: Path) -> Path:
    """The excerpt as a user would have it: no source lines, no gap marks."""
    text = source.read_text(encoding="utf-8")
    text = _SOURCE_LINE.sub("", text)
    text = _GAP.sub(lambda m: " " * len(m[0]), text)
    target = folder / source.name
    target.write_text(text, encoding="utf-8")
    return target


def evaluate(folder: Path, verbose: bool, unlabelled_only: bool, notes: bool,
             as_whole: bool = False) -> int:
    labels = read_labels()
    sources = sorted(folder.glob("*.txt"))
    counts: Counter[tuple[str, str]] = Counter()
    unlabelled: list[tuple[str, Finding]] = []
    used: set[Label] = set()
    with tempfile.TemporaryDirectory() as tmp:
        paths = [prepared(s, Path(tmp)) for s in sources]
        config = {"show_identifiers": True,
                  **({"kind": "full_report", "ignore": ABSENCE} if as_whole else {})}
        run = check_paths(paths, config=config)
        for error in run.errors:
            print(f"error: {error}", file=sys.stderr)
        for finding in run.findings:
            if finding.suppressed or (finding.severity < Severity.WARNING and not notes):
                continue
            file = Path(finding.location.path).name
            label = next((lab for lab in labels if lab.covers(file, finding)), None)
            level = str(finding.severity)
            if label is None:
                unlabelled.append((file, finding))
                counts[(level, "unlabelled")] += 1
                continue
            used.add(label)
            counts[(level, label.verdict)] += 1
            if verbose and not unlabelled_only:
                print(f"{label.verdict:9} {file}:{finding.location.line}:"
                      f"{finding.location.column} {finding.rule_id} [{level}] "
                      f"{finding.message}  -- {label.why}")
    if unlabelled_only:
        for file, f in unlabelled:
            print("\t".join([file, f.rule_id, str(f.location.line), str(f.location.column),
                             "?", f.message]))
        return 0
    for file, f in unlabelled:
        print(f"unlabelled {file}:{f.location.line}:{f.location.column} {f.rule_id} "
              f"[{f.severity}] {f.message}")
    stale = [lab for lab in labels if lab not in used]
    if verbose:
        for label in stale:
            print(f"label matches no finding now: {label.file}:{label.line}:{label.column} "
                  f"{label.rule} ({label.verdict})")
    _table(counts, len(sources))
    print(f"labels matching no finding now (kept for earlier versions): {len(stale)}")
    return 1 if unlabelled else 0


def _table(counts: Counter[tuple[str, str]], files: int) -> None:
    print(f"\n{files} files")
    print(f"{'level':8} {'right':>6} {'debatable':>9} {'wrong':>6} {'unlabelled':>10}")
    levels = sorted({level for level, _ in counts}, reverse=True)
    for level in levels:
        print(f"{level:8} " + " ".join(
            f"{counts[(level, v)]:>{w}}" for v, w in
            (("right", 6), ("debatable", 9), ("wrong", 6), ("unlabelled", 10))))
    right = sum(counts[(lv, "right")] for lv in ("error", "warning"))
    doubt = sum(counts[(lv, "debatable")] for lv in ("error", "warning"))
    wrong = sum(counts[(lv, "wrong")] for lv in ("error", "warning"))
    total = right + doubt + wrong
    if total:
        print(f"precision of warnings and errors: {right / total:.2f} "
              f"(debatable counted right: {(right + doubt) / total:.2f}; {total} findings)")
    print(f"errors labelled wrong: {counts[('error', 'wrong')]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=DEFAULT_FOLDER)
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="print every finding with its label")
    parser.add_argument("--unlabelled", action="store_true",
                        help="print only the findings without a label, as TSV rows")
    parser.add_argument("--notes", action="store_true", help="count notes too")
    parser.add_argument("--as-whole", action="store_true",
                        help="check each opening as if it were a whole full report, so the "
                        "rules that need one run too (a harder test of the layout)")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"no folder of real reviews at {args.folder}; nothing to evaluate")
        return
    raise SystemExit(evaluate(args.folder, args.verbose, args.unlabelled, args.notes,
                              args.as_whole))


if __name__ == "__main__":
    main()
