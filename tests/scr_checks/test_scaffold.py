"""``scr-checks new-plugin``: the plugin it writes passes its own tests untouched."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from scr_checks.cli import main
from scr_checks.exceptions import UsageError
from scr_checks.scaffold import plugin_names


def test_generated_plugin_passes_its_own_tests(tmp_path, capsys):
    target = tmp_path / "plugin"
    assert main(["new-plugin", "west-vale", "--prefix", "WV", "--dir", str(target)]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {target};")
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == [
        "README.md",
        "pyproject.toml",
        "src/scr_west_vale/__init__.py",
        "src/scr_west_vale/data/house_terms.tsv",
        "src/scr_west_vale/plugin.py",
        "tests/test_plugin.py",
    ]
    pyproject = (target / "pyproject.toml").read_text(encoding="utf-8")
    assert 'west-vale = "scr_west_vale.plugin"' in pyproject
    paths = [str(target / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=target, env=dict(os.environ, PYTHONPATH=os.pathsep.join(paths)),
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "5 passed" in done.stdout.splitlines()[-1]


def test_default_prefix_and_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["new-plugin", "northshire"]) == 0
    plugin = (tmp_path / "scr-checks-northshire/src/scr_northshire/plugin.py").read_text(
        encoding="utf-8")
    assert 'id="NOR701"' in plugin


def test_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["new-plugin", "northshire", "--dir", str(tmp_path)]) == 2
    assert "exists and is not empty" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


@pytest.mark.parametrize(("name", "prefix"), [("North Shire", None), ("x", "SCR"),
                                              ("x", "SCRU"), ("scrutiny", None),
                                              ("northshire", "N1")])
def test_bad_names_are_usage_errors(name, prefix):
    with pytest.raises(UsageError):
        plugin_names(name, prefix)


def test_a_lower_case_prefix_is_taken_as_capitals(tmp_path, capsys):
    target = tmp_path / "plugin"
    assert main(["new-plugin", "west-shire", "--prefix", "ws", "--dir", str(target)]) == 0
    assert 'id="WS701"' in (target / "src/scr_west_shire/plugin.py").read_text(encoding="utf-8")


def test_a_bad_prefix_given_is_named_as_given_not_asked_for(capsys):
    assert main(["new-plugin", "west-shire", "--prefix", "w1"]) == 2
    err = capsys.readouterr().err
    assert "--prefix 'w1'" in err and "use --prefix" not in err


def test_a_bad_derived_prefix_asks_for_prefix():
    with pytest.raises(UsageError, match="choose one with --prefix"):
        plugin_names("s-c-r")


def test_generated_plugin_reads_its_word_list_without_importlib_resources(tmp_path):
    """The docs' advice (shipped_file): a run need not import importlib.resources."""
    target = tmp_path / "plugin"
    assert main(["new-plugin", "west-vale", "--prefix", "WV", "--dir", str(target)]) == 0
    report = tmp_path / "report.rst"
    report.write_text("Intro\n=====\n\nService users were seen.\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from scr_checks.cli import main\n"
        f"status = main(['check', {str(report)!r}, '-q', '--isolated', '--select', 'WV',\n"
        "               '-p', 'scr_west_vale.plugin'])\n"
        "print(status, 'importlib.resources' in sys.modules)\n"
    )
    paths = [str(target / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path,
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join(paths)),
                          capture_output=True, text=True, check=False)
    assert done.stdout.splitlines()[-2:] == [
        "report.rst:4:1: WV701 [warning] Avoid 'Service users'. Name the person, not the "
        "service relationship. (the child, the mother)",
        "1 False",
    ], done.stdout + done.stderr
