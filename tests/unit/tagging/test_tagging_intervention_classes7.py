"""Intervention classes (the INTERVENTION CLASSES table in taggers.py): stretching as a
treatment of its own, and exercise or manual therapy that only goes with the treatment the
record studies. Every sentence is SYNTHETIC, written for these tests."""

from __future__ import annotations

import pytest
from tagging_builders import CASE_REPORTS, JOURNAL_ARTICLE, RCT, article

from evidence.models import PublicationType
from evidence.tagging import Vocabulary, tag_article


def interventions(
    vocab: Vocabulary, title: str, methods: str, types: list[PublicationType] | None = None
) -> set[str]:
    record = article(title, methods=methods, types=types or [JOURNAL_ARTICLE, RCT])
    return {t.value for t in tag_article(record, vocab) if t.dimension == "intervention"}


@pytest.mark.parametrize(
    ("title", "methods"),
    [
        (
            "Cupping or static stretching for tight calves",
            "One group had cupping; the other did static stretching (SS) for 4 weeks.",
        ),
        (
            "Ischemic compression followed by sustained stretching at home",
            "Office workers did ischemic compression and then sustained stretching daily.",
        ),
        (
            "Self-stretching against dry needling of the pectoralis minor",
            "Swimmers were randomised to dry needling or to self-stretching twice a day.",
        ),
        (
            "Dynamic stretching or laser before sprinting",
            "Sprinters had laser therapy or dynamic stretching before each session.",
        ),
    ],
)
def test_stretching_done_as_a_treatment_is_exercise(
    vocab: Vocabulary, title: str, methods: str
) -> None:
    assert "exercise_therapy" in interventions(vocab, title, methods)


def test_a_therapists_passive_stretch_after_a_technique_is_not_exercise(
    vocab: Vocabulary,
) -> None:
    found = interventions(
        vocab,
        "Dry needling of the trapezius in office workers",
        "Each trigger point was needled, followed by passive stretching of the muscle.",
    )
    assert found == {"dry_needling"}


@pytest.mark.parametrize(
    ("title", "methods", "types", "studied"),
    [
        (
            "Dry needling on top of usual physiotherapy for shoulder pain",
            "Dry needling was added to a standard physiotherapy programme of exercise and "
            "manual therapy.",
            None,
            {"dry_needling"},
        ),
        (
            "Laser for neck pain: a randomised trial",
            "Laser therapy was given in one arm. Besides the laser, both groups were given "
            "hot packs, advice and exercise.",
            None,
            {"laser_therapy"},
        ),
        (
            "Injections of the piriformis trigger points",
            "Each trigger point was injected with lidocaine. After the injection, the patients "
            "were taught stretching exercises for the hip.",
            None,
            {"trigger_point_injection"},
        ),
        (
            "Dry needling for a runner's calf pain: a case report",
            "She was treated with dry needling of the soleus on three visits, and was given a "
            "home programme of calf raises and strengthening exercises.",
            [JOURNAL_ARTICLE, CASE_REPORTS],
            {"dry_needling"},
        ),
        (
            "Shockwave therapy for heel pain",
            "All patients received shockwave therapy, insoles, ice, and an exercise programme.",
            None,
            {"shockwave_therapy"},
        ),
    ],
)
def test_exercise_that_goes_with_the_studied_treatment_is_not_studied(
    vocab: Vocabulary,
    title: str,
    methods: str,
    types: list[PublicationType] | None,
    studied: set[str],
) -> None:
    assert interventions(vocab, title, methods, types) == studied


@pytest.mark.parametrize(
    ("title", "methods"),
    [
        (
            "Exercise or laser for neck pain",
            "One group received laser therapy, whereas the other was given exercise.",
        ),
        (
            "Dry needling against exercise",
            "Patients received dry needling or, in the other arm, a home exercise programme.",
        ),
    ],
)
def test_exercise_given_to_one_arm_only_stays(vocab: Vocabulary, title: str, methods: str) -> None:
    assert "exercise_therapy" in interventions(vocab, title, methods)


