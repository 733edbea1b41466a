"""Validators for the CI outputs: the published schemas plus GitHub's own rules.

The schemas are the copies in ``tests/schemas`` (see its SOURCES.md), so the
tests run offline on a fresh clone.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest
from jsonschema import Draft4Validator
from lxml import etree

from scr_checks.results import RunResult
from scr_checks.rules import PRECISIONS
from scr_checks.testing import make_session

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
REPO = Path(__file__).resolve().parents[3]


def github_problems(log: dict[str, Any]) -> list[str]:
    """What GitHub code scanning would reject or ignore that the schema allows."""
    problems = []
    if len(log["runs"]) != 1:
        problems.append("more than one run")
    for run in log["runs"]:
        driver = run["tool"]["driver"]
        if not driver.get("fullName") or not run.get("automationDetails", {}).get("id"):
            problems.append("no tool.driver.fullName or automationDetails.id")
        notifications = [n["id"] for n in driver.get("notifications", [])]
        for invocation in run.get("invocations", []):
            for n in invocation.get("toolExecutionNotifications", []):
                descriptor = n.get("descriptor", {})
                if descriptor.get("id") not in notifications or notifications.index(
                        descriptor["id"]) != descriptor.get("index"):
                    problems.append(f"notification {n['message']['text']!r}: no descriptor")
        rules = driver.get("rules", [])
        for rule in rules:
            if rule["properties"].get("precision") not in PRECISIONS:
                problems.append(f"{rule['id']}: no properties.precision")
            for key in ("shortDescription", "fullDescription", "help"):
                text = rule.get(key, {}).get("text", "")
                if not text or len(text) > 1024:
                    problems.append(f"{rule['id']}: {key}.text empty or over 1024")
            if len(rule["help"].get("markdown", "")) > 1024:
                problems.append(f"{rule['id']}: help.markdown over 1024")
            if len(rule.get("name", "")) > 255 or len(rule["properties"]["tags"]) > 20:
                problems.append(f"{rule['id']}: name or tags too long")
        results = run.get("results", [])
        if len(results) > 25_000:
            problems.append("over 25,000 results")
        if len({"suppressions" in r for r in results}) > 1:
            problems.append("suppressions on some results only")
        for n, result in enumerate(results):
            if not result.get("locations"):
                problems.append(f"result {n}: no location")
                continue
            if not result.get("partialFingerprints", {}).get("primaryLocationLineHash"):
                problems.append(f"result {n}: no primaryLocationLineHash")
            if "ruleIndex" in result and rules[result["ruleIndex"]]["id"] != result["ruleId"]:
                problems.append(f"result {n}: ruleIndex names another rule")
            physical = result["locations"][0]["physicalLocation"]
            if set(physical.get("region", {})) < {"startLine", "startColumn", "endLine",
                                                  "endColumn"}:
                problems.append(f"result {n}: no full region (GitHub shows no line)")
            uri = physical["artifactLocation"]["uri"]
            if not uri or ":" in uri or uri.startswith("/") or "\\" in uri:
                problems.append(f"result {n}: uri {uri!r} is not relative POSIX")
            elif quote(unquote(uri)) != uri:
                problems.append(f"result {n}: uri {uri!r} is not percent-encoded")
    return problems


@pytest.fixture(scope="session")
def valid_sarif() -> Callable[[str], dict[str, Any]]:
    """Parse a SARIF text and assert it passes the schema and GitHub's rules."""
    with (SCHEMAS / "sarif-2.1.0.json").open(encoding="utf-8") as handle:
        validator = Draft4Validator(json.load(handle))

    def check(text: str) -> dict[str, Any]:
        log = json.loads(text)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
        assert errors == []
        assert github_problems(log) == []
        return log

    return check


@pytest.fixture(scope="session")
def valid_junit() -> Callable[[str], etree._ElementTree]:
    """Parse a JUnit text and assert it is valid against Jenkins' junit-10.xsd."""
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "junit-10.xsd")))

    def check(text: str) -> etree._ElementTree:
        tree = etree.ElementTree(etree.fromstring(text.encode("utf-8")))
        assert schema.validate(tree), schema.error_log
        return tree

    return check


@pytest.fixture(scope="session")
def render() -> Callable[..., str]:
    """Render a run with the named formatter and configuration, as the CLI does."""
    sessions: dict[str, Any] = {}

    def render(name: str, run: RunResult, **config: Any) -> str:
        key = json.dumps(config, sort_keys=True)
        if key not in sessions:
            sessions[key] = make_session(config=config)
        session = sessions[key]
        return session.formatters[name](session.config).render(run)

    return render


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so fixture paths are shown relative."""
    monkeypatch.chdir(REPO)
    return REPO
