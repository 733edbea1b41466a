"""The masking step: every identifier a report gave, hidden wherever its text goes."""

from __future__ import annotations

import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_checks.masking import _ASCII_FOLDS, Masker, _key, _pattern, mask
from scr_checks.results import FileResult, Finding, Location, Suppression, ToolError
from scr_checks.rules import Rule, RuleRegistry, Severity
from scr_checks.testing import check_text
from scr_checks.wordtree import MOST_WORDS, fold


def test_a_mask_names_the_kind_and_nothing_of_the_shape():
    names = Masker({"Jo Li": "name", "Kayleigh Anne Brennan-Whitworth": "name"})
    assert names.text("Jo Li met Kayleigh Anne Brennan-Whitworth.") == "[name] met [name]."
    dates = Masker({"12 March 2019": "date", "1 May": "date"})
    assert dates.text("On 12 March 2019 and 1 May.") == "On [date] and [date]."
    assert Masker({"07700 900123": ""}).text("Call 07700 900123") == "Call [identifier]"
    assert mask() == "[identifier]" and mask("postcode") == "[postcode]"


def test_any_case_and_any_spacing_is_masked_but_only_whole_words():
    names = Masker({"Kerry Blackwood": "name", "Ann": "name"})
    text = "KERRY  BLACKWOOD,\nkerry\u00a0blackwood; Ann's Annex, Joanne and ann."
    assert names.text(text) == "[name],\n[name]; [name]'s Annex, Joanne and [name]."


def test_the_longest_identifier_is_masked_first():
    found = Masker({"Kerry": "name", "Kerry Blackwood": "name", "14 Larch Close": "address",
                    "Larch Close": "place"})
    assert found.text("Kerry Blackwood of 14 Larch Close; Kerry; Larch Close") == (
        "[name] of [address]; [name]; [place]")


def test_text_without_letters_or_digits_is_never_an_identifier():
    assert not Masker({" ": "name", "--": "name"})
    assert Masker({" ": "name"}).text("a -- b") == "a -- b"


def test_a_location_without_an_identifier_is_kept_and_one_with_it_masked():
    masker = Masker({"Kerry Blackwood": "name"})
    plain = Location(path="r.docx", heading_path=("Visits",), paragraph_index=3, cue="She came")
    named = Location(path="r.docx", heading_path=("Visits",), paragraph_index=3,
                     cue="Kerry Blackwood came")
    assert masker.location(plain) is plain
    assert masker.location(named) == Location(path="r.docx", heading_path=("Visits",),
                                              paragraph_index=3, cue="[name] came")


def test_every_text_of_a_report_result_is_masked_and_the_identifier_dropped():
    rules = RuleRegistry()
    rules.add(Rule(id="TST201", name="n", short="s", full="f", severity="error", question=2,
                   masked_as="name"), "tst")
    rules.add(Rule(id="TST701", name="t", short="s", full="f", severity="note", question=7),
              "tst")
    where = Location(path="r.docx", heading_path=("Contact with Kerry Blackwood", "Visits"),
                     paragraph_index=3)
    private = Finding(rule_id="TST201", message="Name 'Kerry Blackwood'.",
                      severity=Severity.ERROR, location=where, secret="Kerry Blackwood",
                      context="Kerry Blackwood moved.")
    other = Finding(rule_id="TST701", message="Long sentence.", severity=Severity.NOTE,
                    location=where, snippet="Kerry Blackwood moved house twice in May",
                    suggestion="split what Kerry Blackwood did",
                    suppression=Suppression("inSource", "Kerry Blackwood's own words"),
                    properties={"seen": ["Kerry Blackwood", 2], "by Kerry Blackwood": True},
                    context="Kerry Blackwood moved house.")
    result = FileResult(path="r.docx", findings=[private, other], format="docx",
                        errors=[ToolError("r.docx", "ValueError: 'Kerry Blackwood'", "tst")],
                        extras={"linkage": {"themes": [("Kerry Blackwood", 1)]}})
    Masker.of(result.findings, rules).file(result)
    first, second = result.findings
    assert first.message == "Name '[name]'." and first.secret == "" and first.context == ""
    assert first.location.heading_path == ("Contact with [name]", "Visits")
    assert second.snippet == "[name] moved house twice in May"
    assert second.suggestion == "split what [name] did"
    assert second.suppression == Suppression("inSource", "[name]'s own words")
    assert second.properties == {"seen": ["[name]", 2], "by [name]": True}
    assert result.errors[0].message == "ValueError: '[name]'"
    assert result.extras == {"linkage": {"themes": [("[name]", 1)]}}
    assert "Kerry" not in repr(result)


