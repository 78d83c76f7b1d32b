"""Small builders for hand-made claims and evidence records (synthetic, for the engine tests)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from evidence.claims.claim import ASSERTS, Claim, Kind, Verdict
from evidence.claims.engine import judge_claim
from evidence.claims.inputs import EvidenceBase, EvidenceRecord, Scope
from evidence.claims.reference import ReferenceData
from evidence.models import SERIOUS_EVENTS, Direction, Finding

AS_OF = 2026
REPO = Path(__file__).resolve().parents[3]
SEED_CLAIMS = REPO / "data" / "claims" / "trigger-point-article.yaml"


def claim(
    kind: Kind = "effectiveness",
    *,
    intervention: Iterable[str] = ("dry_needling",),
    condition: Iterable[str] = (),
    outcome: Iterable[str] = (),
    adverse_event: Iterable[str] = (),
    asserts: str | None = None,
    text: str = "A synthetic claim.",
    id: str = "C01",
) -> Claim:
    return Claim(
        id=id,
        text=text,
        kind=kind,
        asserts=asserts or ASSERTS[kind][0],
        intervention=tuple(intervention),
        condition=tuple(condition),
        outcome=tuple(outcome),
        adverse_event=tuple(adverse_event),
    )


def finding(
    direction: Direction,
    *,
    intervention: str = "dry_needling",
    condition: str | None = None,
    outcome: str | None = None,
    qualifiers: Iterable[str] = (),
    n: int | None = None,
    design: str | None = None,
    sentence: str | None = None,
) -> Finding:
    return Finding(
        pmid=0,
        intervention=intervention,
        condition=condition,
        outcome=outcome,
        direction=direction,
        design=design,
        sentence=sentence or f"Synthetic conclusion: {direction}.",
        qualifiers=tuple(qualifiers),
        sample_size=n,
    )


def safety_finding(
    direction: Direction = "harm",
    *events: str,
    seriousness: str | None = None,
    intervention: str = "dry_needling",
    n: int | None = None,
    sentence: str | None = None,
) -> Finding:
    """A safety finding (kind ``safety``, outcome ``adverse_events``): the events that
    occurred and their seriousness (serious when one is in SERIOUS_EVENTS, else minor;
    none for ``no_harm``), unless given."""
    if seriousness is None:
        serious = direction == "harm" and bool(set(events) & SERIOUS_EVENTS)
        seriousness = "none" if direction == "no_harm" else "serious" if serious else "minor"
    return Finding(
        pmid=0,
        intervention=intervention,
        condition=None,
        outcome="adverse_events",
        direction=direction,
        design=None,
        sentence=sentence or f"Synthetic safety sentence: {direction} {', '.join(events)}.",
        sample_size=n,
        kind="safety",
        events=tuple(events),
        seriousness=seriousness,
    )


def record(
    pmid: int,
    *findings: Finding,
    design: str = "rct",
    year: int | None = 2022,
    interventions: Iterable[str] | None = None,
    conditions: Iterable[str] = (),
    outcomes: Iterable[str] = (),
    events: Mapping[str, str] | None = None,
    retracted: bool = False,
    animal: bool = False,
    title: str | None = None,
    abstract: Iterable[str] | None = None,
) -> EvidenceRecord:
    """A synthetic record. Its adverse-event tags name words of its abstract, as text tags
    do: unless ``abstract`` is given, it holds one sentence per tagged event's words."""
    if abstract is None:
        abstract = [f"{words}." for words in (events or {}).values()]
    tagged = set(interventions) if interventions is not None else {f.intervention for f in findings}
    return EvidenceRecord(
        pmid=pmid,
        title=title or f"Synthetic record {pmid}",
        pub_year=year,
        journal="Synthetic Demo Journal",
        is_retracted=retracted,
        design=design,
        is_animal=animal,
        interventions=frozenset(tagged),
        conditions=frozenset(conditions),
        outcomes=frozenset(outcomes),
        adverse_events=dict(events or {}),
        findings=tuple(replace(f, pmid=pmid) for f in findings),
        abstract=tuple(abstract),
    )


def judge(
    c: Claim,
    *records: EvidenceRecord,
    reference: ReferenceData | None = None,
    scope: Scope | None = None,
) -> Verdict:
    ref = reference or ReferenceData(scope=scope or Scope())
    return judge_claim(c, EvidenceBase(records), ref, as_of_year=AS_OF)
