"""Sentences the drafter used to leave out as asserting nothing although they state a claim,
as classes: a treatment named as the usual advice or the first choice for a condition, a use
in other words; and, beside it, a condition named only to compare with, which the sentences
after it are not about. Every text is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from drafting_helpers import claims_on

from evidence.drafting import Draft

Drafter = Callable[[str], Draft]


# -- the usual advice, the first choice: a use in other words --------------------------------
@pytest.mark.parametrize(
    ("text", "start", "treatment", "condition"),
    [
        (
            "Plantar fasciitis\n\nCalf stretches are the usual advice for plantar fasciitis.",
            "Calf stretches",
            "exercise_therapy",
            "plantar_fasciitis",
        ),
        (
            "Tennis elbow\n\nFor tennis elbow, an exercise programme that strengthens the "
            "forearm is the standard advice.",
            "For tennis elbow",
            "exercise_therapy",
            "lateral_epicondylitis",
        ),
        (
            "Neck pain\n\nMassage is often the first choice for neck pain that has lasted a "
            "few weeks.",
            "Massage is often",
            "massage",
            "neck_pain",
        ),
        (
            "Low back pain\n\nFor low back pain that keeps coming back, exercise therapy is "
            "the accepted advice.",
            "For low back pain",
            "exercise_therapy",
            "low_back_pain",
        ),
    ],
)
def test_the_usual_advice_for_a_condition_is_a_use(
    draft: Drafter, text: str, start: str, treatment: str, condition: str
) -> None:
    claims = claims_on(draft(text), start)
    assert (
        "indication",
        (treatment,),
        (condition,),
        "benefit",
    ) in claims, claims


def test_the_usual_advice_after_a_session_is_no_use(draft: Drafter) -> None:
    text = (
        "Dry needling\n\nThe usual advice after dry needling is to drink water and take it "
        "easy for a day."
    )
    claims = claims_on(draft(text), "The usual advice")
    assert not [c for c in claims if c[0] == "indication"], claims


# -- a condition named only to compare with --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "kept", "compared"),
    [
        (
            "Heel pain\n\nPlantar fasciitis may come from the fascia slowly wearing down, much "
            "as a tendon does in tendinopathy. Calf stretches are the usual advice.",
            "Calf stretches",
            "plantar_fasciitis",
            "tendinopathy",
        ),
        (
            "Heel pain\n\nPlantar fasciitis tends to hurt most in the first steps of the "
            "morning, just as tennis elbow does when you first grip a cup. Calf stretches are "
            "the usual advice.",
            "Calf stretches",
            "plantar_fasciitis",
            "lateral_epicondylitis",
        ),
        (
            "Neck pain\n\nNeck pain can build over a working day, in the same way as low back "
            "pain does. Massage is often the first choice.",
            "Massage is often",
            "neck_pain",
            "low_back_pain",
        ),
    ],
)
def test_a_condition_named_to_compare_with_sets_up_nothing(
    draft: Drafter, text: str, start: str, kept: str, compared: str
) -> None:
    claims = claims_on(draft(text), start)
    conditions = [c for _, _, named, _ in claims for c in named]
    assert kept in conditions, claims
    assert compared not in conditions, claims


def test_conditions_named_together_both_set_up(draft: Drafter) -> None:
    text = (
        "Elbow and heel pain\n\nTennis elbow and plantar fasciitis both come from overuse. "
        "Exercise therapy is the usual advice."
    )
    conditions = {c for _, _, named, _ in claims_on(draft(text), "Exercise therapy") for c in named}
    assert {"lateral_epicondylitis", "plantar_fasciitis"} <= conditions


# -- strengthening the muscles: exercise therapy told as what is done --------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Neck pain\n\nStrengthening the muscles of the upper back takes load off the neck "
            "and keeps it from tiring.",
            "Strengthening the muscles",
        ),
        (
            "Runner's knee\n\nStrengthening your hip muscles can ease knee pain in runners.",
            "Strengthening your hip",
        ),
        (
            "Heel pain\n\nStrengthening the calf muscles helps plantar fasciitis heal.",
            "Strengthening the calf",
        ),
    ],
)
def test_strengthening_the_muscles_as_subject_is_exercise_therapy(
    draft: Drafter, text: str, start: str
) -> None:
    claims = claims_on(draft(text), start)
    assert any("exercise_therapy" in treatments for _, treatments, _, _ in claims), claims


def test_strengthening_as_what_another_treatment_does_is_no_exercise(draft: Drafter) -> None:
    text = (
        "Dry needling\n\nDry needling is thought to help with strengthening the muscles after "
        "an injury."
    )
    claims = claims_on(draft(text), "Dry needling is thought")
    assert claims
    assert all(treatments == ("dry_needling",) for _, treatments, _, _ in claims), claims


# -- load shared out: how a treatment works ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "treatment"),
    [
        (
            "Kinesio taping\n\nKinesio taping takes some of the strain off the sore tendon.",
            "Kinesio taping takes",
            "kinesio_taping",
        ),
        (
            "Exercise therapy\n\nA regular exercise programme keeps the back muscles from "
            "tiring too quickly.",
            "A regular exercise programme",
            "exercise_therapy",
        ),
        (
            "Massage\n\nMassage takes the pressure off the nerve that runs under the tight muscle.",
            "Massage takes",
            "massage",
        ),
    ],
)
def test_load_taken_off_is_how_it_works(
    draft: Drafter, text: str, start: str, treatment: str
) -> None:
    claims = claims_on(draft(text), start)
    assert ("mechanism", (treatment,), (), "true") in claims, claims
