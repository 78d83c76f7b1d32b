"""Rules A1-A3 (adverse_effect: can it cause this event?) and S1-S4 (safety: is it safe?).

Claim-checking stage, pure. Reads the safety literature of the claim's interventions: the
records tagged with an adverse event, with the outcome ``adverse_events``, or with a
finding of harm; sets aside retracted records, animal studies and protocols (X1). Case
reports and surveys establish that an event occurs; rates of serious against minor events
in surveys and trials decide whether the intervention is safe. Returns a `Verdict`.
"""

from __future__ import annotations

from evidence.claims.inputs import EvidenceBase, EvidenceRecord, Scope
from evidence.claims.model import GRADES, Claim, Stance, Verdict, VerdictLabel
from evidence.claims.rules import Exclusions, Weighed, build_verdict, label
from evidence.claims.weighing import (
    Level,
    describe_designs,
    grade_for,
    level_of,
    weight_of,
    year_span,
)
from evidence.models import SERIOUS_EVENTS, Finding

__all__ = [
    "ESTABLISHING_DESIGNS",
    "SERIOUS_EVENTS",
    "harm_level_of",
    "judge_adverse_effect",
    "judge_safety",
    "safety_records",
]

# Designs that can establish that an event occurs in practice (not single cases).
ESTABLISHING_DESIGNS = frozenset(
    {
        "meta_analysis",
        "systematic_review",
        "rct",
        "controlled_trial",
        "guideline",
        "cohort",
        "case_control",
        "cross_sectional",
        "case_series",
    }
)
_LEVELS: tuple[Level, ...] = ("strong", "moderate", "weak")
_OCCURS_START: dict[Level, int] = {"strong": 0, "moderate": 1, "weak": 2}


def harm_level_of(design: str) -> Level:
    """As `level_of`, but surveys and case series, the designs that count harms in
    practice, are moderate."""
    return "moderate" if design in ("cross_sectional", "case_series") else level_of(design)


def _harm_findings(record: EvidenceRecord, interventions: frozenset[str]) -> list[Finding]:
    return [
        f
        for f in record.findings
        if f.intervention in interventions
        and (f.outcome == "adverse_events" or f.direction == "harm")
    ]


def safety_records(
    claim: Claim, evidence: EvidenceBase, scope: Scope
) -> tuple[list[EvidenceRecord], Exclusions]:
    """The safety literature of the claim's interventions, and what rule X1 set aside."""
    interventions = scope.expand("intervention", claim.intervention)
    out: list[EvidenceRecord] = []
    retracted = animal = protocol = 0
    for record in evidence.about(interventions, within=evidence.safety):
        if not (
            record.adverse_events
            or "adverse_events" in record.outcomes
            or _harm_findings(record, interventions)
        ):
            continue
        if record.is_retracted:
            retracted += 1
        elif record.is_animal:
            animal += 1
        elif record.design == "protocol":
            protocol += 1
        else:
            out.append(record)
    return out, Exclusions(retracted=retracted, animal=animal, protocol=protocol)


def _cite(
    record: EvidenceRecord,
    stance: Stance,
    claim: Claim,
    scope: Scope,
    events: frozenset[str],
    as_of_year: int,
) -> Weighed:
    interventions = scope.expand("intervention", claim.intervention)
    harms = _harm_findings(record, interventions)
    sizes = [f.sample_size for f in harms if f.sample_size]
    size = max(sizes) if sizes else None
    if harms:
        sentence: str | None = harms[0].sentence
    elif events:
        words = "; ".join(record.adverse_events[e] for e in sorted(events))
        sentence = f"Mentions {', '.join(label(e) for e in sorted(events))}: {words}"
    else:
        sentence = None
    return Weighed(
        record=record,
        design=record.design,
        stance=stance,
        weight=weight_of(record.design, size, record.pub_year, as_of_year),
        sentence=sentence,
        sample_size=size,
        has_finding=bool(harms),
        events=events,
    )


