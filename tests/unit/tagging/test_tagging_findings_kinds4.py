"""The findings reader on failure kinds named from a batch of real text it had not been
tuned on (fourth round). Every record and sentence here is SYNTHETIC, written in the
styles of many abstracts: a change within the arms told with a past participle or a noun
("pain had fallen", "significant falls in VAS", "rises in PPT"), a between-group result
told as an advantage of one arm, and a null comparison told with an inverted negation
("at no time point did the groups differ").
"""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, RCT, SYSTEMATIC_REVIEW, findings

from evidence.models import Finding
from evidence.tagging import Vocabulary
from evidence.tagging.directions import classify_clause
from evidence.tagging.findings import _EVERY_ARM, _WITHIN


def effects(found: list[Finding], intervention: str) -> list[Finding]:
    return [f for f in found if f.kind == "effect" and f.intervention == intervention]


@pytest.mark.parametrize(
    "clause",
    [
        "neck pain scores had fallen markedly by the final visit in the needling group",
        "the laser group showed significant falls in nprs and significant rises in pressure "
        "pain threshold",
        "significant drops in disability were recorded after the course of shockwave",
        "pain intensity has fallen significantly in 14 of the 16 patients at follow-up",
        "there were significant rises in range of motion after six sessions",
    ],
)
def test_a_change_told_with_a_participle_or_a_noun_is_benefit(clause: str) -> None:
    assert classify_clause(clause) == "benefit"


@pytest.mark.parametrize(
    "clause",
    [
        "a statistically significant advantage for the dry needling arm was seen in range of "
        "motion",
        "the comparison showed a clear advantage of the laser group on the pain scale",
        "between groups there was a significant advantage to shockwave in disability scores",
    ],
)
def test_an_advantage_of_one_arm_is_benefit(clause: str) -> None:
    assert classify_clause(clause) == "benefit"


def test_no_advantage_is_not_benefit() -> None:
    assert classify_clause("there was no significant advantage for either arm") == "no_benefit"


@pytest.mark.parametrize(
    "clause",
    [
        "at no time point did pain differ significantly between the groups",
        "at no follow-up visit were the scores of the two arms significantly different",
        "in no outcome did the groups differ",
        "on no measure was the needling group different from the injection group",
    ],
)
def test_an_inverted_negation_of_a_difference_is_a_null_comparison(clause: str) -> None:
    # a head-to-head trial (controlled=False) reads it as similar, a controlled one as null
    assert classify_clause(clause) == "no_benefit"
    assert classify_clause(clause, controlled=False) == "similar"


def test_a_results_only_trial_gives_each_arm_its_change_within(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling against low-level laser therapy for neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Forty adults with neck pain were randomized to dry needling or low-level laser.",
        results="After six sessions, both groups showed significant falls in pain and "
        "significant rises in range of motion (P<0.01).",
    )
    for intervention in ("dry_needling", "laser_therapy"):
        own = effects(found, intervention)
        assert own, intervention
        assert own[0].direction == "benefit" and own[0].comparator == "none"


def test_a_case_series_whose_pain_had_fallen_is_benefit(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling for chronic neck pain: a case series",
        types=[JOURNAL_ARTICLE],
        methods="Ten patients with chronic neck pain received three sessions of dry needling.",
        results="By the three-month visit, pain had fallen significantly in nine of the ten "
        "patients.",
    )
    own = effects(found, "dry_needling")
    assert own and own[0].direction == "benefit" and own[0].comparator == "none"


@pytest.mark.parametrize(
    ("title", "objective", "conclusions"),
    [
        (
            "Dry needling versus corticosteroid injection for plantar heel pain",
            None,
            "Dry needling gave better results at six months.",
        ),
        (
            "Shockwave therapy or local steroid infiltration for lateral elbow pain: a "
            "randomised trial",
            None,
            "Shockwave therapy relieved pain more lastingly.",
        ),
        (
            "Trigger point injection in chronic neck pain",
            "To compare trigger point injection with oral muscle relaxants in office workers.",
            "Trigger point injection reduced pain and disability.",
        ),
        (
            "Laser therapy for low back pain",
            "We set out to assess how well laser therapy works against anti-inflammatory drugs.",
            "Laser therapy eased pain, with outcomes better than those of the drugs.",
        ),
    ],
)
def test_a_treatment_set_against_an_unlisted_one_has_an_active_comparator(
    vocab: Vocabulary, title: str, objective: str | None, conclusions: str
) -> None:
    found = findings(
        vocab,
        title=title,
        objective=objective,
        types=[JOURNAL_ARTICLE, RCT],
        methods="Sixty patients were allocated at random to one of the two treatments.",
        conclusions=conclusions,
    )
    effect = [f for f in found if f.kind == "effect"]
    assert effect and effect[0].direction == "benefit"
    assert effect[0].comparator == "active"


