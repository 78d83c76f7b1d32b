"""Which intervention and which condition a stated result belongs to (the findings reader's
scope). Every record here is SYNTHETIC, written in the styles of many abstracts, one group
per class of scope failure named in `evidence.tagging.findings` ("Scope"): a result told of
"the treatment" or "the control programme" with the treatment named only in the title; a
record with one condition whose result names a symptom; a condition that is a population
feature or a comorbidity; a syndrome and its main symptom tagged together; a combined
programme; a review of several treatments.
"""

from __future__ import annotations

import pytest
from tagging_builders import (
    CASE_REPORTS,
    JOURNAL_ARTICLE,
    META_ANALYSIS,
    RCT,
    SYSTEMATIC_REVIEW,
    findings,
)

from evidence.models import Finding
from evidence.tagging import Vocabulary
from evidence.tagging.findings import read_statement


def pairs(found: list[Finding]) -> dict[tuple[str, str | None], str]:
    """(intervention, condition) -> the first effect finding's direction."""
    first: dict[tuple[str, str | None], str] = {}
    for f in found:
        if f.kind == "effect":
            first.setdefault((f.intervention, f.condition), f.direction)
    return first


# -- a result told of the treatment's arm, or against "the control programme" ----------------


@pytest.mark.parametrize(
    "clause",
    [
        "the combined approach was superior to the control programme",
        "the experimental protocol proved superior to the control condition for pain",
        "overall, the needling arm was superior to the control arm on every measure",
        "needling was superior to the placebo procedure at every follow-up",
    ],
)
def test_superior_to_a_control_arm_favours_the_treatment(clause: str) -> None:
    # "superior to" sets the control arm as the reference, as "better than" does
    assert read_statement(clause, controlled=True, arms=[]).direction == "benefit"


def test_superior_said_of_the_sham_arm_is_still_harm() -> None:
    clause = "the sham group was superior to the needling group for pain"
    assert read_statement(clause, controlled=True, arms=[]).direction == "harm"


@pytest.mark.parametrize(
    ("title", "results", "conclusions", "expected"),
    [
        (
            "Dry needling added to stretching for low back pain: a randomized trial",
            "Pain fell more in the experimental group than in the control group (p = 0.003).",
            "The combined approach was superior to the control programme.",
            ("dry_needling", "low_back_pain"),
        ),
        (
            "Radial shockwave for plantar fasciitis: a sham-controlled trial",
            "The active group reported larger falls in heel pain than the placebo group.",
            "The intervention proved superior to the placebo procedure at 12 weeks.",
            ("shockwave_therapy", "plantar_fasciitis"),
        ),
        (
            "Kinesio taping in knee osteoarthritis",
            "WOMAC scores improved significantly more in the treated arm (p < 0.01).",
            "Adding it to home exercise was worthwhile for these patients.",
            ("kinesio_taping", "knee_osteoarthritis"),
        ),
    ],
)
def test_a_treatment_named_only_in_the_title_owns_the_result(
    vocab: Vocabulary,
    title: str,
    results: str,
    conclusions: str,
    expected: tuple[str, str],
) -> None:
    found = findings(
        vocab,
        title=title,
        types=[JOURNAL_ARTICLE, RCT],
        methods="Patients were randomly allocated to two arms.",
        results=results,
        conclusions=conclusions,
    )
    assert pairs(found).get(expected) == "benefit"


# -- one studied condition, a result that names its symptom ---------------------------------


@pytest.mark.parametrize(
    ("title", "conclusions", "expected"),
    [
        (
            "Shockwave therapy for plantar fasciitis: a randomized controlled trial",
            "Radial shockwave reduced heel pain compared with sham.",
            ("shockwave_therapy", "plantar_fasciitis"),
        ),
        (
            "Ultrasound therapy in carpal tunnel syndrome",
            "Ultrasound eased night-time numbness and hand pain better than the sham device.",
            ("therapeutic_ultrasound", "carpal_tunnel_syndrome"),
        ),
        (
            "Dry needling of the wrist extensors in lateral epicondylitis",
            "Needling gave larger gains in grip strength and less elbow pain than sham did.",
            ("dry_needling", "lateral_epicondylitis"),
        ),
    ],
)
def test_a_symptom_of_the_only_condition_speaks_to_it(
    vocab: Vocabulary, title: str, conclusions: str, expected: tuple[str, str]
) -> None:
    found = findings(vocab, title=title, types=[JOURNAL_ARTICLE, RCT], conclusions=conclusions)
    assert pairs(found).get(expected) == "benefit"


