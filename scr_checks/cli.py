"""The ``scr-checks`` command line.

Exit status: 0 nothing at or above the fail level, 1 findings, 2 a usage,
configuration or plugin error, or an input that could not be read (the other
inputs are still checked and reported).
"""

from __future__ import annotations

import argparse
import atexit
import enum
import gc
import json
import logging
import math
import os
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TypeVar

from scr_checks import __version__
from scr_checks.config import TRUSTED_KEYS, Config, find_config, load_raw, search_limit
from scr_checks.editing import TEXT_SUFFIXES, WORD_SUFFIXES
from scr_checks.exceptions import ReaderError, ScrChecksError, UsageError
from scr_checks.exclusions import Exclusions
from scr_checks.formatters import counted, write_atomically
from scr_checks.formatters.statistics import StatisticsFormatter
from scr_checks.lifecycle import finish, run_session
from scr_checks.outputs import refuse_inputs, stdout_colour, write_outputs, write_stdout
from scr_checks.parallel import cpu_count
from scr_checks.paths import display_path
from scr_checks.pluginmanager import CORE_PLUGIN, ScrPluginManager
from scr_checks.progress import progress_bar
from scr_checks.results import FileResult, RunResult, ToolError
from scr_checks.rules import QUESTIONS, Rule, Severity
from scr_checks.runner import STDIN, Session
from scr_checks.suggest import did_you_mean
from scr_checks.suppressions import apply_baseline, write_baseline
from scr_checks.terminal import SafeLogFormatter, terminal_safe
from scr_checks.timelimit import TimeLimitExceeded, time_limit

log = logging.getLogger("scr_checks")
T = TypeVar("T")

#: Shortcuts that write one more output file beside the main one.
EXTRA_OUTPUTS = ("sarif", "junit", "json", "html")
_OUTPUT_NAMES = {"sarif": "SARIF", "junit": "JUnit XML", "json": "JSON", "html": "HTML"}


