"""Treatments and conditions worded as real authors word them, and the look-alikes held out,
on SYNTHETIC sentences written for these tests (none is taken from a scored record)."""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, RCT, article

from evidence.models import Tag
from evidence.tagging import Vocabulary, tag_article


def values(tags: list[Tag], dimension: str) -> set[str]:
    return {t.value for t in tags if t.dimension == dimension}


def interventions(vocab: Vocabulary, title: str, methods: str) -> set[str]:
    record = article(title, methods=methods, types=(JOURNAL_ARTICLE, RCT))
    return values(tag_article(record, vocab), "intervention")


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        # trigger points as the object of the injection
        ("We injected the tender trigger points with 1% procaine.", {"trigger_point_injection"}),
        ("Their trigger points were injected twice with saline.", {"trigger_point_injection"}),
        ("Injecting all active TrPs with mepivacaine took 9 min.", {"trigger_point_injection"}),
        # manual release named with its abbreviation inside, or by its short name
        ("Each runner had one session of trigger point (TrP) therapy.", {"trigger_point_therapy"}),
        ("Pressure release was held for 90 s on the soleus.", {"trigger_point_therapy"}),
        ("The therapist gave MTrP release to the gluteus medius.", {"trigger_point_therapy"}),
    ],
)
def test_trigger_point_treatments_as_worded(
    vocab: Vocabulary, methods: str, expected: set[str]
) -> None:
    assert interventions(vocab, "Calf pain in walkers", methods) == expected


def test_trigger_point_therapy_as_an_umbrella_yields_to_the_injection(vocab: Vocabulary) -> None:
    """ "Trigger point therapy" over a record that only injects: the injection is studied."""
    found = interventions(
        vocab,
        "Trigger point therapy for shoulder pain: a look at the injectates",
        "Trigger point injection with procaine was set against trigger point injection with water.",
    )
    assert found == {"trigger_point_injection"}


def test_manual_release_named_beside_needling_stays(vocab: Vocabulary) -> None:
    found = interventions(
        vocab,
        "Dry needling against ischaemic compression of trigger points",
        "Forty patients had dry needling or ischaemic compression of the trapezius.",
    )
    assert found == {"dry_needling", "trigger_point_therapy"}


def test_a_bare_massage_of_trigger_points_is_the_release(vocab: Vocabulary) -> None:
    found = interventions(
        vocab,
        "Trigger point pressure release massage for jaw pain",
        "The massage group had eight sessions; the massage pressed each trigger point.",
    )
    assert found == {"trigger_point_therapy"}


def test_a_named_kind_of_massage_is_kept_beside_trigger_point_release(vocab: Vocabulary) -> None:
    found = interventions(
        vocab,
        "Swedish massage or trigger point release for neck pain",
        "Patients had Swedish massage or trigger point release for four weeks.",
    )
    assert found == {"trigger_point_therapy", "massage"}


@pytest.mark.parametrize(
    "methods",
    [
        # exercise as the way soreness was provoked, or as what patients could do
        "Soreness of the biceps was measured two days after the exercise.",
        "Volunteers were sore after an unaccustomed exercise of the forearm.",
        "Only patients able to do physical exercise were enrolled.",
        # focused ultrasound that ablates tissue is not physical therapy
        "Focused ultrasound under MRI guidance was used to ablate the fibroid.",
        "Focused ultrasound ablation of the nerve was done in one session.",
    ],
)
def test_look_alikes_are_not_treatments_studied(vocab: Vocabulary, methods: str) -> None:
    assert interventions(vocab, "Pain in the forearm", methods) == set()


def test_focused_ultrasound_as_physical_therapy_heating_is_kept(vocab: Vocabulary) -> None:
    found = interventions(
        vocab,
        "Calf pain after physiotherapy",
        "Focused ultrasound heated the calf for ten minutes in each session.",
    )
    assert found == {"therapeutic_ultrasound"}


def conditions(vocab: Vocabulary, title: str, methods: str) -> set[str]:
    record = article(title, methods=methods, types=(JOURNAL_ARTICLE, RCT))
    return values(tag_article(record, vocab), "condition")


@pytest.mark.parametrize(
    "title",
    [
        "Acupuncture for osteoarthritis of the hip or knee",
        "Laser therapy in hip and knee osteoarthritis",
        "Exercise in knee or hip OA: a trial",
    ],
)
def test_knee_osteoarthritis_named_with_the_hip(vocab: Vocabulary, title: str) -> None:
    assert "knee_osteoarthritis" in conditions(vocab, title, "Sixty adults were treated.")


@pytest.mark.parametrize(
    "methods",
    [
        # trigger points as where the needle went, inside another diagnosis
        "Needling with low frequency at MTrPs was set against needling at acupoints.",
        "Pain fell more with MTrP needling than with the control.",
    ],
)
def test_trigger_points_as_a_treatment_site_are_not_the_syndrome(
    vocab: Vocabulary, methods: str
) -> None:
    found = conditions(vocab, "Electroacupuncture for chronic low back pain", methods)
    assert found == {"low_back_pain"}