# -- a syndrome and its main symptom, or a comorbidity, tagged together ---------------------


@pytest.mark.parametrize(
    ("title", "methods", "conclusions", "condition", "other"),
    [
        (
            "Trigger point injection for myofascial pain syndrome of the low back",
            "Sixty patients with low back pain were randomized to lidocaine or saline.",
            "Myofascial pain syndrome is a frequent source of low back pain. Injecting the "
            "trigger points with lidocaine reduced low back pain more than saline.",
            "low_back_pain",
            "myofascial_pain_syndrome",
        ),
        (
            "Dry needling in chronic neck pain",
            "Adults with neck pain were randomized to needling or sham needling.",
            "Myofascial pain syndrome often accompanies neck pain. In this trial, dry needling "
            "lowered neck pain scores more than sham needling did.",
            "neck_pain",
            "myofascial_pain_syndrome",
        ),
        (
            "Dry needling for shoulder pain after stroke",
            "Hemiplegic patients with shoulder pain received needling or usual care.",
            "Shoulder pain is common in fibromyalgia and after stroke; we found that dry "
            "needling eased shoulder pain significantly better than usual care.",
            "shoulder_pain",
            "fibromyalgia",
        ),
    ],
)
def test_a_condition_named_only_where_no_result_is_stated_shares_the_result(
    vocab: Vocabulary, title: str, methods: str, conclusions: str, condition: str, other: str
) -> None:
    found = findings(
        vocab, title=title, types=[JOURNAL_ARTICLE, RCT], methods=methods, conclusions=conclusions
    )
    got = pairs(found)
    intervention = next(i for i, c in got if c == condition)
    assert got[(intervention, condition)] == "benefit"
    assert got.get((intervention, other)) == "benefit"


def test_a_comorbidity_named_with_the_result_shares_it(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling for shoulder pain in people with fibromyalgia",
        types=[JOURNAL_ARTICLE, RCT],
        conclusions="Dry needling reduced shoulder pain in women with fibromyalgia.",
    )
    got = pairs(found)
    assert got[("dry_needling", "shoulder_pain")] == "benefit"
    assert got[("dry_needling", "fibromyalgia")] == "benefit"


def test_a_review_keeps_separate_results_for_separate_conditions(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling for neck pain and low back pain: a systematic review",
        types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
        conclusions="Dry needling reduced neck pain compared with sham; for low back pain, the "
        "evidence was insufficient to draw conclusions.",
    )
    got = pairs(found)
    assert got[("dry_needling", "neck_pain")] == "benefit"
    assert got[("dry_needling", "low_back_pain")] == "inconclusive"


# -- combined programmes -----------------------------------------------------------------


def test_a_combined_programme_gives_each_named_component_its_result(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="A multimodal programme for chronic neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Patients received dry needling plus manual therapy and exercise, or a leaflet.",
        conclusions="Dry needling combined with manual therapy and exercise reduced neck pain "
        "and disability.",
    )
    got = pairs(found)
    for intervention in ("dry_needling", "manual_therapy", "exercise_therapy"):
        assert got[(intervention, "neck_pain")] == "benefit"


# -- reviews of several treatments ---------------------------------------------------------


@pytest.mark.parametrize(
    ("results", "conclusions", "left_out"),
    [
        (
            "Twenty trials were included. Shockwave therapy reduced pain compared with sham in "
            "six trials. Kinesio taping gave short-term relief of heel pain.",
            "Shockwave therapy is effective for plantar fasciitis; the evidence for dry "
            "needling is insufficient.",
            "kinesio_taping",
        ),
        (
            "Eleven trials met the criteria. Pooled, taping lowered pain at one month "
            "(SMD -0.5). Shockwave improved function over sham.",
            "For dry needling, no conclusion can be drawn from the available trials.",
            "shockwave_therapy",
        ),
        (
            "Across the trials, shockwave relieved heel pain better than sham (MD -1.4). "
            "Kinesio taping was not better than sham.",
            "For dry needling, the trials were too few and too small to allow conclusions.",
            "shockwave_therapy",
        ),
    ],
)
def test_a_review_undecided_about_one_treatment_lets_the_results_speak_for_the_others(
    vocab: Vocabulary, results: str, conclusions: str, left_out: str
) -> None:
    found = findings(
        vocab,
        title="Dry needling, taping and shockwave for plantar fasciitis: a systematic review",
        types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW, META_ANALYSIS],
        methods="We searched five databases for randomized trials.",
        results=results,
        conclusions=conclusions,
    )
    got = pairs(found)
    assert got[("dry_needling", "plantar_fasciitis")] == "inconclusive"
    assert got[(left_out, "plantar_fasciitis")] == "benefit"


