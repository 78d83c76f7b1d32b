"""Interventions and conditions as real abstracts word them, third round: the spellings of
electrical stimulation, ultrasound that guides a needle however it is said (also through the
abbreviation the record defines), and the distractors held out. Every sentence is SYNTHETIC,
written for these tests."""

from __future__ import annotations

import pytest
from tagging_builders import article

from evidence.models import Tag
from evidence.tagging import Vocabulary, tag_article


def values(tags: list[Tag], dimension: str) -> set[str]:
    return {t.value for t in tags if t.dimension == dimension}


@pytest.mark.parametrize(
    "methods",
    [
        "Electrostimulation at 2 Hz was applied through the inserted needles for 10 minutes.",
        "Half of the respondents combined needling with electro-stimulation.",
        "E-stim was added in the second week.",
        "Patients had electrical muscle stimulation of the quadriceps three times a week.",
        "High-voltage pulsed current was delivered to the calf for 20 minutes.",
        "Microcurrent therapy was given daily for two weeks.",
    ],
)
def test_electrical_stimulation_however_spelled(vocab: Vocabulary, methods: str) -> None:
    record = article("Treatment of calf pain", methods=methods)
    assert "electrical_stimulation" in values(tag_article(record, vocab), "intervention")


@pytest.mark.parametrize(
    "methods",
    [
        "We asked whether ultrasound was used routinely to guide the needle.",
        "Most clinicians did not use ultrasound when needling the lumbar multifidus.",
        "Ultrasound is often used for guidance of injections near the pleura.",
        "The nerve was found by ultrasound before the injection.",
        "Ultrasound was applied to locate the trigger point before needling.",
    ],
)
def test_ultrasound_that_guides_a_needle_is_not_a_treatment(
    vocab: Vocabulary, methods: str
) -> None:
    record = article("Dry needling in practice: a survey", methods=methods)
    tags = tag_article(record, vocab)
    assert "therapeutic_ultrasound" not in values(tags, "intervention")
    assert "dry_needling" in values(tags, "intervention")


@pytest.mark.parametrize(
    "later",
    [
        "Injections guided by US were compared with injections placed by palpation.",
        "In 12 trials guidance by US went with better pain scores.",
        "Needles inserted under US reached the target more often.",
    ],
)
def test_an_abbreviated_ultrasound_that_guides_is_not_a_treatment(
    vocab: Vocabulary, later: str
) -> None:
    record = article(
        "Guided injections of the shoulder",
        background="Ultrasound (US) helps clinicians place needles in deep muscles.",
        methods=later,
        results="Pain fell in both groups.",
    )
    assert "therapeutic_ultrasound" not in values(tag_article(record, vocab), "intervention")


def test_an_abbreviated_ultrasound_given_as_treatment_still_counts(vocab: Vocabulary) -> None:
    record = article(
        "Shoulder pain treated with heat and sound",
        methods=(
            "Pulsed ultrasound (US) was given at 1 MHz. Patients had US for five minutes a"
            " day, and the dose of US was raised in week two."
        ),
    )
    assert "therapeutic_ultrasound" in values(tag_article(record, vocab), "intervention")


@pytest.mark.parametrize(
    ("methods", "named", "instrument"),
    [
        (
            "Adults with myofascial pain syndrome of the trapezius were scored on the Shoulder"
            " Pain and Disability Index.",
            "myofascial_pain_syndrome",
            "shoulder_pain",
        ),
        (
            "Women with chronic neck pain also completed the Fibromyalgia Impact Questionnaire.",
            "neck_pain",
            "fibromyalgia",
        ),
        (
            "In runners with plantar fasciitis, the Low Back Pain Disability Questionnaire was"
            " given as a secondary measure.",
            "plantar_fasciitis",
            "low_back_pain",
        ),
    ],
)
def test_a_condition_inside_an_instruments_name_is_not_a_population(
    vocab: Vocabulary, methods: str, named: str, instrument: str
) -> None:
    record = article("Needling in a pain clinic", methods=methods)
    conditions = values(tag_article(record, vocab), "condition")
    assert named in conditions
    assert instrument not in conditions


def test_an_instrument_that_is_the_only_word_on_the_population_keeps_its_condition(
    vocab: Vocabulary,
) -> None:
    record = article(
        "Steroid injection for rotator cuff disease",
        methods="Change in the Shoulder Pain and Disability Index was the primary outcome.",
    )
    assert "shoulder_pain" in values(tag_article(record, vocab), "condition")


@pytest.mark.parametrize(
    "methods",
    [
        "Patients with hip osteoarthritis had exercise, and the MTrP-DN group had needling too.",
        "Adults with knee osteoarthritis received exercise with or without TrP-DN.",
        "In patients with rotator cuff tears, the MTrP-TPI group had lidocaine injections.",
    ],
)
def test_trigger_points_named_in_an_abbreviated_treatment_are_not_the_syndrome(
    vocab: Vocabulary, methods: str
) -> None:
    record = article("Needling added to exercise", methods=methods)
    assert "myofascial_pain_syndrome" not in values(tag_article(record, vocab), "condition")


