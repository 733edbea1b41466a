"""Synthetic Serious Case Review reports of a chosen length, for the benchmark.

A report is built once as a list of blocks (headings, numbered paragraphs,
bullet lists, a chronology table) and then written as reST, Markdown, Word or
PDF, so every format carries the same words.  The prose is assembled from
SCR-style phrases by a seeded generator and no sentence repeats, so checkers
see realistic variety rather than one cached sentence; a third of the
sentences also draw on ``vocabulary.txt``, so that a 50,000-word report uses
a few thousand distinct words, as a real one does.  A few identifiers,
undefined acronyms and tone problems are planted so every checker has work.
Every person, place and number is invented.
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

AGENCIES = [
    "The health visitor", "The allocated social worker", "The school nurse",
    "The GP practice", "The designated safeguarding lead", "Police officers",
    "The community midwife", "The early help practitioner", "The duty team manager",
    "The family support worker", "A paediatric registrar", "The housing officer",
    "The CAMHS clinician", "The probation officer", "The nursery manager",
    "The Independent Reviewing Officer", "The MASH team", "A student social worker",
    "The emergency department nurse", "The substance misuse worker",
]
ACTIONS = [
    "visited the family at home", "telephoned the mother to arrange a visit",
    "recorded a worry about bruising to the baby's arm",
    "made a referral to children's social care",
    "asked the school for an update on attendance", "shared the case notes with the GP",
    "booked an interpreter for the next appointment", "noted that the flat was cold and damp",
    "discussed the case in supervision", "completed a home safety assessment",
    "closed the case after three weeks", "wrote to the family about a missed appointment",
    "spoke to the child alone for the first time", "sought advice from the named nurse",
    "chased the outcome of the earlier referral", "updated the chronology",
    "asked the father about his work pattern", "requested a strategy discussion",
    "saw the baby asleep in a car seat", "checked the family's address with the council",
    "gave the mother a leaflet about safe sleep", "arranged a joint visit with the police",
    "heard that the older sibling had been excluded", "logged a call from a neighbour",
]
TIMES = [
    "In the first week after the birth", "Two days later", "During the summer holidays",
    "At the next core group", "Shortly before Christmas", "In the following month",
    "At the six-week check", "On a Friday afternoon", "Later that evening",
    "Over the next fortnight", "At the review conference", "Early in the new school year",
    "After the family moved", "In the spring term", "At the end of the assessment period",
    "When the case was transferred", "On the same day", "A week after the visit",
]
REASONS = [
    "because the team's caseloads had risen by a third that year",
    "as the referral form had no field for it",
    "since the records of the two agencies did not link",
    "because the worker had started in post that month",
    "as the family had recently changed address",
    "because supervision had been cancelled twice",
    "since the threshold document was read differently by each agency",
    "as the duty system passed the case between three workers",
    "because no interpreter was available at short notice",
    "as the practitioner believed another agency was leading",
    "because the electronic record showed only the latest entry",
    "since the multi-agency meeting had no minute-taker",
    "as part-time working meant the worker was not in the office",
    "because the guidance on escalation was not widely known",
]
OBSERVATIONS = [
    "The record does not say whether the child was seen.",
    "Practitioners told the review that this was usual at the time.",
    "The mother later said she had found the visits helpful.",
    "No agency asked who else lived in the household.",
    "The information was accurate but reached the school late.",
    "This reflected the pressure the service was under.",
    "The father was not invited to the meeting.",
    "The panel heard that similar cases were handled in the same way.",
    "The decision was recorded but the reasoning was not.",
    "Managers were not told that the plan had changed.",
    "The child's own account was not written down.",
    "Each agency held part of the picture.",
]
LINKS = [
    "This meant that", "As a result,", "In practice,", "Because of this,",
    "The review found that", "Records show that", "At that point", "Even so,",
]
OUTCOMES = [
    "the concern was not passed on", "the plan stayed the same",
    "nobody followed up the missed appointment", "the referral was screened out",
    "the school was not told", "the assessment started again from the beginning",
    "the family received no further offer of help", "the case was kept open",
    "a second visit was arranged", "the health visitor was not invited",
    "the injury was treated as accidental", "the father's history was not checked",
]
LEADS = ["The review heard that", "Practitioners described", "The records show",
         "The family told the review", "Managers said", "The panel noted"]
THEMES = [
    "Home visits", "Health appointments", "School attendance", "Information sharing",
    "Supervision", "Working with fathers", "The voice of the child", "Housing",
    "Escalation", "Early help", "Assessment", "Domestic abuse", "Mental health",
    "Substance misuse", "Interpreters and culture", "Case transfer", "Record keeping",
    "Multi-agency meetings", "Hospital attendances", "Neglect",
]
#: Words for the sentences that widen the report's vocabulary.
VOCABULARY = [line for line in (Path(__file__).parent / "vocabulary.txt").read_text(
    encoding="utf-8").splitlines() if line and not line.startswith("#")]
PERIODS = ["before the birth", "in the first year", "in the second year", "during the pandemic",
           "after the move", "at the end of the period", "in the nursery years", "in summary"]
PLANTED = [
    "Kerry Addison, the child's aunt, rang the duty line.",
    "The family lived at 14 Larchfield Road, Northshire NS4 7QT.",
    "The child was born on 14 June 2016 and attended Oakbank Primary School.",
    "The mother's NHS number 943 476 5919 was written on the referral.",
    "She gave her mobile number as 07700 900123.",
    "The household was described as chaotic and the mother as non-compliant.",
    "Professionals failed to notice the bruising, a clear missed opportunity.",
    "Tragically, the harm should have been obvious to everyone involved.",
    "The LADO and the IRO were told about the case.",
    "Dean Whitlow, the mother's partner, had a conviction for assault.",
]
ACRONYM_DEFINITIONS = [
    "Child and Adolescent Mental Health Services (CAMHS)",
    "the Multi-Agency Safeguarding Hub (MASH)",
    "Early Help Assessment (EHA)",
]


@dataclass
class Block:
    """One block of the report: ``kind`` is title, h1, h2, h3, para, bullets or table."""

    kind: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


class Prose:
    """Sentences in SCR style from a seeded generator; never the same one twice."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.seen: set[str] = set()

    def sentence(self) -> str:
        r = self.random
        for _ in range(50):
            shape = r.randrange(8)
            if shape == 0:
                s = f"{r.choice(TIMES)}, {_lower(r.choice(AGENCIES))} {r.choice(ACTIONS)}."
            elif shape == 1:
                s = f"{r.choice(AGENCIES)} {r.choice(ACTIONS)} {r.choice(REASONS)}."
            elif shape == 2:
                s = f"{r.choice(LINKS)} {r.choice(OUTCOMES)} {r.choice(REASONS)}."
            elif shape == 3:
                s = (f"{r.choice(TIMES)}, {_lower(r.choice(AGENCIES))} {r.choice(ACTIONS)}, "
                     f"and {r.choice(OUTCOMES)}.")
            elif shape == 4:
                s = f"{r.choice(OBSERVATIONS)[:-1]}, {r.choice(REASONS)}."
            else:
                words = " ".join(r.sample(VOCABULARY, r.randrange(5, 11)))
                s = f"{r.choice(LEADS)} the {words} {r.choice(REASONS)}."
            s = s[0].upper() + s[1:]
            if s not in self.seen:
                self.seen.add(s)
                return s
        s = f"{r.choice(OBSERVATIONS)[:-1]} on occasion {len(self.seen)}."
        self.seen.add(s)
        return s

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))