def test_a_comparator_the_undecided_review_names_gets_no_result_from_the_results(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        title="Dry needling for low back pain: a systematic review and meta-analysis",
        types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW, META_ANALYSIS],
        results="Dry needling combined with acupuncture relieved pain more than dry needling "
        "alone in two trials.",
        conclusions="Dry needling relieved low back pain more than acupuncture after treatment. "
        "Whether dry needling is better than other treatments remains uncertain.",
    )
    assert ("acupuncture", "low_back_pain") not in pairs(found)


# -- a condition whose name holds a complication word --------------------------------------


@pytest.mark.parametrize(
    ("title", "results", "conclusions", "expected"),
    [
        (
            "Dry needling of the calf for chronic plantar fasciitis: a case report",
            "After four sessions her heel pain had fallen from 7/10 to 2/10.",
            "Dry needling may be a useful option for plantar fasciitis.",
            ("dry_needling", "plantar_fasciitis"),
        ),
        (
            "Shockwave treatment of plantar fasciitis in a marathon runner: case report",
            "Pain on the first steps in the morning resolved within six weeks.",
            "Shockwave therapy relieved the pain of this runner's plantar fasciitis.",
            ("shockwave_therapy", "plantar_fasciitis"),
        ),
        (
            "Massage and stretching for plantar fasciitis in a nurse: a case report",
            "Foot function and pain improved over the five visits.",
            "Massage appeared to ease pain and improve function in this case.",
            ("massage", "plantar_fasciitis"),
        ),
    ],
)
def test_a_case_of_a_condition_named_like_a_complication_has_its_effect(
    vocab: Vocabulary, title: str, results: str, conclusions: str, expected: tuple[str, str]
) -> None:
    found = findings(
        vocab,
        title=title,
        types=[JOURNAL_ARTICLE, CASE_REPORTS],
        results=results,
        conclusions=conclusions,
    )
    assert pairs(found).get(expected) == "benefit"
    assert [f for f in found if f.kind == "safety"] == []


def test_a_case_of_a_complication_after_treatment_is_still_harm(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Necrotizing fasciitis after trigger point injection of the shoulder: a case report",
        types=[JOURNAL_ARTICLE, CASE_REPORTS],
        abstract="A 60-year-old man developed necrotizing fasciitis of the shoulder two days "
        "after a trigger point injection. He needed surgical debridement and recovered.",
    )
    assert [f for f in found if f.kind == "effect"] == []
    safety = [f for f in found if f.kind == "safety"]
    assert [(f.intervention, f.direction) for f in safety] == [("trigger_point_injection", "harm")]


# -- no finding at all for the intervention: a statement that no one had an event ----------


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody reported an adverse side effect.",
        "No patient experienced a serious adverse event during the trial.",
        "No one suffered an adverse reaction to the needling.",
        "No participant had any adverse side effects.",
    ],
)
def test_nobody_reporting_an_event_is_a_safety_finding(vocab: Vocabulary, sentence: str) -> None:
    found = findings(
        vocab,
        title="Dry needling or a corticosteroid injection for lateral hip pain",
        types=[JOURNAL_ARTICLE, RCT],
        results="Pain fell in both groups and did not differ between them (p = 0.61). " + sentence,
        conclusions="Dry needling was not inferior to the injection for hip pain.",
    )
    safety = [f for f in found if f.kind == "safety"]
    assert [(f.intervention, f.direction) for f in safety] == [("dry_needling", "no_harm")]


# -- an arm told by a label or by the last word of its name --------------------------------

_TWO_ARMS = "Dry needling versus ischaemic compression for myofascial pain of the upper trapezius"


