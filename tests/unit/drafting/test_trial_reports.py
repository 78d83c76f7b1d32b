"""Reports of trials and of how a treatment works, in the styles of health news and clinic
pages: the trial's population gives its condition to the results that follow; "the massage
group" is a trial arm, not a place; "weeks of treatment" refers to the treatment in hand;
the body's own pain relief is how it works, not a result; cells, blood vessels and fluid
are mechanism words; a coverage sentence goes on into the next one."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from drafting_helpers import claims_on as _of

from evidence.drafting import Draft

Drafter = Callable[[str], Draft]


def test_a_trials_population_gives_its_condition_to_the_results(draft: Drafter) -> None:
    d = draft("Massage Research\n\n## The trials\n\nIn one trial, 200 adults with chronic neck "
              "pain were assigned to massage or to usual care. Pain scores improved more with "
              "massage.\n\n- Function also got better in the massage group.")  # fmt: skip
    assert [c[2] for c in _of(d, "Pain scores")] == [("neck_pain",)]
    assert {c[2] for c in _of(d, "Function also")} == {("neck_pain",)}


def test_a_population_outside_a_trial_gives_nothing(draft: Drafter) -> None:
    d = draft("Cupping\n\nPeople with fibromyalgia often try cupping. Small studies suggest it "
              "reduces pain.")  # fmt: skip
    assert [c[2] for c in _of(d, "Small studies")] == [()]


def test_the_massage_group_is_a_trial_arm(draft: Drafter) -> None:
    d = draft("Back Pain Research\n\nPeople in the massage group had less intense pain after "
              "ten weeks.")  # fmt: skip
    assert [c[:2] for c in _of(d, "People in")] == [("effectiveness", ("massage",))]


def test_a_practice_group_is_still_a_place(draft: Drafter) -> None:
    d = draft("Our Team\n\nThe team at Lakeside Acupuncture Group has grown.")
    assert d.claims == []


def test_weeks_of_treatment_refer_to_the_treatment_in_hand(draft: Drafter) -> None:
    d = draft("Acupuncture\n\nAcupuncture uses fine needles. Many people like it.\n\nAfter eight "
              "weeks of treatment, patients reported fewer headaches and less pain.")  # fmt: skip
    assert [c[:2] for c in _of(d, "After eight")][:1] == [("effectiveness", ("acupuncture",))]


def test_the_bodys_own_pain_relief_is_how_it_works(draft: Drafter) -> None:
    d = draft("Acupuncture\n\nOne theory holds that the needles stimulate nerves, which sets off "
              "the body's own pain relief.")  # fmt: skip
    assert [c[0] for c in _of(d, "One theory")] == ["mechanism"]


@pytest.mark.parametrize(
    "text",
    [
        "Laser Therapy\n\nLaser therapy is quick. The light is taken up by the mitochondria, "
        "which make more ATP.",
        "Laser Therapy\n\nLaser therapy is quick. It also widens small blood vessels and draws "
        "fluid away from swollen areas.",
    ],
)
def test_cells_vessels_and_fluid_are_how_it_works(draft: Drafter, text: str) -> None:
    assert [c.kind for c in draft(text).claims][-1:] == ["mechanism"]


def test_a_coverage_sentence_goes_on_into_the_next(draft: Drafter) -> None:
    d = draft("Acupuncture\n\nMedicare pays for acupuncture for chronic low back pain. Up to 12 "
              "sessions are covered in 90 days.")  # fmt: skip
    assert [c[0] for c in _of(d, "Up to 12")] == ["coverage"]


def test_covered_without_a_coverage_sentence_before_is_no_claim(draft: Drafter) -> None:
    d = draft("Acupuncture\n\nAcupuncture uses fine needles. Each of these points is covered "
              "in the next section.")  # fmt: skip
    assert _of(d, "Each of") == []


def test_sore_muscles_for_a_day_is_soreness(draft: Drafter) -> None:
    d = draft("Massage\n\nMassage is safe for most people. The commonest side effect is sore "
              "muscles for a day or so.")  # fmt: skip
    assert ("adverse_effect", ("massage",), ("post_needling_soreness",), "occurs") in _of(
        d, "The commonest"
    )


def test_faster_tissue_repair_under_benefits_is_an_effect(draft: Drafter) -> None:
    d = draft("Laser Therapy\n\nLaser therapy uses light.\n\n## Benefits\n\n- Faster tissue "
              "repair\n- Less swelling")  # fmt: skip
    assert [c[0] for c in _of(d, "Faster")] == ["effectiveness"]


def test_a_finding_of_no_difference_is_one_claim_whatever_it_measured(draft: Drafter) -> None:
    d = draft("Laser Therapy\n\nIn people with neck pain, laser therapy made no difference to "
              "pain, disability or quality of life.")  # fmt: skip
    claims = [c for c in d.claims if c.kind == "effectiveness"]
    assert [(c.condition, c.asserts) for c in claims] == [(("neck_pain",), "no_benefit")]
    assert set(claims[0].outcome) == {"pain", "disability", "quality_of_life"}


# -- what a sentence refers back to ---------------------------------------------------------
def test_these_problems_are_the_conditions_of_the_sentence_before(draft: Drafter) -> None:
    d = draft("Shockwave Therapy\n\nShockwave therapy sends pulses into tissue. Tennis elbow and "
              "plantar fasciitis can last for months. Many clinics now use shockwave therapy "
              "for these problems.")  # fmt: skip
    assert [c[2] for c in _of(d, "Many clinics")] == [
        ("lateral_epicondylitis",),
        ("plantar_fasciitis",),
    ]


def test_the_two_treatments_are_the_two_the_title_names(draft: Drafter) -> None:
    d = draft("Cupping and Massage for Neck Pain\n\nNeck pain is common. Therapists often use "
              "the two treatments together for neck pain.")  # fmt: skip
    assert [c[1] for c in _of(d, "Therapists")] == [("cupping", "massage")]


def test_a_head_word_after_an_opening_phrase_names_the_treatment(draft: Drafter) -> None:
    d = draft("Ultrasound and Dry Needling\n\nUltrasound warms tissue. Many people like "
              "it.\n\nAccording to recent studies, needling a tendon is minimally "
              "invasive.")  # fmt: skip
    assert [c[:2] for c in _of(d, "According")] == [("definition", ("dry_needling",))]


def test_a_treatment_set_aside_and_glossed_with_which_is_defined_too(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nUnlike acupuncture, which is based on meridians, dry needling "
              "is based on anatomy.")  # fmt: skip
    assert sorted(c[1] for c in _of(d, "Unlike") if c[0] == "definition") == [
        ("acupuncture",),
        ("dry_needling",),
    ]


def test_the_injections_as_subject_outrank_a_treatment_named_after_the_verb(
    draft: Drafter,
) -> None:
    d = draft("Trigger Point Injections\n\nTrigger point injections put medicine into a knot. "
              "The injections aim to reduce your pain so that you can return to your "
              "exercises.")  # fmt: skip
    assert {c[1] for c in _of(d, "The injections")} == {("trigger_point_injection",)}


def test_giving_back_lost_movement_is_an_effect(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nDry needling targets tight knots. Releasing them often gives "
              "back lost movement.")  # fmt: skip
    assert [c[0] for c in _of(d, "Releasing")] == ["effectiveness"]


def test_the_last_word_of_a_vocabulary_name_refers_to_that_treatment(draft: Drafter) -> None:
    d = draft("Pain Clinic Options\n\nWe offer several treatments. Patients often ask about "
              "them.\n\nLow-level laser therapy is one option. Many patients ask questions. The "
              "laser is believed to boost energy production in cells.")  # fmt: skip
    assert [c[:2] for c in _of(d, "The laser")] == [("mechanism", ("laser_therapy",))]


# -- FAQ pages with bold labels and guideline pages -----------------------------------------
def test_a_bold_label_naming_a_condition_gives_it_to_its_item(draft: Drafter) -> None:
    d = draft("Shockwave FAQ\n\nShockwave therapy sends pulses into tissue.\n\nWhat can it "
              "treat?\n\n- **Tennis elbow:** shockwave can reduce pain when rest has failed.\n"
              "- **Plantar fasciitis:** often resolves after a course of treatment.")  # fmt: skip
    assert [c[2] for c in _of(d, "shockwave can")] == [("lateral_epicondylitis",)]
    assert [c[:3] for c in _of(d, "often resolves")] == [
        ("effectiveness", ("shockwave_therapy",), ("plantar_fasciitis",))
    ]


def test_a_payer_that_does_not_after_a_coverage_sentence(draft: Drafter) -> None:
    d = draft("Shockwave\n\nSome private insurers cover shockwave therapy for plantar "
              "fasciitis. Medicare generally does not.")  # fmt: skip
    assert [c[0::3] for c in _of(d, "Medicare")] == [("coverage", "not_covered")]


def test_what_guidelines_suggest_is_a_use(draft: Drafter) -> None:
    d = draft("Back Pain Care\n\nFor acute low back pain, guidelines suggest heat, massage or "
              "spinal manipulation.")  # fmt: skip
    assert {c[0] for c in _of(d, "For acute")} == {"indication"}
    assert {t for c in _of(d, "For acute") for t in c[1]} == {"massage", "manual_therapy"}


def test_common_after_treatment_is_no_common_treatment(draft: Drafter) -> None:
    d = draft("Back Pain Care\n\nSpinal manipulation helps low back pain. Serious harms are very "
              "rare, but stiffness is common after treatment.")  # fmt: skip
    assert "indication" not in {c[0] for c in _of(d, "Serious harms")}


# -- add-on trials, failures first, harms that pass, and heat -------------------------------
def test_a_when_clause_on_a_failure_is_a_condition_then_the_claim(draft: Drafter) -> None:
    d = draft("Acupuncture\n\nAcupuncture uses fine needles. When neck pain does not get better "
              "with rest, many people turn to acupuncture.")  # fmt: skip
    assert [c[0::2] for c in _of(d, "When neck")] == [("indication", ("neck_pain",))]


def test_an_add_on_compared_with_usual_care_alone_is_whether_it_works(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nA review found that adding dry needling to physiotherapy lowered "
              "neck pain, compared with physiotherapy care alone.")  # fmt: skip
    assert [c[0::3] for c in _of(d, "A review")] == [("effectiveness", "benefit")]


def test_these_effects_being_mild_is_a_safety_claim(draft: Drafter) -> None:
    d = draft("Cupping\n\n## Is it safe?\n\nCupping often leaves bruises. These effects are "
              "usually mild and fade within a week.")  # fmt: skip
    assert [c[0] for c in _of(d, "These effects")] == ["safety"]


def test_less_to_do_with_is_no_effect(draft: Drafter) -> None:
    d = draft("Shockwave\n\nShockwave therapy sends pulses into a tendon. Plantar fasciitis may "
              "have less to do with inflammation than with wear.")  # fmt: skip
    assert _of(d, "Plantar fasciitis") == []


def test_heat_it_delivers_is_how_it_works(draft: Drafter) -> None:
    d = draft("Ultrasound\n\nUltrasound therapy delivers heat to tissues deep under the skin.")
    assert [c.kind for c in d.claims] == ["mechanism"]


def test_a_table_row_speaks_of_the_treatment_its_first_cell_names(vocab: object) -> None:
    from evidence.drafting import draft_claims, parse_html
    from evidence.tagging import Vocabulary

    assert isinstance(vocab, Vocabulary)
    article = parse_html(
        "<html><body><article><h1>Plantar Fasciitis</h1><p>It is a common cause of heel "
        "pain.</p><table><tr><th>Treatment</th><th>Evidence</th></tr>"
        "<tr><td>Kinesio taping</td><td>May ease pain for a few days</td></tr>"
        "<tr><td>Night splints</td><td>May ease pain in the morning</td></tr>"
        "</table></article></body></html>"
    )
    d = draft_claims(article, vocab)
    assert [(c.kind, c.intervention, c.condition) for c in d.claims] == [
        ("effectiveness", ("kinesio_taping",), ("plantar_fasciitis",))
    ]


# -- abbreviations, "this" and approvals ----------------------------------------------------
def test_an_abbreviation_the_article_gives_names_the_treatment(draft: Drafter) -> None:
    d = draft("Interferential Therapy\n\nInterferential current therapy (IFC) crosses two "
              "currents under the skin.\n\n## Results\n\nMany people like the tingling. IFC "
              "has been shown to reduce pain in people with knee osteoarthritis.")  # fmt: skip
    assert [c[:3] for c in _of(d, "IFC has")] == [
        ("effectiveness", ("electrical_stimulation",), ("knee_osteoarthritis",))
    ]


def test_this_as_the_subject_is_the_treatment_just_described(draft: Drafter) -> None:
    d = draft("TENS\n\nTENS sends mild pulses through the skin. Many people like it.\n\n"
              "Most patients report less pain after four sessions. This helps them move more "
              "easily.")  # fmt: skip
    assert [c[:2] for c in _of(d, "This helps")] == [("effectiveness", ("electrical_stimulation",))]


def test_cleared_for_the_relief_of_a_condition_is_a_use(draft: Drafter) -> None:
    d = draft("TENS\n\nTENS is FDA-cleared for the symptomatic relief of chronic pain.")
    assert [c[0::2] for c in d.claims and _of(d, "TENS is")] == [("indication", ("chronic_pain",))]


def test_two_treatments_on_a_page_whose_title_names_two_are_those(draft: Drafter) -> None:
    d = draft("# Laser and Shockwave for Tennis Elbow\n\nTennis elbow can last for months. "
              "Our doctors often use two treatments side by side for these problems.")  # fmt: skip
    assert _of(d, "Our doctors") == [
        (
            "indication",
            ("laser_therapy", "shockwave_therapy"),
            ("lateral_epicondylitis",),
            "benefit",
        )
    ]


def test_what_it_does_not_do_to_the_body_defines_it(draft: Drafter) -> None:
    d = draft("Cold Laser\n\nCold laser therapy shines light on the skin. Unlike surgical lasers, "
              "it does not heat or cut the tissue.")  # fmt: skip
    assert [c[:2] for c in _of(d, "Unlike")] == [("definition", ("laser_therapy",))]


def test_lifting_the_skin_so_fluid_drains_is_how_it_works(draft: Drafter) -> None:
    d = draft("Kinesiology Taping\n\nKinesiology tape is a stretchy strip. Many believe the tape "
              "lifts the skin slightly, helping fluid drain away.")  # fmt: skip
    assert [c[:2] for c in _of(d, "Many believe")] == [("mechanism", ("kinesio_taping",))]
