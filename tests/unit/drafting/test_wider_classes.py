"""Word classes rather than word lists: verbs of use in the active voice ("some clinics offer
it for X"), evidence that a treatment helps little ("little benefit over a sham", "less
convincing"), research as the subject of a verdict ("research on X for Y has been
encouraging"), pain that drops, fades or goes away, a name glossed between commas before
its definition, what a treatment sends into or onto the body, the agent of a treatment (its
light, suction, current) as a reference to it, and the head word of the topic's name
("taping" on a kinesiology tape page)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from evidence.drafting import Draft

Drafter = Callable[[str], Draft]


def _last(d: Draft, start: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...], str]]:
    return [
        (c.kind, c.intervention, c.condition + c.adverse_event, c.asserts)
        for c in d.claims
        if c.sentence.startswith(start)
    ]


# -- verbs of use in the active voice -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention", "condition"),
    [
        (
            "Cupping\n\nCupping leaves round marks on the skin. Some practitioners also offer "
            "it for migraines.",
            "Some practitioners",
            "cupping",
            "migraine",
        ),
        (
            "Physio Notes\n\nMany physiotherapists prescribe TENS for knee osteoarthritis.",
            "Many physiotherapists",
            "electrical_stimulation",
            "knee_osteoarthritis",
        ),
        (
            "Sports Medicine\n\nTeam doctors sometimes try shockwave therapy for tennis elbow "
            "before they consider surgery.",
            "Team doctors",
            "shockwave_therapy",
            "lateral_epicondylitis",
        ),
        (
            "Neck Pain Options\n\nGPs occasionally recommend acupuncture for chronic neck pain.",
            "GPs occasionally",
            "acupuncture",
            "neck_pain",
        ),
    ],
)
def test_a_verb_of_use_in_the_active_voice_is_an_indication(
    draft: Drafter, text: str, start: str, intervention: str, condition: str
) -> None:
    claims = _last(draft(text), start)
    assert ("indication", (intervention,), (condition,), "benefit") in claims


# -- evidence that it helps little ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "condition"),
    [
        (
            "TENS\n\nTENS is a small unit that sends pulses through the skin. For chronic low "
            "back pain, however, trials have shown little benefit over a sham device.",
            "For chronic low back pain",
            "low_back_pain",
        ),
        (
            "Cold Laser\n\nLaser therapy is a light treatment. Studies in carpal tunnel "
            "syndrome have been less convincing.",
            "Studies in carpal",
            "carpal_tunnel_syndrome",
        ),
        (
            "Shockwave\n\nShockwave therapy sends pulses into a tendon. Results for plantar "
            "fasciitis have been disappointing in the larger trials.",
            "Results for plantar",
            "plantar_fasciitis",
        ),
        (
            "Laser\n\nA large trial found no real difference between laser therapy and a "
            "placebo for neck pain.",
            "A large trial",
            "neck_pain",
        ),
    ],
)
def test_evidence_that_it_helps_little_is_no_benefit(
    draft: Drafter, text: str, start: str, condition: str
) -> None:
    claims = _last(draft(text), start)
    assert claims and all(c[0] == "effectiveness" and c[3] == "no_benefit" for c in claims)
    assert any(c[2] == (condition,) for c in claims)


# -- research as the subject of a verdict ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "condition"),
    [
        (
            "TENS\n\nResearch on TENS for fibromyalgia has been encouraging.",
            "Research on TENS",
            "fibromyalgia",
        ),
        (
            "Cupping\n\nStudies of cupping for neck pain look promising so far.",
            "Studies of cupping",
            "neck_pain",
        ),
        (
            "Laser\n\nThe evidence for laser therapy in neck pain is favourable.",
            "The evidence",
            "neck_pain",
        ),
    ],
)
def test_research_judged_promising_is_an_effectiveness_claim(
    draft: Drafter, text: str, start: str, condition: str
) -> None:
    assert ("effectiveness", (condition,), "benefit") in [
        (k, c, a) for k, _, c, a in _last(draft(text), start)
    ]


# -- pain that drops, fades or goes away ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "condition"),
    [
        (
            "TENS\n\nMany people who use a TENS unit find their pain drops noticeably.",
            "Many people",
            None,
        ),
        (
            "Cupping\n\nAfter a few sessions of cupping, neck pain often fades.",
            "After a few",
            "neck_pain",
        ),
        (
            "Shockwave Therapy\n\nWith shockwave therapy, heel pain usually settles within a "
            "few weeks.",
            "With shockwave",
            "plantar_fasciitis",
        ),
        (
            "Laser\n\nMost patients say their back pain went away after laser treatment.",
            "Most patients",
            "low_back_pain",
        ),
        (
            "Acupuncture\n\nFor many people, headaches become less frequent after a course of "
            "acupuncture.",
            "For many people",
            "tension_type_headache",
        ),
    ],
)
def test_pain_that_drops_or_goes_away_is_an_effect(
    draft: Drafter, text: str, start: str, condition: str | None
) -> None:
    claims = _last(draft(text), start)
    assert any(
        k == "effectiveness" and a == "benefit" and (condition is None or c == (condition,))
        for k, _, c, a in claims
    ), claims


# -- a name glossed between commas before what it is ----------------------------------------
@pytest.mark.parametrize(
    ("text", "intervention"),
    [
        (
            "TENS\n\nTENS, short for transcutaneous electrical nerve stimulation, is a small "
            "battery-powered unit that sends mild pulses through the skin.",
            "electrical_stimulation",
        ),
        (
            "Laser\n\nLow-level laser therapy, often called cold laser, is a treatment that "
            "shines light on the skin.",
            "laser_therapy",
        ),
        (
            "Cupping\n\nCupping, an ancient practice from China and the Middle East, is a "
            "therapy in which cups are set on the skin.",
            "cupping",
        ),
    ],
)
def test_a_name_glossed_between_commas_is_still_defined(
    draft: Drafter, text: str, intervention: str
) -> None:
    d = draft(text)
    assert [(c.kind, c.intervention) for c in d.claims][:1] == [("definition", (intervention,))]


# -- what the treatment sends into or onto the body -----------------------------------------
@pytest.mark.parametrize(
    ("text", "intervention"),
    [
        (
            "Cold Laser\n\nLow-level laser therapy shines red light onto the skin over the "
            "sore area.",
            "laser_therapy",
        ),
        (
            "Electrotherapy\n\nA TENS unit sends mild electrical pulses through pads on the skin.",
            "electrical_stimulation",
        ),
        (
            "Cupping\n\nCupping draws the skin and the muscle below it up into a cup by suction.",
            "cupping",
        ),
        (
            "Cold Laser\n\nLaser therapy is popular. During a session, your provider holds a "
            "small wand over the painful spot for a few minutes.",
            "laser_therapy",
        ),
    ],
)
def test_what_it_sends_into_or_onto_the_body_defines_it(
    draft: Drafter, text: str, intervention: str
) -> None:
    d = draft(text)
    assert ("definition", (intervention,)) in [(c.kind, c.intervention) for c in d.claims][-1:]


def test_a_treatment_that_helps_a_condition_is_not_read_as_a_definition(draft: Drafter) -> None:
    d = draft("TENS\n\nTENS sends relief to people with fibromyalgia.")
    assert "definition" not in [c.kind for c in d.claims]


# -- the agent of the treatment stands for it -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "Cold Laser Therapy\n\n## How it works\n\nLaser therapy is quick. The main risk is "
            "small.\n\nThe light is believed to boost energy production inside cells.",
            "The light",
            "laser_therapy",
        ),
        (
            "Cupping\n\n## Why it helps\n\nCupping is old. Many people like it.\n\nThe suction "
            "is thought to increase blood flow to the area.",
            "The suction",
            "cupping",
        ),
        (
            "TENS\n\n## Why it helps\n\nTENS is common. Many people like it.\n\nThe electrical "
            "impulses stimulate the nerves and block pain signals.",
            "The electrical",
            "electrical_stimulation",
        ),
    ],
)
def test_the_agent_of_the_treatment_stands_for_it(
    draft: Drafter, text: str, start: str, intervention: str
) -> None:
    claims = _last(draft(text), start)
    assert claims and claims[0][:2] == ("mechanism", (intervention,))


# -- the head word of the topic's name ------------------------------------------------------
def test_the_head_word_of_the_topic_names_the_topic(draft: Drafter) -> None:
    d = draft("Kinesiology Taping\n\nKinesiology tape is a stretchy strip. Athletes pick "
              "bright colours. Taping is frequently used for low back pain. The tape is "
              "believed to lift the skin and increase blood flow.")  # fmt: skip
    assert ("indication", ("kinesio_taping",), ("low_back_pain",), "benefit") in _last(d, "Taping")
    assert [c[:2] for c in _last(d, "The tape")] == [("mechanism", ("kinesio_taping",))]


def test_a_head_word_on_a_page_about_another_treatment_names_nothing(draft: Drafter) -> None:
    d = draft("Shockwave Therapy\n\nShockwave therapy sends pulses into a tendon. Athletes "
              "like it. Taping is frequently used for low back pain.")  # fmt: skip
    # (the paragraph's treatment is carried over as before; the head word names no other)
    assert all("kinesio_taping" not in c[1] for c in _last(d, "Taping"))


# -- payers, and lay names of conditions ----------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "asserts"),
    [
        ("Most carriers pay for acupuncture for chronic low back pain.", "covered"),
        ("Workers' compensation often covers dry needling after a work injury.", "covered"),
        ("Tricare covers acupuncture for some service members.", "covered"),
        ("Few private health funds cover shockwave therapy.", "not_covered"),
    ],
)
def test_the_class_of_payers_makes_coverage_claims(
    draft: Drafter, sentence: str, asserts: str
) -> None:
    d = draft(f"Paying for Care\n\n{sentence}")
    assert [(c.kind, c.asserts) for c in d.claims][:1] == [("coverage", asserts)]


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        ("Laser therapy is often offered for knee arthritis.", "knee_osteoarthritis"),
        ("Acupuncture may ease arthritis in the knee.", "knee_osteoarthritis"),
        ("Dry needling is used for TMJ.", "temporomandibular_disorder"),
    ],
)
def test_lay_names_of_conditions(draft: Drafter, sentence: str, condition: str) -> None:
    assert [c.condition for c in draft(f"Options\n\n{sentence}").claims] == [(condition,)]
