"""Hyphenation points parsed on demand are pyphen's, word for word."""

from pathlib import Path

import pyphen
import regex
from scr_plugins.accessibility.hyphenation import Hyphenator, british

ROOT = Path(__file__).resolve().parents[3]
WORD = regex.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def vocabulary() -> set[str]:
    """Every word of the fixture reports and every name in the privacy gazetteer."""
    words = {"", "a", "İstanbul", "STRASSE", "straße", "Zoë", "co-operate", "mother's",
             "ﬁnance", "Ǆemal", "antidisestablishmentarianism"}
    for report in (ROOT / "fixtures").rglob("*.rst"):
        words.update(WORD.findall(report.read_text(encoding="utf-8")))
    names = ROOT / "plugins" / "scr_plugins" / "privacy" / "data" / "names.tsv"
    words.update(line.split("\t")[0] for line in names.read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#"))
    return words


def test_points_are_pyphens_for_every_fixture_word_and_name():
    reference = pyphen.Pyphen(lang="en_GB")
    words = sorted(vocabulary())
    assert len(words) > 20_000
    assert [british().positions(w) for w in words] == [reference.positions(w) for w in words]


def test_hex_escapes_alternatives_repeats_and_zero_patterns_as_pyphen_reads_them(tmp_path):
    dictionary = tmp_path / "hyph_xx.dic"
    dictionary.write_text(
        "UTF-8\nLEFTHYPHENMIN 2\n% a comment\n"
        ".ab1c\nb1c\nb2c\nc0d\nc1d\nc0d\n^^e9t1^^e9\nf1f/ff=f,1,2\n1na\nn1a0\n",
        encoding="utf-8",
    )
    ours = Hyphenator(dictionary)
    theirs = pyphen.Pyphen(filename=dictionary)
    words = ["abcdabcd", "xxbcbcxx", "xxcdcdxx", "xxététéxx", "offfoff", "banana", "nanana"]
    points = [theirs.positions(word) for word in words]
    assert [ours.positions(word) for word in words] == points
    assert points == [[3], [], [3, 5], [4, 6], [2, 3], [3], [3]]


def test_the_dictionary_is_the_one_pyphen_names():
    from scr_plugins.accessibility.hyphenation import _dictionary

    assert Path(str(_dictionary("en_GB"))) == Path(str(pyphen.LANGUAGES["en_GB"]))
