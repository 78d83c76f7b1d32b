"""Rules A1-A3 (adverse_effect: can it cause this event?) and S1-S4 (safety: is it safe?).

Claim-checking stage, pure. Reads the safety literature of the claim's interventions: the
records tagged with an adverse event, with the outcome ``adverse_events``, or with a
finding of harm; sets aside retracted records, animal studies and protocols (X1). Case
reports and surveys establish that an event occurs. Whether the intervention is safe is
decided by seriousness and frequency: surveys, trials, cohorts and reviews that report
only minor events (or none) support it, serious events reported anywhere (a case report
included) keep it at `mixed`, and only serious events in most of the strongest studies
contradict it. Returns a `Verdict`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from evidence.claims.cards import names_any, sentence_naming, words_for
from evidence.claims.claim import GRADES, Claim, Stance, Verdict, VerdictLabel
from evidence.claims.inputs import EvidenceBase, EvidenceRecord, Scope
from evidence.claims.rules import Exclusions, Weighed, any_of, build_verdict, label, set_aside
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
    "SERIOUS_COMPLICATION",
    "SERIOUS_EVENTS",
    "SafetyReading",
    "harm_level_of",
    "judge_adverse_effect",
    "judge_safety",
    "read_safety",
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
# What a serious safety finding that names no event of the vocabulary reported.
SERIOUS_COMPLICATION = "serious_complication"
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
    excluded = Exclusions()
    for record in evidence.about(interventions, within=evidence.safety):
        if not (
            record.adverse_events
            or "adverse_events" in record.outcomes
            or _harm_findings(record, interventions)
        ):
            continue
        reason = set_aside(record)
        if reason is not None:
            excluded = excluded.counted(reason)
        else:
            out.append(record)
    return out, excluded


def _event_sentence(
    record: EvidenceRecord, findings: list[Finding], events: Iterable[str]
) -> str | None:
    """The record's own sentence that names one of ``events``: a finding's sentence that
    names it (its safety findings on the event first), else the first sentence of its
    abstract or title that holds the words the tagger matched or the event's name."""
    wanted = set(events)
    words = words_for(record, "adverse_event", sorted(wanted))
    ranked = sorted(findings, key=lambda f: (not set(f.events) & wanted, f.kind != "safety"))
    for f in ranked:
        if f.sentence and names_any(f.sentence, words):
            return f.sentence
    return sentence_naming(record, words)


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
    sentence = _event_sentence(record, harms, events)
    note = None
    if sentence is None:
        # The card cannot show that the record reports the event: it does not count.
        stance = "neutral"
        note = (
            f"Counts neither way: the record is tagged with {any_of(sorted(events))} (from its"
            " index terms), but no sentence of its title or abstract names it."
        )
    return Weighed(
        record=record,
        design=record.design,
        stance=stance,
        weight=weight_of(record.design, size, record.pub_year, as_of_year),
        sentence=sentence,
        sample_size=size,
        has_finding=bool(harms),
        events=events,
        note=note,
    )


def judge_adverse_effect(
    claim: Claim, evidence: EvidenceBase, scope: Scope, as_of_year: int
) -> Verdict:
    """Rules A1-A3: is the event reported after the intervention, and by what designs?"""
    records, excluded = safety_records(claim, evidence, scope)
    wanted = scope.expand("adverse_event", claim.adverse_event)
    stance: Stance = "supports" if claim.asserts == "occurs" else "refutes"
    cited = [
        _cite(r, stance, claim, scope, frozenset(r.adverse_events.keys() & wanted), as_of_year)
        for r in records
        if r.adverse_events.keys() & wanted
    ]
    # only records with a sentence that names the event count (the others are cited neutral)
    reporting = [w for w in cited if w.stance != "neutral"]
    event = " or ".join(label(e) for e in claim.adverse_event)
    treatment = " or ".join(label(i) for i in claim.intervention)
    aside = excluded.note()
    if not reporting:
        unshown = (
            f"; {len(cited)} {'is' if len(cited) == 1 else 'are'} tagged with it but no"
            f" sentence of {'its' if len(cited) == 1 else 'their'} title or abstract names it"
            if cited
            else ""
        )
        return build_verdict(
            claim,
            "insufficient",
            "A3",
            f"Insufficient evidence: none of the {len(records)} safety records on {treatment}"
            f" in the warehouse reports {event}{unshown}{aside}.",
            cited,
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
            cited,
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
        cited,
        grade=grade,
    )