def test_people_with_trigger_points_have_the_syndrome(vocab: Vocabulary) -> None:
    found = conditions(
        vocab, "Shoulder pain in swimmers", "We enrolled swimmers with shoulder MTrPs."
    )
    assert "myofascial_pain_syndrome" in found


def test_trigger_point_dry_needling_abbreviated_alone(vocab: Vocabulary) -> None:
    found = interventions(vocab, "Hip pain in cyclists", "Each cyclist had TrP-DN of the gluteus.")
    assert found == {"dry_needling"}


def test_trigger_points_a_treatment_is_for_are_the_syndrome(vocab: Vocabulary) -> None:
    found = conditions(
        vocab, "Laser for upper trapezius MTrPs in nurses", "Forty nurses took part."
    )
    assert "myofascial_pain_syndrome" in found
    # latent ones cause no pain, and a treatment named by them says nothing of the people
    assert "myofascial_pain_syndrome" not in conditions(
        vocab, "Laser for latent MTrPs in nurses", "Forty nurses took part."
    )


def test_an_injection_of_a_dose_into_named_trigger_points(vocab: Vocabulary) -> None:
    found = interventions(
        vocab,
        "Neck pain in drivers",
        "Each had an injection of 2% procaine into the levator trigger points.",
    )
    assert found == {"trigger_point_injection"}


def test_alone_of_the_other_arm_leaves_the_add_on_studied(vocab: Vocabulary) -> None:
    found = interventions(
        vocab,
        "Laser therapy and exercise versus exercise alone for neck pain",
        "Sixty adults were randomised to the two arms.",
    )
    assert found == {"laser_therapy"}


def test_jumpers_knee_is_a_tendinopathy(vocab: Vocabulary) -> None:
    assert "tendinopathy" in conditions(vocab, "Shockwave for jumper's knee", "Forty took part.")


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        # active trigger points as the inclusion criterion are the syndrome
        ("Participants had at least one active trigger point in the masseter.", True),
        ("Inclusion required the presence of an active MTrP in the gluteus.", True),
        # inside another diagnosis, or as the treatment's object, they are not
        ("Patients with migraine and active MTrPs in the neck were recruited.", False),
        ("Eighty percent had at least one active trigger point.", False),
        ("The needling group had active TrPs needled in the calf.", False),
    ],
)
def test_active_trigger_points_as_an_inclusion_criterion(
    vocab: Vocabulary, methods: str, expected: bool
) -> None:
    found = conditions(vocab, "A study of adults", methods)
    assert ("myofascial_pain_syndrome" in found) is expected


@pytest.mark.parametrize(
    "methods",
    [
        # an anaesthetic given to a nerve, a joint or a bursa is not a trigger point injection
        "Each had a lidocaine injection around the suprascapular nerve.",
        "A lidocaine injection was given into the subacromial bursa.",
        "Intra-articular lignocaine injection of the hip was given.",
        "An occipital nerve block (lidocaine injection) was given.",
    ],
)
def test_anaesthetic_injections_elsewhere_are_not_trigger_point_injection(
    vocab: Vocabulary, methods: str
) -> None:
    assert interventions(vocab, "Shoulder pain in painters", methods) == set()


def test_an_anaesthetic_injection_into_named_trigger_points(vocab: Vocabulary) -> None:
    found = interventions(
        vocab,
        "Neck pain",
        "A local anaesthetic injection into the levator trigger points was given.",
    )
    assert found == {"trigger_point_injection"}


def test_ultrasound_that_confirms_a_diagnosis_is_imaging(vocab: Vocabulary) -> None:
    found = interventions(
        vocab, "Heel pain", "Runners with ultrasound-confirmed plantar fasciitis had laser."
    )
    assert found == {"laser_therapy"}


def test_radial_pressure_waves_are_shockwave(vocab: Vocabulary) -> None:
    found = interventions(vocab, "Calf pain", "Radial pressure waves were applied to the soleus.")
    assert found == {"shockwave_therapy"}


@pytest.mark.parametrize(
    "methods",
    [
        "TrP needling was set against stretching.",
        "Needling of the gluteus medius MTrPs was done weekly.",
        "The soleus trigger points were needled until a twitch was seen.",
    ],
)
def test_trigger_points_needled_however_worded(vocab: Vocabulary, methods: str) -> None:
    assert interventions(vocab, "Calf pain in walkers", methods) == {"dry_needling"}


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        ("Ischaemic pressure was held on each trigger point for 60 s.", {"trigger_point_therapy"}),
        ("Sustained compression of the soleus MTrPs was given.", {"trigger_point_therapy"}),
        # an algometer's pressure measures the threshold; it is not a treatment
        ("Pressure was applied to the trigger points with an algometer.", set()),
    ],
)
def test_manual_pressure_on_trigger_points(
    vocab: Vocabulary, methods: str, expected: set[str]
) -> None:
    assert interventions(vocab, "Calf pain in walkers", methods) == expected
