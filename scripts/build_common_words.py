"""Build the accessibility checker's list of common English words.

Run by a maintainer, not at check time::

    pip install --target /tmp/words pyspellchecker==0.9.1
    python scripts/build_common_words.py /tmp/words

A word in capitals is an acronym only when it is not an ordinary word set in
capitals ("CONTENTS", "THE CHILD SAFEGUARDING PRACTICE REVIEW PANEL").  The
list is every alphabetic word that occurs at least ``MIN_COUNT`` times in
pyspellchecker's English frequency dictionary (MIT licence), about 18,000
words; rarer words ("lac", "sr", "phd") stay possible acronyms.  The output,
``plugins/scr_plugins/accessibility/data/common_words.txt``, is committed;
``data/SOURCES.md`` records where it came from.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

OUT = (Path(__file__).resolve().parent.parent / "plugins" / "scr_plugins" / "accessibility" / "data"
       / "common_words.txt")
MIN_COUNT = 1000
HEADER = (
    "# Common English words, lower case, one a line: a word in capitals that is one\n"
    "# of these is an ordinary word, not an acronym (unless acronyms.tsv or known.txt\n"
    "# lists it).  Built by scripts/build_common_words.py; see SOURCES.md.\n"
)


def main() -> None:
    folder = Path(sys.argv[1])
    data = json.loads(gzip.decompress(
        (folder / "spellchecker" / "resources" / "en.json.gz").read_bytes()))
    words = sorted(w for w, count in data.items()
                   if count >= MIN_COUNT and w.isascii() and w.isalpha() and len(w) >= 2)
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
