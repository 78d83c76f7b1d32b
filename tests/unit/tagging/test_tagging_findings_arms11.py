"""Which arm a result belongs to, in trials of two treatments and a control arm: classes of
the tenth round, each on records of our own. Every record and sentence is SYNTHETIC."""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, RCT, article

from evidence.models import Finding
from evidence.tagging import Vocabulary
from evidence.tagging.findings import analyse_article

THREE_ARMS = {
    "title": "Laser or shockwave added to exercise for heel pain: a randomized three-arm trial",
    "types": [JOURNAL_ARTICLE, RCT],
    "methods": "Ninety adults with plantar fasciitis were randomized to laser therapy, "
    "shockwave therapy or exercise alone (control).",
}


def effects(vocab: Vocabulary, results: str, conclusions: str) -> dict[str, list[Finding]]:
    record = {**THREE_ARMS, "results": results, "conclusions": conclusions}
    found = analyse_article(article(**record), vocab)[1]  # type: ignore[arg-type]
    out: dict[str, list[Finding]] = {}
    for finding in found:
        if finding.kind == "effect":
            out.setdefault(finding.intervention, []).append(finding)
    return out


def test_a_second_arm_after_than_and_the_control_is_a_reference(vocab: Vocabulary) -> None:
    # "more pain than the control and laser groups": laser is set after "than" too, so the
    # worse arm's harm is never laser's
    found = effects(
        vocab,
        "At 6 weeks the shockwave group had more pain than the control (P = .02) and laser "
        "(P = .01) groups.",
        "Further trials are needed.",
    )
    assert all(f.direction != "harm" for f in found.get("laser_therapy", []))


def test_usual_care_every_arm_had_is_no_arm_of_the_comparison(vocab: Vocabulary) -> None:
    found = effects(
        vocab,
        "Pain fell in all groups.",
        "With each added to exercise, laser therapy relieved heel pain better than shockwave "
        "therapy.",
    )
    (laser,) = found["laser_therapy"][:1]
    assert (laser.direction, laser.comparator) == ("benefit", "active")
    assert all(
        f.direction != "benefit" or "better" not in f.sentence
        for f in found.get("shockwave_therapy", [])
    )


def test_each_of_a_list_of_treatments_improving_is_a_change_within_the_arms(
    vocab: Vocabulary,
) -> None:
    found = effects(
        vocab,
        "Outcomes were recorded at 12 weeks.",
        "Laser therapy, shockwave therapy and exercise each lowered heel pain.",
    )
    assert [f.comparator for f in found["laser_therapy"][:1]] == ["none"]


SHAM_TRIAL = {
    "title": "Laser therapy for neck pain: a randomized sham-controlled trial",
    "types": [JOURNAL_ARTICLE, RCT],
    "methods": "Fifty adults with neck pain were randomized to laser therapy or sham laser.",
    "conclusions": "More research is needed.",
}


def first_effect(vocab: Vocabulary, results: str) -> Finding:
    found = analyse_article(article(**{**SHAM_TRIAL, "results": results}), vocab)[1]  # type: ignore[arg-type]
    return next(f for f in found if f.kind == "effect" and f.intervention == "laser_therapy")


@pytest.mark.parametrize(
    ("results", "direction"),
    [
        # the arms' values as numbers, the outcome's side decides
        (
            "Pain scores at 6 weeks were 2.4 (SD 1.2) in the laser therapy group and 4.0 (SD "
            "1.4) in the sham group (p = 0.003).",
            "benefit",
        ),
        (
            "Pain at one day was 5.1 in the laser therapy group and 3.2 in the sham group "
            "(p = 0.01).",
            "harm",
        ),
        (
            "Pressure pain thresholds were 4.6 kg/cm2 in the laser therapy group and 3.1 "
            "kg/cm2 in the sham group (p < 0.001).",
            "benefit",
        ),
    ],
)
def test_the_arms_values_told_as_numbers_are_read_by_the_outcomes_side(
    vocab: Vocabulary, results: str, direction: str
) -> None:
    assert first_effect(vocab, results).direction == direction


def test_numbers_without_a_significant_p_are_no_difference_read_from_them(
    vocab: Vocabulary,
) -> None:
    finding = first_effect(
        vocab,
        "Pain scores were 3.0 in the laser therapy group and 3.2 in the sham group (p = 0.64).",
    )
    assert finding.direction != "benefit"
