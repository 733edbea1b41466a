"""Suppressions: markers in the report itself, and a baseline of accepted findings.

A suppressed finding is marked (``Finding.suppression``), never dropped: it
does not count for the exit status, the text output counts it, and SARIF
lists it with its suppression so a reviewer can see what was waived and why.

Markers in text formats are found in the source lines, so one rule serves
every text reader (reST, Markdown, HTML) whatever tree it builds.  A marker
is a line that holds only a comment::

    .. scr-checks: disable=SCR701           (reST)
    <!-- scr-checks: disable=SCR701 -->     (Markdown, HTML)

``disable`` covers the next block of prose; ``disable-section`` covers the
rest of the enclosing section.  Without ``=IDS`` every rule is disabled;
ids may be prefixes (``SCR7``).  Text after `` -- `` is the justification.

Word has no source lines: a reader puts the text of each comment anchored to
a paragraph in that node's ``comments`` attribute (a list of strings), and a
comment ``scr-checks: disable=SCR701`` covers the paragraph it is anchored to
(``disable-section``: the rest of that paragraph's section).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import regex

from scr_checks.config import Config
from scr_checks.context import CheckContext
from scr_checks.document import TextBlock
from scr_checks.exceptions import UsageError
from scr_checks.fingerprints import VERSION as FINGERPRINT_VERSION
from scr_checks.formatters import write_atomically
from scr_checks.locations import utf16_column
from scr_checks.patterns import compiled
from scr_checks.records import FrozenRecord
from scr_checks.results import FileResult, Finding, Location, RunResult, Suppression
from scr_checks.scorecard import rescored
from scr_checks.suggest import did_you_mean

_BODY = (
    r"scr-checks:\s*(?P<kind>disable-section|disable)"
    r"(?:\s*=\s*(?P<ids>[A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*))?"
    r"(?:\s+--\s*(?P<why>.*?))?"
)
#: The text of a comment that is a marker (a Word comment, or inside a marker line).
COMMENT_MARKER = compiled(rf"\s*{_BODY}\s*")
#: A source line holding only a marker: a reST or an HTML comment.
LINE_MARKER = compiled(rf"\s*(?:\.\.\s+{_BODY}|<!--\s*{_BODY}\s*-->)\s*")

#: Bumped when the baseline file's layout or its fingerprints change; version 1
#: files (fingerprints of the unmasked text) are still read.
BASELINE_VERSION = FINGERPRINT_VERSION


class Marker(FrozenRecord):
    """One parsed marker: which rules (all if ``ids`` is empty), and why; frozen.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("section", "ids", "justification")
    section: bool
    ids: tuple[str, ...]
    justification: str

    def __init__(self, section: bool, ids: tuple[str, ...], justification: str) -> None:
        self.__dict__.update(section=section, ids=ids, justification=justification)

    @classmethod
    def parse(cls, match: regex.Match[str]) -> Marker:
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        ids = tuple(i.strip().upper() for i in groups.get("ids", "").split(",") if i.strip())
        return cls(groups["kind"] == "disable-section", ids, groups.get("why", "").strip())

    def matches(self, rule_id: str) -> bool:
        return not self.ids or any(rule_id.startswith(i) for i in self.ids)

    def __str__(self) -> str:
        kind = "disable-section" if self.section else "disable"
        return f"scr-checks: {kind}" + (f"={','.join(self.ids)}" if self.ids else "")