class ExitCode(enum.IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2


#: What each command's exit status means, as its --help says it.
EXIT_STATUS = {
    "check": (
        "  0  nothing at or above the fail level (or --exit-zero)\n"
        "  1  findings at or above the fail level\n"
        "  2  a usage, configuration or plugin error, or an input that could not be read\n"
        "     (the other inputs are still checked and reported)\n"),
    "annotate": (
        "  0  the copy was written, whatever the findings\n"
        "  2  the report could not be read, a plugin failed, or the copy not written\n"),
    "redact": (
        "  0  the copy holds no identifier the run found\n"
        "  1  an identifier is left in the copy (reported as NOT REPLACED)\n"
        "  2  the report could not be read, a plugin failed, or the copy not written\n"),
    "extract": (
        "  0  every report's records were written, whatever the findings\n"
        "  2  a report could not be read or has no linkage map (the others' records\n"
        "     are still written), or a usage or configuration error\n"),
}
#: What every other command's exit status means.
OTHER_EXIT_STATUS = (
    "  0  done\n"
    "  2  a usage, configuration or plugin error, or standard output closed\n")
EXAMPLES = """
examples:
  scr-checks check reports/                       every report in a folder
  scr-checks check report.docx --sarif out.sarif  also write SARIF
  scr-checks rule SCR701                          what a rule looks for, with examples
"""
EPILOG = "exit status of check:\n" + EXIT_STATUS["check"] + EXAMPLES


def epilog(command: str) -> str:
    """The --help epilog of ``command``: its own exit status, then the examples."""
    return ("exit status:\n" + EXIT_STATUS.get(command, OTHER_EXIT_STATUS)
            + (EXAMPLES if command == "check" else ""))


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's, with the terminal's width found as :mod:`shutil` finds it but
    without importing it (and the bz2 and lzma modules it brings): argparse
    makes a formatter for each option it adds, in every run."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_columns() - 2 if width is None else width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        """The description and epilog line by line as written, each line that is
        wider than the terminal wrapped (:func:`_wrap_line`)."""
        return "\n".join(indent + part for line in text.split("\n")
                         for part in _wrap_line(line, width))


def _wrap_line(line: str, width: int) -> list[str]:
    """``line`` in lines of at most ``width`` characters where its words allow.

    A line in two columns (an exit status and its meaning, an example and what
    it does) goes on below its second column, or, where that column leaves
    fewer than 24 characters, puts the second column below the first.
    """
    if len(line) <= width:
        return [line]
    start = len(line) - len(line.lstrip(" "))
    gap = line.find("  ", start)
    column = len(line) - len(line[gap:].lstrip(" ")) if gap >= 0 else start
    wrap = partial(textwrap.wrap, width=width, break_long_words=False,
                   break_on_hyphens=False)
    if column <= width - 24:
        return wrap(line, subsequent_indent=" " * column)
    below = " " * (start + 4)
    return [line[:gap], *wrap(line[column:], initial_indent=below, subsequent_indent=below)]


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``: ``COLUMNS``, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns \
                if sys.__stdout__ is not None else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser.

    Given ``command``, the one the line names first, only that command's
    options are added: the other commands' options cost each run about four
    million instructions.
    """
    parser = argparse.ArgumentParser(
        prog="scr-checks",
        description="Check Serious Case Review reports against the quality marker "
        "for 'The report'.",
        epilog=EPILOG,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="show versions and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (text, add_options) in _COMMANDS_OPTIONS.items():
        sub = commands.add_parser(name, help=text, description=text, epilog=epilog(name),
                                  formatter_class=_HelpFormatter)
        if command in (None, name):
            add_options(sub)
    return parser


def parse_line(parser: argparse.ArgumentParser, line: Sequence[str]) -> argparse.Namespace:
    """``parser.parse_args(line)``, with paths after options and a nearer error.

    argparse takes a command's paths only before its first option, so
    ``check a.md --sarif out.sarif b.md`` was an error; a path there is
    checked as ruff and pytest would.  Anything else it does not know is an
    error of the command, shown with the command's usage and the option it
    may stand for, not with the usage of ``scr-checks`` alone.
    """
    args, extras = parser.parse_known_args(line)
    if not extras:
        return args
    cut = extras.index("--") if "--" in extras else len(extras)
    if hasattr(args, "paths") and all(e == "-" or not e.startswith("-") for e in extras[:cut]):
        args.paths += extras[:cut] + extras[cut + 1:]  # after "--", whatever they look like
        return args
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    command: argparse.ArgumentParser = commands.choices.get(args.command, parser)
    options = [o for a in command._actions for o in a.option_strings]
    unknown = next((e.split("=", 1)[0] for e in extras if e.startswith("-")), "")
    command.error(f"unrecognized arguments: {' '.join(extras)}"
                  + (did_you_mean(unknown, options) if unknown else ""))


def _common(sub: argparse.ArgumentParser) -> None:
    where = sub.add_mutually_exclusive_group()
    where.add_argument("--config", metavar="FILE", help="configuration file to use for "
                       "every input (default: the inputs' nearest scr-checks.toml or "
                       "pyproject.toml, searched up to the repository root)")
    where.add_argument("--isolated", action="store_true",
                       help="ignore every configuration file: the defaults only")
    sub.add_argument("-p", dest="plugins", action="append", default=[], metavar="NAME",
                     help="load plugin module NAME; 'no:NAME' disables plugin NAME")
    sub.add_argument("-v", "--verbose", action="store_true",
                     help="say which configuration and plugins are used, which files "
                          "are skipped and why; tracebacks of plugin errors")


def _editing(sub: argparse.ArgumentParser) -> None:
    _common(sub)
    sub.add_argument("--select", metavar="IDS",
                     help="comma-separated rule ids or prefixes to run")
    sub.add_argument("--ignore", metavar="IDS",
                     help="comma-separated rule ids or prefixes to skip")
    sub.add_argument("--show-identifiers", action="store_true", default=None,
                     help="show the identifiers privacy rules find instead of masking "
                          "them")


def _check_options(check: argparse.ArgumentParser) -> None:
    check.add_argument("paths", nargs="+", metavar="PATH",
                       help="a report, or a folder to search for reports; '-' reads "
                            "standard input")
    _common(check)
    check.add_argument("--select", metavar="IDS",
                       help="comma-separated rule ids or prefixes to run")
    check.add_argument("--ignore", metavar="IDS",
                       help="comma-separated rule ids or prefixes to skip")
    check.add_argument("--fail-level", choices=[*map(str, Severity), "none"],
                       help="lowest severity that makes the exit status 1")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when there are findings (still 2 on errors)")
    check.add_argument("--format", default="text", metavar="NAME",
                       help="output format (see 'scr-checks formats'; default: text)")
    check.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE")
    for name in EXTRA_OUTPUTS:
        check.add_argument(f"--{name}", metavar="FILE", dest=f"extra_{name}",
                           help=f"also write {_OUTPUT_NAMES[name]} output to FILE")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="print findings and errors only: no summary or scorecard")
    check.add_argument("--statistics", action="store_true",
                       help="print how many findings each rule made instead of the findings")
    check.add_argument("--baseline", metavar="FILE",
                       help="mark findings listed in this baseline file as suppressed "
                            "(default: the configuration's baseline)")
    check.add_argument("--write-baseline", metavar="FILE",
                       help="write every current finding to a baseline file, then mark "
                            "them suppressed")
    card = check.add_mutually_exclusive_group()
    card.add_argument("--no-scorecard", dest="scorecard", action="store_false", default=None,
                      help="leave out the quality-marker scorecard in terminal output")
    card.add_argument("--scorecard-per-file", action="store_true", default=None,
                      help="print a scorecard for each report, not one for the run")
    check.add_argument("--show-identifiers", action="store_true", default=None,
                       help="show the identifiers privacy rules find instead of masking them")
    check.add_argument("--sarif-suppressed", choices=("include", "omit"),
                       help="keep suppressed findings in SARIF, marked (default), or leave "
                            "them out, as GitHub code scanning needs")
    check.add_argument("--follow-symlinks", action="store_true", default=None,
                       help="in folders, also check links that lead outside them")
    check.add_argument("--extend-exclude", metavar="GLOBS",
                       help="comma-separated globs to leave out of folders, besides "
                            "'exclude'")
    check.add_argument("--no-respect-gitignore", dest="respect_gitignore",
                       action="store_false", default=None,
                       help="check files that .gitignore leaves out too")
    check.add_argument("--force-exclude", action="store_true",
                       help="apply the exclusions to files named on the command line too "
                            "(for pre-commit)")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="the name to read '-' as: its suffix picks the reader, its "
                            "folder the configuration (default: plain text, shown as '-')")
    check.add_argument("--timeout", type=_seconds, metavar="SECONDS",
                       help="seconds one file may take, reading and checks together; 0: no "
                            "limit (default: the configuration's timeout, 120)")
    check.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                       help="check N files at once in worker processes; 0 or 'auto' "
                            "uses every core (default: 1)")
    colour = check.add_mutually_exclusive_group()
    colour.add_argument("--color", dest="color", action="store_true", default=None,
                        help="colour the terminal output even when it is not a terminal")
    colour.add_argument("--no-color", dest="color", action="store_false",
                        help="never colour the output (NO_COLOR in the environment does "
                             "the same)")


