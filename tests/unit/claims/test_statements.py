"""Rules D1-D3 (definitions, mechanisms) and V1-V3 (coverage), with the project's reference
definitions and hand-built (synthetic) payer rows and records."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from claim_builders import SEED_CLAIMS, claim, finding, judge, record

from evidence.claims.claims_file import load_claims
from evidence.claims.reference import PayerPolicy, ReferenceData
from evidence.claims.statements import SETTLING_SOURCE
from evidence.tagging import Vocabulary


@pytest.fixture(scope="module")
def seed(vocab: Vocabulary) -> dict[str, object]:
    return {c.id: c for c in load_claims(SEED_CLAIMS, vocab).claims}


@pytest.mark.parametrize(
    ("claim_id", "reason"),
    [
        ("C07", "not a manual (hands-on) technique"),
        ("C08", "no electric current is used to heat tissue"),
        ("C15", 'releasing "energy"'),
        ("C23", "synovial fluid fills joints"),
    ],
)
def test_d1_seed_statements_that_conflict_with_the_definitions(
    seed: dict[str, object], reference: ReferenceData, claim_id: str, reason: str
) -> None:
    v = judge(seed[claim_id], reference=reference)  # type: ignore[arg-type]
    assert (v.verdict, v.rule, v.grade) == ("contradicted", "D1", None)
    assert reason in v.summary and "reference:" in v.summary


@pytest.mark.parametrize("claim_id", ["C01", "C03", "C06", "C24"])
def test_d3_seed_statements_without_conflict_are_not_assessable(
    seed: dict[str, object], reference: ReferenceData, claim_id: str
) -> None:
    v = judge(seed[claim_id], reference=reference)  # type: ignore[arg-type]
    assert (v.verdict, v.rule) == ("not_assessable", "D3")
    assert "does not conflict with the reference definition of trigger point therapy" in v.summary


def test_d1_applies_only_to_the_claims_interventions(reference: ReferenceData) -> None:
    about_massage = claim(
        "definition", intervention=["massage"], text="Manual techniques include dry needling."
    )
    assert judge(about_massage, reference=reference).rule == "D3"


def test_d2_mechanism_with_an_outcome_is_judged_on_its_findings(
    reference: ReferenceData,
) -> None:
    circulation = claim(
        "mechanism",
        intervention=["therapeutic_ultrasound"],
        outcome=["blood_flow"],
        text="Ultrasound increases blood circulation.",
    )
    trial = record(
        1, finding("no_benefit", intervention="therapeutic_ultrasound", outcome="blood_flow", n=40)
    )
    v = judge(circulation, trial, reference=reference)
    assert (v.verdict, v.rule) == ("contradicted", "E4")
    without = judge(circulation, reference=reference)
    assert (without.verdict, without.rule) == ("not_assessable", "D3")
    assert "no record states a result on blood flow" in without.summary


def test_d3_says_when_no_definition_is_kept() -> None:
    v = judge(claim("definition", intervention=["massage"]), reference=ReferenceData())
    assert "no reference definition is kept" in v.summary


def test_definitions_do_not_conflict_with_themselves(reference: ReferenceData) -> None:
    for definition in reference.definitions.values():
        for conflict in definition.conflicts:
            assert not conflict.pattern.search(definition.definition), definition.intervention


CONTRACT_INTERVENTIONS = {
    "trigger_point_therapy",
    "dry_needling",
    "therapeutic_ultrasound",
    "trigger_point_injection",
    "acupuncture",
    "massage",
    "exercise_therapy",
    "shockwave_therapy",
    "electrical_stimulation",
    "laser_therapy",
    "manual_therapy",
}


def test_every_contract_intervention_has_a_definition(
    reference: ReferenceData, vocab: Vocabulary
) -> None:
    assert CONTRACT_INTERVENTIONS <= set(reference.definitions) <= vocab.ids("intervention")


def _policy(coverage: str, **kw: object) -> PayerPolicy:
    """A SYNTHETIC table row (no such payer or policy)."""
    base = PayerPolicy(
        id="cov-01",
        payer="Synthetic Payer",
        policy="Policy 1",
        country="US",
        intervention="dry_needling",
        codes=("20560", "20561"),
        coverage="covered",
        conditions="",
        source_url="https://example.org/p",
        policy_date="2024-01",
        read_date=date(2026, 12, 7),
        rests_on="its section B",
    )
    return replace(base, coverage=coverage, **kw)  # type: ignore[arg-type]


def _rows(*specs: tuple[str, str, str]) -> ReferenceData:
    """Rows cov-01, cov-02, ... of (payer, intervention, coverage)."""
    return ReferenceData(
        policies=tuple(
            _policy(c, id=f"cov-{n:02d}", payer=payer, intervention=i)
            for n, (payer, i, c) in enumerate(specs, start=1)
        )
    )


COVERED = claim("coverage", asserts="covered")


@pytest.mark.parametrize(
    ("coverages", "verdict"),
    [
        (["covered"], "supported"),
        (["covered", "covered"], "supported"),
        (["not_covered"], "contradicted"),
        (["not_covered", "not_covered"], "contradicted"),
        (["conditional"], "mixed"),
        (["covered", "not_covered"], "mixed"),
        (["covered", "conditional", "not_covered"], "mixed"),
    ],
)
def test_v1_the_payer_table_decides(coverages: list[str], verdict: str) -> None:
    ref = _rows(*((f"Payer {n}", "dry_needling", c) for n, c in enumerate(coverages)))
    v = judge(COVERED, reference=ref)
    assert (v.verdict, v.rule, v.grade) == (verdict, "V1", None)
    for n in range(1, len(coverages) + 1):
        assert f"[cov-{n:02d}]" in v.summary
    assert "https://example.org/p" in v.summary and "read 2026-12-07" in v.summary


def test_v1_lists_payers_by_position_in_one_sentence_and_cites_the_rows() -> None:
    ref = _rows(
        ("Payer A", "dry_needling", "not_covered"),
        ("Payer A", "trigger_point_injection", "conditional"),
        ("Payer B", "dry_needling", "not_covered"),
        ("Payer C", "trigger_point_injection", "covered"),
    )
    c = claim(
        "coverage",
        asserts="covered",
        intervention=["trigger_point_therapy", "dry_needling", "trigger_point_injection"],
    )
    v = judge(c, reference=ref)
    assert v.verdict == "mixed"
    sentence, rows = v.summary.split(" Rows of data/coverage/payer-policies.csv: ")
    assert sentence == (
        "Mixed: coverage depends on the payer and the treatment — covered by Payer C"
        " (trigger point injection [cov-04]); covered only under conditions by Payer A"
        " (trigger point injection [cov-02]); not covered by Payer A (dry needling [cov-01])"
        " and Payer B (dry needling [cov-03]); the payer table has no row for trigger point"
        " therapy."
    )
    assert rows.count("https://example.org/p") == 4
    assert "[cov-01] Payer A, Policy 1, CPT 20560/20561, dated 2024-01" in rows


def test_v1_not_covered_supports_a_claim_that_it_is_not_covered() -> None:
    ref = ReferenceData(policies=(_policy("not_covered"),))
    v = judge(claim("coverage", asserts="not_covered"), reference=ref)
    assert v.verdict == "supported"


def test_v1_covered_contradicts_a_claim_that_it_is_not_covered() -> None:
    ref = ReferenceData(policies=(_policy("covered"),))
    v = judge(claim("coverage", asserts="not_covered"), reference=ref)
    assert v.verdict == "contradicted"


def test_v1_ignores_rows_about_other_interventions() -> None:
    ref = ReferenceData(policies=(_policy("covered", intervention="acupuncture"),))
    assert judge(COVERED, reference=ref).rule == "V3"


def test_v2_literature_alone_is_insufficient() -> None:
    survey = record(
        1,
        finding(
            "inconclusive",
            outcome="insurance_coverage",
            sentence="Coverage of dry needling is inconsistent.",
        ),
        design="cross_sectional",
        outcomes=["insurance_coverage"],
    )
    v = judge(COVERED, survey)
    assert (v.verdict, v.rule, v.n_articles) == ("insufficient", "V2", 1)
    assert SETTLING_SOURCE in v.summary
    assert v.citations[0].sentence == "Coverage of dry needling is inconsistent."


def test_v3_no_rows_and_no_literature_is_insufficient() -> None:
    v = judge(COVERED, record(1, finding("benefit", outcome="pain")))
    assert (v.verdict, v.rule, v.grade, v.n_articles) == ("insufficient", "V3", None, 0)
    assert re.search(r"Medicare .* coverage determination", v.summary)
