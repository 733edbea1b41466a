"""Assemble the privacy checker's name gazetteer from permissively licensed lists.

Run by a maintainer, not at check time::

    pip install --target /tmp/gaz names==0.3.0 faker
    python scripts/build_gazetteer.py /tmp/gaz /usr/share/dict/british-english

The first argument is where ``names`` and ``faker`` are installed; the second
an English word list (Debian's ``wbritish``).  A name whose lower-case form is
an English word ("Grace", "Brown", "Early") is kept but marked ambiguous, so
the checker trusts it only next to other evidence.  The output,
``plugins/scr_plugins/privacy/data/names.tsv``, is committed; ``data/SOURCES.md``
records where each list came from.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import regex

DATA = Path(__file__).resolve().parent.parent / "plugins" / "scr_plugins" / "privacy" / "data"
#: Faker locales whose names UK reviews meet, in Latin script.
LOCALES = ("en_GB", "en_IE", "en_US", "en_IN", "en_PK", "en_NG", "pl_PL", "ro_RO", "tr_TR")
#: The census surname list is ordered by frequency; its long tail is mostly noise.
CENSUS_SURNAMES = 20000
NAME = regex.compile(r"\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*")


def census(folder: Path, name: str, limit: int | None = None) -> list[str]:
    lines = (folder / "names" / name).read_text("ascii").splitlines()[:limit]
    return [line.split()[0].capitalize() for line in lines if line.strip()]


def faker_names(folder: Path) -> tuple[set[str], set[str]]:
    sys.path.insert(0, str(folder))
    first: set[str] = set()
    last: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_female", "first_names_male"):
            first.update(getattr(provider, attr, ()) or ())
        last.update(getattr(provider, "last_names", ()) or ())
    return first, last


def main(folder: str, words_file: str) -> None:
    root = Path(folder)
    words = {w for w in Path(words_file).read_text("utf-8").split() if w.islower()}
    first = set(census(root, "dist.female.first")) | set(census(root, "dist.male.first"))
    last = set(census(root, "dist.all.last", CENSUS_SURNAMES))
    more_first, more_last = faker_names(root)
    first |= more_first
    last |= more_last
    for line in (DATA / "names_uk_supplement.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            (last if line.startswith("surname:") else first).add(line.split(":")[-1])
    never = {w.strip() for w in (DATA / "not_names.txt").read_text("utf-8").splitlines()
             if w.strip() and not w.startswith("#")}
    rows = []
    for name in sorted((first | last) - never):
        if not NAME.fullmatch(name) or len(name) < 2:
            continue
        kind = ("f" if name in first else "") + ("s" if name in last else "")
        ambiguous = "1" if name.lower() in words else ""
        rows.append(f"{name}\t{kind}\t{ambiguous}")
    (DATA / "names.tsv").write_text("\n".join(rows) + "\n", "utf-8")
    print(f"{len(rows)} names written")


if __name__ == "__main__":
    main(*sys.argv[1:3])
