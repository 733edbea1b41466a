"""A gate only skips a search that could find nothing: gated and ungated searches agree."""


import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scr_plugins.privacy import cues, dates, numbers, phrases, places
from scr_plugins.privacy.gates import (
    Window,
    first_words,
    has_digit,
    has_number,
    last_words,
    numerals,
    run_text,
    words_before,
)
from scr_plugins.privacy.gazetteer import lexicon
from scr_plugins.privacy.names import (
    AUTHOR_AFTER,
    AUTHOR_BEFORE,
    AUTHOR_LINE,
    AUTHOR_WORDS,
    DocumentNames,
    NameFinder,
    _Around,
    _AuthorLines,
)
from scr_plugins.privacy.phrases import GatedPattern

from scr_checks import word_runs

WORDS = st.sampled_from([
    "grandmother", "mother", "Mother", "MOTHER", "social", "worker", "Worker", "the", "his",
    "maternal", "aunt", "Minister", "of", "State", "for", "Children", "Sarah", "Collins",
    "named", "surname", "author", "Author", "chair", "signed", "12", "1234", "two", "Two",
    "months", "weeks", "old", "aged", "post", "code", "postcode", "Road", "road", "Way", "way",
    "SW1", "M4", "May", "ſigned", "Mİnister", "²", "_", "-", "'", ",", ".", "(", ":", " ", "  ",
    "\n", "\u00a0",
])
TEXTS = st.lists(WORDS, max_size=40).map("".join)


def _word_starts(text):
    return [0, *(m.start() for m in regex.finditer(r"(?<![\p{L}\p{N}])(?=.)", text, regex.S))]


@settings(max_examples=400)
@given(TEXTS, st.data())
def test_a_window_may_hold_a_word_only_if_it_does(text, data):
    ends = last_words(["mother", "social worker", "Minister of State"])
    start = data.draw(st.sampled_from(_word_starts(text)))
    reach = data.draw(st.integers(1, 30))
    expected = not ends.isdisjoint(words_before(text, start, reach))
    assert Window(text, start, reach, word_runs(text)).may_hold(ends) == expected
    # Told whether the paragraph holds one of them, as a name's search asks once a paragraph.
    in_paragraph = not ends.isdisjoint(word_runs(text))
    assert Window(text, start, reach, word_runs(text)).may_hold(ends, in_paragraph) == expected


def test_a_word_cut_at_the_window_edge_counts():
    text = "the grandmother, Sarah"
    start = text.index("Sarah")
    ends = last_words(["mother"])
    assert Window(text, start, start - text.index("mother"), word_runs(text)).may_hold(ends)
    assert not Window(text, start, start, word_runs(text)).may_hold(ends)


def test_a_phrase_must_end_with_a_letter_or_digit():
    with pytest.raises(ValueError, match="must end"):
        last_words(["Mr."])


def test_a_phrase_must_start_with_a_letter_or_digit():
    assert first_words(["Social Worker", "health visitor", "MP"]) == {"social", "health", "mp"}
    with pytest.raises(ValueError, match="must start"):
        first_words(["(acting) chair"])


@settings(max_examples=300)
@given(TEXTS)
def test_digits_and_numbers(text):
    assert has_digit(text) == bool(regex.search(r"\d", text))
    if regex.search(r"(?i)\b(?:\d{1,3}|two)[\s-]", text):
        assert has_number(text)


def test_a_number_word_beside_a_digit_that_is_no_word_character_is_a_number():
    assert has_number("²two days")
    assert [h.text for h in dates.find("²two days old") if h.rule] == ["two days old"]


@settings(max_examples=300)
@given(TEXTS, st.data())
def test_name_cues_and_author_lines_are_found_as_without_the_gates(text, data):
    start = data.draw(st.sampled_from(_word_starts(text)))
    window = max(0, start - cues.REACH)
    expected = next((kind for kind, pattern, _ in cues._patterns(lexicon())
                     if pattern.search(text, window, start)), None)
    assert cues.cue_before(text, start, lexicon()) == expected
    before = text[window:start]
    if AUTHOR_BEFORE.search(before):
        assert AUTHOR_WORDS.search(before.lower().replace("ſ", "s").replace("İ", "i"))


