"""What a run produces: findings with exact locations, and tool errors.

These are plain, picklable records (dataclasses, and a class written out by
hand where a dataclass's generated methods cost too much at start-up) so that
files can be checked in worker processes and so that every formatter sees the
same data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Protocol

from scr_checks.records import FrozenRecord
from scr_checks.rules import Severity


@dataclass(frozen=True)
class Location:
    """Where a finding is, in terms a user can act on.

    Text formats give ``line``/``column`` (1-based; ``end_column`` exclusive).
    Word and PDF files have no meaningful lines, so they give
    ``paragraph_index`` (1-based, in reading order, headings included) and,
    for PDF, ``page``; their ``column`` and ``end_column`` count within the
    paragraph's text.  Every format gives the ``heading_path`` and, when the
    report numbers its paragraphs, the ``paragraph_number`` such as ``"3.2"``.
    ``section_paragraph`` counts paragraphs within the innermost section as a
    reader counts them, headings not included (0 for the heading itself);
    ``cue`` is the paragraph's first words, given only when they hold no
    identifier, so a person can find a paragraph of a Word or PDF file.
    ``footnote`` is set for words in a footnote ("2") or an endnote
    ("endnote 2"), which a reader finds by its number, not by counting
    paragraphs.
    """

    path: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    heading_path: tuple[str, ...] = ()
    paragraph_number: str | None = None
    paragraph_index: int | None = None
    page: int | None = None
    #: The block's first line on its PDF page, counted from the top.
    page_line: int | None = None
    section_paragraph: int | None = None
    cue: str | None = None
    #: The footnote the words are in ("2"), numbered as the page shows it;
    #: an endnote is named as one ("endnote 2").
    footnote: str | None = None

    def __post_init__(self) -> None:
        """Refuse positions no output could show (``line=-5``), whoever builds one.

        A bad position from a plugin then fails in the plugin's own call, and
        is that plugin's error for the file, never schema-invalid SARIF.
        """
        if not isinstance(self.path, str):
            raise ValueError(f"location path {self.path!r} is not a string")
        # The fields read directly, not by name: this runs for every finding.
        for value in (self.line, self.column, self.end_line, self.end_column,
                      self.paragraph_index, self.page, self.page_line):
            if value is not None and (type(value) is not int or value < 1):
                name = next(n for n in _COUNTED_FROM_1 if getattr(self, n) is value)
                raise ValueError(f"location {name} {value!r} is not a whole number from 1")
        if self.section_paragraph is not None and (
                type(self.section_paragraph) is not int or self.section_paragraph < 0):
            raise ValueError(f"location section_paragraph {self.section_paragraph!r} is not "
                             "a whole number from 0")

    @property
    def has_region(self) -> bool:
        return self.line is not None

    def describe(self) -> str:
        """A readable position for formats without lines ("page 4, paragraph 3.2")."""
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.page_line is not None:
            parts.append(f"line {self.page_line}")
        if self.footnote is not None:
            parts.append(self.footnote if self.footnote.startswith(NAMED_NOTES)
                         else f"footnote {self.footnote}")
        elif self.paragraph_number:
            parts.append(f"paragraph {self.paragraph_number}")
        elif self.section_paragraph == 0:
            parts.append("the heading")
        elif self.section_paragraph is not None:
            parts.append(f"paragraph {self.section_paragraph}")
        elif self.paragraph_index is not None:
            parts.append(f"paragraph {self.paragraph_index}")
        if self.heading_path:
            parts.append("under " + " > ".join(self.heading_path))
        if self.cue:
            parts.append(f"starting '{self.cue}'")
        return ", ".join(parts)


#: Location fields that count from 1, as SARIF's regions do.
_COUNTED_FROM_1 = ("line", "column", "end_line", "end_column", "paragraph_index", "page",
                   "page_line")
#: How a Word file's SmartArt and charts are labelled: their text is read as
#: notes, but a reader finds it by these names ("diagram 1"), not as a footnote.
GRAPHICS = ("diagram ", "chart ", "extended chart ")
#: Notes a reader finds by their own name, not as "footnote N": a Word
#: endnote ("endnote 2"), SmartArt and charts.
NAMED_NOTES = ("endnote ", *GRAPHICS)


@dataclass(frozen=True)
class Suppression:
    """Why a finding is not counted: ``kind`` is ``inSource`` or ``external``."""

    kind: str
    justification: str = ""


class Locatable(Protocol):
    """What can say where a span of its text is: a report's block."""

    def location(self, start: int = 0, end: int | None = None) -> Location: ...


class _Located:
    """A finding's location, which may be made only when first read.

    A checker of a paragraph of dates makes a finding every few characters.
    Placing each in the source as it was made was most of the time of making
    it, and each location held until the end (two more objects a finding for
    the garbage collector to go over again and again) cost as much again.  A
    finding made by :meth:`Finding.made` keeps its block and offsets instead.
    Without a ``__set__``, a location that is made (or given) is an entry of
    the finding's ``__dict__`` that hides this one, read as fast as any field.
    """

    def __get__(self, obj: Finding | None, owner: type | None = None) -> Location:
        if obj is None:
            raise AttributeError("location")  # the field has no default
        return _location(obj)


#: What a finding keeps to make its location when it is first read: its block,
#: and where its words start in the block's text if it has no span (its
#: offsets are its span otherwise).
_PENDING = ("_block", "_start")


