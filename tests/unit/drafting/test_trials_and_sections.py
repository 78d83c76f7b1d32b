"""Trial reports and sections: a section headed by one condition gives it to the claims under
it; a trial's no-difference findings ("the groups did not differ", "no better off than the
sham group", "did little more than a dummy massage") are no benefit; a claim conceded both
ways gives both; results that come less often, get shorter or less tender are effects; "the
massage" after "trigger point massage" is the latter; a list with no lead-in goes on with
the paragraph before it; and a few more classes (safety with few serious risks, advising
against, what a treatment works with or presses on, a device moved over the skin, scar
tissue softened, cells drawn to the spot)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from drafting_helpers import claims_on as _of

from evidence.drafting import Draft

Drafter = Callable[[str], Draft]


# -- a section headed by one condition ------------------------------------------------------
def test_a_section_headed_by_a_condition_gives_it_to_claims_naming_none(draft: Drafter) -> None:
    d = draft("Shockwave Therapy\n\nShockwave therapy sends pulses into a tendon.\n\n"
              "## Shockwave for tennis elbow\n\nSeveral trials found it eases pain within a "
              "few weeks. Most insurers do not pay for it.")  # fmt: skip
    assert ("effectiveness", ("shockwave_therapy",), ("lateral_epicondylitis",), "benefit") in _of(
        d, "Several trials"
    )
    assert _of(d, "Most insurers") == [
        ("coverage", ("shockwave_therapy",), ("lateral_epicondylitis",), "not_covered")
    ]


def test_a_question_heading_naming_a_lay_condition_counts_too(draft: Drafter) -> None:
    d = draft("Laser Therapy\n\nLaser therapy shines light on the skin.\n\n## Can laser help "
              "heel pain?\n\nSmall studies suggest it reduces pain.")  # fmt: skip
    assert [c[2] for c in _of(d, "Small studies")] == [("plantar_fasciitis",)]


@pytest.mark.parametrize(
    "heading",
    ["Side effects of cupping on neck pain", "Cupping for neck pain and low back pain"],
)
def test_a_harm_heading_or_one_naming_two_conditions_gives_none(
    draft: Drafter, heading: str
) -> None:
    d = draft(f"Cupping\n\nCupping uses suction cups.\n\n## {heading}\n\nSmall studies "
              "suggest it reduces pain.")  # fmt: skip
    assert [c[2] for c in _of(d, "Small studies")] == [()]


# -- a trial that found no difference -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Laser Therapy\n\nIn a trial of 60 people with neck pain, the laser group and the "
            "sham group did not differ in pain after eight weeks.",
            "In a trial",
        ),
        (
            "Ultrasound\n\nPeople with knee osteoarthritis who had real ultrasound were no "
            "better off than those who had the switched-off machine.",
            "People with",
        ),
        (
            "Kinesio Taping\n\nAdding kinesio tape did not make exercise for low back pain "
            "work any better.",
            "Adding kinesio",
        ),
        (
            "Massage\n\nFor chronic neck pain, massage probably does little more than a dummy "
            "massage.",
            "For chronic neck",
        ),
        (
            "Acupuncture\n\nIn migraine trials, acupuncture did not change the number of "
            "attacks compared with usual care.",
            "In migraine",
        ),
    ],
)
def test_a_trial_that_found_no_difference_is_no_benefit(
    draft: Drafter, text: str, start: str
) -> None:
    claims = _of(draft(text), start)
    assert claims and {c[0] for c in claims} == {"effectiveness"}
    assert {c[3] for c in claims} == {"no_benefit"}


def test_a_claim_conceded_both_ways_gives_both(draft: Drafter) -> None:
    d = draft("Cupping\n\nCupping may ease neck pain, although a sham cupping seems to do much "
              "the same.")  # fmt: skip
    assert [c[3] for c in _of(d, "Cupping may")] == ["benefit", "no_benefit"]


# -- results that come less often, get shorter or less tender -------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Acupuncture\n\nAcupuncture shows real promise for migraine.", "Acupuncture shows"),
        (
            "Massage\n\nA study found that massage cut the number of tension headaches each week.",
            "A study",
        ),
        (
            "Dry Needling\n\nDry needling made tension headaches shorter in one small trial.",
            "Dry needling made",
        ),
        ("TENS\n\nTENS may help keep migraines at bay.", "TENS may"),
        (
            "Cupping\n\nWith regular cupping, tension headaches came less often.",
            "With regular",
        ),
    ],
)
def test_results_that_come_less_often_or_get_shorter_are_effects(
    draft: Drafter, text: str, start: str
) -> None:
    assert [c[0] for c in _of(draft(text), start)][:1] == ["effectiveness"]


def test_the_generic_name_after_the_specific_one_is_the_specific_one(draft: Drafter) -> None:
    d = draft("Trigger Point Massage\n\nTrigger point massage presses on knots in the neck. "
              "People who had the massage said their tension headaches eased. Plain massage is "
              "also popular for neck pain.")  # fmt: skip
    assert [c[1] for c in _of(d, "People who")] == [("trigger_point_therapy",)]
    assert [c[1] for c in _of(d, "Plain massage")] == [("massage",)]


def test_a_list_with_no_lead_in_goes_on_with_the_paragraph(draft: Drafter) -> None:
    d = draft("Headache Care\n\nIn one trial, 40 people with tension headaches had six weeks of "
              "acupuncture.\n\n- Headaches became less frequent.\n- Pain scores dropped by a "
              "third.")  # fmt: skip
    assert [c[1] for c in _of(d, "Headaches became")] == [("acupuncture",)]


# -- harms, safety, and whom it is not for --------------------------------------------------
def test_pain_that_passes_in_a_list_of_side_effects_is_soreness(draft: Drafter) -> None:
    d = draft("Cupping\n\nCupping uses suction cups.\n\nSide effects can include:\n\n"
              "- discomfort that soon passes\n- bruising")  # fmt: skip
    assert [c.adverse_event for c in d.claims if c.kind == "adverse_effect"] == [
        ("post_needling_soreness",),
        ("bruising",),
    ]


def test_few_serious_risks_is_a_safety_claim(draft: Drafter) -> None:
    d = draft("Massage\n\nMassage seems to carry few serious risks in trained hands.")
    assert [c.kind for c in d.claims] == ["safety"]


def test_advising_against_it_is_a_contraindication(draft: Drafter) -> None:
    d = draft("Cupping\n\nCupping uses suction cups. Doctors advise against cupping if you "
              "have a bleeding disorder or take blood thinners.")  # fmt: skip
    assert [c.sentence[:6] for c in d.claims] == ["Cuppin"]


def test_no_one_knows_is_an_open_matter(draft: Drafter) -> None:
    d = draft("Laser Therapy\n\nNo one knows yet whether laser therapy helps acute neck pain.")
    assert d.claims == []


# -- what it is -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Ultrasound\n\nTherapeutic ultrasound works with sound waves too high for us to hear.",
        "Trigger Point Therapy\n\nTrigger point therapy presses on the knots with a thumb.",
        'Dry Needling\n\nDry needling is an old idea. It is called "dry" because nothing is '
        "injected.",
        "Ultrasound\n\nUltrasound is a common treatment. A small probe is moved slowly over the "
        "skin.",
        "Dry Needling\n\nPhysiotherapists use dry needling, sliding a fine needle into the knot.",
    ],
)
def test_what_it_works_with_or_how_it_is_given_defines_it(draft: Drafter, text: str) -> None:
    assert "definition" in [c.kind for c in draft(text).claims[-1:]]


def test_a_genuine_treatment_is_a_verdict_not_a_definition(draft: Drafter) -> None:
    d = draft("Acupuncture\n\nAcupuncture is a genuine treatment for migraine.")
    assert "definition" not in [c.kind for c in d.claims]


def test_a_treatment_set_aside_with_which_is_no_open_matter(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nUnlike acupuncture, which follows Chinese medicine, dry "
              "needling is based on anatomy.")  # fmt: skip
    assert [c[:2] for c in d.claims and _of(d, "Unlike")] == [("definition", ("dry_needling",))]


# -- how it works ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Shockwave Therapy\n\nShockwave therapy is loud. It also softens scar tissue.",
        "Dry Needling\n\nDry needling is quick. It draws stem cells to the injured tendon.",
        "Trigger Points\n\nTrigger point therapy is a massage. A knot squeezes its own blood "
        "vessels, so the muscle gets less blood.",
    ],
)
def test_scar_tissue_cells_and_blood_are_how_it_works(draft: Drafter, text: str) -> None:
    assert [c.kind for c in draft(text).claims][-1:] == ["mechanism"]


def test_an_efficient_treatment_for_a_condition_is_effectiveness(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nDry needling is an efficient treatment for tennis elbow.")
    assert _of(d, "Dry needling") == [
        ("effectiveness", ("dry_needling",), ("lateral_epicondylitis",), "benefit")
    ]


def test_a_head_word_of_a_treatment_in_the_title_names_it(draft: Drafter) -> None:
    d = draft("Ultrasound and Dry Needling for Heel Pain\n\nUltrasound warms tissue.\n\n"
              "## Needling\n\nMost patients like it. Needling a tendon is minimally "
              "invasive.")  # fmt: skip
    assert _of(d, "Needling a") == [("definition", ("dry_needling",), (), "true")]