class Scope(FrozenRecord):
    """The blocks (by reading-order index) and source lines a marker covers.

    Lines cover findings not tied to a block, such as markup problems.  The
    marker itself is on ``line`` (text formats) or in a comment on ``anchor``
    (Word), which is where an unused marker is reported.  Frozen; a plain
    class, as a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("marker", "blocks", "lines", "line", "anchor")
    marker: Marker
    blocks: frozenset[int]
    lines: range
    line: int
    anchor: TextBlock | None

    def __init__(self, marker: Marker, blocks: frozenset[int], lines: range = range(0),
                 line: int = 0, anchor: TextBlock | None = None) -> None:
        self.__dict__.update(marker=marker, blocks=blocks, lines=lines, line=line,
                             anchor=anchor)

    def covers(self, finding: Finding) -> bool:
        if not self.marker.matches(finding.rule_id):
            return False
        where = finding.location
        if where.paragraph_index is not None:
            return where.paragraph_index in self.blocks
        return where.line is not None and where.line in self.lines


def _start(block: TextBlock) -> int:
    return block.location(0, 0).line or 0


def _section_rest(blocks: Sequence[TextBlock], first: int, section: tuple[str, ...]) -> int:
    """Index in ``blocks`` of the first block from ``first`` outside ``section``."""
    for position in range(first, len(blocks)):
        if blocks[position].heading_path[: len(section)] != section:
            return position
    return len(blocks)


def line_scopes(lines: Sequence[str], blocks: Sequence[TextBlock]) -> list[Scope]:
    """Scopes of the marker lines of a text-format report."""
    markers = [(number, match) for number, text in enumerate(lines, start=1)
               if (match := LINE_MARKER.fullmatch(text))]
    if not markers:
        return []  # the usual case: no block need be aligned to its source
    starts = [_start(b) for b in blocks]
    scopes = []
    for number, match in markers:
        marker = Marker.parse(match)
        following = next((i for i, s in enumerate(starts) if s > number), len(blocks))
        if marker.section:
            section = blocks[following - 1].heading_path if following else ()
            stop = _section_rest(blocks, following, section)
            end = starts[stop] if stop < len(blocks) else len(lines) + 1
        elif following < len(blocks):
            stop = following + 1
            end = (blocks[following].location().end_line or number) + 1
        else:
            stop, end = following, number
        covered = frozenset(b.index for b in blocks[following:stop])
        scopes.append(Scope(marker, covered, range(number, end), line=number))
    return scopes


def comment_scopes(blocks: Sequence[TextBlock]) -> list[Scope]:
    """Scopes of markers in comments anchored to blocks (Word comments)."""
    scopes = []
    for position, block in enumerate(blocks):
        for comment in block.node.get("comments", []):
            match = COMMENT_MARKER.fullmatch(str(comment))
            if match is None:
                continue
            marker = Marker.parse(match)
            stop = position + 1
            if marker.section:
                stop = _section_rest(blocks, position, block.heading_path)
            covered = frozenset(b.index for b in blocks[position:stop])
            scopes.append(Scope(marker, covered, anchor=block))
    return scopes


def apply_markers(findings: list[Finding], scopes: Iterable[Scope]) -> list[Scope]:
    """Mark, in place, every finding a marker covers (the first marker wins).

    Returns the scopes that cover no finding at all: markers gone stale.
    """
    scopes = list(scopes)
    if not scopes:
        return []
    used = [False] * len(scopes)
    for position, finding in enumerate(findings):
        covering = [i for i, scope in enumerate(scopes) if scope.covers(finding)]
        for i in covering:
            used[i] = True
        if covering and not finding.suppressed:
            findings[position] = finding.evolve(
                suppression=Suppression("inSource", scopes[covering[0]].marker.justification)
            )
    return [scope for scope, is_used in zip(scopes, used, strict=True) if not is_used]


def unused_findings(rule_id: str, scopes: Iterable[Scope], context: CheckContext) -> list[Finding]:
    """A finding of ``rule_id`` at each unused marker whose rules all ran.

    A marker naming a rule that was not selected might be used in a full
    run, so it is left alone; one naming no registered rule (a mistyped id)
    is reported.
    """
    selection = context.config.selection
    out = []
    for scope in scopes:
        named = [rule.id for rule in context.rules if scope.marker.matches(rule.id)]
        if not all(rule in selection for rule in named):
            continue
        message = (f"The marker '{scope.marker}' suppresses nothing"
                   f"{_unknown_ids(scope.marker, context)}; remove it, or correct "
                   "its rule ids, so that it cannot hide a future problem")
        if scope.anchor is not None:
            out.append(context.finding(rule_id, message, scope.anchor, 0, 0))
            continue
        text = context.report.source.line(scope.line) if context.report.source else ""
        out.append(context.finding(rule_id, message).evolve(location=Location(
            path=context.path, line=scope.line, column=1, end_line=scope.line,
            end_column=utf16_column(text, len(text)),
        ), snippet=text.strip(), context=text.strip()))
    return out


def _unknown_ids(marker: Marker, context: CheckContext) -> str:
    """``": no rule's id begins 'X' (did you mean 'Y'?)"`` for each mistyped id, or ``""``."""
    known = [rule.id for rule in context.rules]
    said = []
    for given in marker.ids:
        if not any(rule_id.startswith(given) for rule_id in known):
            hint = did_you_mean(given, known).removeprefix("; ")
            said.append(f"no rule's id begins {given!r}" + (f" ({hint})" if hint else ""))
    return (": " + ", ".join(said)) if said else ""


# -------------------------------------------------------------------------
# Baseline
# -------------------------------------------------------------------------


class Baseline(FrozenRecord):
    """The findings a baseline file accepts, by fingerprint, and the file's version; frozen.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("path", "fingerprints", "version")
    path: Path
    fingerprints: frozenset[str]
    version: int

    def __init__(self, path: Path, fingerprints: frozenset[str],
                 version: int = BASELINE_VERSION) -> None:
        self.__dict__.update(path=path, fingerprints=fingerprints, version=version)

    def accepts(self, file: FileResult, finding: Finding) -> bool:
        if self.version == 1:
            return file.v1_fingerprints.get(finding.fingerprint) in self.fingerprints
        return finding.fingerprint in self.fingerprints

    @property
    def upgrade_note(self) -> str:
        """What to do about an old baseline ("" for a current one)."""
        if self.version == BASELINE_VERSION:
            return ""
        return (f"baseline {str(self.path)!r} is version {self.version}: it still works, "
                f"but its fingerprints hash unmasked text; once a run with it shows no new "
                f"findings, rewrite it with --write-baseline to make it version "
                f"{BASELINE_VERSION}")