class RealProse(Prose):
    """Sentences of real published reviews, in turn, instead of generated ones.

    Synthetic sentences flatter every cache and pattern; real prose has real
    names, dates, capitals and sentence lengths.  The sentences are read from
    a folder of real reviews kept outside the project (see
    ``scripts/evaluate_real.py``) and written only into ``benchmarks/out/``.
    """

    def __init__(self, folder: Path, seed: int = 1) -> None:
        super().__init__(seed)
        self.sentences = real_sentences(folder)
        self.next = 0

    def sentence(self) -> str:
        s = self.sentences[self.next % len(self.sentences)]
        self.next += 1
        return s


def real_sentences(folder: Path) -> list[str]:
    """The prose sentences of every ``*.txt`` review in ``folder``."""
    import re

    out: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        text = re.sub(r"^source\b.*$|\[[^\]\n]*\]", " ", path.read_text(encoding="utf-8"),
                      flags=re.MULTILINE)
        for block in re.split(r"\n\s*\n", text):
            words = block.split()
            if len(words) < 12 or sum(w[:1].islower() for w in words) < len(words) / 3:
                continue  # titles, contents pages and headers
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(words)):
                if 6 <= len(sentence.split()) <= 60:
                    out.append(sentence)
    if not out:
        raise SystemExit(f"no prose sentences in {folder}")
    return out


