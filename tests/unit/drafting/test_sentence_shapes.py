"""Sentence shapes whose subject or condition lies outside the sentence: an answer whose
question names the treatment or the condition, a list item whose treatment is named by a
heading two or more levels up, a testimonial or quoted speech, a table row, and a claim
spread over two sentences (a set-up sentence naming the condition, then the claim). The
texts are our own, written in the voices of other sites (a sports clinic's FAQ, a forum
thread, a magazine listicle, a physician's practice page, a patient story)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from drafting_helpers import claims_on as _of
from drafting_helpers import draft_markdown as _md

from evidence.drafting import Draft, draft_claims, parse_html, parse_text
from evidence.tagging import Vocabulary

Drafter = Callable[[str], Draft]


# -- an answer whose question names the treatment or the condition ----------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention", "condition", "asserts"),
    [
        (
            "Ridgeway Sports Clinic FAQ\n\nCan shockwave therapy help with tennis elbow?\n\n"
            "Most of our patients notice much less pain after three or four sessions.",
            "Most of our patients",
            "shockwave_therapy",
            "lateral_epicondylitis",
            "benefit",
        ),
        (
            "Neck Forum\n\nHas anyone tried cupping for neck pain?\n\n"
            "I went four times and honestly it did nothing for me.",
            "I went four times",
            "cupping",
            "neck_pain",
            "no_benefit",
        ),
        (
            "Ask the Knee Doctor\n\nDoes laser therapy work for knee osteoarthritis?\n\n"
            "Several small trials found that it eased pain and stiffness for a few months.",
            "Several small trials",
            "laser_therapy",
            "knee_osteoarthritis",
            "benefit",
        ),
        (
            "Massage at Elm Street\n\nMassage is what we do most.\n\n"
            "Do you also offer acupuncture for migraines?\n\n"
            "We do, and many of our clients find that it helps them.",
            "We do, and many",
            "acupuncture",
            "migraine",
            "benefit",
        ),
    ],
)
def test_an_answer_takes_what_its_question_names(
    draft: Drafter, text: str, start: str, intervention: str, condition: str, asserts: str
) -> None:
    claims = _of(draft(text), start)
    assert claims
    assert {(i, c, a) for _, i, c, a in claims} == {((intervention,), (condition,), asserts)}


def test_the_next_question_ends_what_the_last_one_named(draft: Drafter) -> None:
    text = (
        "Heel Clinic FAQ\n\nDoes shockwave therapy help plantar fasciitis?\n\n"
        "Most people notice less pain within a month.\n\n"
        "Does laser therapy help too?\n\n"
        "It may reduce pain for a while."
    )
    d = draft(text)
    assert {c for _, _, c, _ in _of(d, "Most people")} == {("plantar_fasciitis",)}
    later = _of(d, "It may reduce")
    assert later
    assert {(i, c) for _, i, c, _ in later} == {(("laser_therapy",), ())}


# -- a list item whose treatment is named by a heading two or more levels up ---------------
def test_a_list_item_takes_the_treatment_of_the_heading_two_levels_up(vocab: Vocabulary) -> None:
    d = _md(
        vocab,
        "# Our Services\n\n## Dry needling\n\n### Who we see\n\n- Plantar fasciitis\n"
        "- Neck pain\n\n## Kinesiology taping\n\n### Conditions\n\n- Knee osteoarthritis\n"
        "- Low back pain\n",
    )

    def about(start: str) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
        return {(i, c) for _, i, c, _ in _of(d, start)}

    assert about("Plantar") == {(("dry_needling",), ("plantar_fasciitis",))}
    assert about("Knee") == {(("kinesio_taping",), ("knee_osteoarthritis",))}
    assert about("Low back") == {(("kinesio_taping",), ("low_back_pain",))}


def test_an_html_list_takes_the_treatment_of_its_outer_heading(vocab: Vocabulary) -> None:
    page = (
        "<html><head><title>Downtown Physio</title></head><body><article>"
        "<h1>Treatments at Downtown Physio</h1>"
        "<p>Dry needling is our most popular service and we use it every day.</p>"
        "<h2>Shockwave therapy</h2><p>A handheld device sends pulses into the tissue.</p>"
        "<h3>Who it helps</h3><ul><li>Plantar fasciitis</li><li>Tennis elbow</li></ul>"
        "</article></body></html>"
    )
    d = draft_claims(parse_html(page), vocab)
    assert {i for _, i, _, _ in _of(d, "Plantar")} == {("shockwave_therapy",)}
    assert {i for _, i, _, _ in _of(d, "Tennis")} == {("shockwave_therapy",)}


def test_a_paragraph_takes_the_condition_of_its_outer_heading(vocab: Vocabulary) -> None:
    d = _md(
        vocab,
        "# Conditions We Treat\n\n## Knee osteoarthritis\n\nWorn cartilage makes the knee "
        "stiff.\n\n### What laser therapy offers\n\nLaser therapy can ease pain and help you "
        "move more easily.\n",
    )
    claims = _of(d, "Laser therapy can ease")
    assert claims
    assert {c for k, _, c, _ in claims if k == "effectiveness"} == {("knee_osteoarthritis",)}


def test_a_heading_of_the_same_level_ends_the_one_before(vocab: Vocabulary) -> None:
    d = _md(
        vocab,
        "# Clinic Services\n\nWe offer several hands-on treatments.\n\n## Dry needling\n\n"
        "### Uses\n\n- Neck pain\n\n## Massage\n\n### Uses\n\n- Low back pain\n",
    )
    assert {i for _, i, _, _ in _of(d, "Neck")} == {("dry_needling",)}
    assert {i for _, i, _, _ in _of(d, "Low back")} == {("massage",)}


# -- testimonials and quoted speech ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention", "condition", "asserts"),
    [
        (
            'Patient Stories\n\n"After six sessions of dry needling my sciatica was gone," says '
            "Maria, a teacher.",
            '"After six',
            "dry_needling",
            "radiculopathy",
            "benefit",
        ),
        (
            'Reviews\n\n"Shockwave therapy fixed my plantar fasciitis when nothing else would." '
            "- Tom R.",
            '"Shockwave therapy fixed',
            "shockwave_therapy",
            "plantar_fasciitis",
            "benefit",
        ),
        (
            'Runner Stories\n\nOne runner told us: "The laser treatments took away my tennis '
            'elbow pain in two weeks."',
            "One runner told us",
            "laser_therapy",
            "lateral_epicondylitis",
            "benefit",
        ),
        (
            'Ask the Sports Doctor\n\nAs one sports physician put it, "Ultrasound therapy does '
            'very little for tendinopathy."',
            "As one sports physician",
            "therapeutic_ultrasound",
            "tendinopathy",
            "no_benefit",
        ),
    ],
)
def test_a_testimonial_or_quote_makes_its_claim(
    draft: Drafter, text: str, start: str, intervention: str, condition: str, asserts: str
) -> None:
    claims = _of(draft(text), start)
    assert claims
    assert {(i, c, a) for _, i, c, a in claims} == {((intervention,), (condition,), asserts)}


def test_a_quote_over_two_sentences_takes_the_condition_of_the_first(draft: Drafter) -> None:
    d = draft(
        'Heel Stories\n\n"I had plantar fasciitis for two years. Shockwave changed '
        'everything," he said.'
    )
    claims = _of(d, "Shockwave changed")
    assert claims
    assert {(i, c, a) for _, i, c, a in claims} == {
        (("shockwave_therapy",), ("plantar_fasciitis",), "benefit")
    }


# -- table rows ------------------------------------------------------------------------------
def test_a_markdown_table_row_reads_its_cells_with_the_column_headers(vocab: Vocabulary) -> None:
    d = _md(
        vocab,
        "# Treatment Options Compared\n\n| Treatment | Used for | Sessions |\n"
        "| --- | --- | --- |\n| Dry needling | Neck pain | 3 to 6 |\n"
        "| Cupping | Low back pain | 4 |\n| Shockwave therapy | Plantar fasciitis | 3 |\n",
    )
    got = {(i, c) for k, i, c, _ in _of(d, "") if k == "indication"}
    assert got == {
        (("dry_needling",), ("neck_pain",)),
        (("cupping",), ("low_back_pain",)),
        (("shockwave_therapy",), ("plantar_fasciitis",)),
    }
    # (the header row and the number of sessions claim nothing)
    assert not _of(d, "Treatment")
    assert not _of(d, "3 to 6")


def test_an_html_table_with_a_header_row(vocab: Vocabulary) -> None:
    page = (
        "<html><head><title>Pain Practice</title></head><body><article>"
        "<h1>Pain Practice: What We Offer</h1>"
        "<p>We are a physician-led practice for muscle and joint pain in adults.</p>"
        "<table><tr><th>Treatment</th><th>Conditions treated</th></tr>"
        "<tr><td>Trigger point injections</td><td>Myofascial pain syndrome</td></tr>"
        "<tr><td>Acupuncture</td><td>Migraine</td></tr></table>"
        "</article></body></html>"
    )
    d = draft_claims(parse_html(page), vocab)
    got = {(i, c) for k, i, c, _ in _of(d, "") if k == "indication"}
    assert got == {
        (("trigger_point_injection",), ("myofascial_pain_syndrome",)),
        (("acupuncture",), ("migraine",)),
    }


def test_a_table_row_led_by_a_condition_gives_the_treatment_in_hand(vocab: Vocabulary) -> None:
    d = _md(
        vocab,
        "# Massage Therapy\n\nMassage is hands-on work on the soft tissues.\n\n"
        "| Condition | How massage helps |\n| --- | --- |\n"
        "| Low back pain | Eases muscle spasm and stiffness |\n"
        "| Tension headaches | Reduces how often they come |\n",
    )
    got = {(i, c) for k, i, c, _ in _of(d, "") if k in ("effectiveness", "indication")}
    assert (("massage",), ("low_back_pain",)) in got
    assert (("massage",), ("tension_type_headache",)) in got


# -- a claim spread over two sentences ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention", "condition"),
    [
        (
            "Headache Help\n\nMany patients ask us about migraines. Dry needling can help.",
            "Dry needling can help",
            "dry_needling",
            "migraine",
        ),
        (
            "Foot Notes\n\nPlantar fasciitis is one of the most common foot complaints we see. "
            "Shockwave therapy often brings relief within weeks.",
            "Shockwave therapy often",
            "shockwave_therapy",
            "plantar_fasciitis",
        ),
        (
            "Elbow Guide\n\nTennis elbow can linger for months. Laser therapy may speed up "
            "recovery.",
            "Laser therapy may",
            "laser_therapy",
            "lateral_epicondylitis",
        ),
        (
            "Jaw Pain Blog\n\nStruggling with a sore jaw? Massage of the chewing muscles "
            "reduces pain for many people.",
            "Massage of the chewing",
            "massage",
            "temporomandibular_disorder",
        ),
    ],
)
def test_a_set_up_sentence_gives_the_claim_after_it_its_condition(
    draft: Drafter, text: str, start: str, intervention: str, condition: str
) -> None:
    claims = _of(draft(text), start)
    assert claims
    assert {(i, c, a) for _, i, c, a in claims} == {((intervention,), (condition,), "benefit")}


def test_a_set_up_sentence_does_not_reach_the_next_paragraph(draft: Drafter) -> None:
    d = draft(
        "Back Care\n\nSciatica affects many adults at some point.\n\n"
        "Cupping may ease muscle tension and pain."
    )
    claims = _of(d, "Cupping may ease")
    assert claims
    assert all(c == () for _, _, c, _ in claims)


def test_a_sentence_naming_its_own_condition_keeps_it(draft: Drafter) -> None:
    d = draft(
        "Elbow Guide\n\nTennis elbow can linger for months. Shockwave therapy also helps "
        "plantar fasciitis."
    )
    assert {c for _, _, c, _ in _of(d, "Shockwave therapy also")} == {("plantar_fasciitis",)}


def test_a_question_heading_gives_its_answer_all_the_conditions_it_names(
    vocab: Vocabulary,
) -> None:
    d = _md(
        vocab,
        "# Heel Pain Guide\n\n## Can dry needling help neck and back pain?\n\n"
        "Most patients feel better after a few visits.\n",
    )
    assert {(i, c) for _, i, c, _ in _of(d, "Most patients")} == {
        (("dry_needling",), ("neck_pain",)),
        (("dry_needling",), ("low_back_pain",)),
    }


@pytest.mark.parametrize(
    "text",
    [
        "# Heel Pain Guide\n\n## Plantar fasciitis\n\nThe band under the foot gets irritated."
        "\n\n### Treatment options\n\n- Shockwave therapy\n- Dry needling\n",
        "# Foot and Ankle Practice\n\n## Plantar fasciitis\n\n### How it is treated\n\n"
        "We may suggest:\n\n- Shockwave therapy\n- Dry needling\n",
        "# Conditions A to Z\n\n## Plantar fasciitis\n\n### What can help\n\n"
        "- Shockwave therapy\n- Dry needling\n",
    ],
)
def test_treatments_listed_under_a_condition_heading_are_used_for_it(
    vocab: Vocabulary, text: str
) -> None:
    d = _md(vocab, text)
    # (a use, or what it helps when the heading says so: the verb is the heading's)
    kinds = {"indication", "effectiveness"}
    shockwave = _of(d, "Shockwave")
    assert shockwave and all(k in kinds for k, _, _, _ in shockwave)
    assert {(i, c) for _, i, c, _ in shockwave} == {
        (("shockwave_therapy",), ("plantar_fasciitis",))
    }
    needling = _of(d, "Dry needling")
    assert needling and all(k in kinds for k, _, _, _ in needling)
    assert {(i, c) for _, i, c, _ in needling} == {(("dry_needling",), ("plantar_fasciitis",))}


def test_treatments_listed_under_a_harm_heading_are_not_uses(vocab: Vocabulary) -> None:
    d = _md(
        vocab,
        "# Heel Pain Guide\n\n## Plantar fasciitis\n\n### Treatments to avoid\n\n"
        "- Steroid injections, which can weaken the band\n",
    )
    assert not [c for c in d.claims if c.kind == "indication"]


# -- what a question asks for: who answers, what the treatment is, whom it suits ---------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Needling Talk\n\nDry needling eased my neck pain.\n\nIs it at least safe?\n\n"
            "Reply from PT_Jordan\n\nIn trained hands, yes.",
            "In trained hands",
        ),
        (
            "Cupping Questions\n\nCupping is popular with athletes.\n\nIs cupping safe?\n\n"
            "Answered by Dr. Amy Chen\n\nYes, for most healthy adults.",
            "Yes, for most",
        ),
        (
            "Laser Forum\n\nIs laser therapy safe?\n\n- Gwen R.\n\n"
            "Absolutely, it is very low risk.",
            "Absolutely",
        ),
    ],
)
def test_who_answers_stands_between_a_question_and_its_answer(
    draft: Drafter, text: str, start: str
) -> None:
    d = draft(text)
    assert ("safety", "safe") in {(k, a) for k, _, _, a in _of(d, start)}
    assert not [c for c in d.claims if c.sentence.startswith(("Reply", "Answered", "- Gwen"))]


@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "Peak Motion FAQ\n\n**What is shockwave therapy?**\n\nShockwave therapy sends "
            "sound waves carrying high energy into sore tendons and muscles.",
            "Shockwave therapy sends",
            "shockwave_therapy",
        ),
        (
            "Cupping FAQ\n\n## What is cupping?\n\nA therapist places glass or silicone cups "
            "on your skin and draws the skin up into them.",
            "A therapist places",
            "cupping",
        ),
        (
            "Laser Questions\n\nWhat exactly is laser therapy?\n\nIt shines low-power light "
            "onto the painful area for a few minutes.",
            "It shines",
            "laser_therapy",
        ),
    ],
)
def test_the_answer_to_what_a_treatment_is_defines_it(
    draft: Drafter, text: str, start: str, intervention: str
) -> None:
    assert ("definition", (intervention,)) in {(k, i) for k, i, _, _ in _of(draft(text), start)}


def test_the_answer_to_what_something_else_is_defines_no_treatment(draft: Drafter) -> None:
    d = draft(
        "Trigger Point Massage\n\n## What is a trigger point?\n\nA muscle works by "
        "contracting, and now and then a small patch of it stays clenched."
    )
    assert "definition" not in {k for k, _, _, _ in _of(d, "A muscle works")}


@pytest.mark.parametrize(
    ("text", "start", "intervention", "conditions"),
    [
        (
            "Trigger Point Injections | Dr. Ortiz\n\nTrigger point injections put a local "
            "anesthetic into a knot.\n\n## Who is a good candidate?\n\nPatients with "
            "fibromyalgia or tension headaches whose pain has not settled with stretching.",
            "Patients with",
            "trigger_point_injection",
            {"fibromyalgia", "tension_type_headache"},
        ),
        (
            "Shockwave FAQ\n\nShockwave therapy is offered at both our clinics.\n\n"
            "Is shockwave therapy right for me?\n\nIt often suits people whose plantar "
            "fasciitis has lasted more than six months.",
            "It often suits",
            "shockwave_therapy",
            {"plantar_fasciitis"},
        ),
        (
            "Acupuncture at Riverside\n\nAcupuncture is one of our oldest services.\n\n"
            "**Who can benefit from acupuncture?** People living with migraines or low back "
            "pain often do.",
            "People living with",
            "acupuncture",
            {"migraine", "low_back_pain"},
        ),
    ],
)
def test_the_answer_to_whom_a_treatment_suits_names_its_uses(
    draft: Drafter, text: str, start: str, intervention: str, conditions: set[str]
) -> None:
    claims = _of(draft(text), start)
    assert {c[0] for k, _, c, _ in claims if k in ("indication", "effectiveness")} == conditions
    assert {i for _, i, _, _ in claims} == {(intervention,)}


# -- a list of things to try: each heading its own option ------------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "# 7 Ways to Beat Muscle Knots\n\n## 2. Book a massage\n\nMassage eases tight "
            "muscles.\n\n## 3. Use heat\n\nA warm pack relaxes the muscle before you stretch.\n",
            "A warm pack",
        ),
        (
            "# Desk Worker's Guide to Neck Pain\n\n## Try dry needling\n\nDry needling can "
            "relieve neck pain.\n\n## Take short breaks\n\nStanding up every half hour "
            "reduces stiffness.\n",
            "Standing up",
        ),
        (
            "# Runner's Heel Pain Fixes\n\n## 1) Ask about shockwave therapy\n\nShockwave "
            "therapy helps plantar fasciitis.\n\n## 2) Roll a frozen bottle\n\nIt eases heel "
            "pain after a run.\n",
            "It eases",
        ),
    ],
)
def test_a_heading_telling_the_reader_to_do_something_else_ends_the_treatment(
    vocab: Vocabulary, text: str, start: str
) -> None:
    assert not _of(_md(vocab, text), start)


def test_a_heading_telling_the_reader_to_try_a_treatment_names_it(vocab: Vocabulary) -> None:
    d = _md(
        vocab,
        "# 5 Fixes for Tension Headaches\n\n## Try acupuncture\n\nIt reduces how often "
        "headaches come for many people.\n",
    )
    assert {i for _, i, _, _ in _of(d, "It reduces")} == {("acupuncture",)}


# -- a practice's voice speaking of the treatment as "this" or "it" -----------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "Trigger Point Injections | Dr. Ortiz\n\nTrigger point injections put a local "
            "anesthetic into a knot. Patients often get substantial relief, and in our "
            "practice we find this one of the most helpful treatments.",
            "Patients often get",
            "trigger_point_injection",
        ),
        (
            "Shockwave at Harbor Physio\n\nShockwave therapy sends pulses into a sore tendon. "
            "Our team has seen it bring lasting relief to runners.",
            "Our team has seen",
            "shockwave_therapy",
        ),
        (
            "Laser Therapy | Summit Spine\n\nLaser therapy shines light on the sore area. "
            "Our patients tell us it is effective when nothing else was.",
            "Our patients tell us",
            "laser_therapy",
        ),
    ],
)
def test_a_practice_claiming_results_for_this_treatment_is_a_claim(
    draft: Drafter, text: str, start: str, intervention: str
) -> None:
    claims = _of(draft(text), start)
    assert ("effectiveness", (intervention,)) in {(k, i) for k, i, _, _ in claims}


def test_a_practice_inviting_the_reader_is_still_marketing(draft: Drafter) -> None:
    d = draft(
        "Shockwave at Harbor Physio\n\nShockwave therapy sends pulses into a sore tendon. "
        "Call us today to see if it can bring you relief!"
    )
    assert not _of(d, "Call us today")


# -- words met on the probe pages -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "intervention", "condition", "asserts"),
    [
        (
            "Heel News\n\nSeveral trials found shockwave therapy beat a sham treatment for "
            "plantar fasciitis at three months.",
            "Several trials",
            "shockwave_therapy",
            ("plantar_fasciitis",),
            "benefit",
        ),
        (
            "Laser Notes\n\nIn one trial, laser therapy did better than a placebo laser for "
            "neck pain.",
            "In one trial",
            "laser_therapy",
            ("neck_pain",),
            "benefit",
        ),
        (
            "Needle Review\n\nDry needling outperformed sham needling for neck pain in a "
            "recent review.",
            "Dry needling outperformed",
            "dry_needling",
            ("neck_pain",),
            "benefit",
        ),
        (
            "Back Forum\n\nThe trials on cupping for low back pain are small and the effects "
            "are modest at best.",
            "The trials on cupping",
            "cupping",
            ("low_back_pain",),
            "no_benefit",
        ),
        (
            "Skeptic's Corner\n\nKinesiology taping for knee osteoarthritis has no real science "
            "behind it.",
            "Kinesiology taping",
            "kinesio_taping",
            ("knee_osteoarthritis",),
            "no_benefit",
        ),
        (
            "Patient Voices\n\nAfter years of tension headaches, acupuncture gave me my "
            "weekends back.",
            "After years",
            "acupuncture",
            ("tension_type_headache",),
            "benefit",
        ),
    ],
)
def test_words_of_the_probe_pages(
    draft: Drafter,
    text: str,
    start: str,
    intervention: str,
    condition: tuple[str, ...],
    asserts: str,
) -> None:
    claims = _of(draft(text), start)
    assert ("effectiveness", (intervention,), condition, asserts) in claims


def test_treating_safely_and_effectively_is_both_claims(draft: Drafter) -> None:
    d = draft(
        "Trigger Point Injections\n\nTrigger point injections put a local anesthetic into a "
        "knot. Dr. Lee treats these trigger points safely and effectively with injections."
    )
    assert {k for k, _, _, _ in _of(d, "Dr. Lee")} == {"safety", "effectiveness"}


# -- a knot as the subject, and a complaint that gets in the way less ---------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Trigger Point Therapy at Oak Street\n\nTrigger point therapy is pressure on "
            "tender spots.\n\nA knot in your calf can send pain down into your heel.",
            "A knot in your calf",
        ),
        (
            "Trigger Point Therapy for Desk Workers\n\nWe use trigger point therapy every "
            "day.\n\nMuscle knots often form where a muscle is held still for hours.",
            "Muscle knots often",
        ),
        (
            "Why Trigger Point Therapy?\n\nTrigger point therapy presses on a knot until it "
            "lets go.\n\nKnots can make a whole shoulder feel weak.",
            "Knots can make",
        ),
    ],
)
def test_a_knot_as_the_subject_describes_what_the_topic_works_on(
    draft: Drafter, text: str, start: str
) -> None:
    assert {(k, i) for k, i, _, _ in _of(draft(text), start)} == {
        ("definition", ("trigger_point_therapy",))
    }


def test_a_knot_on_a_page_whose_topic_works_on_no_trigger_point_defines_nothing(
    draft: Drafter,
) -> None:
    d = draft(
        "Shockwave Therapy\n\nShockwave therapy sends pulses into a sore tendon.\n\n"
        "A knot in your calf can send pain down into your heel."
    )
    assert not _of(d, "A knot in your calf")


@pytest.mark.parametrize(
    ("text", "start", "intervention", "condition"),
    [
        (
            "Headache Study Notes\n\nIn a small trial, people with tension-type headaches "
            "had six sessions of acupuncture. Afterwards, their headaches got in the way of "
            "daily life less.",
            "Afterwards",
            "acupuncture",
            "tension_type_headache",
        ),
        (
            "Back Pain Trial\n\nAfter eight weeks of cupping for low back pain, the pain "
            "interfered less with work and sleep.",
            "After eight weeks",
            "cupping",
            "low_back_pain",
        ),
        (
            "Neck Notes\n\nWith laser therapy, neck pain got in the way less for most of the "
            "office workers we treated.",
            "With laser therapy",
            "laser_therapy",
            "neck_pain",
        ),
    ],
)
def test_a_complaint_that_gets_in_the_way_less_is_a_benefit(
    draft: Drafter, text: str, start: str, intervention: str, condition: str
) -> None:
    claims = _of(draft(text), start)
    assert ("effectiveness", (intervention,), (condition,), "benefit") in claims


# -- an FAQ's question in a disclosure widget, a definition list or an accordion -------------
def _page(body: str) -> str:
    return (
        "<html><head><title>FAQ | Harbor Physio</title></head><body><main><article>"
        "<h1>Shockwave Therapy: Your Questions</h1><p>Harbor Physio has offered shockwave "
        f"therapy to runners since 2015, and these are the questions we hear.</p>{body}"
        "</article></main></body></html>"
    )


@pytest.mark.parametrize(
    "body",
    [
        "<details><summary>Can it help with tennis elbow?</summary><p>Most of our patients "
        "notice much less pain after three or four sessions.</p></details>",
        "<dl><dt>Can it help with tennis elbow?</dt><dd>Most of our patients notice much less "
        "pain after three or four sessions.</dd></dl>",
        '<div class="faq"><button class="accordion">Can it help with tennis elbow?</button>'
        '<div class="panel"><p>Most of our patients notice much less pain after three or '
        "four sessions.</p></div></div>",
    ],
)
def test_an_faq_widget_keeps_its_question_for_the_answer(vocab: Vocabulary, body: str) -> None:
    d = draft_claims(parse_html(_page(body)), vocab)
    claims = _of(d, "Most of our patients")
    assert {(i, c) for _, i, c, _ in claims} == {
        (("shockwave_therapy",), ("lateral_epicondylitis",))
    }


@pytest.mark.parametrize(
    ("text", "start", "asserts"),
    [
        (
            "Cupping FAQ\n\nCupping draws the skin up into a cup.\n\nDoes insurance cover "
            "it?\n\nMost plans do not, so we offer package prices.",
            "Most plans do not",
            "not_covered",
        ),
        (
            "Laser Therapy Questions\n\nLaser therapy shines light on sore tissue.\n\n"
            "Will my plan pay for laser therapy?\n\nMany workers' compensation plans do.",
            "Many workers",
            "covered",
        ),
        (
            "Acupuncture at Riverside\n\nAcupuncture is one of our oldest services.\n\n"
            "**Is acupuncture covered by Medicare?** Medicare does, for chronic low back pain.",
            "Medicare does",
            "covered",
        ),
    ],
)
def test_the_answer_to_who_pays_is_a_coverage_claim(
    draft: Drafter, text: str, start: str, asserts: str
) -> None:
    claims = _of(draft(text), start)
    assert claims
    assert {(k, a) for k, _, _, a in claims} == {("coverage", asserts)}


@pytest.mark.parametrize(
    "sentence",
    [
        "For most people over 65 it carries very little risk.",
        "Done by a trained therapist, massage has next to no risk.",
        "Kinesiology tape poses almost no risk for healthy skin.",
    ],
)
def test_little_risk_is_safety(draft: Drafter, sentence: str) -> None:
    d = draft(f"Massage and Taping\n\nMassage and kinesiology taping are gentle.\n\n{sentence}")
    assert "safety" in {k for k, _, _, _ in _of(d, sentence[:20])}


# -- a forum thread: who wrote, quoted lines, a question that refers back ---------------------
FORUM = (
    "# Shockwave for tennis elbow - worth the money?\n\n**elbowgrief wrote:**\n\n"
    "Eight months of this. Has anyone here actually had it?\n\n"
    "**runner_ann wrote:**\n\n> Has anyone here actually had it?\n\n"
    "Yes! Three sessions and my elbow pain was down by half.\n\n"
    "**DocMike (sports physician) wrote:**\n\nThe trials are mixed. Some show a modest "
    "benefit over sham, others show none.\n\n**elbowgrief wrote:**\n\nDid insurance cover "
    "yours?\n\n**runner_ann wrote:**\n\nNope, paid out of pocket.\n"
)


def test_a_forum_reply_answers_what_the_thread_asks(vocab: Vocabulary) -> None:
    d = _md(vocab, FORUM)
    claims = _of(d, "Three sessions")
    assert claims == [
        ("effectiveness", ("shockwave_therapy",), ("lateral_epicondylitis",), "benefit")
    ]
    assert not [c for c in d.claims if "wrote" in c.sentence]


def test_some_trials_for_and_others_against_assert_nothing(vocab: Vocabulary) -> None:
    assert not _of(_md(vocab, FORUM), "Some show")


def test_a_colloquial_no_to_who_pays_is_not_covered(vocab: Vocabulary) -> None:
    assert {(k, a) for k, _, _, a in _of(_md(vocab, FORUM), "Nope")} == {
        ("coverage", "not_covered")
    }


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "# Does Ultrasound Therapy Work?\n\nDoes it matter for your rehab?\n\nWith an "
            "injury like tendinitis, you may need physical therapy to reduce pain.\n",
            "With an injury",
        ),
        (
            "# Is Cupping Worth It for Neck Pain?\n\nWhat else helps it?\n\nPain medicines "
            "and heat may ease neck pain too.\n",
            "Pain medicines",
        ),
    ],
)
def test_an_answer_naming_another_treatment_is_not_about_the_one_asked(
    vocab: Vocabulary, text: str, start: str
) -> None:
    assert not _of(_md(vocab, text), start)


# -- an answer word after an opening ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        (
            "Shockwave FAQ\n\nShockwave therapy is offered here.\n\n**Is it backed by "
            "research?**\n\nFor plantar fasciitis, yes.",
            "For plantar fasciitis",
            ("effectiveness", ("shockwave_therapy",), ("plantar_fasciitis",), "benefit"),
        ),
        (
            "Needling FAQ\n\n**Does dry needling help sciatica?**\n\nStudies say yes.",
            "Studies say yes",
            ("effectiveness", ("dry_needling",), ("radiculopathy",), "benefit"),
        ),
        (
            "Cupping FAQ\n\n**Is cupping safe?**\n\nThe short answer is yes.",
            "The short answer",
            ("safety", ("cupping",), (), "safe"),
        ),
    ],
)
def test_an_answer_word_after_an_opening_answers_the_question(
    draft: Drafter, text: str, start: str, expected: tuple[object, ...]
) -> None:
    assert expected in _of(draft(text), start)


def test_the_conditions_an_answer_names_go_on_through_it(draft: Drafter) -> None:
    d = draft(
        "Shockwave FAQ\n\nShockwave therapy is offered here.\n\n**Is it backed by research?**"
        "\n\nFor plantar fasciitis, yes. Several trials found it beat a sham."
    )
    assert {c for _, _, c, _ in _of(d, "Several trials")} == {("plantar_fasciitis",)}


# -- a bold line standing alone is a sub-heading ---------------------------------------------------
def test_a_bold_line_is_a_heading_under_the_last_one(vocab: Vocabulary) -> None:
    d = _md(
        vocab,
        "# Our Treatments\n\nWe offer massage to most patients.\n\n## Needles\n\n"
        "**Dry needling**\n\nConditions we see:\n\n- Neck pain\n\n**Acupuncture**\n\n"
        "Conditions we see:\n\n- Migraine\n",
    )
    assert {i for _, i, _, _ in _of(d, "Neck pain")} == {("dry_needling",)}
    assert {i for _, i, _, _ in _of(d, "Migraine")} == {("acupuncture",)}


def test_a_bold_paragraph_in_html_is_a_heading(vocab: Vocabulary) -> None:
    page = (
        "<html><head><title>Pain Practice</title></head><body><article>"
        "<h1>Pain Practice Services</h1><p>Our physicians see adults with muscle pain every "
        "day of the week.</p><p><strong>Trigger point injections</strong></p>"
        "<p>Our physicians give them in the office, and most patients go home within the "
        "hour. We use them for:</p><ul><li>Fibromyalgia</li><li>Neck pain</li>"
        "<li>Tension headaches</li></ul>"
        "<p><strong>Acupuncture</strong></p><p>Our licensed acupuncturist sees patients on "
        "Tuesdays and Thursdays, by appointment only. We use it for:</p><ul><li>Migraine</li>"
        "<li>Low back pain</li><li>Knee osteoarthritis</li></ul>"
        "</article></body></html>"
    )
    d = draft_claims(parse_html(page), vocab)
    assert {i for _, i, _, _ in _of(d, "Fibromyalgia")} == {("trigger_point_injection",)}
    assert {i for _, i, _, _ in _of(d, "Migraine")} == {("acupuncture",)}


def test_a_bold_line_ending_in_a_colon_or_stop_is_no_heading(vocab: Vocabulary) -> None:
    article = parse_text(
        "# Forum\n\n**elbowgrief wrote:**\n\nHi all.\n\n**Yes, it works.**\n", markdown=True
    )
    assert [b.kind for b in article.blocks] == ["heading", "paragraph", "paragraph", "paragraph"]


@pytest.mark.parametrize(
    ("text", "start", "intervention", "condition"),
    [
        (
            "Rehab Basics\n\nWith an injury like tendinitis, you may need physical therapy. "
            "During rehab, therapeutic ultrasound is sometimes applied to the injured area.",
            "During rehab",
            "therapeutic_ultrasound",
            "tendinopathy",
        ),
        (
            "Heel Care\n\nPlantar fasciitis often lingers for months. We use shockwave therapy "
            "on the painful area once a week.",
            "We use shockwave",
            "shockwave_therapy",
            "plantar_fasciitis",
        ),
        (
            "Elbow Notes\n\nTennis elbow is common in painters. Laser therapy is applied over "
            "the sore tendon for a few minutes.",
            "Laser therapy is applied",
            "laser_therapy",
            "lateral_epicondylitis",
        ),
    ],
)
def test_a_treatment_applied_to_the_injury_just_named_is_used_for_it(
    draft: Drafter, text: str, start: str, intervention: str, condition: str
) -> None:
    assert ("indication", (intervention,), (condition,), "benefit") in _of(draft(text), start)


@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "Muscle Pain Options\n\nInjections of a numbing medicine are one option. For some "
            "people, simply putting a fine needle into the knot eases the pain. This is called "
            "dry needling.",
            "For some people",
            "dry_needling",
        ),
        (
            "Muscle Pain Options\n\nMassage is one option. Small glass cups can be placed on "
            "the skin to lift it, which may ease neck pain. The technique is known as cupping.",
            "Small glass cups",
            "cupping",
        ),
        (
            "Muscle Pain Options\n\nMassage is one option. A handheld device can send pulses "
            "of sound into a sore heel to relieve plantar fasciitis. It is called shockwave "
            "therapy.",
            "A handheld device",
            "shockwave_therapy",
        ),
    ],
)
def test_a_treatment_named_in_the_sentence_after_is_what_the_one_before_spoke_of(
    draft: Drafter, text: str, start: str, intervention: str
) -> None:
    claims = _of(draft(text), start)
    assert claims
    assert {i for _, i, _, _ in claims} == {(intervention,)}
