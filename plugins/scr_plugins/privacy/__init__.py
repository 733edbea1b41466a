"""Privacy checker: what could identify a family or staff (question 2).

A built-in plugin that uses only the public API.  Word lists are compiled
once per process; a report's own pseudonym declarations are gathered once
per file.  A local area's plugin adds names and places by implementing the
``scr_privacy_terms`` hook this plugin adds (:mod:`scr_plugins.privacy.hookspecs`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import Any

import regex

from scr_checks import (
    TEXT_PARTS,
    CheckContext,
    Config,
    ConfigError,
    Finding,
    Layout,
    OptionParser,
    Report,
    Rule,
    TextBlock,
    compile_pattern,
    hookimpl,
)
from scr_plugins.privacy import hookspecs as privacy_hookspecs
from scr_plugins.privacy.gazetteer import Lexicon, lexicon
from scr_plugins.privacy.hidden import PRESENCE, person_property, present
from scr_plugins.privacy.names import DocumentNames, NameFinder
from scr_plugins.privacy.placeholders import place_placeholder
from scr_plugins.privacy.rules import (
    ADDRESS,
    EMAIL_ADDRESS,
    EXACT_AGE,
    FULL_DATE,
    HIDDEN_CONTENT,
    IDENTIFYING_COMBINATION,
    METADATA_IDENTITY,
    NAMED_PLACE,
    NAMED_PROFESSIONAL,
    PERSONAL_NAME,
    PHONE_NUMBER,
    POSTCODE,
    REFERENCE_NUMBER,
    RULES,
    UNDECLARED_FIRST_NAME,
)
from scr_plugins.privacy.scanner import scan

NAMESPACE = "privacy"
#: What a local area's plugins give through ``scr_privacy_terms``.
TERM_KINDS = ("first_names", "surnames", "places", "allow")


@hookimpl
def scr_addhooks(pluginmanager: Any) -> None:
    pluginmanager.add_hookspecs(privacy_hookspecs)


@hookimpl
def scr_addoption(parser: OptionParser) -> None:
    add = parser.add_option
    add(NAMESPACE, "allow", list, [],
        "Pseudonyms and terms never reported (e.g. a child's published name).")
    add(NAMESPACE, "public_names", list, [],
        "Names already public for the report(s) this configuration covers (a child whose "
        "name was made public by a court or the national panel): never reported, whole "
        "or in part. Dates of birth and death are still reported.")
    add(NAMESPACE, "patterns", dict, {},
        "Extra regular expressions per rule id, e.g. { SCR214 = ['ESCC-\\\\d{6}'] }.")
    add(NAMESPACE, "first_names", list, [], "Extra first names to recognise.")
    add(NAMESPACE, "surnames", list, [], "Extra surnames to recognise.")
    add(NAMESPACE, "places", list, [], "Named local places to report (estates, villages).")


@hookimpl
def scr_configure(config: Config) -> None:
    """Compile the configured patterns and gather local areas' terms, once a run."""
    _extra_patterns(tuple(sorted(
        (rule, tuple(p)) for rule, p in config.option(NAMESPACE, "patterns").items()
    )))
    terms: dict[str, list[str]] = {kind: list(config.option(NAMESPACE, kind))
                                   for kind in TERM_KINDS}
    for given in config.hook.scr_privacy_terms(config=config):
        for kind, words in (given or {}).items():
            if kind not in terms:
                raise ConfigError(f"scr_privacy_terms returned {kind!r}; expected one of "
                                  f"{', '.join(TERM_KINDS)}")
            terms[kind].extend(str(word) for word in words)
    config.stash[NAMESPACE] = {kind: tuple(words) for kind, words in terms.items()}


@hookimpl
def scr_register_rules() -> list:
    return RULES


