"""Rules X1 and E1-E7 on hand-built (synthetic) evidence: one test per rule, plus the
selection of records by condition, outcome and the vocabulary's `informs`."""

from __future__ import annotations

import pytest
from claim_builders import claim, finding, judge, record

from evidence.claims.inputs import Scope
from evidence.claims.reference import ReferenceData

LBP = claim(condition=["low_back_pain"], outcome=["pain"])


def test_e1_no_record_states_a_result() -> None:
    tagged_only = record(
        1, interventions=["dry_needling"], conditions=["low_back_pain"], outcomes=["pain"]
    )
    retracted = record(
        2,
        interventions=["dry_needling"],
        conditions=["low_back_pain"],
        outcomes=["pain"],
        retracted=True,
    )
    v = judge(LBP, tagged_only, retracted)
    assert (v.verdict, v.rule, v.grade) == ("insufficient", "E1", "very low")
    assert v.n_articles == 0 and v.citations == ()  # counted in the summary, not cited
    assert "1 record is tagged with it but states no result" in v.summary


def test_e1_when_the_warehouse_has_nothing_on_the_intervention() -> None:
    other = record(
        1, finding("benefit", intervention="acupuncture", condition="low_back_pain", outcome="pain")
    )
    v = judge(LBP, other)
    assert (v.verdict, v.rule, v.n_articles) == ("insufficient", "E1", 0)


def test_e2_only_weak_designs() -> None:
    v = judge(
        LBP,
        record(
            1, finding("benefit", condition="low_back_pain", outcome="pain"), design="case_report"
        ),
        record(
            2, finding("benefit", condition="low_back_pain", outcome="pain"), design="case_series"
        ),
    )
    assert (v.verdict, v.rule) == ("insufficient", "E2")
    assert "1 case series and 1 case report" in v.summary
    assert v.n_supporting == 2


def test_e3_strongest_records_all_inconclusive_even_with_weak_support() -> None:
    v = judge(
        LBP,
        record(
            1,
            finding("inconclusive", condition="low_back_pain", outcome="pain"),
            design="systematic_review",
        ),
        record(2, finding("benefit", condition="low_back_pain", outcome="pain"), design="cohort"),
    )
    assert (v.verdict, v.rule) == ("insufficient", "E3")


def test_e4_strong_null_findings_contradict_and_outrank_weaker_support() -> None:
    v = judge(
        LBP,
        record(1, finding("no_benefit", condition="low_back_pain", outcome="pain", n=220)),
        record(2, finding("no_benefit", condition="low_back_pain", outcome="pain", n=90)),
        record(3, finding("benefit", condition="low_back_pain", outcome="pain"), design="cohort"),
        record(
            4, finding("benefit", condition="low_back_pain", outcome="pain"), design="case_report"
        ),
    )
    assert (v.verdict, v.rule, v.grade) == ("contradicted", "E4", "high")
    assert "2 randomised trials" in v.summary and "found no benefit" in v.summary
    assert (v.n_supporting, v.n_refuting) == (2, 2)


def test_e5_similar_strength_both_ways() -> None:
    v = judge(
        LBP,
        record(1, finding("benefit", condition="low_back_pain", outcome="pain", n=120)),
        record(2, finding("no_benefit", condition="low_back_pain", outcome="pain", n=120)),
    )
    assert (v.verdict, v.rule) == ("mixed", "E5")
    assert v.grade == "moderate"  # high, one step down for inconsistency


def test_e5_when_inconclusive_reviews_outweigh_the_agreeing_trial() -> None:
    v = judge(
        LBP,
        record(
            1,
            finding("inconclusive", condition="low_back_pain", outcome="pain", n=1000),
            design="meta_analysis",
        ),
        record(2, finding("benefit", condition="low_back_pain", outcome="pain", n=60)),
    )
    assert (v.verdict, v.rule) == ("mixed", "E5")
    assert "1 was inconclusive" in v.summary


@pytest.mark.parametrize(
    ("qualifier", "words"),
    [
        ("short_term", "in the short term"),
        ("low_certainty", "with low-certainty evidence"),
        ("combined_treatment", "combined with other treatments"),
    ],
)
def test_e6_agreement_only_in_part(qualifier: str, words: str) -> None:
    v = judge(
        LBP,
        record(
            1,
            finding(
                "benefit",
                condition="low_back_pain",
                outcome="pain",
                qualifiers=[qualifier, "vs_sham"],
                n=400,
            ),
            design="meta_analysis",
        ),
    )
    assert (v.verdict, v.rule) == ("mixed", "E6")
    assert words in v.summary
    assert v.grade == "low"  # high, down for limitations and for a single record


