"""Personal names: full names, lone first names, professionals, what is not a name."""

import pytest
from scr_plugins.privacy.names import DocumentNames

from scr_checks.testing import check_text, findings_of, rule_ids


def _privacy(text, **config):
    run = check_text(text, config={"select": ["SCR2"], "show_identifiers": True, **config})
    assert not run.errors
    return run


def test_full_name_is_an_error_at_its_exact_place():
    run = _privacy("Title\n=====\n\nChild A lived with her aunt, Kayleigh Brennan, in a flat.\n")
    (finding,) = findings_of(run, "SCR201")
    loc = finding.location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (4, 30, 4, 46)
    assert finding.secret == "Kayleigh Brennan"
    assert str(finding.severity) == "error"


def test_name_broken_across_a_line_is_found_and_located():
    run = _privacy("The neighbour, Gary\nWhitfield, called the police.\n")
    (finding,) = findings_of(run, "SCR201")
    loc = finding.location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (1, 16, 2, 10)


def test_lone_first_name_is_a_warning_once():
    run = _privacy("Her brother Jayden was at home.\n\nJayden was not seen again.\n")
    (finding,) = findings_of(run, "SCR202")
    assert str(finding.severity) == "warning"
    assert (finding.location.line, finding.location.column) == (1, 13)


def test_declared_pseudonyms_are_not_findings():
    text = (
        "The oldest child is referred to in this report as Amber, and her brothers "
        "will be known as Sam and Noah.\n\nAmber and Noah lived with Sam and Mother.\n"
    )
    assert rule_ids(_privacy(text)) == []


def test_a_nickname_is_not_a_declaration():
    run = _privacy("He stayed with a friend known as \"Smudge\" that night.\n")
    assert [f.secret for f in findings_of(run, "SCR202")] == ["Smudge"]


def test_pseudonym_conventions_statutes_and_agencies_are_not_people():
    text = (
        "Child A, Baby T, Sibling B, Adult C and Mother lived in Home 2. Ms M and "
        "Mr SF were seen. Working Together to Safeguard Children 2018 and the "
        "Children Act 1989 apply; Ofsted and Early Help were involved. Mother's "
        "Partner attended.\n"
    )
    assert rule_ids(_privacy(text)) == []


def test_words_the_report_uses_in_lower_case_are_not_names():
    run = _privacy("Will the plan work? The review asked whether staff will act.\n")
    assert rule_ids(run) == []


def test_authors_and_chairs_are_not_findings():
    text = (
        "Report author: Helen Marsh, Independent Reviewer. This review was chaired by "
        "Peter Langley. Endorsed by Gareth Pryce, Independent Scrutineer.\n"
    )
    assert rule_ids(_privacy(text)) == []


def test_named_professionals():
    text = (
        "The health visitor, Sarah Okafor, visited. Dr Hussain referred Mother. "
        "The teacher, Mr O'Sullivan, phoned. The team manager, Lisa Grant, chaired it.\n"
    )
    run = _privacy(text)
    assert [f.secret for f in run.findings] == [
        "Sarah Okafor", "Dr Hussain", "Mr O'Sullivan", "Lisa Grant",
    ]
    assert set(rule_ids(run)) == {"SCR203"}


def test_title_and_surname_is_a_full_name():
    run = _privacy("A neighbour, Mrs Hartley, heard shouting.\n")
    assert [f.secret for f in findings_of(run, "SCR201")] == ["Mrs Hartley"]


def test_allow_list_and_local_names():
    text = "Keanu lived with his grandmother. Zebedee Quorn visited.\n"
    run = _privacy(text, privacy={"allow": ["Keanu"], "first_names": ["Zebedee"],
                                  "surnames": ["Quorn"]})
    assert [(f.rule_id, f.secret) for f in run.findings] == [("SCR201", "Zebedee Quorn")]


