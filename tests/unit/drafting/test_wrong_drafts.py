"""Sentences the sets' golds leave out that the drafter used to draft wrongly, as classes:
how a treatment feels while it is given, the training, licence or regulation of those who
give it, and how the condition it treats is found; and the claims next to each that must
stay. Every text is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from drafting_helpers import claims_on

from evidence.drafting import Draft

Drafter = Callable[[str], Draft]


def _left_out(d: Draft, start: str) -> str:
    return next(i.reason for i in d.left_out if i.sentence.startswith(start))


# -- how the treatment feels while it is given ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Cupping\n\nCupping can feel a little uncomfortable as the cups are lifted off, "
            "above all on a tender back.",
            "Cupping can feel",
        ),
        (
            "Acupuncture\n\nWhen the needle reaches the right depth, you may notice a dull "
            "ache or heaviness, which is normal.",
            "When the needle reaches",
        ),
        (
            "Shockwave therapy\n\nShockwave therapy can be a little uncomfortable, mostly at "
            "the stronger settings used to loosen calcium deposits in a shoulder.",
            "Shockwave therapy can be",
        ),
        (
            "Trigger point massage\n\nSure, it'll sting a little when the ball rolls onto a tight "
            "spot, and that's fine.",
            "Sure, it'll sting",
        ),
        (
            "Laser therapy\n\nIf the area is sore, you might feel some discomfort as the "
            "probe moves over it, but the treatment itself should not be painful.",
            "If the area is sore",
        ),
    ],
)
def test_how_it_feels_while_given_is_left_out(draft: Drafter, text: str, start: str) -> None:
    d = draft(text)
    assert claims_on(d, start) == []
    assert "feels while it is given" in _left_out(d, start)


@pytest.mark.parametrize(
    ("text", "start", "harm"),
    [
        # (soreness after the treatment is a harm of it)
        (
            "Cupping\n\nCupping can leave the back sore for a day or two after a session.",
            "Cupping can leave",
            "post_needling_soreness",
        ),
        (
            "Dry needling\n\nMany people have some bruising where the needles went in.",
            "Many people have",
            "bruising",
        ),
        (
            "Acupuncture\n\nA few people feel faint during or after acupuncture.",
            "A few people feel faint",
            "syncope",
        ),
        # (pain while it is given, listed as a side effect with a rate)
        (
            "Dry needling\n\nSide effects:\n\n- Aching while the needles are in: about 20 "
            "in every 100 sessions",
            "Aching while",
            "post_needling_soreness",
        ),
    ],
)
def test_harms_after_or_beyond_the_feel_stay(
    draft: Drafter, text: str, start: str, harm: str
) -> None:
    found = {h for kind, _, hs, _ in claims_on(draft(text), start) for h in hs if kind}
    assert harm in found


# -- who gives it: training, licence, regulation ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Acupuncture\n\nAcupuncturists are licensed by the state and must finish three "
            "years of study before they practise.",
            "Acupuncturists are licensed",
        ),
        (
            "Cupping\n\nEvery one of our massage therapists has been certified to use cupping "
            "safely.",
            "Every one of our",
        ),
        (
            "Dry needling\n\nPhysical therapists need many extra hours of coursework before "
            "they may offer dry needling.",
            "Physical therapists need",
        ),
        (
            "Chiropractic care\n\nChiropractic is a regulated profession, and chiropractors "
            "train for four years or more.",
            "Chiropractic is a regulated",
        ),
    ],
)
def test_training_of_who_gives_it_is_left_out(draft: Drafter, text: str, start: str) -> None:
    d = draft(text)
    assert claims_on(d, start) == []


@pytest.mark.parametrize(
    ("text", "start", "kind"),
    [
        # (safety and coverage that hang on who gives it stay claims)
        (
            "Acupuncture\n\nAcupuncture is very safe when a trained, licensed practitioner "
            "gives it.",
            "Acupuncture is very safe",
            "safety",
        ),
        (
            "Dry needling\n\nSome insurers cover dry needling when a licensed physical "
            "therapist gives it.",
            "Some insurers cover",
            "coverage",
        ),
    ],
)
def test_safety_and_coverage_by_who_gives_it_stay(
    draft: Drafter, text: str, start: str, kind: str
) -> None:
    assert kind in {k for k, _, _, _ in claims_on(draft(text), start)}


# -- how the condition is found ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Trigger point injections\n\nYour doctor usually finds a trigger point by "
            "pressing on the muscle and watching how you react.",
            "Your doctor usually finds",
        ),
        (
            "Dry needling\n\nThe therapist locates each knot by feeling along the muscle "
            "with the fingertips.",
            "The therapist locates",
        ),
        (
            "Trigger point injections\n\nTrigger points are most often found by touch, "
            "since they are tender when pressed.",
            "Trigger points are most often found",
        ),
    ],
)
def test_how_the_condition_is_found_is_left_out(draft: Drafter, text: str, start: str) -> None:
    assert claims_on(draft(text), start) == []
