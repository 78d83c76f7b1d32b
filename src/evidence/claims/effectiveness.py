"""Rules E1-E7: does the intervention help? (effectiveness, indication, mechanism by outcome).

Claim-checking stage, pure. Reads `EvidenceRecord` findings that match the claim's
intervention, condition (widened by the vocabulary's ``informs``) and outcome; sets aside
retracted records, animal studies and protocols (X1); weighs the rest; and decides on the
strongest level of design that states a result. Returns a `Verdict`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evidence.claims.cards import HEDGE, reads_as, record_sentences
from evidence.claims.claim import Claim, Stance, Verdict
from evidence.claims.inputs import DESIGN_RANK, EvidenceBase, EvidenceRecord, Scope
from evidence.claims.rules import Exclusions, Weighed, build_verdict, set_aside, subject_of
from evidence.claims.weighing import (
    LIMITING_QUALIFIERS,
    Level,
    describe_designs,
    grade_for,
    level_of,
    weight_of,
    year_span,
)
from evidence.models import Finding

__all__ = ["NON_CLINICAL_OUTCOMES", "Selection", "judge_effect", "select_effect", "stance_of"]

# An effectiveness claim with no outcome means any clinical outcome, not these.
NON_CLINICAL_OUTCOMES = frozenset({"adverse_events", "cost", "insurance_coverage"})
_LEVELS: tuple[Level, ...] = ("strong", "moderate", "weak")
_DECISIVE = 2 / 3


def stance_of(direction: str, asserts: str) -> Stance:
    """How a finding's direction bears on what the claim asserts."""
    if direction == "inconclusive":
        return "neutral"
    positive = direction == "benefit"
    if asserts == "no_benefit":
        positive = not positive
    return "supports" if positive else "refutes"


def _condition_ok(finding: Finding, record: EvidenceRecord, wanted: frozenset[str] | None) -> bool:
    if wanted is None:
        return True
    if finding.condition is not None:
        return finding.condition in wanted
    return bool(record.conditions & wanted)


def _outcome_ok(finding: Finding, record: EvidenceRecord, wanted: frozenset[str] | None) -> bool:
    if wanted is None:
        return finding.outcome not in NON_CLINICAL_OUTCOMES
    if finding.outcome is not None:
        return finding.outcome in wanted
    # A finding that names no outcome speaks for the outcomes its record is tagged with.
    return bool(record.outcomes & wanted)


@dataclass(frozen=True, slots=True)
class Selection:
    """The records that state a result on a claim (weighed), those set aside by rule X1,
    and how many more are tagged like the claim but state no result on it."""

    weighed: list[Weighed]
    excluded: Exclusions
    silent: int = 0


def _usable(record: EvidenceRecord) -> bool:
    return not (record.is_retracted or record.is_animal or record.design == "protocol")


def select_effect(claim: Claim, evidence: EvidenceBase, scope: Scope, as_of_year: int) -> Selection:
    """The records whose findings bear on the claim, weighed, and those set aside (X1)."""
    interventions = scope.expand("intervention", claim.intervention)
    conditions = scope.expand("condition", claim.condition) if claim.condition else None
    outcomes = frozenset(claim.outcome) if claim.outcome else None
    groups: dict[int, list[Finding]] = {}
    for intervention in sorted(interventions):
        for record, f in evidence.findings_on(intervention):
            if f.kind != "effect":
                continue  # safety findings weigh on safety and adverse-effect claims
            if _condition_ok(f, record, conditions) and _outcome_ok(f, record, outcomes):
                groups.setdefault(record.pmid, []).append(f)
    out: list[Weighed] = []
    excluded = Exclusions()
    for pmid in sorted(groups):
        record, matching = evidence.records[pmid], groups[pmid]
        design = max((record.design_of(f) for f in matching), key=DESIGN_RANK.__getitem__)
        reason = set_aside(record, design)
        if reason is not None:
            excluded = excluded.counted(reason)
        else:
            out.append(_weigh(record, design, matching, claim.asserts, as_of_year))
    tagged = evidence.tagged("intervention", interventions)
    if conditions is not None:
        tagged &= evidence.tagged("condition", conditions)
    if outcomes is not None:
        tagged &= evidence.tagged("outcome", outcomes)
    silent = sum(1 for p in tagged - groups.keys() if _usable(evidence.records[p]))
    return Selection(out, excluded, silent)


def _weigh(
    record: EvidenceRecord, design: str, matching: Sequence[Finding], asserts: str, as_of_year: int
) -> Weighed:
    stances = [stance_of(f.direction, asserts) for f in matching]
    ups, downs = stances.count("supports"), stances.count("refutes")
    stance: Stance = "supports" if ups > downs else "refutes" if downs > ups else "neutral"
    chosen = [f for f, s in zip(matching, stances, strict=True) if s == stance] or list(matching)
    sizes = [f.sample_size for f in matching if f.sample_size]
    size = max(sizes) if sizes else None
    sentence, note = _card_sentence(record, chosen, stance, ups, downs)
    return Weighed(
        record=record,
        design=design,
        stance=stance,
        weight=weight_of(design, size, record.pub_year, as_of_year),
        sentence=sentence,
        qualifiers=frozenset(q for f in chosen for q in f.qualifiers),
        sample_size=size,
        has_finding=bool(matching),
        note=note,
    )


