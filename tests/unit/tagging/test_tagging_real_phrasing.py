"""Tagging of phrasings real authors use (co-interventions, comparators, conditions,
designs), on SYNTHETIC sentences written for these tests."""

from __future__ import annotations

import pytest
from tagging_builders import (
    CASE_REPORTS,
    JOURNAL_ARTICLE,
    RCT,
    SYSTEMATIC_REVIEW,
    article,
)

from evidence.models import PublicationType, Tag
from evidence.tagging import Vocabulary, tag_article

GUIDELINE = PublicationType("D017065", "Practice Guideline")
CLINICAL_TRIAL = PublicationType("D016430", "Clinical Trial")


def values(tags: list[Tag], dimension: str) -> set[str]:
    return {t.value for t in tags if t.dimension == dimension}


@pytest.mark.parametrize(
    ("title", "methods"),
    [
        pytest.param(
            "Exercise with or without dry needling for shoulder pain: a randomized trial",
            "Patients were randomized to exercise on its own or to exercise with dry needling.",
            id="title-names-the-co-intervention-first",
        ),
        pytest.param(
            "Dry needling for shoulder pain",
            "Both groups did a home exercise programme. One group also had dry needling.",
            id="both-groups-did",
        ),
        pytest.param(
            "Dry needling for shoulder pain",
            "Everyone was asked to do a rotator cuff exercise programme daily.",
            id="everyone-was-asked-to-do",
        ),
        pytest.param(
            "Laser therapy versus dry needling with knee exercises for knee pain",
            "Group A had laser therapy with stretching exercises; group B had dry needling with"
            " stretching exercises.",
            id="same-addition-to-both-arms",
        ),
        pytest.param(
            "Dry needling for low back pain",
            "Group A had dry needling with exercise; group B had sham needling with exercise.",
            id="added-to-the-sham-arm",
        ),
        pytest.param(
            "Dry needling for neck pain",
            "Adherence to the accompanying exercise therapy was poor in the dry needling group.",
            id="accompanying",
        ),
    ],
)
def test_co_interventions_are_not_tagged(vocab: Vocabulary, title: str, methods: str) -> None:
    tags = tag_article(article(title, methods=methods, types=[JOURNAL_ARTICLE, RCT]), vocab)
    assert "exercise_therapy" not in values(tags, "intervention")
    assert "dry_needling" in values(tags, "intervention")


def test_usual_care_list_in_brackets_far_from_its_name(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling added to usual care for neck pain",
        methods="The control arm had the standard care programme (advice leaflets, posture"
        " education, home exercises and electrotherapy) only.",
        types=[JOURNAL_ARTICLE, RCT],
    )
    assert values(tag_article(record, vocab), "intervention") == {"dry_needling"}


def test_an_arm_named_twice_with_different_additions_is_kept(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling with stretching versus dry needling with massage for neck pain",
        methods="Group A had dry needling with stretching exercises; group B had dry needling"
        " with massage.",
        types=[JOURNAL_ARTICLE, RCT],
    )
    assert values(tag_article(record, vocab), "intervention") == {
        "dry_needling",
        "exercise_therapy",
        "massage",
    }


def test_variant_trial_keeps_its_only_intervention(vocab: Vocabulary) -> None:
    record = article(
        "Two doses of ultrasound for knee pain",
        methods="Group 1 had exercise with ultrasound; group 2 had exercise with ultrasound"
        " for twice as long. Both groups received ultrasound on ten days.",
        types=[JOURNAL_ARTICLE, RCT],
    )
    assert "therapeutic_ultrasound" in values(tag_article(record, vocab), "intervention")


def test_other_treatments_a_review_lists_are_comparators(vocab: Vocabulary) -> None:
    record = article(
        "Therapeutic ultrasound for neck pain: a systematic review",
        methods="Trials compared ultrasound with other treatments. The other treatments"
        " covered every non-ultrasound therapy (for example exercises, massage and TENS).",
        results="Ultrasound reduced pain.",
        types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
    )
    assert values(tag_article(record, vocab), "intervention") == {"therapeutic_ultrasound"}


def test_guideline_keeps_what_it_recommends_against(vocab: Vocabulary) -> None:
    record = article(
        "Clinical practice guideline for carpal tunnel syndrome",
        abstract="This guideline covers conservative care. Laser therapy is recommended"
        " against. Trials set ultrasound against other treatments such as exercise and"
        " splints. Therapeutic ultrasound is not recommended.",
        types=[GUIDELINE],
    )
    assert values(tag_article(record, vocab), "intervention") == {
        "laser_therapy",
        "therapeutic_ultrasound",
    }


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        pytest.param(
            "Knees were examined clinically and by ultrasound at each visit.",
            set(),
            id="examined-by-ultrasound",
        ),
        pytest.param(
            "Muscle thickness was recorded with M-mode ultrasound.", set(), id="m-mode-imaging"
        ),
        pytest.param(
            "Outcomes were assessed in patients treated with ultrasound.",
            {"therapeutic_ultrasound"},
            id="treated-with-ultrasound",
        ),
        pytest.param(
            "Most clinics owned low frequency stimulators.",
            {"electrical_stimulation"},
            id="low-frequency-stimulators",
        ),
        pytest.param(
            "Therapists added a range of stretching activities.",
            {"exercise_therapy"},
            id="stretching-activities",
        ),
        pytest.param(
            "Group 1 had a local anesthetic injection (1% lidocaine) into the painful muscle.",
            {"trigger_point_injection"},
            id="local-anesthetic-injection",
        ),
        pytest.param(
            "Group 1 had an epidural local anesthetic injection.", set(), id="epidural-injection"
        ),
    ],
)
def test_intervention_phrasings(vocab: Vocabulary, methods: str, expected: set[str]) -> None:
    tags = tag_article(article("A synthetic record", methods=methods), vocab)
    assert values(tags, "intervention") == expected