@pytest.mark.parametrize(
    ("methods", "conclusions", "favoured", "other"),
    [
        (
            "Sixty patients were randomised: group A received dry needling and group B "
            "received ischaemic compression.",
            "Group A showed a greater reduction of pain than group B (p = 0.01).",
            "dry_needling",
            "trigger_point_therapy",
        ),
        (
            "Patients were allocated to group 1 (ischaemic compression) or group 2 (dry "
            "needling) by sealed envelopes.",
            "Patients in group 2 improved more than those in group 1.",
            "dry_needling",
            "trigger_point_therapy",
        ),
        (
            "Forty women were divided into two arms, ischaemic compression (Group I) and dry "
            "needling (Group II).",
            "Pressure pain threshold rose significantly more in Group I than in Group II.",
            "trigger_point_therapy",
            "dry_needling",
        ),
        (
            "Participants had dry needling or ischaemic compression of the trapezius.",
            "The needling produced larger gains in pressure pain threshold than the "
            "compression did.",
            "dry_needling",
            "trigger_point_therapy",
        ),
        (
            "Participants had dry needling or ischaemic compression of the trapezius.",
            "At one month, the compression had relieved neck pain better than the needling.",
            "trigger_point_therapy",
            "dry_needling",
        ),
    ],
)
def test_an_arm_told_by_its_label_or_head_noun_owns_its_result(
    vocab: Vocabulary, methods: str, conclusions: str, favoured: str, other: str
) -> None:
    found = findings(
        vocab,
        title=_TWO_ARMS,
        types=[JOURNAL_ARTICLE, RCT],
        methods=methods,
        conclusions=conclusions,
    )
    got = pairs(found)
    assert got[(favoured, "myofascial_pain_syndrome")] == "benefit"
    assert (other, "myofascial_pain_syndrome") not in got


def test_a_label_given_to_two_treatments_names_no_arm(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title=_TWO_ARMS,
        types=[JOURNAL_ARTICLE, RCT],
        methods="In the first phase group A received dry needling; in the second phase group A "
        "received ischaemic compression.",
        conclusions="Group A improved more than group B.",
    )
    # the label cannot tell the arm: the result is the title's treatments' (both)
    assert set(pairs(found)) == {
        ("dry_needling", "myofascial_pain_syndrome"),
        ("trigger_point_therapy", "myofascial_pain_syndrome"),
    }


def test_the_procedure_as_a_time_is_no_arm(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Trigger point injection or dry needling for myofascial pain syndrome",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Patients received trigger point injection or dry needling.",
        conclusions="Dry needling reduced pain, and soreness after the injection was mild.",
    )
    got = pairs(found)
    assert got[("dry_needling", "myofascial_pain_syndrome")] == "benefit"
    assert ("trigger_point_injection", "myofascial_pain_syndrome") not in got


# -- a review whose conclusion speaks of its treatments at large ---------------------------


@pytest.mark.parametrize(
    ("results", "conclusions", "treatment", "expected"),
    [
        (
            "Fifteen trials were pooled. Dry needling reduced pain compared with sham (SMD "
            "-0.6). Trigger point injection did not differ from dry needling.",
            "Needle-based treatments may offer short-term relief of neck pain.",
            "trigger_point_injection",
            "no_benefit",
        ),
        (
            "Nine trials were included. Shockwave therapy was no better than sham at 12 "
            "weeks (MD -0.2, 95% CI -0.9 to 0.5). Kinesio taping relieved heel pain.",
            "Conservative physical treatments appear helpful for plantar fasciitis.",
            "shockwave_therapy",
            "no_benefit",
        ),
        (
            "Across eight trials, laser therapy did not reduce pain more than placebo. "
            "Therapeutic ultrasound lowered pain scores over placebo (MD -1.1).",
            "Electrophysical agents do not seem to relieve this pain.",
            "therapeutic_ultrasound",
            "benefit",
        ),
    ],
)
def test_a_treatment_the_review_concludes_on_only_at_large_keeps_its_own_result(
    vocab: Vocabulary, results: str, conclusions: str, treatment: str, expected: str
) -> None:
    found = findings(
        vocab,
        title="Physical treatments for musculoskeletal pain: a systematic review",
        types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW, META_ANALYSIS],
        methods="We searched six databases for randomized trials.",
        results=results,
        conclusions=conclusions,
    )
    got = {i: d for (i, _), d in pairs(found).items()}
    assert got[treatment] == expected


def test_a_treatment_the_review_names_in_its_conclusion_keeps_the_conclusion(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        title="Dry needling and acupuncture for myofascial pain: a systematic review",
        types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
        results="In one trial, dry needling was better than no treatment. The pooled "
        "placebo-controlled trials showed no significant difference.",
        conclusions="The evidence does not show that dry needling works better than placebo.",
    )
    assert pairs(found)[("dry_needling", "myofascial_pain_syndrome")] == "no_benefit"


# -- the safety finding of a record whose title names two conditions of one population -----


