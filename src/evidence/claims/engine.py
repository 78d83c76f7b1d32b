"""The verdict engine: claims + evidence records + reference data → verdicts (pure).

Claim-checking stage. Dispatches each claim to the rules of its kind (docs/verdict-rules.md):
effectiveness to E1-E7, indication to I1-I5, adverse_effect to A1-A3, safety to S1-S4,
coverage to V1-V3, definition and mechanism to D1-D3. Reads nothing and writes nothing;
the year used for recency is passed in so that results do not depend on the clock.
`RULES_VERSION` is recorded with every check run, so that the verdict history can tell a
verdict changed by new evidence from one changed by new rules.
"""

from __future__ import annotations

from collections.abc import Iterable

from evidence.claims.claim import Claim, Verdict
from evidence.claims.effectiveness import judge_effect, select_effect
from evidence.claims.harms import judge_adverse_effect, judge_safety
from evidence.claims.indication import judge_indication
from evidence.claims.inputs import EvidenceBase
from evidence.claims.reference import ReferenceData
from evidence.claims.statements import judge_coverage, judge_statement

__all__ = ["RULES_VERSION", "judge_claim", "judge_claims"]

# Bump whenever a change can alter a verdict, grade or citation on the same evidence: a rule,
# a threshold, a weight, the grading, the selection of records, or the reference data's
# reading (docs/verdict-rules.md states the current value; a test keeps them equal).
RULES_VERSION = "4"


def judge_claim(
    claim: Claim, evidence: EvidenceBase, reference: ReferenceData, *, as_of_year: int
) -> Verdict:
    """The verdict on one claim by the rules of its kind."""
    if claim.kind == "effectiveness":
        return judge_effect(claim, select_effect(claim, evidence, reference.scope, as_of_year))
    if claim.kind == "indication":
        return judge_indication(claim, evidence, reference.scope, as_of_year)
    if claim.kind == "adverse_effect":
        return judge_adverse_effect(claim, evidence, reference.scope, as_of_year)
    if claim.kind == "safety":
        return judge_safety(claim, evidence, reference.scope, as_of_year)
    if claim.kind == "coverage":
        return judge_coverage(claim, evidence, reference, as_of_year)
    return judge_statement(claim, evidence, reference, as_of_year)


def judge_claims(
    claims: Iterable[Claim],
    evidence: EvidenceBase,
    reference: ReferenceData,
    *,
    as_of_year: int,
) -> tuple[Verdict, ...]:
    """A verdict per claim, in the claims' order."""
    return tuple(judge_claim(c, evidence, reference, as_of_year=as_of_year) for c in claims)
