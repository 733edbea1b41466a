"""docutils' reStructuredText parser, with state machines that are quicker to make
and plain text that is not searched for markup it cannot hold.

docutils parses each nested block (a list, a list item's body, a directive's
content) with a new state machine of fifteen states, and each state builds
its table of transitions anew: a compiled pattern and a bound method for each
of a dozen names, looked up one by one.  A 50,000-word report makes hundreds
of machines.  A state's table depends only on its class, so here it is
made once a class, and each new state gets a copy with the methods bound to
it; and a nested machine makes a state only when it first enters it (a list
item's machine uses two or three of its fifteen).

docutils also searches every paragraph for the start of inline markup and
then for a URI or an e-mail address, two patterns tried at each character.
Inline markup starts with one of ``*`, _, |``; a URI holds a colon between
its scheme and the rest (``https://``, ``mailto:a``), not before a space as
prose does; an address holds an at sign; a backslash escapes.  Text with none
of these is one text node, made here without the searches.

Everything else is docutils' own: the states are subclasses of docutils'
(its documented way to customise the parser: ``Parser.state_classes``), with
the same names, and the inliner a subclass of its ``Inliner``, so the tree
parsed is the same.
"""

from __future__ import annotations

import re
from types import MethodType
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Parser, states
from docutils.statemachine import DuplicateStateError

from scr_checks import stdpatterns

#: A state class's transitions, once made: their names in the order they are
#: tried, and each one's pattern, unbound method and next state.
Transitions = tuple[list[str], dict[str, tuple[Any, Any, str]]]

#: State class -> its transitions; ``None`` for a class whose transitions are
#: not all its own methods, which is left to make them itself.
_MADE: dict[type, Transitions | None] = {}

#: A character that inline markup starts with, or a backslash (an escape):
#: text without one holds no inline markup.
_MARKUP = re.compile(r"[*`_|\\]")
#: Where a URI or an e-mail address could be: a colon between the last
#: character of a scheme and a character of a URI, or an at sign.
_URI_OR_ADDRESS = re.compile(r"[a-zA-Z0-9.+-]:" + states.Inliner.uric + "|@")


#: A tuple of state classes -> the classes by name, for the many machines made
#: with the same ones.
_NAMED: dict[tuple[type, ...], dict[str, type]] = {}


class LazyStates(dict[str, Any]):
    """A state machine's states by name, each made when it is first asked for.

    Once the machine has started its run (``started``), a state made is
    initialised for the run at once, as the machine did its others.
    """

    def __init__(self, machine: Any) -> None:
        super().__init__()
        self.machine = machine
        self.classes: dict[str, type] = {}
        self.started = False

    def __missing__(self, name: str) -> Any:
        state = self[name] = self.classes[name](self.machine, self.machine.debug)
        if self.started:
            state.runtime_init()
        return state


class QuickNestedStateMachine(states.NestedStateMachine):  # type: ignore[misc]
    """docutils' machine for a nested block, whose states are :class:`LazyStates`."""

    states: LazyStates

    def add_states(self, state_classes: Any) -> None:
        if not isinstance(self.states, LazyStates):
            self.states = LazyStates(self)
        classes = self.states.classes
        named = _NAMED.get(state_classes) if isinstance(state_classes, tuple) else None
        if named is not None and not classes:
            classes.update(named)
            return
        for state_class in state_classes:
            name = state_class.__name__
            if name in classes:
                raise DuplicateStateError(name)
            classes[name] = state_class
        if isinstance(state_classes, tuple) and len(classes) == len(state_classes):
            _NAMED[state_classes] = dict(classes)

    def add_state(self, state_class: Any) -> None:
        self.add_states((state_class,))

    def runtime_init(self) -> None:
        super().runtime_init()
        self.states.started = True


