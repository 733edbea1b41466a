"""The ``scr-checks`` command line.

Exit status: 0 nothing at or above the fail level, 1 findings, 2 a usage,
configuration or plugin error, or an input that could not be read (the other
inputs are still checked and reported).
"""

from __future__ import annotations

import argparse
import enum
import gc
import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from scr_checks import __version__
from scr_checks.config import Config, find_config, load_raw
from scr_checks.exceptions import ScrChecksError, UsageError
from scr_checks.formatters import write_atomically
from scr_checks.loading import call_startup_hook, load_plugins
from scr_checks.parallel import cpu_count
from scr_checks.pluginmanager import ScrPluginManager
from scr_checks.progress import progress_bar
from scr_checks.results import RunResult, ToolError
from scr_checks.rules import QUESTIONS, Severity
from scr_checks.runner import Session
from scr_checks.scaffold import new_plugin
from scr_checks.suppressions import (
    apply_baseline,
    configured_baseline,
    read_baseline,
    write_baseline,
)

log = logging.getLogger("scr_checks")

#: Shortcuts that write one more output file beside the main one.
EXTRA_OUTPUTS = ("sarif", "junit", "json")


class ExitCode(enum.IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scr-checks",
        description="Check Serious Case Review reports against the quality marker "
        "for 'The report'.",
    )
    parser.add_argument("--version", action="store_true", help="show versions and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--config", metavar="FILE", help="configuration file to use "
                         "(default: nearest scr-checks.toml or pyproject.toml)")
        sub.add_argument("-p", dest="plugins", action="append", default=[], metavar="NAME",
                         help="load plugin module NAME; 'no:NAME' disables plugin NAME")
        sub.add_argument("-v", "--verbose", action="store_true",
                         help="log details, with tracebacks of plugin errors")

    check = commands.add_parser("check", help="check reports (files or folders)")
    check.add_argument("paths", nargs="+", metavar="PATH")
    common(check)
    check.add_argument("--select", metavar="IDS",
                       help="comma-separated rule ids or prefixes to run")
    check.add_argument("--ignore", metavar="IDS",
                       help="comma-separated rule ids or prefixes to skip")
    check.add_argument("--fail-level", choices=[str(s) for s in Severity],
                       help="lowest severity that makes the exit status 1")
    check.add_argument("--format", default="text", metavar="NAME",
                       help="output format (see 'scr-checks formats'; default: text)")
    check.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE")
    for name in EXTRA_OUTPUTS:
        check.add_argument(f"--{name}", metavar="FILE", dest=f"extra_{name}",
                           help=f"also write {name.upper()} output to FILE")
    check.add_argument("--baseline", metavar="FILE",
                       help="mark findings listed in this baseline file as suppressed "
                            "(default: the configuration's baseline)")
    check.add_argument("--write-baseline", metavar="FILE",
                       help="write every current finding to a baseline file, then mark "
                            "them suppressed")
    check.add_argument("--no-scorecard", dest="scorecard", action="store_false", default=None,
                       help="leave out the quality-marker scorecard in terminal output")
    check.add_argument("--show-identifiers", action="store_true", default=None,
                       help="show the identifiers privacy rules find instead of masking them")
    check.add_argument("--sarif-suppressed", choices=("include", "omit"),
                       help="keep suppressed findings in SARIF, marked (default), or leave "
                            "them out, as GitHub code scanning needs")
    check.add_argument("--follow-symlinks", action="store_true", default=None,
                       help="in folders, also check links that lead outside them")
    check.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                       help="check N files at once in worker processes; 0 or 'auto' "
                            "uses every core (default: 1)")
    colour = check.add_mutually_exclusive_group()
    colour.add_argument("--color", dest="color", action="store_true", default=None)
    colour.add_argument("--no-color", dest="color", action="store_false")

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    common(rules)

    formats = commands.add_parser("formats", help="list the output formats")
    common(formats)

    scaffold = commands.add_parser("new-plugin", help="write a new local-area plugin")
    scaffold.add_argument("name", help="the plugin's short name, such as 'northshire'")
    scaffold.add_argument("--prefix", help="its rule prefix, 2-4 capital letters "
                          "(default: the name's first three letters)")
    scaffold.add_argument("--dir", metavar="FOLDER",
                          help="where to write it (default: ./scr-checks-NAME)")
    return parser


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


