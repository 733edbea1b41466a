"""Precision and recall of scr-checks rules on a labelled set of reports.

Each report ``NAME.<ext>`` in the folder has a sidecar ``NAME.labels.tsv``
with a header and one row per expected finding: ``rule``, ``line`` (where
the finding starts) and ``text`` (what it is about; empty matches anything
on that line).  A finding matches a label with the same rule and line whose
text equals, contains or is contained in the finding's text.  Reports whose
sidecar has no rows are "clean": every finding on them is a false positive.

    python scripts/evaluate.py fixtures/privacy
    python scripts/evaluate.py fixtures/tone --select SCR7 -v
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from scr_checks.testing import check_paths


@dataclass(frozen=True)
class Label:
    rule: str
    line: int
    text: str


def read_labels(path: Path) -> list[Label]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [Label(r["rule"], int(r["line"]), r.get("text") or "") for r in rows]


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def matches(label: Label, rule: str, line: int | None, text: str) -> bool:
    if label.rule != rule or label.line != line:
        return False
    want, got = _norm(label.text), _norm(text)
    return not want or want in got or got in want


def evaluate(folder: Path, select: list[str], verbose: bool) -> None:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    clean: dict[str, int] = {}
    sidecars = sorted(folder.glob("*.labels.tsv"))
    if not select:
        select = sorted({label.rule[:4] for s in sidecars for label in read_labels(s)})
    for sidecar in sidecars:
        name = sidecar.name.removesuffix(".labels.tsv")
        report = next(p for p in folder.iterdir()
                      if p.stem == name and not p.name.endswith(".tsv"))
        labels = read_labels(sidecar)
        run = check_paths([report], config={"select": select, "show_identifiers": True})
        if run.errors:
            raise SystemExit(f"{report}: {run.errors[0]}")
        unmatched = list(labels)
        for finding in run.findings:
            text = finding.secret or finding.snippet
            hit = next((lab for lab in unmatched
                        if matches(lab, finding.rule_id, finding.location.line, text)), None)
            if hit is None:
                fp[finding.rule_id] += 1
                if verbose:
                    print(f"  false positive {report.name}:{finding.location.line} "
                          f"{finding.rule_id} {text!r}")
            else:
                unmatched.remove(hit)
                tp[finding.rule_id] += 1
        for label in unmatched:
            fn[label.rule] += 1
            if verbose:
                print(f"  missed         {report.name}:{label.line} {label.rule} {label.text!r}")
        if not labels:
            clean[report.name] = len(run.findings)
    _table(tp, fp, fn)
    for name, count in clean.items():
        print(f"clean report {name}: {count} finding{'s' if count != 1 else ''}")


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def _table(tp: Counter[str], fp: Counter[str], fn: Counter[str]) -> None:
    print(f"{'rule':8} {'labels':>6} {'found':>6} {'right':>6} {'precision':>9} {'recall':>6}")
    for rule in sorted(set(tp) | set(fp) | set(fn)):
        labels, found = tp[rule] + fn[rule], tp[rule] + fp[rule]
        print(f"{rule:8} {labels:6} {found:6} {tp[rule]:6} "
              f"{_ratio(tp[rule], found):>9} {_ratio(tp[rule], labels):>6}")
    t, p, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"{'overall':8} {t + n:6} {t + p:6} {t:6} {_ratio(t, t + p):>9} {_ratio(t, t + n):>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--select", action="append", default=[],
                        help="rule ids or prefixes to run (default: those labelled)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list every false positive and missed label")
    args = parser.parse_args()
    evaluate(args.folder, args.select, args.verbose)


if __name__ == "__main__":
    main()
