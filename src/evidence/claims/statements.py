"""Rules D1-D3 (definition, mechanism) and V1-V3 (coverage): claims that PubMed findings
rarely settle, checked against reference data (pure).

Claim-checking stage. Definitions and mechanisms are matched against the conflict patterns
of the reference definitions (``data/vocab/definitions.yaml``); a mechanism that names an
outcome is judged on findings about that outcome when there are any (D2, rules E1-E7).
Coverage is read from the payer policy table (``data/coverage/payer-policies.csv``), then
from the literature on insurance coverage. Returns a `Verdict`.
"""

from __future__ import annotations

from evidence.claims.cards import names_any, sentence_naming, words_for
from evidence.claims.claim import Claim, Verdict, VerdictLabel
from evidence.claims.effectiveness import judge_effect, select_effect
from evidence.claims.inputs import EvidenceBase, EvidenceRecord
from evidence.claims.reference import PayerPolicy, ReferenceData
from evidence.claims.rules import Weighed, build_verdict, label
from evidence.claims.weighing import weight_of

__all__ = ["SETTLING_SOURCE", "coverage_sentence", "judge_coverage", "judge_statement"]

SETTLING_SOURCE = (
    "a payer's coverage policy (for the U.S., a Medicare national or local coverage"
    " determination, or a private insurer's medical policy) would settle it"
)


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


_POSITIONS: tuple[tuple[str, str], ...] = (
    ("covered", "covered by"),
    ("conditional", "covered only under conditions by"),
    ("not_covered", "not covered by"),
)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def coverage_sentence(policies: list[PayerPolicy], interventions: list[str]) -> str:
    """The payers by position, each with its treatments and row ids, as one clause list.

    "not covered by Medicare (dry needling [cov-02]) and Cigna (dry needling [cov-06]);
    covered only under conditions by Medicare (trigger point injection [cov-03])"; a claim
    intervention without a row is named at the end.
    """
    parts = []
    for position, words in _POSITIONS:
        payers: dict[str, list[str]] = {}
        for p in policies:
            if p.coverage == position:
                payers.setdefault(p.payer, []).append(f"{label(p.intervention)} [{p.id}]")
        if payers:
            parts.append(
                f"{words} " + _join([f"{payer} ({', '.join(t)})" for payer, t in payers.items()])
            )
    missing = [label(i) for i in interventions if all(p.intervention != i for p in policies)]
    if missing:
        parts.append(f"the payer table has no row for {' or '.join(missing)}")
    return "; ".join(parts)


def _row_source(policy: PayerPolicy) -> str:
    codes = f", CPT {'/'.join(policy.codes)}" if policy.codes else ""
    return (
        f"[{policy.id}] {policy.payer}, {policy.policy}{codes}, dated {policy.policy_date},"
        f" read {policy.read_date.isoformat()}: {policy.source_url}"
    )


_COVERAGE_WORDS = ("cover", "insur", "reimburs", "payer", "denied", "medicare", "medicaid")


def _coverage_sentence(record: EvidenceRecord, interventions: frozenset[str]) -> str | None:
    """A coverage finding's sentence, else the record's own sentence that names one of the
    interventions and coverage."""
    found = next((f.sentence for f in record.findings if f.outcome == "insurance_coverage"), None)
    if found:
        return found
    words = words_for(record, "intervention", sorted(interventions))
    sentence = sentence_naming(record, words, _COVERAGE_WORDS)
    return sentence if sentence and names_any(sentence, _COVERAGE_WORDS) else None


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
            sentence=_coverage_sentence(r, interventions),
            has_finding=any(f.outcome == "insurance_coverage" for f in r.findings),
            note="Counts neither way: literature on coverage; the verdict rests on the payer"
            " policy table.",
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
        head = {
            "supported": "Supported",
            "contradicted": "Contradicted",
            "mixed": "Mixed: coverage depends on the payer and the treatment —",
        }
        return build_verdict(
            claim,
            verdict,
            "V1",
            f"{head[verdict]} {coverage_sentence(policies, list(claim.intervention))}."
            f" Rows of data/coverage/payer-policies.csv: "
            + "; ".join(_row_source(p) for p in policies)
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
        "insufficient",
        "V3",
        f"Insufficient evidence: the payer policy table has no row for {treatment} and no"
        f" record discusses its insurance coverage; {SETTLING_SOURCE}.",
        [],
        grade=None,
    )