@pytest.mark.parametrize(
    "title",
    [
        "Dry needling versus sham needling for plantar heel pain",
        "Dry needling with or without stretching exercises for plantar heel pain",
    ],
)
def test_a_placebo_or_an_add_on_is_not_an_unlisted_active_comparator(
    vocab: Vocabulary, title: str
) -> None:
    found = findings(
        vocab,
        title=title,
        types=[JOURNAL_ARTICLE, RCT],
        methods="Sixty patients were allocated at random to one of the two arms.",
        conclusions="Dry needling gave better results at six months.",
    )
    effect = [f for f in found if f.kind == "effect"]
    assert effect and effect[0].comparator in ("sham", "no_treatment")


@pytest.mark.parametrize(
    "closing",
    [
        "Trial registration: NCT01234567.",
        "Clinical trial registration number: IRCT2015062012345N1.",
        "Registered at ClinicalTrials.gov under NCT04455667.",
        "This study was funded by the regional health research council.",
    ],
)
def test_a_registration_line_closing_an_abstract_is_not_its_conclusion(
    vocab: Vocabulary, closing: str
) -> None:
    found = findings(
        vocab,
        title="Dry needling added to exercise for neck pain: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        abstract="Neck pain is common. We randomized 70 adults with neck pain to exercise "
        "alone or exercise plus dry needling. Pain and disability were recorded at six "
        "weeks. Pain fell more with dry needling plus exercise than with exercise alone "
        "(p = 0.01). Adding dry needling to exercise may therefore be worthwhile for these "
        f"patients. {closing}",
    )
    own = effects(found, "dry_needling")
    assert own and own[0].direction == "benefit"
    assert own[0].comparator == "no_treatment"
    assert own[0].sentence.startswith("Adding dry needling")
    assert "low_certainty" in own[0].qualifiers


@pytest.mark.parametrize(
    "results",
    [
        "Both groups improved significantly from baseline (p < 0.001).",
        "Pain scores fell in all three arms after the third session.",
        "Each group showed a significant improvement in pain by week four.",
        "Within-group comparisons showed significant reductions in pain for both treatments.",
    ],
)
def test_a_head_to_head_null_keeps_the_change_within_each_arm(
    vocab: Vocabulary, results: str
) -> None:
    found = findings(
        vocab,
        title="Dry needling compared with trigger point injection for myofascial pain syndrome",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Fifty patients were randomized to dry needling or trigger point injection.",
        results=results,
        conclusions="Dry needling and trigger point injection did not differ in their effect "
        "on pain.",
    )
    for intervention in ("dry_needling", "trigger_point_injection"):
        got = [(f.direction, f.comparator) for f in effects(found, intervention)]
        assert got[0] == ("no_benefit", "active"), intervention
        assert ("benefit", "none") in got, intervention


def test_a_null_against_sham_gets_no_change_within(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling for myofascial pain syndrome: a sham-controlled trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Fifty patients were randomized to dry needling or sham needling.",
        results="Both groups improved significantly from baseline (p < 0.001).",
        conclusions="Dry needling was no better than sham needling for pain.",
    )
    got = [(f.direction, f.comparator) for f in effects(found, "dry_needling")]
    assert got and got[0] == ("no_benefit", "sham")
    assert ("benefit", "none") not in got


@pytest.mark.parametrize(
    "clause",
    [
        "pain fell in all 3 groups",
        "disability improved in each of the 3 arms",
        "all 4 groups showed better function at six weeks",
    ],
)
def test_every_arm_counted_in_digits_is_a_change_within(clause: str) -> None:
    assert _WITHIN.search(clause) or _EVERY_ARM.search(clause)


@pytest.mark.parametrize(
    "conclusions",
    [
        "Dry needling relieved pain more than laser therapy did.",
        "Dry needling proved superior to low-level laser for pain relief at four weeks.",
        "Compared with low-level laser, dry needling gave a greater fall in pain.",
    ],
)
def test_a_head_to_head_winner_keeps_the_change_within_its_arm(
    vocab: Vocabulary, conclusions: str
) -> None:
    found = findings(
        vocab,
        title="Dry needling against low-level laser therapy for neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Forty adults were randomized to dry needling or low-level laser therapy.",
        results="Pain decreased significantly in both groups from baseline (p < 0.01).",
        conclusions=conclusions,
    )
    got = [(f.direction, f.comparator) for f in effects(found, "dry_needling")]
    assert got[0] == ("benefit", "active")
    assert ("benefit", "none") in got


@pytest.mark.parametrize(
    "conclusions",
    [
        "Both groups improved after treatment. Between groups, the change in pain favoured "
        "dry needling (p = 0.02).",
        "Pain fell in both arms. The dry needling arm showed a significant advantage in range "
        "of motion.",
        "Each group improved from baseline. Dry needling reduced disability more than laser "
        "therapy.",
    ],
)
def test_a_change_within_every_arm_then_one_arm_ahead_gives_both(
    vocab: Vocabulary, conclusions: str
) -> None:
    found = findings(
        vocab,
        title="Dry needling against low-level laser therapy for neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Forty adults were randomized to dry needling or low-level laser therapy.",
        conclusions=conclusions,
    )
    got = [(f.direction, f.comparator) for f in effects(found, "dry_needling")]
    assert got[0] == ("benefit", "none")
    assert ("benefit", "active") in got
    assert ("benefit", "active") not in [
        (f.direction, f.comparator) for f in effects(found, "laser_therapy")
    ]