@pytest.mark.parametrize(
    ("title", "results", "expected"),
    [
        (
            "Dry needling for temporomandibular myofascial pain: a randomized trial",
            "Pain fell more after needling than after sham (p = 0.01). No adverse events occurred.",
            {"myofascial_pain_syndrome", "temporomandibular_disorder"},
        ),
        (
            "Ultrasound for chronic low back pain in people with fibromyalgia",
            "Pain fell more than with sham (p < 0.05). No side effects were reported.",
            {"low_back_pain", "fibromyalgia"},
        ),
        (
            "Trigger point injection in myofascial pain syndrome of the neck: a pilot trial",
            "Patients with neck pain improved. Mild soreness occurred in four of them.",
            {"myofascial_pain_syndrome"},
        ),
        (
            "A randomized trial of laser therapy",
            "Patients with neck pain or with shoulder pain improved more than with sham (p < "
            "0.05). No side effects were reported.",
            {None},
        ),
    ],
)
def test_the_safety_finding_is_about_each_condition_the_title_names(
    vocab: Vocabulary, title: str, results: str, expected: set[str | None]
) -> None:
    found = findings(
        vocab,
        title=title,
        types=[JOURNAL_ARTICLE, RCT],
        results=results,
        conclusions="The treatment relieved pain.",
    )
    assert {f.condition for f in found if f.kind == "safety"} == expected


# -- a clause that opens on its reference, and arms told by their role -----------------------

_US_TITLE = "Dry needling versus therapeutic ultrasound for lateral epicondylalgia"


@pytest.mark.parametrize(
    "conclusions",
    [
        "Compared with ultrasound, dry needling improved pain significantly more.",
        "In comparison to therapeutic ultrasound, dry needling gave larger gains in grip "
        "strength and less pain.",
        "Relative to ultrasound, dry needling lowered pain scores more at six weeks.",
        "Compared to the ultrasound arm, dry needling produced a greater fall in pain.",
    ],
)
def test_a_reference_named_first_is_the_comparator(vocab: Vocabulary, conclusions: str) -> None:
    found = findings(vocab, title=_US_TITLE, types=[JOURNAL_ARTICLE, RCT], conclusions=conclusions)
    got = pairs(found)
    assert got[("dry_needling", "lateral_epicondylitis")] == "benefit"
    assert ("therapeutic_ultrasound", "lateral_epicondylitis") not in got


def test_two_treatments_compared_with_a_third_named_first_are_both_subjects(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        title="Laser, ultrasound or sham for lateral epicondylalgia",
        types=[JOURNAL_ARTICLE, RCT],
        conclusions="Compared with sham, laser therapy and therapeutic ultrasound both reduced "
        "pain more.",
    )
    got = pairs(found)
    assert got[("laser_therapy", "lateral_epicondylitis")] == "benefit"
    assert got[("therapeutic_ultrasound", "lateral_epicondylitis")] == "benefit"


@pytest.mark.parametrize(
    ("methods", "results"),
    [
        (
            "The experimental group had dry needling, while the control group had therapeutic "
            "ultrasound.",
            "Compared with the control group, the experimental group improved significantly "
            "more in pain (p = 0.01).",
        ),
        (
            "Participants in the intervention arm received dry needling; those in the control "
            "arm received therapeutic ultrasound.",
            "The intervention arm reported lower pain than the control arm at week 4.",
        ),
        (
            "The study group was treated with dry needling and the control group with "
            "therapeutic ultrasound.",
            "Pain decreased significantly more in the study group than in the control group.",
        ),
    ],
)
def test_an_arm_told_by_its_role_owns_its_result(
    vocab: Vocabulary, methods: str, results: str
) -> None:
    found = findings(
        vocab,
        title="Two treatments for lateral epicondylalgia: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods=methods,
        results=results,
    )
    got = pairs(found)
    assert got[("dry_needling", "lateral_epicondylitis")] == "benefit"
    assert ("therapeutic_ultrasound", "lateral_epicondylitis") not in got


def test_a_sham_form_of_the_treatment_does_not_name_the_control_arm(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling and ultrasound for lateral epicondylalgia",
        types=[JOURNAL_ARTICLE, RCT],
        methods="The experimental group had dry needling plus ultrasound, and the control group "
        "had sham dry needling plus ultrasound.",
        results="Pain fell more in the experimental group than in the control group (p < 0.01).",
    )
    assert pairs(found)[("dry_needling", "lateral_epicondylitis")] == "benefit"