@pytest.mark.parametrize(
    "sentence",
    [
        "We also look at the rules for other needle procedures, such as acupuncture and"
        " nerve conduction studies.",
        "Our advice draws on related techniques such as acupuncture.",
        "We compare the guidance with that for similar procedures, for example acupuncture"
        " or joint aspiration.",
    ],
)
def test_an_example_of_other_procedures_is_not_studied_even_beside_we(
    vocab: Vocabulary, sentence: str
) -> None:
    record = article(
        "Dry needling in patients taking anticoagulants",
        methods=f"We review what is known of dry needling with anticoagulants. {sentence}",
    )
    tags = tag_article(record, vocab)
    assert "acupuncture" not in values(tags, "intervention")
    assert "dry_needling" in values(tags, "intervention")


def test_a_record_that_names_its_own_techniques_as_examples_keeps_them(vocab: Vocabulary) -> None:
    record = article(
        "Manual care of trigger points",
        methods="We describe manual techniques such as ischemic compression in 20 patients.",
    )
    assert "trigger_point_therapy" in values(tag_article(record, vocab), "intervention")


@pytest.mark.parametrize(
    ("methods", "term"),
    [
        (
            "Eyes had femtosecond laser-assisted cataract surgery or phacoemulsification.",
            "laser_therapy",
        ),
        (
            "Proteins were identified by matrix-assisted laser desorption ionization.",
            "laser_therapy",
        ),
        ("Hyperopia was corrected by laser in situ keratomileusis.", "laser_therapy"),
        ("Sections were imaged by confocal laser scanning microscopy.", "laser_therapy"),
        ("The core protein blocks lipid mobilization in liver cells.", "manual_therapy"),
        (
            "Mobilization of haematopoietic stem cells was induced with a growth factor.",
            "manual_therapy",
        ),
        ("Airway pressure release ventilation was used in 30 patients.", "trigger_point_therapy"),
    ],
)
def test_the_same_words_in_other_fields_are_not_the_treatment(
    vocab: Vocabulary, methods: str, term: str
) -> None:
    record = article("A study in another field", methods=methods)
    assert term not in values(tag_article(record, vocab), "intervention")


@pytest.mark.parametrize(
    ("methods", "term"),
    [
        ("A GaAlAs diode laser was applied to each trigger point for 60 s.", "laser_therapy"),
        ("High-intensity laser therapy was given to the knee.", "laser_therapy"),
        ("Cervical mobilization was given twice a week.", "manual_therapy"),
    ],
)
def test_the_treatments_themselves_are_still_found(
    vocab: Vocabulary, methods: str, term: str
) -> None:
    record = article("Physiotherapy for pain", methods=methods)
    assert term in values(tag_article(record, vocab), "intervention")


def test_ldh_is_a_disc_herniation_only_where_the_record_defines_it(vocab: Vocabulary) -> None:
    lab = article(
        "Exercise and muscle enzymes",
        methods="Creatine kinase and lactate dehydrogenase (LDH) rose after exercise; LDH fell"
        " by the next day.",
    )
    spine = article(
        "Laser for back pain",
        methods="Adults with lumbar disc herniation (LDH) had laser; in LDH the laser arm did"
        " better.",
    )
    assert "herniated_disc" not in values(tag_article(lab, vocab), "condition")
    assert "herniated_disc" in values(tag_article(spine, vocab), "condition")


@pytest.mark.parametrize(
    "methods",
    [
        "Children with mucopolysaccharidosis (MPS) type I received enzyme replacement.",
        "Twelve patients with MPS II had joint stiffness scored.",
    ],
)
def test_mps_of_mucopolysaccharidosis_is_not_myofascial_pain(
    vocab: Vocabulary, methods: str
) -> None:
    record = article("Enzyme therapy", methods=methods)
    assert "myofascial_pain_syndrome" not in values(tag_article(record, vocab), "condition")


def test_mps_as_myofascial_pain_is_still_found(vocab: Vocabulary) -> None:
    record = article(
        "Laser for neck pain", methods="Forty adults with MPS of the trapezius had laser."
    )
    assert "myofascial_pain_syndrome" in values(tag_article(record, vocab), "condition")


@pytest.mark.parametrize(
    "methods",
    [
        "The technique was applied to the upper trapezius trigger points with sustained pressure.",
        "Treatment was given to each active MTrP by thumb pressure until the tension eased.",
    ],
)
def test_pressure_named_after_the_trigger_points_is_manual_trigger_point_therapy(
    vocab: Vocabulary, methods: str
) -> None:
    record = article("Manual care of neck pain", methods=methods)
    assert "trigger_point_therapy" in values(tag_article(record, vocab), "intervention")


def test_an_algometers_pressure_on_trigger_points_is_a_measure(vocab: Vocabulary) -> None:
    record = article(
        "Needling of neck pain",
        methods="Dry needling was given. Pressure pain threshold was measured with an algometer"
        " applied to the trigger points.",
    )
    assert "trigger_point_therapy" not in values(tag_article(record, vocab), "intervention")