@pytest.mark.parametrize(
    ("title", "methods", "device"),
    [
        (
            "How well does microfocused ultrasound lift the brow? A review",
            "We reviewed trials of microfocused ultrasound (MFU) for facial skin.",
            "therapeutic_ultrasound",
        ),
        (
            "Micro-focused ultrasound for skin laxity of the neck",
            "Forty women were treated once with micro-focused ultrasound.",
            "therapeutic_ultrasound",
        ),
        (
            "Massage-gun percussive therapy and hamstring flexibility",
            "Players used a massage gun on the hamstrings for two minutes.",
            "massage",
        ),
        (
            "Percussive therapy before sprinting",
            "Sprinters had percussive therapy on the calves or rested.",
            "massage",
        ),
        (
            "Percussion therapy before sprinting",
            "Sprinters had percussion massage on the calves or rested.",
            "massage",
        ),
    ],
)
def test_energy_and_percussion_devices_are_not_the_physiotherapy_treatment(
    vocab: Vocabulary, title: str, methods: str, device: str
) -> None:
    assert device not in interventions(vocab, title, methods)


@pytest.mark.parametrize(
    ("title", "methods", "treatment"),
    [
        (
            "Therapeutic ultrasound for heel pain",
            "Pulsed ultrasound was given three times a week.",
            "therapeutic_ultrasound",
        ),
        ("Swedish massage for neck pain", "Office workers had weekly massage.", "massage"),
    ],
)
def test_the_physiotherapy_treatments_themselves_stay(
    vocab: Vocabulary, title: str, methods: str, treatment: str
) -> None:
    assert treatment in interventions(vocab, title, methods)


@pytest.mark.parametrize(
    ("title", "methods"),
    [
        (
            "Muscle energy techniques for neck pain",
            "One group had muscle energy techniques, the other ischemic compression.",
        ),
        (
            "Two manual treatment programmes for trapezius trigger points",
            "We compared muscle energy technique alone with ischemic compression plus "
            "strain-counterstrain in people with upper trapezius trigger points.",
        ),
        (
            "Post-isometric relaxation of the piriformis",
            "Runners had a muscle energy technique for the piriformis or ischemic compression.",
        ),
    ],
)
def test_soft_tissue_techniques_are_not_manual_therapy(
    vocab: Vocabulary, title: str, methods: str
) -> None:
    assert "manual_therapy" not in interventions(vocab, title, methods)


@pytest.mark.parametrize(
    ("title", "methods"),
    [
        ("Thoracic manipulation for neck pain", "Each patient had a thoracic thrust manipulation."),
        ("Mobilisation of the ankle after sprain", "Grade III joint mobilisation was given."),
    ],
)
def test_mobilisation_and_manipulation_stay_manual_therapy(
    vocab: Vocabulary, title: str, methods: str
) -> None:
    assert "manual_therapy" in interventions(vocab, title, methods)


@pytest.mark.parametrize(
    ("methods", "left_out"),
    [
        (
            "Case series were eligible; we excluded studies of traditional Chinese medicine "
            "acupuncture and conference abstracts.",
            "acupuncture",
        ),
        (
            "Trials of dry needling in stroke were sought. Trials using electroacupuncture "
            "were excluded.",
            "acupuncture",
        ),
        (
            "We searched five databases and did not include studies of laser therapy given "
            "with the needle.",
            "laser_therapy",
        ),
    ],
)
def test_a_treatment_a_review_excluded_is_not_studied(
    vocab: Vocabulary, methods: str, left_out: str
) -> None:
    found = interventions(vocab, "Dry needling after stroke: a systematic review", methods)
    assert left_out not in found
    assert "dry_needling" in found


def test_one_arms_combined_treatment_keeps_both_parts(vocab: Vocabulary) -> None:
    found = interventions(
        vocab,
        "Dry needling with exercise against laser for neck pain",
        "One arm received dry needling and was given a stretching programme; the other arm "
        "had laser therapy.",
    )
    assert {"dry_needling", "exercise_therapy", "laser_therapy"} <= found


@pytest.mark.parametrize(
    "methods",
    [
        "Twenty runners had ultrasound (US)-guided dry needling of the calf each week.",
        "Each injection was ultrasound (USG) guided into the gluteus medius.",
        "We gave ultrasound-(US) guided lidocaine injections to 40 adults with neck pain.",
    ],
)
def test_ultrasound_guidance_with_its_abbreviation_between_is_no_ultrasound_therapy(
    vocab: Vocabulary, methods: str
) -> None:
    assert "therapeutic_ultrasound" not in interventions(vocab, "Needling for pain", methods)


def test_ultrasound_therapy_with_its_abbreviation_stays(vocab: Vocabulary) -> None:
    found = interventions(
        vocab, "Ultrasound (US) therapy for knee pain", "Adults had ultrasound (US) therapy."
    )
    assert "therapeutic_ultrasound" in found
