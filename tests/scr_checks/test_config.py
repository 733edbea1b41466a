"""Configuration files are found, validated, and wrong keys named."""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_checks.config import find_config, load_raw
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
