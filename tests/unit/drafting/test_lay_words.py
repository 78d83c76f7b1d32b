"""Lay words of data/drafting/lay-terms.yaml added as classes, and the first pass's effect
wording evened out across hedges and verbs. Every text is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from drafting_helpers import claims_on

from evidence.drafting import Draft, draft_claims, parse_text
from evidence.tagging import Vocabulary

Drafter = Callable[[str], Draft]


def _first_pass(vocab: Vocabulary, text: str) -> Draft:
    """The first pass alone (no second reading), where the effect cues live."""
    return draft_claims(parse_text(text), vocab, reread=())


# -- pain said to be long-standing: chronic pain --------------------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Cupping\n\nCupping aims to ease back and shoulder pain that is long-standing.",
            "Cupping aims",
        ),
        (
            "Acupuncture\n\nAcupuncture is used for muscle aches that are long-lasting.",
            "Acupuncture is used",
        ),
        (
            "TENS\n\nTENS can help people whose pain is longstanding.",
            "TENS can",
        ),
        (
            "Massage\n\nMassage may relieve neck pain which has been long-standing.",
            "Massage may",
        ),
    ],
)
def test_pain_that_is_long_standing_is_chronic_pain(draft: Drafter, text: str, start: str) -> None:
    conditions = {c for _, _, found, _ in claims_on(draft(text), start) for c in found}
    assert "chronic_pain" in conditions


@pytest.mark.parametrize(
    "text",
    [
        "Cupping\n\nCupping may ease neck pain that is new.",
        # (new or long-standing: any pain, not chronic pain alone)
        "Cupping\n\nCupping may ease neck pain, whether it is new or long-standing.",
    ],
)
def test_pain_that_is_new_or_either_is_not_chronic_pain(draft: Drafter, text: str) -> None:
    conditions = {c for _, _, found, _ in claims_on(draft(text), "Cupping may") for c in found}
    assert "neck_pain" in conditions and "chronic_pain" not in conditions


# -- stretching, stretches and loading programmes: exercise therapy ------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Heel Pain\n\nStretching can ease plantar fasciitis in many runners.",
            "Stretching can",
        ),
        (
            "Shockwave Therapy for Plantar Fasciitis\n\nA trial found that daily calf stretches "
            "relieved plantar fasciitis as well as shockwave therapy did.",
            "A trial found",
        ),
        (
            "Shockwave Therapy for Tendinopathy\n\nIn the trial, a loading routine eased "
            "Achilles tendinopathy as well as shockwave therapy did.",
            "In the trial",
        ),
        (
            "Neck Pain\n\nSimple stretches at the desk may reduce neck pain in office workers.",
            "Simple stretches",
        ),
    ],
)
def test_stretching_and_loading_are_exercise_therapy(draft: Drafter, text: str, start: str) -> None:
    treatments = {t for _, named, _, _ in claims_on(draft(text), start) for t in named}
    assert "exercise_therapy" in treatments


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Trigger Point Massage\n\nThe therapist presses on the knot, then eases the muscle "
            "with passive stretching to relieve the pain.",
            "The therapist",
        ),
        (
            "Dry Needling\n\nAfter dry needling, gentle stretching can help the soreness settle.",
            "After dry needling",
        ),
        (
            "Massage\n\nYour therapist stretches the muscle slowly to ease the pain.",
            "Your therapist",
        ),
    ],
)
def test_passive_or_aftercare_stretching_is_not_exercise_therapy(
    draft: Drafter, text: str, start: str
) -> None:
    treatments = {t for _, named, _, _ in claims_on(draft(text), start) for t in named}
    assert "exercise_therapy" not in treatments


# -- sore, irritated or overloaded tendons: tendinopathy ------------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Shockwave Therapy\n\nShockwave therapy is used for sore tendons.", "Shockwave therapy"),
        (
            "Dry Needling\n\nDry needling may help irritated tendons in the elbow heal.",
            "Dry needling may",
        ),
        (
            "Ultrasound Therapy\n\nUltrasound is sometimes used for tendon trouble in runners.",
            "Ultrasound is",
        ),
    ],
)
def test_sore_or_irritated_tendons_are_tendinopathy(draft: Drafter, text: str, start: str) -> None:
    conditions = {c for _, _, found, _ in claims_on(draft(text), start) for c in found}
    assert "tendinopathy" in conditions


def test_a_tendon_named_as_a_part_is_not_tendinopathy(draft: Drafter) -> None:
    text = "Shockwave Therapy\n\nThe sound waves reach the tendon and raise blood flow there."
    conditions = {c for _, _, found, _ in claims_on(draft(text), "The sound") for c in found}
    assert "tendinopathy" not in conditions


# -- a complaint that comes back less often, in any verb of recurring ----------------------
@pytest.mark.parametrize(
    ("text", "start", "condition"),
    [
        (
            "Cupping for Low Back Pain\n\nCupping may make low back pain flare up less often.",
            "Cupping may",
            "low_back_pain",
        ),
        (
            "Acupuncture for Migraine\n\nWith acupuncture, migraines tend to flare up less often.",
            "With acupuncture",
            "migraine",
        ),
        (
            "Massage for Tension Headaches\n\nAfter a month of massage, tension headaches "
            "recurred less often.",
            "After a month",
            "tension_type_headache",
        ),
        (
            "Dry Needling for Neck Pain\n\nDry needling can make neck pain crop up less "
            "frequently.",
            "Dry needling can",
            "neck_pain",
        ),
        (
            "TENS for Knee Osteoarthritis\n\nWith TENS, knee osteoarthritis pain came back "
            "less often.",
            "With TENS",
            "knee_osteoarthritis",
        ),
    ],
)
def test_a_complaint_recurring_less_often_is_a_benefit_in_the_first_pass(
    vocab: Vocabulary, text: str, start: str, condition: str
) -> None:
    found = claims_on(_first_pass(vocab, text), start)
    assert any(
        kind == "effectiveness" and condition in conditions and asserts == "benefit"
        for kind, _, conditions, asserts in found
    ), found


# -- little more than a dummy, under any hedge (these held before the round; kept as a
# check that the hedges stay even) -----------------------------------------------------------
@pytest.mark.parametrize(
    "hedge", ["probably does", "seems to do", "likely does", "appears to do", "may do", "did"]
)
def test_little_more_than_a_dummy_under_any_hedge_is_no_benefit(
    vocab: Vocabulary, hedge: str
) -> None:
    text = f"Massage for Neck Pain\n\nFor neck pain, massage {hedge} little more than a dummy."
    found = claims_on(_first_pass(vocab, text), "For neck pain")
    assert ("effectiveness", ("massage",), ("neck_pain",), "no_benefit") in found
