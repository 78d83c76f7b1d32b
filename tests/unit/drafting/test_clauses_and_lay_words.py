"""Opening clauses that set a condition ("When a steroid is used, ..."), more verbs of
putting a needle in, "can also be used ... in people with X", outcomes that get better as a
sentence's subject, serious problems said to be rare, and lay names of pain conditions."""

from __future__ import annotations

from collections.abc import Callable

from evidence.drafting import Draft

Drafter = Callable[[str], Draft]


def _kinds(d: Draft) -> list[tuple[str, tuple[str, ...], str]]:
    return [(c.kind, c.condition + c.outcome + c.adverse_event, c.asserts) for c in d.claims]


def test_a_when_clause_on_what_is_given_is_a_condition_not_an_open_matter(draft: Drafter) -> None:
    d = draft("Cupping\n\nCupping uses suction cups on the skin. When a large cup is applied, "
              "it can cause bruising on the back.")  # fmt: skip
    last = d.claims[-1]
    assert (last.kind, last.adverse_event, last.asserts) == (
        "adverse_effect",
        ("bruising",),
        "occurs",
    )
    assert last.sentence.startswith("When a large cup")


def test_a_when_clause_is_no_gloss_of_the_treatment_target(draft: Drafter) -> None:
    d = draft("Trigger Point Injections\n\nTrigger point injections put medicine into a "
              "knot. When numbing medicine is added to the trigger point, the skin turns "
              "pale.")  # fmt: skip
    assert [c.kind for c in d.claims if c.sentence.startswith("When")] == []


def test_sliding_or_advancing_a_needle_defines_the_treatment(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nDry needling is offered by many therapists.\n\n## A visit\n\n"
              "The therapist wipes the skin and then slides a fine needle into the tight band. "
              "If a needle is advanced too deep, it can hurt.")  # fmt: skip
    defined = [c.sentence for c in d.claims if c.kind == "definition"]
    assert defined == [
        "The therapist wipes the skin and then slides a fine needle into the tight band."
    ]


def test_can_also_be_used_in_people_with_a_condition_is_an_indication(draft: Drafter) -> None:
    d = draft("Laser Therapy\n\nLaser therapy is a light treatment. It can also be used on sore "
              "spots in people with neck pain.")  # fmt: skip
    assert _kinds(d)[-1] == ("indication", ("neck_pain",), "benefit")


def test_an_outcome_that_improves_after_the_treatment_is_its_effect(draft: Drafter) -> None:
    d = draft("Massage\n\n## Results\n\nMassage often eases sore muscles. Flexibility tends to "
              "improve too. Posture usually improves as well.")  # fmt: skip
    tail = [c for c in d.claims if c.sentence.startswith(("Flexibility", "Posture"))]
    assert [(c.kind, c.intervention, c.asserts) for c in tail] == [
        ("effectiveness", ("massage",), "benefit"),
        ("effectiveness", ("massage",), "benefit"),
    ]


def test_serious_problems_said_to_be_rare_is_a_safety_claim(draft: Drafter) -> None:
    d = draft("Cupping\n\nCupping leaves marks for a few days. Severe reactions are very rare.")
    assert _kinds(d)[-1] == ("safety", (), "safe")


def test_bare_back_pain_is_low_back_pain_but_upper_back_pain_is_not(draft: Drafter) -> None:
    d = draft("Kinesio Taping\n\nKinesio taping can ease back pain. It may also help upper "
              "back pain.")  # fmt: skip
    assert [c.condition for c in d.claims] == [("low_back_pain",)]


def test_tendon_pain_and_tendon_injuries_are_tendinopathy(draft: Drafter) -> None:
    d = draft("Shockwave Therapy\n\nShockwave therapy is used for tendon pain around the ankle.\n\n"
              "Conditions we treat:\n\n- Old tendon injuries\n")  # fmt: skip
    assert [(c.kind, c.condition) for c in d.claims] == [
        ("indication", ("tendinopathy",)),
        ("indication", ("tendinopathy",)),
    ]


def test_words_sharing_the_last_noun_each_name_their_condition(draft: Drafter) -> None:
    d = draft("Acupuncture\n\nAcupuncture is offered here for:\n\n- Tennis and golfer's elbow\n"
              "- Hip and knee pain\n- Neck and back pain\n")  # fmt: skip
    assert [(c.sentence, c.condition) for c in d.claims] == [
        ("Tennis and golfer's elbow", ("lateral_epicondylitis",)),
        ("Hip and knee pain", ("hip_pain",)),
        ("Neck and back pain", ("neck_pain",)),
        ("Neck and back pain", ("low_back_pain",)),
    ]