def test_a_results_findings_are_masked_in_its_own_list_so_they_are_not_held_twice():
    found = [Finding(rule_id="TST201", message=f"Name 'Jo Li' ({n}).", severity=Severity.ERROR,
                     location=Location(path="r.rst", line=n), secret="Jo Li")
             for n in range(1, 4)]
    result = FileResult(path="r.rst", findings=found)
    Masker({"Jo Li": "name"}).file(result)
    assert result.findings is found
    assert [f.message for f in found] == [f"Name '[name]' ({n})." for n in range(1, 4)]
    assert all(f.secret == "" for f in found)


def test_an_identifier_found_once_is_masked_in_every_finding_of_the_report():
    text = ("Contact with Kayleigh Brennan\n=============================\n\n"
            "Kayleigh Brennan said the health visitor failed to call.\n")
    run = check_text(text, config={"select": ["SCR201", "SCR701"]})
    blame = next(f for f in run.findings if f.rule_id == "SCR701")
    assert blame.location.heading_path == ("Contact with [name]",)
    assert "Kayleigh" not in repr(run.files)
    shown = check_text(text, config={"select": ["SCR201", "SCR701"], "show_identifiers": True})
    assert "Kayleigh Brennan" in next(
        f for f in shown.findings if f.rule_id == "SCR701").location.heading_path[0]


def test_a_named_persons_surname_is_masked_on_its_own():
    text = ("Practice\n========\n\nThe social worker, Margaret Thornbury, visited the home.\n\n"
            "Thornbury's visit\n-----------------\n\nThe health visitor failed to call.\n")
    run = check_text(text, config={"select": ["SCR2", "SCR701"]})
    blame = next(f for f in run.findings if f.rule_id == "SCR701")
    assert blame.location.heading_path == ("Practice", "[name]'s visit")
    assert "Thornbury" not in repr(run.files)


def test_only_a_surname_or_given_name_that_reads_as_one_is_masked_on_its_own():
    names = Masker.of([_named("Kerry Blackwood"), _named("Mrs O'Brien-Lee"), _named("Jo S."),
                       _named("Ann"), _named("dr. lee")], _NAME_RULES)
    assert names.text("Blackwood, O'Brien-Lee, S., Jo, Kerry, Mrs, Ann and blackwood") == (
        "[name], [name], S., [name], [name], Mrs, [name] and blackwood")
    assert names.text("Dr, dr., Lee and LEE") == "Dr, dr., Lee and LEE"
    ranks = Masker.of([_named("PC Jones"), _named("Reverend Ann Green"), _named("DC Ali")],
                      _NAME_RULES)
    assert ranks.text("PC, Reverend, Ann, Jones, JONES, DC and Ali") == (
        "PC, Reverend, [name], [name], [name], DC and [name]")


def test_a_name_s_words_alone_are_masked_as_written_or_in_capitals():
    """A report that names "Zoë Marchetti" goes on to write "ZOË said" and "MARCHETTI"
    (an undefined acronym, to the accessibility rules), and heads a section "What Zoë"."""
    names = Masker.of([_named("Ms Zoë Marchetti"), _named("Hannah Young")], _NAME_RULES)
    assert names.text("What Zoë said; ZOË, MARCHETTI and Marchetti's; zoë; Ms; "
                      "Young, YOUNG HANNAH, young people, Hannah") == (
        "What [name] said; [name], [name] and [name]'s; zoë; Ms; "
        "[name], [name] [name], young people, [name]")


_NAME_RULES = RuleRegistry()
_NAME_RULES.add(Rule(id="TST201", name="n", short="s", full="f", severity="error", question=2,
                     masked_as="name"), "tst")


def _named(secret: str) -> Finding:
    return Finding(rule_id="TST201", message="Name.", severity=Severity.ERROR,
                   location=Location(path="r.rst"), secret=secret)