def _card_sentence(
    record: EvidenceRecord, chosen: Sequence[Finding], stance: Stance, ups: int, downs: int
) -> tuple[str | None, str | None]:
    """The sentence that carries the stance, and a note when it alone does not show it.

    A record counted neither way whose conclusion reads as a result ("pain fell") quotes
    the sentence in which its authors qualify that result ("without a control group, these
    changes cannot be attributed to the treatment"), with the result in the note.
    """
    sentence = chosen[0].sentence if chosen else None
    if stance != "neutral" or sentence is None:
        return sentence, None
    if ups and downs:
        return sentence, "Counts neither way: its findings on this claim point both ways."
    if reads_as(sentence) in (None, "qualified"):
        return sentence, None
    hedge = next((s for s in record_sentences(record) if HEDGE.search(s)), None)
    if hedge is not None and hedge != sentence:
        return hedge, f"Counts neither way: the authors qualify their result, “{sentence}”"
    why = sorted(LIMITING_QUALIFIERS.get(q, "") for f in chosen for q in f.qualifiers)
    said = f" ({', '.join(dict.fromkeys(w for w in why if w))})" if any(why) else ""
    return sentence, (
        "Counts neither way: the result is read as inconclusive"
        f"{said}, not as evidence for or against the claim."
    )


def judge_effect(claim: Claim, selection: Selection) -> Verdict:
    """Rules E1-E7 on the records chosen by `select_effect`."""
    subject = subject_of(claim)
    weighed = stated = selection.weighed
    aside = selection.excluded.note()
    if not stated:
        n = selection.silent
        searched = (
            (
                f"; {n} record{'s are' if n != 1 else ' is'} tagged with it but"
                f" state{'' if n != 1 else 's'} no result"
            )
            if n
            else ""
        )
        return build_verdict(
            claim,
            "insufficient",
            "E1",
            f"Insufficient evidence: no record in the warehouse states a result on"
            f" {subject}{searched}{aside}.",
            weighed,
            grade="very low",
        )
    level = next(lv for lv in _LEVELS if any(level_of(w.design) == lv for w in stated))
    top = [w for w in stated if level_of(w.design) == level]
    found = f"{describe_designs(w.design for w in top)} ({year_span(w.year for w in top)})"
    if level == "weak":
        return build_verdict(
            claim,
            "insufficient",
            "E2",
            f"Insufficient evidence: only weak designs state a result on {subject}: {found};"
            f" no trial or review{aside}.",
            weighed,
            grade="very low",
        )
    neutral = sum(w.weight for w in top if w.stance == "neutral")
    ups = sum(w.weight for w in top if w.stance == "supports")
    downs = sum(w.weight for w in top if w.stance == "refutes")
    if ups + downs == 0:
        return build_verdict(
            claim,
            "insufficient",
            "E3",
            f"Insufficient evidence: the strongest records, {found}, were inconclusive about"
            f" {subject}{aside}.",
            weighed,
            grade="very low",
        )
    sizes = [w.sample_size for w in top]
    imprecise = len(top) == 1 or (
        all(n is not None for n in sizes) and sum(n or 0 for n in sizes) < 100
    )
    side = "supports" if ups >= downs else "refutes"
    limits = sorted(
        {q for w in top if w.stance == side for q in w.qualifiers if q in LIMITING_QUALIFIERS}
    )
    grade = grade_for(
        level,
        inconsistent=min(ups, downs) > 0 or neutral > max(ups, downs),
        limited=bool(limits),
        imprecise=imprecise,
    )
    benefit = "a benefit" if claim.asserts != "no_benefit" else "no benefit"
    opposite = "no benefit" if claim.asserts != "no_benefit" else "a benefit"
    if downs >= _DECISIVE * (ups + downs) and downs >= neutral:
        return build_verdict(
            claim,
            "contradicted",
            "E4",
            f"Contradicted ({grade} certainty): the strongest evidence, {found}, found"
            f" {opposite} of {subject}{aside}.",
            weighed,
            grade=grade,
        )
    if ups < _DECISIVE * (ups + downs) or ups < neutral:
        n_up, n_down, n_none = (
            sum(1 for w in top if w.stance == s) for s in ("supports", "refutes", "neutral")
        )
        parts = [f"{n_up} found {benefit} of {subject}"]
        if n_down:
            parts.append(f"{n_down} found {opposite}")
        if n_none:
            parts.append(f"{n_none} {'was' if n_none == 1 else 'were'} inconclusive")
        listed = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
        return build_verdict(
            claim,
            "mixed",
            "E5",
            f"Mixed evidence ({grade} certainty): of the strongest records, {found},"
            f" {listed}{aside}.",
            weighed,
            grade=grade,
        )
    unlimited = [
        w for w in top if w.stance == "supports" and not (w.qualifiers & LIMITING_QUALIFIERS.keys())
    ]
    if not unlimited:
        only = " or ".join(LIMITING_QUALIFIERS[q] for q in limits)
        return build_verdict(
            claim,
            "mixed",
            "E6",
            f"Mixed evidence ({grade} certainty): the strongest evidence, {found}, found"
            f" {benefit} of {subject}, but only {only}{aside}.",
            weighed,
            grade=grade,
        )
    return build_verdict(
        claim,
        "supported",
        "E7",
        f"Supported ({grade} certainty): the strongest evidence, {found}, found {benefit} of"
        f" {subject}{aside}.",
        weighed,
        grade=grade,
    )