def test_tried_for_or_offered_to_people_with_is_an_indication(draft: Drafter) -> None:
    d = draft("Electrical Stimulation\n\nElectrical stimulation is sometimes tried for "
              "fibromyalgia and diabetic nerve pain. It is offered to people with neck pain "
              "too.")  # fmt: skip
    assert _kinds(d) == [
        ("indication", ("fibromyalgia",), "benefit"),
        ("indication", ("diabetic_neuropathy",), "benefit"),
        ("indication", ("neck_pain",), "benefit"),
    ]


def test_some_studies_one_way_and_others_the_other_asserts_nothing(draft: Drafter) -> None:
    d = draft("Laser Therapy\n\nSome studies find that laser therapy eases neck pain, while "
              "others see no change. Some trials show it helps heel pain and others also "
              "agree.")  # fmt: skip
    assert "open matter" in d.left_out[-1].reason
    assert [c.sentence[:11] for c in d.claims] == ["Some trials"]


def test_a_statement_put_the_other_way_round_is_no_indirect_question(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nDry needling uses thin needles. What the therapist hopes to "
              "see is a twitch of the muscle. What causes the twitch is not known.")  # fmt: skip
    assert [(c.kind, c.sentence[:8]) for c in d.claims][-1] == ("mechanism", "What the")
    assert "open matter" in d.left_out[-1].reason


def test_still_being_studied_and_coverage_that_varies_assert_nothing(draft: Drafter) -> None:
    d = draft("Cupping\n\nCupping is an old practice. That said, whether it eases neck pain "
              "is still being studied. Coverage for cupping differs between plans.")  # fmt: skip
    assert [c.kind for c in d.claims] == ["definition"]
    assert [x.reason[:14] for x in d.left_out[1:]] == ["an indirect qu"] * 2


def test_when_the_practitioner_gives_it_is_a_condition_of_the_claim(draft: Drafter) -> None:
    d = draft("Acupuncture\n\nWhen a licensed practitioner performs it, acupuncture is "
              "very safe. Adverse reactions are uncommon.")  # fmt: skip
    assert _kinds(d) == [("safety", (), "safe"), ("safety", (), "safe")]


def test_needles_that_go_into_the_muscle_define_the_treatment(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nMany therapists offer dry needling. The fine needles go "
              "straight into the tight band. Soreness where the needle went in is "
              "common.")  # fmt: skip
    assert [c.kind for c in d.claims] == ["definition", "adverse_effect"]


def test_a_nerve_that_can_be_damaged_is_a_nerve_injury(draft: Drafter) -> None:
    d = draft("Trigger Point Injections\n\nRarely, a nerve can be injured during the shot.")
    assert _kinds(d) == [("adverse_effect", ("nerve_injury",), "occurs")]


def test_quieting_the_spot_and_prompting_repair_are_how_it_works(draft: Drafter) -> None:
    d = draft("Shockwave Therapy\n\nThe pulses quiet the sore spot. They also prompt the "
              "tendon and bone to regenerate.")  # fmt: skip
    assert [c.kind for c in d.claims] == ["mechanism", "mechanism"]


def test_a_harm_made_more_likely_is_an_adverse_effect_again(draft: Drafter) -> None:
    d = draft("Shockwave Therapy\n\n## Side effects\n\nSome people get bruising. Sessions "
              "that are too strong make bruising more likely.")  # fmt: skip
    assert [c.sentence[:8] for c in d.claims] == ["Some peo", "Sessions"]


def test_considered_for_pain_that_has_not_improved_is_a_use(draft: Drafter) -> None:
    d = draft("Trigger Point Injections\n\nWe consider injections for neck pain that has not "
              "improved with rest.")  # fmt: skip
    assert _kinds(d) == [("indication", ("neck_pain",), "benefit")]


def test_a_payer_named_without_what_it_pays_is_no_coverage_claim(draft: Drafter) -> None:
    d = draft("Acupuncture\n\nAcupuncture is an old practice. Insurance rules changed last "
              "year. Some health plans count acupuncture as medically necessary for neck "
              "pain.")  # fmt: skip
    assert _kinds(d)[1:] == [("coverage", ("neck_pain",), "covered")]


