"""Property tests: whatever text a report yields, SARIF and JUnit stay valid.

PDF and Word text carries control characters, half surrogate pairs, right-to-
left marks and enormous lines; so can paths and plugin messages.  Both outputs
must still parse, validate, keep the text (or its escaped form) and render to
the same bytes twice.
"""

from __future__ import annotations

from urllib.parse import unquote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scr_checks.formatters import encodable
from scr_checks.formatters.junit import xml_text
from scr_checks.results import FileResult, Finding, Location, RunResult, Suppression, ToolError
from scr_checks.rules import Rule, Severity

AWKWARD = ["\x00", "\x0c", "\x1b", "\x7f", "\ud800", "\udfff", "\ufffe", "\uffff", "\u202e",
           "\u200f", "ש", "ل", "\U0001F600", "\n", "\r", "\t", '"', "<", "&", "]", ">", "\\",
           "%", "#", "?", " "]
# Joined from pieces: hypothesis' text() strategy leaves lone surrogates out.
PIECES = st.one_of(st.sampled_from(AWKWARD), st.text(st.characters(exclude_categories=()),
                                                     max_size=8))
TEXT = st.one_of(
    st.lists(PIECES, min_size=1, max_size=12).map("".join).filter(bool),
    st.builds(lambda piece, n: piece * n, PIECES.filter(bool), st.integers(2_000, 30_000)),
)
SEGMENT = st.lists(PIECES, min_size=1, max_size=4).map("".join).filter(
    lambda s: s and "/" not in s and s not in (".", ".."))
PATH = st.lists(SEGMENT, min_size=1, max_size=3).map("/".join)


@st.composite
def runs(draw) -> RunResult:
    rule = Rule(id="TST701", name="flag-word", short=draw(TEXT), full=draw(TEXT),
                severity=Severity.WARNING, question=7, fix=draw(TEXT))
    text_path, binary_path = draw(PATH), draw(PATH) + ".pdf"
    spoken = Finding(rule_id=rule.id, message=draw(TEXT), severity=Severity.WARNING,
                     location=Location(path=text_path, line=2, column=3, end_line=2,
                                       end_column=9),
                     snippet=draw(TEXT), suggestion=draw(TEXT), fingerprint="ab:1")
    paged = Finding(rule_id=rule.id, message=draw(TEXT), severity=Severity.ERROR,
                    location=Location(path=binary_path, heading_path=(draw(TEXT),),
                                      paragraph_number="3.2", paragraph_index=7, page=2),
                    suppression=Suppression("inSource", draw(TEXT)), fingerprint="cd:1")
    return RunResult(
        files=[
            FileResult(path=text_path, findings=[spoken], format="rst",
                       errors=[ToolError(text_path, draw(TEXT), draw(SEGMENT))]),
            FileResult(path=binary_path, findings=[paged], format="pdf"),
            FileResult(path=draw(PATH), errors=[ToolError(draw(PATH), draw(TEXT))]),
        ],
        rules=[rule], version="0.1.0")


PROPERTIES = settings(max_examples=40, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@PROPERTIES
@given(run=runs(), show=st.booleans())
def test_sarif_stays_valid_and_keeps_the_text(run, show, render, valid_sarif):
    first = render("sarif", run, show_identifiers=show)
    assert render("sarif", run, show_identifiers=show) == first
    first.encode("utf-8")
    sarif_run = valid_sarif(first)["runs"][0]
    spoken, paged = sarif_run["results"]
    file = run.files[0]
    assert spoken["message"]["text"].startswith(encodable(file.findings[0].message))
    assert paged["message"]["text"].startswith(encodable(run.files[1].findings[0].message))
    uri = spoken["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert unquote(uri) == encodable(file.path)
    region = spoken["locations"][0]["physicalLocation"]["region"]
    assert ("snippet" in region) is show
    assert paged["suppressions"][0]["justification"] == encodable(
        run.files[1].findings[0].suppression.justification)
    notices = sarif_run["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notices] == [encodable(e.message) for e in run.errors]


@PROPERTIES
@given(run=runs())
def test_junit_stays_valid_and_keeps_the_text(run, render, valid_junit):
    first = render("junit", run)
    assert render("junit", run) == first
    root = valid_junit(first).getroot()
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [xml_text(f.path) for f in run.files]
    failure = suites[0].find("testcase/failure")
    assert xml_text(run.files[0].findings[0].message) in failure.text
    assert failure.text.startswith(xml_text(run.files[0].path) + ":2:3: warning TST701 ")
    suppressed = suites[1].find("testcase/system-out").text
    assert suppressed.endswith(" (suppressed)")
    errors = [e.get("message") for e in root.iter("error")]
    assert errors == [xml_text(e.message) for e in run.errors]
