"""Rules D1-D3 (definition, mechanism) and V1-V3 (coverage): claims that PubMed findings
rarely settle, checked against reference data (pure).

Claim-checking stage. Definitions and mechanisms are matched against the conflict patterns
of the reference definitions (``data/vocab/definitions.yaml``); a mechanism that names an
outcome is judged on findings about that outcome when there are any (D2, rules E1-E7).
Coverage is read from the payer policy table (``data/coverage/payer-policies.csv``), then
from the literature on insurance coverage. Returns a `Verdict`.
"""

from __future__ import annotations

from evidence.claims.effectiveness import judge_effect, select_effect
from evidence.claims.inputs import EvidenceBase
from evidence.claims.model import Claim, Verdict, VerdictLabel
from evidence.claims.reference import PayerPolicy, ReferenceData
from evidence.claims.rules import Weighed, build_verdict, label
from evidence.claims.weighing import weight_of

__all__ = ["SETTLING_SOURCE", "judge_coverage", "judge_statement"]

SETTLING_SOURCE = (
    "a payer's coverage policy (for the U.S., a Medicare national or local coverage"
    " determination, or a private insurer's medical policy) would settle it"
)
_COVERS = {
    "covered": "covers",
    "not_covered": "does not cover",
    "conditional": "covers only under conditions",
}


def judge_statement(
    claim: Claim, evidence: EvidenceBase, reference: ReferenceData, as_of_year: int
) -> Verdict:
    """Rules D1-D3 for definition and mechanism claims."""
    conflicts = []
    for intervention in claim.intervention:
        definition = reference.definitions.get(intervention)
        if definition is None:
            continue
        for conflict in definition.conflicts:
            if conflict.pattern.search(claim.text):
                conflicts.append(
                    f"{label(intervention)} — {conflict.reason} (reference: {definition.source})"
                )
                break
    if conflicts:
        return build_verdict(
            claim,
            "contradicted",
            "D1",
            "Contradicted: the claim conflicts with the reference definition of "
            + "; of ".join(conflicts)
            + ".",
            [],
            grade=None,
        )
    if claim.kind == "mechanism" and claim.outcome:
        selection = select_effect(claim, evidence, reference.scope, as_of_year)
        if selection.weighed:
            return judge_effect(claim, selection)
    known = [i for i in claim.intervention if i in reference.definitions]
    missing = [label(i) for i in claim.intervention if i not in reference.definitions]
    checked = (
        "it does not conflict with the reference definition of "
        + " or ".join(f"{label(i)} ({reference.definitions[i].source})" for i in known)
        if known
        else "no reference definition is kept for it"
    )
    if missing and known:
        checked += f", and none is kept for {' or '.join(missing)}"
    outcome = (
        f"; no record states a result on {' or '.join(label(o) for o in claim.outcome)}"
        if claim.kind == "mechanism" and claim.outcome
        else ""
    )
    return build_verdict(
        claim,
        "not_assessable",
        "D3",
        f"Not assessable: PubMed findings do not check a {claim.kind} statement like this;"
        f" {checked}{outcome}.",
        [],
        grade=None,
    )


def _policy_text(policy: PayerPolicy) -> str:
    checked = "" if policy.url_checked else ", address not re-checked"
    conditions = f" ({policy.conditions})" if policy.conditions else ""
    return (
        f"{policy.payer} ({policy.country}) {_COVERS[policy.coverage]}"
        f" {label(policy.intervention)}{conditions}, per its policy of"
        f" {policy.policy_date.isoformat()} at {policy.source_url}{checked}"
    )


def judge_coverage(
    claim: Claim, evidence: EvidenceBase, reference: ReferenceData, as_of_year: int
) -> Verdict:
    """Rules V1-V3: the payer policy table first, then the literature on coverage."""
    interventions = reference.scope.expand("intervention", claim.intervention)
    policies = [p for p in reference.policies if p.intervention in interventions]
    literature = [
        Weighed(
            record=r,
            design=r.design,
            stance="neutral",
            weight=weight_of(r.design, None, r.pub_year, as_of_year),
            sentence=next(
                (f.sentence for f in r.findings if f.outcome == "insurance_coverage"), None
            ),
            has_finding=any(f.outcome == "insurance_coverage" for f in r.findings),
        )
        for r in evidence.about(interventions, within=evidence.coverage)
        if not r.is_retracted
        and (
            "insurance_coverage" in r.outcomes
            or any(f.outcome == "insurance_coverage" for f in r.findings)
        )
    ]
    treatment = " or ".join(label(i) for i in claim.intervention)
    if policies:
        values = {p.coverage for p in policies}
        verdict: VerdictLabel
        if values == {"covered"}:
            verdict = "supported" if claim.asserts == "covered" else "contradicted"
        elif values == {"not_covered"}:
            verdict = "contradicted" if claim.asserts == "covered" else "supported"
        else:
            verdict = "mixed"
        as_of = max(p.as_of for p in policies).isoformat()
        head = {"supported": "Supported", "contradicted": "Contradicted", "mixed": "Mixed"}
        return build_verdict(
            claim,
            verdict,
            "V1",
            f"{head[verdict]}: per the payer policy table (as of {as_of}), "
            + "; ".join(_policy_text(p) for p in policies)
            + ".",
            literature,
            grade=None,
        )
    if literature:
        return build_verdict(
            claim,
            "insufficient",
            "V2",
            f"Insufficient evidence: {len(literature)}"
            f" record{'s discuss' if len(literature) != 1 else ' discusses'} insurance coverage of"
            f" {treatment}, but coverage is decided by payers, not by studies; {SETTLING_SOURCE}.",
            literature,
            grade=None,
        )
    return build_verdict(
        claim,
        "not_assessable",
        "V3",
        f"Not assessable: PubMed records do not settle insurance coverage and the payer policy"
        f" table has no row for {treatment}; {SETTLING_SOURCE}.",
        [],
        grade=None,
    )