def test_items_under_a_lead_on_whom_it_is_not_for_are_left_out(draft: Drafter) -> None:
    d = draft("Shockwave Therapy\n\nShockwave therapy sends sound waves into tissue.\n\n"
              "We do not use it:\n\n- over an infection\n- in people with a bleeding disorder, "
              "as bruising is then more likely\n")  # fmt: skip
    # (the bleeding disorder is the patient's, not a harm of the treatment)
    assert _kinds(d) == [("adverse_effect", ("bruising",), "occurs")]
    assert "contraindication" in d.left_out[-1].reason


def test_a_condition_inside_the_words_of_how_it_works_is_not_its_use(draft: Drafter) -> None:
    d = draft("Trigger Point Injections\n\nThe shots calm pinched nerves and help with "
              "weakness.")  # fmt: skip
    assert [c.kind for c in d.claims] == ["mechanism"]
    assert d.claims[0].condition == ()


def test_the_staff_trained_to_work_safely_is_no_safety_claim(draft: Drafter) -> None:
    d = draft("Cupping\n\nEvery therapist here is certified to apply the cups safely.")
    assert d.claims == []


def test_items_under_what_is_injected_define_the_treatment(draft: Drafter) -> None:
    d = draft("Trigger Point Injections\n\nTrigger point injections are shots into knots.\n\n"
              "## What goes in the shot?\n\nUsually the medicine is a local anesthetic. The "
              "mixture may contain:\n\n- a numbing agent\n- saline\n")  # fmt: skip
    assert [(c.kind, c.sentence) for c in d.claims][1:] == [
        ("definition", "Usually the medicine is a local anesthetic."),
        ("definition", "a numbing agent"),
        ("definition", "saline"),
    ]


def test_the_practitioner_turning_the_needles_and_the_name_define_it(draft: Drafter) -> None:
    d = draft("Acupuncture\n\nAcupuncture is practised widely. The acupuncturist may gently "
              "twist the needles. It takes its name from the Latin for needle.")  # fmt: skip
    assert [c.kind for c in d.claims] == ["definition", "definition"]


def test_side_effect_pain_after_treatment_but_not_pain_relief_after_it(draft: Drafter) -> None:
    d = draft("Shockwave Therapy\n\nSide effects include pain during and after treatment. "
              "Pain relief after treatment can last for months.")  # fmt: skip
    assert _kinds(d)[0] == ("adverse_effect", ("post_needling_soreness",), "occurs")
    assert [c.adverse_event for c in d.claims[1:]] == [()]


def test_muscle_groups_of_body_parts_name_their_pain(draft: Drafter) -> None:
    d = draft("Trigger Point Injections\n\nThe injections are used for several muscle groups, "
              "mostly those of the neck and lower back.")  # fmt: skip
    assert [c.condition for c in d.claims] == [("neck_pain",), ("low_back_pain",)]


def test_an_impersonal_it_is_common_to_is_no_definition(draft: Drafter) -> None:
    d = draft("Massage\n\nMassage eases tight muscles. It is normal to feel less pain the "
              "next day.")  # fmt: skip
    assert "definition" not in [c.kind for c in d.claims]


def test_a_treatment_naming_a_place_is_not_the_subject(draft: Drafter) -> None:
    d = draft("Two Needle Treatments\n\nVisitors to our acupuncture and wellness studio ask "
              "whether dry needling and acupuncture differ. In both, very fine needles are "
              "placed in the skin.")  # fmt: skip
    assert [c.intervention for c in d.claims] == [("dry_needling", "acupuncture")]


def test_the_needles_stand_for_the_needling_treatment_named_last(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nDry needling targets knots.\n\n## Acupuncture\n\nIn acupuncture, "
              "needles go into points on meridians. The acupuncturist may twirl the needles "
              "gently.")  # fmt: skip
    assert [c.intervention for c in d.claims][-1] == ("acupuncture",)


def test_a_condition_glossed_after_a_comma_is_not_a_second_condition(draft: Drafter) -> None:
    d = draft("Massage\n\nMassage is used to ease fibromyalgia, a chronic pain of the whole "
              "body.")  # fmt: skip
    assert [c.condition for c in d.claims] == [("fibromyalgia",)]


def test_when_a_trained_licensed_practitioner_gives_it_then_it_is_safe(draft: Drafter) -> None:
    d = draft("Acupuncture\n\nWhen a trained, licensed acupuncturist gives it, acupuncture is "
              "a very safe treatment.")  # fmt: skip
    assert _kinds(d) == [("safety", (), "safe")]