_WORDS = st.sampled_from(["Ann", "ann", "Kerry", "Blackwood", "O'Brien", "ß", "Strasse",
                          "12", "March", "2019", "Jo-Li", "Li", "Øyvind", "07700"])
_GAPS = st.sampled_from([" ", "  ", "\n", "\u00a0", "-", ", ", "'s ", "(", ")", ""])


@given(secrets=st.lists(st.lists(_WORDS, min_size=1, max_size=3).map(" ".join), min_size=1,
                        max_size=6), data=st.data())
def test_masking_at_the_starts_of_runs_finds_what_a_search_everywhere_finds(secrets, data):
    # The text is made of the identifiers themselves and other words, so that
    # identifiers meet, overlap and nest in it.
    parts = data.draw(st.lists(st.tuples(st.one_of(_WORDS, st.sampled_from(secrets)), _GAPS),
                               max_size=25))
    text = "".join(w + g for w, g in parts)
    masker = Masker({secret: "name" for secret in secrets})
    everywhere = text
    if masker:
        # Every identifier in one alternation, longest first, searched everywhere.
        originals = {_key(secret): secret for secret in secrets}
        whole = regex.compile("|".join(_pattern(originals[k]) for k in sorted(
            masker.kinds, key=lambda k: (-len(k), k))), regex.IGNORECASE)
        everywhere = whole.sub(lambda m: mask(masker.kinds.get(_key(m[0]), "")), text)
    assert masker.text(text) == everywhere


#: Words in any script, case and form: the long s, Kelvin sign, final sigma,
#: capital sharp s and a combining accent all match other letters ignoring case.
_TREE_WORDS = st.sampled_from([
    "Ann", "ANN", "ann", "Anna", "Kerry", "\u212aerry", "O'Brien", "Jo-Li", "Li", "12", "Road,",
    "Ann.", "Ann’s", "x_y", "“Ann", "Ann-", "Zoë", "ZOË", "Zoe\u0308", "Σοφος", "ΣΟΦΟΣ", "σοφοσ",
    "Straße", "STRAẞE", "Strasse", "ſam", "Sam", "José", "Jose\u0301", "B²"])
_TREE_SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "\x85",
                                "\x1c", "\x1f"])
_TREE_ENDS = st.sampled_from(["", "", "a", "_", "1", ".", "’s", "-", ",", " ", "é", "\u0301",
                              "\x01", "\x02", "→", "\U0001E900", "²"])
_PHRASES = st.lists(st.lists(_TREE_WORDS.filter(lambda w: w[0].isalnum()), min_size=1,
                             max_size=4), min_size=1, max_size=3)


@settings(max_examples=400)
@given(phrases=_PHRASES, data=st.data())
def test_identifiers_found_through_trees_of_words_are_what_their_patterns_find(phrases, data):
    """Identifiers are found through trees of their words, matched by the standard
    engine over a stand-in text: the same spans as the alternation of their
    ``regex`` patterns, as written (or in capitals) or in any case, whatever
    spaces or letters follow (the Turkish i, the one difference, has its own
    test)."""
    # Identifiers that start one another ("Ann", "Ann Li", "Ann Li."), some
    # masked only as written.
    secrets = {}
    for phrase in phrases:
        for number in range(1, len(phrase) + 1):
            start = " ".join(phrase[:number])
            for secret in [start, start + data.draw(st.sampled_from([".", "-", "’s", ","]))]:
                if number == len(phrase) or data.draw(st.booleans()):
                    secrets[secret] = data.draw(st.booleans())
    secrets = {_key(secret): (secret, written) for secret, written in secrets.items()}
    # The text is the identifiers (recased, respaced) and other words, each
    # followed by something that may make it a longer word or end it.
    pieces = data.draw(st.lists(st.tuples(
        st.one_of(_TREE_WORDS, st.sampled_from([s for s, _ in secrets.values()])),
        st.sampled_from([str, str.upper, str.lower]), _TREE_SPACES, _TREE_ENDS), max_size=20))
    text = "".join(case(word).replace(" ", space) + end for word, case, space, end in pieces)
    masker = Masker({secret: "name" for secret, _ in secrets.values()},
                    [secret for secret, written in secrets.values() if written])
    assert not masker._by_first
    whole = regex.compile("|".join(
        f"(?-i:{_pattern(secret)}|{_pattern(secret.upper())})" if written else _pattern(secret)
        for _, (secret, written) in sorted(secrets.items(), key=lambda kv: (-len(kv[0]), kv[0]))),
        regex.IGNORECASE)
    assert masker.text(text) == whole.sub("[name]", text)