@pytest.mark.parametrize(
    ("title", "methods", "expected"),
    [
        pytest.param(
            "Dry needling for myofascial trigger point pain: a meta-analysis",
            "Trials of needling were pooled.",
            {"myofascial_pain_syndrome"},
            id="trigger-point-pain",
        ),
        pytest.param(
            "Managing myofascial trigger points with dry needling",
            "Trials of needling were reviewed.",
            {"myofascial_pain_syndrome"},
            id="managing-trigger-points",
        ),
        pytest.param(
            "Dry needling of the masseter",
            "Forty adults in whom active myofascial trigger points were found were randomized.",
            {"myofascial_pain_syndrome"},
            id="in-whom",
        ),
        pytest.param(
            "Ultrasound for neck muscles",
            "Forty office workers with active MTrPs in the upper trapezius were randomized.",
            {"myofascial_pain_syndrome"},
            id="active-mtrps",
        ),
        pytest.param(
            "Dry needling for plantar heel pain",
            "Needling of myofascial trigger points in the calf was done weekly.",
            {"plantar_fasciitis"},
            id="trigger-points-as-target",
        ),
        pytest.param(
            "Massage for headache",
            "Treatment of myofascial trigger points in patients with tension-type headache.",
            {"tension_type_headache"},
            id="target-inside-another-diagnosis",
        ),
        pytest.param(
            "Dry needling for myofascial pain of the masticatory muscles",
            "Adults were randomized.",
            {"temporomandibular_disorder", "myofascial_pain_syndrome"},
            id="masticatory-muscles",
        ),
    ],
)
def test_condition_phrasings(
    vocab: Vocabulary, title: str, methods: str, expected: set[str]
) -> None:
    tags = tag_article(article(title, methods=methods), vocab)
    assert values(tags, "condition") == expected


def test_jaw_opening_is_range_of_motion(vocab: Vocabulary) -> None:
    record = article("Needling for jaw pain", methods="We measured how far the jaw opened.")
    assert "range_of_motion" in values(tag_article(record, vocab), "outcome")


@pytest.mark.parametrize(
    ("types", "title", "methods", "expected"),
    [
        pytest.param(
            [JOURNAL_ARTICLE],
            "Ultrasound for knee pain: four versus eight minutes",
            "One hundred adults were enrolled and split into two groups.",
            # no word of chance: a trial with a control group not said to be randomised
            "controlled_trial",
            id="split-into-two-groups",
        ),
        pytest.param(
            [JOURNAL_ARTICLE],
            "Dry needling for elbow pain",
            "The experimental group had needling, while the control group had a brace.",
            # no word of chance: a trial with a control group not said to be randomised
            "controlled_trial",
            id="experimental-and-control-group",
        ),
        pytest.param(
            [JOURNAL_ARTICLE],
            "Dry needling for elbow pain",
            "In this non-randomized study, adults were divided into two groups.",
            "controlled_trial",
            id="groups-not-randomised",
        ),
        pytest.param(
            [JOURNAL_ARTICLE],
            "Needle lavage for calcific shoulder tendinitis",
            "The study included thirty-six patients who were treated with needle lavage.",
            "case_series",
            id="treated-series",
        ),
        pytest.param(
            [JOURNAL_ARTICLE],
            "Dry needling for elbow pain: a prospective controlled study",
            "Randomization software allocated 110 patients to groups.",
            "rct",
            id="title-refined-by-methods",
        ),
        pytest.param(
            [JOURNAL_ARTICLE, CASE_REPORTS],
            "Bone marrow changes after ultrasound",
            "We identified 11 patients whose images showed marrow changes.",
            "case_series",
            id="case-reports-type-over-a-series",
        ),
        pytest.param(
            [JOURNAL_ARTICLE, CASE_REPORTS, CLINICAL_TRIAL],
            "Eight cases of bone changes after ultrasound",
            "Charts of eight patients were read.",
            "case_series",
            id="misleading-trial-type",
        ),
        pytest.param(
            [JOURNAL_ARTICLE, CASE_REPORTS],
            "Bone marrow changes after ultrasound",
            "We describe two patients whose images showed marrow changes.",
            "case_report",
            id="two-patients-are-a-case-report",
        ),
        pytest.param(
            [JOURNAL_ARTICLE],
            "Dry needling safely: part two",
            "This clinical commentary sets out the anatomy of the back.",
            "other",
            id="commentary",
        ),
    ],
)
def test_design_phrasings(
    vocab: Vocabulary,
    types: list[PublicationType],
    title: str,
    methods: str,
    expected: str,
) -> None:
    tags = tag_article(article(title, methods=methods, types=types), vocab)
    assert values(tags, "design") == {expected}
