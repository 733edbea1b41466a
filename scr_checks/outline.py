"""The report's outline: its sections, findings, recommendations and analysis.

Several checkers need to know which blocks are findings, which are
recommendations and which are analysis, and what a reference such as
"(see paragraph 4.2)" points at.  :meth:`Outline.of` works that out once per
file, from the tree alone, so it reads the same in every input format:

* sections are classified by their headings against a catalogue of the
  headings published reviews use (``data/sections.toml``, extended by the
  ``headings`` configuration key);
* a finding is a "Finding 1 …" heading or paragraph, or else each titled
  sub-section, list item or numbered paragraph of a findings section;
  recommendations are recognised the same way;
* analysis is the prose of analysis sections, grouped into themes (the
  analysis section's sub-sections).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import regex
from docutils import nodes

from scr_checks.document import TextBlock
from scr_checks.headings import classify, matcher, strip_number
from scr_checks.kinds import FULL_REPORT, Kind, catalogue_of_kinds, recognise_kind
from scr_checks.layout import TEXT_PARTS, Layout
from scr_checks.patterns import compiled
from scr_checks.prose import fold_case
from scr_checks.records import FrozenRecord, Record

STASH_KEY = "scr_checks.outline"

#: A heading's own number: "5. Findings" -> "5", "4.1 Information sharing" -> "4.1".
_HEADING_NUMBER = compiled(r"\s*((?:\d{1,3}\.){0,4}\d{1,3})\.?(?=\s)")
_WORD_NUMBERS = "one|two|three|four|five|six|seven|eight|nine|ten"
#: "Finding 1:", "Key finding 2 -", "5.1 Finding 3.", "Recommendation 2 (Finding 2):"
#: at the start of a block.
_LABELS = {
    kind: compiled(
        r"^\s*(?:(?:\d{1,3}\.)+\d{1,3}\.?\s+)?(?P<label>" + words
        + r"\s+(?P<number>\d{1,3}[a-z]?|[A-Z]\b|(?:" + _WORD_NUMBERS + r")\b))"
        r"(?P<mark>(?:\s*\([^()\n]{1,60}\))?\s*[.:)\-–—])?",
        regex.IGNORECASE,
    )
    for kind, words in (
        ("finding", r"(?:key\s+)?finding"),
        ("recommendation", r"recommendation"),
    )
}
_NUM = r"\d{1,3}(?:\.\d{1,3}){0,3}"
_MORE = r"(?:\s*(?:,|and|or|to|-|–)\s*(?:" + _NUM + r"))*"
#: References in prose, each with the group(s) holding the numbers, and
#: words of which every match holds one (case-folded): a paragraph holding
#: none of a pattern's words is not searched with it.  Most hold none of any,
#: and looking for a few words is far quicker than searching for a pattern
#: that starts with a choice of words.
_REFERENCES = (
    ("paragraph", compiled(
        r"\b(?:paragraphs?|paras?\.?|§)\s*(?P<nums>" + _NUM + _MORE + ")", regex.IGNORECASE),
     ("para", "§")),
    ("section", compiled(
        r"\b(?:sections?|chapters?|parts?)\s+(?P<nums>" + _NUM + _MORE + ")", regex.IGNORECASE),
     ("section", "chapter", "part")),
    ("paragraph", compiled(
        r"\((?:see\s+(?:also\s+)?)?(?P<nums>\d{1,3}\.(?!0\d)\d{1,3}(?:\.\d{1,3}){0,2}"
        + _MORE + r")\)", regex.IGNORECASE),
     ("(",)),
    ("finding", compiled(
        r"\b(?:key\s+)?findings?\s+(?P<nums>\d{1,3}[a-z]?(?:\s*(?:,|and|or|-|–)\s*\d{1,3}[a-z]?)*)\b",
        regex.IGNORECASE),
     ("finding",)),
    ("recommendation", compiled(
        r"\brecommendations?\s+(?P<nums>\d{1,3}(?:\s*(?:,|and|or|-|–)\s*\d{1,3})*)\b",
        regex.IGNORECASE),
     ("recommendation",)),
)
#: What follows a reference to another document ("section 5 of Working Together")
#: or to a statutory provision ("a section 47 enquiry"), which are not ours.
_EXTERNAL = compiled(
    r"\s*(?:of|in|under)\s+(?:the\s+)?\p{Lu}|\s+(?:enquir|investigat|assessment|plan|order"
    r"|accommodat|agreement|strateg|dut|power|criteri|threshold|notice|report|meeting|of the act)",
)
_ONE_NUMBER = compiled(r"\d{1,3}(?:\.\d{1,3})*[a-z]?")
#: A number typed before a paragraph's words: "1.", "2)", "(3)".
_TYPED_NUMBER = compiled(r"\s*\(?(\d{1,2})[.)]\s+(?=\S)")
#: A paragraph number or ":" and spaces before an item's words.
_LEAD = compiled(r"^[\s:.\-–—]*(?:(?:\d{1,3}\.){1,4}\d{0,3}\.?\s+)?")
_FIRST_SENTENCE = compiled(r".{1,300}?[.!?](?=\s|$)|.{1,300}(?=\s|$)")
#: A sub-section that says whom its recommendations are for.
_AUDIENCE = compiled(
    r"\b(?:to|for)\s+(?:the\s+)?(?:\w+\s+){0,4}(?:boards?|partnerships?|agenc(?:y|ies)|"
    r"government|department|panel|partners)\b|\b(?:single|multi|individual)[- ]agency\b|"
    r"\b(?:national|local)\s+recommendations\b|\brecommendations\s+(?:to|for)\b",
    regex.IGNORECASE,
)
#: Table columns, by their heading: which one holds the item, its number,
#: who is to act and which finding it answers.
_COLUMNS = {
    "number": compiled(r"^\W*(?:no\.?|number|ref(?:erence)?|#|item)\W*$", regex.IGNORECASE),
    "text": compiled(r"\b(?:recommendations?|findings?|actions?|learning|lessons?|"
                          r"what\s+the\s+review\s+found)\b", regex.IGNORECASE),
    "owner": compiled(r"\b(?:lead|owner|responsib|agenc|who|by\s+whom|organisation)",
                           regex.IGNORECASE),
    "answers": compiled(r"\b(?:findings?|link(?:ed)?\s+to|relates?\s+to)\b",
                             regex.IGNORECASE),
}


@dataclass(eq=False)
class Section:
    """A section of the report: its heading, what kind it is, and its prose."""

    title: TextBlock
    kinds: frozenset[str]
    level: int
    number: str | None
    parent: Section | None = None
    #: Every prose block inside the section (sub-sections too), not the title.
    blocks: list[TextBlock] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    @property
    def name(self) -> str:
        return " ".join(self.title.text.split())

    def contains(self, block: TextBlock) -> bool:
        return block is self.title or any(b is block for b in self.blocks)

    def within(self, kind: str) -> bool:
        """True if this section or one around it is of ``kind``."""
        section: Section | None = self
        while section is not None:
            if kind in section.kinds:
                return True
            section = section.parent
        return False


@dataclass(eq=False)
class Item:
    """A finding or a recommendation, wherever and however the report marks it."""

    kind: str
    #: How the report names it: "Finding 2", a title, or a paragraph number.
    label: str
    #: Its number when it has one ("2"), for "see Finding 2".
    number: str | None
    #: The block that introduces it and the span of its label there.
    block: TextBlock
    start: int
    end: int
    #: Its whole text: the introducing block and the blocks that follow it.
    blocks: list[TextBlock] = field(default_factory=list)
    section: Section | None = None
    #: How the report marks it out: ``label`` ("Finding 2:"), ``heading`` (a
    #: titled sub-section), ``numbered`` (a numbered paragraph), ``list`` (a
    #: list item), ``row`` (a table row) or ``paragraph`` (nothing: a plain
    #: paragraph, which a reader cannot refer to).
    form: str = "label"
    #: Who is to act, from a table's owner column ("Lead agency").
    owner: str = ""
    #: The findings a table row says it answers, from its finding column.
    answers: str = ""
    #: Whom a recommendation is for, from the sub-section it is kept in
    #: ("Recommendations to the Partnership", "Single agency recommendations").
    audience: str = ""
    #: A table row's own words, from its recommendation or finding column.
    statement: str = ""

    @property
    def text(self) -> str:
        return " ".join(b.text for b in self.blocks)

    @property
    def title(self) -> str:
        """Its first sentence or heading, without its label."""
        first = self.block.text[self.end:] if self.form == "label" else (
            self.statement or self.block.text)
        first = _LEAD.sub("", first)
        match = _FIRST_SENTENCE.match(first)
        return (match.group(0) if match else first).strip()

    @property
    def identifiable(self) -> bool:
        """Whether a reader can point at it: it has a number, a label or a title."""
        return self.form in ("label", "heading", "numbered") or (
            self.form in ("row", "list") and self.numbered)

    #: Set when a list or table numbers its items ("1.", a "No." column).
    numbered: bool = False


class Reference(FrozenRecord):
    """A pointer in the text to another part of the report; frozen.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("block", "start", "end", "kind", "target")
    block: TextBlock
    start: int
    end: int
    #: ``paragraph``, ``section``, ``finding``, ``recommendation`` or ``link``.
    kind: str
    #: The number referred to ("4.1.2"), or the link's target id.
    target: str

    def __init__(self, block: TextBlock, start: int, end: int, kind: str, target: str) -> None:
        self.__dict__.update(block=block, start=start, end=end, kind=kind, target=target)

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]


