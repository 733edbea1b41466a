"""The run: find the inputs, read each into a tree, check it, collect results.

One file's failure (unreadable input, a plugin that raises) is recorded
against that file and never stops the others.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Collection, Iterable
from contextlib import redirect_stdout
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from scr_checks import __version__
from scr_checks.config import READER_LIMITS, Config
from scr_checks.context import CheckContext
from scr_checks.document import Report, TextBlock, blocks
from scr_checks.exceptions import ConfigError, ReaderError
from scr_checks.exclusions import Exclusions
from scr_checks.fingerprints import fingerprints, v1_fingerprints
from scr_checks.isolation import (
    PluginContractError,
    PluginFailure,
    call_plugin,
    interrupts_watched,
    user_interrupted,
)
from scr_checks.layout import Layout
from scr_checks.masking import Masker
from scr_checks.messages import describe
from scr_checks.outline import Outline
from scr_checks.paragraphs import flagged_paragraphs
from scr_checks.parallel import Progress, check_files
from scr_checks.paths import display_path, project_root
from scr_checks.pluginmanager import CORE_PLUGIN, ScrPluginManager
from scr_checks.readers import check_extent
from scr_checks.registry import Registry
from scr_checks.results import FileResult, Finding, Location, RunResult, Suppression, ToolError
from scr_checks.rules import RuleRegistry, Severity
from scr_checks.scorecard import scorecard
from scr_checks.suggest import did_you_mean
from scr_checks.suppressions import Baseline, configured_baseline, read_baseline
from scr_checks.timelimit import (
    FINISHING,
    Deadline,
    TimeLimitExceeded,
    describe_timeout,
    time_limit,
)
from scr_checks.walk import find_reports, is_utf8, printable, regular_file_problem

log = logging.getLogger("scr_checks")

#: The input path that means standard input.
STDIN = "-"
#: The suffix standard input is read as without ``--stdin-filename``.
STDIN_SUFFIX = ".txt"


_T = TypeVar("_T")
#: How many runs this process has started (see :meth:`Session.warm_up`).
_RUNS_IN_PROCESS = [0]


class _Abandoned(Exception):
    """The file cannot be checked further; its error is recorded."""


class _FileTime:
    """One file's deadline, and the plugins whose steps it left no time for."""

    def __init__(self, seconds: float | None) -> None:
        self.deadline = Deadline(seconds)
        #: The core's own finishing may run a little past the deadline.
        self.finishing = self.deadline.later(FINISHING)
        self.skipped: list[str] = []
        #: The error of the plugin step that ran out of the time, if one did.
        self.ran_out: int | None = None

    def skip(self, owner: str, result: FileResult) -> bool:
        """Whether the time ran out before ``owner``'s step, which is then skipped.

        The file's one error says so: the error of the step that ran out,
        or else (a step that ended just before the deadline) a new one.
        """
        if not self.deadline.expired():
            return False
        if not self.skipped:
            rest = "the file's remaining checks were not run"
            if self.ran_out is not None:
                error = result.errors[self.ran_out]
                result.errors[self.ran_out] = ToolError(error.path, f"{error.message}; {rest}",
                                                        error.plugin)
            else:
                self.ran_out = len(result.errors)
                result.errors.append(ToolError(result.path, (
                    f"cannot check: {describe_timeout(self.deadline.seconds)} before "
                    f"plugin {owner!r} ran; {rest}")))
        if owner not in self.skipped:
            self.skipped.append(owner)
        return True

    def out_of_time(self, result: FileResult, message: str) -> None:
        """The core's finishing ran out of time too: the file's findings are lost.

        Said in the file's one error line: the time-out already recorded gets
        the news, or else the line is the core's own.
        """
        if self.ran_out is None:
            result.errors.append(ToolError(result.path, f"cannot check: {message}"))
            return
        error = result.errors[self.ran_out]
        result.errors[self.ran_out] = ToolError(
            error.path, f"{error.message}, and no finding could be kept in the time",
            error.plugin)

    def failed(self, failure: PluginFailure, result: FileResult, error: ToolError) -> None:
        """Record a plugin step's failure as the file's error."""
        if failure.timed_out:
            self.ran_out = len(result.errors)
        result.errors.append(error)


