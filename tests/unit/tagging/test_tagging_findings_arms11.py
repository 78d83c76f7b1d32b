"""Which arm a result belongs to, in trials of two treatments and a control arm: classes of
the tenth round, each on records of our own. Every record and sentence is SYNTHETIC."""

from __future__ import annotations

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