class Outline:
    """What the report is made of, recognised once and shared by every checker."""

    def __init__(self, blocks: list[TextBlock], document: nodes.document,
                 headings: dict[str, list[str]] | None = None) -> None:
        #: The report's own text: no title page, contents page or page furniture.
        self.blocks = [b for b in blocks if b.part in TEXT_PARTS]
        blocks = self.blocks
        self.document = document
        self.patterns = matcher(tuple(sorted((k, tuple(v)) for k, v in (headings or {}).items())))
        self.sections = self._sections()
        self.kinds = {kind for section in self.sections for kind in section.kinds}
        self.numbers: dict[str, TextBlock] = {}
        #: Number or number prefix ("4", "4.2") -> the blocks it covers, in order.
        self._under: dict[str, list[TextBlock]] = {}
        for block in blocks:
            number = self.number_of(block)
            if number:
                self.numbers.setdefault(number, block)
                for prefix in _prefixes(number):
                    self._under.setdefault(prefix, []).append(block)
        self._references: dict[int, list[Reference]] = {}
        #: Block (by identity) -> the first item holding it, made on first use.
        self._item_of: dict[int, Item] | None = None
        self.recommendations = self._items("recommendation", "recommendations", set())
        claimed = {id(b) for item in self.recommendations for b in item.blocks}
        self.findings = self._items("finding", "findings", claimed)
        claimed |= {id(b) for item in self.findings for b in item.blocks}
        self.analysis = [
            b for b in blocks
            if not b.is_heading and id(b) not in claimed and "analysis" in self.kinds_of(b)
        ]
        self.themes = self._themes()
        #: Block (by identity) -> the first theme holding it, made on first use.
        self._theme_of: dict[int, Section] | None = None
        #: Set by :meth:`of`: the file's layout, and what kind of document it is.
        self.layout: Layout | None = None
        self.kind = Kind(FULL_REPORT, "default",
                         tuple(catalogue_of_kinds()[FULL_REPORT]["required"]))

    @classmethod
    def of(cls, context: Any) -> Outline:
        """The outline of the file a check context is about, built once.

        It reads the report's own text (``block.part`` in
        :data:`~scr_checks.layout.TEXT_PARTS`): a contents page's entries are
        not sections, and its page numbers are not paragraph numbers.
        """
        outline = context.stash.get(STASH_KEY)
        if outline is None:
            outline = cls(context.blocks, context.report.document,
                          context.option("", "headings"))
            layout = Layout.of(context)
            outline.layout = layout
            present = set(outline.kinds) | {kind for kind, items in (
                ("findings", outline.findings), ("recommendations", outline.recommendations))
                if items}
            outline.kind = recognise_kind(context.blocks, present, layout.promised,
                                          context.option("", "kind"))
            context.stash[STASH_KEY] = outline
        return outline

    # -- sections --------------------------------------------------------

    def _sections(self) -> list[Section]:
        by_node: dict[int, Section] = {}
        self._innermost: dict[int, Section | None] = {}
        out: list[Section] = []
        for block in self.blocks:
            node = block.node
            if block.is_heading and isinstance(node.parent, nodes.section):
                parent = self._enclosing(node.parent, by_node)
                level = node.get("level") or node.parent.get("level")
                section = Section(
                    title=block,
                    kinds=classify(block.text, self.patterns),
                    level=int(level) if level else (parent.level + 1 if parent else 1),
                    number=self.number_of(block),
                    parent=parent,
                )
                if parent is not None:
                    parent.children.append(section)
                ancestor = parent
                while ancestor is not None:
                    ancestor.blocks.append(block)
                    ancestor = ancestor.parent
                by_node[id(node.parent)] = section
                self._innermost[id(block)] = section
                out.append(section)
                continue
            enclosing = self._enclosing(node, by_node)
            self._innermost[id(block)] = enclosing
            while enclosing is not None:
                enclosing.blocks.append(block)
                enclosing = enclosing.parent
        return out

    @staticmethod
    def _enclosing(node: nodes.Node, by_node: dict[int, Section]) -> Section | None:
        parent = node.parent
        while parent is not None:
            if id(parent) in by_node:
                return by_node[id(parent)]
            parent = parent.parent
        return None

    def section_of(self, block: TextBlock) -> Section | None:
        """The innermost section that contains ``block`` (its own, for a title)."""
        return self._innermost.get(id(block))

    def kinds_of(self, block: TextBlock) -> frozenset[str]:
        """What the innermost recognised section around ``block`` is."""
        section = self.section_of(block)
        while section is not None:
            if section.kinds:
                return section.kinds
            section = section.parent
        return frozenset()

    def sections_of_kind(self, kind: str) -> list[Section]:
        return [s for s in self.sections if kind in s.kinds]

    @staticmethod
    def number_of(block: TextBlock) -> str | None:
        """The report's number for a paragraph or heading ("4.1", or "5" for "5. Findings")."""
        if block.paragraph_number:
            return block.paragraph_number
        if block.is_heading:
            match = _HEADING_NUMBER.match(block.text)
            if match:
                return match.group(1)
        return None

    # -- findings and recommendations ------------------------------------

    def _items(self, kind: str, section_kind: str, claimed: set[int]) -> list[Item]:
        items = self._labelled(kind, claimed)
        labelled = {id(b) for item in items for b in item.blocks}
        for section in self.sections_of_kind(section_kind):
            if any(id(b) in labelled for b in section.blocks):
                continue
            if section.parent is not None and (
                section.parent.within(section_kind) or section.parent.within("executive_summary")
            ):
                continue
            items.extend(self._unlabelled(kind, section, claimed))
        if any(item.form != "paragraph" for item in items):
            # Where the report marks out its findings, the paragraphs of another
            # section ("Conclusions") are not findings of their own.
            items = [item for item in items if item.form != "paragraph"]
        order: dict[int, int] = {}
        for n, block in enumerate(self.blocks):
            order.setdefault(id(block), n)
        # By identity: comparing blocks as dataclasses compares every field.
        items.sort(key=lambda item: order[id(item.block)] if id(item.block) in order
                   else self.blocks.index(item.block))
        for item in items:
            around: Section | None = item.section
            while not item.audience and around is not None and kind == "recommendation":
                if _AUDIENCE.search(around.name) and around.within(section_kind):
                    item.audience = strip_number(around.name)
                around = around.parent
        return items

    def _labelled(self, kind: str, claimed: set[int]) -> list[Item]:
        """Items the report names itself: "Finding 2: …" headings and paragraphs."""
        pattern = _LABELS[kind]
        items: list[Item] = []
        inside: set[int] = set()
        current: Item | None = None
        for block in self.blocks:
            section = self.section_of(block)
            if id(block) in claimed or id(block) in inside or (
                section is not None and section.within("executive_summary")
            ):
                current = None if block.is_heading else current
                continue
            match = pattern.match(block.text)
            if match and not block.is_heading and not match.group("mark") and block.text[
                    match.end():].strip():
                match = None  # "Finding 2 cites paragraph 3.4": prose about a finding
            if match and block.is_heading:
                body = [b for b in section.blocks if id(b) not in claimed] if section else []
                current = None
                items.append(Item(kind, match.group("label"), match.group("number"), block,
                                  match.start("label"), match.end("label"),
                                  [block, *body], section))
                inside |= {id(b) for b in body}
            elif match:
                current = Item(kind, match.group("label"), match.group("number"), block,
                               match.start("label"), match.end("label"), [block], section)
                items.append(current)
            elif block.is_heading or (current and section is not current.section):
                current = None
            elif current is not None:
                # The body runs to the next finding, over numbered paragraphs too.
                current.blocks.append(block)
        return items

    def _unlabelled(self, kind: str, section: Section, claimed: set[int],
                    audience: str = "") -> Iterator[Item]:
        """Items of a findings or recommendations section that has no labels.

        In order of preference: a table's rows, the sub-sections (or, where
        they say whom recommendations are for, the items inside each), list
        items, numbered paragraphs, and at last plain paragraphs.
        """
        free = [b for b in section.blocks if id(b) not in claimed]
        rows = list(self._rows(kind, section, free, audience))
        if rows:
            yield from rows
            return
        if section.children:
            if kind == "recommendation" and all(
                    _AUDIENCE.search(child.name) for child in section.children):
                for child in section.children:
                    yield from self._unlabelled(kind, child, claimed, strip_number(child.name))
                return
            for child in section.children:
                yield Item(kind, child.name, child.number, child.title, 0,
                           len(child.title.text), [child.title, *child.blocks], child,
                           form="heading", audience=audience)
            return
        free = [b for b in free if not b.is_heading]
        list_items: dict[int, list[TextBlock]] = {}
        for block in free:
            item_node = _list_item(block.node)
            if item_node is not None:
                list_items.setdefault(id(item_node), []).append(block)
        if list_items:
            numbered = any(isinstance(_list_of(b.node), nodes.enumerated_list)
                           for group in list_items.values() for b in group[:1])
            for number, group in enumerate(list_items.values(), start=1):
                yield Item(kind, f"{kind.capitalize()} {number}", str(number), group[0],
                           0, _first_words(group[0].text), group, section, form="list",
                           audience=audience, numbered=numbered)
            return
        if any(b.paragraph_number for b in free):
            current: Item | None = None
            for block in free:
                if block.paragraph_number:
                    start = block.text.index(block.paragraph_number)
                    current = Item(kind, block.paragraph_number, block.paragraph_number,
                                   block, start, start + len(block.paragraph_number), [block],
                                   section, form="numbered", audience=audience)
                    yield current
                elif current is not None:
                    current.blocks.append(block)
            return
        prose = [b for b in free if not b.text.rstrip().endswith(":")]
        typed = _typed_numbers(prose)
        if typed:
            current = None
            for block in prose:
                match = typed.get(id(block))
                if match is not None:
                    current = Item(kind, f"{kind.capitalize()} {match[1]}", match[1], block,
                                   match.start(1), match.end(1), [block], section,
                                   form="numbered", audience=audience)
                    yield current
                elif current is not None:
                    current.blocks.append(block)
            return
        for number, block in enumerate(prose, start=1):
            yield Item(kind, f"{kind.capitalize()} {number}", None, block, 0,
                       _first_words(block.text), [block], section, form="paragraph",
                       audience=audience)

    def _rows(self, kind: str, section: Section, free: list[TextBlock],
              audience: str) -> Iterator[Item]:
        """One item per body row of a table whose columns say what they hold."""
        for table in _tables(free):
            columns = _columns(table.header, table.rows)
            if "text" not in columns:
                continue
            for number, row in enumerate(table.rows, start=1):
                cells = [cell for cell in row if cell]
                text_cells = row[columns["text"]] if columns["text"] < len(row) else []
                if not text_cells:
                    continue
                label_number = str(number)
                if "number" in columns and columns["number"] < len(row) and row[columns["number"]]:
                    label_number = row[columns["number"]][0].text.strip().rstrip(".")
                owner = _cell_text(row, columns.get("owner"))
                answers = _cell_text(row, columns.get("answers"))
                first = text_cells[0]
                yield Item(kind, f"{kind.capitalize()} {label_number}", label_number, first,
                           0, _first_words(first.text), [b for cell in cells for b in cell],
                           section, form="row", owner=owner, answers=answers,
                           audience=audience, numbered="number" in columns,
                           statement=_cell_text(row, columns["text"]))

    def item_of(self, block: TextBlock) -> Item | None:
        """The finding or recommendation ``block`` belongs to, if any."""
        if self._item_of is None:  # the items are fixed once recognised
            self._item_of = {}
            for item in (*self.findings, *self.recommendations):
                for b in item.blocks:
                    self._item_of.setdefault(id(b), item)
        return self._item_of.get(id(block))

    # -- analysis --------------------------------------------------------

    def _themes(self) -> list[Section]:
        """The analysis's themes: its sub-sections, or each analysis section whole."""
        themes = []
        for section in self.sections_of_kind("analysis"):
            if section.parent is not None and section.parent.within("analysis"):
                continue
            themes.extend(section.children or [section])
        return themes

    # -- references ------------------------------------------------------

    def references(self, block: TextBlock) -> list[Reference]:
        """Every reference in ``block``: numbered paragraphs, sections, findings, links."""
        found = self._references.get(id(block))
        if found is None:
            found = sorted(_references(block), key=lambda r: (r.start, r.kind))
            self._references[id(block)] = found
        return found

    def references_of(self, item: Item) -> list[Reference]:
        """The item's references, not counting its own label ("Finding 2")."""
        return [
            ref for block in item.blocks for ref in self.references(block)
            if not (block is item.block and ref.kind == item.kind
                    and ref.start < item.end and item.start < ref.end)
        ]

    def resolve(self, ref: Reference) -> list[TextBlock]:
        """The blocks a reference points at; empty when it points at nothing."""
        if ref.kind == "link":
            target = self.document.ids.get(ref.target)
            if target is None:
                return []
            return [b for b in self.blocks if _inside(b.node, target)] or [
                b for b in self.blocks if b.node is target]
        if ref.kind in ("finding", "recommendation"):
            items = self.findings if ref.kind == "finding" else self.recommendations
            return [i.block for i in items if (i.number or "").lower() == ref.target.lower()]
        return list(self._under.get(ref.target, ()))

    def theme_of(self, block: TextBlock) -> Section | None:
        """The first theme of the analysis that holds ``block`` (its title or prose)."""
        if self._theme_of is None:  # a map made once, not a search of every theme each time
            self._theme_of = {}
            for theme in self.themes:
                for b in (theme.title, *theme.blocks):
                    self._theme_of.setdefault(id(b), theme)
        return self._theme_of.get(id(block))