def load(args: argparse.Namespace, first_path: Path | None) -> tuple[ScrPluginManager, Config]:
    """Find the configuration, then load plugins and options as the hooks document."""
    config_path: Path | None
    if args.config:
        config_path = Path(args.config)
        if not config_path.is_file():
            raise UsageError(f"configuration file {args.config!r} not found")
    else:
        config_path = find_config(first_path or Path.cwd())
    modules = [name for name in args.plugins if not name.startswith("no:")]
    blocked = [name[3:] for name in args.plugins if name.startswith("no:")]
    return load_plugins(load_raw(config_path), config_path, modules, blocked)


def apply_overrides(args: argparse.Namespace, config: Config) -> None:
    if args.select is not None:
        config.values["select"] = [s.strip() for s in args.select.split(",") if s.strip()]
    if args.ignore is not None:
        config.values["ignore"] = [s.strip() for s in args.ignore.split(",") if s.strip()]
    if args.fail_level:
        config.values["fail_level"] = args.fail_level
    if args.show_identifiers:
        config.values["show_identifiers"] = True
    if getattr(args, "scorecard", None) is False:
        config.values["scorecard"] = False
    if args.follow_symlinks:
        config.values["follow_symlinks"] = True
    if args.sarif_suppressed:
        config.values["sarif_suppressed"] = args.sarif_suppressed


def exit_code(run: RunResult, fail_level: Severity) -> ExitCode:
    if any(not file.read_ok for file in run.files) or run.errors:
        return ExitCode.ERROR
    if any(f.severity >= fail_level and not f.suppressed for f in run.findings):
        return ExitCode.FINDINGS
    return ExitCode.OK


