"""The CI examples in the docs run: their scr-checks command works as written."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest

from scr_checks.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"


def command(text: str) -> list[str]:
    """The example's ``scr-checks check`` command, continuation lines joined."""
    lines = text.replace("\\\n", " ").splitlines()
    for number, line in enumerate(lines):
        if "scr-checks check" in line:
            parts = [line[line.index("scr-checks check"):]]
            parts += [following.strip() for following in lines[number + 1:]
                      if following.strip().startswith("--")]
            argv = shlex.split(" ".join(parts))
            return argv[1:argv.index("||")] if "||" in argv else argv[1:]
    raise AssertionError("no scr-checks command")


@pytest.mark.parametrize("name", ["github-workflow.yml", "gitlab-ci.yml", "Jenkinsfile"])
def test_example_command_writes_the_files_the_pipeline_publishes(name, tmp_path, monkeypatch):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    argv = command(text)
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
