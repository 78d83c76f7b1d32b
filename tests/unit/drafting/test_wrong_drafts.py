"""Sentences the sets' golds leave out, or read otherwise, that the drafter used to draft
wrongly, as classes: how a treatment feels while it is given, and a condition listed among
its side effects; and the claims next to each that must stay. Every text is written for
these tests."""

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


# -- a condition listed among the side effects -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "item"),
    [
        (
            "Cupping\n\n## Is cupping safe?\n\nAfter a session you may notice:\n\n- bruising\n"
            "- headaches\n- tiredness",
            "headaches",
        ),
        (
            "Laser therapy\n\n## Side effects\n\nSome people get:\n\n- mild warmth\n- migraines",
            "migraines",
        ),
        (
            "Acupuncture\n\nAfterwards you might have:\n\n- soreness where the needles were\n"
            "- a headache",
            "a headache",
        ),
    ],
)
def test_a_condition_among_the_side_effects_is_no_use(draft: Drafter, text: str, item: str) -> None:
    kinds = {k for k, _, _, _ in claims_on(draft(text), item)}
    assert not kinds & {"indication", "effectiveness"}


def test_a_condition_listed_under_what_it_treats_is_still_a_use(draft: Drafter) -> None:
    d = draft(
        "Shockwave therapy\n\n## What we treat\n\nWe use it for:\n\n- tennis elbow\n"
        "- plantar fasciitis"
    )
    assert [k for k, _, _, _ in claims_on(d, "plantar fasciitis")] == ["indication"]