def _annotate_options(annotate: argparse.ArgumentParser) -> None:
    annotate.add_argument("path", metavar="PATH", help="the report (.docx)")
    annotate.add_argument("-o", "--output", metavar="FILE",
                          help="where to write the copy (default: NAME.checked.docx beside it)")
    _editing(annotate)


def _redact_options(redact: argparse.ArgumentParser) -> None:
    redact.add_argument("path", metavar="PATH",
                        help="the report (.docx, .md, .rst, .txt or .html)")
    redact.add_argument("-o", "--output", metavar="FILE",
                        help="where to write the copy (default: NAME.redacted.SUFFIX "
                             "beside it)")
    redact.add_argument("--dry-run", action="store_true",
                        help="print what would change; write nothing")
    redact.add_argument("--strip-hidden", action="store_true",
                        help="also remove comments, document properties, hidden text, "
                             "earlier tracked deletions, field codes and link targets "
                             "that hold an identifier")
    redact.add_argument("--write-identifier-map", metavar="FILE",
                        help="write the real identifier behind each placeholder to FILE "
                             "(JSON); it is written nowhere else")
    _editing(redact)


def _rules_options(rules: argparse.ArgumentParser) -> None:
    rules.add_argument("--format", choices=("text", "json"), default="text",
                       help="text, one rule a line (default), or JSON with every field")
    _common(rules)


def _rule_options(rule: argparse.ArgumentParser) -> None:
    rule.add_argument("rule_id", metavar="RULE", help="the rule's id, such as SCR701")
    rule.add_argument("--format", choices=("text", "json"), default="text",
                      help="text (default) or JSON")
    _common(rule)


def _extract_options(extract: argparse.ArgumentParser) -> None:
    extract.add_argument("paths", nargs="+", metavar="PATH",
                         help="a report, or a folder to search for reports")
    _common(extract)
    extract.add_argument("--format", choices=("csv", "json", "xlsx"), default="csv",
                         help="csv (default), json, or xlsx (needs openpyxl: the 'xlsx' "
                              "extra)")
    extract.add_argument("-o", "--output", metavar="FILE",
                         help="write the records to FILE (default: standard output; "
                              "needed for xlsx)")
    extract.add_argument("--show-identifiers", action="store_true", default=None,
                         help="show the identifiers privacy rules find instead of masking them")
    extract.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                         help="read N files at once in worker processes; 0 or 'auto' "
                              "uses every core (default: 1)")


def _new_plugin_options(scaffold: argparse.ArgumentParser) -> None:
    scaffold.add_argument("name", help="the plugin's short name, such as 'northshire'")
    scaffold.add_argument("--prefix", help="its rule prefix, 2-4 letters "
                          "(default: the name's first three letters)")
    scaffold.add_argument("--dir", metavar="FOLDER",
                          help="where to write it (default: ./scr-checks-NAME)")


#: Each command's help and the function that adds its options, in the order --help lists them.
_COMMANDS_OPTIONS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "check": ("check reports (files or folders)", _check_options),
    "annotate": ("write a copy of a Word report with each finding as a comment on its words",
                 _annotate_options),
    "redact": ("write a copy of a report with each identifier the privacy rules find "
               "replaced by a placeholder (Word: as tracked changes)", _redact_options),
    "rules": ("list every rule", _rules_options),
    "rule": ("explain one rule, with an example it flags and one it passes", _rule_options),
    "extract": ("write every report's findings and recommendations as records: one row "
                "each, for a spreadsheet", _extract_options),
    "formats": ("list the output formats", _common),
    "new-plugin": ("write a new local-area plugin", _new_plugin_options),
}


