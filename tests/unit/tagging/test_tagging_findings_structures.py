"""Record structures that whole abstracts written in the manner of real ones showed the
reader missing: a trial whose primary test failed, three-arm trials (two treatments and a
control), and a review of several treatments or conditions that leaves one of them open.

Every record and sentence here is SYNTHETIC, written for its class. The labels follow
tests/eval/topic/LABELLING.md: the first finding of each (intervention, condition) pair.
"""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, META_ANALYSIS, RCT, SYSTEMATIC_REVIEW, article

from evidence.models import Finding
from evidence.tagging import Vocabulary
from evidence.tagging.directions import classify_clause, split_clauses
from evidence.tagging.findings import analyse_article


def first_effects(vocab: Vocabulary, **record: object) -> dict[tuple[str, str | None], Finding]:
    found = analyse_article(article(**record), vocab)[1]  # type: ignore[arg-type]
    first: dict[tuple[str, str | None], Finding] = {}
    for f in found:
        if f.kind == "effect":
            first.setdefault((f.intervention, f.condition), f)
    return first


# --- the trial's own primary test failed: no benefit, whatever a secondary outcome did


@pytest.mark.parametrize(
    "sentence",
    [
        "the primary hypothesis was not confirmed.",
        "the primary outcome was not met at eight weeks.",
        "the trial did not meet its primary endpoint.",
        "the study failed to reach its primary end point.",
        "the primary aims were not achieved.",
    ],
)
def test_a_failed_primary_test_is_no_benefit(sentence: str) -> None:
    assert classify_clause(sentence) == "no_benefit"


def test_a_met_primary_test_is_not_read_as_failed() -> None:
    assert classify_clause("the primary hypothesis was confirmed.") != "no_benefit"


def test_a_secondary_gain_after_a_failed_primary_does_not_make_a_benefit(
    vocab: Vocabulary,
) -> None:
    first = first_effects(
        vocab,
        title="Laser therapy for chronic low back pain: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Ninety adults with chronic low back pain were randomized to laser therapy or "
        "placebo laser. The Oswestry index at 12 weeks was the primary outcome.",
        results="The Oswestry index did not differ between the arms (p = 0.44). Night pain was "
        "lower with laser at 12 weeks (p = 0.03).",
        conclusions="The primary hypothesis was not confirmed. The lower night pain with laser "
        "calls for a further trial.",
    )
    finding = first[("laser_therapy", "low_back_pain")]
    assert (finding.direction, finding.comparator) == ("no_benefit", "sham")


# --- three arms: two treatments each set against a control


@pytest.mark.parametrize(
    "sentence",
    [
        "laser and tens were both superior to placebo and equally effective.",
        "both techniques were superior to sham and equally effective for the trapezius.",
    ],
)
def test_both_superior_to_a_placebo_is_a_benefit(sentence: str) -> None:
    assert classify_clause(sentence) == "benefit"


def test_every_arm_improving_the_placebo_one_too_stays_no_benefit() -> None:
    sentence = "both treatments were effective, and the placebo group improved as well."
    assert classify_clause(sentence) == "no_benefit"


def test_two_treatments_both_superior_to_sham_are_each_a_benefit_over_sham(
    vocab: Vocabulary,
) -> None:
    first = first_effects(
        vocab,
        title="Laser, TENS or placebo for myofascial pain of the neck: a three-arm trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Seventy-two adults with myofascial pain syndrome of the neck were randomized to "
        "low-level laser, TENS or placebo laser.",
        results="Pain fell more with laser (p = 0.004) and with TENS (p = 0.01) than with "
        "placebo; laser and TENS did not differ (p = 0.70).",
        conclusions="Laser and TENS were both superior to placebo and equally effective for "
        "myofascial neck pain.",
    )
    for intervention in ("laser_therapy", "electrical_stimulation"):
        finding = first[(intervention, "myofascial_pain_syndrome")]
        assert (finding.direction, finding.comparator) == ("benefit", "sham"), intervention


