"""The reST reader's transforms are skipped only where they would find nothing to do."""

import pytest

from scr_checks.readers import rstreader
from scr_checks.readers.rst import RstReader

PROSE = "Findings\n========\n\nThe school nurse saw the child twice.\n"

SAMPLES = {
    "prose": PROSE,
    "named target and reference": PROSE + "\nSee `the review`_.\n\n"
                                  ".. _the review: https://example.org/\n",
    "internal target": ".. _findings:\n\n" + PROSE + "\nAs in findings_ above.\n",
    "anonymous link": PROSE + "\nSee `this <https://example.org/>`__ and `that`__.\n\n"
                      "__ https://example.org/b\n",
    "unknown target": PROSE + "\nSee nowhere_.\n",
    "unreferenced target": PROSE + "\n.. _alone: https://example.org/\n",
    "substitution bringing a link": PROSE + "\nSee |guide|.\n\n"
                                    ".. |guide| replace:: `the guide <https://example.org/>`_\n",
    "substitution bringing a target": PROSE + "\nSee |here| and here_.\n\n"
                                      ".. |here| replace:: _`here`\n",
    "transition": PROSE + "\n----------\n\nMore prose after a transition.\n",
    "transition at the end": PROSE + "\n----------\n",
    "footnote": PROSE + "\nA note [#]_.\n\n.. [#] The note.\n",
    "citation": PROSE + "\nAs [CIT2002]_ says.\n\n.. [CIT2002] A book.\n",
    "bare URL": PROSE + "\nSee https://example.org/ for more.\n",
}


def read(text: str):
    report = RstReader().read("r.rst", text.encode())
    return report.document.pformat(), report.parse_messages


@pytest.mark.parametrize("text", SAMPLES.values(), ids=SAMPLES.keys())
def test_the_tree_and_messages_are_those_every_transform_leaves(text, monkeypatch):
    gated = read(text)
    monkeypatch.setattr(rstreader, "GATED", {})
    assert gated == read(text)


def test_prose_with_no_links_skips_the_walks_for_them(monkeypatch):
    ran = []
    for transform in rstreader.NEEDS:
        monkeypatch.setattr(transform, "apply", lambda self, **kw: ran.append(type(self)))
    read(PROSE)
    assert ran == []
    read(SAMPLES["named target and reference"])
    assert {cls.__name__ for cls in ran} >= {"PropagateTargets", "InternalTargets",
                                            "ExternalTargets", "DanglingReferences"}
    assert "Transitions" not in {cls.__name__ for cls in ran}

