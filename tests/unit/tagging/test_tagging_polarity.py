"""The findings reader on which arm a comparison favours and which way its outcome is better.

Every record and sentence here is SYNTHETIC, written for the kind it exercises: the
comparative is said of the arm named first, not of the one after "than" or "compared
with"; a control arm that did better is the studied arm doing worse; lower is better for
pain, disability and their scales, higher for thresholds, motion, strength and relief; an
adverse event that was more frequent is a safety finding's, not an effect; an outcome of
unknown polarity gives no benefit or harm; quantities and calls for research compare no arms.
"""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, RCT, article

from evidence.models import Finding
from evidence.tagging import Vocabulary
from evidence.tagging.directions import classify_clause, read_comparison
from evidence.tagging.findings import analyse_article


def reading(clause: str) -> str | None:
    """The findings reader's direction of one clause (arms read from its words)."""
    return classify_clause(clause, arms=())


@pytest.mark.parametrize(
    ("clause", "subject", "verdict"),
    [
        pytest.param(
            "neck disability was lower in the needling arm than in the placebo arm",
            "studied",
            1,
            id="first-named-studied",
        ),
        pytest.param(
            "vas scores were lower in the control group than in the experimental group",
            "control",
            -1,
            id="first-named-control",
        ),
        pytest.param(
            "the treated group showed greater cervical rotation than the sham group",
            "studied",
            1,
            id="showed-greater",
        ),
        pytest.param(
            "relative to usual care, the intervention group reported lower pain intensity",
            "studied",
            1,
            id="reference-first",
        ),
        pytest.param(
            "the waiting-list group had higher odi scores than the active group",
            "control",
            1,
            id="control-higher-on-lower-better",
        ),
        pytest.param(
            "nrs ratings were higher than in the sham arm",
            "studied",
            -1,
            id="only-the-reference-named",
        ),
    ],
)
def test_the_comparative_is_said_of_the_arm_named_first(
    clause: str, subject: str, verdict: int
) -> None:
    comparison = read_comparison(clause)
    assert comparison is not None
    assert (comparison.subject, comparison.verdict) == (subject, verdict)


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        pytest.param(
            "pain intensity fell further in the experimental group than in the control group",
            "benefit",
            id="fell-further",
        ),
        pytest.param(
            "headache frequency decreased less with the active device than with the sham device",
            "harm",
            id="decreased-less",
        ),
        pytest.param(
            "the sham group improved more than the needling group at six weeks",
            "harm",
            id="sham-improved-more",
        ),
        pytest.param(
            "less improvement was recorded in the experimental arm than in the control arm",
            "harm",
            id="less-improvement",
        ),
        pytest.param(
            "pain relief was greater in the active group than in the placebo group",
            "benefit",
            id="relief-greater",
        ),
        pytest.param(
            "a larger reduction in pain was seen in the treatment arm than in the control arm",
            "benefit",
            id="larger-reduction",
        ),
        pytest.param(
            "the rise in pressure pain threshold was larger in the needling group than in the "
            "control group",
            "benefit",
            id="threshold-rising",
        ),
        pytest.param(
            "the laser group had a smaller increase in pain than the placebo group",
            "benefit",
            id="smaller-increase-in-pain",
        ),
    ],
)
def test_a_change_is_read_with_how_much_and_for_whom(clause: str, direction: str) -> None:
    assert reading(clause) == direction


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        pytest.param(
            "at one month the needling group had significantly higher pain scores than the "
            "sham group (p = 0.03)",
            "harm",
            id="pain-higher",
        ),
        pytest.param(
            "disability scores were significantly lower in the intervention group compared "
            "with the control group",
            "benefit",
            id="disability-lower",
        ),
        pytest.param(
            "shoulder range of motion was significantly greater in the experimental group than "
            "in the sham group",
            "benefit",
            id="rom-greater",
        ),
        pytest.param(
            "grip strength was significantly lower in the active group than in the control "
            "group (p < 0.01)",
            "harm",
            id="strength-lower",
        ),
        pytest.param(
            "the control group used more analgesic tablets than the treated group (p = 0.02)",
            "benefit",
            id="control-more-analgesics",
        ),
        pytest.param(
            "quality of life scores were higher in the placebo group than in the treated group "
            "(p = 0.04)",
            "harm",
            id="placebo-better-qol",
        ),
    ],
)
def test_the_outcomes_polarity_turns_a_difference_into_benefit_or_harm(
    clause: str, direction: str
) -> None:
    assert reading(clause) == direction


