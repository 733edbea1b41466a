"""Configuration files are found, validated, and wrong keys named."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from scr_checks import config
from scr_checks.cli import main
from scr_checks.config import find_config, load_raw, search_limit
from scr_checks.exceptions import ConfigError
from scr_checks.testing import make_session


def test_found_by_walking_up_to_the_repository_root(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "scr-checks.toml").write_text("fail_level = 'error'\n", encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep / "report.rst") == tmp_path / "scr-checks.toml"


def test_pyproject_counts_only_with_a_tool_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text(
        "[tool.scr-checks]\nignore = ['SCR7']\n", encoding="utf-8"
    )
    path = find_config(tmp_path)
    assert path == tmp_path / "pyproject.toml"
    assert load_raw(path) == {"ignore": ["SCR7"]}


@pytest.mark.parametrize("text", [
    "[tool.scr-checks]\n",
    "[ tool . 'scr-checks' ]\n",
    '[[tool."scr-checks"]]\n',
    "[tool.scr-checks.severity]\nSCR7 = 'info'\n",
    "[tool]\nscr-checks = {}\n",
    "tool.scr-checks.ignore = []\n",
    "tool = { scr-checks = {} }\n",
    '"t\\u006fol".scr-checks = {}\n',
])
def test_every_spelling_of_the_tool_table_counts(tmp_path, text):
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"


def test_pyproject_without_the_tool_table_is_not_parsed(tmp_path, monkeypatch):
    """Naming the project or its command scr-checks is not a configuration."""
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname = 'scr-checks'\n[project.scripts]\nscr-checks = 'x:main'\n"
        "[tool.setuptools.dynamic]\nversion = {attr = 'x.v'}\n", encoding="utf-8")

    def parse(path):
        raise AssertionError(f"parsed {path}")

    monkeypatch.setattr(config, "_load_toml", parse)
    assert find_config(tmp_path) is None


def test_nearest_file_wins(tmp_path):
    (tmp_path / "scr-checks.toml").write_text("", encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.scr-checks]\n", encoding="utf-8")
    assert find_config(inner) == inner / "pyproject.toml"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"colour": True}, "unknown key 'colour'"),
        ({"fail_level": "fatal"}, "'fail_level' must be one of error, warning, note"),
        ({"select": "SCR7"}, "'select' must be a list of strings"),
        ({"max_file_size": "big"}, "'max_file_size' must be a whole number"),
        ({"structure": {"required": ["x"]}}, "unknown key 'structure.required'"),
        ({"structure": {"required_sections": "analysis"}},
         "'structure.required_sections' must be a list of strings"),
        ({"severity": {"SCR101": "loud"}}, "unknown severity 'loud'"),
    ],
)
def test_bad_values_name_the_key(raw, message):
    with pytest.raises(ConfigError, match=message):
        make_session(config=raw, config_path=Path("scr-checks.toml"))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"fail_levl": "error"}, "unknown key 'fail_levl'; did you mean 'fail_level'?"),
        ({"structure": {"required_section": ["x"]}},
         "unknown key 'structure.required_section'; did you mean "
         "'structure.required_sections'?"),
        ({"structur": {"required_sections": ["x"]}},
         "unknown key 'structur'; did you mean 'structure'?"),
    ],
)
def test_an_unknown_key_suggests_the_nearest_declared_one(raw, message):
    with pytest.raises(ConfigError) as caught:
        make_session(config=raw, config_path=Path("scr-checks.toml"))
    assert str(caught.value) == f"scr-checks.toml: {message}"


def test_every_wrong_key_is_reported_not_only_the_first():
    with pytest.raises(ConfigError) as caught:
        make_session(config={"colour": 1, "severity": {"SCR101": "loud"}},
                     config_path=Path("scr-checks.toml"))
    problems = caught.value.problems()
    assert len(problems) == 2
    assert problems[0].startswith("scr-checks.toml: unknown key 'colour'")
    assert "unknown severity 'loud'" in problems[1]


def test_severity_for_unknown_rule_is_an_error():
    with pytest.raises(ConfigError, match=r"'severity\.SCR999' names no registered rule"):
        make_session(config={"severity": {"SCR999": "error"}})


def test_invalid_toml_is_one_clear_error(tmp_path):
    path = tmp_path / "scr-checks.toml"
    path.write_text("select = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_raw(path)


def test_plugin_option_default_and_override():
    default = make_session()
    assert "analysis" in default.config.option("structure", "required_sections")
    custom = make_session(config={"structure": {"required_sections": ["findings"]}})
    assert custom.config.option("structure", "required_sections") == ["findings"]


# -- whose configuration is trusted ------------------------------------------------

#: A plugin module a configuration file names in ``extensions``: it leaves a
#: mark when imported, so a test can tell whether the file was obeyed.
PLANTED = "import os\nos.environ['SCR_PLANTED'] = 'ran'\n"


def plant(folder: Path) -> None:
    """A configuration in ``folder`` that runs code and unmasks identifiers."""
    (folder / "planted_plugin.py").write_text(PLANTED, encoding="utf-8")
    (folder / "scr-checks.toml").write_text(
        'extensions = ["planted_plugin"]\nplugin_paths = ["."]\nshow_identifiers = true\n',
        encoding="utf-8")


def test_a_configuration_above_the_repository_is_not_read(tmp_path, monkeypatch, capsys):
    plant(tmp_path)
    repository = tmp_path / "reports-repo"
    (repository / ".git").mkdir(parents=True)
    (repository / "r.rst").write_text("She met Jane Moss.\n", encoding="utf-8")
    monkeypatch.chdir(repository)
    monkeypatch.delenv("SCR_PLANTED", raising=False)
    assert find_config(repository / "r.rst") is None
    main(["check", "r.rst", "--select", "SCR201", "--no-color"])
    assert "SCR_PLANTED" not in os.environ
    out = capsys.readouterr().out
    assert "Personal name: '[name]'" in out and "Jane Moss" not in out


def test_a_mercurial_repository_root_bounds_the_search_too(tmp_path):
    plant(tmp_path)
    repository = tmp_path / "reports-repo"
    (repository / ".hg").mkdir(parents=True)
    (repository / "drafts").mkdir()
    assert search_limit(repository / "drafts") == repository
    assert find_config(repository / "drafts" / "r.rst") is None


def test_outside_a_repository_the_search_stops_at_the_current_folder(tmp_path, monkeypatch):
    plant(tmp_path)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert search_limit(tmp_path / "work") == tmp_path / "work"
    assert find_config(tmp_path / "work") is None
    monkeypatch.chdir(tmp_path)
    assert find_config(tmp_path / "work") == tmp_path / "scr-checks.toml"


def test_the_home_folder_bounds_the_search(tmp_path, monkeypatch):
    plant(tmp_path)
    home = tmp_path / "home"
    (home / "reports").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    assert search_limit(home / "reports") == home
    assert find_config(home / "reports") is None


def test_isolated_ignores_every_configuration_file(tmp_path, monkeypatch, capsys):
    plant(tmp_path)
    (tmp_path / "r.rst").write_text("She met Jane Moss.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SCR_PLANTED", raising=False)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the extension's folder is added
    monkeypatch.setitem(sys.modules, "planted_plugin", None)
    del sys.modules["planted_plugin"]
    main(["check", "r.rst", "--select", "SCR201", "--no-color", "--isolated"])
    assert "SCR_PLANTED" not in os.environ
    out = capsys.readouterr().out
    assert "Personal name: '[name]'" in out and "Jane Moss" not in out
    main(["check", "r.rst", "--select", "SCR201", "--no-color"])
    assert os.environ.pop("SCR_PLANTED") == "ran"
    assert "Jane Moss" in capsys.readouterr().out


def test_inputs_with_different_configurations_are_an_error(tmp_path, monkeypatch, capsys):
    (tmp_path / ".git").mkdir()
    for name, level in (("a", "error"), ("b", "note")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "scr-checks.toml").write_text(f'fail_level = "{level}"\n',
                                                         encoding="utf-8")
        (tmp_path / name / "r.rst").write_text("Text.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a", "b/r.rst"]) == 2
    err = capsys.readouterr().err
    assert ("the inputs have different configurations (a uses a/scr-checks.toml; b/r.rst "
            "uses b/scr-checks.toml)") in err
    assert main(["check", "a", "b/r.rst", "--config", "a/scr-checks.toml",
                 "--select", "SCR101", "-q"]) == 0
