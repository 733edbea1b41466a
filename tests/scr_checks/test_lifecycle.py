"""Every front end runs a plugin's hooks in the documented order, and checks its settings."""

from __future__ import annotations

import pytest

from scr_checks.cli import main
from scr_checks.config import Config
from scr_checks.exceptions import ConfigError
from scr_checks.testing import check_text, make_session

RECORDER = '''
import json, os
from scr_checks import hookimpl

def _note(name):
    with open(os.environ["HOOK_LOG"], "a", encoding="utf-8") as log:
        log.write(name + "\\n")

@hookimpl
def scr_addhooks(pluginmanager):
    _note("scr_addhooks")

@hookimpl
def scr_addoption(parser):
    _note("scr_addoption")

@hookimpl
def scr_configure(config):
    _note("scr_configure")

@hookimpl
def scr_check_document(context):
    _note("scr_check_document")

@hookimpl
def scr_sessionfinish(result, config):
    _note("scr_sessionfinish")

@hookimpl
def scr_unconfigure(config):
    _note("scr_unconfigure")
'''
CHECK_ORDER = ["scr_addhooks", "scr_addoption", "scr_configure", "scr_check_document",
               "scr_sessionfinish", "scr_unconfigure"]


@pytest.fixture
def recorder(make_plugin, tmp_path, monkeypatch):
    log = tmp_path / "hooks.log"
    monkeypatch.setenv("HOOK_LOG", str(log))
    name = make_plugin(RECORDER)

    def calls() -> list[str]:
        found = log.read_text(encoding="utf-8").split() if log.exists() else []
        log.unlink(missing_ok=True)
        return found

    return name, calls


def test_the_command_line_and_the_test_helpers_run_the_same_hooks_in_order(
        recorder, tmp_path, monkeypatch):
    name, calls = recorder
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.rst").write_text("Text.\n", encoding="utf-8")
    main(["check", "r.rst", "-p", name, "-q", "--isolated"])
    assert calls() == CHECK_ORDER
    check_text("Text.\n", plugins=[name])
    assert calls() == CHECK_ORDER


@pytest.mark.parametrize("command", [["rules"], ["formats"], ["rule", "SCR101"]])
def test_commands_that_only_list_still_configure_and_unconfigure(recorder, command, capsys):
    name, calls = recorder
    main([*command, "-p", name, "--isolated"])
    assert calls() == ["scr_addhooks", "scr_addoption", "scr_configure", "scr_unconfigure"]


def test_a_front_ends_own_setting_is_checked_as_the_files_are():
    config: Config = make_session().config
    with pytest.raises(ConfigError, match=r"conf\.py: 'fail_level' must be one of"):
        config.override("fail_level", "loud", "conf.py")
    with pytest.raises(ConfigError, match=r"--select: 'select' must be a list"):
        config.override("select", "SCR1", "--select")
    with pytest.raises(ConfigError, match=r"unknown key 'selct'"):
        config.override("selct", ["SCR1"], "--selct")
    config.override("select", ["SCR1"], "--select")
    assert config.get("select") == ["SCR1"] and config.origin("select") == "--select"
