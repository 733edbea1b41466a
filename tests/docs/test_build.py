"""The documentation builds with no warnings, and its generated pages are right.

A build takes about two seconds, so it runs with the rest of the suite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scr_checks import hookspecs
from scr_checks.testing import make_session

DOCS = Path(__file__).parents[2] / "docs"


@pytest.fixture(scope="module")
def html(tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         "-d", str(out / ".doctrees"), str(DOCS), str(out)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return out


def test_every_rule_has_its_help_uri_anchor(html):
    page = (html / "rules.html").read_text(encoding="utf-8")
    for rule in make_session().rules:
        page_name, anchor = rule.help_uri.rsplit("/", 1)[1].split("#")
        assert page_name == "rules.html"
        assert f'id="{anchor}"' in page, rule.id


def test_every_option_is_in_the_configuration_reference(html):
    page = (html / "configuration.html").read_text(encoding="utf-8")
    options = make_session().config.parser.options
    assert options
    for key in options:
        assert f'<span class="pre">{key}</span>' in page, key


def test_the_hook_reference_documents_every_hook(html):
    page = (html / "writing-plugins.html").read_text(encoding="utf-8")
    hooks = [name for name in vars(hookspecs) if name.startswith("scr_")]
    assert len(hooks) == 11
    for name in hooks:
        assert f'id="scr_checks.hookspecs.{name}"' in page