def _lower(agency: str) -> str:
    """\"The GP practice\" inside a sentence: only the first word loses its capital."""
    first, rest = agency.split(" ", 1)
    return f"{first.lower()} {rest}"


def build(words: int, seed: int = 1, prose: Prose | None = None) -> list[Block]:
    """A report of about ``words`` words: front matter, chronology, analysis, findings.

    ``prose`` gives the sentences (generated ones by default; :class:`RealProse`
    for real reviews' sentences in the same structure).
    """
    prose = prose or Prose(seed)
    r = prose.random
    out = [Block("title", f"Serious Case Review: Child {chr(65 + seed % 26)} (synthetic)")]

    def para(number: str, sentences: int) -> None:
        out.append(Block("para", f"{number} {prose.paragraph(sentences)}"))

    out.append(Block("h1", "1. Executive summary"))
    para("1.1", 4)
    out[-1].text += (" The review was commissioned by the Northshire Safeguarding Children "
                     f"Partnership and involved {ACRONYM_DEFINITIONS[seed % 3]}.")
    para("1.2", 3)
    out.append(Block("h1", "2. Introduction"))
    para("2.1", 3)
    out.append(Block("h1", "3. Methodology"))
    para("3.1", 4)
    out.append(Block("bullets", items=[
        "reading agency records and a combined chronology;",
        "conversations with practitioners at a learning event;",
        "meeting the mother and the maternal grandmother;",
        "a panel of senior managers from each agency.",
    ]))
    out.append(Block("h1", "4. Chronology"))
    para("4.1", 2)
    rows = [["Date", "Agency", "Event"]]
    for n in range(max(6, words // 250)):
        day, month, year = 1 + n % 28, 1 + (n * 5) % 12, 2016 + n * 4 // max(1, words // 250)
        rows.append([f"{day:02d}/{month:02d}/{year}", r.choice(AGENCIES).split(" ", 1)[1],
                     f"{r.choice(ACTIONS).capitalize()} ({r.choice(PERIODS)})."])
    out.append(Block("table", rows=rows))

    out.append(Block("h1", "5. Analysis"))
    subsection = 0
    paragraph_numbers: list[str] = []
    planted = 0
    while _count(out) < words * 0.88:
        subsection += 1
        theme = THEMES[(subsection - 1) % len(THEMES)]
        out.append(Block("h2", f"5.{subsection} {theme} {r.choice(PERIODS)}"))
        for n in range(1, r.randint(4, 10)):
            number = f"5.{subsection}.{n}"
            paragraph_numbers.append(number)
            para(number, r.randint(3, 7))
            if r.random() < 0.08:
                out[-1].text += " " + PLANTED[planted % len(PLANTED)]
                planted += 1
            if r.random() < 0.12:
                out.append(Block("para", f"{r.choice(LEADS)}:"))
                items = [prose.sentence() for _ in range(r.randint(2, 5))]
                out.append(Block("bullets", items=items))

    out.append(Block("h1", "6. Findings"))
    findings = max(2, min(12, words // 4000))
    for n in range(1, findings + 1):
        out.append(Block("h2", f"Finding {n}: {THEMES[n % len(THEMES)]} {r.choice(PERIODS)}"))
        cited = ", ".join(r.sample(paragraph_numbers, min(3, len(paragraph_numbers))))
        para(f"6.{n}", 4)
        out[-1].text += f" This is a systemic issue (see paragraphs {cited})."
    out.append(Block("h1", "7. Recommendations"))
    for n in range(1, findings + 1):
        out.append(Block("para", f"7.{n} Recommendation {n}: The Partnership should ask "
                         f"each agency to {r.choice(ACTIONS)} and report on it within six "
                         f"months (Finding {n})."))
    out.append(Block("h1", "8. Appendix: what practitioners told the review"))
    n = 0
    while _count(out) < words:
        n += 1
        para(f"8.{n}", 3)
    return out


def _count(blocks: list[Block]) -> int:
    total = 0
    for b in blocks:
        total += len(b.text.split()) + sum(len(i.split()) for i in b.items)
        total += sum(len(c.split()) for row in b.rows for c in row)
    return total


def word_count(blocks: list[Block]) -> int:
    return _count(blocks)


# -- writers ----------------------------------------------------------------

def to_rst(blocks: list[Block]) -> str:
    lines: list[str] = []
    underline = {"h1": "=", "h2": "-", "h3": "~"}
    for b in blocks:
        if b.kind == "title":
            bar = "=" * len(b.text)
            lines += [bar, b.text, bar, ""]
        elif b.kind in underline:
            lines += [b.text, underline[b.kind] * len(b.text), ""]
        elif b.kind == "para":
            lines += [*textwrap.wrap(b.text, 79, break_on_hyphens=False), ""]
        elif b.kind == "bullets":
            for item in b.items:
                wrapped = textwrap.wrap(item, 75, break_on_hyphens=False)
                lines += ["- " + wrapped[0], *("  " + w for w in wrapped[1:])]
            lines.append("")
        elif b.kind == "table":
            lines += [".. list-table:: Chronology of key events", "   :header-rows: 1", ""]
            for row in b.rows:
                lines.append(f"   * - {row[0]}")
                lines += [f"     - {cell}" for cell in row[1:]]
            lines.append("")
    return "\n".join(lines)


def to_markdown(blocks: list[Block]) -> str:
    lines: list[str] = []
    hashes = {"title": "#", "h1": "##", "h2": "###", "h3": "####"}
    for b in blocks:
        if b.kind in hashes:
            lines += [f"{hashes[b.kind]} {b.text}", ""]
        elif b.kind == "para":
            lines += [*textwrap.wrap(b.text, 79, break_on_hyphens=False), ""]
        elif b.kind == "bullets":
            lines += [f"- {item}" for item in b.items] + [""]
        elif b.kind == "table":
            lines.append("| " + " | ".join(b.rows[0]) + " |")
            lines.append("|" + "---|" * len(b.rows[0]))
            lines += ["| " + " | ".join(row) + " |" for row in b.rows[1:]]
            lines.append("")
    return "\n".join(lines)


def write_docx(blocks: list[Block], path: Path) -> None:
    import docx

    document = docx.Document()
    levels = {"title": 0, "h1": 1, "h2": 2, "h3": 3}
    for b in blocks:
        if b.kind in levels:
            document.add_heading(b.text, levels[b.kind])
        elif b.kind == "para":
            document.add_paragraph(b.text)
        elif b.kind == "bullets":
            for item in b.items:
                document.add_paragraph(item, style="List Bullet")
        elif b.kind == "table":
            table = document.add_table(rows=len(b.rows), cols=len(b.rows[0]))
            for row, values in zip(table.rows, b.rows, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
    document.save(str(path))


def write_pdf(blocks: list[Block], path: Path) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import ListFlowable, Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    names = {"title": "Title", "h1": "Heading1", "h2": "Heading2", "h3": "Heading3",
             "para": "BodyText"}
    story: list[object] = []
    for b in blocks:
        if b.kind in names:
            story.append(Paragraph(escape(b.text), styles[names[b.kind]]))
        elif b.kind == "bullets":
            story.append(ListFlowable(
                [Paragraph(escape(i), styles["BodyText"]) for i in b.items], bulletType="bullet"))
        elif b.kind == "table":
            story.append(Table(b.rows, repeatRows=1))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def write(blocks: list[Block], path: Path) -> Path:
    """Write ``blocks`` in the format ``path``'s suffix names."""
    suffix = path.suffix
    if suffix == ".rst":
        path.write_text(to_rst(blocks), encoding="utf-8")
    elif suffix == ".md":
        path.write_text(to_markdown(blocks), encoding="utf-8")
    elif suffix == ".docx":
        write_docx(blocks, path)
    elif suffix == ".pdf":
        write_pdf(blocks, path)
    else:
        raise ValueError(f"no writer for {suffix}")
    return path
