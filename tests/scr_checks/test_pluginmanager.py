"""Plugin discovery: entry points, config extensions, -p, and -p no:."""

from __future__ import annotations

import importlib.metadata
import json
import sys
import types
from pathlib import Path

import pytest

from scr_checks.exceptions import ConfigError, PluginLoadError, RuleError
from scr_checks.pluginmanager import ENTRY_POINT_GROUP, ScrPluginManager
from scr_checks.testing import check_text, make_session, rule_ids


class FakeDist:
    def __init__(self, name: str, version: str = "1.0") -> None:
        self.name = name
        self.version = version


def entry_point(name: str, value: str, dist: str) -> importlib.metadata.EntryPoint:
    ep = importlib.metadata.EntryPoint(name=name, value=value, group=ENTRY_POINT_GROUP)
    return ep._for(FakeDist(dist))  # the way importlib attaches a distribution


def test_builtin_checkers_are_discovered_by_entry_point():
    session = make_session()
    assert session.pm.has_plugin("structure")
    assert "SCR101" in session.rules
    assert session.pm.distributions["structure"][0] == "scr-checks"


def test_fabricated_entry_point_is_loaded_and_its_findings_reported(flag_plugin):
    pm = ScrPluginManager()
    pm.load_core()
    pm.load_entry_points([entry_point("local", flag_plugin, "scr-checks-local")])
    assert pm.has_plugin("local")
    assert pm.distributions["local"] == ("scr-checks-local", "1.0")


def test_two_packages_offering_one_plugin_name_is_an_error_naming_both(flag_plugin):
    pm = ScrPluginManager()
    eps = [entry_point("local", flag_plugin, "pkg-one"), entry_point("local", "os", "pkg-two")]
    with pytest.raises(PluginLoadError, match="offered by two packages") as info:
        pm.load_entry_points(eps)
    assert "pkg-one 1.0" in str(info.value) and "pkg-two 1.0" in str(info.value)


def test_plugin_that_fails_to_import_names_plugin_and_package(make_plugin):
    broken = make_plugin("import does_not_exist_anywhere\n")
    pm = ScrPluginManager()
    with pytest.raises(PluginLoadError) as info:
        pm.load_entry_points([entry_point("broken", broken, "scr-checks-broken")])
    message = str(info.value)
    assert "'broken'" in message and "scr-checks-broken" in message
    assert "ModuleNotFoundError" in message and "\n" not in message


def test_dash_p_loads_a_module(flag_plugin):
    run = check_text("Intro\n=====\n\nflagme\n", plugins=[flag_plugin])
    assert "TST101" in rule_ids(run)


def test_dash_p_no_disables_a_builtin_plugin():
    session = make_session(blocked=["structure"])
    assert "SCR101" not in session.rules
    assert not session.pm.has_plugin("structure")


def test_core_plugin_cannot_be_disabled():
    with pytest.raises(PluginLoadError, match="part of the core"):
        make_session(blocked=["scr_checks.builtin"])


def write_rule_plugin(tools: Path, module: str, rule_id: str) -> None:
    """A module in ``tools`` that registers one rule, ``rule_id``."""
    tools.mkdir()
    (tools / f"{module}.py").write_text(
        "from scr_checks import Rule, Severity, hookimpl\n"
        "@hookimpl\n"
        "def scr_register_rules():\n"
        f"    return [Rule(id='{rule_id}', name='house', short='s', full='f',\n"
        "                 severity=Severity.NOTE, question=7)]\n",
        encoding="utf-8",
    )


def test_config_extensions_with_plugin_paths(tmp_path):
    tools = tmp_path / "tools"
    write_rule_plugin(tools, "house_style_ext", "HSE701")
    config_path = tmp_path / "scr-checks.toml"
    try:
        session = make_session(
            config={"extensions": ["house_style_ext"], "plugin_paths": ["tools"]},
            config_path=config_path,
        )
        assert "HSE701" in session.rules
        assert session.rules.owner("HSE701") == "house_style_ext"
    finally:
        sys.modules.pop("house_style_ext", None)
        sys.path.remove(str(tools))