@dataclass(frozen=True, slots=True)
class SafetyReading:
    """What one record says about the harms of the claim's interventions.

    ``serious`` are the events it reports as serious: the serious events of the vocabulary
    (`SERIOUS_EVENTS`), or, when a safety finding calls its events serious and none of them
    is one of those (an epidural hematoma), the finding's events (`SERIOUS_COMPLICATION`
    when it names none). ``minor`` are the other events it reports. ``no_harm``: a safety
    finding says that no adverse event occurred. ``harm``: an effect finding of harm, whose
    seriousness is not stated.
    """

    serious: frozenset[str]
    minor: frozenset[str]
    no_harm: bool
    harm: bool
    sentence: str | None
    sample_size: int | None
    has_finding: bool

    @property
    def says_anything(self) -> bool:
        return bool(self.serious or self.minor or self.no_harm or self.harm)


def read_safety(record: EvidenceRecord, interventions: frozenset[str]) -> SafetyReading:
    """The record's safety findings on ``interventions`` and its adverse-event tags."""
    own = [f for f in record.findings if f.intervention in interventions]
    safety = [f for f in own if f.kind == "safety"]
    harms = [f for f in own if f.kind != "safety" and f.direction == "harm"]
    events = set(record.adverse_events) | {e for f in safety for e in f.events}
    serious = events & SERIOUS_EVENTS
    for f in safety:
        if f.seriousness == "serious" and not set(f.events) & SERIOUS_EVENTS:
            serious |= set(f.events) or {SERIOUS_COMPLICATION}
    no_harm = any(f.direction == "no_harm" for f in safety) and not events
    # the sentence that carries the stance: the one that names a serious event first, then
    # any safety finding's (minor events, or none), then one that names a tagged event
    sentence: str | None = None
    if serious:
        sentence = next(
            (f.sentence for f in safety if f.seriousness == "serious" and f.sentence), None
        ) or _event_sentence(record, [*safety, *harms], serious)
    elif safety:
        ranked = sorted(safety, key=lambda f: f.direction == "no_harm" and bool(events))
        sentence = ranked[0].sentence
    elif harms:
        sentence = harms[0].sentence
    elif events:
        sentence = _event_sentence(record, [], events)
    sizes = [f.sample_size for f in (*safety, *harms) if f.sample_size]
    return SafetyReading(
        serious=frozenset(serious),
        minor=frozenset(events - serious),
        no_harm=no_harm,
        harm=bool(harms),
        sentence=sentence,
        sample_size=max(sizes) if sizes else None,
        has_finding=bool(safety or harms),
    )


def _unshown_note(reading: SafetyReading) -> str | None:
    """Why a record that reads as saying something about harms counts neither way: no
    sentence of it shows what it was tagged with."""
    if reading.sentence is not None or not reading.says_anything:
        return None
    named = any_of(sorted(reading.serious | reading.minor)) or "adverse events"
    return (
        f"Counts neither way: the record is tagged with {named} (from its index terms), but"
        " no sentence of its title or abstract names it."
    )


def _participants(weighed: list[Weighed]) -> str:
    """' with 2,345 participants', ' with at least 120 participants' or ''."""
    sizes = [w.sample_size for w in weighed]
    total = sum(n for n in sizes if n)
    if not total:
        return ""
    return f" with {'' if all(sizes) else 'at least '}{total:,} participants"