def judge_adverse_effect(
    claim: Claim, evidence: EvidenceBase, scope: Scope, as_of_year: int
) -> Verdict:
    """Rules A1-A3: is the event reported after the intervention, and by what designs?"""
    records, excluded = safety_records(claim, evidence, scope)
    wanted = scope.expand("adverse_event", claim.adverse_event)
    stance: Stance = "supports" if claim.asserts == "occurs" else "refutes"
    reporting = [
        _cite(r, stance, claim, scope, frozenset(r.adverse_events.keys() & wanted), as_of_year)
        for r in records
        if r.adverse_events.keys() & wanted
    ]
    event = " or ".join(label(e) for e in claim.adverse_event)
    treatment = " or ".join(label(i) for i in claim.intervention)
    aside = excluded.note()
    if not reporting:
        return build_verdict(
            claim,
            "insufficient",
            "A3",
            f"Insufficient evidence: none of the {len(records)} safety records on {treatment}"
            f" in the warehouse reports {event}{aside}.",
            [],
            grade="very low",
        )
    found = (
        f"{describe_designs(w.design for w in reporting)} ({year_span(w.year for w in reporting)})"
    )
    establishing = [w for w in reporting if w.design in ESTABLISHING_DESIGNS]
    if not establishing:
        return build_verdict(
            claim,
            "mixed",
            "A2",
            f"Mixed evidence (very low certainty): {event} after {treatment} is reported only"
            f" in {found}; single cases show it can follow treatment, not how often or that"
            f" the treatment caused it{aside}.",
            reporting,
            grade="very low",
        )
    # Certainty that the event occurs (not how often): high from a review or randomised
    # trial, moderate from a survey, cohort or case series; one step down for a single report.
    level = next(lv for lv in _LEVELS if any(harm_level_of(w.design) == lv for w in establishing))
    grade = GRADES[_OCCURS_START[level] + int(len(establishing) == 1)]
    verdict: VerdictLabel = "supported" if claim.asserts == "occurs" else "contradicted"
    head = "Supported" if verdict == "supported" else "Contradicted"
    return build_verdict(
        claim,
        verdict,
        "A1",
        f"{head} ({grade} certainty): {event} after {treatment} is reported in {found}{aside}.",
        reporting,
        grade=grade,
    )


def judge_safety(claim: Claim, evidence: EvidenceBase, scope: Scope, as_of_year: int) -> Verdict:
    """Rules S1-S4: serious against minor events in surveys, trials and reviews."""
    records, excluded = safety_records(claim, evidence, scope)
    interventions = scope.expand("intervention", claim.intervention)
    treatment = " or ".join(label(i) for i in claim.intervention)
    aside = excluded.note()
    weighed: list[Weighed] = []
    for record in records:
        harmful = any(f.direction == "harm" for f in _harm_findings(record, interventions))
        serious = frozenset(record.adverse_events.keys() & SERIOUS_EVENTS)
        stance: Stance = "refutes" if harmful or serious else "supports"
        weighed.append(
            _cite(record, stance, claim, scope, frozenset(record.adverse_events.keys()), as_of_year)
        )
    counted = [w for w in weighed if w.design in ESTABLISHING_DESIGNS]
    if not counted:
        cases = f"; {len(weighed)} case reports or other records do" if weighed else ""
        return build_verdict(
            claim,
            "insufficient",
            "S1",
            f"Insufficient evidence: no survey, trial or review in the warehouse reports"
            f" adverse events of {treatment}{cases}{aside}.",
            weighed,
            grade="very low",
        )
    level = next(lv for lv in _LEVELS if any(harm_level_of(w.design) == lv for w in counted))
    top = [w for w in counted if harm_level_of(w.design) == level]
    found = f"{describe_designs(w.design for w in top)} ({year_span(w.year for w in top)})"
    ups = sum(w.weight for w in top if w.stance == "supports")
    downs = sum(w.weight for w in top if w.stance == "refutes")
    grade = grade_for(
        level, inconsistent=ups > 0 and downs > 0, limited=False, imprecise=len(top) == 1
    )
    harm_found = any(
        f.direction == "harm"
        for w in top
        if w.stance == "refutes"
        for f in _harm_findings(w.record, interventions)
    )
    if downs >= 2 / 3 * (ups + downs) and harm_found:
        return build_verdict(
            claim,
            "contradicted",
            "S2",
            f"Contradicted ({grade} certainty): the strongest evidence, {found}, found harm"
            f" from {treatment}{aside}.",
            weighed,
            grade=grade,
        )
    serious_events = sorted({e for w in counted for e in w.events & SERIOUS_EVENTS})
    minor = sorted({e for w in counted for e in w.events - SERIOUS_EVENTS})
    minor_text = ", ".join(label(e) for e in minor) or "none named"
    if serious_events:
        n = sum(1 for w in counted if w.events & SERIOUS_EVENTS)
        grade = grade_for(level, inconsistent=True, limited=False, imprecise=len(top) == 1)
        return build_verdict(
            claim,
            "mixed",
            "S3",
            f"Mixed evidence ({grade} certainty): {found} report adverse events of {treatment};"
            f" most are minor ({minor_text}), but serious events"
            f" ({', '.join(label(e) for e in serious_events)}) are reported in {n} of"
            f" {len(counted)} surveys, trials or reviews{aside}.",
            weighed,
            grade=grade,
        )
    return build_verdict(
        claim,
        "supported",
        "S4",
        f"Supported ({grade} certainty): {found} report only minor adverse events of"
        f" {treatment} ({minor_text}){aside}.",
        weighed,
        grade=grade,
    )
