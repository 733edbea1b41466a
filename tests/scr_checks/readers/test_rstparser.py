"""The quick reStructuredText parser parses exactly as docutils' own does."""

from __future__ import annotations

import io
from pathlib import Path

import docutils.core
import pytest
from docutils import nodes
from docutils.parsers.rst import Parser, states
from docutils.statemachine import DuplicateStateError, StateMachineWS, UnknownStateError
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_checks.readers.rst import SAFE_SETTINGS
from scr_checks.readers.rstparser import (
    STATE_CLASSES,
    QuickInliner,
    QuickNestedStateMachine,
    QuickParser,
    QuickState,
    _quick,
)

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"

#: Every construct that parses in a nested state machine of its own.
CONSTRUCTS = """\
:Author: A reviewer
:Date: 1 March 2020

=====
Title
=====

Chapter
=======

- A bullet

  - nested, with *emphasis* and ``code``
  - and a second

* another list

1. One
2. Two

   a) nested
   b) enumerated

#. auto

term
   Its definition.

   -v, --verbose   An option list.
   -q              Another.

| A line block
|    indented

    A block quote.

    -- Attribution

::

    A literal block.

> quoted
> literal

.. note:: A directive with content.

   - and a list in it

.. list-table:: A table
   :header-rows: 1

   * - Date
     - Event
   * - 1 March
     - A referral.

+-----+-----+
| a   | b   |
+=====+=====+
| 1   | 2   |
+-----+-----+

.. |sub| replace:: a substitution

Text with |sub|, a footnote [1]_ and a reference to Chapter_.

.. [1] The footnote.

.. _target:

----------

Section
-------

Broken *emphasis and a list:

- unfinished
ends here.
"""


def tree(parser: Parser, text: str, **overrides: object) -> str:
    settings = dict(SAFE_SETTINGS, warning_stream=io.StringIO(), **overrides)
    document = docutils.core.publish_doctree(source=text, source_path="r.rst", parser=parser,
                                             settings_overrides=settings)
    return str(document.pformat()) + settings["warning_stream"].getvalue()


@pytest.mark.parametrize("text", [
    CONSTRUCTS,
    *(path.read_text("utf-8") for path in sorted(FIXTURES.rglob("*.rst"))),
], ids=["constructs", *(path.name for path in sorted(FIXTURES.rglob("*.rst")))])
def test_the_tree_is_docutils_own(text):
    assert tree(QuickParser(), text) == tree(Parser(), text)


def test_the_constructs_are_all_parsed():
    """The sample reaches every nested state machine it is there for."""
    parsed = tree(QuickParser(), CONSTRUCTS)
    for element in ("field_list", "bullet_list", "enumerated_list", "definition_list",
                    "option_list", "line_block", "block_quote", "literal_block", "note",
                    "table", "substitution_definition", "footnote", "transition"):
        assert f"<{element}" in parsed


def machine() -> StateMachineWS:
    return StateMachineWS(state_classes=STATE_CLASSES, initial_state="Body")


def test_each_state_has_its_own_transitions_bound_to_it():
    first, second = machine().states["Body"], machine().states["Body"]
    assert first.transitions is not second.transitions
    assert first.transition_order == second.transition_order
    assert first.transitions["bullet"][1].__self__ is first
    assert second.transitions["bullet"][1].__self__ is second
    stock = states.Body(machine())
    assert first.transition_order == stock.transition_order
    assert {name: (pattern, next_state) for name, (pattern, _, next_state)
            in first.transitions.items()} == {name: (pattern, next_state) for name, (
                pattern, _, next_state) in stock.transitions.items()}


def test_nested_machines_use_the_quick_states():
    body = machine().states["Body"]
    assert isinstance(body, QuickState) and isinstance(body, states.Body)
    assert body.nested_sm_kwargs["state_classes"] is STATE_CLASSES


