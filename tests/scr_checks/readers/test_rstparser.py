"""The quick reStructuredText parser parses exactly as docutils' own does."""

from __future__ import annotations

import io
from pathlib import Path

import docutils.core
import pytest
from docutils.parsers.rst import Parser, states
from docutils.statemachine import StateMachineWS

from scr_checks.readers.rst import SAFE_SETTINGS
from scr_checks.readers.rstparser import STATE_CLASSES, QuickParser, QuickTransitions, _quick

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


def tree(parser: Parser, text: str) -> str:
    settings = dict(SAFE_SETTINGS, warning_stream=io.StringIO())
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
    assert isinstance(body, QuickTransitions) and isinstance(body, states.Body)
    assert body.nested_sm_kwargs["state_classes"] is STATE_CLASSES


def test_a_transition_that_is_not_the_states_own_method_is_made_each_time():
    def blank(match, context, next_state):
        return context, next_state, []

    odd = _quick(type("Odd", (states.Body,), {"blank": staticmethod(blank)}))
    made = [odd(machine()) for _ in range(2)]
    assert all(state.transitions["blank"][1] is blank for state in made)
    assert made[1].transitions["bullet"][1].__self__ is made[1]
