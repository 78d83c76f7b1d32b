"""Rules A1-A3 (adverse effects) and S1-S4 (safety) on hand-built (synthetic) evidence."""

from __future__ import annotations

import pytest
from claim_builders import claim, finding, judge, record, safety_finding

from evidence.claims.harms import SERIOUS_EVENTS

PNEUMOTHORAX = claim("adverse_effect", adverse_event=["pneumothorax"])
SAFE = claim("safety")


def _survey(pmid: int, **events: str) -> object:
    return record(
        pmid,
        design="cross_sectional",
        interventions=["dry_needling"],
        outcomes=["adverse_events"],
        events=events,
    )


def test_a1_reported_in_a_survey_is_supported() -> None:
    v = judge(
        PNEUMOTHORAX,
        _survey(1, pneumothorax="2 pneumothoraces in 7,629 treatments"),
        _survey(2, bruising="bruising"),
    )
    assert (v.verdict, v.rule) == ("supported", "A1")
    assert v.grade == "low"  # moderate for a survey, one step down for a single report
    assert [c.pmid for c in v.citations] == [1]
    assert "2 pneumothoraces" in (v.citations[0].sentence or "")


@pytest.mark.parametrize(
    ("design", "grade"),
    [
        ("cross_sectional", "moderate"),
        ("case_series", "moderate"),
        ("rct", "high"),
        ("systematic_review", "high"),
    ],
)
def test_a1_certainty_of_occurrence_follows_the_best_reporting_design(
    design: str, grade: str
) -> None:
    reports = [
        record(
            p,
            design=design,
            interventions=["dry_needling"],
            events={"pneumothorax": "pneumothorax"},
        )
        for p in (1, 2)
    ]
    assert judge(PNEUMOTHORAX, *reports).grade == grade


def test_a1_contradicts_a_claim_that_the_event_does_not_occur() -> None:
    never = claim("adverse_effect", adverse_event=["pneumothorax"], asserts="does_not_occur")
    v = judge(
        never,
        _survey(1, pneumothorax="pneumothorax"),
        _survey(2, pneumothorax="a collapsed lung"),
    )
    assert (v.verdict, v.rule, v.n_refuting) == ("contradicted", "A1", 2)


def test_a2_case_reports_only_are_never_supported() -> None:
    v = judge(
        PNEUMOTHORAX,
        record(
            1,
            finding("harm", outcome="adverse_events"),
            design="case_report",
            events={"pneumothorax": "pneumothorax"},
        ),
        record(
            2,
            design="case_report",
            interventions=["dry_needling"],
            events={"pneumothorax": "tension pneumothorax"},
        ),
    )
    assert (v.verdict, v.rule, v.grade) == ("mixed", "A2", "very low")
    assert "only in 2 case reports" in v.summary


def test_a3_absence_of_reports_is_insufficient_and_says_what_was_searched() -> None:
    asthma = claim("adverse_effect", adverse_event=["asthma"])
    v = judge(
        asthma,
        _survey(1, bruising="bruising"),
        _survey(2, bleeding="bleeding"),
        record(3, finding("benefit", outcome="pain")),
    )
    assert (v.verdict, v.rule, v.n_articles) == ("insufficient", "A3", 0)
    assert "none of the 2 safety records" in v.summary


def test_a_retracted_report_does_not_count() -> None:
    v = judge(
        PNEUMOTHORAX,
        record(
            1,
            design="cross_sectional",
            retracted=True,
            interventions=["dry_needling"],
            events={"pneumothorax": "pneumothorax"},
        ),
    )
    assert (v.verdict, v.rule) == ("insufficient", "A3")
    assert "1 retracted record" in v.summary


def test_s1_no_survey_trial_or_review_is_insufficient() -> None:
    v = judge(
        SAFE,
        record(
            1,
            finding("harm", outcome="adverse_events"),
            design="case_report",
            events={"pneumothorax": "pneumothorax"},
        ),
    )
    assert (v.verdict, v.rule) == ("insufficient", "S1")
    assert "pneumothorax in 1 case report" in v.summary


def test_s2_harm_in_the_strongest_records_contradicts() -> None:
    v = judge(
        SAFE,
        record(1, finding("harm", outcome="adverse_events", n=300)),
        record(2, finding("harm", outcome="adverse_events", n=200)),
        _survey(3, bruising="bruising"),
    )
    assert (v.verdict, v.rule) == ("contradicted", "S2")


def test_s3_serious_events_in_surveys_make_it_mixed() -> None:
    v = judge(
        SAFE,
        record(
            1,
            design="rct",
            interventions=["dry_needling"],
            outcomes=["adverse_events"],
            events={"post_needling_soreness": "soreness"},
        ),
        _survey(2, pneumothorax="pneumothorax", bruising="bruising"),
    )
    assert (v.verdict, v.rule) == ("mixed", "S3")
    assert "serious events are reported (pneumothorax in 1 survey)" in v.summary
    assert v.grade == "low"  # high (a trial), down for inconsistency and a single trial


