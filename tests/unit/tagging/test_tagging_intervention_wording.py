"""Interventions as authors word them, and look-alikes that are not the treatment studied,
on SYNTHETIC sentences written for these tests."""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, RCT, SYSTEMATIC_REVIEW, article

from evidence.models import PublicationType, Tag
from evidence.tagging import Vocabulary, tag_article


def interventions(tags: list[Tag]) -> set[str]:
    return {t.value for t in tags if t.dimension == "intervention"}


def tagged(
    vocab: Vocabulary, methods: str, *, types: tuple[PublicationType, ...] = (JOURNAL_ARTICLE, RCT)
) -> set[str]:
    record = article("A trial for calf pain", methods=methods, types=types)
    return interventions(tag_article(record, vocab))


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        ("Mepivacaine was injected into the soleus trigger points.", {"trigger_point_injection"}),
        ("One arm had botulinum toxin injected into each MTrP.", {"trigger_point_injection"}),
        ("Active trigger points of the soleus were released by hand.", {"trigger_point_therapy"}),
        ("Thumb pressure was held on each trigger point for 60 s.", {"trigger_point_therapy"}),
        (
            "The calf trigger points were compressed until the pain eased.",
            {"trigger_point_therapy"},
        ),
        ("Focused shock waves were applied to the calf.", {"shockwave_therapy"}),
        ("The comparison arm received therapeutic US at 1 MHz.", {"therapeutic_ultrasound"}),
        # soft-tissue techniques of their own, unlisted in the topic set's labels
        ("Positional release was applied to the tender points.", set()),
        ("Strain-counterstrain was applied to the calf.", set()),
        ("Myofascial release of the plantar fascia was given twice a week.", set()),
        # a name given to dry needling is not acupuncture
        ("Dry needling, known as Western medical acupuncture, was given.", {"dry_needling"}),
    ],
)
def test_interventions_as_authors_word_them(
    vocab: Vocabulary, methods: str, expected: set[str]
) -> None:
    assert tagged(vocab, methods) == expected


@pytest.mark.parametrize(
    "methods",
    [
        "Ultrasound can now show the needle tip as it enters the muscle.",
        "Trigger points were located with ultrasound before each session.",
        "Calf muscle thickness on ultrasound was the secondary outcome.",
        "The injection was given under real-time ultrasound control.",
        "Guiding the injection with ultrasound added no benefit.",
        "Tendon stiffness was recorded using an ultrasound scanner.",
        "An ultrasound of the knee showed a small effusion.",
        "Transabdominal ultrasound was done before discharge.",
        "Calf muscles were imaged with a 10 MHz linear ultrasound transducer.",
        "MR-guided focused ultrasound was used to ablate the fibroid.",
    ],
)
def test_ultrasound_imaging_is_not_therapeutic_ultrasound(vocab: Vocabulary, methods: str) -> None:
    assert "therapeutic_ultrasound" not in tagged(vocab, methods)


def test_treatments_that_had_failed_before_are_not_studied(vocab: Vocabulary) -> None:
    methods = (
        "Patients qualified when six weeks of conservative care (massage, ultrasound, stretching"
        " or drugs) had failed; all then had dry needling."
    )
    assert tagged(vocab, methods) == {"dry_needling"}


def test_a_treatment_all_patients_then_had_is_a_co_intervention(vocab: Vocabulary) -> None:
    methods = (
        "Arms had dry needling or cupping of the calf. All patients then had massage of the"
        " hamstrings."
    )
    assert "massage" not in tagged(vocab, methods)


@pytest.mark.parametrize(
    "sentence",
    [
        "The fall in pain exceeded that seen with stretching exercises.",
        "Dry needling improved range of motion to the same extent as massage.",
    ],
)
def test_a_reviews_comparator_is_not_studied(vocab: Vocabulary, sentence: str) -> None:
    methods = f"We searched PubMed for trials of dry needling. {sentence}"
    found = tagged(vocab, methods, types=(JOURNAL_ARTICLE, SYSTEMATIC_REVIEW))
    assert found == {"dry_needling"}


def test_focused_ultrasound_in_physical_therapy_is_therapeutic(vocab: Vocabulary) -> None:
    methods = "Focused ultrasound was used to heat the calf muscles for ten minutes."
    assert tagged(vocab, methods) == {"therapeutic_ultrasound"}


@pytest.mark.parametrize(
    "methods",
    [
        "The sural nerve was blocked by local anaesthetic injection.",
        "Stone fragments were cleared with extracorporeal shock wave lithotripsy.",
    ],
)
def test_look_alike_procedures_are_not_tagged(vocab: Vocabulary, methods: str) -> None:
    assert tagged(vocab, methods) == set()


def test_events_other_authors_reported_after_a_treatment_do_not_tag_it(
    vocab: Vocabulary,
) -> None:
    methods = (
        "Haematomas have been reported twice after cupping. Our patient had dry needling of the"
        " calf."
    )
    assert tagged(vocab, methods) == {"dry_needling"}


@pytest.mark.parametrize(
    ("methods", "absent"),
    [
        ("Exercise capacity was measured on a treadmill.", "exercise_therapy"),
        ("Exercise-induced calf soreness was provoked in 30 volunteers.", "exercise_therapy"),
        ("Calf pain during exercise was rated each week.", "exercise_therapy"),
        ("Needle manipulation was kept the same in both arms.", "manual_therapy"),
        ("Early mobilisation after surgery was encouraged.", "manual_therapy"),
        ("Varicose veins were closed by laser ablation.", "laser_therapy"),
    ],
)
def test_words_of_a_treatment_used_for_something_else(
    vocab: Vocabulary, methods: str, absent: str
) -> None:
    assert absent not in tagged(vocab, methods)


def test_exercise_after_a_treatment_is_still_exercise(vocab: Vocabulary) -> None:
    methods = "After exercise therapy sessions, pain was lower in the cupping arm."
    assert "exercise_therapy" in tagged(vocab, methods)