@pytest.mark.parametrize(
    "results",
    [
        "Pain scores did not differ between the groups at baseline or at any later visit.",
        "There were no differences between the two arms before treatment, at six weeks or at "
        "three months.",
        "Disability did not differ between groups before the intervention and at the end of "
        "follow-up.",
    ],
)
def test_no_difference_at_baseline_and_later_is_a_between_group_null(
    vocab: Vocabulary, results: str
) -> None:
    found = findings(
        vocab,
        title="Dry needling compared with trigger point injection for myofascial pain syndrome",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Fifty patients were randomized to dry needling or trigger point injection.",
        results=results,
        conclusions="Both groups improved on every measure, and either treatment can be "
        "recommended.",
    )
    for intervention in ("dry_needling", "trigger_point_injection"):
        got = [(f.direction, f.comparator) for f in effects(found, intervention)]
        assert got[0] == ("benefit", "none"), intervention
        assert ("no_benefit", "active") in got, intervention


def test_a_single_arm_conclusion_is_not_repeated_as_a_between_arm_advantage(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        title="Dry needling for chronic neck pain: a prospective cohort study",
        types=[JOURNAL_ARTICLE],
        methods="A cohort of 90 adults with chronic neck pain received four sessions of dry "
        "needling.",
        results="Pain fell from 6.1 to 3.2 by discharge.",
        conclusions="Patients treated with dry needling reported clinically relevant "
        "improvements in pain.",
    )
    # one finding, of the outcome its conclusion names; no second overall row of it
    rows = [(f.outcome, f.direction, f.comparator) for f in effects(found, "dry_needling")]
    assert rows == [("pain", "benefit", "none")]


@pytest.mark.parametrize(
    "clause",
    [
        "trigger point therapy may work about as well as other passive treatments for pain",
        "shockwave performed just as well as the steroid injections at three months",
        "in relieving pain, laser worked roughly as well as ultrasound",
        "for reducing disability the needling works equally as well as manual therapy",
    ],
)
def test_works_as_well_as_is_an_equivalence(clause: str) -> None:
    assert classify_clause(clause, controlled=False) == "similar"
    assert classify_clause(clause) == "no_benefit"


@pytest.mark.parametrize(
    "clause",
    [
        "dry needling beats sham, and works as well as other treatments, for reducing pain",
        "ultrasound worked as well as laser and both reduced pain more than placebo",
    ],
)
def test_works_as_well_as_beside_a_stated_benefit_is_a_benefit(clause: str) -> None:
    assert classify_clause(clause, controlled=False) == "benefit"


def test_not_working_as_well_as_is_no_equivalence() -> None:
    assert classify_clause("laser did not work as well as injection", controlled=False) != (
        "similar"
    )


def test_a_review_equivalence_with_other_treatments_has_an_active_comparator(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        title="Manual trigger point therapy for shoulder pain: a systematic review",
        types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
        methods="We included randomized trials of manual trigger point therapy for shoulder "
        "pain against no treatment or against other conservative care.",
        conclusions="Trigger point therapy may work about as well as other passive treatments "
        "for reducing shoulder pain.",
    )
    own = [f for f in found if f.kind == "effect" and f.intervention == "trigger_point_therapy"]
    assert own and (own[0].direction, own[0].comparator) == ("no_benefit", "active")
    assert "low_certainty" in own[0].qualifiers


@pytest.mark.parametrize(
    "conclusions",
    [
        "Shockwave therapy appears to work as well as ultrasound, and both worked better than "
        "sham shockwave.",
        "Laser therapy and ultrasound were equally effective, and both relieved pain more than "
        "placebo.",
        "Ultrasound was as effective as shockwave therapy; each reduced pain significantly more "
        "than the sham procedure.",
    ],
)
def test_two_active_arms_alike_and_both_better_than_sham_give_both_findings(
    vocab: Vocabulary, conclusions: str
) -> None:
    found = findings(
        vocab,
        title="Shockwave therapy, ultrasound or sham for myofascial pain syndrome: a "
        "randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Ninety patients were randomized to shockwave therapy, therapeutic ultrasound, "
        "laser therapy or a sham procedure.",
        conclusions=conclusions,
    )
    named = [i for i in ("shockwave_therapy", "therapeutic_ultrasound", "laser_therapy")]
    checked = 0
    for intervention in named:
        got = [(f.direction, f.comparator) for f in effects(found, intervention)]
        if not got:
            continue
        checked += 1
        assert got[0] == ("benefit", "sham"), intervention
        assert ("no_benefit", "active") in got, intervention
    assert checked == 2


def test_a_benefit_over_sham_alone_gets_no_equivalence(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Shockwave therapy or sham for myofascial pain syndrome: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Sixty patients were randomized to shockwave therapy or a sham procedure.",
        conclusions="Shockwave therapy reduced pain more than the sham procedure.",
    )
    got = [(f.direction, f.comparator) for f in effects(found, "shockwave_therapy")]
    assert got and got[0] == ("benefit", "sham")
    assert ("no_benefit", "active") not in got
