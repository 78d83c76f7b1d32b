"""Sentence patterns of clinic and health pages in general: benefit lists under a heading,
sections whose first paragraph names no treatment, paragraphs that go on past a sentence
without a claim, lay words for harms, and conditions stated before the claim."""

from __future__ import annotations

from collections.abc import Callable

from evidence.drafting import Draft
from evidence.drafting.drafter import split_sentences

Drafter = Callable[[str], Draft]
TITLE = "Shockwave Therapy\n\n"


def _kinds(d: Draft) -> list[tuple[str, tuple[str, ...], str]]:
    return [(c.kind, c.condition + c.adverse_event, c.asserts) for c in d.claims]


def test_gains_listed_under_a_benefits_heading_are_effectiveness_claims(draft: Drafter) -> None:
    d = draft(TITLE + "## Why patients choose it\n\nMost people report:\n\n"
              "- Less pain\n- Better range of motion\n- Fewer muscle spasms\n"
              "- Better posture\n- A quick visit\n")  # fmt: skip
    assert [(c.kind, c.sentence) for c in d.claims] == [
        ("effectiveness", "Less pain"),
        ("effectiveness", "Better range of motion"),
        ("effectiveness", "Fewer muscle spasms"),
    ]
    assert all(c.intervention == ("shockwave_therapy",) for c in d.claims)
    assert d.claims[1].outcome == ("range_of_motion",)


def test_gains_listed_under_a_risks_heading_are_not_benefits(draft: Drafter) -> None:
    d = draft(TITLE + "## Risks\n\nAfterwards you may have:\n\n- More pain for a day\n")
    assert [c.kind for c in d.claims if c.kind == "effectiveness"] == []


def test_the_first_paragraph_of_a_section_speaks_of_the_treatment(draft: Drafter) -> None:
    d = draft(TITLE + "Shockwave therapy sends sound waves into the tissue.\n\n"
              "## How it helps\n\nThe waves improve circulation in the tendon. They can "
              "also ease swelling and pain.\n\n## Your visit\n\nYour first visit starts with "
              "a short talk.")  # fmt: skip
    helps = [c for c in d.claims if c.sentence.startswith(("The waves", "They can"))]
    assert [(c.kind, c.intervention) for c in helps] == [
        ("mechanism", ("shockwave_therapy",)),
        ("effectiveness", ("shockwave_therapy",)),
    ]
    assert d.left_out[-1].sentence == "Your first visit starts with a short talk."


def test_a_paragraph_goes_on_past_a_sentence_without_a_claim(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nDry needling puts thin needles into tight muscle. No medicine "
              "goes in, hence the name. Many people feel better within a day.")  # fmt: skip
    last = d.claims[-1]
    assert (last.kind, last.intervention, last.asserts) == (
        "effectiveness",
        ("dry_needling",),
        "benefit",
    )
    assert last.sentence == "Many people feel better within a day."


def test_safe_when_done_by_a_trained_hand_is_a_safety_claim(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nWhen performed by a trained clinician, dry needling is very "
              "safe. When dry needling helps is not well understood.")  # fmt: skip
    assert _kinds(d) == [("safety", (), "safe")]
    assert "open matter" in d.left_out[-1].reason


def test_a_payer_that_does_not_pay_does_not_cover(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nMedicare does not pay for dry needling. Some private insurers "
              "pay for it.")  # fmt: skip
    assert _kinds(d) == [("coverage", (), "not_covered"), ("coverage", (), "covered")]


def test_easing_swelling_and_pain_says_it_works(draft: Drafter) -> None:
    d = draft("Therapeutic Ultrasound\n\nTherapeutic ultrasound can reduce swelling, "
              "stiffness and pain.")  # fmt: skip
    assert _kinds(d) == [("effectiveness", (), "benefit")]


def test_relief_that_earlier_treatments_did_not_bring_is_not_claimed(draft: Drafter) -> None:
    d = draft("Trigger Point Injections\n\nTrigger point injections are often tried when "
              "rest, pills and physical therapy have not brought enough relief.")  # fmt: skip
    assert d.claims == []


def test_what_it_did_not_help_keeps_its_condition(draft: Drafter) -> None:
    d = draft("Therapeutic Ultrasound\n\nTherapeutic ultrasound is popular. A review found "
              "that it did not help low back pain more than a sham device.")  # fmt: skip
    assert ("effectiveness", ("low_back_pain",), "no_benefit") in _kinds(d)