@pytest.mark.parametrize(
    "clause",
    [
        "post-injection soreness was significantly more frequent in the active group than in "
        "the placebo group (p < 0.01)",
        "bruising was significantly more common in the needling arm than in the sham arm",
        "adverse events were significantly more frequent in the treatment group than in the "
        "control group",
    ],
)
def test_an_adverse_event_more_frequent_is_no_effect(clause: str) -> None:
    assert reading(clause) is None


@pytest.mark.parametrize(
    "clause",
    [
        "muscle thickness was significantly greater in the experimental group than in the "
        "control group",
        "serum cortisol was significantly lower in the sham group than in the active group",
        "the number of sessions attended was higher in the intervention arm than in the "
        "control arm (p = 0.01)",
    ],
)
def test_an_outcome_of_unknown_polarity_gives_no_benefit_or_harm(clause: str) -> None:
    assert reading(clause) is None


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        pytest.param(
            "the needling significantly reduced pain, and more trials are needed",
            "benefit",
            id="more-trials",
        ),
        pytest.param(
            "pain fell significantly after needling; larger randomized studies should follow",
            "benefit",
            id="larger-studies",
        ),
        pytest.param(
            "patients who had more than three sessions improved significantly",
            "benefit",
            id="more-than-three",
        ),
    ],
)
def test_a_quantity_or_a_call_for_research_compares_no_arms(clause: str, direction: str) -> None:
    assert reading(clause) == direction


def test_the_statistical_reading_is_kept_without_arms() -> None:
    # without `arms` the reader says only that an effect was found, whichever way
    clause = "the sham group had lower pain scores than the experimental group (p = 0.01)"
    assert classify_clause(clause) == "benefit"
    assert classify_clause(clause, arms=()) == "harm"


NEEDLING_TRIAL = {
    "title": "Dry needling for chronic neck pain: a sham-controlled randomized trial",
    "types": [JOURNAL_ARTICLE, RCT],
    "methods": "Sixty adults with chronic neck pain were randomized to dry needling or sham "
    "needling.",
    "conclusions": "Larger trials are needed.",
}


def effects(results: str, vocab: Vocabulary) -> list[Finding]:
    record = article(**{**NEEDLING_TRIAL, "results": results})  # type: ignore[arg-type]
    return [f for f in analyse_article(record, vocab)[1] if f.kind == "effect"]


def test_higher_pain_with_the_studied_treatment_is_harm(vocab: Vocabulary) -> None:
    found = effects(
        "Neck pain was significantly higher after dry needling than after sham needling at "
        "four weeks (p = 0.02).",
        vocab,
    )
    assert [f.direction for f in found if f.intervention == "dry_needling"][:1] == ["harm"]


def test_a_higher_threshold_with_the_studied_treatment_is_a_benefit(vocab: Vocabulary) -> None:
    found = effects(
        "Pressure pain thresholds were significantly higher in the dry needling group than in "
        "the sham group (p = 0.004).",
        vocab,
    )
    assert [f.direction for f in found if f.intervention == "dry_needling"][:1] == ["benefit"]


def test_the_sham_arm_doing_better_is_harm(vocab: Vocabulary) -> None:
    found = effects(
        "Compared with dry needling, the sham group reported lower disability at four weeks "
        "(p = 0.03).",
        vocab,
    )
    assert [f.direction for f in found if f.intervention == "dry_needling"][:1] == ["harm"]


