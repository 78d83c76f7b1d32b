"""Rules I1-I5 (indication: is it used or recommended for the condition?) on hand-built
(synthetic) evidence: guidelines, practice surveys and reviews of use decide; trials never do."""

from __future__ import annotations

from claim_builders import claim, finding, judge, record

from evidence.claims.inputs import EvidenceRecord
from evidence.models import Direction

USED_FOR = claim(
    "indication",
    condition=["tendinopathy"],
    text="Dry needling is usually used to treat tendinitis.",
)


def _guideline(pmid: int, direction: Direction, year: int = 2021) -> EvidenceRecord:
    sentence = {
        "benefit": "Dry needling is recommended for chronic tendinopathy.",
        "no_benefit": "We recommend against dry needling for tendinopathy.",
    }[direction]
    return record(
        pmid,
        finding(direction, condition="tendinopathy", sentence=sentence),
        design="guideline",
        year=year,
        conditions=["tendinopathy"],
    )


def _survey(pmid: int) -> EvidenceRecord:
    # a survey of practice states no result: it is found by its tags
    return record(
        pmid,
        design="cross_sectional",
        interventions=["dry_needling"],
        conditions=["tendinopathy"],
        title="Dry needling in physiotherapy practice: a national survey of its use",
    )


def _trial(pmid: int, direction: Direction = "benefit", n: int = 64) -> EvidenceRecord:
    return record(
        pmid,
        finding(direction, condition="tendinopathy", n=n),
        design="rct",
    )


def test_i5_a_guideline_that_recommends_it_supports_use_whatever_trials_found() -> None:
    v = judge(USED_FOR, _guideline(1, "benefit"), _trial(2, "no_benefit", n=400))
    assert (v.verdict, v.rule, v.grade) == ("supported", "I5", "low")
    assert "1 guideline (2021) recommends it" in v.summary
    assert {c.pmid: c.stance for c in v.citations} == {1: "supports", 2: "neutral"}


def test_i5_a_practice_survey_reports_use() -> None:
    v = judge(USED_FOR, _survey(1), _survey(2), _trial(3))
    assert (v.verdict, v.rule, v.grade) == ("supported", "I5", "low")
    assert "2 surveys (2022) of practice report its use" in v.summary
    assert v.n_supporting == 2


def test_i1_trials_only_say_what_was_and_was_not_checked() -> None:
    v = judge(USED_FOR, _trial(1, n=64))
    assert (v.verdict, v.rule, v.grade) == ("insufficient", "I1", "very low")
    assert "no guideline, practice survey or review" in v.summary
    assert "1 randomised trial (2022) tests it" in v.summary
    assert "not how often it is used" in v.summary
    assert [(c.pmid, c.stance) for c in v.citations] == [(1, "neutral")]


def test_i1_says_when_nothing_tests_it_either() -> None:
    elsewhere = record(
        1, finding("benefit", condition="neck_pain"), design="guideline", conditions=["neck_pain"]
    )
    v = judge(USED_FOR, elsewhere)
    assert (v.verdict, v.rule) == ("insufficient", "I1")
    assert "no study tests it either" in v.summary


def test_i2_guidelines_recommending_against_it_contradict() -> None:
    v = judge(USED_FOR, _guideline(1, "no_benefit"), _trial(2, "benefit", n=500))
    assert (v.verdict, v.rule) == ("contradicted", "I2")
    assert "recommends against" in v.summary


def test_i3_a_survey_of_use_beside_a_guideline_against_it_is_mixed() -> None:
    v = judge(USED_FOR, _guideline(1, "no_benefit"), _survey(2))
    assert (v.verdict, v.rule) == ("mixed", "I3")
    assert "1 survey (2022) of practice reports its use" in v.summary
    assert "recommends against it" in v.summary


def test_i4_reviews_that_describe_use_agree_only_in_part() -> None:
    review = record(
        1,
        design="narrative_review",
        interventions=["dry_needling"],
        conditions=["tendinopathy"],
        abstract=["Dry needling is widely used for tendinopathy of the elbow."],
    )
    v = judge(USED_FOR, review, _trial(2))
    assert (v.verdict, v.rule, v.grade) == ("mixed", "I4", "very low")
    assert "no guideline or practice survey" in v.summary


def test_x1_a_retracted_guideline_is_set_aside() -> None:
    retracted = record(
        1,
        finding("benefit", condition="tendinopathy"),
        design="guideline",
        retracted=True,
    )
    v = judge(USED_FOR, retracted)
    assert (v.verdict, v.rule) == ("insufficient", "I1")
    assert "1 retracted record" in v.summary