@settings(max_examples=300)
@given(TEXTS, st.data())
def test_roles_and_offices_before_a_name_are_gated_exactly(text, data):
    finder = NameFinder(lexicon(), DocumentNames())
    start = data.draw(st.sampled_from(_word_starts(text)))
    before = text[max(0, start - 60) : start]
    if finder.role_before.search(before):
        assert Window(text, start, 60, word_runs(text)).may_hold(finder.role_ends)
    if finder.public_office[0].search(before):
        assert Window(text, start, 60, word_runs(text)).may_hold(finder.office_ends)



_FINDER = NameFinder(lexicon(), DocumentNames())
#: A word ending with a role's or an office's last word, then the spaces that put
#: the edge of the window before the name after them at that last word, or near.
CUT_WORDS = st.tuples(
    st.sampled_from(["X", "grand", "step", "Co"]),
    st.sampled_from(sorted(_FINDER.role_ends | _FINDER.office_ends)),
    st.integers(-2, 2),
).map(lambda parts: f"{parts[0]}{parts[1]}{' ' * (60 - len(parts[1]) + parts[2])}Sarah")


@settings(max_examples=500)
@given(st.one_of(TEXTS, CUT_WORDS), st.data())
def test_a_window_is_looked_at_in_every_paragraph_where_a_search_before_a_name_could_match(
        text, data):
    """A name's window before it is searched only if the paragraph holds one of
    a list's last words, whole or as the end of a word (cut by the window's edge)."""
    words = word_runs(text)
    starts = _word_starts(text)
    start = data.draw(st.sampled_from(starts[-1:] if text.endswith("Sarah") else starts))
    window = Window(text, start, 60, words)
    for ends in (_FINDER.role_ends, _FINDER.office_ends):
        whole = not ends.isdisjoint(words)
        around = _Around(False, False, False, False, words)
        if window.may_hold(ends, whole):
            assert whole or around.cut(ends)

RUN_WORDS = st.sampled_from([
    "Sarah", "Collins", "Alder", "Brook", "Mother", "mother's", "Mother's", "friend", "Friend",
    "named", "Named", "surname", "Surname", "maternal", "Grandmother", "grandmother", "Kai",
    "Pupil", "B", "1", "the", "and", ",", "'", "(", " " * 61, " " * 54, "Xmother", "Xnamed",
])


@settings(max_examples=500)
@given(st.lists(st.tuples(st.sampled_from([" ", " ", ", ", "\n", ""]), RUN_WORDS)
                .map("".join), max_size=30).map("".join))
@example("Xmother" + " " * 54 + "Alder")  # the word before, cut by the edge of the reach
@example("Xnamed" + " " * 55 + "Alder")
def test_a_cue_is_found_only_in_a_paragraph_holding_a_cue_word(text):
    if cues.cue_words(lexicon()).isdisjoint(word_runs(text)):
        assert all(cues.cue_before(text, start, lexicon()) is None
                   for start in _word_starts(text))


def test_a_cue_ending_with_the_word_before_in_a_run_is_found():
    finder = NameFinder(lexicon(), DocumentNames())
    assert [h.text for h in finder.find("Named Alder visited.")] == ["Alder"]
    assert [h.text for h in finder.find("Mother's Friend Alder came.")] == ["Alder"]


AFTER_WORDS = st.sampled_from([
    "Sarah", "Collins", "the", "social", "Social", "worker", "WORKER", "health", "visitor",
    "Minister", "of", "State", "MP", "chair", "Chair", "ſcrutineer", "reviewer", "lead",
    "Mİnister", "a", "her", "author",
])
AFTER_TEXTS = st.lists(st.tuples(st.sampled_from([" ", ", ", " (", "", "\n", "  "]), AFTER_WORDS)
                       .map("".join), max_size=20).map("".join)


