"""The reStructuredText reader: its start-up (no web client, no highlighter), its messages."""

from __future__ import annotations

import subprocess
import sys
import textwrap

TABLE = """\
Chronology
==========

.. list-table:: Key events
   :header-rows: 1

   * - Date
     - Event
   * - 1 March
     - A referral was made.
"""


def run_python(code: str) -> str:
    """What ``code`` prints in a fresh interpreter, whose imports are its own."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, check=True).stdout.strip()


def test_a_table_is_read_without_loading_the_web_client():
    out = run_python(f"""
        import sys
        from docutils import nodes
        from scr_checks.readers.rst import RstReader
        report = RstReader().read("r.rst", {TABLE!r}.encode())
        print(len(list(report.document.findall(nodes.table))),
              sorted(m for m in ("urllib.request", "http.client", "email", "ssl",
                                 "urllib.error", "tempfile")
                     if m in sys.modules))
    """)
    assert out == "1 []"


def test_the_directives_fetch_with_the_real_urlopen(tmp_path):
    page = tmp_path / "table.csv"
    page.write_text("a,b\n", encoding="utf-8")
    out = run_python(f"""
        import sys
        from scr_checks.readers.rst import import_url_directives
        import_url_directives()
        from docutils.parsers.rst.directives import misc, tables
        assert "urllib.request" not in sys.modules
        with tables.urlopen({page.as_uri()!r}) as response:
            print(response.read().decode(), end="|")
        print(misc.urlopen is tables.urlopen, sys.modules["urllib.request"].Request.__name__)
    """)
    assert out == "a,b\n|True Request"


def test_later_imports_get_the_real_module():
    out = run_python("""
        from scr_checks.readers.rst import import_url_directives
        import_url_directives()
        import urllib.request
        print(urllib.request.Request.__name__, urllib.request.urlopen.__module__)
    """)
    assert out == "Request urllib.request"


def test_the_stand_in_answers_any_other_name_with_the_real_one():
    out = run_python("""
        import sys
        from functools import partial
        from scr_checks.readers import rst
        stand_in = type(sys)("urllib.request")
        stand_in.__getattr__ = partial(rst._real_attribute, "urllib.request")
        sys.modules["urllib.request"] = stand_in
        request = stand_in.Request
        print(request.__name__, sys.modules["urllib.request"] is not stand_in,
              hasattr(stand_in, "__path__"))
    """)
    assert out == "Request True False"


def test_the_directives_catch_what_the_real_urlopen_raises():
    """``URLError`` stands in as OSError: caught where the directives catch it."""
    out = run_python("""
        import sys
        from scr_checks.readers.rst import import_url_directives
        import_url_directives()
        from docutils.parsers.rst.directives import misc, tables
        from urllib.error import URLError
        print(misc.URLError is tables.URLError is OSError, issubclass(URLError, OSError),
              URLError.__module__)
    """)
    assert out == "True True urllib.error"


def test_code_is_read_as_text_without_loading_a_highlighter():
    out = run_python("""
        import sys
        from scr_checks.readers.rst import RstReader
        text = "Intro\\n=====\\n\\n.. code:: nosuchlanguage\\n\\n   x = 1  # kept\\n"
        report = RstReader().read("r.rst", text.encode())
        import docutils.utils.code_analyzer as analyser
        print(report.parse_messages, "x = 1  # kept" in report.document.astext(),
              "pygments" in sys.modules, analyser.with_pygments)
    """)
    assert out == "[] True False False"


def test_a_highlighter_already_imported_is_left_as_it_was():
    out = run_python("""
        import sys
        try:
            import pygments
        except ImportError:
            pygments = None
        from scr_checks.readers import rst
        import docutils.utils.code_analyzer as analyser
        print(sys.modules.get("pygments") is pygments, analyser.with_pygments is bool(pygments))
    """)
    assert out == "True True"


def test_an_anonymous_links_mismatch_is_said_without_docutils_advice_to_developers():
    from scr_checks.readers.rst import RstReader

    text = "Intro\n=====\n\nSee `this`__ and `that`__.\n\n__ https://example.org/\n"
    messages = RstReader().read("r.rst", text.encode()).parse_messages
    assert [m for _, _, m in messages] == [
        "Anonymous hyperlink mismatch: 2 references but 1 targets."]
