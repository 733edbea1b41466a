"""Hook specifications: the whole contract between scr-checks and its plugins.

Every built-in reader, checker and formatter reaches the core through these
hooks, exactly as a local area's plugin does.  Implement a hook by decorating
a function of the same name with :data:`scr_checks.hookimpl`; take only the
arguments you need (pluggy passes them by name).  Arguments are only ever
added, never renamed or removed.

Call order for one run::

    scr_addhooks -> scr_addoption -> (config read and validated) -> scr_configure
    -> scr_register_rules, scr_register_readers, scr_register_formatters
    -> for each file: read -> scr_check_document -> scr_check_node (each block)
       -> scr_modify_findings
    -> formatters write -> scr_sessionfinish -> scr_unconfigure
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from scr_checks.config import Config, OptionParser
    from scr_checks.context import CheckContext
    from scr_checks.document import Report, TextBlock
    from scr_checks.formatters import Formatter
    from scr_checks.readers import Reader
    from scr_checks.results import Finding, RunResult
    from scr_checks.rules import Rule

hookspec = pluggy.HookspecMarker("scr_checks")

# -------------------------------------------------------------------------
# Start-up: options, configuration, registration
# -------------------------------------------------------------------------


@hookspec
def scr_addhooks(pluginmanager: pluggy.PluginManager) -> None:
    """Add hook specifications of the plugin's own, for other plugins to implement.

    Call ``pluginmanager.add_hookspecs(module)``; call the new hooks through
    ``config.hook`` (for example from ``scr_configure``).  The privacy plugin
    adds ``scr_privacy_terms`` this way, so a local area's plugin gives it
    names and places through a hook rather than a side channel.

    Called once, right after every plugin is loaded.
    """


@hookspec
def scr_addoption(parser: OptionParser) -> None:
    """Declare the configuration options this plugin reads.

    Options live in a table named after the plugin's namespace in
    ``scr-checks.toml`` (``[privacy]``) or ``[tool.scr-checks.privacy]`` in
    ``pyproject.toml``.  Keys nobody declared are reported as errors, so a
    misspelt option never goes unnoticed.

    :param parser: call ``parser.add_option(namespace, name, type, default,
        help)`` once per option.

    Called once, before the configuration file is read.
    """


@hookspec
def scr_configure(config: Config) -> None:
    """Set up after the configuration has been read and validated.

    :param config: the validated configuration; read your options with
        ``config.option(namespace, name)``, keep what you prepare for the run
        in ``config.stash[your_name]``, and call hooks other plugins added
        through ``config.hook``.

    Use it to compile word lists once for the whole run.  An option value
    that is wrong is a :class:`~scr_checks.ConfigError` raised here, once,
    not an error repeated for every file.
    """


@hookspec
def scr_register_rules(config: Config) -> Iterable[Rule]:
    """Return the rules this plugin can report.

    Every finding must name one of them.  An id already registered by another
    plugin is an error that names both plugins.

    :param config: the run's configuration.
    :return: an iterable of :class:`~scr_checks.rules.Rule`.
    """


@hookspec
def scr_register_readers(config: Config) -> Iterable[type[Reader]]:
    """Return reader classes, each declaring the file suffixes it reads.

    Two readers for one suffix is an error naming both plugins, unless one is
    registered with ``override = True`` on the class (a local area replacing a
    built-in).  So are two formatters of one name.

    :param config: the run's configuration.
    :return: an iterable of :class:`~scr_checks.readers.Reader` subclasses, or
        :class:`~scr_checks.Deferred` entries naming them, imported on first use.
    """


@hookspec
def scr_register_formatters(config: Config) -> Iterable[type[Formatter]]:
    """Return output formatters, each with a unique ``name`` (``sarif`` …).

    :param config: the run's configuration.
    :return: an iterable of :class:`~scr_checks.formatters.Formatter`
        subclasses (or :class:`~scr_checks.Deferred` entries naming them);
        ``--format NAME`` picks one.  One that sets
        ``shows_paragraphs`` gets each flagged paragraph, masked, in every
        file's ``extras["paragraphs"]``.
    """


# -------------------------------------------------------------------------
# Checking one report
# -------------------------------------------------------------------------


@hookspec
def scr_check_document(report: Report, context: CheckContext) -> Iterable[Finding] | None:
    """Check a whole report: its structure, references and coverage.

    Called once per file.  Each plugin's implementation is called on its
    own: if it raises, the failure is reported against that plugin and file,
    and every other plugin's findings stand.  Hook wrappers are not supported
    on this hook.

    :param report: the parsed report; ``report.document`` is the docutils
        tree and ``context.blocks`` its prose blocks in reading order.
    :param context: the file's check context; build findings with
        ``context.finding(...)``.
    :return: findings, or ``None``.
    """


@hookspec
def scr_check_node(block: TextBlock, context: CheckContext) -> Iterable[Finding] | None:
    """Check one block of prose: a paragraph, title, list item or table cell.

    The core walks the tree once and calls this for every prose block, in
    reading order, so a plugin never walks the tree itself.  ``block.text``
    has hard line breaks folded into spaces, and never contains markup, code
    or literal blocks.  Failures are isolated per plugin, as for
    :func:`scr_check_document`.

    :param block: the block; ``block.node`` is the docutils node and
        ``block.location(start, end)`` the exact location of a span.
    :param context: the file's check context.
    :return: findings, or ``None``.
    """


@hookspec
def scr_modify_findings(
    findings: list[Finding], report: Report, context: CheckContext
) -> None:
    """Change the file's findings in place before they are written.

    Suppress (set ``suppression``, never drop), adjust or add findings.
    Called once per file, after every check.

    :param findings: the file's findings; replace items to change them.
    :param report: the parsed report.
    :param context: the file's check context.
    """


# -------------------------------------------------------------------------
# End of the run
# -------------------------------------------------------------------------


@hookspec
def scr_sessionfinish(result: RunResult, config: Config) -> None:
    """Called after all files are checked and every output is written.

    :param result: every file's findings and errors.
    :param config: the run's configuration.
    """


@hookspec
def scr_unconfigure(config: Config) -> None:
    """Release whatever :func:`scr_configure` set up.  Called last, once per run."""
