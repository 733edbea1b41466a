"""The registered deferred formatters render as the real ones, with the same settings."""

from __future__ import annotations

import pytest

from scr_checks.formatters.deferred import JsonOutput, JunitOutput, SarifOutput
from scr_checks.formatters.json import JsonFormatter
from scr_checks.formatters.junit import JunitFormatter
from scr_checks.formatters.sarif import SarifFormatter
from scr_checks.testing import check_paths, make_session


@pytest.mark.parametrize(("deferred", "real"), [(JsonOutput, JsonFormatter),
                                                (SarifOutput, SarifFormatter),
                                                (JunitOutput, JunitFormatter)])
def test_the_deferred_formatter_renders_as_the_real_one(in_repo, deferred, real):
    config = {"fail_level": "warning"}
    run = check_paths(["fixtures/reports/sample.rst", "fixtures/reports/missing.rst"],
                      config=config)
    session = make_session(config=config)
    assert session.formatters[real.name] is deferred
    assert (real.name, real.description) == (deferred.name, deferred.description)
    expected = real(session.config).render(run)
    assert deferred(session.config, color=True).render(run) == expected
    assert deferred(session.config).render(run) == expected
