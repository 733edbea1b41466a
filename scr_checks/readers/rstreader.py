"""docutils' standalone reader, without the transforms that would find nothing to do.

Most of the transforms after the parse walk the whole tree looking for one
kind of node: hyperlink targets, references, transitions.  Published
reviews rarely hold any, and on 50,000 words of real prose the walks took
about 2% of a run.  Here the tree is walked once for the kinds of node it
holds, when the first of those transforms runs (after the substitutions
have been made, which can bring in any kind of node; none of the others
makes a kind these look for), and a transform whose kind is missing is
skipped: the tree is the one the transforms would have left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from docutils.readers import standalone
from docutils.transforms import Transform, misc, references

#: What a transform needs to find in the tree to have anything to do.
Needed = Callable[[nodes.document, frozenset[type]], bool]


def _holds(*kinds: type) -> Needed:
    def needed(document: nodes.document, present: frozenset[type]) -> bool:
        return any(issubclass(kind, wanted) for kind in present for wanted in kinds)
    return needed


def _dangling(document: nodes.document, present: frozenset[type]) -> bool:
    """References by name to resolve, or targets to report as unreferenced."""
    return bool(document.refnames) or _holds(nodes.target)(document, present)


NEEDS: dict[type[Transform], Needed] = {
    references.PropagateTargets: _holds(nodes.target),
    references.AnonymousHyperlinks: _holds(nodes.reference, nodes.target),
    references.ExternalTargets: _holds(nodes.target),
    references.InternalTargets: _holds(nodes.target),
    references.DanglingReferences: _dangling,
    misc.Transitions: _holds(nodes.transition),
}


def _kinds(document: nodes.document) -> frozenset[type]:
    """The kinds of node in the tree, found once."""
    present: frozenset[type] | None = getattr(document, "_scr_node_kinds", None)
    if present is None:
        present = frozenset(map(type, document.findall()))
        document._scr_node_kinds = present  # type: ignore[attr-defined]
    return present


def _gated(transform: type[Transform], needed: Needed) -> type[Transform]:
    def apply(self: Transform, **kwargs: Any) -> None:
        if needed(self.document, _kinds(self.document)):
            transform.apply(self, **kwargs)

    return type(transform.__name__, (transform,), {"apply": apply,
                                                   "__module__": __name__,
                                                   "__doc__": transform.__doc__})


GATED = {transform: _gated(transform, needed) for transform, needed in NEEDS.items()}


class QuickReader(standalone.Reader):  # type: ignore[misc]
    """The standalone reader, each of :data:`NEEDS` skipped where it has nothing to do."""

    def get_transforms(self) -> list[type[Transform]]:
        return [GATED.get(transform, transform) for transform in super().get_transforms()]