def test_a_transition_that_is_not_the_states_own_method_is_made_each_time():
    def blank(match, context, next_state):
        return context, next_state, []

    odd = _quick(type("Odd", (states.Body,), {"blank": staticmethod(blank)}))
    made = [odd(machine()) for _ in range(2)]
    assert all(state.transitions["blank"][1] is blank for state in made)
    assert made[1].transitions["bullet"][1].__self__ is made[1]


#: Pieces of paragraphs: plain words, and each character or string that
#: starts inline markup, a URI, an address or an escape, or ends a paragraph
#: before a literal block.
PIECES = st.sampled_from([
    "word", "Word", " ", " ", "\n", ".", ",", "(", ")", "'", "\u2019", "*", "**", "`", "``",
    "_", "__", "|", "[", "]_", "[1]_", "\\", ":", "::", "@", "a@b.org", "http://x.org/a",
    "mailto:a@b", ":ref:`x`", "*em*", "`t`_", "|s|", "PEP 8", "RFC 2822", "-",
    "10:30", "ftp:", ": ", "a:b", "x.y:/", "+:~", ":>", "@@", "<", ">",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(PIECES, min_size=1, max_size=12).map("".join), min_size=1,
                max_size=4))
def test_paragraphs_with_and_without_markup_parse_as_docutils_does(paragraphs):
    text = "\n\n".join(paragraphs) + "\n"
    assert tree(QuickParser(), text) == tree(Parser(), text)


@pytest.mark.parametrize("references", ["pep_references", "rfc_references"])
def test_text_is_searched_for_the_implicit_references_a_setting_turns_on(references):
    text = "See PEP 8 and RFC 2822, which hold no colon.\n"
    quick = tree(QuickParser(), text, **{references: True})
    assert quick == tree(Parser(), text, **{references: True})
    assert "<reference" in quick


def test_plain_text_is_one_text_node():
    paragraph = docutils.core.publish_doctree(
        "A plain paragraph, with no markup (none at all).\n", parser=QuickParser(),
        settings_overrides=dict(SAFE_SETTINGS, warning_stream=io.StringIO()))[0]
    assert [type(child) for child in paragraph.children] == [nodes.Text]
    assert isinstance(QuickParser().inliner, QuickInliner)


def nested() -> QuickNestedStateMachine:
    return QuickNestedStateMachine(state_classes=STATE_CLASSES, initial_state="Body")


def test_a_nested_machine_makes_a_state_when_first_asked_for_it():
    machine = nested()
    assert len(machine.states) == 0
    body = machine.states["Body"]
    assert isinstance(body, states.Body) and machine.states["Body"] is body
    assert list(machine.states) == ["Body"]
    with pytest.raises(UnknownStateError):
        machine.get_state("NoSuchState")
    with pytest.raises(DuplicateStateError):
        machine.add_state(STATE_CLASSES[0])


def test_a_state_made_during_a_run_is_initialised_for_it():
    machine = nested()
    machine.states["Body"]
    document = docutils.core.publish_doctree(
        "x\n", settings_overrides=dict(SAFE_SETTINGS, warning_stream=io.StringIO()))
    inliner = QuickInliner()
    inliner.init_customizations(document.settings)
    memo = states.Struct(document=document, reporter=document.reporter, language=None,
                         title_styles=[], section_level=0,
                         section_bubble_up_kludge=False, inliner=inliner)
    machine.run(["- an item", "", "text"], 0, memo=memo, node=document)
    assert set(machine.states) == {"Body", "Text"}
    assert all(state.memo is memo for state in machine.states.values())


def test_machines_made_with_the_same_states_do_not_share_a_state_added_to_one():
    first, second = nested(), nested()
    extra = _quick(type("Extra", (states.Body,), {}))
    first.add_state(extra)
    assert isinstance(first.states["Extra"], states.Body)
    with pytest.raises(UnknownStateError):
        second.get_state("Extra")
    assert isinstance(nested().states["BulletList"], states.BulletList)