class Session:
    """Registered rules, readers and formatters, and the checking of files."""

    def __init__(self, pm: ScrPluginManager, config: Config) -> None:
        self.pm = pm
        self.config = config
        #: Standard input (the path ``-``): the name it is read as, and its bytes.
        self.stdin: tuple[str | None, bytes] | None = None
        #: What folder runs leave out; ``force_exclude`` applies it to named files too.
        self.exclusions = Exclusions.from_config(config, chosen=False)
        self.force_exclude = False
        #: Set when an output shows each finding's paragraph (the HTML page):
        #: each file's result then carries them, as ``extras["paragraphs"]``.
        self.record_paragraphs = False
        #: Every rule, reader and formatter the plugins registered.
        self.registry = Registry()
        self.rules = self.registry.rules
        self.readers = self.registry.readers
        self.formatters = self.registry.formatters
        for owner, result in _registered(pm, "scr_register_rules", config):
            self.registry.add_rules(result, owner)
        for owner, result in _registered(pm, "scr_register_readers", config):
            for reader in result:
                self.registry.add_reader(reader, owner)
        for owner, result in _registered(pm, "scr_register_formatters", config):
            for formatter in result:
                self.registry.add_formatter(formatter, owner)
        self._check_severity_keys()
        self._check_selectors()
        selection = config.selection
        self.selected = [rule for rule in self.rules if rule.id in selection]
        self._selected_ids = {rule.id for rule in self.selected}
        active_owners = {self.rules.owner(rule.id) for rule in self.selected}
        #: Set to make each file's version-1 fingerprints too, for a version-1 baseline.
        self.match_v1_baseline = False
        self._warmed = False
        # Rules whose findings are identifiers to mask, and the plugins owning
        # them: these run even when none of their rules is selected, as every
        # output is masked with what they find (a run that leaves out the
        # privacy rules must not quote a name another rule's finding holds).
        self._identifier_rules = {rule.id for rule in self.rules if rule.masked_as}
        self._finding_identifiers = {self.rules.owner(rule_id)
                                     for rule_id in self._identifier_rules}
        self._checkers = {
            hook: [
                impl for impl in pm.implementations(hook)
                if impl[0] in active_owners or impl[0] in self._finding_identifiers
                or not _owns_rules(self.rules, impl[0])
            ]
            for hook in ("scr_check_document", "scr_check_node")
        }

    def _disabled_owner(self, rule_id: str) -> str | None:
        """The built-in checker ``-p no:NAME`` disabled whose rules ``rule_id``
        names (or begins): a shared configuration may still set them."""
        return next((name for prefix, name in self.pm.disabled_prefixes().items()
                     if rule_id.startswith(prefix)), None)

    def _check_severity_keys(self) -> None:
        ids = [rule.id for rule in self.rules]
        for rule_id in self.config.get("severity"):
            if rule_id not in self.rules and not self._disabled_owner(rule_id):
                raise ConfigError(
                    f"{self.config.path or 'configuration'}: 'severity.{rule_id}' names "
                    f"no registered rule{did_you_mean(rule_id, ids)}"
                )

    def _check_selectors(self) -> None:
        """A ``select`` or ``ignore`` entry that matches no rule is a typo: an error.

        Passing it by would run every rule (a ``select`` typo) or hide none
        (an ``ignore`` typo) while the user believes otherwise.
        """
        ids = [rule.id for rule in self.rules]
        for key in ("select", "ignore"):
            for selector in self.config.get(key):
                if any(rule_id.startswith(selector) for rule_id in ids):
                    continue
                origin = self.config.origin(key)
                where = (f"{origin} {selector!r}" if origin.startswith("--")
                         else f"{origin}: {key!r} entry {selector!r}")
                owner = self._disabled_owner(selector)
                if owner is None:
                    raise ConfigError(
                        f"{where} matches no rule"
                        f"{did_you_mean(selector, ids)} (see 'scr-checks rules')"
                    )
                if key == "select" and not any(map(self.config.selection.__contains__, ids)):
                    raise ConfigError(f"{where} selects only rules of the {owner!r} "
                                      f"checker, which '-p no:{owner}' disabled: no rule "
                                      "is left to run")

    def use_baseline(self, path: Path | None = None) -> Baseline | None:
        """Read the baseline this run's findings are marked against: ``path``,
        else the configuration's ``baseline``; None when there is neither.

        A version-1 baseline makes each file's version-1 fingerprints too.
        """
        path = path or configured_baseline(self.config)
        baseline = read_baseline(path) if path else None
        self.match_v1_baseline = baseline is not None and baseline.version == 1
        return baseline

    # -- inputs ----------------------------------------------------------

    def collect(self, paths: Iterable[str]) -> tuple[list[Path], list[ToolError]]:
        """Expand folders into the reports they contain; note bad arguments."""
        files: list[Path] = []
        errors: list[ToolError] = []
        skip = self.exclusions.skip
        for given in paths:
            path = Path(given)
            if given == STDIN:
                files.append(path)
            elif not is_utf8(given):
                errors.append(ToolError(self.shown(path), "the name is not valid UTF-8 "
                                                          "(rename it to check it)"))
            elif self.force_exclude and path.exists() and skip(path, path.is_dir()):
                continue
            elif path.is_dir():
                nested = len(self.exclusions.other_configs)
                problems: list[tuple[Path, str]] = []
                found = find_reports(path, self.readers, self.config.get("follow_symlinks"),
                                     skip, problems)
                if not found and not problems and len(self.exclusions.other_configs) == nested:
                    errors.append(ToolError(self.shown(path), "folder contains no reports "
                                            f"({self.supported()})"))
                files.extend(found)
                errors.extend(ToolError(self.shown(entry), why) for entry, why in problems)
            elif not path.exists():
                errors.append(ToolError(self.shown(path), (path.is_symlink() and
                                                           regular_file_problem(path))
                                        or "no such file"))
            elif path.suffix.lower() not in self.readers:
                errors.append(ToolError(
                    self.shown(path),
                    f"unsupported file type {path.suffix or '(none)'!r} ({self.supported()})",
                ))
            elif (refused := regular_file_problem(path)) is not None:
                errors.append(ToolError(self.shown(path), refused))
            else:
                files.append(path)
        chosen = self.config.path or "no configuration"
        for folder, other in self.exclusions.other_configs:
            errors.append(ToolError(self.shown(folder), (
                f"not checked: it has its own configuration ({self.shown(other)}), and this "
                f"run uses {self.shown(chosen) if isinstance(chosen, Path) else chosen}; "
                "check it in a run of its own, or choose one configuration for every file "
                "with --config or --isolated")))
        return _once_each(files), errors

    def shown(self, path: Path) -> str:
        """The path as outputs show it: relative to the current folder, with
        bytes that are not UTF-8 escaped."""
        return printable(display_path(path))

    def anchored(self, path: Path) -> str:
        """The path fingerprints are built from: relative to the project root.

        The project root is the configuration file's folder, or without one
        the repository root, so a baseline matches whichever folder the
        command runs from.
        """
        root = self.config.root if self.config.path else project_root()
        real = Path(os.path.realpath(path.parent), path.name)
        return Path(os.path.relpath(real, root.resolve())).as_posix()

    def supported(self) -> str:
        return "supported: " + " ".join(sorted(self.readers))

    # -- checking --------------------------------------------------------

    def run(self, paths: Iterable[str], jobs: int = 1,
            progress: Progress | None = None) -> RunResult:
        """Check every input, in ``jobs`` worker processes when more than one."""
        files, errors = self.collect(paths)
        result = RunResult(
            rules=list(self.selected),
            owners={rule.id: self.rules.owner(rule.id) for rule in self.selected},
            version=__version__,
            plugins=dict(self.pm.distributions),
        )
        result.files.extend(FileResult(path=e.path, errors=[e]) for e in errors)
        # One worker of a process's only run loads everything once anyway; several
        # workers, or the runs after it (whose workers start afresh), gain.
        warm = jobs > 1 or _RUNS_IN_PROCESS[0] > 0
        _RUNS_IN_PROCESS[0] += 1
        result.files.extend(check_files(self.check_file, files, jobs,
                                        self.config.get("timeout"), progress, self.shown,
                                        self.config.get("max_memory"),
                                        self.warm_up if warm else None))
        return result

    def warm_up(self) -> None:
        """Load here, once, what the core and the built-in checkers load on first use.

        Files are checked in forked workers, which inherit this process's
        memory but give nothing back: without this, every worker of every
        run would load the word lists and compile the patterns again.  Only
        the core and the built-in checkers run, on a short synthetic report,
        so no third party's plugin ever sees a file the user did not name.
        """
        if self._warmed or ".rst" not in self.readers:
            return
        self._warmed = True
        from scr_checks.pluginmanager import BUILTIN_PLUGINS

        try:
            with time_limit(self.config.get("timeout")):
                report = self.readers[".rst"]({}).read("warm-up.rst", WARM_UP.encode())
                context = CheckContext(self.config, self.rules, report, blocks(report))
                Layout.of(context)
            self._run_checkers(report, context, FileResult(path=report.path),
                               only=set(BUILTIN_PLUGINS))
            with time_limit(self.config.get("timeout")):
                Outline.of(context)
        except (Exception, TimeLimitExceeded):  # only ever a saving: the files say the rest
            log.debug("warm-up failed", exc_info=True)

    def read(self, path: Path, shown: str) -> Report:
        size = path.stat().st_size
        limit = self.config.get("max_file_size")
        if size > limit:
            raise ReaderError(shown, f"file is {size:,} bytes, over the limit of {limit:,} "
                                     "(max_file_size)")
        return self.read_bytes(path.read_bytes(), path.suffix, shown)

    def read_bytes(self, data: bytes, suffix: str, shown: str) -> Report:
        """Read a report from ``data`` with the reader for ``suffix``."""
        limit = self.config.get("max_file_size")
        if len(data) > limit:
            raise ReaderError(shown, f"more than {limit:,} bytes, over the limit "
                                     "(max_file_size)")
        if not data:
            raise ReaderError(shown, "file is empty")
        reader_class = self.readers[suffix.lower()]
        limits = {key: self.config.get(key) for key in READER_LIMITS}
        return check_extent(shown, reader_class(limits).read(shown, data), limits)

    def check_file(self, path: Path) -> FileResult:
        """Read and check one file within the ``timeout``; never raises.

        Whoever checks files (serially or in a worker process) calls this, so
        every limit applies alike.  The path ``-`` is standard input, read as
        ``--stdin-filename`` names it.
        """
        if str(path) == STDIN:
            return self._check_stdin()
        result = FileResult(path=self.shown(path), format=path.suffix.lower().lstrip("."))
        return self._check(result, partial(self._read_into, result, path), self.anchored(path))

    def _check_stdin(self) -> FileResult:
        name, data = self.stdin or (None, b"")
        suffix = Path(name).suffix.lower() if name else STDIN_SUFFIX
        shown = self.shown(Path(name)) if name else STDIN
        result = FileResult(path=shown, format=suffix.lstrip("."))
        if suffix not in self.readers:
            result.errors.append(ToolError(shown, f"unsupported file type {suffix or '(none)'!r}"
                                                  f" ({self.supported()})"))
            return result
        anchor = self.anchored(Path(name)) if name else STDIN
        return self._check(result, partial(self._read_into, result, None, data, suffix),
                           anchor)

    def check_report(self, report: Report, source: Path | None = None,
                     masked: bool | None = None) -> FileResult:
        """Check a report parsed elsewhere (by Sphinx) exactly as a file is checked.

        Give ``report.path`` as :meth:`shown` would, and the file it was read
        from as ``source``, so that fingerprints, and so baselines, match the
        command line's.  ``masked=False`` keeps the identifiers for a caller
        that replaces them (``redact``) and shows none of them itself;
        ``None`` masks as the configuration says.
        """
        anchor = self.anchored(source) if source is not None else report.path
        return self._check(FileResult(path=report.path, format=report.format),
                           lambda: report, anchor, masked)

    def _check(self, result: FileResult, get_report: Callable[[], Report | None],
               anchor: str, masked: bool | None = None) -> FileResult:
        """Get the report and check it within the ``timeout``; never raises.

        The limit holds for the whole file: reading (with the core's
        preparation), each plugin's checks and ``scr_modify_findings`` have
        what is left of it, and a step the time ran out before is skipped.
        The core's finishing has :data:`~scr_checks.timelimit.FINISHING`
        seconds more, so that what the steps before found is still reported.
        """
        with interrupts_watched():
            try:
                return self._check_phases(result, get_report, anchor, masked,
                                          _FileTime(self.config.get("timeout")))
            except _Abandoned:
                return result

    def _check_phases(self, result: FileResult, get_report: Callable[[], Report | None],
                      anchor: str, masked: bool | None, time: _FileTime) -> FileResult:
        # What a reader or checker prints goes to standard error: on standard
        # output it would corrupt the JSON or SARIF written there.
        with redirect_stdout(sys.stderr):
            return self._phases(result, get_report, anchor, masked, time)

    def _phases(self, result: FileResult, get_report: Callable[[], Report | None],
                anchor: str, masked: bool | None, time: _FileTime) -> FileResult:
        prepared = self._core(result, "read", partial(self._prepare, get_report),
                              time.deadline)
        if prepared is None:
            return result
        report, context = prepared
        found = self._run_checkers(report, context, result, time=time)
        findings = [f for f in found if f.rule_id in self._selected_ids]
        identifiers = [f for f in found if f.rule_id not in self._selected_ids]
        findings = self._core(result, "check",
                              partial(self._whole_report_only, findings, context),
                              time.finishing, time)
        self._modify(result, findings, report, context, time)
        return self._core(result, "check",
                          partial(self._complete, result, findings, report, context, anchor,
                                  masked, time.skipped, identifiers),
                          time.finishing, time)

    def _prepare(self, get_report: Callable[[], Report | None]
                 ) -> tuple[Report, CheckContext] | None:
        report = get_report()
        if report is None:
            return None
        context = CheckContext(self.config, self.rules, report, blocks(report))
        Layout.of(context)  # every block's part, before any checker reads it
        return report, context

    def _core(self, result: FileResult, verb: str, step: Callable[[], _T],
              deadline: Deadline, time: _FileTime | None = None) -> _T:
        """Run a step of the core's own before the file's ``deadline``.

        If it fails, the file is abandoned with one error saying why (a
        finishing step out of ``time`` says so in the file's time-out line).
        """
        try:
            with time_limit(deadline, phase=f"core {verb}"):
                return step()
        except TimeLimitExceeded as exc:
            if time is not None:
                time.out_of_time(result, str(exc))
                raise _Abandoned from None
            message = str(exc)
        except KeyboardInterrupt:
            if user_interrupted():
                raise
            message = "KeyboardInterrupt"
        except Exception as exc:  # a hostile file can break any parser
            log.debug("cannot %s %s", verb, result.path, exc_info=True)
            message = describe(exc)
        result.errors.append(ToolError(result.path, f"cannot {verb}: {message}"))
        raise _Abandoned

    def _complete(self, result: FileResult, findings: list[Finding], report: Report,
                  context: CheckContext, anchor: str, masked: bool | None,
                  skipped: Collection[str] = (),
                  identifiers: Collection[Finding] = ()) -> FileResult:
        """Mask, sort, fingerprint and score the file's findings (``skipped``: the
        plugins the time limit left no time to run; ``identifiers``: what rules
        left out of the run found, to mask with)."""
        masker = Masker.of([*findings, *identifiers], self.rules)
        findings.sort(key=Finding.sort_key)
        v1 = (v1_fingerprints(findings, self.config.get("fingerprint_key"), anchor)
              if self.match_v1_baseline else None)
        self._finish(findings, masker, anchor)
        result.findings = findings
        if v1 is not None:
            result.v1_fingerprints = dict(zip((f.fingerprint for f in findings), v1,
                                              strict=True))
        failed = {error.plugin for error in result.errors if error.plugin}
        if report.binary and self._may_cue(failed.union(skipped)):
            result.findings = add_cues(result.findings, context.blocks)
        result.extras.update(context.extras)
        if self.record_paragraphs:
            result.extras["paragraphs"] = flagged_paragraphs(
                result.findings, context.blocks, [f.secret for f in findings if f.secret])
        unchecked = context.unchecked
        if skipped:
            unchecked = {**{rule.id: "the file's time limit ran out before these rules ran"
                            for rule in self.selected if self.rules.owner(rule.id) in skipped},
                         **unchecked}
        result.extras["scorecard"] = scorecard(
            result.findings, self.selected, failed, self.rules.owner, unchecked)
        if masked if masked is not None else not self.config.get("show_identifiers"):
            masker.file(result)
        return result

    def _whole_report_only(self, findings: list[Finding], context: CheckContext) -> list[Finding]:
        """Drop what rules that need the whole report say of part of one.

        "No methodology section" says nothing about a file that stops before
        the methodology: such rules are "not checked" there, with the reason.
        """
        kind = Outline.of(context).kind
        # Short reasons, the same for every file, so that a run's scorecard can
        # count them; the file's own details are in its SCR107 finding.
        for rule_id in kind.not_applicable:
            context.not_checked(rule_id, f"not applicable to {_a(kind.label)}")
        if not kind.whole:
            context.not_checked(
                [rule.id for rule in self.selected if rule.whole_report],
                "set as an excerpt in the configuration" if kind.source == "configuration"
                else "the file holds only part of the report")
        return [f for f in findings if f.rule_id not in context.unchecked]

    def _read_into(self, result: FileResult, path: Path | None, data: bytes = b"",
                   suffix: str = "") -> Report | None:
        """The report (from ``path``, or else ``data``), or ``None`` with the reason
        recorded in ``result``."""
        shown = result.path
        try:
            if path is not None:
                report = self.read(path, shown)
            else:
                report = self.read_bytes(data, suffix, shown)
        except ReaderError as exc:
            result.errors.append(ToolError(shown, f"cannot read: {exc.reason}"))
            return None
        except OSError as exc:
            result.errors.append(ToolError(shown, f"cannot read: {exc.strerror or exc}"))
            return None
        except Exception as exc:  # a hostile file can break any parser
            result.errors.append(ToolError(shown, f"cannot read: {describe(exc)}"))
            return None
        result.format = report.format
        return report

    def _run_checkers(self, report: Report, context: CheckContext, result: FileResult,
                      only: Collection[str] | None = None,
                      time: _FileTime | None = None) -> list[Finding]:
        """Each plugin's checks on their own (``only`` those plugins, if given),
        within the file's ``time``: a failure is that plugin's alone.

        A plugin that raises or exits is blamed; what it found before that,
        and what every other plugin finds, stands.  One that runs out of the
        file's time is blamed too and keeps what it found; the plugins after
        it are skipped.  Returns the selected rules' findings and the
        identifiers the rules that mask found, selected or not.
        """
        time = time or _FileTime(self.config.get("timeout"))
        calls = [
            (owner, "scr_check_document",
             partial(self._check_document, owner, function, argnames, report, context))
            for owner, function, argnames in self._checkers["scr_check_document"]
            if only is None or owner in only
        ] + [
            (owner, "scr_check_node",
             partial(self._check_nodes, owner, function, argnames, context))
            for owner, function, argnames in self._checkers["scr_check_node"]
            if only is None or owner in only
        ]
        # The plugins that find identifiers go first: every output is masked
        # with what they find, so a slow plugin that uses up the file's time
        # must not leave them unrun while others' snippets are written out.
        calls.sort(key=lambda call: call[0] not in self._finding_identifiers)
        #: Findings each plugin may still make in this report (``max_findings``).
        limit: int | None = self.config.get("max_findings") or None
        left: dict[str, int | None] = {}
        findings: list[Finding] = []
        for owner, hook, call in calls:
            if time.skip(owner, result):
                continue
            produced: list[Finding] = []
            context.findings_left = left.get(owner, limit)
            _, failure = call_plugin(owner, hook, partial(call, produced), time.deadline)
            left[owner], context.findings_left = context.findings_left, None
            if failure is not None:
                time.failed(failure, result, ToolError(result.path, failure.message, owner))
            findings.extend(produced)
        return [f for f in findings
                if f.rule_id in self._selected_ids or f.rule_id in self._identifier_rules]

    def _check_document(self, owner: str, function: Callable[..., Any],
                        argnames: tuple[str, ...], report: Report, context: CheckContext,
                        out: list[Finding]) -> None:
        args = {"report": report, "context": context}
        self._accept(function(**{a: args[a] for a in argnames}), context.path, out)

    def _check_nodes(self, owner: str, function: Callable[..., Any],
                     argnames: tuple[str, ...], context: CheckContext,
                     out: list[Finding]) -> None:
        wants_context = "context" in argnames
        for block in context.blocks:
            if wants_context:
                produced = function(block=block, context=context)
            else:
                produced = function(block=block)
            if produced:
                self._accept(produced, context.path, out)

    def _accept(self, produced: Any, path: str, out: list[Finding]) -> None:
        """Add what a plugin returned to ``out``, a finding at a time: valid findings
        of registered rules, nothing else.  What it gave before it failed stands."""
        if produced is None:
            return
        if isinstance(produced, Finding):
            produced = [produced]
        for item in produced:
            self._validate(item, path)
            out.append(item)

    def _validate(self, item: Any, path: str) -> None:
        """Raise :class:`PluginContractError` unless ``item`` is a finding every
        output can write: a registered rule, a severity, a message and a
        location in this file."""
        if not isinstance(item, Finding):
            raise PluginContractError(f"returned {type(item).__name__}, not a Finding")
        rule = item.rule_id
        if not isinstance(rule, str) or rule not in self.rules:
            raise PluginContractError(f"reported unregistered rule {rule!r}")
        problem = _finding_problem(item, path)
        if problem:
            raise PluginContractError(f"gave a finding of {rule} {problem}")

    def _modify(self, result: FileResult, findings: list[Finding], report: Report,
                context: CheckContext, time: _FileTime) -> None:
        """Each plugin's ``scr_modify_findings`` within the file's ``time``.

        One that fails, or leaves something that is not a valid finding, is
        blamed and its changes are undone; the others still run, unless the
        file's time ran out.
        """
        kwargs = {"findings": findings, "report": report, "context": context}
        hook = "scr_modify_findings"
        for owner, function, argnames in self.pm.implementations(hook):
            # The core's own (the report's suppression markers) is part of its finishing.
            core = owner == CORE_PLUGIN
            if not core and time.skip(owner, result):
                continue
            before = list(findings)

            def modify(function: Callable[..., Any] = function,
                       argnames: tuple[str, ...] = argnames,
                       before: list[Finding] = before) -> None:
                function(**{a: kwargs[a] for a in argnames})
                # A finding the hook left in the list was checked when it was
                # made: only those it added or replaced are checked here.
                checked = {id(item) for item in before}
                for item in findings:
                    if id(item) not in checked:
                        self._validate(item, context.path)

            _, failure = call_plugin(owner, hook, modify,
                                     time.finishing if core else time.deadline)
            if failure is not None and core and failure.timed_out:
                time.out_of_time(result, failure.message)  # the markers' work is the core's
                raise _Abandoned
            if failure is not None:
                findings[:] = before
                time.failed(failure, result,
                            ToolError(result.path, f"{failure.message} in {hook}", owner))

    def _may_cue(self, not_run: Collection[str]) -> bool:
        """Whether a paragraph's first words may be shown: only when every privacy
        rule ran on the file (none of its plugins in ``not_run``, failed or
        skipped), or identifiers are shown anyway, so that words holding an
        identifier are known."""
        if self.config.get("show_identifiers"):
            return True
        privacy = [rule.id for rule in self.rules if rule.question == 2]
        return all(rule_id in self._selected_ids and self.rules.owner(rule_id) not in not_run
                   for rule_id in privacy)

    def _finish(self, findings: list[Finding], masker: Masker, anchor: str) -> None:
        """Apply the configured severity (once, here), and fingerprint from the masked text.

        ``anchor`` is the file's path from the project root, which the
        fingerprint is built from instead of the path shown.  Each finding is
        replaced in the list as it is finished, so that a report's findings
        are never held twice over (a paragraph of dates makes a hundred
        thousand a megabyte).
        """
        identities = fingerprints(findings, masker.text, anchor)
        for index, (finding, identity) in enumerate(zip(findings, identities, strict=True)):
            findings[index] = finding.evolve(
                severity=self.config.severity_for(self.rules[finding.rule_id], finding.severity),
                fingerprint=identity,
            )