def test_soreness_more_frequent_is_a_safety_harm_not_an_effect_benefit(
    vocab: Vocabulary,
) -> None:
    record = article(
        **{  # type: ignore[arg-type]
            **NEEDLING_TRIAL,
            "results": "Soreness after treatment was significantly more frequent in the dry "
            "needling group than in the sham group (p < 0.01).",
        }
    )
    found = analyse_article(record, vocab)[1]
    assert not [f for f in found if f.kind == "effect" and f.direction == "benefit"]
    safety = [f for f in found if f.kind == "safety"]
    assert safety and safety[0].direction == "harm"


@pytest.mark.parametrize(
    ("clause", "higher", "verdict"),
    [
        pytest.param(
            "post-hoc comparisons showed lower neck pain in the needling group than in the sham "
            "group",
            False,
            1,
            id="comparisons-are-no-arm",
        ),
        pytest.param(
            "the decrease in disability and quality of life scores was greater in the needling "
            "group than in the control group",
            False,
            1,
            id="a-fall-measured",
        ),
        pytest.param(
            "stiffness tended to decrease in the needling group and was lower than in the sham "
            "group at one week",
            False,
            1,
            id="decrease-as-a-verb",
        ),
        pytest.param(
            "better pain control was reported in the active group than in the control group",
            None,
            1,
            id="pain-control-is-no-arm",
        ),
    ],
)
def test_the_outcome_measured_and_the_arms_are_told_apart(
    clause: str, higher: bool | None, verdict: int
) -> None:
    comparison = read_comparison(clause)
    assert comparison is not None
    assert (comparison.higher, comparison.verdict, comparison.subject) == (
        higher,
        verdict,
        "studied",
    )


def test_the_comparative_nearest_the_outcome_asked_about_is_read() -> None:
    clause = (
        "in the sham group the success rate was lower than in the needling group, and the "
        "complication rate was higher"
    )
    outcome = clause.index("complication")
    comparison = read_comparison(clause, outcome=(outcome, outcome + len("complication")))
    assert comparison is not None
    assert (comparison.subject, comparison.higher) == ("control", False)


HEAD_TO_HEAD = {
    "title": "Dry needling or therapeutic ultrasound for neck pain: a randomized trial",
    "types": [JOURNAL_ARTICLE, RCT],
    "methods": "Sixty office workers with neck pain were randomized to dry needling or to "
    "therapeutic ultrasound, six sessions each.",
}


@pytest.mark.parametrize(
    "results",
    [
        "Neck pain was significantly higher after therapeutic ultrasound than after dry "
        "needling at six weeks (p = 0.01).",
        "Therapeutic ultrasound left significantly more neck disability than dry needling "
        "(p = 0.02).",
        "The therapeutic ultrasound group improved less than the dry needling group (p = 0.01).",
    ],
)
def test_the_arm_that_did_worse_head_to_head_leaves_the_benefit_to_the_other(
    vocab: Vocabulary, results: str
) -> None:
    record = article(**{**HEAD_TO_HEAD, "results": results})  # type: ignore[arg-type]
    found = [f for f in analyse_article(record, vocab)[1] if f.kind == "effect"]
    assert {(f.intervention, f.direction, f.comparator) for f in found} == {
        ("dry_needling", "benefit", "active")
    }


@pytest.mark.parametrize(
    "clause",
    [
        "dry needling was effective and more convenient for patients than surgery",
        "the injection relieved pain, with a shorter treatment time than the laser",
        "dry needling is an effective option, and less costly than the other arm",
    ],
)
def test_a_benefit_in_other_words_stands_beside_a_comparison_of_unknown_polarity(
    clause: str,
) -> None:
    assert classify_clause(clause, arms=[(0, 12)]) == "benefit"