def _seconds(value: str) -> float:
    """``--timeout``: a number of seconds, 0 or more."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not math.isfinite(seconds) or seconds < 0:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or a number of seconds")
    return seconds


def _jobs(value: str) -> int:
    """``--jobs``: a number of processes, with 0 and ``auto`` meaning every core."""
    if value == "auto":
        return cpu_count()
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (every core) or more")
    return jobs or cpu_count()


@contextmanager
def cli_session(args: argparse.Namespace, inputs: Sequence[Path],
                settings: Callable[[Config], None] | None = None) -> Iterator[Session]:
    """The run's session, started as every front end starts one (:mod:`scr_checks.lifecycle`).

    The configuration file is the one ``inputs`` agree on; ``-p`` loads and
    ``-p no:`` blocks plugins; ``settings`` applies the command's options.
    """
    config_path = choose_config(args, inputs)
    modules = [name for name in args.plugins if not name.startswith("no:")]
    blocked = [name[3:] for name in args.plugins if name.startswith("no:")]
    with run_session(load_raw(config_path), config_path, modules=modules, blocked=blocked,
                     settings=settings) as session:
        describe_start(session.pm, session.config, args)
        describe_trusted(session.config)
        yield session


def choose_config(args: argparse.Namespace, inputs: Sequence[Path]) -> Path | None:
    """The one configuration file of this run, or ``None``.

    One run uses one configuration: the plugins it loads, the rules it runs
    and its fail level are the run's, and its outputs are one SARIF run.
    Inputs whose nearest configurations differ would be checked under
    settings their owners did not choose, so that is an error, not a guess.
    """
    if args.isolated:
        return None
    if args.config:
        path = Path(args.config)
        if not path.is_file():
            raise UsageError(f"configuration file {args.config!r} not found")
        return path
    nearest: dict[Path | None, list[Path]] = {}
    for path in inputs or [Path.cwd()]:
        nearest.setdefault(find_config(path), []).append(path)
    if len(nearest) > 1:
        each = "; ".join(
            f"{', '.join(display_path(p) for p in paths)} uses "
            f"{display_path(found) if found else 'no configuration'}"
            for found, paths in nearest.items()
        )
        raise UsageError(f"the inputs have different configurations ({each}); one run "
                         "uses one: check them in separate runs, or choose with --config "
                         "FILE or --isolated")
    found = next(iter(nearest))
    return Path(display_path(found)) if found else None


def describe_start(pm: ScrPluginManager, config: Config, args: argparse.Namespace) -> None:
    """Log (``-v``) the configuration file and the plugins loaded."""
    if not log.isEnabledFor(logging.INFO):
        return
    if config.path:
        log.info("configuration: %s", display_path(config.path))
    elif args.isolated:
        log.info("configuration: none (--isolated)")
    else:
        log.info("configuration: none found (searched up to %s)",
                 display_path(search_limit(Path.cwd())))
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda item: item[0]):
        if plugin is None:
            log.info("plugin %s: disabled", name)
            continue
        dist = pm.distributions.get(name)
        if name == CORE_PLUGIN:
            dist = ("scr-checks", __version__)  # the core's own checks (markers, markup)
        origin = f"{dist[0]} {dist[1]}" if dist else getattr(plugin, "__file__", "") or ""
        log.info("plugin %s: %s", name, display_path(Path(origin)) if not dist and origin
                 else origin)


def describe_trusted(config: Config) -> None:
    """Log (``-v``) each setting that runs code or weakens the gate, with its origin."""
    for key, effect in TRUSTED_KEYS.items():
        if key in config.values:
            log.info("%s = %r from %s: %s", key, config.values[key], config.origin(key),
                     effect)


def apply_overrides(args: argparse.Namespace, config: Config) -> None:
    """Command-line options over the file, each remembered as the value's origin."""
    def listed(text: str) -> list[str]:
        return [item.strip() for item in text.split(",") if item.strip()]

    if args.select is not None:
        config.override("select", listed(args.select), "--select")
    if args.ignore is not None:
        config.override("ignore", listed(args.ignore), "--ignore")
    if args.fail_level:
        config.override("fail_level", args.fail_level, "--fail-level")
    if args.show_identifiers:
        config.override("show_identifiers", True, "--show-identifiers")
    if args.scorecard is False:
        config.override("scorecard", False, "--no-scorecard")
    if args.scorecard_per_file:
        config.override("scorecard_per_file", True, "--scorecard-per-file")
    if args.quiet:
        config.override("summary", False, "--quiet")
        config.override("scorecard", False, "--quiet")
    if args.follow_symlinks:
        config.override("follow_symlinks", True, "--follow-symlinks")
    if args.sarif_suppressed:
        config.override("sarif_suppressed", args.sarif_suppressed, "--sarif-suppressed")
    if args.extend_exclude:
        config.override("extend_exclude", [*config.get("extend_exclude"),
                                           *listed(args.extend_exclude)], "--extend-exclude")
    if args.respect_gitignore is False:
        config.override("respect_gitignore", False, "--no-respect-gitignore")
    if args.timeout is not None:
        config.override("timeout", args.timeout, "--timeout")