def _location(finding: Finding) -> Location:
    """The finding's location, made now if it was left to be made when read."""
    values = finding.__dict__
    try:
        return values["location"]  # type: ignore[no-any-return]
    except KeyError:
        block = values.pop("_block")
        start, end = (values.pop("_start"), None) if "_start" in values else values["span"]
        location = values["location"] = block.location(start, end)
        return location  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Finding:
    """One problem a rule found.

    ``secret`` is the identifying text a privacy rule found; unless the user
    asks to see identifiers, it is masked wherever the report's text reaches
    an output (:mod:`scr_checks.masking`).  ``context`` is the text the
    fingerprint is built from (the sentence or block), so an edit elsewhere
    in the report does not change it.  Both are dropped once masked.  ``span``
    is where the flagged words are in the paragraph's text (start, end), for
    outputs that show the paragraph; it is never written out itself.
    """

    rule_id: str
    message: str
    severity: Severity
    location: Location = _Located()  # type: ignore[assignment]
    snippet: str = ""
    suggestion: str = ""
    secret: str = ""
    context: str = ""
    fingerprint: str = ""
    suppression: Suppression | None = None
    properties: dict[str, Any] = field(default_factory=dict, compare=False)
    span: tuple[int, int] | None = field(default=None, compare=False)

    @classmethod
    def made(cls, rule_id: str, message: str, severity: Severity, block: Locatable,
             start: int, end: int | None, snippet: str, suggestion: str, secret: str,
             context: str, properties: dict[str, Any]) -> Finding:
        """A new finding about ``block``'s text from ``start`` to ``end`` (its span),
        or from ``start`` on if ``end`` is None (no span), unsuppressed and
        without a fingerprint, its location made when first read: what the
        generated constructor makes, without its call per field (a checker may
        make a hundred thousand a megabyte).

        Its fingerprint and suppression are the class's defaults until evolved,
        and its span is where its location is made from, so its ``__dict__``
        holds ten entries and no object for the collector besides: a dict of
        eleven or more takes a table twice the size, a third of the time of
        making a finding.
        """
        finding = object.__new__(cls)
        if end is None:
            values = {"rule_id": rule_id, "message": message, "severity": severity,
                      "_block": block, "_start": start, "snippet": snippet,
                      "suggestion": suggestion, "secret": secret, "context": context,
                      "properties": properties}
        else:
            values = {"rule_id": rule_id, "message": message, "severity": severity,
                      "_block": block, "snippet": snippet, "suggestion": suggestion,
                      "secret": secret, "context": context, "properties": properties,
                      "span": (start, end)}
        object.__setattr__(finding, "__dict__", values)
        return finding

    def __getstate__(self) -> dict[str, Any]:
        """Pickled with its location made: its block is not sent."""
        _location(self)
        return {name: value for name, value in self.__dict__.items() if name not in _PENDING}

    @property
    def suppressed(self) -> bool:
        return self.suppression is not None

    def sort_key(self) -> tuple[Any, ...]:
        loc = self.location
        return (
            loc.path,
            loc.line or 0,
            loc.paragraph_index or 0,
            loc.column or 0,
            self.rule_id,
            self.message,
        )

    def evolve(self, **changes: Any) -> Finding:
        """A copy with ``changes``: what ``dataclasses.replace`` makes, without its
        call per field (the core evolves every finding twice)."""
        if not changes.keys() <= _FINDING_FIELDS:
            return replace(self, **changes)  # which says what is wrong
        if "span" in changes:  # the location to be made from the span is made first
            _location(self)
        values = {**self.__dict__, **changes}
        if "location" in changes:  # given: the one to be made when read is not
            for name in _PENDING:
                values.pop(name, None)
        finding = object.__new__(type(self))
        object.__setattr__(finding, "__dict__", values)
        return finding


#: The fields :meth:`Finding.evolve` may change.
_FINDING_FIELDS = frozenset(f.name for f in fields(Finding))


class ToolError(FrozenRecord):
    """A file that could not be read, or a plugin that failed on it; frozen.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("path", "message", "plugin")
    path: str
    message: str
    plugin: str

    def __init__(self, path: str, message: str, plugin: str = "") -> None:
        self.__dict__.update(path=path, message=message, plugin=plugin)

    def __str__(self) -> str:
        who = f"plugin {self.plugin!r}: " if self.plugin else ""
        where = f"{self.path}: " if self.path not in ("", "-") else ""
        return f"{where}{who}{self.message}"


@dataclass
class FileResult:
    """Everything known about one input file after checking it."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[ToolError] = field(default_factory=list)
    #: The report's format ("rst", "docx", …); binary formats have no lines.
    format: str = ""
    #: Extra data plugins attach for formatters (e.g. a linkage map).
    extras: dict[str, Any] = field(default_factory=dict)
    #: Each finding's version-1 fingerprint by its fingerprint, made only to
    #: match a version-1 baseline; never written to an output.
    v1_fingerprints: dict[str, str] = field(default_factory=dict)

    @property
    def read_ok(self) -> bool:
        return not any(not e.plugin for e in self.errors)


@dataclass
class RunResult:
    """All files of one invocation, in the order they were given."""

    files: list[FileResult] = field(default_factory=list)
    #: The rules that ran (selected and registered), by id.
    rules: list[Any] = field(default_factory=list)
    #: The plugin that registered each of those rules, by rule id.
    owners: dict[str, str] = field(default_factory=dict)
    #: The tool's version, and each plugin's distribution and version.
    version: str = ""
    plugins: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Errors not tied to one input (e.g. a formatter that failed).
    run_errors: list[ToolError] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for fr in self.files for f in fr.findings]

    @property
    def errors(self) -> list[ToolError]:
        return [e for fr in self.files for e in fr.errors] + self.run_errors