#: What :meth:`Session.warm_up` checks: a little of everything a report holds.
WARM_UP = """\
Serious Case Review: Child W
============================

1. Introduction
===============

1.1 The health visitor, Jane Moss, visited 12 Acacia Avenue, Leeds LS1 4AB on
3 March 2019 and telephoned 07700 900123. It is clear that the GP should have
referred the family to CAMHS (see paragraph 2.1).

- The school nurse noted concerns.
- The MASH team did not share the information.

2. Findings
===========

2.1 Finding 1: agencies did not share information about the baby's bruising.

3. Recommendations
==================

3.1 Recommendation 1: the safeguarding partnership should audit referrals.
"""

#: Words of a paragraph's start shown as its cue in a Word or PDF location.
CUE_WORDS = 6


def add_cues(findings: list[Finding], blocks: list[TextBlock]) -> list[Finding]:
    """Give each finding in a paragraph the paragraph's first words, unless any
    identifier a rule found in that paragraph starts among them."""
    by_index = {block.index: block for block in blocks}
    secrets: dict[int, list[str]] = {}
    for finding in findings:
        if finding.secret and finding.location.paragraph_index is not None:
            secrets.setdefault(finding.location.paragraph_index, []).append(finding.secret)
    out = []
    for finding in findings:
        block = by_index.get(finding.location.paragraph_index or 0)
        cue = _cue(block.text, secrets.get(block.index, [])) if block else None
        out.append(finding.evolve(location=replace(finding.location, cue=cue)) if cue
                   else finding)
    return out


