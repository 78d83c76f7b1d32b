"""Rules I1-I5: is the intervention used or recommended for the condition? (indication).

Claim-checking stage, pure. An indication claim ("usually used for", "recommended as a
first line", "among the most frequent conditions treated") is about practice, not about
whether the treatment works, so it is judged on evidence of use: guidelines that recommend
it (or recommend against it), practice surveys that report its use, and reviews that
describe it for the condition. Trials are cited as neutral: they show that someone tried
it for the condition, not that it is usually used, and their results (an effectiveness
question) never decide. Sets aside retracted records, animal studies and protocols (X1).
Returns a `Verdict`.
"""

from __future__ import annotations

from dataclasses import replace

from evidence.claims.cards import sentence_naming, words_for
from evidence.claims.claim import GRADES, Claim, Grade, Stance, Verdict
from evidence.claims.effectiveness import select_effect
from evidence.claims.inputs import EvidenceBase, EvidenceRecord, Scope
from evidence.claims.rules import Exclusions, Weighed, build_verdict, set_aside, subject_of
from evidence.claims.weighing import describe_designs, weight_of, year_span

__all__ = ["REVIEW_DESIGNS", "USE_DESIGNS", "judge_indication"]

# Reviews describe how an intervention is used for a condition (a systematic review also
# shows that trials keep testing it), not how often or that it is recommended.
REVIEW_DESIGNS = frozenset({"meta_analysis", "systematic_review", "narrative_review"})
# The designs that can say an intervention is used or recommended for a condition.
USE_DESIGNS = REVIEW_DESIGNS | {"guideline", "cross_sectional"}


def _grade(start: int, *, single: bool, inconsistent: bool = False) -> Grade:
    return GRADES[min(start + int(single) + int(inconsistent), len(GRADES) - 1)]


def _found(weighed: list[Weighed]) -> str:
    """'2 guidelines (2019–2023)'."""
    return f"{describe_designs(w.design for w in weighed)} ({year_span(w.year for w in weighed)})"


def _select(
    claim: Claim, evidence: EvidenceBase, scope: Scope, as_of_year: int
) -> tuple[list[Weighed], Exclusions]:
    """Every record that bears on the use of the claim's interventions for its condition.

    Records with a finding on it (as for effectiveness), and guidelines, surveys and
    reviews tagged with the intervention and the condition (narrative reviews and surveys
    of practice seldom state a result). A guideline takes the stance of its findings
    (benefit: it recommends; no benefit or harm: it recommends against; none: it names the
    treatment without a recommendation); surveys and reviews support (they report use);
    every other design is neutral.
    """
    selection = select_effect(claim, evidence, scope, as_of_year)
    out: list[Weighed] = []
    for w in selection.weighed:
        if w.design == "guideline":
            out.append(w)
        elif w.design in USE_DESIGNS:
            out.append(replace(w, stance="supports", note=_USE_NOTE[w.design]))
        else:
            out.append(replace(w, stance="neutral", note=_TRIED_NOTE))
    seen = {w.record.pmid for w in selection.weighed}
    interventions = scope.expand("intervention", claim.intervention)
    conditions = scope.expand("condition", claim.condition) if claim.condition else None
    excluded = selection.excluded
    for record in evidence.about(interventions):
        if record.pmid in seen or not _tagged_for(record, interventions, conditions):
            continue
        reason = set_aside(record)
        if reason is not None:
            excluded = excluded.counted(reason)
        elif record.design in USE_DESIGNS:
            sentence = sentence_naming(
                record,
                words_for(record, "intervention", record.interventions & interventions),
                words_for(record, "condition", record.conditions & (conditions or frozenset())),
            )
            stance: Stance = "neutral" if record.design == "guideline" else "supports"
            note = _USE_NOTE.get(record.design)
            if sentence is None:
                stance, note = "neutral", _UNSHOWN_NOTE
            elif record.design == "guideline":
                note = "Counts neither way: the guideline names it without a recommendation."
            out.append(
                Weighed(
                    record=record,
                    design=record.design,
                    stance=stance,
                    weight=weight_of(record.design, None, record.pub_year, as_of_year),
                    sentence=sentence,
                    has_finding=False,
                    note=note,
                )
            )
    return out, excluded