def exit_code(run: RunResult, config: Config, exit_zero: bool = False) -> ExitCode:
    if any(not file.read_ok for file in run.files) or run.errors:
        return ExitCode.ERROR
    if not exit_zero and any(config.fails(f.severity) and not f.suppressed
                             for f in run.findings):
        return ExitCode.FINDINGS
    return ExitCode.OK


@contextmanager
def settled_garbage_collector(restore: bool = True) -> Iterator[None]:
    """Turn on and tune the collector for one run, after start-up (which runs
    without it: see :func:`main`); restore it after if asked.

    What start-up made (modules, plugins, compiled patterns) lives until the
    run ends, so it is frozen out of every collection meanwhile; collections
    of young objects come less often, as a report's tree and findings are
    made in bulk.  Together they spend a third of the time the defaults do
    (0.09 → 0.03 s of a 50k-word run, 2.5 → 1.1 s of a 500-report archive).
    Restoring costs one full collection (17 ms after a 50k-word run), which
    a process that ends with the command does not need.
    """
    threshold = gc.get_threshold()
    collecting = gc.isenabled()
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)
    gc.enable()
    try:
        yield
    finally:
        if restore:
            gc.set_threshold(*threshold)
            gc.unfreeze()
            if not collecting:
                gc.disable()


def command_check(args: argparse.Namespace) -> ExitCode:
    stdin_at = Path(args.stdin_filename) if args.stdin_filename else Path.cwd()
    inputs = [stdin_at if p == STDIN else Path(p) for p in args.paths]
    with cli_session(args, inputs, partial(apply_overrides, args)) as session:
        config = session.config
        session.exclusions = Exclusions.from_config(config, chosen=bool(args.config or
                                                                        args.isolated))
        session.force_exclude = args.force_exclude
        if STDIN in args.paths:
            limit = config.get("max_file_size")
            session.stdin = (args.stdin_filename, sys.stdin.buffer.read(limit + 1))
        with settled_garbage_collector(restore=not args.process_ends):
            return check_and_report(args, session)


def check_and_report(args: argparse.Namespace, session: Session) -> ExitCode:
    """Check the files and write every output the command asked for.

    Errors are printed once, on standard error; an output to the terminal
    leaves them out.
    """
    config = session.config
    formatters = dict(session.formatters)
    main_format = args.format
    if args.statistics:
        main_format = StatisticsFormatter.name
        formatters[main_format] = StatisticsFormatter
    outputs = [(main_format, Path(args.output) if args.output else None)]
    outputs += [(name, Path(getattr(args, f"extra_{name}")))
                for name in EXTRA_OUTPUTS if getattr(args, f"extra_{name}")]
    for name, _ in outputs:
        if name not in formatters:
            raise UsageError(f"unknown output format {name!r} "
                             f"(available: {', '.join(sorted(session.formatters))})")
    refuse_inputs([target for _, target in outputs if target is not None]
                  + ([Path(args.write_baseline)] if args.write_baseline else []),
                  args.paths, session.readers)
    # Writing a baseline accepts every finding, so the old one need not exist.
    baseline = None if args.write_baseline else session.use_baseline(
        Path(args.baseline) if args.baseline else None)
    session.record_paragraphs = any(formatters[name].shows_paragraphs for name, _ in outputs)
    run = session.run(args.paths, args.jobs, progress_bar(sys.stderr))
    if args.write_baseline:
        baseline = write_baseline(Path(args.write_baseline), run)
        written = len(baseline.fingerprints)
        print(f"scr-checks: wrote {terminal_safe(args.write_baseline)}: {written} "
              f"finding{'s' if written != 1 else ''} accepted", file=sys.stderr)
    apply_baseline(run.files, baseline)
    if baseline is not None and baseline.upgrade_note:
        log.warning("%s", baseline.upgrade_note)
    write_outputs(run, outputs, formatters, config, stdout_colour(args.color))
    finish(session, run)
    for error in run.errors:
        print(f"scr-checks: error: {terminal_safe(str(error))}", file=sys.stderr)
    return exit_code(run, config, args.exit_zero)


