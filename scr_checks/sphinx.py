"""Sphinx extension: scr-checks findings in the output of ``sphinx-build``.

A team that publishes its reports with Sphinx adds ``"scr_checks.sphinx"`` to
``extensions`` in conf.py.  Each document is checked as Sphinx parsed it, by
a session loaded exactly as the command line loads one (plugins, the
configuration file, its baseline), so findings, masking and suppressions
agree with ``scr-checks check``.  Sphinx is imported only here: it stays an
optional dependency of scr-checks.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ConfigError as SphinxConfigError
from sphinx.util import logging
from sphinx.util.matching import Matcher

from scr_checks import __version__
from scr_checks.config import Config, find_config, load_raw
from scr_checks.document import Report
from scr_checks.exceptions import ScrChecksError
from scr_checks.lifecycle import run_session
from scr_checks.locations import SourceText
from scr_checks.readers import decode_text
from scr_checks.readers.rst import fix_title_lines
from scr_checks.results import Finding
from scr_checks.suppressions import apply_baseline

logger = logging.getLogger(__name__)

#: Sphinx's ``type`` of the warnings, for ``suppress_warnings`` (subtype: the rule id).
WARNING_TYPE = "scr_checks"


def setup(app: Sphinx) -> dict[str, Any]:
    maybe_list = (list, tuple, type(None))
    app.add_config_value("scr_checks_config", None, "env", types=(str, type(None)))
    app.add_config_value("scr_checks_select", None, "env", types=maybe_list)
    app.add_config_value("scr_checks_ignore", None, "env", types=maybe_list)
    app.add_config_value("scr_checks_documents", ["**"], "env", types=(list, tuple))
    app.add_config_value("scr_checks_fail_on_findings", False, "env", types=bool)
    app.connect("builder-inited", _start)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}


def _start(app: Sphinx) -> None:
    """Load the session once; parallel readers inherit it."""
    checker = Checker(app)
    app.connect("doctree-read", checker.check)
    app.connect("build-finished", checker.finish)


def _config_path(app: Sphinx) -> Path | None:
    given = app.config.scr_checks_config
    if not given:
        return find_config(Path(app.srcdir))
    path = Path(app.confdir, given)
    if not path.is_file():
        raise SphinxConfigError(f"scr-checks: configuration file {str(path)!r} not found "
                                "(scr_checks_config in conf.py)")
    return path


class Checker:
    """The session of one build, and the checking of each document it reads."""

    def __init__(self, app: Sphinx) -> None:
        settings = app.config
        self.config_path = _config_path(app)
        def conf_py(config: Config) -> None:
            for key in ("select", "ignore"):
                chosen = settings[f"scr_checks_{key}"]
                if chosen is not None:
                    value = [str(rule) for rule in chosen] if isinstance(
                        chosen, list | tuple) else chosen
                    config.override(key, value, f"scr_checks_{key} in conf.py")

        #: Ends the run (scr_unconfigure) when the build finishes.
        self.run = ExitStack()
        try:
            self.session = self.run.enter_context(run_session(
                load_raw(self.config_path), self.config_path, settings=conf_py))
            self.config = self.session.config
            self.accepted = self.session.use_baseline()
        except ScrChecksError as exc:  # the user's to fix: Sphinx's "Configuration error"
            raise SphinxConfigError(f"scr-checks: {exc}") from exc
        self.baseline = self.accepted.path if self.accepted is not None else None
        if self.accepted is not None and self.accepted.upgrade_note:
            logger.info("scr-checks: %s", self.accepted.upgrade_note)
        self.documents = Matcher(list(settings.scr_checks_documents))
        self.fail_on_findings = bool(settings.scr_checks_fail_on_findings)

    def check(self, app: Sphinx, doctree: nodes.document) -> None:
        """Check one document just read, and report its findings."""
        docname = app.env.docname
        if not self.documents(docname):
            return
        for dependency in (self.config_path, self.baseline):
            if dependency is not None:
                app.env.note_dependency(str(dependency.resolve()))
        result = self.session.check_report(self.report(app, docname, doctree),
                                           Path(app.env.doc2path(docname)))
        apply_baseline([result], self.accepted)
        for error in result.errors:
            logger.warning("scr-checks: %s", error, location=docname,
                           type=WARNING_TYPE, subtype="error")
        for finding in result.findings:
            if not finding.suppressed:
                self.emit(docname, finding)

    def report(self, app: Sphinx, docname: str, doctree: nodes.document) -> Report:
        """The document as a :class:`Report`, its lines read from the source file.

        A copy of the tree: checkers must not change what Sphinx will write.
        Sphinx reports markup problems itself, so the report has none (no SCR100).
        """
        source = Path(app.env.doc2path(docname))
        filetype = app.config.source_suffix.get(source.suffix, "restructuredtext")
        markup = "markdown" if filetype == "markdown" else "rst"
        shown = self.session.shown(source)
        lines = decode_text(shown, source.read_bytes()).split("\n")
        document = doctree.deepcopy()
        fix_title_lines(document, lines)
        return Report(path=shown, format=markup, document=document,
                      source=SourceText(lines, markup))

    def emit(self, docname: str, finding: Finding) -> None:
        """A warning if it should fail a ``-W`` build, otherwise an information message."""
        text = f"{finding.rule_id} [{finding.severity}] {finding.message}"
        if finding.suggestion:
            text += f" ({finding.suggestion})"
        location = (docname, finding.location.line)
        if self.fail_on_findings and self.config.fails(finding.severity):
            logger.warning("%s", text, location=location, type=WARNING_TYPE,
                           subtype=finding.rule_id)
        else:
            logger.info("%s", text, location=location)

    def finish(self, app: Sphinx, exception: BaseException | None) -> None:
        self.run.close()
