"""Writing a run's outputs so that each one tells the whole truth about the run.

* An output that would overwrite one of the inputs is refused before
  anything is checked (``--json report.rst``).
* Files are written first and standard output last.  When an output cannot
  be written, the files already written are written again with that error
  in them, so every output written lists every error of the run, and SARIF's
  ``executionSuccessful`` is false whenever one was lost.
* A closed or broken standard output is an error of the run like any other:
  it never stops the files from being written.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from scr_checks.config import Config
from scr_checks.exceptions import UsageError
from scr_checks.formatters import Formatter, write_atomically
from scr_checks.results import RunResult, ToolError

log = logging.getLogger("scr_checks")

#: ``(format name, file)``; no file means standard output.
Output = tuple[str, Path | None]


def refuse_inputs(targets: Iterable[Path], inputs: Iterable[str],
                  report_suffixes: Iterable[str]) -> None:
    """A usage error if a file to be written is an input, or would be read as one."""
    suffixes = {suffix.lower() for suffix in report_suffixes}
    given = [Path(name) for name in inputs]
    for target in targets:
        where = target.resolve()
        for path in given:
            if path.is_dir():
                if where.suffix.lower() in suffixes and where.is_relative_to(path.resolve()):
                    raise UsageError(f"output {str(target)!r} would be read as a report in "
                                     f"{str(path)!r}; write it elsewhere")
            elif where == path.resolve() or _same_file(target, path):
                raise UsageError(f"output {str(target)!r} is one of the inputs; "
                                 "write it elsewhere")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def stdout_colour(choice: bool | None) -> bool:
    """Colour on the terminal: as chosen, else when standard output is a terminal."""
    if choice is not None:
        return choice
    try:
        return bool(sys.stdout and sys.stdout.isatty()) and "NO_COLOR" not in os.environ
    except (OSError, ValueError):
        return False


def write_outputs(run: RunResult, outputs: Sequence[Output],
                  formatters: Mapping[str, type[Formatter]], config: Config,
                  colour: bool) -> None:
    """Write every output; what could not be written becomes a run error in the others."""
    todo = [o for o in outputs if o[1] is not None] + [o for o in outputs if o[1] is None]
    while todo:
        known = len(run.run_errors)
        written = [output for output in todo
                   if _write(run, output, _formatter(formatters[output[0]], config, colour,
                                                     output[1] is None))]
        if len(run.run_errors) == known:
            return
        todo = [output for output in written if output[1] is not None]


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output now; an :class:`OSError` if it cannot be."""
    if sys.stdout is None:
        raise OSError("standard output is closed")
    sys.stdout.write(text)
    sys.stdout.flush()


def _formatter(kind: type[Formatter], config: Config, colour: bool,
               terminal: bool) -> Formatter:
    """On the terminal, in colour if asked, and without the errors printed on stderr."""
    formatter = kind(config, color=colour and terminal)
    formatter.errors_elsewhere = terminal
    return formatter


class _FormatFailed(Exception):
    """The formatter raised while making its output (not while it was written)."""


def _parts(formatter: Formatter, run: RunResult) -> Iterator[str]:
    try:
        yield from formatter.render_parts(run)
    except Exception as exc:
        raise _FormatFailed(exc) from exc


def _write(run: RunResult, output: Output, formatter: Formatter) -> bool:
    """Write one output; a file is written as its parts are made (never held whole),
    standard output once it is whole, so a failing format prints nothing."""
    name, target = output
    try:
        if target is None:
            write_stdout("".join(_parts(formatter, run)))
        else:
            # Its folder is made, as pytest's --junitxml does: a CI step names
            # an output folder that no earlier step has made.
            if not target.parent.exists():
                target.parent.mkdir(parents=True)
            write_atomically(target, _parts(formatter, run))
    except _FormatFailed as failed:
        exc = failed.__cause__ or failed
        log.debug("formatter %s failed", name, exc_info=exc)
        run.run_errors.append(ToolError(str(target or "-"), f"{type(exc).__name__}: {exc}",
                                        f"format {name}"))
        return False
    except (OSError, ValueError) as exc:  # ValueError: a closed stream
        reason = getattr(exc, "strerror", None) or str(exc)
        if target is None:
            run.run_errors.append(ToolError("-", f"cannot write to standard output: {reason}"))
        else:
            run.run_errors.append(ToolError(str(target), f"cannot write: {reason}"))
        return False
    return True
