"""The CI recipes in the docs work as written, and so does the pre-commit hook.

The recipes install scr-checks from its source, pinned as a git submodule at
``tools/scr-checks``.  Each recipe's install and run lines are run here, as
written, in a fresh virtual environment, with a copy of this source where
the submodule would be (fetching it is the CI system's job, not the recipe's
commands').  That takes a while (a package build and its dependencies per
recipe), so those tests are marked ``recipes``: ``-m 'not recipes'`` leaves
them out of a quick run; CI runs them.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import venv
from pathlib import Path

import pytest
import yaml

from scr_checks.cli import build_parser, main
from scr_checks.testing import make_session

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"
RECIPES = ["github-workflow.yml", "gitlab-ci.yml", "Jenkinsfile"]
#: Where the recipes expect the scr-checks source (a git submodule).
SUBMODULE = "tools/scr-checks"


def shell_lines(name: str) -> list[str]:
    """The recipe's shell commands, in order, as its CI system would run them."""
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    if name == "github-workflow.yml":
        steps = yaml.safe_load(text)["jobs"]["check-reports"]["steps"]
        return [step["run"] for step in steps if "run" in step]
    if name == "gitlab-ci.yml":
        return list(yaml.safe_load(text)["scr-checks"]["script"])
    return [m.group(1) or m.group(2) for m in
            re.finditer(r"\bsh '''(.*?)'''|\bsh '([^']*)'", text, re.DOTALL)]


def command(name: str) -> list[str]:
    """The recipe's ``scr-checks check`` command, as argv for :func:`main`."""
    line = next(line for line in shell_lines(name) if "scr-checks check" in line)
    argv = shlex.split(line.replace("\\\n", " "))
    argv = argv[argv.index("check"):]
    return argv[:argv.index("||")] if "||" in argv else argv


@pytest.mark.parametrize("name", RECIPES)
def test_example_command_writes_the_files_the_pipeline_publishes(name, tmp_path, monkeypatch):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    argv = command(name)
    args = build_parser().parse_args(argv)
    assert args.paths == ["reports/"]
    for published in (args.extra_sarif, args.extra_junit):
        assert text.count(published) >= 2, f"{published} is written but not published"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    shutil.copy(ROOT / "fixtures" / "reports" / "sample.rst", tmp_path / "reports")
    assert main(argv) == 1
    assert (tmp_path / args.extra_sarif).stat().st_size > 0
    assert b"<testsuites" in (tmp_path / args.extra_junit).read_bytes()


@pytest.mark.parametrize("name", RECIPES)
def test_the_recipe_installs_from_the_pinned_source_not_an_index(name):
    installs = [line for line in shell_lines(name) if "pip install" in line]
    assert installs and all(f"./{SUBMODULE}" in line for line in installs)
    assert not any(re.search(r"pip install\s+scr-checks\b", line) for line in installs)


def source_copy(target: Path) -> None:
    """What the submodule holds: the files a build of scr-checks needs."""
    target.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, target / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "tests")
    for folder in ("scr_checks", "plugins"):
        shutil.copytree(ROOT / folder, target / folder, ignore=ignore)


@pytest.mark.recipes
@pytest.mark.parametrize("name", RECIPES)
def test_the_recipe_s_install_and_run_lines_work_in_a_fresh_environment(name, tmp_path):
    repository = tmp_path / "reports-repo"
    (repository / "reports").mkdir(parents=True)
    shutil.copy(ROOT / "fixtures" / "reports" / "sample.rst", repository / "reports")
    source_copy(repository / SUBMODULE)
    fresh = tmp_path / "python"
    venv.create(fresh, with_pip=True)
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = os.pathsep.join([str(fresh / "bin"), env.get("PATH", "")])
    statuses = []
    for line in shell_lines(name):
        if line.startswith("git submodule"):
            continue  # fetching the submodule: the copy above stands in for it
        done = subprocess.run(["bash", "-c", line], cwd=repository, env=env,
                              capture_output=True, text=True, check=False)
        statuses.append(done.returncode)
        assert done.returncode in (0, 1), f"{line!r}: {done.stdout}{done.stderr}"
        assert "Traceback" not in done.stderr
    # The install succeeds; the check finds the sample's problems (1) or, in
    # Jenkins, lets findings through to the junit step (0).
    assert statuses[0] == 0
    assert statuses[-1] == (0 if name == "Jenkinsfile" else 1)
    args = build_parser().parse_args(command(name))
    assert b'"results"' in (repository / args.extra_sarif).read_bytes()
    assert b"<testsuites" in (repository / args.extra_junit).read_bytes()


# -- pre-commit -------------------------------------------------------------------


def hook() -> dict[str, object]:
    (found,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return found


def test_the_pre_commit_hook_takes_every_report_format_but_plain_text():
    pattern = re.compile(str(hook()["files"]))
    for suffix in make_session().readers:
        assert bool(pattern.search(f"reports/r{suffix}")) == (suffix not in (".txt", ".text"))


def test_the_pre_commit_hook_leaves_out_excluded_files_it_is_given(tmp_path, monkeypatch,
                                                                   capsys):
    entry = shlex.split(str(hook()["entry"]))
    assert entry[0] == "scr-checks" and hook()["language"] == "python"
    (tmp_path / ".git").mkdir()
    (tmp_path / "reports").mkdir()
    shutil.copy(ROOT / "fixtures" / "reports" / "sample.rst", tmp_path / "reports")
    (tmp_path / "README.md").write_text("# The reports\n\nThe worker failed to visit.\n",
                                        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([*entry[1:], "README.md", "reports/sample.rst", "--format", "json"]) == 1
    checked = [file["path"] for file in json.loads(capsys.readouterr().out)["files"]]
    assert checked == ["reports/sample.rst"]