def test_s4_only_minor_events_is_supported() -> None:
    v = judge(
        SAFE,
        record(
            1,
            design="rct",
            interventions=["dry_needling"],
            outcomes=["adverse_events"],
            events={"post_needling_soreness": "soreness"},
        ),
        _survey(2, bruising="bruising", bleeding="bleeding"),
    )
    assert (v.verdict, v.rule) == ("supported", "S4")
    assert "bleeding, bruising, post-needling soreness" in v.summary
    assert "no record reports a serious event" in v.summary


@pytest.mark.parametrize("event", sorted(SERIOUS_EVENTS))
def test_every_serious_event_makes_safety_mixed(event: str) -> None:
    v = judge(SAFE, _survey(1, **{event: event}), _survey(2, bruising="bruising"))
    assert v.rule == "S3"


# Seriousness and frequency (rules S1-S4 on safety findings): what a finding says occurred,
# how serious, and in which design.


def _trial(pmid: int, *events: str, n: int = 200, design: str = "rct") -> object:
    direction = "harm" if events else "no_harm"
    return record(pmid, safety_finding(direction, *events, n=n), design=design)


def test_s3_rare_serious_events_beside_common_minor_ones_make_safe_mixed() -> None:
    v = judge(
        SAFE,
        _trial(1, "post_needling_soreness", n=300),
        _trial(2, "bruising", n=150),
        record(
            3,
            safety_finding("harm", "pneumothorax", "bruising", n=900),
            design="cross_sectional",
        ),
    )
    assert (v.verdict, v.rule) == ("mixed", "S3")
    assert "2 randomised trials (2022) with 450 participants" in v.summary
    assert "(bruising, post-needling soreness)" in v.summary
    assert "serious events are reported (pneumothorax in 1 survey)" in v.summary
    stances = {c.pmid: c.stance for c in v.citations}
    assert stances == {1: "supports", 2: "supports", 3: "refutes"}


def test_s4_a_large_survey_of_common_minor_events_and_no_serious_one_supports_safe() -> None:
    rates = (
        "Bleeding (8.3% of treatments), bruising (7.5%) and soreness (3.9%) were common;"
        " no serious adverse event was reported in 7,629 treatments."
    )
    survey = record(
        1,
        safety_finding(
            "harm", "bleeding", "bruising", "post_needling_soreness", n=2107, sentence=rates
        ),
        design="cross_sectional",
        events={"bleeding": "bleeding", "bruising": "bruising"},
    )
    v = judge(SAFE, survey, _trial(2, "hematoma", n=150, design="cohort"))
    assert (v.verdict, v.rule, v.grade) == ("supported", "S4", "low")
    (cited,) = [c for c in v.citations if c.pmid == 1]
    assert (cited.stance, cited.sentence) == ("supports", rates)
    assert "with 2,257 participants" in v.summary


def test_s1_case_reports_of_serious_events_alone_name_them_and_never_contradict() -> None:
    v = judge(
        SAFE,
        record(1, safety_finding("harm", "pneumothorax"), design="case_report"),
        record(2, safety_finding("harm", "pneumothorax"), design="case_report"),
        record(
            3,
            safety_finding("harm", "hematoma", seriousness="serious"),  # an epidural hematoma
            design="case_report",
        ),
    )
    assert (v.verdict, v.rule, v.grade) == ("insufficient", "S1", "very low")
    assert "pneumothorax in 2 case reports; hematoma in 1 case report" in v.summary
    assert "not how often" in v.summary
    assert {c.stance for c in v.citations} == {"refutes"}


def test_s3_a_case_report_of_a_serious_event_caps_safe_at_mixed() -> None:
    v = judge(
        SAFE,
        _trial(1, n=300),
        _trial(2, n=120),
        record(3, safety_finding("harm", "nerve_injury"), design="case_report"),
        record(4, safety_finding("harm", "burn"), design="case_report"),
    )
    assert (v.verdict, v.rule, v.grade) == ("mixed", "S3", "moderate")
    assert "report no adverse events of dry needling" in v.summary
    assert "(nerve injury in 1 case report)" in v.summary
    stances = {c.pmid: c.stance for c in v.citations}
    assert stances == {1: "supports", 2: "supports", 3: "refutes", 4: "neutral"}


def test_s4_a_cohort_reporting_no_adverse_event_supports_safe() -> None:
    none_occurred = "No adverse events occurred during 1,200 treatment sessions."
    v = judge(
        SAFE,
        record(1, safety_finding("no_harm", n=100, sentence=none_occurred), design="cohort"),
        _trial(2, "post_needling_soreness", n=5000, design="cohort"),
        _trial(3, "bruising", n=5000, design="cohort"),
    )
    assert (v.verdict, v.rule) == ("supported", "S4")
    (cited,) = [c for c in v.citations if c.pmid == 1]
    assert (cited.stance, cited.sentence) == ("supports", none_occurred)
    assert v.n_supporting == 3 and v.n_refuting == 0


def test_s2_serious_events_in_most_of_the_strongest_studies_contradict() -> None:
    v = judge(
        SAFE,
        _trial(1, "infection", n=400),
        _trial(2, "infection", "bruising", n=300),
        _trial(3, "bruising", n=50),
    )
    assert (v.verdict, v.rule) == ("contradicted", "S2")
    assert "2 of the strongest records" in v.summary
    assert "serious events (infection)" in v.summary