def _prefixes(number: str) -> list[str]:
    """``number`` and each part of it before a dot: "4.2.1" -> "4", "4.2", "4.2.1"."""
    return [number[:i] for i, ch in enumerate(number) if ch == "."] + [number]


def _list_item(node: nodes.Node) -> nodes.Node | None:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.list_item):
            return parent
        if isinstance(parent, nodes.section):
            return None
        parent = parent.parent
    return None


def _list_of(node: nodes.Node) -> nodes.Node | None:
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.bullet_list | nodes.enumerated_list):
        parent = parent.parent
    return parent


class _Table(Record):
    """A table's header cells' texts and its body rows, each a list of cells' blocks.

    A plain class: a dataclass's generated methods are compiled at every start-up.
    """

    __match_args__ = ("header", "rows")
    header: list[str]
    rows: list[list[list[TextBlock]]]

    def __init__(self, header: list[str], rows: list[list[list[TextBlock]]]) -> None:
        self.header = header
        self.rows = rows



def _tables(blocks: list[TextBlock]) -> list[_Table]:
    """The tables ``blocks`` are in, in order, with their cells' blocks."""
    found: dict[int, tuple[nodes.Node, dict[int, list[list[TextBlock]]]]] = {}
    for block in blocks:
        entry = _ancestor(block.node, nodes.entry)
        if entry is None:
            continue
        row = entry.parent
        table = _ancestor(row, nodes.table)
        if table is None:
            continue
        _, rows = found.setdefault(id(table), (table, {}))
        cells = rows.setdefault(id(row), [[] for _ in row.children])
        cells[row.index(entry)].append(block)
    out = []
    for table, rows_by_id in found.values():
        head = next(table.findall(nodes.thead), None)
        header_rows = list(head.findall(nodes.row)) if head is not None else []
        body = [cells for row_id, cells in rows_by_id.items()
                if not any(id(r) == row_id for r in header_rows)]
        header = [" ".join(e.astext().split()) for e in header_rows[0].children] if (
            header_rows) else []
        if not header and body and _columns([" ".join(b.text for b in cell)
                                             for cell in body[0]], []).get("text") is not None:
            header = [" ".join(b.text for b in cell) for cell in body[0]]
            body = body[1:]
        out.append(_Table(header, body))
    return out