@settings(max_examples=500)
@given(AFTER_TEXTS, st.data())
def test_roles_offices_and_credits_after_a_name_are_gated_exactly(text, data):
    """A search that must start just after a name needs its list's first word in the paragraph."""
    finder = NameFinder(lexicon(), DocumentNames())
    start = data.draw(st.sampled_from(_word_starts(text)))
    after = text[start : start + 40]
    if finder.role_after.search(after):
        assert not finder.role_starts.isdisjoint(word_runs(text))
    if finder.public_office[1].search(after):
        assert not finder.office_starts.isdisjoint(word_runs(text))
    if AUTHOR_AFTER.search(after):
        assert _AuthorLines(text).mentioned


CREDIT_WORDS = st.sampled_from([
    "Author", "AUTHORS", "co-", "Reviewers", "chair", "Chairperson", "chaired", "Prepared",
    "prepaRed", "written", "Scrutineer", "ſcrutineer", "by", "Sarah", "Collins", "Lead", ":",
    " ", "\n", ".", "-",
])


@settings(max_examples=500)
@given(st.lists(CREDIT_WORDS, max_size=12).map("".join))
def test_a_text_without_a_credit_word_credits_no_name(text):
    lines = _AuthorLines(text)
    if AUTHOR_LINE.search(text):
        assert lines.may_credit
    if not lines.may_credit:
        assert not any(lines.credits(start) for start in range(len(text) + 1))


def test_a_list_of_names_is_not_read_for_credits_a_credit_line_is():
    assert not _AuthorLines("Sarah Collins, Dean Walsh, " * 3).may_credit
    lines = _AuthorLines("Prepared by: Sarah Collins\nDean Walsh")
    assert lines.credits(13) and not lines.credits(27)


@settings(max_examples=300)
@given(TEXTS)
def test_gated_patterns_find_what_their_patterns_find(text):
    for gated in places._patterns(lexicon()):
        if not gated.needs:
            continue  # no local places: never searched
        assert [m.span() for m in gated.finditer(text)] == [
            m.span() for m in regex.finditer(gated.source, text)]
    districts = [(h.start, h.end) for h in places.find(text, lexicon())
                 if h.message == "postcode district"]
    assert districts == [m.span("a" if m["a"] else "b")
                         for m in places.PARTIAL_POSTCODE.finditer(text)]


def test_a_pattern_is_searched_only_where_its_word_is_written_in_its_case():
    gated = GatedPattern(r"\bWay\b", ["Way"])
    assert list(gated.finditer("all the way")) == []
    assert [m.span() for m in gated.finditer("Mill Way")] == [(5, 8)]


def test_a_pattern_is_searched_only_where_a_phrase_of_it_is_whole():
    # The pattern matches any first character: whatever is searched finds something.
    gated = GatedPattern(r"\A.", ["Children's Centre"])
    assert list(gated.finditer("Children's services at the Centre's"))  # its runs are all there
    assert list(gated.finditer("Oak Children's\nCentre"))
    assert not list(gated.finditer("Children's services, the centre"))
    assert not list(gated.finditer("the children's Centre"))
    assert list(GatedPattern(r"\A.", ["Children's Centre", "??"]).finditer("the centre"))


def test_a_pattern_needing_a_phrase_of_each_list_is_searched_only_where_both_are():
    gated = GatedPattern(r"\A.", ["Road"], also=["Cottage", "The"])
    assert not list(gated.finditer("Mill Road, Dunmore"))
    assert not list(gated.finditer("Rose cottage, Mill Road"))
    assert list(gated.finditer("Rose Cottage, Mill Road"))
    assert list(gated.finditer("The Forge, Mill Road"))


PLACE_WORDS = st.sampled_from([
    "Children's", "Children", "'s", "Centre", "centre", "Primary", "School", "school", "public",
    "house", "House", "Oak", "Tree", "Mill", "Lane", "St", "Mary's", "Ysgol", "Heol", "y", "Red",
    "Lion", "the", "The", " ", "  ", "\n", ",", "-", "Pre", "12",
])