def test_two_treatments_against_a_waiting_list_are_compared_with_no_treatment(
    vocab: Vocabulary,
) -> None:
    first = first_effects(
        vocab,
        title="Cupping, massage or a waiting list for chronic neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Ninety adults with chronic neck pain were randomized to cupping, massage or a "
        "waiting list for five weeks.",
        results="Neck pain fell more in both treated groups than on the waiting list (p < 0.01).",
        conclusions="Cupping and massage both reduced neck pain compared with the waiting list.",
    )
    for intervention in ("cupping", "massage"):
        finding = first[(intervention, "neck_pain")]
        assert (finding.direction, finding.comparator) == ("benefit", "no_treatment")


def test_a_head_to_head_result_stays_active(vocab: Vocabulary) -> None:
    first = first_effects(
        vocab,
        title="Cupping versus massage for chronic neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Sixty adults with chronic neck pain were randomized to cupping or massage.",
        conclusions="Cupping reduced neck pain more than massage did.",
    )
    finding = first[("cupping", "neck_pain")]
    assert (finding.direction, finding.comparator) == ("benefit", "active")


# --- a review that leaves one of its titled treatments or conditions open


def test_a_titled_treatment_left_unclear_is_inconclusive(vocab: Vocabulary) -> None:
    first = first_effects(
        vocab,
        title="Laser, cupping and massage for chronic low back pain: a systematic review",
        types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
        methods="Trials of laser, cupping or massage for chronic low back pain were "
        "summarised without pooling.",
        results="Most laser trials and most cupping trials reported less pain than the "
        "comparator. The massage trials disagreed.",
        conclusions="Laser and cupping may ease chronic low back pain; the value of massage is "
        "unclear.",
    )
    assert first[("massage", "low_back_pain")].direction == "inconclusive"
    assert first[("laser_therapy", "low_back_pain")].direction == "benefit"
    assert first[("cupping", "low_back_pain")].direction == "benefit"


def test_a_titled_condition_left_uncertain_is_inconclusive_for_it(vocab: Vocabulary) -> None:
    first = first_effects(
        vocab,
        title="Shockwave therapy for lateral epicondylitis and carpal tunnel syndrome: a "
        "meta-analysis",
        types=[JOURNAL_ARTICLE, META_ANALYSIS],
        methods="Randomized trials of shockwave therapy in either condition were pooled.",
        results="In lateral epicondylitis, shockwave lowered pain (SMD -0.55, 95% CI -0.81 to "
        "-0.29). Three trials addressed carpal tunnel syndrome.",
        conclusions="Shockwave therapy relieves lateral epicondylitis. Whether it helps carpal "
        "tunnel syndrome remains unclear.",
    )
    assert first[("shockwave_therapy", "lateral_epicondylitis")].direction == "benefit"
    assert first[("shockwave_therapy", "carpal_tunnel_syndrome")].direction == "inconclusive"


def test_an_untitled_condition_in_an_open_question_is_still_an_extension(
    vocab: Vocabulary,
) -> None:
    first = first_effects(
        vocab,
        title="Shockwave therapy for lateral epicondylitis: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Sixty adults with lateral epicondylitis were randomized to shockwave or sham "
        "shockwave.",
        conclusions="Shockwave therapy relieved lateral epicondylitis more than sham. Its value "
        "in carpal tunnel syndrome remains unknown.",
    )
    assert ("shockwave_therapy", "carpal_tunnel_syndrome") not in first
    assert first[("shockwave_therapy", "lateral_epicondylitis")].direction == "benefit"


# --- results given only as a table in words: each arm named before its value

NEEDLING = {
    "title": "Dry needling versus sham needling for chronic low back pain",
    "types": [JOURNAL_ARTICLE, RCT],
    "methods": "Forty-eight adults with chronic low back pain were randomized to dry needling "
    "or sham needling for three weeks.",
}


