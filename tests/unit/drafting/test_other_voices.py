"""Word classes met in voices the earlier rules were not written on (a hospital leaflet, a
personal blog, a news report, a clinic's marketing page, a payer's policy, a forum answer):
words that rate the evidence ("the research is solid", "the data behind it are thin"), harms
said to be minor in the past tense ("side effects were mild"), a payer's policy words
without a payer ("not medically necessary"), research as the subject of a sentence that
names no treatment ("Trials show no benefit over sham"), pain said to be down or gone, a
treatment's name used as a verb in a purpose clause ("so that you can exercise"), what a
treatment puts into the body, lay words for harms, and cells that repair themselves."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from drafting_helpers import claims_on as _of

from evidence.drafting import Draft, draft_claims, parse_html, parse_text
from evidence.tagging import Vocabulary

Drafter = Callable[[str], Draft]


def _only_about(draft: Drafter, text: str, start: str, intervention: str) -> None:
    """The sentence starting with `start` gives claims, all about `intervention` alone."""
    claims = _of(draft(text), start)
    assert claims
    assert {i for _, i, _, _ in claims} == {(intervention,)}


# -- words that rate the evidence -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention", "condition", "asserts"),
    [
        (
            "Heel Diary\n\nShockwave therapy was my last hope. From what I have read, the "
            "research on shockwave for plantar fasciitis is pretty solid.",
            "From what I have read",
            "shockwave_therapy",
            "plantar_fasciitis",
            "benefit",
        ),
        (
            "Laser Notes\n\nThe evidence for laser therapy in knee osteoarthritis is fairly "
            "strong, according to two recent reviews.",
            "The evidence for laser",
            "laser_therapy",
            "knee_osteoarthritis",
            "benefit",
        ),
        (
            "Ask a Physio\n\nTherapeutic ultrasound has been used for decades, but the research "
            "behind it for tendinopathy is weak.",
            "Therapeutic ultrasound has been used",
            "therapeutic_ultrasound",
            "tendinopathy",
            "no_benefit",
        ),
        (
            "Cupping Facts\n\nThe data on cupping for neck pain remain thin and of low quality.",
            "The data on cupping",
            "cupping",
            "neck_pain",
            "no_benefit",
        ),
        (
            "TENS Review\n\nStudies of TENS for fibromyalgia have been sparse and small.",
            "Studies of TENS",
            "electrical_stimulation",
            "fibromyalgia",
            "no_benefit",
        ),
    ],
)
def test_words_that_rate_the_evidence_make_an_effectiveness_claim(
    draft: Drafter, text: str, start: str, intervention: str, condition: str, asserts: str
) -> None:
    assert _of(draft(text), start) == [("effectiveness", (intervention,), (condition,), asserts)]


def test_evidence_rated_for_a_procedure_is_not_a_verdict_on_the_condition(draft: Drafter) -> None:
    # what the evidence is good for is how to diagnose, not whether the treatment works
    d = draft("Back Pain Tests\n\nThe evidence that MRI finds the cause of low back pain is weak.")
    assert not [c for c in d.claims if c.kind == "effectiveness"]


# -- harms said to be minor, in any tense -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "Needling Trial\n\nDry needling eased neck pain in the trial. Side effects were minor.",
            "Side effects were",
            "dry_needling",
        ),
        (
            "Laser Study\n\nThe laser group improved more. No serious harms were seen in either "
            "group.",
            "No serious harms",
            "laser_therapy",
        ),
        (
            "Shockwave Results\n\nShockwave therapy helped most patients. The complications "
            "that did occur were mild and short-lived.",
            "The complications",
            "shockwave_therapy",
        ),
        (
            "Injection Leaflet\n\nTrigger point injections are given into the tender muscle. "
            "Most people have no problems afterwards.",
            "Most people have no problems",
            "trigger_point_injection",
        ),
    ],
)
def test_harms_said_to_be_minor_make_a_safety_claim(
    draft: Drafter, text: str, start: str, intervention: str
) -> None:
    assert ("safety", (intervention,), (), "safe") in _of(draft(text), start)


def test_a_condition_with_no_problems_is_not_a_safety_claim(draft: Drafter) -> None:
    d = draft("Knee Pain\n\nMost people with a sore knee have no problems walking.")
    assert not [c for c in d.claims if c.kind == "safety"]


# -- a payer's policy words --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention", "condition"),
    [
        (
            "Policy: Shock Wave Therapy\n\nESWT is not medically necessary for Achilles "
            "tendinopathy.",
            "ESWT is not medically",
            "shockwave_therapy",
            "tendinopathy",
        ),
        (
            "Coverage Summary\n\nLaser therapy is considered not medically necessary for "
            "carpal tunnel syndrome.",
            "Laser therapy is considered",
            "laser_therapy",
            "carpal_tunnel_syndrome",
        ),
        (
            "Benefit Guide\n\nAcupuncture is a covered benefit for chronic low back pain.",
            "Acupuncture is a covered",
            "acupuncture",
            "low_back_pain",
        ),
    ],
)
def test_a_policy_word_without_a_payer_is_coverage(
    draft: Drafter, text: str, start: str, intervention: str, condition: str
) -> None:
    kinds = _of(draft(text), start)
    assert [k[:3] for k in kinds] == [("coverage", (intervention,), (condition,))]
    expected = "covered" if "a covered" in text else "not_covered"
    assert kinds[0][3] == expected


def test_a_policy_criterion_with_no_payer_named_is_no_claim(draft: Drafter) -> None:
    # a case the policy attaches to its words is one of its criteria, not what it covers
    d = draft(
        "Injection Policy\n\nUnder the same rules, repeat trigger point injections are not "
        "medically necessary if the first ones did not ease the pain."
    )
    assert not [c for c in d.claims if c.kind == "coverage"]


# -- research as the subject of a sentence naming no treatment ---------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention", "condition", "asserts"),
    [
        (
            "Policy Rationale\n\nShock wave therapy has been studied for many tendon problems. "
            "For tennis elbow, trials show no meaningful benefit over sham treatment.",
            "For tennis elbow",
            "shockwave_therapy",
            "lateral_epicondylitis",
            "no_benefit",
        ),
        (
            "Cupping Explained\n\nCupping is an old practice. Studies suggest it can ease "
            "neck pain for a few weeks.",
            "Studies suggest",
            "cupping",
            "neck_pain",
            "benefit",
        ),
        (
            "Laser News\n\nLow-level laser therapy is drug-free. Recent reviews found it "
            "relieves pain in knee osteoarthritis.",
            "Recent reviews found",
            "laser_therapy",
            "knee_osteoarthritis",
            "benefit",
        ),
    ],
)
def test_research_as_subject_speaks_of_the_treatment_in_hand(
    draft: Drafter, text: str, start: str, intervention: str, condition: str, asserts: str
) -> None:
    assert _of(draft(text), start) == [("effectiveness", (intervention,), (condition,), asserts)]


# -- pain said to be down or gone --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "condition"),
    [
        (
            "My Heel and Shockwave Therapy\n\nI have plantar fasciitis. I had shockwave "
            "therapy in March. After three sessions my morning heel pain was way down.",
            "After three sessions",
            "plantar_fasciitis",
        ),
        (
            "Laser for Knees\n\nLaser therapy is used for knee osteoarthritis. After six "
            "sessions my knee pain was almost gone.",
            "After six sessions",
            "knee_osteoarthritis",
        ),
        (
            "Dry Needling and My Neck\n\nI went for dry needling for neck pain. By the third "
            "visit the pain was much lower than before.",
            "By the third visit",
            "neck_pain",
        ),
    ],
)
def test_pain_said_to_be_down_or_gone_is_a_benefit(
    draft: Drafter, text: str, start: str, condition: str
) -> None:
    claims = _of(draft(text), start)
    assert [(k, c, a) for k, _, c, a in claims] == [("effectiveness", (condition,), "benefit")]


def test_a_harm_that_is_gone_is_no_benefit_claim(draft: Drafter) -> None:
    d = draft("Dry Needling\n\nDry needling can leave you sore. By the next day the soreness "
              "was gone.")  # fmt: skip
    assert not [c for c in d.claims if c.kind == "effectiveness"]


# -- a treatment's name used as a verb in a purpose clause -------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "Trigger Point Injections\n\nThe injections numb the sore muscle. They relieve "
            "pain for a while, so that you can stretch and exercise more comfortably.",
            "They relieve",
            "trigger_point_injection",
        ),
        (
            "Shockwave Therapy\n\nShockwave therapy eases heel pain so you can exercise again.",
            "Shockwave therapy eases",
            "shockwave_therapy",
        ),
        (
            "Laser Therapy\n\nLaser therapy reduces knee pain, which lets patients exercise "
            "for longer.",
            "Laser therapy reduces",
            "laser_therapy",
        ),
    ],
)
def test_a_treatment_named_as_a_verb_in_a_purpose_clause_is_not_the_subject(
    draft: Drafter, text: str, start: str, intervention: str
) -> None:
    _only_about(draft, text, start, intervention)


# -- what a treatment puts into the body --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "Trigger Point Injections\n\nA trigger point injection puts a small amount of local "
            "anaesthetic into that spot.",
            "A trigger point injection puts",
            "trigger_point_injection",
        ),
        (
            "Dry Needling\n\nDry needling places a fine filament needle into each tight spot.",
            "Dry needling places",
            "dry_needling",
        ),
        (
            "Cupping\n\nCupping sets glass cups on the skin of the back.",
            "Cupping sets",
            "cupping",
        ),
    ],
)
def test_what_a_treatment_puts_into_the_body_defines_it(
    draft: Drafter, text: str, start: str, intervention: str
) -> None:
    assert ("definition", (intervention,), (), "true") in _of(draft(text), start)


# -- lay words for harms ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "event"),
    [
        (
            "Injection Risks\n\nTrigger point injections are safe for most people. Very rarely, "
            "the needle can puncture the lining of the lung.",
            "Very rarely",
            "pneumothorax",
        ),
        (
            "Needling Risks\n\nDry needling near the chest can, on rare occasions, let air into "
            "the space around a lung.",
            "Dry needling near the chest",
            "pneumothorax",
        ),
        (
            "Injection Risks\n\nPossible side effects of trigger point injections include:\n\n"
            "- Feeling dizzy or faint",
            "Feeling dizzy",
            "syncope",
        ),
        (
            "Needling Risks\n\nDry needling can make some people light-headed and faint.",
            "Dry needling can make",
            "syncope",
        ),
    ],
)
def test_lay_words_for_harms(draft: Drafter, text: str, start: str, event: str) -> None:
    assert [k[2] for k in _of(draft(text), start) if k[0] == "adverse_effect"] == [(event,)]


# -- cells that repair themselves ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "Cold Laser\n\nLaser therapy uses gentle light. The light is absorbed by the cells, "
            "which then produce more energy and repair themselves faster.",
            "The light is absorbed",
            "laser_therapy",
        ),
        (
            "Shockwave Therapy\n\nShockwave therapy sends pulses into the tendon. The tissue "
            "then rebuilds itself over the following weeks.",
            "The tissue then rebuilds",
            "shockwave_therapy",
        ),
        (
            "Ultrasound Therapy\n\nUltrasound therapy warms deep tissue. It helps damaged "
            "fibres renew themselves.",
            "It helps damaged",
            "therapeutic_ultrasound",
        ),
    ],
)
def test_cells_that_repair_themselves_are_a_mechanism(
    draft: Drafter, text: str, start: str, intervention: str
) -> None:
    assert ("mechanism", (intervention,), (), "true") in _of(draft(text), start)


# -- a bare answer the next sentence states ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Cold Laser Therapy\n\n## Is it safe?\n\nYes. Cold laser therapy has very few side "
            "effects.",
            "safety",
        ),
        (
            "Cupping\n\n## Can cupping help neck pain?\n\nYes. Cupping can ease neck pain for a "
            "few weeks.",
            "effectiveness",
        ),
        (
            "Shockwave Therapy\n\n## Is shockwave therapy safe?\n\nAbsolutely. Shockwave therapy "
            "is safe when a trained clinician gives it.",
            "safety",
        ),
    ],
)
def test_a_bare_answer_the_next_sentence_states_is_one_claim(
    draft: Drafter, text: str, kind: str
) -> None:
    d = draft(text)
    assert [c.kind for c in d.claims] == [kind]
    assert not d.claims[0].sentence.startswith(("Yes", "Absolutely"))


def test_a_bare_answer_followed_by_something_else_keeps_its_claim(draft: Drafter) -> None:
    d = draft("Dry Needling\n\n## Is dry needling safe?\n\nYes. Therapists who offer it "
              "complete long training courses.")  # fmt: skip
    assert [(c.kind, c.sentence) for c in d.claims] == [("safety", "Yes.")]


# -- pressing on a trigger point or knot ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Sore Shoulders\n\nPressing on a trigger point for half a minute can ease shoulder "
            "pain.",
            "Pressing on a trigger point",
        ),
        (
            "Desk Neck\n\nFirm pressure on the knots in your upper back relieves neck pain for "
            "many office workers.",
            "Firm pressure on the knots",
        ),
        (
            "Jaw Care\n\nPressing into the tender knots of the jaw muscle helps jaw pain.",
            "Pressing into the tender knots",
        ),
    ],
)
def test_pressing_on_a_trigger_point_is_trigger_point_therapy(
    draft: Drafter, text: str, start: str
) -> None:
    _only_about(draft, text, start, "trigger_point_therapy")


# -- a treatment's name before a person or a tool -------------------------------------------------
def test_a_practitioner_or_tool_named_after_a_treatment_does_not_make_the_topic(
    draft: Drafter,
) -> None:
    # (the title names no treatment: the topic is the one the page speaks of most; a
    # massage therapist and a massage ball are a person and a tool, and a bare "massage" on a
    # page naming trigger point massage is that massage, as the vocabulary says)
    d = draft(
        "Notes From My Table\n\nAs a massage therapist, I see sore necks every day. I keep a "
        "massage ball in my bag and my massage therapist friends do too. Trigger point "
        "massage is what I do most. Massage of that kind eases neck pain.\n\nA trigger point "
        "is a tight, tender spot in a muscle."
    )
    assert ("definition", ("trigger_point_therapy",), (), "true") in _of(d, "A trigger point")


def test_a_named_treatment_keeps_the_topic_whatever_it_yields_to(draft: Drafter) -> None:
    d = draft(
        "Massage for Neck Pain\n\nMassage eases neck pain. Some therapists add trigger point "
        "massage.\n\nMassage is a hands-on treatment of the soft tissues."
    )
    assert ("definition", ("massage",), (), "true") in _of(d, "Massage is a hands-on")


def test_pressing_on_a_trigger_point_to_find_it_is_no_treatment(draft: Drafter) -> None:
    d = draft("Myofascial Pain Syndrome\n\nPressing on a trigger point in certain ways can make "
              "the muscle twitch.")  # fmt: skip
    assert not d.claims


# -- a payer's refusal in a contraction ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Dry Needling Costs\n\nMost health plans don't cover dry needling.", "Most health plans"),
        ("Massage and Money\n\nPlenty of health plans don't pay for massage at all.", "Plenty"),
        ("Cupping FAQ\n\nMany insurers won't reimburse cupping sessions.", "Many insurers"),
        ("Laser Therapy\n\nYour insurance plan probably doesn't cover laser therapy.", "Your"),
    ],
)
def test_a_payer_s_refusal_in_a_contraction_is_not_covered(
    draft: Drafter, text: str, start: str
) -> None:
    assert [(k, a) for k, _, _, a in _of(draft(text), start)] == [("coverage", "not_covered")]


# -- a question asked in the third person -------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Massage Notes\n\nPeople ask me all the time whether insurance pays for massage.",
        "Cupping Diary\n\nMy clients often wonder if cupping helps neck pain.",
        "Laser FAQ\n\nPatients regularly ask whether laser therapy is safe.",
    ],
)
def test_a_question_told_as_asked_asserts_nothing(draft: Drafter, text: str) -> None:
    assert draft(text).claims == []


# -- "What I can tell you is that ...": a statement put the other way round ----------------------
@pytest.mark.parametrize(
    ("text", "start", "condition"),
    [
        (
            "Massage for Migraine\n\nWhat I can tell you is that plenty of my migraine clients "
            "say their attacks feel less intense after massage.",
            "What I can tell you",
            "migraine",
        ),
        (
            "Dry Needling\n\nWhat we can say is that dry needling eases neck pain for many people.",
            "What we can say",
            "neck_pain",
        ),
        (
            "Cupping\n\nWhat I have seen is that cupping relieves low back pain in my clients.",
            "What I have seen",
            "low_back_pain",
        ),
    ],
)
def test_a_cleft_opening_keeps_the_claim(
    draft: Drafter, text: str, start: str, condition: str
) -> None:
    assert [(k, c, a) for k, _, c, a in _of(draft(text), start)] == [
        ("effectiveness", (condition,), "benefit")
    ]


# -- an answer after a short opening phrase -----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Ball Massage\n\n## Is trigger point massage safe?\n\nIn my book, absolutely. Start "
            "gentle.",
            "In my book",
        ),
        (
            "Cupping\n\n## Is cupping safe?\n\nShort answer: yes, for most healthy adults.",
            "Short answer",
        ),
        ("Laser\n\n## Is laser therapy safe?\n\nHonestly, yes. The light is weak.", "Honestly"),
    ],
)
def test_an_answer_after_a_short_opening_phrase_answers(
    draft: Drafter, text: str, start: str
) -> None:
    assert [k for k, _, _, _ in _of(draft(text), start)] == ["safety"]


# -- headaches or pain said to be less severe ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "condition"),
    [
        (
            "Trigger Point Massage Trial\n\nIn the trial, 30 adults with tension-type headache "
            "had trigger point massage. The headaches they still got were around 30 percent less "
            "intense.",
            "The headaches they still got",
            "tension_type_headache",
        ),
        (
            "Dry Needling for Migraine\n\nDry needling was tried for migraine. Attacks were "
            "noticeably milder afterwards.",
            "Attacks were",
            "migraine",
        ),
        (
            "Cupping\n\nCupping was given for neck pain. The pain was less severe a month later.",
            "The pain was less",
            "neck_pain",
        ),
    ],
)
def test_pain_said_to_be_less_severe_is_a_benefit(
    draft: Drafter, text: str, start: str, condition: str
) -> None:
    assert [(k, c, a) for k, _, c, a in _of(draft(text), start)] == [
        ("effectiveness", (condition,), "benefit")
    ]


# -- muscles that relax, knots that soften, a loop broken ---------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "Trigger Point Therapy\n\nTrigger point therapy is a hands-on treatment. You hold "
            "steady pressure, the knot softens, and the muscle relaxes.",
            "You hold steady pressure",
            "trigger_point_therapy",
        ),
        (
            "Massage\n\nMassage lets the small muscles of the face lengthen and relax.",
            "Massage lets",
            "massage",
        ),
        (
            "Dry Needling\n\nDry needling breaks the cycle in which pain causes spasm and spasm "
            "causes more pain.",
            "Dry needling breaks",
            "dry_needling",
        ),
        (
            "Trigger Point Therapy\n\nPressing on a trigger point basically resets the muscle.",
            "Pressing on a trigger point",
            "trigger_point_therapy",
        ),
    ],
)
def test_muscles_that_relax_are_a_mechanism(
    draft: Drafter, text: str, start: str, intervention: str
) -> None:
    assert _of(draft(text), start) == [("mechanism", (intervention,), (), "true")]


# -- something to try for a condition ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention", "condition"),
    [
        (
            "Cupping\n\nCupping is a cheap thing to try for neck pain.",
            "Cupping is a cheap",
            "cupping",
            "neck_pain",
        ),
        (
            "Kinesiology Tape\n\nKinesiology tape is worth a try for knee osteoarthritis.",
            "Kinesiology tape is worth",
            "kinesio_taping",
            "knee_osteoarthritis",
        ),
        (
            "Laser Therapy\n\nFor carpal tunnel syndrome, laser therapy is one option to try "
            "before surgery.",
            "For carpal tunnel",
            "laser_therapy",
            "carpal_tunnel_syndrome",
        ),
    ],
)
def test_something_to_try_for_a_condition_is_an_indication(
    draft: Drafter, text: str, start: str, intervention: str, condition: str
) -> None:
    assert ("indication", (intervention,), (condition,), "benefit") in _of(draft(text), start)


# -- an opinion opening before the treatment's target -------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "I think trigger points are behind most of the neck pain I see.",
        "We believe trigger points are a common source of shoulder pain.",
        "I suspect trigger points cause many headaches.",
    ],
)
def test_an_opinion_opening_keeps_the_target_as_subject(draft: Drafter, sentence: str) -> None:
    d = draft(f"Trigger Point Therapy\n\nTrigger point therapy is a hands-on treatment. {sentence}")
    claims = _of(d, sentence[:12])
    assert claims
    assert {i for _, i, _, _ in claims} == {("trigger_point_therapy",)}


# -- an option said to work -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "Shockwave Therapy\n\nShockwave therapy is a workable option for stubborn heel pain.",
            "Shockwave therapy is a workable",
            "shockwave_therapy",
        ),
        (
            "Cupping\n\nFor tight shoulders, cupping is a reliable way to ease stiffness.",
            "For tight shoulders",
            "cupping",
        ),
        (
            "Laser Therapy\n\nLaser therapy is a proven option for the loss of function after a "
            "sprain.",
            "Laser therapy is a proven",
            "laser_therapy",
        ),
    ],
)
def test_an_option_said_to_work_is_effectiveness(
    draft: Drafter, text: str, start: str, intervention: str
) -> None:
    claims = _of(draft(text), start)
    assert [(k, i, a) for k, i, _, a in claims] == [("effectiveness", (intervention,), "benefit")]


# -- a failure now and then ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Trigger Point Injections\n\nTrigger point injections ease neck pain. Sometimes they fail "
        "to relieve it.",
        "Cupping\n\nCupping eases back stiffness for many people. It does not work for everyone.",
        "Shockwave Therapy\n\nShockwave therapy helps heel pain. In some cases the pulses do not "
        "help at all.",
    ],
)
def test_a_failure_now_and_then_is_no_claim_of_no_benefit(draft: Drafter, text: str) -> None:
    assert [c.asserts for c in draft(text).claims if c.kind == "effectiveness"] == ["benefit"]


def test_a_failure_that_is_not_now_and_then_is_no_benefit(draft: Drafter) -> None:
    d = draft("Laser Therapy\n\nIn the trial, laser therapy did not relieve neck pain.")
    assert [c.asserts for c in d.claims if c.kind == "effectiveness"] == ["no_benefit"]


# -- warning signs under an instruction to call ------------------------------------------------
@pytest.mark.parametrize(
    "lead",
    [
        "Call the clinic if:",
        "Go to the nearest emergency department right away if you have:",
        "Contact your therapist when you notice:",
    ],
)
def test_items_under_an_instruction_to_call_are_warning_signs(draft: Drafter, lead: str) -> None:
    d = draft(
        f"Dry Needling\n\nDry needling can leave a bruise.\n\n{lead}\n\n- a bruise is large "
        "or keeps growing\n- the skin turns red and you have an infection\n- you feel faint"
    )
    assert [c.sentence for c in d.claims] == ["Dry needling can leave a bruise."]


# -- a serious harm at a very low rate -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Dry Needling\n\nPossible problems with dry needling:\n\n- A serious problem: "
            "fewer than 1 out of every 10,000 treatments",
            "A serious problem",
        ),
        (
            "Acupuncture Risks\n\nAcupuncture carries small risks. Serious complications, about "
            "1 in 20,000 sessions, are the main worry.",
            "Serious complications",
        ),
        (
            "Shockwave Therapy\n\nShockwave therapy has side effects. Severe reactions (under 1 in "
            "50,000 treatments) have been reported.",
            "Severe reactions",
        ),
    ],
)
def test_a_serious_harm_at_a_very_low_rate_is_a_safety_claim(
    draft: Drafter, text: str, start: str
) -> None:
    assert "safety" in [k for k, _, _, _ in _of(draft(text), start)]


# -- pain that comes from the muscles --------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Your therapist may suggest dry needling for pain and stiffness that comes from your "
        "muscles.",
        "Cupping is used for aches that come from tight muscles.",
        "Trigger point injections are given for pain that starts in the muscles.",
    ],
)
def test_pain_that_comes_from_the_muscles_is_myofascial(draft: Drafter, sentence: str) -> None:
    claims = draft(f"Muscle Pain\n\n{sentence}").claims
    assert [c.condition for c in claims] == [("myofascial_pain_syndrome",)]


# -- what you feel while it is done ---------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "You may or may not feel the needle go through your skin.",
        "Most people barely notice the needles slide in.",
        "You might feel the needle enter the muscle as a dull ache.",
    ],
)
def test_what_you_feel_while_it_is_done_is_no_definition(draft: Drafter, sentence: str) -> None:
    d = draft(f"Dry Needling\n\nDry needling eases neck pain. {sentence}")
    assert "definition" not in [c.kind for c in d.claims]


# -- the tissue's response linked with an outcome --------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "This twitch is linked with the muscle letting go and with less pain.",
        "The twitch response seems to be associated with quicker relief.",
        "That reaction is tied to less stiffness in the muscle.",
    ],
)
def test_the_tissue_s_response_linked_with_an_outcome_is_a_mechanism(
    draft: Drafter, sentence: str
) -> None:
    d = draft(f"Dry Needling\n\nDry needling makes the muscle twitch. {sentence}")
    assert [c.kind for c in d.claims if c.sentence == sentence] == ["mechanism"]


# -- pain while it is done -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "item",
    [
        "Pain while the needles are in: 60 to 70 out of every 100 treatments",
        "Brief pain as the needle goes in",
        "Some pain when the injection is given",
    ],
)
def test_pain_while_it_is_done_is_soreness(draft: Drafter, item: str) -> None:
    d = draft(f"Dry Needling\n\nPossible side effects of dry needling:\n\n- {item}")
    assert [c.adverse_event for c in d.claims] == [("post_needling_soreness",)]


# -- a claim the writer declines to make -----------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "I'd love to tell you the ball cures migraines, but I can't.",
        "We would like to say cupping fixes back pain, but the studies do not let us.",
        "I wish I could promise that laser therapy heals every tendon.",
    ],
)
def test_a_claim_the_writer_declines_to_make_is_left_out(draft: Drafter, sentence: str) -> None:
    d = draft(f"Notes\n\n{sentence}")
    assert d.claims == []


# -- not to be called a cure -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        '"I would not call dry needling a cure for neck pain," she said.',
        "Nobody should see cupping as a miracle for back pain.",
        "I don't consider laser therapy a quick fix for knee osteoarthritis.",
    ],
)
def test_not_to_be_called_a_cure_asserts_nothing(draft: Drafter, sentence: str) -> None:
    assert draft(f"Notes\n\n{sentence}").claims == []


# -- a question-and-answer page's labels -----------------------------------------------------------
def test_an_answer_after_its_label_answers_the_question(draft: Drafter) -> None:
    d = draft("Shockwave Q&A\n\n**Q: Is shockwave therapy safe?**\n\nA: Yes.")
    assert [(c.kind, c.intervention) for c in d.claims] == [("safety", ("shockwave_therapy",))]


# -- a device's features named with a treatment word -----------------------------------------------
def test_a_feature_named_with_a_treatment_word_is_not_the_subject(draft: Drafter) -> None:
    d = draft(
        "TENS Unit\n\nThis TENS unit eases back pain.\n\n## Features\n\n- 24 massage modes\n"
        "- Encourages your body to release endorphins, its natural painkillers"
    )
    assert [c.intervention for c in d.claims if c.kind == "mechanism"] == [
        ("electrical_stimulation",)
    ]


# -- soreness that follows for a few days
@pytest.mark.parametrize(
    "sentence",
    [
        "Mild tenderness can follow for a day or two.",
        "Soreness may linger for a few days.",
        "Some aching usually lasts for 2 days.",
    ],
)
def test_soreness_that_follows_for_days_is_soreness(draft: Drafter, sentence: str) -> None:
    d = draft(f"Shockwave Therapy\n\nShockwave therapy is given in three sessions. {sentence}")
    assert [c.adverse_event for c in d.claims if c.sentence == sentence] == [
        ("post_needling_soreness",)
    ]


# -- a gain told with its size ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Roughly two thirds of patients notice a meaningful improvement in pain within three "
        "months.",
        "Most clients see a marked difference after four sessions.",
        "Many people experience a noticeable improvement in stiffness.",
    ],
)
def test_a_gain_told_with_its_size_is_a_benefit(draft: Drafter, sentence: str) -> None:
    d = draft(f"Shockwave Therapy\n\nShockwave therapy is given weekly. {sentence}")
    assert [(c.kind, c.asserts) for c in d.claims if c.sentence == sentence] == [
        ("effectiveness", "benefit")
    ]


# -- payers split ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Some health insurance policies cover acupuncture, but others don't.",
        "Some plans pay for cupping while other plans do not.",
        "Some insurers reimburse laser therapy, but many never do.",
    ],
)
def test_payers_split_assert_nothing(draft: Drafter, sentence: str) -> None:
    assert draft(f"Costs\n\n{sentence}").claims == []


def test_payers_that_also_pay_are_not_split(draft: Drafter) -> None:
    d = draft("Costs\n\nSome plans cover acupuncture, and others cover it too.")
    assert [(c.kind, c.asserts) for c in d.claims] == [("coverage", "covered")]


# -- osteoarthritis of the knee in other words -----------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Acupuncture may ease osteoarthritis knee pain.",
        "Laser therapy is used for osteoarthritic knees.",
        "TENS can help arthritis knee pain.",
    ],
)
def test_osteoarthritis_of_the_knee_in_other_words(draft: Drafter, sentence: str) -> None:
    assert [c.condition for c in draft(f"Knees\n\n{sentence}").claims] == [("knee_osteoarthritis",)]


# -- the topic named short before another treatment ------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "Kinesiology Taping\n\nWe use taping for plantar fasciitis, usually alongside "
            "exercises.",
            "We use taping",
            "kinesio_taping",
        ),
        (
            "Dry Needling\n\nOur physios offer needling for neck pain as well as massage.",
            "Our physios offer needling",
            "dry_needling",
        ),
        (
            "Kinesiology Tape\n\nPhysios often apply tape for knee osteoarthritis along with "
            "exercise therapy.",
            "Physios often apply tape",
            "kinesio_taping",
        ),
    ],
)
def test_the_topic_named_short_before_another_treatment_is_the_subject(
    draft: Drafter, text: str, start: str, intervention: str
) -> None:
    _only_about(draft, text, start, intervention)


# -- a condition as a label or a table row's first cell ---------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Shockwave Therapy\n\nShockwave therapy sends pulses into the tendon.\n\n**Tennis elbow:** "
        "Eases pain when gripping.",
        "<html><body><h1>Shockwave Therapy</h1><p>Shockwave therapy sends pulses into the "
        "tendon.</p><table><tr><th>Condition</th><th>What it may do</th></tr><tr><td>Tennis "
        "elbow</td><td>Eases pain when gripping</td></tr></table></body></html>",
        "Shockwave Therapy\n\nShockwave therapy sends pulses into the tendon.\n\n- **Tennis "
        "elbow:** eases pain when gripping",
    ],
)
def test_a_condition_as_a_label_gives_the_text_after_it_the_treatment_in_hand(
    vocab: Vocabulary, text: str
) -> None:
    article = parse_html(text) if text.startswith("<html>") else parse_text(text, markdown=True)
    claims = draft_claims(article, vocab).claims
    assert ("effectiveness", ("shockwave_therapy",), ("lateral_epicondylitis",)) in [
        (c.kind, c.intervention, c.condition) for c in claims
    ]


# -- lay words for a jaw joint disorder ---------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Massage can ease jaw joint disorders.",
        "Trigger point therapy is a cheap thing to try for a clenchy jaw.",
        "Dry needling may help a sore, clicking jaw.",
    ],
)
def test_lay_words_for_a_jaw_joint_disorder(draft: Drafter, sentence: str) -> None:
    claims = draft(f"Jaw Care\n\n{sentence}").claims
    assert [c.condition for c in claims] == [("temporomandibular_disorder",)]


# -- not shown to work -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Well-designed studies have not shown that ultrasound works better than a placebo for "
        "low back pain.",
        "Cupping has never been proven to help neck pain.",
        "Trials failed to show that laser therapy relieves neck pain.",
    ],
)
def test_not_shown_to_work_is_no_benefit(draft: Drafter, sentence: str) -> None:
    d = draft(f"Treatments\n\n{sentence}")
    assert [(c.kind, c.asserts) for c in d.claims] == [("effectiveness", "no_benefit")]


# -- "these conditions" after a list ---------------------------------------------------------------
def test_these_conditions_after_a_list_are_the_listed_ones(draft: Drafter) -> None:
    d = draft(
        "Therapeutic Ultrasound\n\nTherapeutic ultrasound may be used for:\n\n- Tendinitis\n- "
        "Carpal tunnel syndrome\n\n## Outlook\n\nMany people report less pain. However, studies "
        "have not shown that ultrasound works better than a placebo for these conditions."
    )
    assert [c.condition for c in d.claims if c.sentence.startswith("However")] == [
        ("tendinopathy",),
        ("carpal_tunnel_syndrome",),
    ]


def test_these_conditions_take_the_sentence_before_first(draft: Drafter) -> None:
    d = draft(
        "Cupping\n\nCupping may be used for:\n\n- Neck pain\n\nCupping is also tried for "
        "fibromyalgia. Studies have not shown that it helps these conditions."
    )
    assert [c.condition for c in d.claims if c.sentence.startswith("Studies")] == [
        ("fibromyalgia",)
    ]


# -- the everyday idioms of praise ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        ("Dry needling did wonders for my low back pain.", "low_back_pain"),
        ("Shockwave therapy has been a game changer for my tennis elbow.", "lateral_epicondylitis"),
        ("Runners swear by cupping for neck pain.", "neck_pain"),
        ("Laser therapy worked miracles on my knee osteoarthritis.", "knee_osteoarthritis"),
        ("Massage made a huge difference to my neck pain.", "neck_pain"),
        ("Acupuncture has been life-changing for my migraines.", "migraine"),
        ("TENS gave me my life back after years of low back pain.", "low_back_pain"),
    ],
)
def test_the_everyday_idioms_of_praise_are_a_benefit(
    draft: Drafter, sentence: str, condition: str
) -> None:
    d = draft(f"Notes\n\n{sentence}")
    assert [(c.kind, c.condition, c.asserts) for c in d.claims] == [
        ("effectiveness", (condition,), "benefit")
    ]


# -- the everyday idioms of safety and harm -------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Dry needling has zero side effects for most people.",
        "Shockwave therapy is nothing to worry about.",
        "Acupuncture rarely causes any problems.",
        "With cupping, side effects are few and far between.",
        "Massage is about as safe as it gets.",
    ],
)
def test_the_everyday_idioms_of_safety(draft: Drafter, sentence: str) -> None:
    assert [c.kind for c in draft(f"Notes\n\n{sentence}").claims] == ["safety"]


def test_black_and_blue_is_bruising(draft: Drafter) -> None:
    d = draft("Cupping\n\nCupping left my back black and blue for a week.")
    assert [(c.kind, c.adverse_event) for c in d.claims] == [("adverse_effect", ("bruising",))]


# -- the everyday idioms of no benefit ------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        ("Cupping did nothing for my neck pain.", "neck_pain"),
        ("Laser therapy did not do a thing for my tennis elbow.", "lateral_epicondylitis"),
        ("For my low back pain, acupuncture was a waste of money.", "low_back_pain"),
        ("TENS has not lived up to the hype for fibromyalgia.", "fibromyalgia"),
    ],
)
def test_the_everyday_idioms_of_no_benefit(draft: Drafter, sentence: str, condition: str) -> None:
    d = draft(f"Notes\n\n{sentence}")
    assert [(c.kind, c.condition, c.asserts) for c in d.claims] == [
        ("effectiveness", (condition,), "no_benefit")
    ]


# -- the everyday idioms of who pays ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "asserts"),
    [
        ("My insurance picked up the tab for dry needling.", "covered"),
        ("I paid for shockwave therapy out of my own pocket.", "not_covered"),
        ("Acupuncture is available on the NHS for chronic low back pain.", "covered"),
        ("Shockwave therapy is not available on the NHS for plantar fasciitis.", "not_covered"),
    ],
)
def test_the_everyday_idioms_of_who_pays(draft: Drafter, sentence: str, asserts: str) -> None:
    d = draft(f"Notes\n\n{sentence}")
    assert [(c.kind, c.asserts) for c in d.claims] == [("coverage", asserts)]


# -- the everyday idioms of how it works and what it is like -------------------------------------
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("TENS tricks the brain into ignoring pain signals.", "mechanism"),
        ("Cupping flushes toxins out of the muscles.", "mechanism"),
        ("Dry needling switches off overactive trigger points.", "mechanism"),
        ("Think of cupping as a reverse massage.", "definition"),
        ("Ultrasound therapy works a bit like a deep heat pack.", "definition"),
    ],
)
def test_the_everyday_idioms_of_how_it_works(draft: Drafter, sentence: str, kind: str) -> None:
    assert [c.kind for c in draft(f"Notes\n\n{sentence}").claims] == [kind]


# -- an open matter in other words ----------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "The jury is still out on whether cupping helps neck pain.",
        "It is early days for shockwave therapy in tennis elbow.",
        "More research is needed before laser therapy can be recommended for neck pain.",
    ],
)
def test_an_open_matter_in_other_words_asserts_nothing(draft: Drafter, sentence: str) -> None:
    assert draft(f"Notes\n\n{sentence}").claims == []


# -- the everyday idioms of use --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        ("Dry needling is our go-to treatment for neck pain.", "neck_pain"),
        (
            "For tennis elbow, shockwave therapy is often the first port of call.",
            "lateral_epicondylitis",
        ),
        ("Massage is a staple of care for low back pain.", "low_back_pain"),
    ],
)
def test_the_everyday_idioms_of_use_are_an_indication(
    draft: Drafter, sentence: str, condition: str
) -> None:
    d = draft(f"Notes\n\n{sentence}")
    assert [(c.kind, c.condition) for c in d.claims] == [("indication", (condition,))]


# -- lay words for bleeding, nausea and soreness -----------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("The injection site bled a little.", "bleeding"),
        ("A few drops of blood can appear after dry needling.", "bleeding"),
        ("Some people feel queasy after dry needling.", "nausea"),
        ("A few patients feel sick to their stomach during dry needling.", "nausea"),
        ("After dry needling I was achy for a day or so.", "post_needling_soreness"),
    ],
)
def test_lay_words_for_bleeding_nausea_and_soreness(
    draft: Drafter, sentence: str, event: str
) -> None:
    d = draft(f"Dry Needling\n\n{sentence}")
    assert [(c.kind, c.adverse_event) for c in d.claims] == [("adverse_effect", (event,))]
