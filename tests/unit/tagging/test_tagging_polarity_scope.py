"""The polarity reading fires only on an outcome compared between the arms.

Every sentence here is SYNTHETIC, written for the kind it exercises. A comparative can
describe something other than how the studied arm's outcome compared with its
comparator's: the dose, intensity or number of sessions that the effect came with; a
subgroup of patients in whom it was larger; the cost of two treatments; the arms at
baseline; one arm at two times; two doses or variants of one treatment. Such a clause is
read as if it compared no arms (`read_comparison` gives None), so its statistical reading
stands; a comparison of an outcome between the arms is still read by its polarity.
"""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, RCT, article

from evidence.tagging import Vocabulary
from evidence.tagging.directions import classify_clause, read_comparison
from evidence.tagging.findings import analyse_article

# the names of the studied treatments in the clauses below, found as `findings.py` passes
# them (spans of the clause)
STUDIED = ("dry needling", "acupuncture", "laser", "tens", "shock wave therapy", "kinesio taping")


def spans(clause: str) -> list[tuple[int, int]]:
    found = []
    for name in STUDIED:
        start = clause.find(name)
        while start >= 0:
            found.append((start, start + len(name)))
            start = clause.find(name, start + 1)
    return sorted(found)


def not_a_comparison_of_arms(clause: str) -> None:
    arms = spans(clause)
    assert arms, "each clause names a studied treatment"
    assert read_comparison(clause, arms) is None
    # the statistical reading stands, as for a clause that compares nothing
    assert classify_clause(clause, arms=arms) == classify_clause(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "laser therapy relieved pain significantly, but only at higher doses per point",
        "tens lowered pain scores significantly when given at a higher stimulation intensity",
        "acupuncture reduced disability (p = 0.02), an effect seen mainly with more sessions "
        "per week",
        "shock wave therapy eased heel pain significantly, and longer treatment durations "
        "gave no extra relief",
    ],
)
def test_a_comparative_of_the_dose_or_sessions_compares_no_outcome(clause: str) -> None:
    not_a_comparison_of_arms(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "the effect of dry needling on pain was more pronounced in patients with acute symptoms",
        "kinesio taping improved pain significantly, and the gain was greater among women",
        "acupuncture relieved neck pain significantly, notably in people whose pain was of "
        "shorter duration",
        "laser relieved pain significantly in patients with higher pain scores at entry to "
        "the trial",
    ],
)
def test_a_subgroup_in_which_the_effect_was_larger_is_no_comparison_of_arms(
    clause: str,
) -> None:
    not_a_comparison_of_arms(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "electrolysis treated heel pain at a lower cost than dry needling did",
        "ultrasound was less expensive than acupuncture for shoulder pain",
        "laser treated shoulder pain at a better cost-utility ratio than injections",
        "dry needling was more cost-effective than surgery for heel pain",
    ],
)
def test_a_comparison_of_costs_is_no_comparison_of_outcomes(clause: str) -> None:
    not_a_comparison_of_arms(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "at baseline, neck pain was higher in the dry needling group than in the sham group",
        "the sham group scored higher at baseline than the acupuncture group on disability",
        "baseline differences showed lower pain thresholds in the laser group than in the "
        "placebo group",
    ],
)
def test_the_arms_compared_at_baseline_tell_no_result(clause: str) -> None:
    not_a_comparison_of_arms(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "in the dry needling group, pain was significantly lower at twelve weeks than at four "
        "weeks",
        "disability after laser was significantly lower after treatment than before it",
        "pain scores after acupuncture were significantly higher at 6 months than at 1 month",
    ],
)
def test_one_arm_at_two_times_is_no_comparison_of_arms(clause: str) -> None:
    not_a_comparison_of_arms(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "the high-intensity laser group had significantly more pain than the low-intensity "
        "laser group",
        "neck pain fell significantly more with a long course of dry needling than with a "
        "short course",
        "pain was significantly lower after high-dose laser than after low-dose laser",
    ],
)
def test_two_doses_of_one_treatment_are_no_arm_against_its_comparator(clause: str) -> None:
    not_a_comparison_of_arms(clause)


@pytest.mark.parametrize(
    ("clause", "verdict"),
    [
        pytest.param(
            "pain was significantly lower in the dry needling group than in the sham group at "
            "twelve weeks",
            1,
            id="a-time-point-is-no-time-comparison",
        ),
        pytest.param(
            "the reduction in pain from baseline was greater in the acupuncture group than in "
            "the sham group",
            1,
            id="a-change-from-baseline",
        ),
        pytest.param(
            "compared with baseline, pain decreased more in the sham group than in the laser group",
            -1,
            id="compared-with-baseline",
        ),
        pytest.param(
            "dry needling was associated with higher pain intensity than sham needling",
            -1,
            id="associated-with-an-outcome",
        ),
        pytest.param(
            "the laser group used lower doses of analgesics than the placebo group",
            1,
            id="a-dose-of-a-rescue-drug-is-an-outcome",
        ),
        pytest.param(
            "patients treated with acupuncture had less pain than those given sham",
            1,
            id="treated-with-names-an-arm",
        ),
    ],
)
def test_an_outcome_compared_between_the_arms_is_still_read(clause: str, verdict: int) -> None:
    comparison = read_comparison(clause, spans(clause))
    assert comparison is not None and comparison.verdict == verdict


NEEDLING_TRIAL = {
    "title": "Dry needling for chronic neck pain: a sham-controlled randomized trial",
    "types": [JOURNAL_ARTICLE, RCT],
    "methods": "Sixty adults with chronic neck pain were randomized to dry needling or sham "
    "needling.",
}


def effect_directions(vocab: Vocabulary, **sections: str) -> list[str]:
    record = article(**{**NEEDLING_TRIAL, **sections})  # type: ignore[arg-type]
    return [
        f.direction
        for f in analyse_article(record, vocab)[1]
        if f.kind == "effect" and f.intervention == "dry_needling"
    ]


def test_a_benefit_seen_with_higher_doses_stays_a_benefit(vocab: Vocabulary) -> None:
    directions = effect_directions(
        vocab,
        conclusions="Dry needling gave a short-term benefit for neck pain, seen mainly with "
        "higher doses and in patients whose pain was of shorter duration.",
    )
    assert directions[:1] == ["benefit"]


def test_a_cheaper_comparator_is_no_harm_of_the_studied_treatment(vocab: Vocabulary) -> None:
    directions = effect_directions(
        vocab,
        results="Neck pain fell significantly in both groups (p < 0.01).",
        conclusions="Manual therapy treated neck pain at a lower cost than dry needling did.",
    )
    assert "harm" not in directions