def test_e7_supported_by_the_strongest_evidence() -> None:
    v = judge(
        LBP,
        record(
            1,
            finding("benefit", condition="low_back_pain", outcome="pain", n=900),
            design="meta_analysis",
        ),
        record(
            2,
            finding(
                "benefit",
                condition="low_back_pain",
                outcome="pain",
                qualifiers=["short_term"],
                n=150,
            ),
        ),
        record(
            3,
            finding("no_benefit", condition="low_back_pain", outcome="pain", n=40),
            design="controlled_trial",
        ),
    )
    assert (v.verdict, v.rule) == ("supported", "E7")
    assert v.grade == "moderate"  # high, down for the short-term limitation of a supporter
    assert [c.pmid for c in v.citations][:2] == [1, 2]  # heaviest first
    assert v.citations[0].weight > v.citations[1].weight > v.citations[2].weight


def test_asserting_no_benefit_turns_the_stances_around() -> None:
    no_effect = claim(condition=["low_back_pain"], outcome=["pain"], asserts="no_benefit")
    v = judge(
        no_effect,
        record(1, finding("no_benefit", condition="low_back_pain", outcome="pain", n=300)),
        record(2, finding("no_benefit", condition="low_back_pain", outcome="pain", n=300)),
    )
    assert (v.verdict, v.rule, v.n_supporting) == ("supported", "E7", 2)


def test_x1_retracted_animal_and_protocol_records_are_set_aside() -> None:
    good_looking = finding("benefit", condition="low_back_pain", outcome="pain", n=500)
    v = judge(
        LBP,
        record(1, good_looking, retracted=True),
        record(2, good_looking, animal=True),
        record(3, good_looking, design="protocol"),
        record(
            4, finding("benefit", condition="low_back_pain", outcome="pain"), design="case_report"
        ),
    )
    assert v.verdict == "insufficient" and v.rule == "E2"
    assert "1 retracted record, 1 animal study, 1 trial protocol" in v.summary
    assert [c.pmid for c in v.citations] == [4]


def test_a_finding_counts_for_its_records_outcome_tags_only() -> None:
    blood_flow = claim("mechanism", intervention=["therapeutic_ultrasound"], outcome=["blood_flow"])
    unrelated = record(
        1,
        finding(
            "benefit", intervention="therapeutic_ultrasound", condition="carpal_tunnel_syndrome"
        ),
    )
    measured = record(
        2, finding("no_benefit", intervention="therapeutic_ultrasound"), outcomes=["blood_flow"]
    )
    v = judge(blood_flow, unrelated, measured)
    assert (v.verdict, v.rule) == ("contradicted", "E4")
    assert [c.pmid for c in v.citations] == [2]


def test_a_claim_without_outcome_ignores_adverse_event_findings() -> None:
    effective = claim()
    v = judge(
        effective,
        record(1, finding("harm", outcome="adverse_events")),
        record(2, finding("benefit", outcome="pain")),
    )
    assert (v.verdict, v.n_refuting) == ("supported", 0)


HERNIA_INFORMS = Scope({"condition": {"herniated_disc": ("radiculopathy",)}})


def test_informs_widens_a_claim_to_the_conditions_that_inform_it() -> None:
    radiculopathy = claim(condition=["radiculopathy"])
    v = judge(
        radiculopathy,
        record(
            1, finding("benefit", condition="herniated_disc", n=300), design="systematic_review"
        ),
        scope=HERNIA_INFORMS,
    )
    assert (v.verdict, v.n_supporting) == ("supported", 1)


def test_informs_is_one_way() -> None:
    hernia = claim(condition=["herniated_disc"])
    v = judge(
        hernia,
        record(1, finding("benefit", condition="radiculopathy", n=300), design="systematic_review"),
        scope=HERNIA_INFORMS,
    )
    assert (v.verdict, v.rule) == ("insufficient", "E1")


def test_the_project_vocabulary_says_herniated_disc_informs_radiculopathy(
    reference: ReferenceData,
) -> None:
    assert "herniated_disc" in reference.scope.expand("condition", ["radiculopathy"])
    assert reference.scope.expand("condition", ["herniated_disc"]) == {"herniated_disc"}