def test_a_module_named_with_p_is_found_in_the_configuration_s_plugin_paths(tmp_path):
    tools = tmp_path / "tools"
    write_rule_plugin(tools, "one_run_ext", "ORE701")
    try:
        session = make_session(config={"plugin_paths": ["tools"]},
                               config_path=tmp_path / "scr-checks.toml",
                               plugins=["one_run_ext"])
        assert session.rules.owner("ORE701") == "one_run_ext"
    finally:
        sys.modules.pop("one_run_ext", None)
        if str(tools) in sys.path:
            sys.path.remove(str(tools))


def test_misspelt_hook_is_an_error_naming_the_plugin(make_plugin):
    name = make_plugin(
        "from scr_checks import hookimpl\n@hookimpl\ndef scr_chek_node(block):\n    pass\n"
    )
    with pytest.raises(PluginLoadError) as info:
        make_session(plugins=[name])
    assert str(info.value) == (
        f"plugin {name!r}: 'scr_chek_node' is not a scr-checks hook; did you mean "
        "'scr_check_node'? (the hooks are listed in the docs' 'Writing a plugin' page)")


def test_unmarked_functions_are_not_hooks():
    pm = ScrPluginManager()
    module = types.ModuleType("plain")
    module.scr_check_node = lambda block: None  # type: ignore[attr-defined]
    pm.register(module, name="plain")
    assert not pm.hook.scr_check_node.get_hookimpls()


def _rule_plugin(rule_id: str) -> str:
    return (
        "from scr_checks import Rule, Severity, hookimpl\n@hookimpl\n"
        "def scr_register_rules():\n"
        f"    return [Rule(id='{rule_id}', name='dup', short='s', full='f',\n"
        "                 severity=Severity.NOTE, question=1)]\n"
    )


@pytest.mark.parametrize("rule_id", ["SCR101", "SCR901"])
def test_a_third_party_cannot_take_an_scr_id(make_plugin, rule_id):
    name = make_plugin(_rule_plugin(rule_id))
    with pytest.raises(RuleError) as info:
        make_session(plugins=[name])
    assert str(info.value) == (
        f"plugin {name!r} registers rule {rule_id}, but ids starting 'SCR' are kept for "
        "scr-checks' built-in checkers: give the plugin's rules a prefix of its own (2-4 "
        "capital letters, such as 'NSH101')")


def test_a_rule_id_two_plugins_register_names_both_and_blames_neither(make_plugin):
    first, second = make_plugin(_rule_plugin("ACM101")), make_plugin(_rule_plugin("ACM101"))
    with pytest.raises(RuleError) as info:
        make_session(plugins=[first, second])
    owners = sorted([first, second])
    assert str(info.value) == (f"rule ACM101 is registered by two plugins, {owners[0]!r} and "
                               f"{owners[1]!r}: a rule id belongs to one plugin; rename one "
                               "of them")


def test_built_ins_load_without_autoload_and_one_can_be_disabled(monkeypatch):
    from scr_checks.pluginmanager import AUTOLOAD_ENV, BUILTIN_PLUGINS
    from scr_checks.testing import make_session

    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    rules = {rule.id for rule in make_session().rules}
    assert {"SCR101", "SCR201", "SCR301", "SCR401", "SCR501", "SCR601", "SCR701",
            "SCR801"} <= rules
    assert len(rules) > 40
    without_tone = {rule.id for rule in make_session(blocked=["tone"]).rules}
    assert not any(rule.startswith("SCR7") for rule in without_tone)
    assert set(BUILTIN_PLUGINS) <= set(make_session().pm.distributions)


def test_an_installed_plugin_cannot_take_a_built_in_name():
    import pytest

    from scr_checks.exceptions import PluginLoadError
    from scr_checks.pluginmanager import ScrPluginManager

    class EntryPoint:
        name, value, dist = "tone", "elsewhere:plugin", None

        def load(self):
            raise AssertionError("must not be loaded")

    pm = ScrPluginManager()
    with pytest.raises(PluginLoadError, match="is the name of a built-in plugin"):
        pm.load_entry_points([EntryPoint()])