@contextmanager
def settled_garbage_collector(restore: bool = True) -> Iterator[None]:
    """Tune the collector for one run, after start-up; restore it after if asked.

    What start-up made (modules, plugins, compiled patterns) lives until the
    run ends, so it is frozen out of every collection meanwhile; collections
    of young objects come less often, as a report's tree and findings are
    made in bulk.  Together they spend a third of the time the defaults do
    (0.09 → 0.03 s of a 50k-word run, 2.5 → 1.1 s of a 500-report archive).
    Restoring costs one full collection (17 ms after a 50k-word run), which
    a process that ends with the command does not need.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)
    try:
        yield
    finally:
        if restore:
            gc.set_threshold(*threshold)
            gc.unfreeze()


def command_check(args: argparse.Namespace) -> ExitCode:
    pm, config = load(args, Path(args.paths[0]))
    apply_overrides(args, config)
    call_startup_hook(pm, "scr_configure", config=config)
    session = Session(pm, config)
    with settled_garbage_collector(restore=not args.process_ends):
        return check_and_report(args, pm, config, session)


def check_and_report(args: argparse.Namespace, pm: ScrPluginManager, config: Config,
                     session: Session) -> ExitCode:
    """Check the files and write every output the command asked for."""
    outputs = [(args.format, Path(args.output) if args.output else None)]
    outputs += [(name, Path(getattr(args, f"extra_{name}")))
                for name in EXTRA_OUTPUTS if getattr(args, f"extra_{name}")]
    for name, _ in outputs:
        if name not in session.formatters:
            raise UsageError(f"unknown output format {name!r} "
                             f"(available: {', '.join(sorted(session.formatters))})")
    # Writing a baseline accepts every finding, so the old one need not exist.
    baseline = Path(args.baseline) if args.baseline else configured_baseline(config)
    accepted = read_baseline(baseline) if baseline and not args.write_baseline else set()
    run = session.run(args.paths, args.jobs, progress_bar(sys.stderr))
    if args.write_baseline:
        write_baseline(Path(args.write_baseline), run)
        accepted |= {f.fingerprint for f in run.findings}
    apply_baseline(run.files, accepted)
    colour = args.color if args.color is not None else (
        sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    for name, target in outputs:
        formatter = session.formatters[name](config, color=bool(colour and target is None))
        try:
            text = formatter.render(run)
            if target is None:
                sys.stdout.write(text)
            else:
                write_atomically(target, text)
        except OSError as exc:
            run.run_errors.append(ToolError(str(target), f"cannot write: {exc.strerror or exc}"))
        except Exception as exc:
            log.debug("formatter %s failed", name, exc_info=True)
            run.run_errors.append(
                ToolError(str(target or "-"), f"{type(exc).__name__}: {exc}", f"format {name}")
            )
    call_startup_hook(pm, "scr_sessionfinish", result=run, config=config)
    call_startup_hook(pm, "scr_unconfigure", config=config)
    for error in run.errors:
        print(f"scr-checks: error: {error}", file=sys.stderr)
    return exit_code(run, config.fail_level)


def command_rules(args: argparse.Namespace) -> ExitCode:
    pm, config = load(args, None)
    session = Session(pm, config)
    rules = list(session.rules)
    if args.format == "json":
        data = [
            {"id": r.id, "name": r.name, "question": r.question,
             "question_text": QUESTIONS[r.question], "severity": str(r.severity),
             "short": r.short, "full": r.full, "fix": r.fix, "help_uri": r.help_uri,
             "plugin": session.rules.owner(r.id)}
            for r in rules
        ]
        print(json.dumps(data, indent=2, sort_keys=True))
    else:
        for r in rules:
            print(f"{r.id}  Q{r.question}  {r.severity!s:7}  {r.name}: {r.short}")
    return ExitCode.OK


def command_formats(args: argparse.Namespace) -> ExitCode:
    pm, config = load(args, None)
    session = Session(pm, config)
    for name in sorted(session.formatters):
        print(f"{name:8} {session.formatters[name].description}")
    return ExitCode.OK


def command_version() -> ExitCode:
    pm = ScrPluginManager()
    pm.load_core()
    pm.load_entry_points()
    print(f"scr-checks {__version__} (Python {sys.version.split()[0]})")
    for line in pm.plugin_versions():
        print(f"  {line}")
    return ExitCode.OK


def command_new_plugin(args: argparse.Namespace) -> ExitCode:
    target = new_plugin(args.name, args.prefix, Path(args.dir) if args.dir else None)
    print(f"wrote {target}; next: pip install -e '{target}[test]' && "
          f"python -m pytest {target}")
    return ExitCode.OK


COMMANDS = {"check": command_check, "rules": command_rules, "formats": command_formats,
            "new-plugin": command_new_plugin}


def main(argv: Sequence[str] | None = None) -> int:
    """The ``scr-checks`` command; without ``argv`` it is the process's own command line.

    Called as the process's command (the console script, ``python -m``), the
    process ends with the command: state it changed need not be put back, and
    it exits at once once its output is flushed, without the interpreter's
    tear-down of every object (0.04 s after a 50k-word report), as mypy does.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    args.process_ends = argv is None
    logging.basicConfig(
        level=logging.DEBUG if getattr(args, "verbose", False) else logging.WARNING,
        format="scr-checks: %(message)s",
    )
    code = run_command(parser, args)
    if args.process_ends:
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
        print(f"scr-checks: error: {exc}", file=sys.stderr)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        print("scr-checks: interrupted", file=sys.stderr)
        return 130


def end_process(code: int) -> NoReturn:
    """Flush the output and leave, skipping the interpreter's tear-down."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            code = code or ExitCode.ERROR  # output lost: a closed pipe or file
    os._exit(int(code))