@settings(max_examples=300)
@given(st.lists(PLACE_WORDS, max_size=30).map("".join))
def test_place_patterns_are_searched_wherever_they_match(text):
    for gated in places._patterns(lexicon()):
        if gated.needs:
            assert [m.span() for m in gated.finditer(text)] == [
                m.span() for m in regex.finditer(gated.source, text)]


NAME_WORDS = st.sampled_from([
    "Alder", "Brook", "X-Road", "(Alder", "Road", "Street", "School", "Primary", "Children's",
    "Centre", "St.", "Mary's", "A", "of", "the", "The", "road", "12", "-", "'",
])
SPACES = st.sampled_from([" ", " ", " ", "  ", "\n", ", ", ""])


@settings(max_examples=500)
@given(st.lists(st.tuples(NAME_WORDS, SPACES).map("".join), max_size=40).map("".join))
@example("X-Road Street")  # a keyword inside a word ends no look back
@example("Alder Road A Street")  # a match holds a keyword in its name, refused as its end
@example("Alder Brook Alder Brook Alder Brook Road Street")
def test_place_names_looked_for_back_from_their_keyword_are_all_found(text):
    """Looking back from each street or institution word, however close they stand,
    finds every match a search of the whole text does, and no other."""
    named = places._patterns(lexicon())[0]
    assert named.reach is not None
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(phrases, "DENSE", 0)  # never so close that the whole text is searched
        found = [(m.span(), m.groupdict()) for m in named.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in regex.finditer(named.source, text)]


def test_dense_phrases_are_searched_whole_and_sparse_ones_looked_back_from(monkeypatch):
    tried = []
    named = places._patterns(lexicon())[0]
    monkeypatch.setattr(named, "_near", lambda *args: tried.append(args) or iter(()))
    text = "Alder Brook Road, Cedar Street "
    assert list(named.finditer(text * 3))
    assert not tried
    assert list(named.finditer(text + "and more words " * 10)) == []
    assert len(tried) == 1
    found = [(h.start, h.end, h.rule) for h in dates.find(text)]
    ages = [(m.start(), m.end()) for m in dates.EXACT_AGE.finditer(text)]
    assert [(s, e) for s, e, r in found if r and r.id == dates.rules.EXACT_AGE.id] == ages
    details = [(m.start(), m.end()) for m in dates.AGE.finditer(text)]
    assert [(s, e) for s, e, r in found if r is None] == details


DATE_PARTS = st.sampled_from([
    "14", "3", "2019", "21", "March", "march", "Mar", "Marwick", "Sept", "Sep", "May", "Mayor",
    "the", "of", "st", "th", "²", "½", "é", "Ǆ", "x", "1", " ", "  ", "\n", ",", "/", "-", ".",
])


@settings(max_examples=1000)
@given(st.lists(DATE_PARTS, max_size=12).map("".join))
def test_a_text_the_date_gate_passes_over_holds_no_date(text):
    if not dates.may_hold_date(text):
        assert dates.DATE.search(text) is None


def test_a_list_of_addresses_is_not_searched_for_dates_a_date_is():
    assert not dates.may_hold_date("18 Fenwick Road, 98 Marwick Road, 07700 900123")
    assert dates.may_hold_date("14 March 2019")
    assert dates.may_hold_date("14 March² 2019")
    assert dates.may_hold_date("²March 14")
    assert dates.may_hold_date("3/4/2019")


NUMBER_PARTS = st.sampled_from([
    "AB", "QQ", "NV", "SW1A", "1AA", "M4", "12", "34", "56", "123", "456", "7890", "943",
    "476", "5919", "2019", "2020-21", "07700", "900123", "+44", "0", "C", "case", "Case", "ref",
    "crime number", "CAD", "caſe", "1st", "²", "٣", " ", "  ", "-", "/", ".", ":", ",", "\n",
    "postcode", "Road", "D",
])
NUMBER_TEXTS = st.lists(NUMBER_PARTS, max_size=30).map("".join)