def judge_safety(claim: Claim, evidence: EvidenceBase, scope: Scope, as_of_year: int) -> Verdict:
    """Rules S1-S4: serious against minor events, and in which designs."""
    records, excluded = safety_records(claim, evidence, scope)
    interventions = scope.expand("intervention", claim.intervention)
    treatment = any_of(claim.intervention)
    aside = excluded.note()
    weighed: list[Weighed] = []
    serious_in: dict[str, list[Weighed]] = {}
    for record in records:
        reading = read_safety(record, interventions)
        counts = record.design in ESTABLISHING_DESIGNS
        note = _unshown_note(reading)
        # Case reports show that an event happened, not how often: a serious one stands
        # against "safe", a minor one says nothing either way. A record none of whose
        # sentences shows what it is tagged with counts neither way.
        stance: Stance = (
            "neutral"
            if note
            else "refutes"
            if reading.serious or (counts and reading.harm)
            else "supports"
            if counts and reading.says_anything
            else "neutral"
        )
        w = Weighed(
            record=record,
            design=record.design,
            stance=stance,
            weight=weight_of(record.design, reading.sample_size, record.pub_year, as_of_year),
            sentence=reading.sentence,
            sample_size=reading.sample_size,
            has_finding=reading.has_finding,
            events=reading.serious | reading.minor,
            note=note,
        )
        weighed.append(w)
        for event in reading.serious if not note else ():
            serious_in.setdefault(event, []).append(w)
    serious_text = "; ".join(
        f"{label(e)} in {describe_designs(w.design for w in serious_in[e])}"
        # the vocabulary's serious events first, then those a record calls serious
        for e in sorted(serious_in, key=lambda e: (e not in SERIOUS_EVENTS, e))
    )
    counted = [w for w in weighed if w.design in ESTABLISHING_DESIGNS and w.stance != "neutral"]
    if not counted:
        others = [w for w in weighed if w.stance != "neutral" or w.events]
        if serious_in:
            cases = (
                f"; serious events are reported ({serious_text}), which shows that they can"
                " occur, not how often"
            )
        elif others:
            cases = f"; {describe_designs(w.design for w in others)} report minor events only"
        else:
            cases = ""
        return build_verdict(
            claim,
            "insufficient",
            "S1",
            f"Insufficient evidence: no survey, trial, cohort or review in the warehouse"
            f" reports how often adverse events of {treatment} occur{cases}{aside}.",
            weighed,
            grade="very low",
        )
    level = next(lv for lv in _LEVELS if any(harm_level_of(w.design) == lv for w in counted))
    top = [w for w in counted if harm_level_of(w.design) == level]
    ups = sum(w.weight for w in top if w.stance == "supports")
    downs = sum(w.weight for w in top if w.stance == "refutes")
    imprecise = len(top) == 1
    if downs >= 2 / 3 * (ups + downs):
        grade = grade_for(level, inconsistent=ups > 0, limited=False, imprecise=imprecise)
        against = [w for w in top if w.stance == "refutes"]
        named = sorted({e for w in against for e in w.events & serious_in.keys()})
        what = f"serious events ({any_of(named, 'and')})" if named else "harm"
        found = f"{describe_designs(w.design for w in top)} ({year_span(w.year for w in top)})"
        return build_verdict(
            claim,
            "contradicted",
            "S2",
            f"Contradicted ({grade} certainty): {len(against)} of the strongest records,"
            f" {found}, report {what} after {treatment}{aside}.",
            weighed,
            grade=grade,
        )
    safe = [w for w in counted if w.stance == "supports"]
    minor = sorted({e for w in safe for e in w.events})
    minor_text = ", ".join(label(e) for e in minor)
    reported = (
        f"only minor adverse events of {treatment} ({minor_text}), or none,"
        if minor
        else f"no adverse events of {treatment},"
    )
    safe_text = (
        f"{describe_designs(w.design for w in safe)} ({year_span(w.year for w in safe)})"
        f"{_participants(safe)} report {reported}"
    )
    if serious_in:
        grade = grade_for(level, inconsistent=True, limited=False, imprecise=imprecise)
        return build_verdict(
            claim,
            "mixed",
            "S3",
            f"Mixed evidence ({grade} certainty): {safe_text} but serious events are"
            f" reported ({serious_text}){aside}.",
            weighed,
            grade=grade,
        )
    grade = grade_for(level, inconsistent=False, limited=False, imprecise=imprecise)
    return build_verdict(
        claim,
        "supported",
        "S4",
        f"Supported ({grade} certainty): {safe_text} and no record reports a serious event{aside}.",
        weighed,
        grade=grade,
    )
