"""Parsers' errors reach the user in a reviewer's words."""

from __future__ import annotations

import pytest
from lxml import etree

from scr_checks.messages import describe, memory_message


def raised(make):
    try:
        make()
    except BaseException as exc:
        return exc
    raise AssertionError("nothing raised")


def deep(n):
    return deep(n + 1)


@pytest.mark.parametrize(("make", "said"), [
    (lambda: deep(0), "nested too deeply to read (structures inside one another, hundreds deep)"),
    (lambda: int("9" * 5000), "a number too long to read (over 4,300 digits)"),
    (lambda: int("1.2.x"), "a number that could not be read as one"),
    (lambda: (_ for _ in ()).throw(ValueError("RuntimeError: Excessive depth in document: 256 "
                                              "use XML_PARSE_HUGE option, line 1")),
     "XML nested deeper than 256 levels"),
    (lambda: (_ for _ in ()).throw(ValueError("xmlSAX2Characters: huge text node, line 1")),
     "an XML text or attribute too large to read (over 10 MB)"),
    (lambda: (_ for _ in ()).throw(ValueError("something; use XML_PARSE_HUGE option")),
     "XML too large or too deeply nested to read safely"),
    (lambda: {}["key"], "KeyError: 'key'"),
])
def test_describe(make, said):
    assert describe(raised(make)) == said


def test_an_lxml_error_about_huge_input_is_plain():
    exc = raised(lambda: etree.fromstring(b"<a>" * 300 + b"</a>" * 300))
    assert "XML_PARSE_HUGE" not in describe(exc) and "256" in describe(exc)


def test_memory_names_the_budget_and_the_key():
    assert memory_message(1536 * 1024 * 1024) == (
        "needed more than 1,536 MiB of memory (max_memory)")
    assert describe(MemoryError()) in ("ran out of memory", memory_message())
