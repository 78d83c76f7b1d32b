"""A sentence drafted as a claim of the wrong kind, as classes: how a treatment is given
told with what it is for (a definition, not how it works), and a gain told only after how
the treatment works (a mechanism); and the claims next to each that must stay. Every text
is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from drafting_helpers import claims_on

from evidence.drafting import Draft

Drafter = Callable[[str], Draft]


def _kinds(d: Draft, start: str) -> list[str]:
    return [kind for kind, _, _, _ in claims_on(d, start)]


# -- how it is given, with what it is for -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Dry needling\n\nDry needling is a treatment in which a physiotherapist pushes a "
            "fine, solid needle into a tight band of muscle to stimulate the nerves beneath "
            "it.",
            "Dry needling is a treatment in which",
        ),
        (
            "Dry needling\n\nYour therapist slides the needle into the knot until the muscle "
            "gives a small twitch, then draws it out again.",
            "Your therapist slides",
        ),
        (
            "Trigger point injections\n\nA trigger point injection is a procedure in which a "
            "numbing medicine is injected into the tight spot to relax the muscle.",
            "A trigger point injection is a procedure",
        ),
        (
            "Acupuncture\n\nChiropractors may also use dry needling, inserting a thin needle "
            "through the skin over the knot, to loosen the knot.",
            "Chiropractors may also use",
        ),
    ],
)
def test_how_it_is_given_with_its_aim_is_a_definition(
    draft: Drafter, text: str, start: str
) -> None:
    assert _kinds(draft(text), start) == ["definition"]


@pytest.mark.parametrize(
    ("text", "start", "kind"),
    [
        # (what it does, with no act of giving it: how it works stays)
        (
            "Dry needling\n\nDry needling works by releasing the tight band of muscle and "
            "increasing blood flow to the area.",
            "Dry needling works by",
            "mechanism",
        ),
        # (a treatment that aims at a gain, with no act of giving it: the gain stays)
        (
            "Cupping\n\nCupping is a treatment that aims to relieve muscle pain.",
            "Cupping is a treatment",
            "effectiveness",
        ),
    ],
)
def test_what_it_does_without_how_it_is_given_stays(
    draft: Drafter, text: str, start: str, kind: str
) -> None:
    assert kind in _kinds(draft(text), start)


# -- a gain told as the result of how it works -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Therapeutic ultrasound\n\nThe heat relaxes tight muscle and increases blood flow "
            "to the area, which helps it heal.",
            "The heat relaxes",
        ),
        (
            "Shockwave therapy\n\nThese pulses increase the blood supply to the tendon, which "
            "in turn helps it repair.",
            "These pulses",
        ),
        (
            "Massage\n\nFirm strokes loosen the knots and improve circulation in the muscle, "
            "which can help it heal.",
            "Firm strokes",
        ),
    ],
)
def test_a_gain_through_how_it_works_is_a_mechanism(draft: Drafter, text: str, start: str) -> None:
    assert _kinds(draft(text), start) == ["mechanism"]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # (a gain for a condition it names stays an effect)
        (
            "Dry needling\n\nDry needling loosens the knots, which helps relieve neck pain.",
            "Dry needling loosens",
        ),
        # (a gain told as its own, not through how it works)
        (
            "Massage\n\nMassage increases blood flow and helps the muscle heal faster.",
            "Massage increases",
        ),
    ],
)
def test_a_gain_of_its_own_stays_an_effect(draft: Drafter, text: str, start: str) -> None:
    assert "effectiveness" in _kinds(draft(text), start)
