"""Shapes and word classes of an FAQ page and a magazine listicle, each with sentences of our
own in other sites' voices: an answer whose subject is left out ("Most are minor"), a yes/no
question on what a treatment is the same as, the tradition a treatment comes from, a
question on what it is used for, a comparison that found nothing in its favour, a guideline
against the treatment itself, whom it does not suit (lead-in lines and headings), relief that
comes through how it works ("which in turn eases pain"), the reasons people come for it, a
harm said to be usual, and a treatment named only as what "it" is set against."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from drafting_helpers import claims_on as _of
from drafting_helpers import draft_markdown as _md

from evidence.drafting import Draft
from evidence.tagging import Vocabulary

Drafter = Callable[[str], Draft]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "# Cupping FAQ\n\nCupping is popular with swimmers.\n\n## What side effects should "
            "I expect?\n\nMost are minor and short-lived.\n",
            "Most are minor",
        ),
        (
            "# Laser Therapy Questions\n\nLaser therapy shines light on sore tissue.\n\n"
            "## Are there any risks?\n\nThey are rare, and usually mild.\n",
            "They are rare",
        ),
        (
            "# Shockwave FAQ\n\nShockwave therapy sends pulses into a tendon.\n\n"
            "## Side effects\n\nNearly all of them are temporary.\n",
            "Nearly all",
        ),
    ],
)
def test_an_answer_on_harms_with_its_subject_left_out_is_safety(
    vocab: Vocabulary, text: str, start: str
) -> None:
    assert "safety" in {k for k, _, _, _ in _of(_md(vocab, text), start)}


@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "# Needle FAQ\n\n## Is dry needling just acupuncture under another name?\n\nNo. "
            "The ideas behind them differ.\n",
            "No.",
            "dry_needling",
        ),
        (
            "# Cupping Questions\n\n## Is cupping a kind of massage?\n\nYes, in a way.\n",
            "Yes, in a way",
            "cupping",
        ),
    ],
)
def test_a_yes_or_no_on_what_a_treatment_is_the_same_as_defines_it(
    vocab: Vocabulary, text: str, start: str, intervention: str
) -> None:
    assert ("definition", (intervention,)) in {
        (k, i) for k, i, _, _ in _of(_md(vocab, text), start)
    }


@pytest.mark.parametrize(
    ("sentence", "intervention"),
    [
        ("Acupuncture grew out of traditional Chinese medicine.", "acupuncture"),
        ("Dry needling comes from Western medicine and its study of muscles.", "dry_needling"),
        ("Cupping has its roots in several old healing traditions.", "cupping"),
    ],
)
def test_the_tradition_a_treatment_comes_from_defines_it(
    draft: Drafter, sentence: str, intervention: str
) -> None:
    d = draft(f"Needles and Cups\n\nThree old and new treatments.\n\n{sentence}")
    assert ("definition", (intervention,)) in {(k, i) for k, i, _, _ in _of(d, sentence[:12])}


def test_when_a_treatment_was_first_made_is_its_history(draft: Drafter) -> None:
    d = draft("Needle History\n\nDry needling was created in the 1980s by a doctor in Prague.")
    assert "definition" not in {k for k, _, _, _ in _of(d, "Dry needling was")}


@pytest.mark.parametrize(
    ("text", "start", "conditions"),
    [
        (
            "# Summit Physio FAQ\n\nWe offer dry needling at both clinics.\n\n## Do you needle "
            "shoulders and necks as well?\n\nYes. We often treat rotator cuff problems with it."
            "\n",
            "We often treat",
            {"shoulder_pain"},
        ),
        (
            "# Summit Physio FAQ\n\nWe offer dry needling at both clinics.\n\n## Do you needle "
            "backs as well?\n\nNeck pain and low back pain are on the list too.\n",
            "Neck pain and",
            {"neck_pain", "low_back_pain"},
        ),
        (
            "# Cupping at Harbor\n\nCupping is one of our services.\n\n## What conditions do "
            "you use cupping for?\n\nMostly fibromyalgia and neck pain.\n",
            "Mostly",
            {"fibromyalgia", "neck_pain"},
        ),
    ],
)
def test_the_answer_to_what_it_is_used_for_names_its_uses(
    vocab: Vocabulary, text: str, start: str, conditions: set[str]
) -> None:
    claims = _of(_md(vocab, text), start)
    assert {c[0] for k, _, c, _ in claims if k == "indication"} == conditions


@pytest.mark.parametrize(
    ("text", "start", "intervention", "condition"),
    [
        (
            "# Needling for Heel Pain\n\n## What about plantar fasciitis?\n\nIt helps some "
            "people. When needling was compared with other treatments, though, dry needling "
            "did not relieve pain any better.\n",
            "When needling",
            "dry_needling",
            "plantar_fasciitis",
        ),
        (
            "# Ultrasound Explained\n\n## For carpal tunnel syndrome, the case is weak\n\n"
            "Reviewers found no proof that it works better than splints, exercises or pills.\n",
            "Reviewers found",
            "therapeutic_ultrasound",
            "carpal_tunnel_syndrome",
        ),
        (
            "# Cupping for Back Pain\n\nCupping is popular for low back pain. In two trials it "
            "did not ease pain any better than heat packs.\n",
            "In two trials",
            "cupping",
            "low_back_pain",
        ),
    ],
)
def test_a_comparison_that_found_nothing_in_its_favour_is_no_benefit(
    vocab: Vocabulary, text: str, start: str, intervention: str, condition: str
) -> None:
    claims = _of(_md(vocab, text), start)
    assert ("effectiveness", (intervention,), (condition,), "no_benefit") in claims


def test_no_evidence_that_one_option_beats_the_others_is_no_verdict(vocab: Vocabulary) -> None:
    d = _md(
        vocab,
        "# Myofascial Pain\n\nMany treatments are tried for myofascial pain syndrome. No clear "
        "evidence shows that one of them works better than the others, but exercise is seen "
        "as key.\n",
    )
    assert "no_benefit" not in {a for _, _, _, a in _of(d, "No clear evidence")}


@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "# Ultrasound for the Wrist\n\nTherapeutic ultrasound is offered for carpal tunnel "
            "syndrome. A surgeons' guideline recommends against it.\n",
            "A surgeons",
            "therapeutic_ultrasound",
        ),
        (
            "# Laser for Knees\n\nLaser therapy is sold for knee osteoarthritis. The national "
            "guideline advises against its use.\n",
            "The national guideline",
            "laser_therapy",
        ),
    ],
)
def test_a_guideline_against_the_treatment_itself_is_evidence_against(
    vocab: Vocabulary, text: str, start: str, intervention: str
) -> None:
    claims = _of(_md(vocab, text), start)
    assert ("effectiveness", (intervention,)) in {(k, i) for k, i, _, a in claims}
    assert {a for _, _, _, a in claims} == {"no_benefit"}


def test_advice_against_it_for_some_people_is_still_whom_it_does_not_suit(
    vocab: Vocabulary,
) -> None:
    d = _md(
        vocab,
        "# Massage Safety\n\nMassage is gentle. Doctors advise against it during the first "
        "weeks after surgery.\n",
    )
    assert not _of(d, "Doctors advise")


@pytest.mark.parametrize(
    "text",
    [
        "# Dry Needling\n\nDry needling eases neck pain.\n\n## Who may not have it?\n\n"
        "- you have an infection near the area\n- you take a blood thinner\n",
        "# Ultrasound\n\nTherapeutic ultrasound warms tissue.\n\nTherapists generally avoid "
        "ultrasound:\n\n- over an open wound or an infection\n- near a pacemaker\n",
        "# Cupping\n\nCupping lifts the skin.\n\nTell us first if any of these apply to you:\n\n"
        "- an infection on the skin\n- a bleeding disorder\n",
    ],
)
def test_items_under_whom_it_does_not_suit_make_no_claim(vocab: Vocabulary, text: str) -> None:
    d = _md(vocab, text)
    assert not [c for c in d.claims if c.kind == "adverse_effect"]


@pytest.mark.parametrize(
    ("sentence", "intervention"),
    [
        ("Therapists say ultrasound calms inflammation, which in turn eases pain.",
         "therapeutic_ultrasound"),
        ("Cupping increases blood flow to the area, and this in turn relieves stiffness.",
         "cupping"),
    ],
)  # fmt: skip
def test_relief_that_comes_through_how_it_works_is_a_mechanism(
    draft: Drafter, sentence: str, intervention: str
) -> None:
    d = draft(f"How It Works\n\nA short guide.\n\n{sentence}")
    kinds = {k for k, i, _, _ in _of(d, sentence[:12]) if i == (intervention,)}
    assert kinds == {"mechanism"}


@pytest.mark.parametrize(
    ("sentence", "intervention", "condition"),
    [
        (
            "Overuse pain around the hip is one of the most common reasons runners come to us "
            "for dry needling.",
            "dry_needling",
            "hip_pain",
        ),
        (
            "Neck pain is the main reason office workers come to us for massage.",
            "massage",
            "neck_pain",
        ),
    ],
)
def test_the_reason_people_come_for_a_treatment_is_a_use(
    draft: Drafter, sentence: str, intervention: str, condition: str
) -> None:
    d = draft(f"Why People Come\n\nA clinic's notes.\n\n{sentence}")
    assert ("indication", (intervention,), (condition,), "benefit") in _of(d, sentence[:12])


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        (
            "A deep ache or muscle soreness afterwards is common, and it usually clears in a day.",
            "post_needling_soreness",
        ),
        ("A small bruise where the needle went in is normal.", "bruising"),
    ],
)
def test_a_harm_said_to_be_usual_occurs(draft: Drafter, sentence: str, event: str) -> None:
    d = draft(
        f"Dry Needling Aftercare\n\nPain during the needling happens to some people. "
        f"Bruising happens too.\n\nDry needling is safe. {sentence}"
    )
    assert ("adverse_effect", ("dry_needling",), (event,), "occurs") in _of(d, sentence[:12])


def test_a_bleeding_disorder_is_not_a_harm(draft: Drafter) -> None:
    d = draft(
        "Dry Needling Safety\n\nDry needling is safe. Bruising is more likely if you have a "
        "bleeding disorder."
    )
    assert {e for _, _, e, _ in _of(d, "Bruising is more")} == {("bruising",)}


def test_a_common_add_on_is_no_harm_cue(vocab: Vocabulary) -> None:
    d = _md(
        vocab,
        "# Ultrasound\n\nTherapeutic ultrasound warms tissue.\n\nUltrasound is a common add-on "
        "for aches and injuries, including:\n\n- carpal tunnel syndrome\n- tendinitis\n",
    )
    assert {c for _, _, c, _ in _of(d, "carpal")} == {("carpal_tunnel_syndrome",)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The trials were small, so nobody can say how big the benefit really is.",
        "Function showed only a trend toward improvement.",
        "It is too early to say whether the gains last.",
    ],
)
def test_what_cannot_be_said_yet_asserts_nothing(draft: Drafter, sentence: str) -> None:
    d = draft(f"Laser for Knees\n\nLaser therapy is used for knee osteoarthritis. {sentence}")
    assert not _of(d, sentence[:12])


def test_gentle_and_low_risk_is_safety_not_a_definition(draft: Drafter) -> None:
    d = draft(
        "Ultrasound Basics\n\nThe bottom line: therapeutic ultrasound is gentle and low-risk."
    )
    kinds = {k for k, _, _, _ in _of(d, "The bottom line")}
    assert "safety" in kinds
    assert "definition" not in kinds


@pytest.mark.parametrize(
    ("sentence", "intervention"),
    [
        (
            "In pulsed mode, tiny gas bubbles in the tissue swell and shrink.",
            "therapeutic_ultrasound",
        ),
        ("The pulses cause cavitation in the fluid around the tendon.", "shockwave_therapy"),
        (
            "Alongside it we use a loading program, because the exercise is what makes the "
            "tendon stronger.",
            "exercise_therapy",
        ),
    ],
)
def test_bubbles_in_the_tissue_and_a_tissue_made_stronger_are_how_it_works(
    draft: Drafter, sentence: str, intervention: str
) -> None:
    topic = {
        "therapeutic_ultrasound": "Therapeutic Ultrasound",
        "shockwave_therapy": "Shockwave Therapy",
        "exercise_therapy": "Exercise Therapy",
    }
    name = topic[intervention]
    d = draft(f"{name}\n\n{name} has been used for decades. {sentence}")
    kinds = {(k, i) for k, i, _, _ in _of(d, sentence[:12])}
    assert ("mechanism", (intervention,)) in kinds
    assert "definition" not in {k for k, _ in kinds}


def test_a_form_sold_as_a_home_device_is_no_definition(draft: Drafter) -> None:
    d = draft(
        "Therapeutic Ultrasound\n\nA short guide.\n\nA pulsed form of ultrasound is sold as a "
        "home device to help broken bones knit."
    )
    assert "definition" not in {k for k, _, _, _ in _of(d, "A pulsed form")}


@pytest.mark.parametrize(
    "sentence",
    [
        "We use needling for that soreness too.",
        "Many runners use massage mostly for muscle soreness after races.",
    ],
)
def test_a_harm_a_treatment_is_used_for_is_no_harm_of_it(draft: Drafter, sentence: str) -> None:
    d = draft(f"Recovery Options\n\nMassage and dry needling are popular.\n\n{sentence}")
    assert "adverse_effect" not in {k for k, _, _, _ in _of(d, sentence[:12])}


@pytest.mark.parametrize(
    "sentence",
    [
        "For most problems the proof that it helps is thin.",
        "The evidence for many other conditions is weak.",
    ],
)
def test_a_verdict_on_uses_it_does_not_name_is_no_claim(draft: Drafter, sentence: str) -> None:
    d = draft(f"Laser Therapy\n\nLaser therapy is used for neck pain. {sentence}")
    assert "effectiveness" not in {k for k, _, _, _ in _of(d, sentence[:12])}


def test_a_verdict_for_most_people_is_still_a_claim(draft: Drafter) -> None:
    d = draft("Laser Therapy\n\nLaser therapy is sold widely. It does not work for most people.")
    assert ("effectiveness", "no_benefit") in {(k, a) for k, _, _, a in _of(d, "It does not")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Most athletes feel a short twitch or a mild cramp when the needle finds the knot.",
        "You may notice a small jump in the muscle as the needle goes in.",
        "Some people feel the muscle twitch once or twice.",
    ],
)
def test_a_twitch_someone_feels_is_what_it_is_like(draft: Drafter, sentence: str) -> None:
    d = draft(f"Dry Needling FAQ\n\nDry needling uses thin needles. {sentence}")
    assert "mechanism" not in {k for k, _, _, _ in _of(d, sentence[:12])}


def test_a_twitch_that_makes_the_muscle_relax_is_how_it_works(draft: Drafter) -> None:
    d = draft(
        "Dry Needling FAQ\n\nDry needling uses thin needles. The twitch makes the muscle relax "
        "by reflex."
    )
    assert "mechanism" in {k for k, _, _, _ in _of(d, "The twitch")}


@pytest.mark.parametrize(
    ("sentence", "intervention", "condition"),
    [
        (
            "No clear evidence shows that one of them works better than the others, but "
            "exercise is seen as a key part of any plan for fibromyalgia.",
            "exercise_therapy",
            "fibromyalgia",
        ),
        (
            "Pills did not help her any more than rest did, but massage eased her neck pain.",
            "massage",
            "neck_pain",
        ),
        (
            "Nobody has shown that braces beat splints, but laser therapy may ease carpal "
            "tunnel syndrome.",
            "laser_therapy",
            "carpal_tunnel_syndrome",
        ),
    ],
)
def test_a_claim_after_but_is_read_apart_from_the_clause_before(
    draft: Drafter, sentence: str, intervention: str, condition: str
) -> None:
    d = draft(f"Options\n\nMany treatments are tried.\n\n{sentence}")
    claims = _of(d, sentence[:12])
    assert {(i, c, a) for k, i, c, a in claims if k in ("effectiveness", "indication")} == {
        ((intervention,), (condition,), "benefit")
    }


@pytest.mark.parametrize(
    ("sentence", "intervention"),
    [
        ("We also offer cupping, which draws the skin up into small glass cups.", "cupping"),
        (
            "Some of our physios practise acupuncture, which follows the meridians of Chinese "
            "medicine.",
            "acupuncture",
        ),
        (
            "The practice has added shockwave therapy, which uses sound pulses from a handheld "
            "device.",
            "shockwave_therapy",
        ),
    ],
)
def test_a_gloss_of_the_treatment_just_named_defines_it(
    draft: Drafter, sentence: str, intervention: str
) -> None:
    d = draft(f"Our Services\n\nWe see adults with sports injuries.\n\n{sentence}")
    assert ("definition", (intervention,)) in {(k, i) for k, i, _, _ in _of(d, sentence[:12])}


def test_a_gloss_that_says_what_it_does_for_a_condition_is_no_definition(draft: Drafter) -> None:
    sentence = "We also offer massage, which helps neck pain."
    d = draft(f"Our Services\n\nWe see adults with sports injuries.\n\n{sentence}")
    assert "definition" not in {k for k, _, _, _ in _of(d, "We also offer")}
