"""Every shipped word-list entry that becomes a regular expression backtracks in linear time.

A repeat inside a repeat (``(a+)+``), or two repeats side by side that can
match the same characters (``\\w+\\w*``, ``\\s+(?:\\s+of)?``), lets the engine
try every way of sharing a run of text between them: time in the square, or
the power, of the run's length, on text a hostile report can hold.  This
audit parses each entry of the shipped lists (the word lists, whose spaces
match any run of white space; the section headings and report kinds; the
titles before a name; the privacy checker's phrase lists) and the pattern
each list compiles to, and fails on either shape.
"""

from __future__ import annotations

import csv
import re
import tomllib
from pathlib import Path

import pytest
from scr_plugins.privacy import gazetteer

from scr_checks import WordList

try:
    from re import _constants as C
    from re import _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parents[2]
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, *((C.POSSESSIVE_REPEAT,)
                                         if hasattr(C, "POSSESSIVE_REPEAT") else ()))
#: The characters a class is tried on: enough of each kind to tell classes apart.
SAMPLE = ("abcxyzABCXYZ0189_ \t\n\r\f\v\u00a0\u2003-'’.,;:!?()[]{}/\\\"@#&+*%$<>=|~^`"
          "éßÀΩж٣\u0301")


def word_lists() -> list[Path]:
    """The shipped ``.tsv`` files read as word lists (a ``pattern`` column)."""
    found = []
    for path in sorted((ROOT / "plugins").glob("**/data/*.tsv")):
        rows = [line for line in path.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")]
        if rows and rows[0].split("\t")[0] == "pattern":
            found.append(path)
    return found


def entries() -> list[tuple[str, str]]:
    """(where, pattern source) of every shipped entry, and every list's whole pattern."""
    out = []
    for path in word_lists():
        words = WordList.load(path)
        name = path.relative_to(ROOT).as_posix()
        out += [(f"{name}: {e.pattern!r}", e.pattern) for e in words.entries]
        out.append((f"{name} (compiled, spaces as runs of white space)", words.pattern.pattern))
    for name, keys in (("sections.toml", ("headings", "anywhere")),
                       ("kinds.toml", ("cues", "unless"))):
        data = tomllib.loads((ROOT / "scr_checks" / "data" / name).read_text(encoding="utf-8"))
        out += [(f"scr_checks/data/{name}: {p!r}", p)
                for entry in data.values() for key in keys for p in entry.get(key, ())]
    titles = ROOT / "plugins" / "scr_plugins" / "privacy" / "data" / "titles.tsv"
    rows = csv.reader((line for line in titles.read_text(encoding="utf-8").splitlines()
                       if line and not line.startswith("#")), delimiter="\t")
    out += [(f"privacy/data/titles.tsv: {row[0]!r}", row[0]) for row in rows]
    # The privacy checker's phrase lists, escaped into one alternation each.
    lex = gazetteer.lexicon()
    for name, phrases in (("institutions.txt", lex.institutions), ("streets.txt", lex.streets),
                          ("house_words.txt", lex.house_words),
                          ("public_offices.txt", lex.public_offices),
                          ("name_cues.tsv", tuple(lex.name_cues)),
                          ("place_heads.tsv", tuple(h for h, _ in lex.place_heads))):
        out.append((f"privacy/data/{name} (compiled)", gazetteer.alternation_source(phrases)))
    out.append(("privacy/data/roles.txt (compiled)", lex.role_source))
    return out


# -- the shapes ---------------------------------------------------------------------

def _chars(item: tuple) -> frozenset[str]:
    """The sample characters one item of a parsed pattern can match, anywhere in it."""
    op, av = item
    if op in REPEATS:
        return _seq_chars(av[2])
    if op == C.SUBPATTERN:
        return _seq_chars(av[-1])
    if op == C.BRANCH:
        return frozenset().union(*(_seq_chars(b) for b in av[1]))
    if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
        pattern = re.compile(sre_parse_source(item), re.IGNORECASE | re.DOTALL)
        return frozenset(c for c in SAMPLE if pattern.fullmatch(c))
    return frozenset()  # anchors and look-arounds match no character


def _seq_chars(seq: list) -> frozenset[str]:
    return frozenset().union(*(_chars(item) for item in seq))


def sre_parse_source(item: tuple) -> str:
    """Pattern text for one single-character item (a literal, a class, ``.``)."""
    op, av = item
    if op == C.LITERAL:
        return re.escape(chr(av))
    if op == C.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op == C.ANY:
        return "."
    parts, negate = [], False
    for kind, value in av:
        if kind == C.NEGATE:
            negate = True
        elif kind == C.LITERAL:
            parts.append(re.escape(chr(value)))
        elif kind == C.RANGE:
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind == C.CATEGORY:
            parts.append({C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D",
                          C.CATEGORY_SPACE: r"\s", C.CATEGORY_NOT_SPACE: r"\S",
                          C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}[value])
    return f"[{'^' if negate else ''}{''.join(parts)}]"


def _unbounded(item: tuple) -> bool:
    return item[0] in REPEATS and item[1][1] == C.MAXREPEAT


def _nullable(seq: list) -> bool:
    return all(_item_nullable(item) for item in seq)


def _item_nullable(item: tuple) -> bool:
    op, av = item
    if op in REPEATS:
        return av[0] == 0 or _nullable(av[2])
    if op == C.SUBPATTERN:
        return _nullable(av[-1])
    if op == C.BRANCH:
        return any(_nullable(b) for b in av[1])
    return op in (C.AT, C.ASSERT, C.ASSERT_NOT)


def _edge(item: tuple, last: bool) -> list[frozenset[str]]:
    """The characters of each unbounded repeat that can begin (or end, ``last``)
    what ``item`` matches."""
    op, av = item
    found = [_chars(item)] if _unbounded(item) else []
    if op in REPEATS:
        found += _seq_edge(av[2], last)
    elif op == C.SUBPATTERN:
        found += _seq_edge(av[-1], last)
    elif op == C.BRANCH:
        for branch in av[1]:
            found += _seq_edge(branch, last)
    return found


def _seq_edge(seq: list, last: bool) -> list[frozenset[str]]:
    found: list[frozenset[str]] = []
    for item in reversed(seq) if last else seq:
        found += _edge(item, last)
        if not _item_nullable(item):
            break
    return found


#: ``regex``'s Unicode properties, read as word characters (a wider set, so the
#: audit sees more overlap, never less) for the standard library's parser.
_PROPERTY = re.compile(r"\\[pP]\{\w+\}")


def problems(source: str) -> list[str]:
    """What in ``source`` lets the engine backtrack in more than linear time."""
    out: list[str] = []
    _audit(sre_parse.parse(_PROPERTY.sub(lambda _: r"\w", source)), out)
    return out


def _audit(seq: list, out: list[str]) -> None:
    for index, item in enumerate(seq):
        if _unbounded(item) and any(_unbounded(inner) for inner in _walk(item[1][2])):
            out.append("a repeat inside a repeat")
        for body in _bodies(item):
            _audit(body, out)
        ends = _edge(item, last=True)
        if not ends:
            continue
        for after in seq[index + 1:]:
            if any(end & start for end in ends for start in _edge(after, last=False)):
                out.append("two repeats side by side over the same characters")
            if not _item_nullable(after):
                break


def _bodies(item: tuple) -> list[list]:
    op, av = item
    if op in REPEATS:
        return [av[2]]
    if op == C.SUBPATTERN:
        return [av[-1]]
    if op == C.BRANCH:
        return list(av[1])
    if op in (C.ASSERT, C.ASSERT_NOT):
        return [av[1]]
    return []


def _walk(seq: list):
    for item in seq:
        yield item
        for body in _bodies(item):
            yield from _walk(body)


# -- the audit -------------------------------------------------------------------------

@pytest.mark.parametrize(("source", "expected"), [
    (r"(a+)+", ["a repeat inside a repeat"]),
    (r"(?:\w+\s?)*$", ["a repeat inside a repeat"]),
    (r"\w+\w*", ["two repeats side by side over the same characters"]),
    (r"lack\s+(?:\s+of)?", ["two repeats side by side over the same characters"]),
    (r"[a-z]+\d*x\d+", []),
    (r"\d+[a-z]+", []),
    (r"no\s+(?:one|body)\s+", []),
    (r"(?:ab){2,3}c*", []),
    (r"[\p{L}\p{N}]+\d+", ["two repeats side by side over the same characters"]),
])
def test_the_audit_sees_each_shape(source, expected):
    assert sorted(set(problems(source))) == expected


def test_every_shipped_list_is_audited():
    names = {path.name for path in word_lists()}
    assert {"blame.tsv", "jargon.tsv", "deficiencies.tsv", "equality.tsv", "generic.tsv",
            "sources.tsv"} <= names


def test_no_shipped_pattern_backtracks_in_more_than_linear_time():
    found = [f"{where}: {', '.join(sorted(set(problem)))}"
             for where, source in entries() if (problem := problems(source))]
    assert not found, "\n".join(found)
