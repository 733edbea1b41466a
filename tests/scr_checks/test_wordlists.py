"""Word lists: loading, one-pass matching, boundaries, line breaks, allowed words."""

import sys

import pytest

from scr_checks import WordEntry, WordList
from scr_checks.document import blocks
from scr_checks.readers.rst import RstReader


def make(*patterns: str, allowed=()) -> WordList:
    return WordList("test", [WordEntry(p, "cat", "why", f"not {p}") for p in patterns], allowed)


def test_matches_whole_words_case_insensitively_with_entry():
    words = make("fail(?:s|ed|ing)? to", "chaotic")
    found = [(m.text, m.entry.pattern) for m in words.finditer("Failing to act; a chaotic week")]
    assert found == [("Failing to", "fail(?:s|ed|ing)? to"), ("chaotic", "chaotic")]


def test_does_not_match_inside_words_or_hyphenated_words():
    words = make("chaotic", "step down")
    assert list(words.finditer("unchaotic non-chaotic chaotically step-down")) == []


def test_space_in_pattern_matches_line_break_and_runs_of_spaces():
    words = make("missed opportunity")
    assert [(m.start, m.end) for m in words.finditer("a missed\n   opportunity")] == [(2, 23)]


def test_allowed_words_are_never_reported():
    words = make("threshold", allowed=["Threshold"])
    assert list(words.finditer("the threshold was met")) == []


def test_extend_returns_a_new_list():
    words = make("chaotic")
    more = words.extend([WordEntry("feckless")], allowed=["chaotic"])
    assert [m.text for m in more.finditer("chaotic and feckless")] == ["feckless"]
    assert [m.text for m in words.finditer("chaotic and feckless")] == ["chaotic"]


def test_load_tsv_and_toml(tmp_path):
    tsv = tmp_path / "blame.tsv"
    tsv.write_text(
        "# comment\npattern\tcategory\twhy\tsuggestion\nnegligent\tlegal\tno\tdescribe\n"
    )
    toml = tmp_path / "local.toml"
    toml.write_text('[[entry]]\npattern = "unkempt"\nsuggestion = "describe the home"\n')
    assert WordList.load(tsv).entries == [WordEntry("negligent", "legal", "no", "describe")]
    loaded = WordList.load(toml)
    assert loaded.name == "local"
    assert loaded.entries == [WordEntry("unkempt", "", "", "describe the home")]


def test_entry_from_data_rejects_unknown_fields():
    with pytest.raises(ValueError, match="pattern"):
        WordEntry.from_data({"word": "x"})
    assert WordEntry.from_data("x", "blame") == WordEntry("x", "blame")


def test_a_block_is_searched_as_its_text_with_the_words_it_holds():
    block = blocks(RstReader().read("r.rst", b"The worker FAILED to visit.\n"))[0]
    words = make("failed to", "visit")
    assert block.words == {"the", "worker", "failed", "to", "visit"}
    assert block.words is block.words  # kept on the block, not made again
    assert [m.text for m in words.finditer(block)] == ["FAILED to", "visit"]
    assert list(words.finditer(block)) == list(words.finditer(block.text))


LIST = "pattern\tcategory\twhy\tsuggestion\nfail(?:s|ed)? to\tblame\tit blames\tsay what happened\n"


@pytest.fixture
def cache(cache_folder):
    return cache_folder


def test_a_list_shipped_in_a_package_is_kept_with_its_patterns_words(tmp_path, cache):
    package = tmp_path / "plugin"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    path = package / "data" / "blame.tsv"
    path.write_text(LIST, encoding="utf-8")
    first = WordList.load(path)
    assert [p.name for p in cache.iterdir()] == ["data-wordlist-plugin-blame-"
                                                 f"{sys.implementation.cache_tag}.marshal"]
    again = WordList.load(path)
    assert again.entries == first.entries
    assert again.words_needed == first.words_needed == {"fail", "fails", "failed"}
    extended = again.extend([WordEntry("scapegoat(?:ed)?")])
    assert extended.words_needed == {"fail", "fails", "failed", "scapegoat", "scapegoated"}
    assert [m.text for m in extended.finditer("They scapegoated him and failed to act.")] == [
        "scapegoated", "failed to"]
    assert b"scapegoat" not in b"".join(p.read_bytes() for p in cache.iterdir())


def test_a_list_a_configuration_extends_is_compiled_but_never_kept(tmp_path, cache,
                                                                   monkeypatch):
    from scr_checks import patterns, stdpatterns

    monkeypatch.setattr(patterns, "_stored", {})  # nothing kept yet: each is compiled
    monkeypatch.setattr(patterns, "_new", {})
    monkeypatch.setattr(stdpatterns, "_new", {})
    package = tmp_path / "plugin"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "data" / "blame.tsv").write_text(LIST, encoding="utf-8")
    shipped = WordList.load(package / "data" / "blame.tsv")
    extended = shipped.extend([WordEntry("scapegoat(?:ed)?")])
    text = "They scapegoated him and failed to act."
    assert [m.text for m in extended.finditer(text)] == ["scapegoated", "failed to"]
    assert [m.text for m in shipped.finditer(text)] == ["failed to"]
    kept = [pattern for pattern, _ in [*patterns._new, *stdpatterns._new]]
    assert any("fail" in pattern for pattern in kept)
    assert not any("scapegoat" in pattern for pattern in kept)


def test_a_list_a_configuration_names_is_never_kept(tmp_path, cache):
    path = tmp_path / "local.tsv"
    path.write_text(LIST, encoding="utf-8")
    assert [e.pattern for e in WordList.load(path).entries] == ["fail(?:s|ed)? to"]
    assert not cache.exists()


def test_entries_and_matches_behave_as_the_frozen_dataclasses_they_were(like_dataclass):
    from scr_checks import WordMatch

    like_dataclass(WordEntry, lambda cls: cls("a fortiori", "latin", why="Latin."),
                   lambda cls: cls("a fortiori", "latin", why="Latin.", suggestion="more so"))
    entry = WordEntry("a fortiori")
    like_dataclass(WordMatch, lambda cls: cls(4, 14, "a fortiori", entry),
                   lambda cls: cls(4, 14, "A fortiori", entry))
