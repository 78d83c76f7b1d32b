"""Rules A1-A3 (adverse effects) and S1-S4 (safety) on hand-built (synthetic) evidence."""

from __future__ import annotations

import pytest
from claim_builders import claim, finding, judge, record

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
    v = judge(never, _survey(1, pneumothorax="pneumothorax"), _survey(2, pneumothorax="x"))
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
    assert "1 case reports or other records do" in v.summary


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
    assert "pneumothorax" in v.summary and "1 of 2" in v.summary
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
        record(
            3,
            design="case_report",
            interventions=["dry_needling"],
            events={"pneumothorax": "pneumothorax"},
        ),
    )
    assert (v.verdict, v.rule) == ("supported", "S4")
    assert "bleeding, bruising, post-needling soreness" in v.summary


@pytest.mark.parametrize("event", sorted(SERIOUS_EVENTS))
def test_every_serious_event_makes_safety_mixed(event: str) -> None:
    v = judge(SAFE, _survey(1, **{event: event}), _survey(2, bruising="bruising"))
    assert v.rule == "S3"