def command_extract(args: argparse.Namespace) -> ExitCode:
    """Check the reports, then write their findings and recommendations as records.

    Findings do not change the exit status; a file that could not be read,
    or has no linkage map, is an error (2), and the other files' records
    are still written.
    """
    if args.format == "xlsx" and not args.output:
        raise UsageError("xlsx is a binary format: name the file to write with -o FILE")
    if STDIN in args.paths:
        raise UsageError("extract reads files and folders, not standard input")

    def settings(config: Config) -> None:
        if args.show_identifiers:
            config.override("show_identifiers", True, "--show-identifiers")

    with cli_session(args, [Path(p) for p in args.paths], settings) as session:
        run = extract_run(args, session)
    for error in run.errors:
        print(f"scr-checks: error: {terminal_safe(str(error))}", file=sys.stderr)
    return ExitCode.ERROR if run.errors else ExitCode.OK


def extract_run(args: argparse.Namespace, session: Session) -> RunResult:
    """Check the reports and write their records; the run, for its errors."""
    from scr_checks.extract import COLUMNS, records
    from scr_checks.tables import FORMATS

    if args.output:
        refuse_inputs([Path(args.output)], args.paths, session.readers)
    session.exclusions = Exclusions.from_config(session.config, chosen=bool(
        args.config or args.isolated))
    with settled_garbage_collector(restore=not args.process_ends):
        run = session.run(args.paths, args.jobs, progress_bar(sys.stderr))
    for file in run.files:
        if file.read_ok and "linkage" not in file.extras:
            file.errors.append(ToolError(file.path, "no findings or recommendations could be "
                                         "extracted: the linkage plugin's rules did not run"))
    output = FORMATS[args.format](records(run), COLUMNS)
    try:
        if args.output:
            write_atomically(Path(args.output), output)
        elif isinstance(output, str):  # a workbook always has its file
            write_stdout(output)
    except (OSError, ValueError) as exc:  # ValueError: a closed stream
        reason = getattr(exc, "strerror", None) or str(exc)
        if args.output:
            run.run_errors.append(ToolError(args.output, f"cannot write: {reason}"))
        else:
            run.run_errors.append(ToolError("-", f"cannot write to standard output: {reason}"))
    finish(session, run)
    return run


def emit(text: str, end: str = "\n") -> None:
    """Print for the user: output that cannot be written is an error (exit 2), not silence."""
    try:
        write_stdout(text + end)
    except BrokenPipeError:
        raise  # the reader left (``| head``): see run_command
    except (OSError, ValueError) as exc:  # ValueError: a closed stream
        reason = getattr(exc, "strerror", None) or str(exc)
        raise UsageError(f"cannot write to standard output: {reason}") from None


def command_rules(args: argparse.Namespace) -> ExitCode:
    with cli_session(args, []) as session:
        rules = list(session.rules)
    if args.format == "json":
        emit(json.dumps([rule_data(session, r) for r in rules], indent=2, sort_keys=True))
    else:
        for r in rules:
            emit(f"{r.id}  Q{r.question}  {r.severity!s:7}  {r.name}: {r.short}")
    return ExitCode.OK


def rule_data(session: Session, rule: Rule) -> dict[str, object]:
    """Everything known about a rule, for ``rules`` and ``rule`` in JSON."""
    return {"id": rule.id, "name": rule.name, "question": rule.question,
            "question_text": QUESTIONS[rule.question], "severity": str(rule.severity),
            "short": rule.short, "full": rule.full, "fix": rule.fix,
            "help_uri": rule.help_uri, "plugin": session.rules.owner(rule.id),
            "bad_example": rule.bad_example, "good_example": rule.good_example}


def command_rule(args: argparse.Namespace) -> ExitCode:
    with cli_session(args, []) as session:
        rules = session.rules
    wanted = args.rule_id.strip().upper()
    if wanted not in rules:
        ids = [rule.id for rule in rules]
        raise UsageError(f"no rule {args.rule_id!r}{did_you_mean(args.rule_id, ids)} "
                         "(see 'scr-checks rules')")
    rule = rules[wanted]
    if args.format == "json":
        emit(json.dumps(rule_data(session, rule), indent=2, sort_keys=True))
    else:
        emit(explain_rule(rule, rules.owner(rule.id)))
    return ExitCode.OK


def explain_rule(rule: Rule, plugin: str) -> str:
    """A rule for a person: what it looks for, why, how to fix, and two examples."""
    lines = [f"{rule.id} {rule.name} ({rule.severity}; question {rule.question}: "
             f"{QUESTIONS[rule.question]}; plugin {plugin})", "", rule.short, "",
             *textwrap.wrap(rule.full, 79)]
    if rule.fix:
        lines += ["", *textwrap.wrap(f"How to fix: {rule.fix}", 79)]
    for title, example in (("Flagged:", rule.bad_example), ("Not flagged:", rule.good_example)):
        if example:
            lines += ["", title, *("    " + line for line in example.splitlines())]
    if rule.help_uri:
        lines += ["", f"More: {rule.help_uri}"]
    return "\n".join(lines)