@pytest.mark.parametrize(("text", "name"), [
    ("Savannah Marwick visited the family home.", "Savannah Marwick"),
    ("The mother's friend (Savannah Marwick) was there.", "Savannah Marwick"),
    ("Summer Castellane said she was worried.", "Summer Castellane"),
    ("Rose Hartley's flat was used by older boys.", "Rose Hartley's"),
    ("Grace Thornton told the review that she had been worried.", "Grace Thornton"),
    ("1.2 Will Hartley was the family's lodger.", "Will Hartley"),
])
def test_a_word_first_name_starting_a_sentence_before_a_surname_is_a_name(text, name):
    run = _privacy("Title\n=====\n\n" + text + "\n")
    assert [(f.rule_id, f.secret, f.location.line, f.location.column)
            for f in run.findings] == [("SCR201", name, 4, text.index(name) + 1)]


@pytest.mark.parametrize("text", [
    "Children Services were told. Early Help was offered.",
    "Serious Case Reviews are published.",
    "Summer Term 2019 began late.",
    "Grace Period rules applied. The grace period ended.",
    "Summer Holiday Club was full.",
])
def test_title_case_phrases_at_a_sentence_start_are_not_names(text):
    assert findings_of(_privacy("Title\n=====\n\n" + text + "\n"), "SCR201") == []


@pytest.mark.parametrize("text", [
    "THE NAMES HAVE BEEN CHANGED: Amber and Kai were at home.",
    "PSEUDONYMS are used for Amber and Kai.",
    "Amber and Kai are Pseudonyms chosen by the family.",
    "Amber (pseudonym) and Kai (pseudonym) were at home.",
    "The children are referred to in this report as Amber and Kai.",
    "In this report the children are known as Amber and Kai.",
])
def test_declarations_in_any_case_pass_the_gates_before_their_patterns(text):
    assert {"Amber", "Kai"} <= DocumentNames.gather([text], set()).declared


def test_capitalised_words_run_together_across_spaces_and_name_particles():
    from scr_plugins.privacy.names import _runs

    text = "Met Anna van Dijk, then Bob Jones and Carl."
    runs = [[word for _, _, word, _ in run] for run, _ in _runs(text, frozenset({"van"}))]
    assert runs == [["Met", "Anna", "Dijk"], ["Bob", "Jones"], ["Carl"]]


def test_a_word_of_a_blocked_phrase_is_left_out_of_the_run_it_still_joins():
    from scr_plugins.privacy.names import _runs
    from scr_plugins.privacy.spans import Spans

    text = "Met Anna Serious Case Review Jones. Serious Case Review. Then Bob"
    blocked = Spans([(9, 28), (36, 55)])
    assert text[9:28] == text[36:55] == "Serious Case Review"
    runs = [[word for _, _, word, _ in run] for run, _ in _runs(text, frozenset(), blocked)]
    assert runs == [["Met", "Anna", "Jones"], ["Then", "Bob"]]


def test_a_run_is_given_before_the_words_after_it_are_read():
    """Only one run's words are held at a time, however long the paragraph."""
    from scr_plugins.privacy.names import _runs

    runs = _runs("Anna Jones met Bob. " * 1000)
    first, _ = next(runs)
    assert [word for _, _, word, _ in first] == ["Anna", "Jones"]
    assert first[-1][1] == len("Anna Jones")


def test_document_names_keep_what_their_dataclass_gave():
    """A fresh set for each one left out, equality by value, unhashable, mutable."""
    first, second = DocumentNames(), DocumentNames(allowed={"Grace"})
    assert vars(first) == {"declared": set(), "lower_words": set(), "allowed": set(),
                           "public": set(), "reported": set()}
    assert first.declared is not DocumentNames().declared
    assert first.allowed is not first.public
    assert second.allowed == {"Grace"} and second != first
    assert DocumentNames(set(), set(), {"Grace"}, set(), set()) == second
    first.reported.add("Grace")
    first.declared = {"Lily"}
    assert first == DocumentNames(declared={"Lily"}, reported={"Grace"})
    assert repr(first) == ("DocumentNames(declared={'Lily'}, lower_words=set(), allowed=set(), "
                           "public=set(), reported={'Grace'})")
    with pytest.raises(TypeError):
        hash(first)