def _spans(hits):
    return [(h.rule.id, h.start, h.end) for h in hits]


@settings(max_examples=500)
@given(NUMBER_TEXTS)
@example("AB 12 34 56 C")  # a National Insurance number set apart by spaces
@example("NV 123456 D, 12")
@example("a AB12 34 56 C 12")  # its capitals against its digits: a run of both
def test_numbers_and_postcodes_are_found_as_without_the_gates(text):
    found = _spans(numbers.find(text))
    assert [s for s in found if s[0] == numbers.rules.NHS_NUMBER.id] == [
        (numbers.rules.NHS_NUMBER.id, *m.span()) for m in numbers.NHS_NUMBER.finditer(text)
        if numbers.nhs_number_valid("".join(m.groups()))]
    assert [s for s in found if s[0] == numbers.rules.NI_NUMBER.id] == [
        (numbers.rules.NI_NUMBER.id, *m.span()) for m in numbers.NI_NUMBER.finditer(text)]
    references = [m.span("ref") for m in numbers.REFERENCE.finditer(text)
                  if not numbers.YEAR.fullmatch(m["ref"])]
    courts = [m.span() for m in numbers.COURT_NUMBER.finditer(text)
              if m.start() not in {start for start, _ in references}]
    assert sorted(s[1:] for s in found if s[0] == numbers.rules.REFERENCE_NUMBER.id) == sorted(
        references + courts)
    postcodes = [(h.start, h.end) for h in places.find(text, lexicon())
                 if h.rule.id == places.rules.POSTCODE.id]
    assert sorted(postcodes) == sorted(
        [m.span() for m in places.POSTCODE.finditer(text)]
        + [m.span("a" if m["a"] else "b") for m in places.PARTIAL_POSTCODE.finditer(text)])


@settings(max_examples=300)
@given(NUMBER_TEXTS)
def test_phone_numbers_are_searched_wherever_one_could_start(text):
    if numbers.PHONE.search(text):
        plain, mixed = numerals(text)
        assert mixed or any(run.startswith(("0", "44")) for run in plain)


def test_numerals_tell_numbers_standing_alone_from_runs_of_both():
    assert numerals("In 2019, 4 visits.") == (frozenset({"2019", "4"}), False)
    assert numerals("NV19C00482").mixed
    assert numerals("the 1st visit").mixed
    assert numerals("٣ visits").mixed  # a digit outside ASCII: anything may follow
    assert numerals("no digits") == (frozenset(), False)


def test_run_text_holds_each_folded_word_once_whatever_its_case():
    runs = run_text("The CASE, the ſigned case-file")
    assert {"the", "case", "signed", "file"} == set(runs.split())


DATE_PIECES = st.sampled_from([
    "1", "3", "12", "31", "08", "2019", "1999", "٣", "21", " ", "  ", "\n", "/", "-", ".", ",",
    "of", "the", "st", "th", "March", "Mar", "May", "may", "Sept", "Dec", "december", "Jun",
    "4.4.10", "30.05.2024", "12/03/2019", "2005-11-05", "21.10.21", "1.2.2020", "1.12.1899",
    "1.1.10", "a",
])


@settings(max_examples=500)
@given(st.lists(DATE_PIECES, max_size=25).map("".join))
@example("21.10.21")
@example("1.2.2020")
@example("٣/1/2020")
def test_a_date_is_searched_for_wherever_one_may_be(text):
    if dates.DATE.search(text):
        assert dates.may_hold_date(text)


def test_paragraph_numbers_and_years_are_not_searched_for_dates():
    assert not dates.may_hold_date("4.4.10 In 2019 two of the 12 visits were missed.")
    assert dates.may_hold_date("On 3 May 2020") and dates.may_hold_date("on 08.05.2018")