def command_formats(args: argparse.Namespace) -> ExitCode:
    with cli_session(args, []) as session:
        pass
    width = max(map(len, session.formatters), default=0)
    for name in sorted(session.formatters):
        emit(f"{name:{width}}  {session.formatters[name].description}")
    return ExitCode.OK


def command_version() -> ExitCode:
    pm = ScrPluginManager()
    pm.load_core()
    pm.load_builtins()
    pm.load_entry_points()
    emit(f"scr-checks {__version__} (Python {sys.version.split()[0]})")
    for line in pm.plugin_versions():
        emit(f"  {line}")
    return ExitCode.OK


def command_new_plugin(args: argparse.Namespace) -> ExitCode:
    # Imported here: the templates are read with importlib.resources, which a check never needs.
    from scr_checks.scaffold import new_plugin

    target = new_plugin(args.name, args.prefix, Path(args.dir) if args.dir else None)
    emit(f"wrote {target}; next: pip install -e '{target}[test]' && "
          f"python -m pytest {target}")
    return ExitCode.OK


@contextmanager
def editing_session(args: argparse.Namespace) -> Iterator[Session]:
    """The configuration, plugins and rules for ``annotate`` and ``redact``."""
    def settings(config: Config) -> None:
        for key in ("select", "ignore"):
            value = getattr(args, key)
            if value is not None:
                config.override(key, [i.strip() for i in value.split(",") if i.strip()],
                                f"--{key}")
        if args.show_identifiers:
            config.override("show_identifiers", True, "--show-identifiers")

    with cli_session(args, [Path(args.path)], settings) as session:
        yield session


def read_input(session: Session, path: Path, suffixes: Sequence[str]) -> bytes:
    """The bytes of the one report an editing command works on."""
    shown = display_path(path)
    if path.suffix.lower() not in suffixes:
        raise UsageError(f"{shown}: cannot edit {path.suffix or 'a file without a suffix'} "
                         f"files (supported: {' '.join(suffixes)})")
    try:
        size = path.stat().st_size
        limit = session.config.get("max_file_size")
        if size > limit:
            raise UsageError(f"{shown}: cannot read: file is {size:,} bytes, over the limit "
                             f"of {limit:,} (max_file_size)")
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{shown}: cannot read: {exc.strerror or exc}") from None


def output_path(args: argparse.Namespace, tag: str) -> Path:
    """``-o``, or NAME.TAG.SUFFIX beside the input; never the input itself."""
    source = Path(args.path)
    target = Path(args.output) if args.output else source.with_name(
        f"{source.stem}.{tag}{source.suffix}")
    if target.exists() and source.exists() and target.samefile(source):
        raise UsageError(f"{display_path(target)}: the copy would replace the report itself; "
                         "choose another file with -o")
    return target


def edited(session: Session, path: Path, work: Callable[[], T]) -> T:
    """Run an editing command's work on one file: a file that cannot be read is one
    line naming it, never a traceback."""
    shown = display_path(path)
    try:
        with time_limit(session.config.get("timeout")):
            return work()
    except ReaderError as exc:
        raise UsageError(f"{shown}: cannot read: {exc.reason}") from None
    except TimeLimitExceeded as exc:
        raise UsageError(f"{shown}: {exc}") from None
    except ScrChecksError:
        raise
    except Exception as exc:  # a hostile file can break any parser
        log.debug("details", exc_info=True)
        raise UsageError(f"{shown}: cannot read: {type(exc).__name__}: {exc}") from None


def report_errors(result: FileResult) -> bool:
    """Print a checked file's errors; whether it could be read at all."""
    for error in result.errors:
        print(f"scr-checks: error: {terminal_safe(str(error))}", file=sys.stderr)
    return result.read_ok


def command_annotate(args: argparse.Namespace) -> ExitCode:
    from scr_checks.editing.annotate import annotate

    with editing_session(args) as session:
        path = Path(args.path)
        data = read_input(session, path, WORD_SUFFIXES)
        target = output_path(args, "checked")
        done = edited(session, path, lambda: annotate(session, path, data, display_path(path)))
        if not report_errors(done.result):
            return ExitCode.ERROR
        write_output(target, done.data)
        total = done.on_words + len(done.on_title)
        print(f"scr-checks: wrote {terminal_safe(display_path(target))}: {total} "
              f"finding{'s' if total != 1 else ''} as comments, {done.on_words} on their words"
              + (f"; replaced {done.replaced} earlier scr-checks comments" if done.replaced
                 else ""), file=sys.stderr)
        return ExitCode.ERROR if done.result.errors else ExitCode.OK


