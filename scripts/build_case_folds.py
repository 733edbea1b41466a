"""Build ``scr_checks/data/case_folds.txt``: the characters ``regex`` takes for one another.

Run by a maintainer when the ``regex`` package's Unicode data changes (the
tests say so)::

    python scripts/build_case_folds.py

A line is a class, its
characters as hexadecimal code points, the first standing for them all.
"""

from __future__ import annotations

from pathlib import Path

from scr_checks.wordtree import regex_case_classes

OUT = Path(__file__).resolve().parent.parent / "scr_checks" / "data" / "case_folds.txt"
HEADER = (
    "# The characters the regex package, ignoring case, takes for one another: a class\n"
    "# a line, as hexadecimal code points, the first (a small letter, an ASCII one\n"
    "# first) standing for them all.  Built by scripts/build_case_folds.py.\n")


def main() -> None:
    lines = [" ".join(f"{ord(char):04X}" for char in members)
             for members in regex_case_classes()]
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} classes to {OUT.name}")


if __name__ == "__main__":
    main()
