"""The word-boundary shortcut finds exactly what the look-behind alone finds."""

from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from scr_checks import WordEntry, WordList
from scr_checks.wordlists import _spaces, _starts_word

DATA = sorted(p for p in (Path(__file__).resolve().parents[2] / "plugins").glob("scr_*/data/*.tsv")
              if p.parent.parent.name in {"scr_tone", "scr_priorities", "scr_coverage",
                                          "scr_linkage", "scr_explanation"}
              or p.name == "jargon.tsv")


def reference(entries: list[str]) -> regex.Pattern[str]:
    """The list's pattern without the shortcut: the look-behind alone."""
    body = "|".join(f"(?P<e{i}>{_spaces(e)})" for i, e in enumerate(entries)) or "(?!)"
    return regex.compile(rf"(?<![\w'’-])(?:{body})(?![\w-])", regex.IGNORECASE)


def spans(entries: list[str], text: str) -> tuple[list, list]:
    words = WordList("t", [WordEntry(e) for e in entries])
    ours = [(m.start, m.end, m.entry.pattern) for m in words.finditer(text)]
    theirs = [(m.start(), m.end(), entries[int(m.lastgroup[1:])])
              for m in reference(entries).finditer(text)]
    return ours, theirs


@pytest.mark.parametrize(("pattern", "starts"), [
    ("chaotic", True), ("a?b", True), ("(local )?(child )?safeguarding", True),
    ("s\\.? ?47", True), ("(?<=^|[.;:!?\\d] )(?:clearly|obviously)", True), ("\\w+", True),
    ("(?:x)?", False), ("\\.x", False), ("[ab]c", False), ("(?i)x", False), ("a|", False),
    ("", False), ("x{0,2}y", False), (" x", False), ("£5", False), ("-ish", False),
    ("a(?w)b", False), ("(?P<n>a)", False), ("_x", False),
])
def test_which_patterns_surely_start_a_word(pattern, starts):
    assert _starts_word(pattern) is starts


@pytest.mark.parametrize("path", DATA, ids=lambda p: p.stem)
def test_shipped_lists_take_the_shortcut(path):
    words = WordList.load(path)
    assert words.pattern.pattern.startswith("\\b")


ENTRIES = st.lists(st.sampled_from([
    "care", "care plan", "a?b", "(local )?police", "-ish", "£5", "(?:x|y)z", "\\.net",
    "non-?compliant", "’s", "s\\.? ?47", "(?<=^|[.;] )(?:clearly)", "x*",
]), min_size=1, max_size=5)
TEXT = st.lists(st.sampled_from([
    "care", "plan", "a", "b", "ab", "local", "police", "-", "ish", "£5", "£", "5", "xz", "yz",
    ".net", "non", "compliant", "’", "'", "s", "47", "clearly", ".", ";", " ", "\n", "é",
]), max_size=25).map("".join)


@given(ENTRIES, TEXT)
def test_same_matches_with_and_without_the_shortcut(entries, text):
    ours, theirs = spans(entries, text)
    assert ours == theirs