_USE_NOTE = {
    "meta_analysis": "Agrees: a review of its use for this condition shows that it is used or"
    " studied for it (not how often).",
    "systematic_review": "Agrees: a review of its use for this condition shows that it is used"
    " or studied for it (not how often).",
    "narrative_review": "Agrees: a review that describes its use for this condition (not how"
    " often it is used).",
    "cross_sectional": "Agrees: a survey of practice reports its use.",
}
_TRIED_NOTE = (
    "Counts neither way: a study of it shows that it has been tried for this condition, not"
    " that it is usually used; whether it works is not what this claim asks."
)
_UNSHOWN_NOTE = (
    "Counts neither way: it is tagged with the treatment and the condition, but no sentence of"
    " its title or abstract names the treatment."
)


def _tagged_for(
    record: EvidenceRecord, interventions: frozenset[str], conditions: frozenset[str] | None
) -> bool:
    if not record.interventions & interventions:
        return False
    return conditions is None or bool(record.conditions & conditions)


def judge_indication(
    claim: Claim, evidence: EvidenceBase, scope: Scope, as_of_year: int
) -> Verdict:
    """Rules I1-I5: guidelines, practice surveys and reviews of use; trials never decide."""
    weighed, excluded = _select(claim, evidence, scope, as_of_year)
    subject = subject_of(claim)
    aside = excluded.note()
    guidelines = [w for w in weighed if w.design == "guideline"]
    recommend = [w for w in guidelines if w.stance == "supports"]
    against = [w for w in guidelines if w.stance == "refutes"]
    silent = [w for w in guidelines if w.stance == "neutral"]
    surveys = [w for w in weighed if w.design == "cross_sectional" and w.stance == "supports"]
    reviews = [w for w in weighed if w.design in REVIEW_DESIGNS and w.stance == "supports"]
    tried = [w for w in weighed if w.design not in USE_DESIGNS]
    trials = (
        f"; {_found(tried)} test{'s' if len(tried) == 1 else ''} it, which shows that it has"
        " been tried, not how often it is used"
        if tried
        else "; no study tests it either"
    )
    unsaid = (
        f"; {_found(silent)} name{'s' if len(silent) == 1 else ''} it without a recommendation"
        if silent
        else ""
    )
    used = recommend + surveys
    if against and not used:
        grade = _grade(1, single=len(against) == 1)
        return build_verdict(
            claim,
            "contradicted",
            "I2",
            f"Contradicted ({grade} certainty): {_found(against)} recommend"
            f"{'s' if len(against) == 1 else ''} against {subject}, and no guideline"
            f" recommends it or practice survey reports its use{aside}.",
            weighed,
            grade=grade,
        )
    if used:
        parts = []
        if recommend:
            parts.append(f"{_found(recommend)} recommend{'s' if len(recommend) == 1 else ''} it")
        if surveys:
            parts.append(
                f"{_found(surveys)} of practice report{'s' if len(surveys) == 1 else ''} its use"
            )
        said = " and ".join(parts)
        start = 1 if recommend else 2
        if against:
            grade = _grade(start, single=len(used) == 1, inconsistent=True)
            return build_verdict(
                claim,
                "mixed",
                "I3",
                f"Mixed evidence ({grade} certainty): for {subject}, {said}, but"
                f" {_found(against)} recommend{'s' if len(against) == 1 else ''} against"
                f" it{aside}.",
                weighed,
                grade=grade,
            )
        grade = _grade(start, single=len(used) == 1)
        return build_verdict(
            claim,
            "supported",
            "I5",
            f"Supported ({grade} certainty): for {subject}, {said}{aside}.",
            weighed,
            grade=grade,
        )
    if reviews:
        return build_verdict(
            claim,
            "mixed",
            "I4",
            f"Mixed evidence (very low certainty): {_found(reviews)} describe"
            f"{'s' if len(reviews) == 1 else ''} {subject}, which shows that it is used or"
            f" studied for it, but no guideline or practice survey says that it is"
            f" recommended or how often it is used{unsaid}{aside}.",
            weighed,
            grade="very low",
        )
    return build_verdict(
        claim,
        "insufficient",
        "I1",
        f"Insufficient evidence of use: no guideline, practice survey or review of"
        f" {subject} was found{unsaid}{trials}{aside}.",
        weighed,
        grade="very low",
    )
