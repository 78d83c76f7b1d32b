"""The evidence the verdict rules read: one typed record per PubMed record (pure data).

`evidence.claims.warehouse` fills these from the analyst views (``articles``,
``article_tags``, ``findings``); tests build them by hand. `EvidenceBase` indexes the
records by intervention so that judging a claim looks only at the records that can bear on
it, and `Scope` expands claim ids with the vocabulary's ``informs`` relation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from evidence.models import Finding

__all__ = ["DESIGN_RANK", "EvidenceBase", "EvidenceRecord", "Scope", "primary_design"]

# Strength of design, highest first: the order of the issue and of docs/verdict-rules.md.
# Reviews of trials > randomised trials > other controlled designs > observational > single
# cases. A protocol reports no result. Ranks are unique so that the strongest of several
# design tags is always the same one (040_claims.sql's article_design repeats them).
DESIGN_RANK: dict[str, int] = {
    "meta_analysis": 13,
    "systematic_review": 12,
    "rct": 11,
    "controlled_trial": 10,
    "guideline": 9,
    "cohort": 8,
    "case_control": 7,
    "cross_sectional": 6,
    "case_series": 5,
    "narrative_review": 4,
    "other": 3,
    "case_report": 2,
    "protocol": 0,
}


def primary_design(designs: Iterable[str]) -> str:
    """The strongest of a record's design tags; ``other`` when it has none we know.

    A protocol wins over the design it announces: it has no results (as in the design
    vocabulary's precedence, and in the ``article_design`` view).
    """
    known = [d for d in designs if d in DESIGN_RANK]
    if "protocol" in known:
        return "protocol"
    return max(known, key=DESIGN_RANK.__getitem__) if known else "other"


@dataclass(frozen=True, slots=True)
class EvidenceRecord:
    """What the verdict rules need to know about one PubMed record.

    ``adverse_events`` maps each adverse-event id tagged on the record to the words that
    matched (for citations). ``is_animal`` is true for records tagged ``animal`` and not
    ``human``. ``abstract`` holds the texts of its abstract's sections and ``tag_words``
    the words each tag matched, by (dimension, value): the evidence cards quote the
    record's own sentence that names what it was tagged with.
    """

    pmid: int
    title: str | None = None
    pub_year: int | None = None
    journal: str | None = None
    is_retracted: bool = False
    design: str = "other"
    is_animal: bool = False
    interventions: frozenset[str] = frozenset()
    conditions: frozenset[str] = frozenset()
    outcomes: frozenset[str] = frozenset()
    adverse_events: Mapping[str, str] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    abstract: tuple[str, ...] = ()
    tag_words: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    def design_of(self, finding: Finding) -> str:
        """The design a finding speaks with: the record's design tag, or the finding's own
        when the record has none we know (``other``)."""
        if self.design != "other" or finding.design not in DESIGN_RANK:
            return self.design
        return finding.design or self.design


class EvidenceBase:
    """Records by PMID, with the indexes the rules look records up by.

    Built once per check: findings by intervention, PMIDs by tag (intervention, condition,
    outcome), and the PMIDs of the safety and coverage literature, so that judging a claim
    touches only the records that can bear on it.
    """

    __slots__ = ("_about", "_findings", "_tagged", "coverage", "records", "safety")

    def __init__(self, records: Iterable[EvidenceRecord]) -> None:
        self.records: dict[int, EvidenceRecord] = {r.pmid: r for r in records}
        about: defaultdict[str, set[int]] = defaultdict(set)
        found: defaultdict[str, list[tuple[EvidenceRecord, Finding]]] = defaultdict(list)
        tagged: dict[str, defaultdict[str, set[int]]] = {
            d: defaultdict(set) for d in ("intervention", "condition", "outcome")
        }
        self.safety: set[int] = set()
        self.coverage: set[int] = set()
        for pmid in sorted(self.records):
            record = self.records[pmid]
            for dimension, values in (
                ("intervention", record.interventions),
                ("condition", record.conditions),
                ("outcome", record.outcomes),
            ):
                for value in values:
                    tagged[dimension][value].add(pmid)
            for value in record.interventions:
                about[value].add(pmid)
            for finding in record.findings:
                about[finding.intervention].add(pmid)
                found[finding.intervention].append((record, finding))
                if finding.outcome == "adverse_events" or finding.direction == "harm":
                    self.safety.add(pmid)
                if finding.outcome == "insurance_coverage":
                    self.coverage.add(pmid)
            if record.adverse_events or "adverse_events" in record.outcomes:
                self.safety.add(pmid)
            if "insurance_coverage" in record.outcomes:
                self.coverage.add(pmid)
        self._about = dict(about)
        self._findings = dict(found)
        self._tagged = tagged

    def __len__(self) -> int:
        return len(self.records)

    def pmids_about(self, interventions: Iterable[str]) -> set[int]:
        """PMIDs tagged with, or concluding on, any of these interventions."""
        out: set[int] = set()
        for value in interventions:
            out |= self._about.get(value, set())
        return out

    def about(
        self, interventions: Iterable[str], within: set[int] | None = None
    ) -> list[EvidenceRecord]:
        """Records tagged with, or concluding on, any of these interventions (and in
        ``within`` when given), by PMID."""
        pmids = self.pmids_about(interventions)
        if within is not None:
            pmids &= within
        return [self.records[p] for p in sorted(pmids)]

    def findings_on(self, intervention: str) -> list[tuple[EvidenceRecord, Finding]]:
        """Every finding on an intervention, with its record, by PMID."""
        return self._findings.get(intervention, [])

    def tagged(self, dimension: str, values: Iterable[str]) -> set[int]:
        """PMIDs tagged with any of ``values`` in ``dimension`` (intervention, condition,
        outcome)."""
        index = self._tagged[dimension]
        out: set[int] = set()
        for value in values:
            out |= index.get(value, set())
        return out


@dataclass(frozen=True, slots=True)
class Scope:
    """The vocabulary's ``informs`` relation: evidence about a term also informs claims
    about the terms it lists (one level, one way).

    >>> Scope({"condition": {"herniated_disc": ("radiculopathy",)}}).expand(
    ...     "condition", ("radiculopathy",))
    frozenset({'herniated_disc', 'radiculopathy'})
    """

    informs: Mapping[str, Mapping[str, Iterable[str]]] = field(default_factory=dict)

    def expand(self, dimension: str, ids: Iterable[str]) -> frozenset[str]:
        """These ids plus every id whose evidence informs one of them."""
        wanted = set(ids)
        out = set(wanted)
        for source, targets in self.informs.get(dimension, {}).items():
            if wanted.intersection(targets):
                out.add(source)
        return frozenset(out)