def test_plain_pain_in_a_list_of_side_effects_is_soreness(draft: Drafter) -> None:
    d = draft("Cupping\n\nCupping can have side effects, such as bruising, burns and pain.")
    assert [c.adverse_event for c in d.claims] == [
        ("bruising",),
        ("burn",),
        ("post_needling_soreness",),
    ]


def test_focuses_on_defines_and_leaving_with_less_pain_is_an_effect(draft: Drafter) -> None:
    d = draft("Massage\n\nMassage focuses on tight muscles of the back. Most clients go home "
              "with less stiffness. Many notice a change after a single visit. Some aching "
              "the next day is expected.")  # fmt: skip
    assert [(c.kind, c.adverse_event) for c in d.claims] == [
        ("definition", ()),
        ("effectiveness", ()),
        ("effectiveness", ()),
        ("adverse_effect", ("post_needling_soreness",)),
    ]


def test_popular_for_no_strong_evidence_low_risk_and_substitutes(draft: Drafter) -> None:
    d = draft("Kinesio Taping\n\nKinesio taping is popular for plantar fasciitis. There is no "
              "good evidence that the tape speeds recovery. The tape is low risk. It is not a "
              "substitute for exercise therapy.")  # fmt: skip
    assert [(c.kind, c.condition, c.asserts) for c in d.claims] == [
        ("indication", ("plantar_fasciitis",), "benefit"),
        ("effectiveness", (), "no_benefit"),
        ("safety", (), "safe"),
    ]
    assert "comparison" in d.left_out[-1].reason


def test_a_name_then_its_last_word_and_short_form_still_defines(draft: Drafter) -> None:
    d = draft("Shock Waves\n\nExtracorporeal shockwave therapy (ESWT) is a non-surgical "
              "treatment that uses sound waves.")  # fmt: skip
    assert [c.kind for c in d.claims] == ["definition"]


def test_a_may_benefit_lead_in_and_items_that_name_no_known_condition(draft: Drafter) -> None:
    d = draft("Shockwave Therapy\n\nShockwave therapy uses sound waves.\n\n"
              "You may benefit from shockwave therapy if you have:\n\n- Heel pain\n"
              "- Hip bursitis\n")  # fmt: skip
    assert [(c.kind, c.sentence, c.condition) for c in d.claims][1:] == [
        ("effectiveness", "Heel pain", ("plantar_fasciitis",)),
    ]
    assert "hip bursitis" in d.unknown_terms


def test_items_under_how_it_works_that_reduce_something_are_mechanisms(draft: Drafter) -> None:
    d = draft("Laser Therapy\n\n## How does it work?\n\n- Reduces swelling chemicals in the "
              "tissue\n- Boosts cell energy\n")  # fmt: skip
    assert [c.kind for c in d.claims] == ["mechanism", "mechanism"]


def test_experimental_to_insurers_and_out_of_pocket_is_not_covered(draft: Drafter) -> None:
    d = draft("Cupping\n\nMost insurance plans call cupping experimental, so it is usually an "
              "out-of-pocket expense.")  # fmt: skip
    assert _kinds(d) == [("coverage", (), "not_covered")]


def test_success_rates_for_a_condition_are_an_effect(draft: Drafter) -> None:
    d = draft("Shockwave Therapy\n\nClinics report success rates of 70% for heel pain.")
    assert _kinds(d) == [("effectiveness", ("plantar_fasciitis",), "benefit")]


def test_candidates_purpose_and_weaker_evidence(draft: Drafter) -> None:
    d = draft("Cupping\n\nCupping is a treatment used to loosen tight fascia.\n\n## Who can "
              "have it?\n\nGood candidates include people with neck pain. Evidence for its use "
              "in people with fibromyalgia is weaker.")  # fmt: skip
    assert _kinds(d) == [
        ("definition", (), "true"),
        ("indication", ("neck_pain",), "benefit"),
        ("effectiveness", ("fibromyalgia",), "no_benefit"),
    ]


def test_a_pronoun_subject_is_the_treatment_in_hand_not_the_one_named_after(
    draft: Drafter,
) -> None:
    d = draft("Cupping\n\nCupping uses suction cups on the back. It is not massage. It can "
              "decrease pain in the neck.")  # fmt: skip
    assert [(c.kind, c.intervention) for c in d.claims] == [
        ("definition", ("cupping",)),
        ("definition", ("cupping",)),
        ("effectiveness", ("cupping",)),
    ]
    assert d.claims[-1].condition == ("neck_pain",)