def test_a_closing_quote_stays_with_its_sentence() -> None:
    assert split_sentences('It is called "dry." The needle is thin.') == [
        'It is called "dry."',
        "The needle is thin.",
    ]


def test_lay_words_for_harms(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nIn rare cases a needle near the ribs can puncture a lung. "
              "Some people feel faint during a session. You may feel a little sore the "
              "next day.")  # fmt: skip
    assert [c.adverse_event for c in d.claims] == [
        ("pneumothorax",),
        ("syncope",),
        ("post_needling_soreness",),
    ]
    assert all(c.kind == "adverse_effect" and c.asserts == "occurs" for c in d.claims)


def test_a_headache_of_no_named_type_is_read_as_tension_type_and_named(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nDry needling is used to treat headaches and migraine.")
    assert [c.condition for c in d.claims] == [("tension_type_headache",), ("migraine",)]
    assert "headaches" in d.unknown_terms


def test_a_name_with_its_short_form_in_brackets_is_defined(draft: Drafter) -> None:
    d = draft("Trigger Point Injections\n\nTrigger point injections (TPIs) are small shots "
              "into painful knots of muscle.")  # fmt: skip
    assert [(c.kind, c.intervention) for c in d.claims] == [
        ("definition", ("trigger_point_injection",))
    ]


def test_what_the_doctor_or_the_device_does_defines_the_treatment(draft: Drafter) -> None:
    d = draft(TITLE + "Shockwave therapy is offered at many clinics.\n\n## A session\n\n"
              "A gel is spread over the sore heel. Then a handheld applicator delivers the "
              "pulses. When the gel is applied cold, it can feel odd.")  # fmt: skip
    defined = [c.sentence for c in d.claims if c.kind == "definition"]
    assert defined == [
        "A gel is spread over the sore heel.",
        "Then a handheld applicator delivers the pulses.",
    ]
    # (what happens when: a condition, then a statement, and no definition)
    assert d.left_out[-1].sentence == "When the gel is applied cold, it can feel odd."


def test_these_knots_after_a_sentence_on_knots_describe_the_target(draft: Drafter) -> None:
    d = draft("Trigger Point Massage\n\nTrigger point massage is a method that presses on knots in "
              "a muscle. "
              "These knots can send pain into the arm.")  # fmt: skip
    assert [(c.kind, c.intervention) for c in d.claims] == [
        ("definition", ("trigger_point_therapy",)),
        ("definition", ("trigger_point_therapy",)),
    ]


def test_loosening_knots_and_calming_nerves_is_how_it_works(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nDry needling uses thin needles. Its aim is to loosen tight "
              "muscle knots and calm irritated nerves. It also boosts local blood "
              "flow.")  # fmt: skip
    assert [(c.kind, c.condition) for c in d.claims[1:]] == [("mechanism", ()), ("mechanism", ())]


def test_listed_conditions_the_vocabulary_lacks_are_named(draft: Drafter) -> None:
    d = draft(TITLE + "## Conditions we treat\n\n- Plantar fasciitis and heel spurs\n"
              "- Shin splints\n\n## Benefits\n\n- No downtime\n- Improved mobility\n\n"
              "## Risks\n\n- Skin redness\n")  # fmt: skip
    assert d.unknown_terms == ["heel spurs", "shin splints"]
    assert [c.condition for c in d.claims if c.kind == "indication"] == [("plantar_fasciitis",)]


def test_a_bold_label_opening_an_item_is_left_out_and_each_sentence_read(draft: Drafter) -> None:
    d = draft(TITLE + "## How does it work?\n\nThe waves act in two ways:\n\n"
              "- **Blood supply.** The pulses raise circulation in the tendon.\n"
              "- **Pain signals.** The nerves change how they handle pain. That lasts.\n"
              "- **Fresh tissue** grows in the sore area.\n")  # fmt: skip
    labels = [x.sentence for x in d.left_out if "label" in x.reason]
    assert labels == ["Blood supply.", "Pain signals."]
    assert [(c.kind, c.sentence) for c in d.claims] == [
        ("mechanism", "The pulses raise circulation in the tendon."),
        ("mechanism", "The nerves change how they handle pain."),
        ("mechanism", "Fresh tissue grows in the sore area."),
    ]


def test_a_bold_label_in_html_is_left_out(vocab: object) -> None:
    from evidence.drafting import draft_claims, parse_html

    page = (
        "<html><body><article><h1>Shockwave Therapy</h1><p>Shockwave therapy is a "
        "treatment that sends pulses into a tendon.</p><h2>Benefits</h2><ul><li><strong>"
        "Less pain.</strong> Shockwave therapy can lower pain in the heel.</li></ul>"
        "</article></body></html>"
    )
    d = draft_claims(parse_html(page), vocab)  # type: ignore[arg-type]
    assert "Less pain." in [x.sentence for x in d.left_out]
    assert ("effectiveness", "Shockwave therapy can lower pain in the heel.") in [
        (c.kind, c.sentence) for c in d.claims
    ]


def test_lowering_pain_is_an_effect_but_lower_back_pain_is_a_place(draft: Drafter) -> None:
    d = draft(TITLE + "Shockwave therapy can lower pain and stiffness. Shockwave therapy is "
              "used for lower back pain.")  # fmt: skip
    assert _kinds(d) == [
        ("effectiveness", (), "benefit"),
        ("indication", ("low_back_pain",), "benefit"),
    ]


def test_what_studies_found_for_and_without_harm(draft: Drafter) -> None:
    d = draft(TITLE + "A review of eight trials of shockwave therapy was published. Six of "
              "them found a positive effect. None of the trials reported side effects of "
              "shockwave therapy.")  # fmt: skip
    assert _kinds(d) == [("effectiveness", (), "benefit"), ("safety", (), "safe")]


CONDITION_PAGE = "Plantar Fasciitis\n\nPlantar fasciitis is a common cause of heel pain. "


def test_on_a_page_about_a_condition_listed_options_are_uses_for_it(draft: Drafter) -> None:
    d = draft(CONDITION_PAGE + "It can be treated with stretching exercises, massage, "
              "insoles and shockwave therapy.\n\n## Treatment\n\nShockwave therapy can ease "
              "the pain. Trigger points in the calf may add to it.")  # fmt: skip
    assert [(c.kind, c.intervention, c.condition) for c in d.claims] == [
        ("indication", ("exercise_therapy",), ("plantar_fasciitis",)),
        ("indication", ("massage",), ("plantar_fasciitis",)),
        ("indication", ("shockwave_therapy",), ("plantar_fasciitis",)),
        ("effectiveness", ("shockwave_therapy",), ("plantar_fasciitis",)),
    ]


def test_a_label_or_heading_naming_no_treatment_ends_the_one_before(draft: Drafter) -> None:
    d = draft(CONDITION_PAGE + "## Options\n\n- **Massage.** Massage can ease the pain.\n"
              "- **Rest.** A few days off your feet can ease the pain.\n\n## Outlook\n\n"
              "Most people recover within a year.")  # fmt: skip
    assert [(c.intervention, c.sentence) for c in d.claims] == [
        (("massage",), "Massage can ease the pain.")
    ]


def test_pain_in_a_series_of_body_parts(draft: Drafter) -> None:
    d = draft("Trigger Point Injections\n\nMost people who have trigger point injections get "
              "relief from pain in the back, neck, arms or legs. Trigger points in the head, "
              "neck and shoulders are common.")  # fmt: skip
    assert [c.condition for c in d.claims if c.kind == "effectiveness"] == [
        ("low_back_pain",),
        ("neck_pain",),
        ("leg_pain",),
    ]


def test_a_payer_covers_a_use_per_condition(draft: Drafter) -> None:
    d = draft("Trigger Point Injections\n\nSome health plans cover trigger point injections "
              "for myofascial pain syndrome. For other uses, including fibromyalgia, such plans "
              "do not cover the injections.")  # fmt: skip
    assert _kinds(d) == [
        ("coverage", ("myofascial_pain_syndrome",), "covered"),
        ("coverage", ("fibromyalgia",), "not_covered"),
    ]


def test_an_injection_near_the_lower_neck_can_hit_a_lung_or_a_nerve(draft: Drafter) -> None:
    d = draft(CONDITION_PAGE + "In rare cases an injection into the lower neck can puncture a "
              "lung. The needle may also hit a nerve. A guided needle can lower the "
              "risk.")  # fmt: skip
    assert [(c.intervention, c.adverse_event) for c in d.claims] == [
        (("trigger_point_injection",), ("pneumothorax",)),
        (("trigger_point_injection",), ("nerve_injury",)),
    ]


def test_a_claim_in_the_clinic_s_voice_is_kept_a_call_to_action_is_not(draft: Drafter) -> None:
    d = draft(TITLE + "At our clinic, shockwave therapy is one of the tools we use to ease "
              "pain. Our team offers shockwave therapy, and it can ease pain: call us "
              "today!")  # fmt: skip
    assert [(c.kind, c.sentence[:7]) for c in d.claims] == [("effectiveness", "At our ")]
    assert d.left_out[-1].reason == "marketing"


def test_if_you_then_a_claim_is_not_advice(draft: Drafter) -> None:
    d = draft(TITLE + "If you live with chronic pain, shockwave therapy can be an effective "
              "option. If you feel dizzy, you should tell the therapist.")  # fmt: skip
    assert _kinds(d) == [("effectiveness", ("chronic_pain",), "benefit")]
    assert d.left_out[-1].reason == "advice"


def test_what_the_waves_or_needles_are_defines_the_treatment(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nDry needling is used by physical therapists. The needles are "
              "very thin and sterile.\n\n## Ultrasound\n\nTherapeutic ultrasound is offered "
              "too. The sound waves used in therapy are pitched too high to hear.")  # fmt: skip
    defined = [(c.intervention, c.sentence[:11]) for c in d.claims if c.kind == "definition"]
    assert defined == [
        (("dry_needling",), "The needles"),
        (("therapeutic_ultrasound",), "The sound w"),
    ]


def test_a_needle_like_those_of_acupuncture_is_still_dry_needling(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nDry needling treats tight muscle. A thin needle of the kind "
              "used in acupuncture is put into trigger points, easing pain.")  # fmt: skip
    assert {c.intervention for c in d.claims} == {("dry_needling",)}


def test_trigger_points_then_they_describe_them(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nDry needling treats tight muscle.\n\nStiffness often comes "
              "from myofascial trigger points, knots of tense muscle. They can even send pain "
              "to the arm.")  # fmt: skip
    assert [(c.kind, c.sentence[:4]) for c in d.claims] == [
        ("definition", "Stif"),
        ("definition", "They"),
    ]


def test_short_items_under_a_use_lead_are_uses(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nRunners commonly use dry needling for:\n\n"
              "- relief from the pain of shin injuries\n- better range of motion\n"
              "- Dry needling can ease neck pain.\n")  # fmt: skip
    assert [(c.kind, c.condition) for c in d.claims] == [
        ("indication", ()),
        ("indication", ()),
        ("effectiveness", ("neck_pain",)),
    ]


def test_a_hedged_answer_asserts_its_question(draft: Drafter) -> None:
    d = draft("Cupping\n\n## Can cupping help with fibromyalgia?\n\nPossibly. A small trial "
              "found that people with fibromyalgia had less pain after cupping.")  # fmt: skip
    assert _kinds(d) == [
        ("effectiveness", ("fibromyalgia",), "benefit"),
        ("effectiveness", ("fibromyalgia",), "benefit"),
    ]


def test_not_a_cure_and_results_that_vary_assert_nothing(draft: Drafter) -> None:
    d = draft("Laser Therapy\n\nLaser therapy uses light. It is not a cure, and results vary "
              "from person to person. Laser therapy is FDA-cleared and has few side "
              "effects.")  # fmt: skip
    assert [(c.kind, c.sentence[:20]) for c in d.claims] == [
        ("definition", "Laser therapy uses l"),
        ("safety", "Laser therapy is FDA"),
    ]


def test_items_under_a_suggestion_lead_on_a_trigger_point_page(draft: Drafter) -> None:
    d = draft("Trigger Point Injections\n\nYour provider might suggest trigger point injections "
              "if:\n\n- You have fibromyalgia\n- Your pain has lasted three months\n")  # fmt: skip
    assert _kinds(d) == [("indication", ("fibromyalgia",), "benefit")]


def test_a_name_less_its_wave_is_no_target(draft: Drafter) -> None:
    d = draft("Shockwave\n\nRadial shockwave therapy could be the answer. The treatment can be "
              "uncomfortable, but most people tolerate it well. Afterwards, the area may be red "
              "or tender for a day.")  # fmt: skip
    assert [(c.kind, c.adverse_event) for c in d.claims] == [
        ("safety", ()),
        ("adverse_effect", ("post_needling_soreness",)),
    ]


def test_ideal_for_names_a_use(draft: Drafter) -> None:
    d = draft(TITLE + "Shockwave therapy is ideal for people with tennis elbow.")
    assert _kinds(d) == [("indication", ("lateral_epicondylitis",), "benefit")]


def test_treatments_tried_before_are_not_the_subject(draft: Drafter) -> None:
    d = draft("Trigger Point Injections\n\nAn injection may suit you if other treatments have "
              "not eased your neck pain, including massage and physical therapy.")  # fmt: skip
    assert [(c.kind, c.intervention, c.condition) for c in d.claims] == [
        ("indication", ("trigger_point_injection",), ("neck_pain",))
    ]


def test_a_key_part_of_any_plan_and_the_usual_treatments_are_uses(draft: Drafter) -> None:
    d = draft(CONDITION_PAGE + "\n\n## Treatment\n\nInsoles, medicines and shockwave therapy "
              "are the usual treatments. Exercise is seen as a key part of any plan. Pain "
              "medicines and rest may help as well.")  # fmt: skip
    assert [(c.kind, c.intervention, c.condition) for c in d.claims] == [
        ("indication", ("shockwave_therapy",), ("plantar_fasciitis",)),
        ("indication", ("exercise_therapy",), ("plantar_fasciitis",)),
    ]


def test_an_injection_of_medicine_into_the_knot_defines_it(draft: Drafter) -> None:
    d = draft("Trigger Point Injections\n\nAn injection of a numbing medicine into a trigger "
              "point can relieve pain.")  # fmt: skip
    assert [c.kind for c in d.claims] == ["definition", "effectiveness"]


def test_applied_with_care_to_avoid_burns_names_a_risk(draft: Drafter) -> None:
    d = draft("Therapeutic Ultrasound\n\n## Is ultrasound safe for everyone?\n\nNo. Like other "
              "heat treatments, ultrasound has to be applied with care to avoid burns. Cool "
              "water helps to avoid burns.")  # fmt: skip
    assert [(c.sentence[:4], c.adverse_event, c.asserts) for c in d.claims] == [
        ("Like", ("burn",), "occurs")
    ]


def test_pain_that_is_acute_or_chronic(draft: Drafter) -> None:
    d = draft("Therapeutic Ultrasound\n\nTherapeutic ultrasound lowers pain, whether the pain "
              "is acute or chronic.")  # fmt: skip
    assert _kinds(d) == [("effectiveness", ("chronic_pain",), "benefit")]


def test_two_treatments_set_side_by_side_are_read_in_parts(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nAcupuncture rests on meridian theory, while dry needling is "
              "based on anatomy. Cupping leaves marks, whereas massage leaves none.")  # fmt: skip
    assert [(c.kind, c.intervention) for c in d.claims] == [
        ("definition", ("acupuncture",)),
        ("definition", ("dry_needling",)),
    ]
    assert {c.sentence for c in d.claims} == {
        "Acupuncture rests on meridian theory, while dry needling is based on anatomy."
    }
    assert [x.sentence for x in d.left_out][-1].startswith("Cupping leaves marks")
    assert len(d.left_out) == 2  # the title and the second sentence, once


def test_people_use_it_for_kinds_of_pain_and_the_unknown_ones_are_named(draft: Drafter) -> None:
    d = draft("TENS\n\nPeople use TENS for many kinds of pain, including arthritis, period pain "
              "and neck pain. Remove the pads if your skin burns.")  # fmt: skip
    assert _kinds(d) == [
        ("indication", ("dysmenorrhea",), "benefit"),
        ("indication", ("neck_pain",), "benefit"),
    ]
    assert d.unknown_terms == ["arthritis"]
    assert d.left_out[-1].reason == "advice"


def test_items_under_a_not_used_lead_name_no_unknown_conditions(draft: Drafter) -> None:
    d = draft(TITLE + "Shockwave therapy is not used over some areas, for example:\n\n"
              "- over the eyes\n- near a pacemaker\n")  # fmt: skip
    assert d.unknown_terms == []


def test_line_breaks_and_bare_lines_in_a_page(vocab: object) -> None:
    from evidence.drafting import draft_claims, parse_html

    page = (
        "<html><body><div><h1>Dry Needling</h1><div>Dry needling can relieve neck pain."
        "<br><br>Most patients need three sessions.</div><h2>Conditions</h2>"
        "<div>Plantar fasciitis</div><div>Tennis elbow</div></div></body></html>"
    )
    d = draft_claims(parse_html(page), vocab)  # type: ignore[arg-type]
    assert [(c.kind, c.condition, c.sentence) for c in d.claims] == [
        ("effectiveness", ("neck_pain",), "Dry needling can relieve neck pain."),
        ("indication", ("plantar_fasciitis",), "Plantar fasciitis"),
        ("indication", ("lateral_epicondylitis",), "Tennis elbow"),
    ]
