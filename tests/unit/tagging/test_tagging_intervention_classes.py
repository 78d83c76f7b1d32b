"""Interventions named by technique, by trade name or inside a combined programme.

Every sentence is SYNTHETIC, written for these tests in the styles real abstracts use.
Percutaneous (needle) electrolysis passes a galvanic current through a needle; the
labelling rules (tests/eval/README.md) map it to `electrical_stimulation`, whatever name
the record gives the technique.
"""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, RCT, article

from evidence.models import Tag
from evidence.tagging import Vocabulary, tag_article


def interventions(tags: list[Tag]) -> set[str]:
    return {t.value for t in tags if t.dimension == "intervention"}


@pytest.mark.parametrize(
    ("title", "methods"),
    [
        (
            "Percutaneous needle electrolysis for jumper's knee",
            "Thirty athletes had three sessions of ultrasound-guided PNE at 3 mA.",
        ),
        (
            "Percutaneous electrolysis or eccentric loading for Achilles tendinopathy",
            "Runners were allocated to percutaneous electrolysis or to a loading programme.",
        ),
        (
            "Intratissue percutaneous electrolysis in chronic epicondylalgia",
            "Each patient had intratissue percutaneous electrolysis (EPI) once a week.",
        ),
        (
            "Two years of percutaneous microelectrolysis in sports clinics",
            "We followed 120 players treated with percutaneous microelectrolysis.",
        ),
        (
            "Needle electrolysis of the supraspinatus tendon",
            "A galvanic current was delivered through an acupuncture needle into the tendon.",
        ),
    ],
)
def test_needle_electrolysis_is_electrical_stimulation(
    vocab: Vocabulary, title: str, methods: str
) -> None:
    record = article(title, methods=methods, types=[JOURNAL_ARTICLE])
    assert "electrical_stimulation" in interventions(tag_article(record, vocab))


def test_electrolysis_that_removes_hair_is_not_a_needle_technique(vocab: Vocabulary) -> None:
    record = article(
        "Laser or electrolysis for facial hair",
        methods="Women with hirsutism were randomized to laser hair removal or electrolysis.",
        types=[RCT],
    )
    assert "electrical_stimulation" not in interventions(tag_article(record, vocab))


@pytest.mark.parametrize(
    ("title", "results"),
    [
        (
            "Dry needling of myofascial trigger points: a meta-analysis",
            "Five trials set dry needling against lidocaine; pooled pain did not differ.",
        ),
        (
            "Needling or anaesthetic for trapezius trigger points",
            "Pain fell more in the bupivacaine group than after dry needling (p = 0.04).",
        ),
        (
            "Botulinum toxin for active MTrPs of the neck",
            "Dry needling and botulinum toxin type A eased pain to a similar degree.",
        ),
        (
            "Treating trigger points in the gluteal muscles",
            "Relief lasted longer with 1% lidocaine than with stretching alone.",
        ),
    ],
)
def test_a_drug_arm_in_a_trigger_point_record_is_a_trigger_point_injection(
    vocab: Vocabulary, title: str, results: str
) -> None:
    record = article(
        title,
        methods="Patients with myofascial trigger points were compared across arms.",
        results=results,
        types=[RCT],
    )
    assert "trigger_point_injection" in interventions(tag_article(record, vocab))


@pytest.mark.parametrize(
    "methods",
    [
        # a nerve block, a patch on the skin, a placebo: not injections into trigger points
        "Trigger points were needled, and the control arm had a lidocaine nerve block.",
        "Dry needling of trigger points was compared against a lidocaine patch on the skin.",
        "Trigger points were needled, versus placebo lidocaine given to the other arm.",
    ],
)
def test_a_drug_given_elsewhere_is_not_a_trigger_point_injection(
    vocab: Vocabulary, methods: str
) -> None:
    record = article("Needling of trigger points", methods=methods, types=[RCT])
    assert "trigger_point_injection" not in interventions(tag_article(record, vocab))


def test_a_drug_in_a_record_without_trigger_points_is_not_tagged(vocab: Vocabulary) -> None:
    record = article(
        "Knee pain after surgery",
        methods="Patients had acupuncture or lidocaine before discharge.",
        types=[RCT],
    )
    assert "trigger_point_injection" not in interventions(tag_article(record, vocab))


@pytest.mark.parametrize(
    "methods",
    [
        "One arm did slow dynamic foam rolling over the calf; the other rested.",
        "Roller massage of the hamstrings was given for 90 seconds.",
        "Participants were taught self-massage of the neck muscles.",
        "The experimental group had tuina three times a week.",
    ],
)
def test_massage_named_by_its_technique(vocab: Vocabulary, methods: str) -> None:
    record = article("Muscle soreness in runners", methods=methods, types=[RCT])
    assert "massage" in interventions(tag_article(record, vocab))


@pytest.mark.parametrize(
    "methods",
    [
        "Patients were told to keep up their exercise programmes at home.",
        "All participants were advised to continue their usual stretching exercises.",
        "Participants continued their regular home exercises throughout the trial.",
    ],
)
def test_exercise_people_were_told_to_go_on_doing_is_not_studied(
    vocab: Vocabulary, methods: str
) -> None:
    record = article(
        "Dry needling for neck pain",
        methods="Sixty adults were randomised to dry needling or sham needling. " + methods,
        types=[RCT],
    )
    assert "exercise_therapy" not in interventions(tag_article(record, vocab))


def test_exercise_that_is_an_arm_is_still_studied(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling or exercise for neck pain",
        methods="Sixty adults were randomised to dry needling or to a neck exercise programme.",
        types=[RCT],
    )
    assert "exercise_therapy" in interventions(tag_article(record, vocab))


@pytest.mark.parametrize(
    ("title", "methods"),
    [
        (
            "How safe is ultrasound-assisted liposuction?",
            "We recorded the complications of 400 ultrasound-assisted liposuction procedures.",
        ),
        (
            "High-intensity-focused ultrasound for uterine fibroids",
            "Patients had high-intensity-focused ultrasound (HIFU); HIFU shrank the fibroids.",
        ),
        (
            "Ultrasonic scalpel or electrocautery in thyroid surgery",
            "The ultrasonic scalpel was compared with electrocautery in 90 operations.",
        ),
    ],
)
def test_ultrasound_as_a_surgical_tool_is_not_therapeutic_ultrasound(
    vocab: Vocabulary, title: str, methods: str
) -> None:
    record = article(title, methods=methods, types=[JOURNAL_ARTICLE])
    assert "therapeutic_ultrasound" not in interventions(tag_article(record, vocab))


def test_ultrasound_given_to_a_muscle_is_still_therapeutic(vocab: Vocabulary) -> None:
    record = article(
        "Ultrasound therapy for trapezius pain",
        methods="Continuous ultrasound at 1 MHz was applied over the trapezius for 5 minutes.",
        types=[RCT],
    )
    assert "therapeutic_ultrasound" in interventions(tag_article(record, vocab))


@pytest.mark.parametrize(
    "methods",
    [
        "The control arm did heavy slow resistance training of the calf three times a week.",
        "Participants followed a 12-week strength training plan for the shoulder.",
        "Athletes had eccentric loading of the patellar tendon with a decline board.",
        "Women with neck pain attended Pilates classes twice a week.",
        "Runners completed plyometric training and proprioceptive training on a wobble board.",
    ],
)
def test_exercise_named_by_its_method(vocab: Vocabulary, methods: str) -> None:
    record = article("Treating tendon pain", methods=methods, types=[RCT])
    assert "exercise_therapy" in interventions(tag_article(record, vocab))
