"""The block model the shared fixture report was generated from."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"


@pytest.fixture(scope="session")
def generate():
    """``fixtures/generate.py`` as a module: REPORT, expected_blocks(), writers."""
    spec = importlib.util.spec_from_file_location("scr_fixture_generate", FIXTURES / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
