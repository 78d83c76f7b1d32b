"""Design classes of this round (the DESIGN CLASSES table of `evidence.tagging.taggers`): a
treated group set against a control group with no word of chance; a series of patients
described at length before they "took part", or "followed" over years; one treated group
split afterwards by a baseline measure. And the safety finding a series of treated patients
gives when it says nothing went wrong. Every sentence is SYNTHETIC."""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, article

from evidence.models import Tag
from evidence.tagging import Vocabulary, analyse_article, tag_article


def design(tags: list[Tag]) -> str:
    (value,) = [t.value for t in tags if t.dimension == "design"]
    return value


@pytest.mark.parametrize(
    ("methods", "results"),
    [
        (
            "The control group had no treatment. The laser group had six sessions of laser "
            "therapy to the wrist.",
            "Compared with the control group, the laser group gained grip strength.",
        ),
        (
            "One group of office workers had dry needling and the other was left alone.",
            "Relative to the untreated group, neck pain fell by half after dry needling.",
        ),
        (
            "Runners chose shockwave therapy or no treatment for their heel pain.",
            "Against the no-treatment group, heel pain was lower at 12 weeks with shockwave.",
        ),
    ],
)
def test_a_treated_group_against_a_control_group_is_a_controlled_trial(
    vocab: Vocabulary, methods: str, results: str
) -> None:
    record = article(
        "Treatment for pain in adults", methods=methods, results=results, types=[JOURNAL_ARTICLE]
    )
    assert design(tag_article(record, vocab)) == "controlled_trial"


@pytest.mark.parametrize(
    "methods",
    [
        "Thirty-two patients with chronic neck pain after a desk job of at least ten years and "
        "tender points in both upper trapezius muscles took part, each having dry needling.",
        "Forty patients with heel pain that had lasted over a year despite insoles were "
        "followed for five years after their shockwave therapy.",
        "Twenty-six patients with shoulder pain who had failed physiotherapy, injections and "
        "rest over six months were treated with ultrasound therapy twice a week.",
    ],
)
def test_a_series_of_patients_described_at_length_is_a_case_series(
    vocab: Vocabulary, methods: str
) -> None:
    record = article(
        "Treatment for chronic pain",
        methods=methods,
        results="Pain improved in most of them at the last visit.",
        types=[JOURNAL_ARTICLE],
    )
    assert design(tag_article(record, vocab)) == "case_series"


@pytest.mark.parametrize(
    "split",
    [
        "Patients were also split by baseline disability into Group 1 (under 50) and Group 2.",
        "The patients were stratified by age into a younger group and an older group.",
        "For analysis they were divided according to initial pain severity into two groups.",
    ],
)
def test_one_group_split_by_a_baseline_measure_is_still_one_group(
    vocab: Vocabulary, split: str
) -> None:
    record = article(
        "Dry needling for knee pain: five-year results",
        methods="Twenty-five adults with knee pain had dry needling once a week. " + split,
        results="Pain fell from baseline to five years in every subgroup (p < 0.01).",
        types=[JOURNAL_ARTICLE],
    )
    assert design(tag_article(record, vocab)) == "case_series"


@pytest.mark.parametrize(
    "safety",
    [
        "No complications occurred during the follow-up.",
        "No adverse events were reported by any patient.",
        "There were no side effects over the five years.",
    ],
)
def test_a_case_series_that_reports_no_events_has_a_no_harm_finding(
    vocab: Vocabulary, safety: str
) -> None:
    record = article(
        "Shockwave therapy for heel pain: a case series",
        methods="Twenty-two consecutive patients with plantar fasciitis were treated with "
        "shockwave therapy and followed for a year.",
        results="Heel pain fell from 7 to 2 on average. " + safety,
        conclusions="Shockwave therapy relieved heel pain in this series.",
        types=[JOURNAL_ARTICLE],
    )
    _, findings = analyse_article(record, vocab)
    safety_findings = {(f.intervention, f.direction) for f in findings if f.kind == "safety"}
    assert safety_findings == {("shockwave_therapy", "no_harm")}, findings


@pytest.mark.parametrize(
    ("methods", "results"),
    [
        (
            "Eighteen patients with elbow pain had one needle procedure. Pain and the "
            "Disabilities of the Arm, Shoulder and Hand score were recorded before treatment "
            "and 6 weeks and 6 months afterwards.",
            "Pain fell from 6 to 2 (p < 0.001).",
        ),
        (
            "Twelve office workers with upper arm pain were needled weekly; pain was rated "
            "before the sessions and a month after.",
            "Pain fell in ten of them.",
        ),
        (
            "Fifteen patients with wrist pain had laser therapy, measured before the therapy "
            "and again after it on the DASH (Disabilities of the Arm, Shoulder and Hand).",
            "Scores improved by a third.",
        ),
    ],
)
def test_one_group_measured_before_and_after_with_the_arm_as_a_limb_is_a_case_series(
    vocab: Vocabulary, methods: str, results: str
) -> None:
    record = article(
        "Needle treatment for limb pain: a prospective study",
        methods=methods,
        results=results,
        types=[JOURNAL_ARTICLE],
    )
    assert design(tag_article(record, vocab)) == "case_series"


def test_an_arm_of_a_trial_is_still_an_arm(vocab: Vocabulary) -> None:
    record = article(
        "Needle treatment for neck pain: a prospective study",
        methods="Forty adults were enrolled; one arm had dry needling and the other arm had "
        "stretching, measured before treatment and a month afterwards.",
        results="Pain fell more in the needling arm.",
        types=[JOURNAL_ARTICLE],
    )
    assert design(tag_article(record, vocab)) != "case_series"
