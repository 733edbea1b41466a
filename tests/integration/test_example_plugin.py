"""The example local-area plugin, installed for real, as a user would.

It is built and installed into a folder of its own (``pip install --target``,
no network, no build isolation) and that folder is put on ``PYTHONPATH`` of a
``scr-checks`` subprocess: the plugin must be found through its entry point
alone, and its findings must reach every output.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parents[2] / "plugins" / "example-local-area"

REPORT = """\
1. Introduction
===============

The mother was described as hard to reach.

2. Analysis
===========

Nothing else.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A folder holding the installed example plugin, and an environment using it."""
    work = tmp_path_factory.mktemp("example")
    source = work / "source"
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("build", "*.egg-info"))
    target = work / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--no-build-isolation", "--disable-pip-version-check", "--target", str(target),
         str(source)],
        check=True, capture_output=True, text=True,
    )
    paths = [str(target), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(paths), NO_COLOR="1")
    env.pop("SCR_CHECKS_DISABLE_PLUGIN_AUTOLOAD", None)
    return target, env


def scr_checks(env, *args, cwd):
    return subprocess.run([sys.executable, "-m", "scr_checks", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, check=False)


def test_version_lists_the_installed_distribution(site, tmp_path):
    _, env = site
    done = scr_checks(env, "--version", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "  northshire: scr-checks-northshire 1.0.0" in done.stdout.splitlines()


def test_findings_reach_the_outputs(site, tmp_path):
    _, env = site
    (tmp_path / "report.rst").write_text(REPORT, encoding="utf-8")
    # NSH101 needs the whole report; the short text stands for one.
    (tmp_path / "scr-checks.toml").write_text('kind = "full_report"\n', encoding="utf-8")
    done = scr_checks(env, "check", "report.rst", "--select", "NSH", "--json", "out.json",
                      cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert ("report.rst:4:29: NSH701 [warning] Northshire reports avoid 'hard to reach'. "
            "It describes services' reach as a trait of the family. "
            "(not reached by services)") in lines
    assert "report.rst:1:1: NSH101 [warning] No 'Learning for Northshire' section." in lines
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in data["rules"]] == ["NSH101", "NSH701"]
    assert [(f["rule_id"], f["location"]["line"], f["location"]["column"])
            for f in data["files"][0]["findings"]] == [("NSH101", 1, 1), ("NSH701", 4, 29)]


def test_blocking_the_plugin_by_its_entry_point_name(site, tmp_path):
    _, env = site
    (tmp_path / "report.rst").write_text(REPORT, encoding="utf-8")
    done = scr_checks(env, "rules", "-p", "no:northshire", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "NSH" not in done.stdout


def test_the_plugin_passes_its_own_tests(site, tmp_path):
    _, env = site
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE / "tests")],
        env=env, cwd=EXAMPLE, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "7 passed" in done.stdout.splitlines()[-1]
