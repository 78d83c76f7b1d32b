"""Findings stage: `Article` + its `Tag`s -> what it concludes (`Finding`s). Pure.

Reads one `Article`, the tags `tag_article` gave it, and the vocabulary; writes nothing.
The conclusion is the CONCLUSIONS section (for a guideline, every recommendation), or the
closing sentences of an unstructured abstract, or the last results sentences. It is read
clause by clause ("X relieved pain but did not prevent Y" is two clauses). A clause is
about the interventions it names as subjects (not those after "than" or "versus"), or
else the ones named before it; it speaks to the conditions it names, or to all of them.
For each studied (intervention, condition), the first decisive clause gives the
direction; a strong hedge about it ("insufficient", "low certainty", "cannot establish"),
a modal claim with a call for more research, or a pilot study make it ``inconclusive``.
Each outcome named in a decisive clause gets a finding of its own, after the overall one.
Protocols, narrative reviews, records without an abstract and conclusions that decide
nothing (a safety statement such as "appears safe") have no finding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from evidence.models import Article, Direction, Finding, Tag
from evidence.tagging.directions import (
    has_cue,
    is_controlled,
    is_sham_controlled,
    read_clause,
    sample_size,
    split_clauses,
)
from evidence.tagging.matching import Match
from evidence.tagging.taggers import Matches, counted_matches, find_matches, tag_document
from evidence.tagging.text import Document, Unit, build_document
from evidence.tagging.vocabulary import Vocabulary

__all__ = ["NO_FINDING_DESIGNS", "analyse_article", "extract_findings", "findings_from_document"]

NO_FINDING_DESIGNS = frozenset({"protocol", "narrative_review"})
_CASE_DESIGNS = frozenset({"case_report", "case_series"})
_SIZE_ROLES = ("objective", "methods", "results", "body")
_GUIDELINE_ROLES = ("objective", "results", "body", "conclusions")
_COMPARATOR = re.compile(
    r"\b(?:than|versus|vs\.?|compared (?:with|to)|in comparison (?:with|to)|relative to|"
    r"over|superior to|inferior to|similar to)\s+(?:[\w-]+\s+){0,3}$"
)
_PILOT = re.compile(r"\b(?:pilot|feasibility)\b")


@dataclass(frozen=True, slots=True)
class _Clause:
    text: str  # lower-cased
    sentence: str  # original case, for Finding.sentence
    subjects: frozenset[str]  # interventions it is about (not as comparator)
    comparators: frozenset[str]
    conditions: frozenset[str]
    outcomes: tuple[str, ...]
    direction: str | None
    strong: bool  # a strong hedge ("insufficient", "low certainty")
    weak: bool  # a call for more research
    modal: bool  # "may", "appears", "suggests"
    qualifiers: frozenset[str]  # short_term, low_certainty, combined_treatment


def extract_findings(article: Article, tags: Sequence[Tag], vocab: Vocabulary) -> list[Finding]:
    """What ``article`` concludes about each tagged intervention, condition and outcome."""
    doc = build_document(article)
    return findings_from_document(article, doc, tags, vocab, find_matches(doc, vocab))


def analyse_article(article: Article, vocab: Vocabulary) -> tuple[list[Tag], list[Finding]]:
    """Tags and findings of one record, laying out and matching its text once (for ingest)."""
    doc = build_document(article)
    matches = find_matches(doc, vocab)
    tags = tag_document(article, doc, vocab, matches)
    return tags, findings_from_document(article, doc, tags, vocab, matches)


def findings_from_document(
    article: Article, doc: Document, tags: Sequence[Tag], vocab: Vocabulary, matches: Matches
) -> list[Finding]:
    """`extract_findings` on a document already laid out and matched."""
    return _findings(article, doc, tags, vocab, matches, early_exit=True)


def _findings(
    article: Article,
    doc: Document,
    tags: Sequence[Tag],
    vocab: Vocabulary,
    matches: Matches,
    *,
    early_exit: bool,
) -> list[Finding]:
    """`findings_from_document`; ``early_exit=False`` is the plain path (for the tests)."""
    design = next((t.value for t in tags if t.dimension == "design"), None)
    if design in NO_FINDING_DESIGNS or not doc.has_abstract:
        return []
    order = vocab.order("intervention")
    interventions = sorted(
        {t.value for t in tags if t.dimension == "intervention"},
        key=lambda v: order.get(v, len(order)),
    )
    if not interventions:
        return []
    units = _conclusion_units(doc, guideline=design == "guideline")
    harmed = design in _CASE_DESIGNS and any(t.dimension == "adverse_event" for t in tags)
    if early_exit and not harmed and not _names_a_cue(doc, units):
        return []  # most records: what follows would find no finding (see `_names_a_cue`)
    conditions: list[str | None] = list(
        dict.fromkeys(t.value for t in tags if t.dimension == "condition")
    ) or [None]
    context = _context(doc) if len(interventions) > 1 else None
    controlled = context is None or is_controlled(context)
    clauses = _read_clauses(doc, units, matches, set(interventions), controlled)
    named = {c for clause in clauses for c in clause.conditions}
    record = _Record(
        pmid=article.pmid,
        design=design,
        clauses=clauses,
        harmed=harmed,
        doc=doc,
        context=context,
    )
    findings: list[Finding] = []
    for intervention in interventions:
        for condition in conditions:
            own = [
                c
                for c in clauses
                if intervention in c.subjects
                and (
                    condition is None
                    or condition in c.conditions
                    or not c.conditions
                    or condition not in named
                )
            ]
            if own:
                findings.extend(_findings_for(record, intervention, condition, own))
    return findings


@dataclass(slots=True)
class _Record:
    """What every finding of one record shares. Whether it is a pilot, sham-controlled,
    and its sample size are read on first use: most records conclude nothing."""

    pmid: int
    design: str | None
    clauses: list[_Clause]
    harmed: bool  # a case report or series of an adverse event
    doc: Document
    context: str | None  # `_context`, when already read
    _pilot: bool | None = None
    _sham: bool | None = None
    _size: tuple[int | None] | None = None

    @property
    def pilot(self) -> bool:
        if self._pilot is None:
            lower = self.doc.lower
            self._pilot = any(
                _PILOT.search(lower, u.start, u.end)
                for u in self.doc.units_with("title", "objective")
                if "pilot" in lower[u.start : u.end] or "feasib" in lower[u.start : u.end]
            )
        return self._pilot

    @property
    def sham(self) -> bool:
        if self._sham is None:
            context = self.context if self.context is not None else _context(self.doc)
            self._sham = is_sham_controlled(context)
        return self._sham

    @property
    def size(self) -> int | None:
        if self._size is None:
            lower = self.doc.lower
            units = self.doc.units_with(*_SIZE_ROLES)
            self._size = (sample_size("\n".join(lower[u.start : u.end] for u in units)),)
        return self._size[0]


def _context(doc: Document) -> str:
    """The lower-cased text of every unit but the background."""
    return " ".join(doc.lower[u.start : u.end] for u in doc.units if u.role != "background")


def _findings_for(
    record: _Record, intervention: str, condition: str | None, own: list[_Clause]
) -> list[Finding]:
    decisive = [c for c in own if c.direction is not None]
    hedged = _hedged(own, decisive[0] if decisive else None)
    weak = any(c.weak for c in own)
    if decisive:
        overall = decisive[0].direction or "inconclusive"
        if overall in ("benefit", "no_benefit") and (
            hedged or record.pilot or (weak and decisive[0].modal)
        ):
            overall = "inconclusive"
    elif record.harmed:
        overall = "harm"
    elif hedged or weak:
        overall = "inconclusive"
    else:
        return []
    qualifiers = {q for c in own for q in c.qualifiers}
    if hedged:
        qualifiers.add("low_certainty")
    if record.sham:
        qualifiers.add("vs_sham")
    if any(c.comparators - {intervention} or len(c.subjects) > 1 for c in own):
        qualifiers.add("vs_active")
    anchor = decisive[0] if decisive else own[0]
    rows: list[tuple[str | None, str, str]] = []
    if not decisive or not decisive[0].outcomes:
        rows.append((None, overall, anchor.sentence))
    for clause in decisive:
        direction = clause.direction or overall
        if overall == "inconclusive" and direction in ("benefit", "no_benefit"):
            direction = "inconclusive"
        for outcome in clause.outcomes:
            if all(row[0] != outcome for row in rows):
                rows.append((outcome, direction if rows else overall, clause.sentence))
    return [
        Finding(
            record.pmid,
            intervention,
            condition,
            outcome,
            _direction(direction),
            record.design,
            sentence,
            tuple(sorted(qualifiers)),
            record.size,
        )
        for outcome, direction, sentence in rows
    ]


def _direction(value: str) -> Direction:
    if value == "benefit":
        return "benefit"
    if value == "no_benefit":
        return "no_benefit"
    if value == "harm":
        return "harm"
    return "inconclusive"


def _hedged(own: list[_Clause], decisive: _Clause | None) -> bool:
    """A strong hedge about this intervention, in general or about the decisive clause's
    outcomes (not one confined to another outcome: "evidence on disability was weak")."""
    for clause in own:
        if not clause.strong:
            continue
        if clause is decisive or decisive is None or not clause.outcomes:
            return True
        if set(clause.outcomes) & set(decisive.outcomes):
            return True
    return False


def _names_a_cue(doc: Document, units: list[Unit]) -> bool:
    """Whether a clause of ``units`` may name a cue. Without one, `read_clause` gives no
    clause a direction nor a hedge, and then `_findings_for` finds nothing unless the record
    is a case of harm. A cue in a clause is a cue in its unit's text (see `split_clauses`),
    so a conclusion whose units name none has no finding (exact, for one scan per unit)."""
    return any(has_cue(doc.lower[u.start : u.end]) for u in units)


def _conclusion_units(doc: Document, *, guideline: bool) -> list[Unit]:
    if guideline:
        units = doc.units_with(*_GUIDELINE_ROLES)
        if units:
            return units
    units = doc.units_with("conclusions")
    if units:
        return units
    results = doc.units_with("results")
    if results:
        return results[-2:]
    return [u for u in doc.units if u.section >= 0][-2:]


def _read_clauses(
    doc: Document, units: list[Unit], matches: Matches, studied: set[str], controlled: bool
) -> list[_Clause]:
    """Split the conclusion into clauses and say what each is about and concludes.

    A clause that names no studied intervention is about the last ones named before it
    (or, at the start, about every studied intervention)."""
    if not units:
        return []
    lo, hi = units[0].start, units[-1].end
    mentions = {
        dim: [m for m, _ in counted_matches(dim, doc, matches) if lo <= m.start < hi]
        for dim in ("intervention", "condition", "outcome")
    }
    clauses: list[_Clause] = []
    carried = frozenset(studied)
    for unit in units:
        sentence = doc.text[unit.start : unit.end]
        for a, b in split_clauses(doc.lower[unit.start : unit.end]):
            start, end = unit.start + a, unit.start + b

            def inside(m: Match, start: int = start, end: int = end) -> bool:
                return start <= m.start < end

            found = [m for m in mentions["intervention"] if inside(m) and m.term in studied]
            subjects, comparators = _roles(doc.lower, start, found)
            if subjects:
                carried = subjects
            elif not comparators:
                subjects = carried
            text = doc.lower[start:end]
            reading = read_clause(text, controlled=controlled)
            clauses.append(
                _Clause(
                    text=text,
                    sentence=sentence,
                    subjects=subjects,
                    comparators=comparators,
                    conditions=frozenset(m.term for m in mentions["condition"] if inside(m)),
                    outcomes=tuple(dict.fromkeys(m.term for m in mentions["outcome"] if inside(m))),
                    direction=reading.direction,
                    strong=reading.strong,
                    weak=reading.weak,
                    modal=reading.modal,
                    qualifiers=frozenset(reading.qualifiers),
                )
            )
    return clauses


def _roles(
    lower: str, clause_start: int, found: list[Match]
) -> tuple[frozenset[str], frozenset[str]]:
    """Which interventions of a clause are its subjects and which only comparators."""
    subjects: set[str] = set()
    comparators: set[str] = set()
    for index, match in enumerate(found):
        is_comparator = index > 0 and _COMPARATOR.search(
            lower, max(clause_start, match.start - 40), match.start
        )
        (comparators if is_comparator else subjects).add(match.term)
    return frozenset(subjects), frozenset(comparators - subjects)