def dist_info(folder: Path, name: str, entry_points: str) -> None:
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n",
                                   encoding="utf-8")
    (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")


def test_an_installed_plugin_is_found_without_reading_every_package_fully(
        tmp_path, monkeypatch, flag_plugin):
    from scr_checks import pluginmanager

    monkeypatch.delenv(pluginmanager.AUTOLOAD_ENV)
    dist_info(tmp_path, "other", "[console_scripts]\nother = other:main\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert not pluginmanager._may_offer(ENTRY_POINT_GROUP)
    dist_info(tmp_path, "scr_checks_local", f"[{ENTRY_POINT_GROUP}]\nlocal = {flag_plugin}\n")
    assert pluginmanager._may_offer(ENTRY_POINT_GROUP)
    assert [ep.name for ep in pluginmanager._entry_points()] == ["local"]
    pm = ScrPluginManager()
    pm.load_entry_points()
    assert pm.has_plugin("local")
    assert pm.distributions["local"] == ("scr_checks_local", "1.0")


def test_distributions_found_some_other_way_are_read_the_full_way(tmp_path, monkeypatch):
    from scr_checks import pluginmanager

    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip file
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert pluginmanager._may_offer(ENTRY_POINT_GROUP)

    class Finder:
        @staticmethod
        def find_distributions(context=None):
            return iter(())

    monkeypatch.setattr(sys, "path", [])
    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder])
    assert pluginmanager._may_offer(ENTRY_POINT_GROUP)


PRINTING_EVERYWHERE = """
from scr_checks import hookimpl

print("said on import")

@hookimpl
def scr_configure(config):
    print("said in scr_configure")

@hookimpl
def scr_register_rules(config):
    print("said in scr_register_rules")
    return []

@hookimpl
def scr_sessionfinish(result, config):
    print("said in scr_sessionfinish")

@hookimpl
def scr_unconfigure(config):
    print("said in scr_unconfigure")
"""


@pytest.mark.parametrize("output", ["json", "sarif"])
def test_what_a_plugin_prints_outside_the_checks_goes_to_standard_error(
        output, make_plugin, tmp_path, capfd):
    from scr_checks.cli import main

    report = tmp_path / "r.rst"
    report.write_text("Intro\n=====\n\nText.\n", encoding="utf-8")
    main(["check", str(report), "--format", output, "-p", make_plugin(PRINTING_EVERYWHERE)])
    out, err = capfd.readouterr()
    assert json.loads(out)
    for place in ("on import", "in scr_configure", "in scr_register_rules",
                  "in scr_sessionfinish", "in scr_unconfigure"):
        assert f"said {place}" in err


def test_a_module_not_found_names_the_plugin_paths_folder_that_does_not_exist(
        tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PluginLoadError) as info:
        make_session(config={"extensions": ["nowhere_ext"], "plugin_paths": ["tool"]},
                     config_path=tmp_path / "scr-checks.toml")
    sys.path.remove(str(tmp_path / "tool"))
    assert str(info.value).endswith(
        "No module named 'nowhere_ext' (the plugin_paths folder 'tool' does not exist)")


def test_a_missing_import_inside_a_found_plugin_does_not_blame_plugin_paths(tmp_path):
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "needs_more_ext.py").write_text("import not_installed_anywhere\n", encoding="utf-8")
    try:
        with pytest.raises(PluginLoadError) as info:
            make_session(config={"extensions": ["needs_more_ext"],
                                 "plugin_paths": ["tools", "gone"]},
                         config_path=tmp_path / "scr-checks.toml")
    finally:
        for folder in (tools, tmp_path / "gone"):
            sys.path.remove(str(folder))
    assert str(info.value).endswith("No module named 'not_installed_anywhere'")


def test_the_options_table_of_a_disabled_plugin_is_not_an_error():
    session = make_session(config={"tone": {"allowed": ["failed to attend"]}},
                           blocked=["tone"])
    assert "SCR701" not in session.rules


def test_the_options_table_of_an_installed_plugin_not_autoloaded_is_not_an_error(
        tmp_path, monkeypatch, flag_plugin):
    dist_info(tmp_path, "scr_checks_local", f"[{ENTRY_POINT_GROUP}]\nlocal = {flag_plugin}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    session = make_session(config={"local": {"anything": 1}}, autoload=False)
    assert "TST101" not in session.rules


def test_a_table_named_after_no_plugin_is_still_an_error():
    with pytest.raises(ConfigError, match="unknown key 'tones'"):
        make_session(config={"tones": {"allowed": ["x"]}}, blocked=["tone"])