class QuickState:
    """A state whose initial transitions are made once for its class, whose
    nested machines make their states when first entered, and whose
    paragraphs skip the search for a closing ``::`` they cannot end with."""

    #: Machines kept for reuse by ``nested_parse``, apart from docutils' own.
    nested_sm_cache: ClassVar[list[Any]] = []
    nested_sm: ClassVar[type] = QuickNestedStateMachine

    transition_order: list[str]
    transitions: dict[str, tuple[Any, Any, str]]
    nested_sm_kwargs: dict[str, Any]
    state_machine: Any

    def __init__(self, state_machine: Any, debug: bool = False) -> None:
        super().__init__(state_machine, debug)  # type: ignore[call-arg]
        if self.nested_sm_kwargs.get("state_classes") is states.state_classes:
            self.nested_sm_kwargs["state_classes"] = STATE_CLASSES

    def add_initial_transitions(self) -> None:
        if type(self) not in _MADE:
            with stdpatterns.keeping():  # docutils' own patterns for the class
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

    def paragraph(self, lines: list[str], lineno: int) -> tuple[list[nodes.Node], int]:
        """docutils' paragraph, without its search of the whole text for a
        closing ``::`` (a literal block next) where the text does not end
        with one."""
        data = "\n".join(lines).rstrip()
        if data.endswith("::"):
            return super().paragraph(lines, lineno)  # type: ignore[misc, no-any-return]
        textnodes, messages = self.inline_text(data, lineno)  # type: ignore[attr-defined]
        paragraph = nodes.paragraph(data, "", *textnodes)
        paragraph.source, paragraph.line = self.state_machine.get_source_and_line(lineno)
        return [paragraph, *messages], 0


def _unbound(state: QuickState) -> Transitions | None:
    """``state``'s transitions with their methods unbound, or ``None`` if one is
    not a method of ``state``."""
    table = {}
    for name, (pattern, method, next_state) in state.transitions.items():
        if not (isinstance(method, MethodType) and method.__self__ is state):
            return None
        table[name] = (pattern, method.__func__, next_state)
    return list(state.transition_order), table


def _quick(state_class: type) -> type:
    return type(state_class.__name__, (QuickState, state_class),
                {"__module__": __name__, "__qualname__": state_class.__qualname__,
                 "__doc__": state_class.__doc__})


#: docutils' states, each made quick, under the same names.
STATE_CLASSES = tuple(_quick(state_class) for state_class in states.state_classes)


def _pattern_parts(inliner: type) -> type:
    """Give ``inliner`` the pieces docutils builds its inline patterns from,
    which it reads from the namespace of the inliner's own class
    (``vars(type(self))``), not from its bases'."""
    for name, value in vars(states.Inliner).items():
        if isinstance(value, str) and not name.startswith("__"):
            setattr(inliner, name, value)
    return inliner


@_pattern_parts
class QuickInliner(states.Inliner):  # type: ignore[misc]
    """docutils' inliner, which makes text that holds no markup one text node
    without searching it."""

    #: Whether the only implicit markup is docutils' URIs and e-mail addresses
    #: (no PEP or RFC references).
    uris_only = False

    def init_customizations(self, settings: Any) -> None:
        with stdpatterns.keeping():  # made from docutils' code and the reader's settings
            super().init_customizations(settings)
        self.uris_only = [pattern for pattern, _ in self.implicit_dispatch] == [self.patterns.uri]

    def parse(self, text: str, lineno: int, memo: Any,
              parent: nodes.Element) -> tuple[list[nodes.Node], list[nodes.Node]]:
        if _MARKUP.search(text):
            return super().parse(text, lineno, memo, parent)  # type: ignore[no-any-return]
        self.document = memo.document
        self.reporter = self.document.reporter
        self.language = memo.language
        self.parent = parent
        return self.implicit_inline(text, lineno), []

    def implicit_inline(self, text: str, lineno: int) -> list[nodes.Node]:
        if self.uris_only and not (("@" in text or ":" in text)
                                   and _URI_OR_ADDRESS.search(text)):
            return [nodes.Text(text)] if text else []
        return super().implicit_inline(text, lineno)  # type: ignore[no-any-return]


class QuickParser(Parser):  # type: ignore[misc]
    """docutils' reStructuredText parser, with :data:`STATE_CLASSES` and
    :class:`QuickInliner`."""

    def __init__(self, rfc2822: bool = False, inliner: Any = None) -> None:
        super().__init__(rfc2822, QuickInliner() if inliner is None else inliner)
        self.state_classes = STATE_CLASSES