def _cue(text: str, secrets: list[str]) -> str | None:
    words = text.split()
    cue = " ".join(words[:CUE_WORDS]) + ("…" if len(words) > CUE_WORDS else "")
    end = len(" ".join(words[:CUE_WORDS])) + len(text) - len(text.lstrip())
    for secret in secrets:
        at = text.find(secret)
        if at == -1 or at < end or any(part in cue for part in secret.split() if len(part) > 1):
            return None
    return cue or None


def _registered(pm: ScrPluginManager, hook: str, config: Config) -> list[tuple[str, Any]]:
    return [(owner, value or ()) for owner, value in pm.call_each(hook, config=config)]


def _finding_problem(finding: Finding, path: str) -> str:
    """What makes ``finding`` one no output can write, or ``""``."""
    if not isinstance(finding.severity, Severity):
        return f"the severity {finding.severity!r} (use Severity.ERROR, WARNING or NOTE)"
    if not isinstance(finding.message, str) or not finding.message.strip():
        return "no message"
    location = finding.location
    if not isinstance(location, Location):
        return "no location"
    try:
        location.__post_init__()  # built past its checks (pickled, or object.__setattr__)
    except ValueError as exc:
        return f"a bad location: {exc}"
    if location.path != path:
        return f"a location in another file ({printable(str(location.path))!r})"
    for name in ("snippet", "suggestion", "secret", "context", "fingerprint"):
        if not isinstance(getattr(finding, name), str):
            return f"a {name} that is not text"
    if not isinstance(finding.properties, dict):
        return "properties that are not a dict"
    if finding.suppression is not None and not isinstance(finding.suppression, Suppression):
        return "a suppression that is not a Suppression"
    return ""


def _owns_rules(rules: RuleRegistry, plugin: str) -> bool:
    return any(rules.owner(rule.id) == plugin for rule in rules)


def _a(noun: str) -> str:
    """The noun with its indefinite article: "a briefing", "an executive summary"."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _once_each(files: list[Path]) -> list[Path]:
    """Each file once, where it was first given: a file named twice, or also
    inside a folder given, is one report, not two.  A link is a name of its
    own (a folder's link to a file in it is checked as the walk found it)."""
    seen: set[str] = set()
    once = []
    for path in files:
        key = str(path) if str(path) == STDIN else os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            once.append(path)
    return once