@pytest.mark.parametrize(
    ("results", "direction"),
    [
        # lower pain with the treatment, significant, the p-value after a semicolon
        ("NPRS at 3 weeks: dry needling 3.0 (SD 1.1), sham 4.6 (SD 1.3); p = 0.002.", "benefit"),
        ("Pain at 3 weeks: dry needling 3.0 vs sham 4.6 (p < 0.001).", "benefit"),
        # higher is better for a threshold: a lower one with the treatment did worse
        (
            "Pressure pain threshold at 3 weeks: dry needling 2.2 (SD 0.6), sham 3.1 (SD 0.7); "
            "p = 0.01.",
            "harm",
        ),
        # not significant
        ("NPRS at 3 weeks: dry needling 3.9 (SD 1.4), sham 4.1 (SD 1.2); p = 0.58.", "no_benefit"),
    ],
)
def test_arm_values_told_as_a_table(vocab: Vocabulary, results: str, direction: str) -> None:
    first = first_effects(vocab, **NEEDLING, results=results)
    finding = first[("dry_needling", "low_back_pain")]
    assert (finding.direction, finding.comparator) == (direction, "sham")


def test_doses_named_before_numbers_are_no_arms(vocab: Vocabulary) -> None:
    # the numbers are what each arm was given, not a result: nothing to read
    first = first_effects(
        vocab,
        **NEEDLING,
        results="Needles per session: dry needling 6, sham 6. All participants completed "
        "follow-up.",
    )
    assert ("dry_needling", "low_back_pain") not in first


# --- one sentence giving each treatment its own verdict


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        (
            "laser appears effective, taping is not, and the value of cupping remains unclear.",
            ["laser appears effective", "taping is not", "the value of cupping remains unclear."],
        ),
        # no verdict of its own after the comma: one clause
        (
            "laser relieved pain, and the effect lasted three months.",
            ["laser relieved pain, and the effect lasted three months."],
        ),
    ],
)
def test_a_verdict_per_treatment_is_a_clause_each(sentence: str, clauses: list[str]) -> None:
    assert [sentence[a:b] for a, b in split_clauses(sentence)] == clauses


def test_a_review_giving_each_treatment_a_verdict_in_one_sentence(vocab: Vocabulary) -> None:
    first = first_effects(
        vocab,
        title="Laser, kinesio taping and cupping for chronic neck pain: a systematic review",
        types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
        methods="Randomized trials of laser, kinesio taping or cupping in chronic neck pain "
        "were summarised narratively.",
        results="Laser lowered pain in most trials. Taping did not differ from sham taping. The "
        "cupping trials disagreed.",
        conclusions="Laser is effective for chronic neck pain, kinesio taping is not, and the "
        "value of cupping remains unclear.",
    )
    assert first[("laser_therapy", "neck_pain")].direction == "benefit"
    assert first[("kinesio_taping", "neck_pain")].direction == "no_benefit"
    assert first[("cupping", "neck_pain")].direction == "inconclusive"


def test_a_pilot_that_draws_no_conclusion_about_effect_is_inconclusive(
    vocab: Vocabulary,
) -> None:
    first = first_effects(
        vocab,
        title="Cupping for chronic low back pain: a pilot randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Twenty-four adults with chronic low back pain were randomized to cupping or "
        "usual care to test recruitment before a full trial.",
        results="Twenty-two completed the trial. The groups were not compared statistically.",
        conclusions="A larger trial is feasible. No conclusions on its effectiveness can be "
        "drawn from this pilot.",
    )
    assert first[("cupping", "low_back_pain")].direction == "inconclusive"


# --- an effect that went later: short term only