def test_identifiers_of_many_words_are_found_whether_or_not_a_tree_holds_them():
    longest = " ".join(f"W{number}" for number in range(MOST_WORDS))
    masker = Masker({longest: "address", longest + " X": "address", "Ann Lee": "name",
                     "Kerry\x02": "name"})
    assert masker._by_first.keys() == {"w0", "kerry"}
    assert not Masker({longest: "address"})._by_first
    text = f"At {longest.replace(' ', chr(10))}, {longest} X, Kerry\x02 and ann  LEE."
    assert masker.text(text) == "At [address], [address], [name] and [name]."
    assert Masker({longest: "address"}).text(text) == (
        "At [address], [address] X, Kerry\x02 and ann  LEE.")


def test_identifiers_sharing_a_first_word_are_tried_longest_first():
    """Only the identifiers that start with a run are tried there, in the order of all of them."""
    masker = Masker({"Anna": "name", "Anna Jones": "name", "Anna Jones Road": "address",
                     "12.11.19": "date", "12 March": "date"})
    text = "anna  JONES ROAD, Anna Jones, Anna; 12.11.19 and 12 march, 12.11.2019."
    assert masker.text(text) == "[address], [name], [name]; [date] and [date], 12.11.2019."


_FIGURES = st.sampled_from(["12/04/2016", "12/04/2017", "12.04.16", "12", "120", "2019",
                            "07700", "1_2", "12-", "12/", "١٢/04"])
_FIGURE_GAPS = st.sampled_from([" ", "/", "-", "", "a", "_", "\u0301", "٣", "é", "\u00a0"])


@given(secrets=st.lists(_FIGURES, min_size=1, max_size=4),
       parts=st.lists(st.tuples(_FIGURES, _FIGURE_GAPS), max_size=20))
def test_identifiers_of_figures_are_found_where_the_patterns_find_them(secrets, parts):
    """Dates and numbers written in figures: the same spans as their patterns find,
    word boundaries (of any script) included."""
    text = "".join(w + g for w, g in parts)
    masker = Masker({secret: "date" for secret in secrets})
    whole = regex.compile("|".join(_pattern(s) for s in sorted(
        {_key(s): s for s in secrets}.values(), key=lambda s: (-len(s), s))), regex.IGNORECASE)
    assert masker.text(text) == whole.sub("[date]", text)


def test_a_report_s_identifiers_compile_no_regex_pattern(monkeypatch):
    """Its trees are compiled by the standard engine, in a fraction of the time."""
    masker = Masker({"16/04/2016": "date", "16/04/2017": "date", "07700 900123": "phone",
                     "Zoë Lee": "name"})

    def refuse(*args, **kwargs):
        raise AssertionError("compiled")

    monkeypatch.setattr(regex, "compile", refuse)
    assert masker.text("On 16/04/2017, not 16/04/20170 or 16/04/2016x, ZOË  LEE.") == (
        "On [date], not 16/04/20170 or 16/04/2016x, [name].")


def test_the_letters_that_fold_or_lower_to_ascii_are_folded_before_a_text_is_split():
    """A text's runs are split from its bytes lowered; these letters would
    otherwise split a run an identifier's tree finds whole ("TİM" for "Tim")."""
    beyond = {chr(code) for code in range(128, sys.maxunicode + 1)
              if fold(chr(code)).isascii() or any(c.isascii() for c in chr(code).lower())}
    assert beyond == {chr(code) for code in range(128, sys.maxunicode + 1)
                      if _ASCII_FOLDS.match(chr(code))}


def test_a_text_none_of_whose_runs_starts_an_identifier_is_passed_over(monkeypatch):
    masker = Masker({"Tim Lee": "name", "Zoë": "name", "12/04/2016": "date"})
    assert not masker._may_hold("Timothy, 1/04/2016 and Zoey.")
    assert masker._may_hold("TİM LEE") and masker._may_hold("zo\u00eb")
    assert Masker({"Élise": "name"})._may_hold("No one.")  # no ASCII run to look for
