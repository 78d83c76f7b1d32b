"""Design classes added to the DESIGN CLASSES table of `evidence.tagging.taggers` this round:
one treated group that calls itself a prospective or retrospective study, groups compared
with an adjustment for confounding, a design the record names for itself only in its
conclusion, and a symptom score named "survey". Every sentence is SYNTHETIC."""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, article

from evidence.models import Tag
from evidence.tagging import Vocabulary, tag_article


def design(tags: list[Tag]) -> str:
    (value,) = [t.value for t in tags if t.dimension == "design"]
    return value


@pytest.mark.parametrize(
    ("methods", "results"),
    [
        (
            "In this prospective study, 24 consecutive women with heel pain were enrolled and "
            "each was injected once with lidocaine.",
            "Pain before and after the injection fell from 7 to 3.",
        ),
        (
            "We reviewed retrospectively the charts of 75 men given shockwave therapy for elbow "
            "pain between 2015 and 2019.",
            "Scores before and after treatment were compared: 80% improved.",
        ),
        (
            "A retrospective review of 60 runners treated with dry needling for calf pain.",
            "Pain fell from baseline to the last visit in 48 of them.",
        ),
        (
            "This prospective study followed 31 nurses who received cupping for neck pain.",
            "Neck pain was lower after treatment than before and after six weeks.",
        ),
    ],
)
def test_one_treated_group_against_its_baseline_is_a_series(
    vocab: Vocabulary, methods: str, results: str
) -> None:
    record = article("Injections for pain", methods=methods, results=results)
    assert design(tag_article(record, vocab)) == "case_series"


@pytest.mark.parametrize(
    ("methods", "results"),
    [
        (
            "Of 90 patients, 40 had been given steroid injections; a propensity score "
            "balanced the two groups.",
            "Pain fell more in the steroid group.",
        ),
        (
            "Outcomes of those injected with and without botulinum toxin were compared using "
            "inverse probability of treatment weighting.",
            "Relief lasted longer with the toxin.",
        ),
        (
            "Patients who chose laser were compared with those who chose exercise, adjusted "
            "for confounders.",
            "The laser group improved sooner.",
        ),
    ],
)
def test_groups_compared_with_confounding_adjusted_are_a_cohort(
    vocab: Vocabulary, methods: str, results: str
) -> None:
    record = article("Two injections for buttock pain", methods=methods, results=results)
    assert design(tag_article(record, vocab)) == "cohort"


@pytest.mark.parametrize(
    "conclusions",
    [
        "This analysis of a case series suggests the protocol relieves pelvic pain.",
        "Our report of a case series shows that needling can be done safely.",
        "The present evaluation of a small case series supports wider use.",
    ],
)
def test_a_design_named_for_the_record_in_its_conclusion_counts(
    vocab: Vocabulary, conclusions: str
) -> None:
    record = article(
        "A new protocol for pelvic pain",
        methods="Eighty men had weekly sessions of pelvic floor release.",
        results="Most rated themselves improved.",
        conclusions=conclusions,
        types=[JOURNAL_ARTICLE],
    )
    assert design(tag_article(record, vocab)) == "case_series"


@pytest.mark.parametrize(
    "methods",
    [
        "Symptoms were rated with a pelvic pain symptom survey (PPSS) before each session; "
        "the records describe a case series of 50 men.",
        "A bladder symptom survey was scored at baseline and at 3 months in this case series.",
        "We used the urinary symptoms survey in a case series of 20 women.",
    ],
)
def test_a_symptom_score_named_survey_is_no_survey(vocab: Vocabulary, methods: str) -> None:
    record = article("Release therapy for pelvic pain", methods=methods)
    assert design(tag_article(record, vocab)) == "case_series"