@lru_cache(maxsize=16)
def _extra_patterns(
    table: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[tuple[Rule, regex.Pattern[str]], ...]:
    by_id = {r.id: r for r in RULES}
    out = []
    for rule_id, patterns in table:
        rule = by_id.get(rule_id)
        if rule is None:
            raise ConfigError(f"[privacy] patterns: {rule_id!r} is not a privacy rule")
        for pattern in patterns:
            try:
                out.append((rule, regex.compile(pattern)))
            except regex.error as exc:
                raise ConfigError(f"[privacy] patterns: {pattern!r}: {exc}") from None
    return tuple(out)


@lru_cache(maxsize=16)
def _lexicon(first: tuple[str, ...], surnames: tuple[str, ...],
             places: tuple[str, ...]) -> Lexicon:
    base = lexicon()
    if not (first or surnames or places):
        return base
    return base.with_additions(first, surnames, places)


class _State:
    """Everything one file's checks share: lists, declarations, patterns."""

    def __init__(self, context: CheckContext) -> None:
        terms = context.config.stash[NAMESPACE]

        def option(name: str) -> tuple[str, ...]:
            return terms[name]

        self.lexicon = _lexicon(option("first_names"), option("surnames"), option("places"))
        self.allowed = frozenset(option("allow"))
        texts = [b.text for b in context.blocks]
        texts += [h.text for h in context.report.hidden]
        self.document = DocumentNames.gather(texts, set(self.allowed),
                                             context.option(NAMESPACE, "public_names"))
        self.names = NameFinder(self.lexicon, self.document)
        self.extra = _extra_patterns(tuple(sorted(
            (rule, tuple(p)) for rule, p in context.option(NAMESPACE, "patterns").items()
        )))

    @classmethod
    def of(cls, context: CheckContext) -> _State:
        state = context.stash.get(NAMESPACE)
        if state is None:
            state = context.stash[NAMESPACE] = cls(context)
        return state

    def scan(self, text: str, words: frozenset[str] | None = None) -> list[Any]:
        """Every hit in ``text``; ``words`` are its word runs if the caller keeps them.

        A block's are asked for first: found then, for the first checker to
        ask, they are kept on the block for the checkers after this one and
        are what the detectors' own ``word_runs(text)`` finds in its cache.
        """
        return scan(text, self.lexicon, self.names, self.extra, self.allowed, words)


def _message(description: str, text: str) -> str:
    return f"{_opening(description)}: '{text}'."


@cache
def _opening(description: str) -> str:
    """The description with a capital, made once for each of the few there are."""
    return f"{description[0].upper()}{description[1:]}"


# The sets below hold rule ids: a Rule hashes and compares all its fields,
# which on a paragraph of a thousand names cost more than deciding about them.
#: Rules about people, which a line crediting the report's makers does not break.
PEOPLE = frozenset(r.id for r in (PERSONAL_NAME, UNDECLARED_FIRST_NAME, NAMED_PROFESSIONAL))
#: Rules whose finds on a title page, contents page or running header are the
#: report's own: its publication date, its case code, its publisher's address.
THE_REPORTS_OWN = frozenset(r.id for r in (FULL_DATE, EXACT_AGE, ADDRESS, POSTCODE, PHONE_NUMBER,
                                           EMAIL_ADDRESS, REFERENCE_NUMBER, NAMED_PLACE,
                                           IDENTIFYING_COMBINATION))
CONTACT = frozenset(r.id for r in (ADDRESS, POSTCODE, PHONE_NUMBER, EMAIL_ADDRESS, NAMED_PLACE))
FULL_DATE_ID = FULL_DATE.id
NAMED_PLACE_ID = NAMED_PLACE.id
#: A block giving an organisation's contact details ("Contact: the Board, … Tel: …")
#: holds a contact label and a word naming an organisation, in either order.
#: Two searches: one pattern holding both as look-aheads, ``(?=.*\b(?:…))``,
#: took time that grew with the square of the block (7 s on a megabyte).
CONTACT_LABEL = compile_pattern(
    r"\b(?:contact(?:\s+details)?\s*:|tel(?:ephone)?\.?\s*:|e-?mail\s*:|web(?:site)?\s*:"
    r"|www\.)",
    regex.IGNORECASE,
)
ORGANISATION_WORD = compile_pattern(
    r"\b(?:board|partnership|council|safeguarding|trust|service|centre|office"
    r"|ltd|limited|department|government)\b",
    regex.IGNORECASE,
)


def gives_organisation_contact(text: str) -> bool:
    """Whether ``text`` gives an organisation's contact details."""
    return CONTACT_LABEL.search(text) is not None and ORGANISATION_WORD.search(text) is not None


def _reportable(rule: str, credit: bool, apparatus: bool,
                organisation: Callable[[], bool]) -> bool:
    """Whether a hit of ``rule`` identifies someone, given where its block is:
    whether the block credits the report's makers, is outside the report's
    text (a title page, a running header), and (asked only if needed) gives
    an organisation's contact."""
    if credit and (rule in PEOPLE or rule == FULL_DATE_ID):
        return False  # the report's makers and its dates
    if apparatus and rule in THE_REPORTS_OWN:
        return False
    return not (rule in CONTACT and organisation())


@hookimpl
def scr_check_node(block: TextBlock, context: CheckContext) -> Iterator[Finding]:
    hits = _State.of(context).scan(block.text, block.words)
    if not hits:
        return  # most blocks: nothing to place in the layout
    # Where the block is, and whether it gives an organisation's contact, are
    # asked once a block, not once a hit: a block of a thousand phone numbers
    # would be searched a thousand times.
    credit = Layout.of(context).is_credit(block)
    apparatus = block.part not in TEXT_PARTS
    organisation = cache(lambda: gives_organisation_contact(block.text))
    # Rule id -> whether its hits here are reported: a paragraph of a hundred
    # thousand dates asks it of a few rules.
    reportable: dict[str, bool] = {}
    # Each hit let go once its finding is made, first to last: a paragraph of
    # ten megabytes of dates holds a million, which the collector went over
    # again and again while their findings were made (1.4 -> 0.9 s of collecting).
    hits.reverse()
    while hits:
        rule, start, end, text, message, suggestion, _ = hits.pop()
        rule_id = rule.id
        verdict = reportable.get(rule_id)
        if verdict is None:
            verdict = reportable[rule_id] = _reportable(rule_id, credit, apparatus, organisation)
        if not verdict:
            continue
        if rule_id == NAMED_PLACE_ID:
            yield context.finding(
                rule_id, _message(message, text), block, start, end,
                secret=text, suggestion=suggestion, placeholder=place_placeholder(text),
            )
            continue
        # No empty table of extras spread into each call, and the message made
        # here, not by a call: a paragraph of dates makes a hundred thousand findings.
        yield context.finding(rule_id, f"{_opening(message)}: '{text}'.", block, start, end,
                              secret=text, suggestion=suggestion)


@hookimpl
def scr_check_document(report: Report, context: CheckContext) -> Iterator[Finding]:
    if not report.hidden:
        return
    state = _State.of(context)
    for kind, wheres in present(report.hidden).items():
        shown = ", ".join(wheres[:5]) + (" …" if len(wheres) > 5 else "")
        yield context.finding(
            HIDDEN_CONTENT, f"The file contains {PRESENCE[kind]} ({len(wheres)} found: {shown}).",
            suggestion="accept or reject all changes and delete comments before publishing",
            kind=kind, count=len(wheres),
        )
    for item in report.hidden:
        if person_property(item, state.lexicon):
            yield context.finding(
                METADATA_IDENTITY, f"A person's name in {item.place}: '{item.text}'.",
                secret=item.text, suggestion=item.remedy,
            )
            continue
        for hit in state.scan(item.text):
            yield context.finding(
                hit.rule, f"{_message(hit.message, hit.text)[:-1]} in {item.place}.",
                secret=hit.text, suggestion=item.remedy or hit.suggestion,
            )