def command_redact(args: argparse.Namespace) -> ExitCode:
    from scr_checks.editing.redact import redact
    from scr_checks.editing.table import identifier_map, redaction_table

    with editing_session(args) as session:
        path = Path(args.path)
        data = read_input(session, path, (*WORD_SUFFIXES, *TEXT_SUFFIXES))
        target = output_path(args, "redacted")
        if args.write_identifier_map:
            identifier_map_path(Path(args.write_identifier_map), path, target)
        done = edited(session, path, lambda: redact(session, path, data, display_path(path),
                                                    args.strip_hidden))
        if not report_errors(done.result) or done.data is None:
            return ExitCode.ERROR
        show = bool(session.config.get("show_identifiers"))
        table = redaction_table(done, display_path(path), show, args.strip_hidden, session.rules)
        if args.dry_run:
            emit(table, end="")
            return ExitCode.FINDINGS if done.remaining else ExitCode.OK
        write_output(target, done.data)
        if args.write_identifier_map:
            write_output(Path(args.write_identifier_map), identifier_map(done))
        print(f"scr-checks: wrote {terminal_safe(display_path(target))}: "
              f"{counted(sum(r.done for r in done.replacements), 'replacement')} of "
              f"{counted(len(done.identifiers), 'identifier')}", file=sys.stderr)
        if done.remaining:
            sys.stderr.write(table)
        if done.result.errors:
            return ExitCode.ERROR
        return ExitCode.FINDINGS if done.remaining else ExitCode.OK


def identifier_map_path(chosen: Path, source: Path, copy: Path) -> None:
    """Refuse an identifier map that would replace the report or the redacted copy."""
    refuse_inputs([chosen], [str(source)], ())
    if chosen.resolve() == copy.resolve():
        raise UsageError(f"--write-identifier-map {display_path(chosen)!r} is the redacted "
                         "copy; choose another file")


def write_output(target: Path, data: str | bytes) -> None:
    try:
        write_atomically(target, data)
    except OSError as exc:
        raise UsageError(f"{display_path(target)}: cannot write: {exc.strerror or exc}") \
            from None


COMMANDS = {"check": command_check, "annotate": command_annotate, "redact": command_redact,
            "extract": command_extract, "rules": command_rules, "rule": command_rule,
            "formats": command_formats, "new-plugin": command_new_plugin}


def main(argv: Sequence[str] | None = None) -> int:
    """The ``scr-checks`` command; without ``argv`` it is the process's own command line.

    Called as the process's command (the console script, ``python -m``), the
    process ends with the command (:func:`end_process`), so state it changed
    need not be put back.
    """
    collecting = gc.isenabled()
    # Start-up makes modules, plugins and their data, which live until the
    # run ends: a collection would find nothing (settled_garbage_collector
    # turns the collector on for the run).
    gc.disable()
    try:
        line = sys.argv[1:] if argv is None else list(argv)
        parser = build_parser(line[0] if line and line[0] in _COMMANDS_OPTIONS else None)
        args = parse_line(parser, line)
        args.process_ends = argv is None
        handler = logging.StreamHandler()
        handler.setFormatter(SafeLogFormatter("scr-checks: %(message)s"))
        verbose = getattr(args, "verbose", False)
        # -v shows the run's own details and any library's notices, not the
        # libraries' debugging (the Markdown parser logs each rule it enters).
        logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                            handlers=[handler])
        for name in ("scr_checks", "scr_plugins"):
            logging.getLogger(name).setLevel(logging.DEBUG if verbose else logging.NOTSET)
        code = run_command(parser, args)
    finally:
        if collecting:
            gc.enable()
    if args.process_ends:
        code = flush_output(code)
        end_process(code)
    return code


def run_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        if args.version:
            return command_version()
        if not args.command:
            parser.print_help()
            return ExitCode.ERROR
        return COMMANDS[args.command](args)
    except ScrChecksError as exc:
        log.debug("details", exc_info=True)
        for problem in exc.problems():
            print(f"scr-checks: error: {terminal_safe(problem)}", file=sys.stderr)
        return ExitCode.ERROR
    except BrokenPipeError:
        # The reader left (``| head``): nothing more can be shown, and that is
        # no error of ours; keep the interpreter from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.OK
    except KeyboardInterrupt:
        print("scr-checks: interrupted", file=sys.stderr)
        return 130


def end_process(code: int) -> None:
    """End the process with ``code`` now, without the interpreter's tear-down.

    The tear-down frees every module and object one by one and collects
    garbage once more: a tenth of a one-page run, more after a worker was
    forked, as each page it writes to is then copied.  What a program may
    rely on at exit still happens: ``atexit`` handlers run (a plugin's own,
    ``weakref.finalize`` and logging's flush among them) and the standard
    streams are flushed again after them.  While another thread runs, the
    process ends as any program does, waiting for it, with ``code``.
    """
    if threading.active_count() > 1:
        return
    atexit._run_exitfuncs()
    os._exit(flush_output(code))


def flush_output(code: int) -> int:
    """Flush the output: one that cannot be written (a closed pipe or file) is exit 2."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: the stream was closed before the process began
                stream.flush()
        except (OSError, ValueError):
            code = code or ExitCode.ERROR
            # Nothing more can be shown; keep the interpreter's own final flush quiet.
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    return int(code)
