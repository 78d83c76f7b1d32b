"""The second reading by rule (`evidence.drafting.second`): sentences the first pass leaves
out for want of a cue, read as claims of the treatment in hand.

- a study's result told of its people or groups, with no treatment word;
- a description of the treatment by one of its parts (not a session's length, how the
  parts are kept clean or what a part does for the risks)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from drafting_helpers import claims_on

from evidence.drafting import Draft, draft_claims, parse_text
from evidence.tagging import Vocabulary

Drafter = Callable[[str], Draft]


# -- a study's result told of its people or groups ------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        (
            "Massage for Low Back Pain\n\nA small study tested massage in office workers with "
            "low back pain. Their pain grew less intense over six weeks.",
            "Their pain",
            ("effectiveness", ("massage",), ("low_back_pain",), "benefit"),
        ),
        (
            "Shockwave Therapy for Plantar Fasciitis\n\nA trial compared shockwave therapy with "
            "a sham device in runners. The runners who got the real device walked with less "
            "heel pain a month later.",
            "The runners who got",
            ("effectiveness", ("shockwave_therapy",), ("plantar_fasciitis",), "benefit"),
        ),
        (
            "TENS for Neck Pain\n\nIn a trial of TENS for neck pain, the group with the active "
            "unit and the group with a dummy unit ended up in much the same place.",
            "In a trial of TENS",
            ("effectiveness", ("electrical_stimulation",), ("neck_pain",), "no_benefit"),
        ),
    ],
)
def test_a_result_told_of_the_study_people_is_an_effectiveness_claim(
    draft: Drafter, text: str, start: str, expected: tuple[object, ...]
) -> None:
    assert claims_on(draft(text), start) == [expected]


def test_a_result_with_no_study_set_up_stays_out(draft: Drafter) -> None:
    text = (
        "Massage for Low Back Pain\n\nMany office workers come to us in spring. Their "
        "gardens grew less tidy over the winter."
    )
    assert claims_on(draft(text), "Their gardens") == []


# -- a description of the treatment by one of its parts -------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "Shockwave Therapy\n\nThe device looks a bit like a dentist's drill.",
            "The device",
            "shockwave_therapy",
        ),
        (
            "Dry Needling\n\nThe needle goes straight into the tight band of muscle. The "
            "filament is thinner than a hair and bends easily.",
            "The filament",
            "dry_needling",
        ),
        (
            "Acupuncture\n\nAcupuncture uses fine needles placed at set points. The needles "
            "stay in while you lie still.",
            "The needles stay",
            "acupuncture",
        ),
    ],
)
def test_a_part_of_the_treatment_described_is_a_definition(
    draft: Drafter, text: str, start: str, intervention: str
) -> None:
    assert claims_on(draft(text), start) == [("definition", (intervention,), (), "true")]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Shockwave Therapy\n\nA session usually lasts about ten minutes.", "A session"),
        ("Dry Needling\n\nEach needle is sterile and thrown away after use.", "Each needle"),
        ("Therapeutic Ultrasound\n\nThe probe keeps moving for a reason.", "The probe"),
        (
            "Shockwave Therapy\n\nThe handpiece has a cap that lowers the risk for the therapist.",
            "The handpiece",
        ),
    ],
)
def test_logistics_and_teasers_are_not_descriptions(draft: Drafter, text: str, start: str) -> None:
    assert claims_on(draft(text), start) == []


def test_without_the_second_reading_the_first_pass_leaves_them_out(vocab: Vocabulary) -> None:
    text = "Shockwave Therapy\n\nThe device looks a bit like a dentist's drill."
    first = draft_claims(parse_text(text), vocab, reread=())
    assert claims_on(first, "The device") == []
    assert any(item.sentence.startswith("The device") for item in first.left_out)
    second = draft_claims(parse_text(text), vocab)
    assert not any(item.sentence.startswith("The device") for item in second.left_out)


# -- a use in other words: the condition managed with the treatment, a referral, a place in
# its care ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        (
            "Heel Pain\n\nPlantar fasciitis can be managed with massage, night splints and "
            "shockwave therapy.",
            "Plantar fasciitis can",
            [
                ("indication", ("massage",), ("plantar_fasciitis",), "benefit"),
                ("indication", ("shockwave_therapy",), ("plantar_fasciitis",), "benefit"),
            ],
        ),
        (
            "Acupuncture\n\nYour doctor may refer you for acupuncture if your knee "
            "osteoarthritis keeps you awake.",
            "Your doctor",
            [("indication", ("acupuncture",), ("knee_osteoarthritis",), "benefit")],
        ),
        (
            "Massage\n\nMassage has a place in the care of low back pain.",
            "Massage has",
            [("indication", ("massage",), ("low_back_pain",), "benefit")],
        ),
        (
            "Low Back Pain\n\nMost back pain settles by itself. It is often handled through "
            "massage and acupuncture.",
            "It is often handled",
            [
                ("indication", ("massage",), ("low_back_pain",), "benefit"),
                ("indication", ("acupuncture",), ("low_back_pain",), "benefit"),
            ],
        ),
        (
            "Neck Pain Options\n\nChronic neck pain is often handled with acupuncture at our "
            "partner clinics.",
            "Chronic neck pain",
            [("indication", ("acupuncture",), ("neck_pain",), "benefit")],
        ),
    ],
)
def test_a_use_in_other_words_is_an_indication(
    draft: Drafter, text: str, start: str, expected: list[tuple[object, ...]]
) -> None:
    assert claims_on(draft(text), start) == expected


def test_a_place_with_no_condition_named_is_not_a_use(draft: Drafter) -> None:
    text = "Massage\n\nMassage has a place in many people's weekly routine."
    assert claims_on(draft(text), "Massage has") == []


# -- a part described after an opening phrase, or handled by the one who gives it ------------
@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "Acupuncture\n\nOnce you are settled, the acupuncturist may warm the needles with "
            "a smouldering herb.",
            "Once you are settled",
            "acupuncture",
        ),
        (
            "Shockwave Therapy\n\nFor deeper tendons, the applicator may be pressed harder "
            "against the skin.",
            "For deeper tendons",
            "shockwave_therapy",
        ),
        (
            "Cupping\n\nYour therapist then slides the cups slowly along the muscle.",
            "Your therapist",
            "cupping",
        ),
    ],
)
def test_a_part_after_an_opening_phrase_or_in_the_giver_s_hands_is_a_definition(
    draft: Drafter, text: str, start: str, intervention: str
) -> None:
    assert claims_on(draft(text), start) == [("definition", (intervention,), (), "true")]


def test_the_giver_with_no_part_named_is_not_a_description(draft: Drafter) -> None:
    text = "Cupping\n\nYour therapist will ask about your week first."
    assert claims_on(draft(text), "Your therapist") == []


# -- an effect in lay words: the treatment makes the condition come less often, or does little
# more than a dummy ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        (
            "Cupping for Low Back Pain\n\nCupping may make low back pain flare up less often.",
            "Cupping may",
            [("effectiveness", ("cupping",), ("low_back_pain",), "benefit")],
        ),
        (
            "Acupuncture\n\nAcupuncture can make low back pain episodes come back less often.",
            "Acupuncture can",
            [("effectiveness", ("acupuncture",), ("low_back_pain",), "benefit")],
        ),
        (
            "Massage for Neck Pain\n\nFor neck pain that keeps coming back, massage probably "
            "does little more than resting.",
            "For neck pain",
            [("effectiveness", ("massage",), ("neck_pain",), "no_benefit")],
        ),
        (
            "Kinesiology Taping for Knee Osteoarthritis\n\nTaping probably does little more "
            "than a plain bandage for knee osteoarthritis.",
            "Taping probably",
            [("effectiveness", ("kinesio_taping",), ("knee_osteoarthritis",), "no_benefit")],
        ),
    ],
)
def test_an_effect_in_lay_words_is_an_effectiveness_claim(
    draft: Drafter, text: str, start: str, expected: list[tuple[object, ...]]
) -> None:
    assert claims_on(draft(text), start) == expected


def test_making_something_else_less_is_not_an_effect_on_a_condition(draft: Drafter) -> None:
    text = "Cupping\n\nCupping can make the room smell of smoke less often if a pump is used."
    assert claims_on(draft(text), "Cupping can") == []
