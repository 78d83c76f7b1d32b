"""One test per sentence pattern the drafter reads: lists, pronouns, hedges, negations,
safety, coverage, adverse effects, definitions and the reasons for leaving out."""

from __future__ import annotations

from collections.abc import Callable

from evidence.drafting import Draft

Drafter = Callable[[str], Draft]
TITLE = "Dry Needling for Pain\n\n"


def test_a_sentence_listing_conditions_gives_one_claim_each(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling is used to treat conditions like neck pain, migraine and "
              "plantar fasciitis.")  # fmt: skip
    assert [(c.kind, c.condition) for c in d.claims] == [
        ("indication", ("neck_pain",)),
        ("indication", ("migraine",)),
        ("indication", ("plantar_fasciitis",)),
    ]
    assert all(c.intervention == ("dry_needling",) for c in d.claims)
    assert {c.sentence for c in d.claims} == {
        "Dry needling is used to treat conditions like neck pain, migraine and plantar fasciitis."
    }
    assert [c.id for c in d.claims] == ["D01", "D02", "D03"]


def test_a_heading_list_gives_one_claim_per_item(draft: Drafter) -> None:
    lines = "Conditions treated:\n- Neck pain\n- Tennis elbow\n- Plantar fasciitis\n"
    d = draft(TITLE + "Dry needling is a treatment that uses thin needles.\n\n" + lines)
    indications = [c for c in d.claims if c.kind == "indication"]
    assert [c.condition for c in indications] == [
        ("neck_pain",),
        ("lateral_epicondylitis",),
        ("plantar_fasciitis",),
    ]
    assert all(c.intervention == ("dry_needling",) for c in indications)
    assert [c.sentence for c in indications] == ["Neck pain", "Tennis elbow", "Plantar fasciitis"]


def test_it_refers_to_the_intervention_named_last(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling is a technique that uses thin filiform needles. "
              "It can also help with migraines.")  # fmt: skip
    effect = [c for c in d.claims if c.kind == "effectiveness"]
    assert len(effect) == 1
    assert effect[0].intervention == ("dry_needling",)
    assert effect[0].condition == ("migraine",)
    assert effect[0].sentence == "It can also help with migraines."


def test_this_therapy_refers_to_the_intervention_named_last(draft: Drafter) -> None:
    d = draft(TITLE + "Therapeutic ultrasound uses sound waves. "
              "This therapy is often recommended for plantar fasciitis.")  # fmt: skip
    (claim,) = [c for c in d.claims if c.kind == "indication"]
    assert claim.intervention == ("therapeutic_ultrasound",)
    assert claim.condition == ("plantar_fasciitis",)