def test_promising_results_and_reported_better_function_are_effects(draft: Drafter) -> None:
    d = draft("Laser Therapy\n\nLaser therapy uses light. Results for knee osteoarthritis look "
              "promising.\n\n## Can it help neck pain?\n\nPossibly. Small trials reported "
              "better movement after a month.")  # fmt: skip
    assert _kinds(d)[1:3] == [
        ("effectiveness", ("knee_osteoarthritis",), "benefit"),
        ("effectiveness", ("neck_pain",), "benefit"),
    ]
    assert d.claims[-1].sentence == "Small trials reported better movement after a month."
    assert d.claims[-1].kind == "effectiveness"


def test_pain_that_has_not_improved_is_no_result_of_the_treatment(draft: Drafter) -> None:
    d = draft("Massage\n\nWe consider massage for neck pain that has not improved with rest.")
    assert _kinds(d) == [("indication", ("neck_pain",), "benefit")]


def test_pain_or_a_harm_where_the_needle_goes_in_are_both_harms(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nSide effects can include pain or bruising where the needle "
              "goes in.")  # fmt: skip
    assert [c.adverse_event for c in d.claims] == [("post_needling_soreness",), ("bruising",)]


def test_items_under_a_doctor_might_suggest_it_if_lead_are_uses(draft: Drafter) -> None:
    d = draft("Massage\n\nYour doctor might suggest massage if:\n\n- You have fibromyalgia "
              "that makes daily tasks hard\n")  # fmt: skip
    assert _kinds(d) == [("indication", ("fibromyalgia",), "benefit")]


def test_if_it_does_not_help_then_is_no_claim_and_names_no_unknown_word(
    draft: Drafter,
) -> None:
    d = draft("Cupping\n\nIf the cups don't help after a few visits, your therapist may try "
              "something else.")  # fmt: skip
    assert d.claims == []
    assert d.unknown_terms == []


def test_an_opening_sentence_without_a_claim_keeps_the_section_on_its_treatment(
    draft: Drafter,
) -> None:
    d = draft("Cupping\n\nCupping uses suction.\n\n## What to expect\n\nThe visit starts with "
              "a chat. Many notice less pain within a day.")  # fmt: skip
    assert [(c.kind, c.sentence) for c in d.claims][-1] == (
        "effectiveness",
        "Many notice less pain within a day.",
    )


def test_an_ache_during_treatment_and_minimal_risks(draft: Drafter) -> None:
    # (an ache felt while it is given is how the treatment feels, which the golds leave
    # out; soreness after it, or pain during it listed as a side effect with a rate, stay)
    d = draft("Dry Needling\n\nMost people feel a dull ache during treatment. Risks are "
              "minimal in trained hands.")  # fmt: skip
    assert _kinds(d) == [("safety", (), "safe")]


def test_not_billed_to_insurance_and_cash_based_are_not_covered(draft: Drafter) -> None:
    d = draft("Cupping\n\nCupping is not billed to insurance. Kinesio taping is billed to "
              "insurance as part of a visit.")  # fmt: skip
    assert [(c.intervention, c.asserts) for c in d.claims] == [
        (("cupping",), "not_covered"),
        (("kinesio_taping",), "covered"),
    ]


def test_compared_with_no_treatment_is_no_negation_of_the_effect(draft: Drafter) -> None:
    d = draft("Massage\n\nCompared with no treatment, massage eased neck pain for a month.")
    assert _kinds(d) == [("effectiveness", ("neck_pain",), "benefit")]


def test_targets_and_applies_define_unless_it_is_to_ease_something(draft: Drafter) -> None:
    d = draft("Massage\n\nDeep tissue massage applies slow pressure to deep muscle layers. "
              "Massage targets knots to help ease neck pain.")  # fmt: skip
    assert [c.kind for c in d.claims] == ["definition", "effectiveness"]


def test_insurance_that_rarely_covers_it_is_not_covered(draft: Drafter) -> None:
    d = draft("Massage\n\nHealth insurance rarely covers massage.")
    assert _kinds(d) == [("coverage", (), "not_covered")]


def test_approved_for_a_condition_is_a_use(draft: Drafter) -> None:
    d = draft("Laser Therapy\n\nRegulators cleared laser therapy for neck pain years ago.")
    assert _kinds(d) == [("indication", ("neck_pain",), "benefit")]