@pytest.mark.parametrize(
    "later",
    [
        "the benefit disappeared at follow-up.",
        "the gain in grip strength had worn off by six months.",
        "the difference between the groups faded by the third month.",
    ],
)
def test_an_effect_that_went_later_is_short_term(vocab: Vocabulary, later: str) -> None:
    first = first_effects(
        vocab,
        title="Laser therapy for lateral epicondylitis: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Fifty adults with lateral epicondylitis were randomized to laser therapy or "
        "placebo laser and followed for six months.",
        conclusions=f"Laser therapy relieved elbow pain more than placebo after treatment; {later}",
    )
    finding = first[("laser_therapy", "lateral_epicondylitis")]
    assert (finding.direction, finding.comparator) == ("benefit", "sham")
    assert "short_term" in finding.qualifiers


def test_an_effect_that_lasted_is_not_short_term(vocab: Vocabulary) -> None:
    first = first_effects(
        vocab,
        title="Laser therapy for lateral epicondylitis: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Fifty adults with lateral epicondylitis were randomized to laser therapy or "
        "placebo laser and followed for six months.",
        conclusions="Laser therapy relieved elbow pain more than placebo, and the benefit lasted "
        "six months.",
    )
    assert "short_term" not in first[("laser_therapy", "lateral_epicondylitis")].qualifiers


# --- several conditions: a benefit for one, "but not" the other


CUPPING_TRIAL = {
    "title": "Cupping for migraine with neck pain: a randomized trial",
    "types": [JOURNAL_ARTICLE, RCT],
    "methods": "Fifty patients with migraine and neck pain were randomized to cupping or a "
    "waiting list.",
}


def test_a_benefit_for_one_condition_but_not_the_other(vocab: Vocabulary) -> None:
    first = first_effects(
        vocab,
        **CUPPING_TRIAL,
        conclusions="Cupping relieved neck pain but not migraine compared with the waiting list.",
    )
    assert first[("cupping", "neck_pain")].direction == "benefit"
    assert first[("cupping", "migraine")].direction == "no_benefit"


def test_but_not_a_time_keeps_the_benefit(vocab: Vocabulary) -> None:
    first = first_effects(
        vocab,
        **CUPPING_TRIAL,
        conclusions="Cupping relieved neck pain and migraine at 4 weeks but not at 12 weeks.",
    )
    assert first[("cupping", "migraine")].direction == "benefit"


def test_an_effect_left_to_a_powered_trial_is_inconclusive(vocab: Vocabulary) -> None:
    first = first_effects(
        vocab,
        title="Laser therapy for plantar fasciitis: a feasibility trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Twenty adults with plantar fasciitis were randomized to laser therapy or "
        "placebo laser to test the procedures.",
        results="Heel pain fell by 2.0 points with laser and 1.4 points with placebo; the "
        "groups were not compared.",
        conclusions="The trial procedures are feasible. Whether laser therapy relieves plantar "
        "fasciitis remains to be tested in a larger trial.",
    )
    assert first[("laser_therapy", "plantar_fasciitis")].direction == "inconclusive"


def test_a_review_effective_for_two_conditions_but_not_for_a_third(vocab: Vocabulary) -> None:
    first = first_effects(
        vocab,
        title="Laser therapy for neck pain, knee osteoarthritis and plantar fasciitis: an overview",
        types=[JOURNAL_ARTICLE, META_ANALYSIS],
        methods="Meta-analyses of laser therapy were collected and their trials re-pooled by "
        "condition.",
        conclusions="Laser therapy is effective for neck pain and knee osteoarthritis, but not "
        "for plantar fasciitis.",
    )
    assert first[("laser_therapy", "neck_pain")].direction == "benefit"
    assert first[("laser_therapy", "knee_osteoarthritis")].direction == "benefit"
    assert first[("laser_therapy", "plantar_fasciitis")].direction == "no_benefit"


def test_but_not_for_long_keeps_the_benefit(vocab: Vocabulary) -> None:
    first = first_effects(
        vocab,
        title="Laser therapy for neck pain: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Forty adults with neck pain were randomized to laser therapy or placebo laser.",
        conclusions="Laser therapy relieved neck pain more than placebo, but not for long.",
    )
    assert first[("laser_therapy", "neck_pain")].direction == "benefit"