def test_a_hedged_claim_is_kept_at_its_word(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling may help relieve neck pain.")
    (claim,) = d.claims
    assert (claim.kind, claim.asserts, claim.condition) == (
        "effectiveness",
        "benefit",
        ("neck_pain",),
    )
    assert claim.sentence == "Dry needling may help relieve neck pain."


def test_a_negated_effect_asserts_no_benefit(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling does not help fibromyalgia.")
    (claim,) = d.claims
    assert (claim.kind, claim.asserts, claim.condition) == (
        "effectiveness",
        "no_benefit",
        ("fibromyalgia",),
    )


def test_a_negated_definition_is_a_definition_that_keeps_the_negation(draft: Drafter) -> None:
    # the contract's definition kind asserts only "true": the claim is the negative statement
    d = draft(TITLE + "Dry needling does not use electricity.")
    (claim,) = d.claims
    assert (claim.kind, claim.asserts) == ("definition", "true")
    assert claim.text == "Dry needling does not use electricity."


def test_safety(draft: Drafter) -> None:
    d = draft(TITLE + "Trigger point injections are safe.")
    (claim,) = d.claims
    assert (claim.kind, claim.asserts, claim.intervention) == (
        "safety",
        "safe",
        ("trigger_point_injection",),
    )


def test_unsafe_is_left_out_with_its_reason(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling is not safe.")
    assert not d.claims
    assert "unsafe" in d.left_out[-1].reason


def test_coverage_and_its_negation(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling is covered by health insurance. "
              "Therapeutic ultrasound is not covered by insurance.")  # fmt: skip
    assert [(c.kind, c.asserts, c.intervention) for c in d.claims] == [
        ("coverage", "covered", ("dry_needling",)),
        ("coverage", "not_covered", ("therapeutic_ultrasound",)),
    ]


def test_adverse_effects_one_claim_per_event(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling can cause bruising, bleeding and pneumothorax.")
    assert [(c.kind, c.adverse_event, c.asserts) for c in d.claims] == [
        ("adverse_effect", ("bruising",), "occurs"),
        ("adverse_effect", ("bleeding",), "occurs"),
        ("adverse_effect", ("pneumothorax",), "occurs"),
    ]


def test_a_negated_adverse_effect(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling does not cause pneumothorax.")
    (claim,) = d.claims
    assert (claim.kind, claim.asserts) == ("adverse_effect", "does_not_occur")


def test_mechanism(draft: Drafter) -> None:
    d = draft(TITLE + "Therapeutic ultrasound works by increasing blood flow to the muscle.")
    (claim,) = d.claims
    assert (claim.kind, claim.intervention) == ("mechanism", ("therapeutic_ultrasound",))


def test_reasons_for_leaving_out(draft: Drafter) -> None:
    d = draft(
        TITLE + "Does dry needling hurt? Book an appointment with our team today! "
        "You should drink water after a session. "
        "Dry needling is performed by physical therapists in their own offices. "
        "Yoga is relaxing."
    )
    assert not d.claims
    reasons = [item.reason for item in d.left_out]
    assert reasons[0] == "the title"
    assert reasons[1:5] == ["a question", "marketing", "advice", reasons[4]]
    assert "who or where" in reasons[4]
    assert reasons[5] == "not about an intervention in the vocabulary"


def test_unknown_condition_words_are_named(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling is used to treat conditions like neck pain and bursitis.")
    assert "bursitis" in d.unknown_terms


def test_a_sentence_without_a_name_speaks_of_the_treatment_in_hand(draft: Drafter) -> None:
    d = draft(TITLE + "Trigger point injections are given in a clinic visit. "
              "Among the usual risks are bleeding and infection at the site.")  # fmt: skip
    harms = [(c.intervention, c.adverse_event) for c in d.claims if c.kind == "adverse_effect"]
    assert harms == [
        (("trigger_point_injection",), ("bleeding",)),
        (("trigger_point_injection",), ("infection",)),
    ]


def test_a_heading_that_names_a_treatment_is_the_subject_of_its_section(
    draft: Drafter,
) -> None:
    d = draft(TITLE + "Dry needling uses thin needles.\n\n# Ultrasound therapy\n\n"
              "Its side effects can include a mild burn.")  # fmt: skip
    (harm,) = [c for c in d.claims if c.kind == "adverse_effect"]
    assert harm.intervention == ("therapeutic_ultrasound",)
    assert harm.adverse_event == ("burn",)


def test_instructions_to_the_reader_are_advice(draft: Drafter) -> None:
    d = draft(TITLE + "Bring your card in case your insurance plan covers part of it. "
              "To ease the soreness, put a cold pack on the spot. "
              "Wait until a skin infection has healed before a session.")  # fmt: skip
    assert not d.claims
    assert [x.reason for x in d.left_out[1:]] == ["advice", "advice", "advice"]


def test_cover_without_a_payer_is_not_a_coverage_claim(draft: Drafter) -> None:
    d = draft(TITLE + "In this guide we cover how dry needling is done and its risks.")
    assert [c for c in d.claims if c.kind == "coverage"] == []


def test_safe_for_a_list_of_conditions_is_one_safety_claim_each(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling is a safe option for long-lasting problems such as "
              "fibromyalgia and migraine.")  # fmt: skip
    assert [(c.kind, c.condition, c.asserts) for c in d.claims] == [
        ("safety", ("fibromyalgia",), "safe"),
        ("safety", ("migraine",), "safe"),
    ]


def test_a_harmless_harm_is_not_a_safety_claim_of_the_treatment(draft: Drafter) -> None:
    d = draft(TITLE + "Bruising is a known side effect of dry needling. "
              "Bruising is usually harmless, but it can look bad. "
              "A bruise can take a week or so to fade.")  # fmt: skip
    assert [(c.kind, c.adverse_event) for c in d.claims] == [("adverse_effect", ("bruising",))]


def test_everyday_words_for_vocabulary_terms(draft: Drafter) -> None:
    d = draft(TITLE + "Pain where the needle went in is a common side effect of dry needling. "
              "Dry needling can relieve chronic muscle pain. "
              "Dry needling eases pain tied to trigger points.")  # fmt: skip
    assert [(c.kind, c.adverse_event or c.condition) for c in d.claims] == [
        ("adverse_effect", ("post_needling_soreness",)),
        ("effectiveness", ("chronic_pain",)),
        ("effectiveness", ("myofascial_pain_syndrome",)),
    ]


def test_what_the_treatment_works_on_is_described_as_a_definition(draft: Drafter) -> None:
    # dry needling is also "trigger point needling": trigger points are what it works on
    d = draft(TITLE + "A trigger point is a tight spot in a band of muscle. "
              "Sometimes a trigger point sends pain down the arm.")  # fmt: skip
    assert [(c.kind, c.intervention) for c in d.claims] == [
        ("definition", ("dry_needling",)),
        ("definition", ("dry_needling",)),
    ]


def test_what_the_treatment_works_on_driving_conditions_is_a_mechanism(
    draft: Drafter,
) -> None:
    d = draft(TITLE + "Trigger points in the neck can feed migraines and tension headaches.")
    assert [(c.kind, c.condition) for c in d.claims] == [
        ("mechanism", ("migraine",)),
        ("mechanism", ("tension_type_headache",)),
    ]


def test_rare_complications_are_a_safety_claim(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling uses thin needles. "
              "Complications from the needles are very rare.")  # fmt: skip
    assert [(c.kind, c.asserts) for c in d.claims][-1] == ("safety", "safe")


def test_what_is_done_in_the_procedure_is_a_definition(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling can relieve neck pain. "
              "In the procedure, a therapist inserts a thin needle into the knot. "
              "Trigger point injections may contain a steroid.")  # fmt: skip
    assert [(c.kind, c.intervention) for c in d.claims][1:] == [
        ("definition", ("dry_needling",)),
        ("definition", ("trigger_point_injection",)),
    ]


def test_how_long_relief_lasts_is_an_effectiveness_claim(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling can relieve neck pain. One session eases pain for a week.")
    claim = d.claims[-1]
    assert (claim.kind, claim.intervention, claim.condition, claim.asserts) == (
        "effectiveness",
        ("dry_needling",),
        (),
        "benefit",
    )
    assert claim.sentence == "One session eases pain for a week."


def test_studies_against_the_treatment_assert_no_benefit(draft: Drafter) -> None:
    us = "Ultrasound Therapy\n\n"
    d = draft(us + "Trials of ultrasound therapy for tendon healing were less encouraging. "
              "The trials do not really back the use of ultrasound therapy. "
              "In those trials, the groups given real or sham treatment recovered no "
              "differently.")  # fmt: skip
    assert [(c.kind, c.asserts) for c in d.claims] == [("effectiveness", "no_benefit")] * 3
    assert all(c.intervention == ("therapeutic_ultrasound",) for c in d.claims)


def test_one_effectiveness_claim_per_thing_improved(draft: Drafter) -> None:
    d = draft(TITLE + "Clinicians use dry needling to give pain relief and speed healing.")
    assert [(c.kind, c.outcome) for c in d.claims] == [
        ("effectiveness", ("pain",)),
        ("effectiveness", ()),
    ]


def test_warming_the_tissue_is_a_mechanism(draft: Drafter) -> None:
    d = draft("Ultrasound Therapy\n\nUltrasound therapy uses sound waves. "
              "They pass through the skin, warming the deep tissues.")  # fmt: skip
    assert [(c.kind, c.sentence) for c in d.claims][-1] == (
        "mechanism",
        "They pass through the skin, warming the deep tissues.",
    )


def test_indirect_questions_and_open_matters_are_left_out(draft: Drafter) -> None:
    d = draft(TITLE + "How dry needling relieves pain is explained by several theories. "
              "Whether dry needling helps neck pain is still debated. "
              "Evidence on dry needling for migraine is mixed.")  # fmt: skip
    assert not d.claims
    assert all("asserts nothing" in x.reason for x in d.left_out[1:])


def test_an_instruction_after_an_opening_phrase_is_advice(draft: Drafter) -> None:
    d = draft(TITLE + "With a skin infection, wait to have dry needling until it clears.")
    assert not d.claims
    assert d.left_out[-1].reason == "advice"


def test_more_pain_after_treatment_and_failed_back_surgery(draft: Drafter) -> None:
    d = draft(
        TITLE + "Dry needling can cause more pain for a day or two. "
        "Dry needling helps people whose back surgery did not relieve their pain."
    )
    assert [(c.kind, c.adverse_event or c.condition) for c in d.claims] == [
        ("adverse_effect", ("post_needling_soreness",)),
        ("effectiveness", ("failed_back_surgery_syndrome",)),
    ]


def test_what_is_done_and_what_it_is_are_definitions(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling is done in a clinic: thin needles are inserted into the "
              "tight muscle. The procedure is also known as intramuscular stimulation. "
              "It is not the same as a steroid shot.")  # fmt: skip
    assert [(c.kind, c.intervention) for c in d.claims] == [("definition", ("dry_needling",))] * 3


def test_what_the_treatment_works_on_named_anywhere(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling eases neck pain. "
              "Studies suggest that trigger points can feed tension headaches. "
              "The pain of trigger points is thought to come from poor blood flow.")  # fmt: skip
    kinds = [(c.kind, c.intervention, c.condition) for c in d.claims][1:]
    assert kinds == [
        ("mechanism", ("dry_needling",), ("tension_type_headache",)),
        ("mechanism", ("dry_needling",), ()),
    ]


def test_a_gloss_of_what_the_treatment_works_on_is_a_definition(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling is often chosen for trigger points, which are tight "
              "spots in a muscle.")  # fmt: skip
    assert ("definition", ("dry_needling",)) in [(c.kind, c.intervention) for c in d.claims]


def test_the_body_s_own_response_is_a_mechanism(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling eases neck pain. The needle makes the muscle twitch. "
              "It sets off the body's healing response and brings more blood to the "
              "area.")  # fmt: skip
    assert [c.kind for c in d.claims][1:] == ["mechanism", "mechanism"]


def test_harms_named_as_examples_in_an_instruction(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling eases neck pain. Call a doctor at once if you notice "
              "side effects such as heavy bleeding or a pneumothorax.")  # fmt: skip
    assert [(c.kind, c.adverse_event) for c in d.claims][1:] == [
        ("adverse_effect", ("bleeding",)),
        ("adverse_effect", ("pneumothorax",)),
    ]


def test_can_treat_is_effectiveness_and_used_to_is_indication(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling can treat neck pain. "
              "Dry needling is often used to ease plantar fasciitis.")  # fmt: skip
    assert [(c.kind, c.condition) for c in d.claims] == [
        ("effectiveness", ("neck_pain",)),
        ("indication", ("plantar_fasciitis",)),
    ]


def test_contraindications_are_left_out_with_their_reason(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling should not be used over an open wound. "
              "Dry needling is not suitable for people who fear needles.")  # fmt: skip
    assert not d.claims
    assert all("contraindication" in x.reason for x in d.left_out[1:])


def test_a_popular_treatment_for_a_condition_is_an_indication(draft: Drafter) -> None:
    d = draft(TITLE + "For problems such as neck pain, dry needling is a popular treatment.")
    assert [(c.kind, c.condition) for c in d.claims] == [("indication", ("neck_pain",))]


def test_passive_and_lasting_effects(draft: Drafter) -> None:
    d = draft(TITLE + "Neck pain can be treated with dry needling. "
              "The relief from one dry needling session can last for weeks. "
              "After dry needling, your pain and stiffness may improve a great deal.")  # fmt: skip
    assert [(c.kind, c.condition) for c in d.claims] == [
        ("effectiveness", ("neck_pain",)),
        ("effectiveness", ()),
        ("effectiveness", ()),
    ]


def test_pinched_nerves_and_pain_where_it_was_given(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling can help relieve pain from pinched nerves. "
              "Some side effects may follow, such as pain where it was given.")  # fmt: skip
    assert [(c.kind, c.condition or c.adverse_event) for c in d.claims] == [
        ("effectiveness", ("radiculopathy",)),
        ("adverse_effect", ("post_needling_soreness",)),
    ]


def test_a_yes_or_no_answer_asserts_its_question(draft: Drafter) -> None:
    d = draft(
        TITLE + "## Can dry needling help with sciatica?\n\nYes, for many people.\n\n"
        "## Does insurance cover dry needling?\n\nNo, most plans leave it out.\n\n"
        "## Does dry needling cause bruising?\n\nSometimes, where the needle goes in."
    )
    assert [(c.kind, c.condition or c.adverse_event, c.asserts) for c in d.claims] == [
        ("effectiveness", ("radiculopathy",), "benefit"),
        ("coverage", (), "not_covered"),
        ("adverse_effect", ("bruising",), "occurs"),
    ]
    assert d.claims[0].sentence == "Yes, for many people."
    assert d.claims[0].text.startswith("Can dry needling help with sciatica?")


def test_the_instrument_and_bare_studies_refer_to_the_treatment(draft: Drafter) -> None:
    d = draft("Shockwave Therapy\n\nShockwave therapy is used for plantar fasciitis. "
              "The pulses are thought to increase blood flow. "
              "Studies in knee osteoarthritis have been less encouraging. "
              "Most people tolerate the treatment well. "
              "Many patients notice less heel pain after three sessions.")  # fmt: skip
    assert [(c.kind, c.condition, c.asserts) for c in d.claims][1:] == [
        ("mechanism", (), "true"),
        ("effectiveness", ("knee_osteoarthritis",), "no_benefit"),
        ("safety", (), "safe"),
        ("effectiveness", ("plantar_fasciitis",), "benefit"),
    ]


def test_negations_that_do_not_govern_the_claim(draft: Drafter) -> None:
    d = draft(
        TITLE + "Needles that are not sterile carry a risk of infection. "
        "For people who have not found relief from pills, dry needling can ease neck "
        "pain. After dry needling, neck pain may improve, with no need for pills."
    )
    assert [(c.kind, c.asserts) for c in d.claims] == [
        ("adverse_effect", "occurs"),
        ("effectiveness", "benefit"),
        ("effectiveness", "benefit"),
    ]


def test_shortened_condition_names(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling is used to treat stenosis and herpes.")
    assert [c.condition for c in d.claims] == [("spinal_stenosis",), ("herpes_simplex",)]
    # a guess: the words are still named for an editor to confirm
    assert {"stenosis", "herpes"} <= set(d.unknown_terms)


def test_the_injection_stands_for_the_topic_not_a_treatment_named_in_passing(
    draft: Drafter,
) -> None:
    d = draft("Trigger Point Injections\n\nTrigger point injections ease neck pain. "
              "Another option is dry needling. "
              "For an injection, your provider pushes a small needle into the knot. "
              "Your doctor will work with you on an effective plan.")  # fmt: skip
    definition = [c for c in d.claims if c.kind == "definition"]
    assert [c.intervention for c in definition] == [("trigger_point_injection",)]
    assert d.left_out[-1].reason == "what the care team will do: not a claim"


def test_one_claim_for_pain_and_one_for_getting_about(draft: Drafter) -> None:
    d = draft(TITLE + "For people with neck pain, dry needling can relieve pain and improve "
              "mobility.")  # fmt: skip
    assert [(c.condition, c.outcome) for c in d.claims] == [
        (("neck_pain",), ("pain",)),
        (("neck_pain",), ()),
    ]


def test_a_paragraph_goes_on_about_its_treatment(draft: Drafter) -> None:
    d = draft("Cupping Therapy\n\nCupping is a therapy that uses cups to create suction. "
              "The suction lifts the tissue, which is believed to improve circulation. "
              "Evidence for migraine is limited.\n\nYoga is relaxing.")  # fmt: skip
    assert [(c.kind, c.intervention, c.condition, c.asserts) for c in d.claims][1:] == [
        ("mechanism", ("cupping",), (), "true"),
        ("effectiveness", ("cupping",), ("migraine",), "no_benefit"),
    ]
    assert d.left_out[-1].reason == "not about an intervention in the vocabulary"


def test_list_items_that_only_name_conditions_are_indications(draft: Drafter) -> None:
    d = draft(
        TITLE + "Dry needling uses thin needles.\n\nPatients come to us for:\n"
        "- Neck pain\n- Migraines\n\nPeople should avoid it with:\n- Fibromyalgia\n"
    )
    assert [(c.kind, c.condition) for c in d.claims][1:] == [
        ("indication", ("neck_pain",)),
        ("indication", ("migraine",)),
    ]


def test_a_comparison_with_no_treatment_is_an_effectiveness_claim(draft: Drafter) -> None:
    d = draft(TITLE + "A review found that dry needling reduced neck pain compared with no "
              "treatment. Dry needling eased neck pain better than massage.")  # fmt: skip
    assert [(c.kind, c.condition) for c in d.claims] == [("effectiveness", ("neck_pain",))]


def test_a_device_name_and_what_it_stands_for_are_definitions(draft: Drafter) -> None:
    d = draft("TENS for Pain\n\nA TENS unit is a small device that sends mild pulses. "
              "TENS stands for transcutaneous electrical nerve stimulation. "
              "TENS is no better than a sham device for fibromyalgia. "
              "This treatment does not cure the cause of the pain.")  # fmt: skip
    assert [(c.kind, c.condition, c.asserts) for c in d.claims] == [
        ("definition", (), "true"),
        ("definition", (), "true"),
        ("effectiveness", ("fibromyalgia",), "no_benefit"),
        ("effectiveness", (), "no_benefit"),
    ]


def test_they_after_a_sentence_on_something_else_is_not_the_treatment(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling eases neck pain.\n\n"
              "Anti-inflammatory pills can reduce swelling. "
              "They can cause stomach bleeding when taken for a long time. "
              "Exercise therapy is one of the most effective treatments for neck pain. "
              "We accept most major insurance plans.")  # fmt: skip
    assert [(c.kind, c.intervention) for c in d.claims] == [
        ("effectiveness", ("dry_needling",)),
        ("effectiveness", ("exercise_therapy",)),
    ]
    assert d.left_out[-1].reason == "marketing"


def test_a_list_of_benefits_and_a_list_of_harms(draft: Drafter) -> None:
    d = draft(
        "Sports Massage\n\nSports massage is a form of massage for people who play sport.\n\n"
        "Benefits of sports massage include:\n- Reduces soreness after exercise\n"
        "- Improves range of motion\n\nSide effects are uncommon but can include:\n"
        "- Bruising\n- Mild soreness\n"
    )
    kinds = [(c.kind, c.intervention, c.adverse_event) for c in d.claims]
    assert kinds == [
        ("definition", ("massage",), ()),
        ("effectiveness", ("massage",), ()),
        ("effectiveness", ("massage",), ()),
        ("safety", ("massage",), ()),
        ("adverse_effect", ("massage",), ("bruising",)),
        ("adverse_effect", ("massage",), ("post_needling_soreness",)),
    ]
    assert "introduces the list after it" in [x.reason for x in d.left_out]


def test_a_claim_hedged_both_ways_is_left_out(draft: Drafter) -> None:
    d = draft(TITLE + "Dry needling brings some people relief, but not others. "
              "Some patients feel better at once, while others may not respond at all. "
              "Some people feel relief at once, while for others it takes a few days.")  # fmt: skip
    assert [c.sentence for c in d.claims] == [
        "Some people feel relief at once, while for others it takes a few days."
    ]


def test_self_care_and_conditional_needling_are_not_claims_of_the_treatment(
    draft: Drafter,
) -> None:
    d = draft(TITLE + "Dry needling can cause soreness. "
              "Gentle stretching can also boost blood flow and help the soreness pass. "
              "Risks include a pneumothorax if needles are put into the chest.")  # fmt: skip
    assert [(c.kind, c.adverse_event) for c in d.claims] == [
        ("adverse_effect", ("post_needling_soreness",)),
        ("adverse_effect", ("pneumothorax",)),
    ]
    assert d.left_out[-1].reason == "self-care advice, not about the treatment"


def test_the_target_as_subject_a_condition_gloss_and_a_purpose(draft: Drafter) -> None:
    d = draft(TITLE + "With fibromyalgia, the pain from a trigger point can spread widely. "
              "Dry needling can ease migraine; this is a chronic pain condition. "
              "Another treatment recommended for easing pain is cupping.")  # fmt: skip
    assert [(c.kind, c.intervention, c.condition) for c in d.claims] == [
        ("definition", ("dry_needling",), ()),
        ("effectiveness", ("dry_needling",), ("migraine",)),
    ]


def test_unlike_sets_the_other_treatment_aside_and_mild_side_effects(draft: Drafter) -> None:
    d = draft(TITLE + "Unlike acupuncture, dry needling is a technique based on anatomy. "
              "Side effects of dry needling are usually mild. "
              "Dry needling has few side effects.")  # fmt: skip
    assert [(c.kind, c.intervention) for c in d.claims] == [
        ("definition", ("dry_needling",)),
        ("safety", ("dry_needling",)),
        ("safety", ("dry_needling",)),
    ]


def test_these_bands_after_trigger_points_describe_them(draft: Drafter) -> None:
    d = draft(TITLE + "A trigger point shows up as a tight band inside a muscle. "
              "Such a band can form after an injury. Left alone, these bands can turn into "
              "knots.")  # fmt: skip
    assert [(c.kind, c.intervention) for c in d.claims] == [("definition", ("dry_needling",))] * 3


def test_ultrasound_guidance_is_a_tool_not_the_treatment(draft: Drafter) -> None:
    d = draft("Trigger Point Injections\n\nUltrasound-guided trigger point injections can "
              "ease neck pain.")  # fmt: skip
    assert [(c.kind, c.intervention) for c in d.claims] == [
        ("effectiveness", ("trigger_point_injection",))
    ]


def test_what_the_treatment_did_not_do_and_who_should_not_use_it(draft: Drafter) -> None:
    d = draft("Kinesio Taping\n\nKinesio taping is a stretchy tape worn on the skin.\n\n"
              "Does it work? The evidence is weak. A review found that kinesio taping did not "
              "reduce chronic low back pain more than sham taping. It is cheap and easy to "
              "apply. People with an allergy to adhesives should not use it.")  # fmt: skip
    assert [(c.kind, c.condition, c.asserts) for c in d.claims] == [
        ("definition", (), "true"),
        ("effectiveness", (), "no_benefit"),
        ("effectiveness", ("low_back_pain",), "no_benefit"),
    ]
    assert "contraindication" in d.left_out[-1].reason