def baseline_data(run: RunResult) -> dict[str, object]:
    """The baseline of a run: every finding not already suppressed in the source.

    Entries carry the rule and path so a reviewer can read the file; only the
    fingerprint is matched.  Sorted, so the same findings give the same bytes.
    """
    entries = sorted({(f.location.path, f.rule_id, f.fingerprint) for f in _baselined(run)})
    return {
        "scr-checks-baseline": BASELINE_VERSION,
        "findings": [{"path": p, "rule": r, "fingerprint": fp} for p, r, fp in entries],
    }


def write_baseline(path: Path, run: RunResult) -> Baseline:
    """Write the run's baseline to ``path``; it then accepts every finding in it."""
    data = baseline_data(run)
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    try:
        write_atomically(path, text)
    except OSError as exc:
        raise UsageError(f"baseline {str(path)!r}: cannot write: {exc.strerror or exc}") from None
    return Baseline(path, frozenset(f.fingerprint for f in _baselined(run)))


def _baselined(run: RunResult) -> list[Finding]:
    """The findings a baseline of the run holds: all but those a marker suppresses."""
    return [f for f in run.findings if not (f.suppression and f.suppression.kind == "inSource")]


def configured_baseline(config: Config) -> Path | None:
    """The configuration's ``baseline`` file, which is relative to the configuration file."""
    name = config.get("baseline")
    return config.root / name if name else None


def read_baseline(path: Path) -> Baseline:
    """The findings a baseline file accepts; a bad file is a usage error."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"baseline {str(path)!r} not found (create it with "
                         "--write-baseline)") from None
    except OSError as exc:
        raise UsageError(f"baseline {str(path)!r}: cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise UsageError(f"baseline {str(path)!r}: not valid JSON: {exc}") from None
    version = data.get("scr-checks-baseline") if isinstance(data, dict) else None
    if type(version) is not int or version not in (1, BASELINE_VERSION):
        raise UsageError(f"baseline {str(path)!r}: not a scr-checks baseline (version 1 to "
                         f"{BASELINE_VERSION})")
    try:
        found = frozenset(str(entry["fingerprint"]) for entry in data["findings"])
    except (KeyError, TypeError):
        raise UsageError(f"baseline {str(path)!r}: every finding needs a fingerprint") from None
    return Baseline(Path(path), found, version)


def apply_baseline(files: Iterable[FileResult], baseline: Baseline | None) -> None:
    """Mark every finding the baseline accepts, in place, and score each file again."""
    if baseline is None:
        return
    for file in files:
        file.findings = [
            f.evolve(suppression=Suppression("external", "baseline"))
            if not f.suppressed and baseline.accepts(file, f) else f
            for f in file.findings
        ]
        if file.extras.get("scorecard"):
            file.extras["scorecard"] = rescored(file.extras["scorecard"], file.findings)