def _ancestor(node: nodes.Node, kind: type) -> nodes.Node | None:
    while node is not None and not isinstance(node, kind):
        node = node.parent
    return node


def _columns(header: list[str], rows: list[list[list[TextBlock]]]) -> dict[str, int]:
    """Which column holds each item's number, text, owner and the finding it answers."""
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        if "number" not in columns and (_COLUMNS["number"].fullmatch(title) or (
                rows and _COLUMNS["text"].search(title) and all(
                    index < len(row) and row[index]
                    and regex.fullmatch(r"\d{1,3}[a-z]?\.?", " ".join(b.text for b in row[index]))
                    for row in rows))):
            columns["number"] = index
    texts = [i for i, title in enumerate(header)
             if i != columns.get("number") and _COLUMNS["text"].search(title)]
    if texts:
        columns["text"] = texts[0]
    for key in ("owner", "answers"):
        for index, title in enumerate(header):
            if index not in columns.values() and _COLUMNS[key].search(title):
                columns[key] = index
                break
    return columns


def _cell_text(row: list[list[TextBlock]], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return " ".join(b.text for b in row[index]).strip()


def _inside(node: nodes.Node, ancestor: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent
    return False


def _typed_numbers(blocks: list[TextBlock]) -> dict[int, regex.Match[str]]:
    """The numbers typed at the start of paragraphs ("1. Agencies should ..."), by
    block, when the first paragraph has "1" and they count up from there one by
    one (Word's typed lists): a number elsewhere is a date or a count."""
    if not blocks:
        return {}
    found = {id(b): m for b in blocks if (m := _TYPED_NUMBER.match(b.text))}
    numbers = [int(found[id(b)][1]) for b in blocks if id(b) in found]
    if id(blocks[0]) not in found or numbers != list(range(1, len(numbers) + 1)):
        return {}
    return found


def _first_words(text: str, limit: int = 60) -> int:
    """Where to end a label made of an item's first words."""
    if len(text) <= limit:
        return len(text)
    space = text.rfind(" ", 0, limit)
    return space if space > 0 else limit


def _references(block: TextBlock) -> Iterator[Reference]:
    taken: list[tuple[int, int]] = []
    folded = fold_case(block.text)
    for kind, pattern, words in _REFERENCES:
        if not any(word in folded for word in words):
            continue  # the pattern cannot match: it would take no place either
        for match in pattern.finditer(block.text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            if _EXTERNAL.match(block.text, match.end()):
                continue
            base = match.start("nums")
            for number in _ONE_NUMBER.finditer(match.group("nums")):
                yield Reference(block, base + number.start(), base + number.end(), kind,
                                number.group().rstrip("."))
    yield from _link_references(block)


def _link_references(block: TextBlock) -> Iterator[Reference]:
    """Cross-reference nodes (reST `title`_, Markdown [text](#id)) in the block."""
    if all(isinstance(child, nodes.Text) for child in block.node.children) or next(
            block.node.findall(nodes.reference, include_self=False), None) is None:
        return  # most blocks link nowhere (most are text alone): no need to measure them
    offset = 0
    for node in block.node.findall(include_self=False):
        if isinstance(node, nodes.reference):
            target = node.get("refid") or ""
            uri = node.get("refuri", "")
            if not target and uri.startswith("#"):
                target = uri[1:]
            if target:
                length = len(node.astext())
                yield Reference(block, offset, offset + length, "link", target)
        if isinstance(node, nodes.Text):
            offset += len(node.astext())
